func.func @conv_nhwc(%i: tensor<1x16x16x3xf32>, %k: tensor<3x3x3x8xf32>, %o: tensor<1x14x14x8xf32>) -> tensor<1x14x14x8xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf ins(%i, %k : tensor<1x16x16x3xf32>, tensor<3x3x3x8xf32>) outs(%o : tensor<1x14x14x8xf32>) -> tensor<1x14x14x8xf32>
  return %0 : tensor<1x14x14x8xf32>
}
func.func @conv_nhwc_memref(%i: memref<1x9x9x2xi16>, %k: memref<2x2x2x4xi16>, %o: memref<1x4x4x4xi32>) {
  linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%i, %k : memref<1x9x9x2xi16>, memref<2x2x2x4xi16>) outs(%o : memref<1x4x4x4xi32>)
  return
}
func.func @conv_nhwc_dynamic(%i: tensor<?x?x?x?xf32>, %k: tensor<3x3x?x?xf32>, %o: tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf ins(%i, %k : tensor<?x?x?x?xf32>, tensor<3x3x?x?xf32>) outs(%o : tensor<?x?x?x?xf32>) -> tensor<?x?x?x?xf32>
  return %0 : tensor<?x?x?x?xf32>
}
