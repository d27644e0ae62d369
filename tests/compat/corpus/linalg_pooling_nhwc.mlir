func.func @pool_max(%i: tensor<1x8x8x3xf32>, %k: tensor<3x3xf32>, %o: tensor<1x3x3x3xf32>) -> tensor<1x3x3x3xf32> {
  %0 = linalg.pooling_nhwc_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%i, %k : tensor<1x8x8x3xf32>, tensor<3x3xf32>) outs(%o : tensor<1x3x3x3xf32>) -> tensor<1x3x3x3xf32>
  return %0 : tensor<1x3x3x3xf32>
}
func.func @pool_sum(%i: memref<1x6x6x2xf32>, %k: memref<2x2xf32>, %o: memref<1x5x5x2xf32>) {
  linalg.pooling_nhwc_sum ins(%i, %k : memref<1x6x6x2xf32>, memref<2x2xf32>) outs(%o : memref<1x5x5x2xf32>)
  return
}
func.func @pool_sum_i8_i32(%i: tensor<1x4x4x1xi8>, %k: tensor<2x2xi8>, %o: tensor<1x3x3x1xi32>) -> tensor<1x3x3x1xi32> {
  %0 = linalg.pooling_nhwc_sum ins(%i, %k : tensor<1x4x4x1xi8>, tensor<2x2xi8>) outs(%o : tensor<1x3x3x1xi32>) -> tensor<1x3x3x1xi32>
  return %0 : tensor<1x3x3x1xi32>
}
