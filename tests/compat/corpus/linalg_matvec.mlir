func.func @matvec_f32(%a: tensor<4x8xf32>, %x: tensor<8xf32>, %y: tensor<4xf32>) -> tensor<4xf32> {
  %0 = linalg.matvec ins(%a, %x : tensor<4x8xf32>, tensor<8xf32>) outs(%y : tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @matvec_i8(%a: memref<4x8xi8>, %x: memref<8xi8>, %y: memref<4xi32>) {
  linalg.matvec ins(%a, %x : memref<4x8xi8>, memref<8xi8>) outs(%y : memref<4xi32>)
  return
}
