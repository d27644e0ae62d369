// FLAGS: --allow-unregistered-dialect
!alias_of_opaque = !test.wrapped<i32, "x">
func.func private @opaque(!test.simple, !test.params<1, 2>, !test<"raw body">, !test.nested<tensor<2x!test.inner<f32>>>, !alias_of_opaque) -> ()
func.func private @opaque_strings(!test.s<"a\"b">, !test<"with space">, !other.dialect_type) -> ()
func.func @uses(%a: !test.simple) -> !test.params<1, 2> {
  %0 = "test.convert"(%a) : (!test.simple) -> !test.params<1, 2>
  return %0 : !test.params<1, 2>
}
