func.func @pool_max(%i: tensor<1x3x8x8xf32>, %k: tensor<2x2xf32>, %o: tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32> {
  %0 = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%i, %k : tensor<1x3x8x8xf32>, tensor<2x2xf32>) outs(%o : tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
  return %0 : tensor<1x3x4x4xf32>
}
func.func @pool_sum(%i: memref<2x4x6x6xi32>, %k: memref<3x3xi32>, %o: memref<2x4x4x4xi32>) {
  linalg.pooling_nchw_sum ins(%i, %k : memref<2x4x6x6xi32>, memref<3x3xi32>) outs(%o : memref<2x4x4x4xi32>)
  return
}
func.func @pool_max_int(%i: tensor<1x1x4x4xi8>, %k: tensor<2x2xi8>, %o: tensor<1x1x2x2xi8>) -> tensor<1x1x2x2xi8> {
  %0 = linalg.pooling_nchw_max {strides = dense<2> : tensor<2xi64>} ins(%i, %k : tensor<1x1x4x4xi8>, tensor<2x2xi8>) outs(%o : tensor<1x1x2x2xi8>) -> tensor<1x1x2x2xi8>
  return %0 : tensor<1x1x2x2xi8>
}
