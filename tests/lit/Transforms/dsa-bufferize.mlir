// RUN: mlir-py-opt %s --dsa-fuse --dsa-layout --dsa-tile --dsa-bufferize 2>/dev/null | filecheck %s

// Stage 4 of --lower-to-dsa: a matmul with its fused bias + ReLU, then a plain matmul reading the first one's
// result from a DRAM scratch buffer. Tensors become #dsa.dram memrefs (the result an argument marked
// dsa.output), SRAM tiles are memref.alloc until dsa-plan-memory places them. The program is sequential: one
// buffer per tile role, each K step's loads wait for the previous step's primitives (the K loop's carried token),
// the primitives wait for the loads and for the previous block's stores; K steps accumulate
// (accumulate(%k != 0)); each layer ends waiting for its last primitive and its stores. The schedule is left to
// dsa-schedule as attributes: the tile loops it may pipeline (dsa.pipeline) and the buffers whose contents do
// not live across their iterations (dsa.rotate).

// CHECK-LABEL: func.func @mlp
//  CHECK-SAME:     (%[[A:.*]]: memref<20x16xf32, #dsa.dram>, %[[B:.*]]: memref<16x16xf32, #dsa.dram>, %[[BIAS:.*]]: memref<16xf32, #dsa.dram>, %[[OUT:.*]]: memref<20x16xf32, #dsa.dram> {dsa.output}) attributes {dsa.kernel}
//       CHECK:   %[[H:.*]] = memref.alloc() : memref<20x16xf32, #dsa.dram>
//       CHECK:   %[[ABUF:.*]] = memref.alloc() {dsa.rotate = "[[K:matmul0.k[0-9]+]]"} : memref<2x16x16xf32, #dsa.sram>
//       CHECK:   %[[BBUF:.*]] = memref.alloc() {dsa.rotate = "[[K]]"} : memref<1x16x16xf32, #dsa.sram>
//       CHECK:   %[[CBUF:.*]] = memref.alloc() {dsa.rotate = "[[BLK:matmul0.blocks[0-9]+]]"} : memref<2x1x16x16xf32, #dsa.sram>
//       CHECK:   %[[OBUF:.*]] = memref.alloc() {dsa.rotate = "[[BLK]]"} : memref<2x1x16x16xf32, #dsa.sram>
//       CHECK:   %[[BB:.*]] = memref.alloc() : memref<1x16xf32, #dsa.sram>
//       CHECK:   %[[TB:.*]] = dsa.dma_load %[[BIAS]][%{{.*}}] [16] masked into %[[BB]][]
//       CHECK:   %[[R:.*]]:2 = scf.for %{{.*}} iter_args(%[[TC:.*]] = %[[TB]], %[[TS:.*]] = %[[TB]])
//       CHECK:     %[[KR:.*]] = scf.for %{{.*}} iter_args(%[[T:.*]] = %[[TC]])
//       CHECK:       dsa.dma_load %[[A]][%{{.*}}, %{{.*}}] [16, 16] masked into %[[ABUF]][%{{.*}}] after(%[[T]])
//       CHECK:       dsa.dma_load %[[B]][%{{.*}}, %{{.*}}] [16, 16] masked into %[[BBUF]][%{{.*}}] after(%[[T]])
//       CHECK:       %[[START:.*]] = dsa.join(%{{.*}}, %[[TS]])
//       CHECK:       %[[ACC:.*]] = arith.cmpi ne
//       CHECK:       dsa.matmul %[[ABUF]][{{.*}}], %[[BBUF]][{{.*}}], %[[CBUF]][{{.*}}] accumulate(%[[ACC]]) -> %[[OBUF]][{{.*}}] bias %[[BB]][{{.*}}] relu after(%[[START]])
//       CHECK:     } {dsa.pipeline = "[[K]]"}
//       CHECK:     dsa.dma_store %[[OBUF]][{{.*}}] into %[[H]][{{.*}}] [16, 16] masked after(%[[KR]])
//       CHECK:   } {dsa.layer = "matmul0", dsa.pipeline = "[[BLK]]"}
//       CHECK:   dsa.wait %[[R]]#0, %[[R]]#1
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
