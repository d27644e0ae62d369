func.func @args(%a: i32 {test.arg = 1 : i32}, %b: f32, %c: memref<4xf32> {test.noalias, test.align = 16 : i64}) -> (i32 {test.res}, f32) {
  return %a, %b : i32, f32
}
func.func private @decl_attrs(i32 {test.a}, tensor<2xf32>) -> (f64 {test.r = "x"})
func.func private @single_result_attr() -> (i8 {test.only})
func.func @empty_arg_dict(%a: i32 {}) -> (i32 {}) {
  return %a : i32
}
