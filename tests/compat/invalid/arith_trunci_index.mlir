// arith.trunci takes fixed-width integers, not index.
func.func @f(%i: index) -> i32 {
  %0 = arith.trunci %i : index to i32
  return %0 : i32
}
