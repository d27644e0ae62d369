// A registered op's `<...>` properties must be inherent attributes it does not print elsewhere.
func.func private @g()
func.func @f() {
  func.call @g() <callee = @g> : () -> ()
  return
}
