func.func @transpose_2d(%a: tensor<16x64xf32>, %init: tensor<64x16xf32>) -> tensor<64x16xf32> {
  %0 = linalg.transpose ins(%a : tensor<16x64xf32>) outs(%init : tensor<64x16xf32>) permutation = [1, 0]
  return %0 : tensor<64x16xf32>
}
func.func @transpose_3d(%a: memref<2x3x4xi8>, %init: memref<4x2x3xi8>) {
  linalg.transpose ins(%a : memref<2x3x4xi8>) outs(%init : memref<4x2x3xi8>) permutation = [2, 0, 1] {tag}
  return
}
func.func @transpose_dynamic(%a: tensor<?x8xf16>, %init: tensor<8x?xf16>) -> tensor<8x?xf16> {
  %0 = linalg.transpose ins(%a : tensor<?x8xf16>) outs(%init : tensor<8x?xf16>) permutation = [1, 0]
  return %0 : tensor<8x?xf16>
}
