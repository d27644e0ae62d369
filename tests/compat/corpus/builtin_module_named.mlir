// A named module with discardable attributes and a symbol visibility.
module @outer attributes {test.flag, test.version = 3 : i32, "test.quoted key" = "v"} {
  func.func @f() {
    return
  }
}
