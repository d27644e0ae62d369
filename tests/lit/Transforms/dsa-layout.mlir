// RUN: mlir-py-opt %s --split-input-file --dsa-fuse --dsa-layout="n=16" --verify-diagnostics | filecheck %s

// Stage 2 of --lower-to-dsa: the 4x3x3x3 filter becomes Wᵀ (K = 27 rows, F = 4 columns) packed into 16x16
// blocks at compile time: ⌈27/16⌉ x ⌈4/16⌉ blocks, a new DRAM global named by the conv.

// CHECK: module attributes {dsa.target = #dsa.target<n = 16,
// Block (0, 0), row k = 0: W[f, 0, 0, 0] = 1.0 for the 4 filters, then zero padding.
// CHECK: memref.global "private" constant @__dsa_conv_filter_1 : memref<2x1x16x16xf32, #dsa.dram> = dense<"0x0000803F0000803F0000803F0000803F00000000
// CHECK-LABEL: func.func @conv
//       CHECK:   linalg.conv_2d_nchw_fchw
//  CHECK-SAME:     dsa.layer = "conv2d0", dsa.layout = "im2col", dsa.packed_filter = "__dsa_conv_filter_1"
func.func @conv(%x: tensor<1x3x8x8xf32>) -> tensor<1x4x6x6xf32> {
  %z = arith.constant 0.0 : f32
  %w = arith.constant dense<[[[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]], [[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]], [[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]], [[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]]]> : tensor<4x3x3x3xf32>
  %e = tensor.empty() : tensor<1x4x6x6xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  %c = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) outs(%i : tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  return %c : tensor<1x4x6x6xf32>
}

// -----

func.func @dynamic_filter(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x6x6xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  // expected-error @+1 {{'linalg.conv_2d_nchw_fchw' op the DSA lowering needs a constant filter to pack it at compile time}}
  %c = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) outs(%i : tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32>
  return %c : tensor<1x4x6x6xf32>
}
