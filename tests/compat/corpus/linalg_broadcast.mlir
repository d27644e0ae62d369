func.func @broadcast_rows(%a: tensor<16xf32>, %init: tensor<16x64xf32>) -> tensor<16x64xf32> {
  %0 = linalg.broadcast ins(%a : tensor<16xf32>) outs(%init : tensor<16x64xf32>) dimensions = [1]
  return %0 : tensor<16x64xf32>
}
func.func @broadcast_memref(%a: memref<4xi64>, %init: memref<2x4x3xi64>) {
  linalg.broadcast ins(%a : memref<4xi64>) outs(%init : memref<2x4x3xi64>) dimensions = [0, 2] {tag}
  return
}
func.func @broadcast_scalar_tensor(%a: tensor<f32>, %init: tensor<5x5xf32>) -> tensor<5x5xf32> {
  %0 = linalg.broadcast ins(%a : tensor<f32>) outs(%init : tensor<5x5xf32>) dimensions = [0, 1]
  return %0 : tensor<5x5xf32>
}
