func.func @conv_strided(%i: tensor<1x3x16x16xf32>, %k: tensor<8x3x3x3xf32>, %o: tensor<1x8x7x7xf32>) -> tensor<1x8x7x7xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%i, %k : tensor<1x3x16x16xf32>, tensor<8x3x3x3xf32>) outs(%o : tensor<1x8x7x7xf32>) -> tensor<1x8x7x7xf32>
  return %0 : tensor<1x8x7x7xf32>
}
func.func @conv_dilated_int(%i: memref<2x4x10x12xi8>, %k: memref<6x4x3x3xi8>, %o: memref<2x6x6x4xi32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<2> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>} ins(%i, %k : memref<2x4x10x12xi8>, memref<6x4x3x3xi8>) outs(%o : memref<2x6x6x4xi32>)
  return
}
func.func @conv_default(%i: tensor<1x1x5x5xf64>, %k: tensor<1x1x2x2xf64>, %o: tensor<1x1x4x4xf64>) -> tensor<1x1x4x4xf64> {
  %0 = linalg.conv_2d_nchw_fchw ins(%i, %k : tensor<1x1x5x5xf64>, tensor<1x1x2x2xf64>) outs(%o : tensor<1x1x4x4xf64>) -> tensor<1x1x4x4xf64>
  return %0 : tensor<1x1x4x4xf64>
}
