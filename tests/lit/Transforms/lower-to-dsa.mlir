// RUN: mlir-py-opt %s --lower-to-dsa --mlir-print-ir-after-all -o %t 2>&1 | filecheck %s --check-prefix=STAGES
// RUN: filecheck %s --input-file=%t
// RUN: mlir-py-run %t --entry net --target=dsa --random-inputs --stats | filecheck %s --check-prefix=SIM
// RUN: not mlir-py-opt %s '--pass-pipeline=builtin.module(lower-to-dsa{n=64 sram-kib=32})' 2>&1 | filecheck %s --check-prefix=SMALL

// The whole pipeline on a conv (zero pad, bias, ReLU) + 2x2 max pooling + flatten + fully connected layer.

// STAGES: IR Dump After LinalgSpecializeGenericOpsPass: linalg-specialize-generic-ops
// STAGES: IR Dump After DsaFusePass: dsa-fuse
// STAGES: IR Dump After DsaLayoutPass: dsa-layout
// STAGES: IR Dump After DsaTilePass: dsa-tile
// STAGES: IR Dump After DsaBufferizePass: dsa-bufferize
// STAGES: IR Dump After DsaPlanMemoryPass: dsa-plan-memory

// CHECK: module attributes {dsa.target = #dsa.target<n = 16, sram_kib = 512
// CHECK: memref.global "private" constant @__dsa_net_filter_1 : memref<2x1x16x16xf32, #dsa.dram>
// CHECK-LABEL: func.func @net
//  CHECK-SAME:   {dsa.output}) attributes {dsa.dram_lower_bound_bytes = {{[0-9]+}} : i64, dsa.kernel, dsa.peak_dram_bytes = {{[0-9]+}} : i64, dsa.peak_sram_bytes = {{[0-9]+}} : i64, dsa.sram_lower_bound_bytes = {{[0-9]+}} : i64}
//       CHECK:   dsa.buffer at 0 : memref<2x{{.*}}, #dsa.sram>
//       CHECK:   dsa.dma_load %arg0[{{.*}}] [1, 1, 1, 16] strides [1, 1, 1, 1] masked into
//       CHECK:   dsa.matmul {{.*}} transpose_lhs -> {{.*}} bias {{.*}} relu
//       CHECK:   dsa.dma_store {{.*}} permutation [0, 2, 3, 1] masked
//       CHECK:   dsa.maxpool {{.*}} window [2, 2] strides [2, 2]
//       CHECK:   dsa.matmul
//   CHECK-NOT:   memref.alloc
//   CHECK-NOT:   linalg.

// SIM: DSA simulation: n = 16
// SIM: MAC utilization
// SIM: peak SRAM

// SMALL: lower-to-dsa.mlir:{{[0-9]+}}:8: error: 'linalg.conv_2d_nchw_fchw' op layer 'conv2d0' does not fit the target: needs {{[0-9]+}} bytes of SRAM for one double-buffered tile set of 64x64 tiles but the target has 32768 (32 KiB)
func.func @net(%x: tensor<1x3x8x8xf32>) -> tensor<1x10xf32> {
  %z = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %w = arith.constant dense<0.25> : tensor<4x3x3x3xf32>
  %bias = arith.constant dense<[0.5, -0.5, 1.0, -1.0]> : tensor<4xf32>
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):
    tensor.yield %z : f32
  } : tensor<1x3x8x8xf32> to tensor<1x3x10x10xf32>
  %e = tensor.empty() : tensor<1x4x8x8xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %c = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%p, %w : tensor<1x3x10x10xf32>, tensor<4x3x3x3xf32>) outs(%i : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%c, %bias : tensor<1x4x8x8xf32>, tensor<4xf32>) outs(%e : tensor<1x4x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %s = arith.addf %a, %b : f32
    %t = arith.maximumf %s, %z : f32
    linalg.yield %t : f32
  } -> tensor<1x4x8x8xf32>
  %win = tensor.empty() : tensor<2x2xf32>
  %e2 = tensor.empty() : tensor<1x4x4x4xf32>
  %i2 = linalg.fill ins(%ninf : f32) outs(%e2 : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %mp = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%r, %win : tensor<1x4x8x8xf32>, tensor<2x2xf32>) outs(%i2 : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %flat = tensor.collapse_shape %mp [[0], [1, 2, 3]] : tensor<1x4x4x4xf32> into tensor<1x64xf32>
  %w2 = arith.constant dense<0.125> : tensor<64x10xf32>
  %e3 = tensor.empty() : tensor<1x10xf32>
  %i3 = linalg.fill ins(%z : f32) outs(%e3 : tensor<1x10xf32>) -> tensor<1x10xf32>
  %fc = linalg.matmul ins(%flat, %w2 : tensor<1x64xf32>, tensor<64x10xf32>) outs(%i3 : tensor<1x10xf32>) -> tensor<1x10xf32>
  return %fc : tensor<1x10xf32>
}
