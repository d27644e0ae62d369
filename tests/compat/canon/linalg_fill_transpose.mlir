func.func @fill_reshape(%a: f32) -> (tensor<24xf32>, tensor<2x3x4xf32>) {
  %e = tensor.empty() : tensor<6x4xf32>
  %0 = linalg.fill ins(%a : f32) outs(%e : tensor<6x4xf32>) -> tensor<6x4xf32>
  %1 = tensor.collapse_shape %0 [[0, 1]] : tensor<6x4xf32> into tensor<24xf32>
  %2 = tensor.expand_shape %0 [[0, 1], [2]] output_shape [2, 3, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  return %1, %2 : tensor<24xf32>, tensor<2x3x4xf32>
}
func.func @transposes(%t: tensor<4x8xf32>, %e: tensor<4x8xf32>, %f: tensor<8x4xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>) {
  %0 = linalg.transpose ins(%t : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) permutation = [0, 1]
  %1 = linalg.transpose ins(%t : tensor<4x8xf32>) outs(%f : tensor<8x4xf32>) permutation = [1, 0]
  %2 = linalg.transpose ins(%1 : tensor<8x4xf32>) outs(%e : tensor<4x8xf32>) permutation = [1, 0]
  return %0, %2 : tensor<4x8xf32>, tensor<4x8xf32>
}
func.func @fill_copy(%a: f32, %m: memref<4xf32>, %n: memref<4xf32>) {
  linalg.fill ins(%a : f32) outs(%m : memref<4xf32>)
  linalg.copy ins(%m : memref<4xf32>) outs(%n : memref<4xf32>)
  return
}
func.func @fill_copy_t(%a: f32, %e: tensor<4xf32>, %f: tensor<4xf32>) -> tensor<4xf32> {
  %0 = linalg.fill ins(%a : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %1 = linalg.copy ins(%0 : tensor<4xf32>) outs(%f : tensor<4xf32>) -> tensor<4xf32>
  return %1 : tensor<4xf32>
}
