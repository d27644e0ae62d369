// Inherent attributes of an op with a declarative format go in `<...>`, not in the attribute dictionary.
func.func private @g()
func.func @f() {
  func.call @g() {no_inline} : () -> ()
  return
}
