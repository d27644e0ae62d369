func.func @with_attrs() attributes {test.inline_hint = "always", test.unit, test.n = 3 : i64} {
  return
}
func.func private @"quoted name"(i32)
func.func private @"with\"quote"()
func.func private @dots.and$dollar()
func.func @calls_quoted(%x: i32) {
  call @"quoted name"(%x) : (i32) -> ()
  call @dots.and$dollar() : () -> ()
  return
}
func.func private @no_inline_fn() attributes {no_inline}
func.func private @decl_with_attrs(i1) -> i1 attributes {test.k = unit}
