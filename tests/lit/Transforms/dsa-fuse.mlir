// RUN: mlir-py-opt %s --split-input-file --dsa-fuse | filecheck %s

// Stage 1 of --lower-to-dsa: layers. The bias add + ReLU generic fuses into the matmul's post-processing, the
// zero fill becomes the accumulator's initial value.

// CHECK-LABEL: func.func @matmul_bias_relu
//       CHECK:   linalg.fill {dsa.fused_into = "init"}
//       CHECK:   linalg.matmul {dsa.layer = "matmul0"}
//       CHECK:   linalg.generic
//  CHECK-SAME:     attrs = {dsa.fused_into = "matmul0"}
func.func @matmul_bias_relu(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %bias: tensor<32xf32>) -> tensor<8x32xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x32xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<8x32xf32>) -> tensor<8x32xf32>
  %m = linalg.matmul ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%i : tensor<8x32xf32>) -> tensor<8x32xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%m, %bias : tensor<8x32xf32>, tensor<32xf32>) outs(%e : tensor<8x32xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    %t = arith.maximumf %s, %z : f32
    linalg.yield %t : f32
  } -> tensor<8x32xf32>
  return %r : tensor<8x32xf32>
}

// -----

// The zero pad folds into the conv's DMA gather; the max pooling after the conv joins its layer (sort unit).

// CHECK-LABEL: func.func @conv_pool
//       CHECK:   tensor.pad
//       CHECK:   } {dsa.fused_into = "conv2d0"} : tensor<1x3x8x8xf32> to tensor<1x3x10x10xf32>
//       CHECK:   linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, dsa.layer = "conv2d0"
//       CHECK:   linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, dsa.layer = "conv2d0"
func.func @conv_pool(%x: tensor<1x3x8x8xf32>) -> tensor<1x4x4x4xf32> {
  %z = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %w = arith.constant dense<0.5> : tensor<4x3x3x3xf32>
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    tensor.yield %z : f32
  } : tensor<1x3x8x8xf32> to tensor<1x3x10x10xf32>
  %e = tensor.empty() : tensor<1x4x8x8xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %c = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %w : tensor<1x3x10x10xf32>, tensor<4x3x3x3xf32>) outs(%i : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %win = tensor.empty() : tensor<2x2xf32>
  %e2 = tensor.empty() : tensor<1x4x4x4xf32>
  %i2 = linalg.fill ins(%ninf : f32) outs(%e2 : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %mp = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%c, %win : tensor<1x4x8x8xf32>, tensor<2x2xf32>) outs(%i2 : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  return %mp : tensor<1x4x4x4xf32>
}

// -----

// An elementwise op that is not a post-processing of a matmul is a layer of its own (vector unit); a payload
// the vector unit cannot compute (exp) gets no layer.

// CHECK-LABEL: func.func @standalone
//       CHECK:   linalg.generic
//  CHECK-SAME:     attrs = {dsa.layer = "elementwise0"}
//       CHECK:   linalg.generic
//   CHECK-NOT:     dsa.layer
//       CHECK:   return
func.func @standalone(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %r = arith.subf %x, %y : f32
    linalg.yield %r : f32
  } -> tensor<4x8xf32>
  %x = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%s : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%v: f32, %o: f32):
    %r = math.exp %v : f32
    linalg.yield %r : f32
  } -> tensor<4x8xf32>
  return %x : tensor<4x8xf32>
}
