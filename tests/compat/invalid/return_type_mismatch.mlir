// The returned value must have the function's result type.
func.func @f(%a: i32) -> i64 {
  return %a : i32
}
