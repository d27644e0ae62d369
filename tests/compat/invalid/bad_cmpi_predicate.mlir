// 'lt' is not a cmpi predicate (slt and ult are).
func.func @f(%a: i32) -> i1 {
  %0 = arith.cmpi lt, %a, %a : i32
  return %0 : i1
}
