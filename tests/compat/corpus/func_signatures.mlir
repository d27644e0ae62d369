func.func @explicit_empty_results() -> () {
  return
}
func.func @numbered_args(%0: i32, %1: f32) -> (f32, i32) {
  return %1, %0 : f32, i32
}
func.func @arg_name_clash(%arg1: i8, %arg0: i8) -> i8 {
  %arg2 = arith.addi %arg1, %arg0 : i8
  return %arg2 : i8
}
func.func private @tensor_results() -> (tensor<?xf32>, memref<4xi8>, vector<2xi1>, index)
func.func private @many_args(i1, i2, i4, i8, i16, i32, i64, index, f16, bf16, f32, f64, none, complex<f32>, tuple<i1>)
func.func @one_result_paren(%x: i1) -> (i1) {
  return %x : i1
}
