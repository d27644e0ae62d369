func.func @dw_nhwc(%i: tensor<1x8x8x3xf32>, %k: tensor<3x3x3xf32>, %o: tensor<1x6x6x3xf32>) -> tensor<1x6x6x3xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc ins(%i, %k : tensor<1x8x8x3xf32>, tensor<3x3x3xf32>) outs(%o : tensor<1x6x6x3xf32>) -> tensor<1x6x6x3xf32>
  return %0 : tensor<1x6x6x3xf32>
}
func.func @dw_nhwc_strided(%i: memref<1x9x9x4xi8>, %k: memref<3x3x4xi8>, %o: memref<1x4x4x4xi32>) {
  linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%i, %k : memref<1x9x9x4xi8>, memref<3x3x4xi8>) outs(%o : memref<1x4x4x4xi32>)
  return
}
func.func @dw_nchw(%i: tensor<2x3x8x8xf16>, %k: tensor<3x2x2xf16>, %o: tensor<2x3x4x4xf16>) -> tensor<2x3x4x4xf16> {
  %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%i, %k : tensor<2x3x8x8xf16>, tensor<3x2x2xf16>) outs(%o : tensor<2x3x4x4xf16>) -> tensor<2x3x4x4xf16>
  return %0 : tensor<2x3x4x4xf16>
}
