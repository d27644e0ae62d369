func.func private @nothing()
func.func private @id(%x: i16) -> i16 {
  return %x : i16
}
func.func @caller(%x: i16) -> i16 {
  func.call @nothing() : () -> ()
  %0 = func.call @id(%x) : (i16) -> i16
  %1 = call @id(%0) {test.tag = "second"} : (i16) -> i16
  "func.call"() <{callee = @nothing, no_inline}> : () -> ()
  call @nothing() <no_inline> {test.z} : () -> ()
  %2 = "func.call"(%1) <{callee = @id, arg_attrs = [{test.a}], res_attrs = [{}]}> : (i16) -> i16
  return %2 : i16
}
