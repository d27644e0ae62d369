// A use of a value that is never defined.
func.func @f() -> i32 {
  return %nowhere : i32
}
