module {
  module @a {
    func.func private @inner_decl(i32) -> i32
    module @b attributes {test.depth = 2 : i64} {
      func.func @leaf() {
        return
      }
    }
  }
  module {
  }
  func.func @top() {
    return
  }
}
