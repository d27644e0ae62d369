// An SSA name may be defined once per scope.
func.func @f() {
  %x = arith.constant 1 : i32
  %x = arith.constant 2 : i32
  return
}
