// RUN: mlir-py-opt %s --dsa-fuse --dsa-layout --dsa-tile --dsa-bufferize 2>/dev/null | filecheck %s

// Stage 4 of --lower-to-dsa: a matmul with its fused bias + ReLU, then a plain matmul reading the first one's
// result from a DRAM scratch buffer. Tensors become #dsa.dram memrefs (the result an argument marked
// dsa.output), SRAM tiles are memref.alloc until dsa-plan-memory places them; A/B tiles and accumulators are
// ping-pong buffers (leading dimension 2); K steps accumulate (accumulate(%k != 0)); each layer ends waiting
// for its last primitive and its stores.

// CHECK-LABEL: func.func @mlp
//  CHECK-SAME:     (%[[A:.*]]: memref<20x16xf32, #dsa.dram>, %[[B:.*]]: memref<16x16xf32, #dsa.dram>, %[[BIAS:.*]]: memref<16xf32, #dsa.dram>, %[[OUT:.*]]: memref<20x16xf32, #dsa.dram> {dsa.output}) attributes {dsa.kernel}
//       CHECK:   %[[H:.*]] = memref.alloc() : memref<20x16xf32, #dsa.dram>
//       CHECK:   %[[ABUF:.*]] = memref.alloc() : memref<2x2x16x16xf32, #dsa.sram>
//       CHECK:   %[[BBUF:.*]] = memref.alloc() : memref<2x1x16x16xf32, #dsa.sram>
//       CHECK:   %[[CBUF:.*]] = memref.alloc() : memref<2x2x1x16x16xf32, #dsa.sram>
//       CHECK:   %[[OBUF:.*]] = memref.alloc() : memref<2x2x1x16x16xf32, #dsa.sram>
//       CHECK:   %[[BB:.*]] = memref.alloc() : memref<1x16xf32, #dsa.sram>
//       CHECK:   dsa.dma_load %[[BIAS]][%{{.*}}] [16] masked into %[[BB]][]
//       CHECK:   scf.for
//       CHECK:     scf.for
//       CHECK:       dsa.dma_load %[[A]][%{{.*}}, %{{.*}}] [16, 16] masked into %[[ABUF]]
//       CHECK:       dsa.dma_load %[[B]][%{{.*}}, %{{.*}}] [16, 16] masked into %[[BBUF]]
//       CHECK:       %[[ACC:.*]] = arith.cmpi ne
//       CHECK:       dsa.matmul %[[ABUF]][{{.*}}], %[[BBUF]][{{.*}}], %[[CBUF]][{{.*}}] accumulate(%[[ACC]]) -> %[[OBUF]][{{.*}}] bias %[[BB]][{{.*}}] relu after
//       CHECK:     dsa.dma_store %[[OBUF]][{{.*}}] into %[[H]][{{.*}}] [16, 16] masked after
//       CHECK:   dsa.wait
//       CHECK:   dsa.dma_load %[[H]]
//       CHECK:   dsa.matmul
//   CHECK-NOT:     bias
//       CHECK:   dsa.dma_store {{.*}} into %[[OUT]]
//       CHECK:   dsa.wait
//   CHECK-NOT:   linalg.
func.func @mlp(%a: tensor<20x16xf32>, %b: tensor<16x16xf32>, %bias: tensor<16xf32>) -> tensor<20x16xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<20x16xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<20x16xf32>) -> tensor<20x16xf32>
  %m = linalg.matmul ins(%a, %b : tensor<20x16xf32>, tensor<16x16xf32>) outs(%i : tensor<20x16xf32>) -> tensor<20x16xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%m, %bias : tensor<20x16xf32>, tensor<16xf32>) outs(%e : tensor<20x16xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    %t = arith.maximumf %s, %z : f32
    linalg.yield %t : f32
  } -> tensor<20x16xf32>
  %m2 = linalg.matmul ins(%r, %b : tensor<20x16xf32>, tensor<16x16xf32>) outs(%i : tensor<20x16xf32>) -> tensor<20x16xf32>
  return %m2 : tensor<20x16xf32>
}
