func.func @batch_f16(%a: tensor<3x4x8xf16>, %b: tensor<3x8x16xf16>, %c: tensor<3x4x16xf32>) -> tensor<3x4x16xf32> {
  %0 = linalg.batch_matmul ins(%a, %b : tensor<3x4x8xf16>, tensor<3x8x16xf16>) outs(%c : tensor<3x4x16xf32>) -> tensor<3x4x16xf32>
  return %0 : tensor<3x4x16xf32>
}
func.func @batch_memref(%a: memref<2x4x8xi16>, %b: memref<2x8x4xi16>, %c: memref<2x4x4xi64>) {
  linalg.batch_matmul ins(%a, %b : memref<2x4x8xi16>, memref<2x8x4xi16>) outs(%c : memref<2x4x4xi64>)
  return
}
func.func @batch_dynamic(%a: tensor<?x?x?xf32>, %b: tensor<?x?x?xf32>, %c: tensor<?x?x?xf32>) -> tensor<?x?x?xf32> {
  %0 = linalg.batch_matmul ins(%a, %b : tensor<?x?x?xf32>, tensor<?x?x?xf32>) outs(%c : tensor<?x?x?xf32>) -> tensor<?x?x?xf32>
  return %0 : tensor<?x?x?xf32>
}
