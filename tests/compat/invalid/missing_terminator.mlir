// The body of a func.func must end with a terminator.
func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
}
