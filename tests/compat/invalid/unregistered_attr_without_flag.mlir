// Attributes of an unknown dialect need --allow-unregistered-dialect.
func.func @f() attributes {x = #test.thing} {
  return
}
