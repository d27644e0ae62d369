// mlir-py-opt --load-pass-plugin examples/plugin_pass/mlir_py_pass_demo --strength-reduce-mul-by-pow2 examples/plugin_pass/example.mlir
func.func @scale(%x: i32, %n: index) -> (i32, index) {
  %c8 = arith.constant 8 : i32
  %0 = arith.muli %x, %c8 : i32
  %c4 = arith.constant 4 : index
  %1 = arith.muli %c4, %n : index
  return %0, %1 : i32, index
}
