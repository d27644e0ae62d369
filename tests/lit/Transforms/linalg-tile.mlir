// RUN: mlir-py-opt %s --split-input-file --linalg-tile="tile-sizes=8,16" | filecheck %s
// RUN: mlir-py-opt %s --split-input-file --linalg-tile="tile-sizes=8" | filecheck %s --check-prefix=CONV

// On tensors: one scf.for per tiled loop carrying the init, slices in, the op on the tile, insert_slice out.
// 16 is a multiple of 8 (static tile), 20 is not a multiple of 16 (the last tile is min(16, 20 - j)).
// CHECK-LABEL: func.func @matmul_tensors
//   CHECK-DAG:   %[[C0:.*]] = arith.constant 0 : index
//   CHECK-DAG:   %[[C8:.*]] = arith.constant 8 : index
//   CHECK-DAG:   %[[C16:.*]] = arith.constant 16 : index
//   CHECK-DAG:   %[[C20:.*]] = arith.constant 20 : index
//       CHECK:   %[[R:.*]] = scf.for %[[I:.*]] = %[[C0]] to %[[C16]] step %[[C8]] iter_args(%[[A0:.*]] = %arg2) -> (tensor<16x20xf32>) {
//       CHECK:     %[[R1:.*]] = scf.for %[[J:.*]] = %[[C0]] to %[[C20]] step %[[C16]] iter_args(%[[A1:.*]] = %[[A0]]) -> (tensor<16x20xf32>) {
//       CHECK:       %[[REST:.*]] = arith.subi %[[C20]], %[[J]] : index
//       CHECK:       %[[SZ:.*]] = arith.minsi %[[C16]], %[[REST]] : index
//       CHECK:       %[[SA:.*]] = tensor.extract_slice %arg0[%[[I]], 0] [8, 8] [1, 1] : tensor<16x8xf32> to tensor<8x8xf32>
//       CHECK:       %[[SB:.*]] = tensor.extract_slice %arg1[0, %[[J]]] [8, %[[SZ]]] [1, 1] : tensor<8x20xf32> to tensor<8x?xf32>
//       CHECK:       %[[SC:.*]] = tensor.extract_slice %[[A1]][%[[I]], %[[J]]] [8, %[[SZ]]] [1, 1] : tensor<16x20xf32> to tensor<8x?xf32>
//       CHECK:       %[[M:.*]] = linalg.matmul ins(%[[SA]], %[[SB]] : tensor<8x8xf32>, tensor<8x?xf32>) outs(%[[SC]] : tensor<8x?xf32>) -> tensor<8x?xf32>
//       CHECK:       %[[INS:.*]] = tensor.insert_slice %[[M]] into %[[A1]][%[[I]], %[[J]]] [8, %[[SZ]]] [1, 1] : tensor<8x?xf32> into tensor<16x20xf32>
//       CHECK:       scf.yield %[[INS]] : tensor<16x20xf32>
//       CHECK:     scf.yield %[[R1]] : tensor<16x20xf32>
//       CHECK:   return %[[R]]
func.func @matmul_tensors(%a: tensor<16x8xf32>, %b: tensor<8x20xf32>, %c: tensor<16x20xf32>) -> tensor<16x20xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<16x8xf32>, tensor<8x20xf32>) outs(%c : tensor<16x20xf32>) -> tensor<16x20xf32>
  return %0 : tensor<16x20xf32>
}

// -----

// On buffers: subviews, the op writes its tile in place, no iter_args.
// CHECK-LABEL: func.func @matmul_buffers
//       CHECK:   scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
//       CHECK:     scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
//       CHECK:       %[[SA:.*]] = memref.subview %arg0[%[[I]], 0] [8, 8] [1, 1] : memref<16x8xf32> to memref<8x8xf32, strided<[8, 1], offset: ?>>
//       CHECK:       %[[SB:.*]] = memref.subview %arg1[0, %[[J]]] [8, 16] [1, 1] : memref<8x32xf32> to memref<8x16xf32, strided<[32, 1], offset: ?>>
//       CHECK:       %[[SC:.*]] = memref.subview %arg2[%[[I]], %[[J]]] [8, 16] [1, 1] : memref<16x32xf32> to memref<8x16xf32, strided<[32, 1], offset: ?>>
//       CHECK:       linalg.matmul ins(%[[SA]], %[[SB]] : {{.*}}) outs(%[[SC]] : memref<8x16xf32, strided<[32, 1], offset: ?>>)
func.func @matmul_buffers(%a: memref<16x8xf32>, %b: memref<8x32xf32>, %c: memref<16x32xf32>) {
  linalg.matmul ins(%a, %b : memref<16x8xf32>, memref<8x32xf32>) outs(%c : memref<16x32xf32>)
  return
}

// -----

// A strided convolution: the input window of a tile of 8 output rows is (8 - 1) * 2 + (3 - 1) + 1 = 17 rows.
// With tile-sizes=8 only the first (parallel) loop is tiled; the kernel is used whole.
// CONV-LABEL: func.func @conv_1d_strided
//       CONV:   scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %arg2) -> (tensor<16xf32>) {
//       CONV:     %[[OFF:.*]] = arith.muli %[[I]], %{{.*}} : index
//       CONV:     %[[X:.*]] = tensor.extract_slice %arg0[%[[OFF]]] [17] [1] : tensor<33xf32> to tensor<17xf32>
//       CONV:     %[[O:.*]] = tensor.extract_slice %[[ACC]][%[[I]]] [8] [1] : tensor<16xf32> to tensor<8xf32>
//       CONV:     linalg.generic {{.*}} ins(%[[X]], %arg1 : tensor<17xf32>, tensor<3xf32>) outs(%[[O]] : tensor<8xf32>)
func.func @conv_1d_strided(%x: tensor<33xf32>, %k: tensor<3xf32>, %c: tensor<16xf32>) -> tensor<16xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0 * 2 + d1)>, affine_map<(d0, d1) -> (d1)>,
                                        affine_map<(d0, d1) -> (d0)>],
                       iterator_types = ["parallel", "reduction"]}
      ins(%x, %k : tensor<33xf32>, tensor<3xf32>) outs(%c : tensor<16xf32>) {
  ^bb0(%u: f32, %v: f32, %w: f32):
    %p = arith.mulf %u, %v : f32
    %s = arith.addf %p, %w : f32
    linalg.yield %s : f32
  } -> tensor<16xf32>
  return %r : tensor<16xf32>
}
