// A call resolves its callee in the nearest symbol table only: the nested module does not see @g.
func.func private @g()
module {
  func.func @f() {
    func.call @g() : () -> ()
    return
  }
}
