func.func @conv_pool(%img: memref<1x3x32x32xf32>, %k: memref<16x3x3x3xf32>, %window: memref<2x2xf32>) -> memref<1x16x15x15xf32> {
  %cst = arith.constant 0.000000e+00 : f32
  %conv = memref.alloc() : memref<1x16x30x30xf32>
  linalg.fill ins(%cst : f32) outs(%conv : memref<1x16x30x30xf32>)
  linalg.conv_2d_nchw_fchw ins(%img, %k : memref<1x3x32x32xf32>, memref<16x3x3x3xf32>) outs(%conv : memref<1x16x30x30xf32>)
  %pool = memref.alloc() : memref<1x16x15x15xf32>
  linalg.fill ins(%cst : f32) outs(%pool : memref<1x16x15x15xf32>)
  linalg.pooling_nchw_max {strides = dense<2> : tensor<2xi64>} ins(%conv, %window : memref<1x16x30x30xf32>, memref<2x2xf32>) outs(%pool : memref<1x16x15x15xf32>)
  memref.dealloc %conv : memref<1x16x30x30xf32>
  return %pool : memref<1x16x15x15xf32>
}
