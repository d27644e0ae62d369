// RUN: mlir-py-opt %s --split-input-file --convert-linalg-to-loops | filecheck %s

// One scf.for per loop, loads at the indexing maps, the payload, a store to the output (mlir-opt's form).
// CHECK-LABEL: func.func @matmul
//  CHECK-SAME:     (%[[A:.*]]: memref<4x8xf32>, %[[B:.*]]: memref<8x16xf32>, %[[C:.*]]: memref<4x16xf32>)
//   CHECK-DAG:   %[[C0:.*]] = arith.constant 0 : index
//   CHECK-DAG:   %[[C1:.*]] = arith.constant 1 : index
//   CHECK-DAG:   %[[C4:.*]] = arith.constant 4 : index
//   CHECK-DAG:   %[[C8:.*]] = arith.constant 8 : index
//   CHECK-DAG:   %[[C16:.*]] = arith.constant 16 : index
//       CHECK:   scf.for %[[I:.*]] = %[[C0]] to %[[C4]] step %[[C1]] {
//       CHECK:     scf.for %[[J:.*]] = %[[C0]] to %[[C16]] step %[[C1]] {
//       CHECK:       scf.for %[[K:.*]] = %[[C0]] to %[[C8]] step %[[C1]] {
//  CHECK-NEXT:         %[[VA:.*]] = memref.load %[[A]][%[[I]], %[[K]]] : memref<4x8xf32>
//  CHECK-NEXT:         %[[VB:.*]] = memref.load %[[B]][%[[K]], %[[J]]] : memref<8x16xf32>
//  CHECK-NEXT:         %[[VC:.*]] = memref.load %[[C]][%[[I]], %[[J]]] : memref<4x16xf32>
//  CHECK-NEXT:         %[[M:.*]] = arith.mulf %[[VA]], %[[VB]] : f32
//  CHECK-NEXT:         %[[S:.*]] = arith.addf %[[VC]], %[[M]] : f32
//  CHECK-NEXT:         memref.store %[[S]], %[[C]][%[[I]], %[[J]]] : memref<4x16xf32>
func.func @matmul(%a: memref<4x8xf32>, %b: memref<8x16xf32>, %c: memref<4x16xf32>) {
  linalg.matmul ins(%a, %b : memref<4x8xf32>, memref<8x16xf32>) outs(%c : memref<4x16xf32>)
  return
}

// -----

// Strided convolution: the input index d2 * 2 + d5 is computed with arith (mlir-opt uses affine.apply).
// CHECK-LABEL: func.func @conv
//       CHECK:   scf.for %[[N:[a-z0-9]+]] =
//       CHECK:     scf.for %[[F:[a-z0-9]+]] =
//       CHECK:       scf.for %[[H:[a-z0-9]+]] =
//       CHECK:         scf.for %[[W:[a-z0-9]+]] =
//       CHECK:           scf.for %[[C:[a-z0-9]+]] =
//       CHECK:             scf.for %[[KH:[a-z0-9]+]] =
//       CHECK:               scf.for %[[KW:[a-z0-9]+]] =
//       CHECK:                 %[[T0:.*]] = arith.muli %[[H]], %[[C2:.*]] : index
//       CHECK:                 %[[IH:.*]] = arith.addi %[[T0]], %[[KH]] : index
//       CHECK:                 %[[T1:.*]] = arith.muli %[[W]], %[[C2]] : index
//       CHECK:                 %[[IW:.*]] = arith.addi %[[T1]], %[[KW]] : index
//       CHECK:                 memref.load %arg0[%[[N]], %[[C]], %[[IH]], %[[IW]]] : memref<1x3x9x9xf32>
func.func @conv(%a: memref<1x3x9x9xf32>, %b: memref<2x3x3x3xf32>, %c: memref<1x2x4x4xf32>) {
  linalg.conv_2d_nchw_fchw {strides = dense<2> : tensor<2xi64>, dilations = dense<1> : tensor<2xi64>} ins(%a, %b : memref<1x3x9x9xf32>, memref<2x3x3x3xf32>) outs(%c : memref<1x2x4x4xf32>)
  return
}

// -----

// Dynamic sizes come from memref.dim; linalg.index is the induction variable; a scalar input is used directly.
// CHECK-LABEL: func.func @dynamic
//   CHECK-DAG:   %[[C0:.*]] = arith.constant 0 : index
//   CHECK-DAG:   %[[C1:.*]] = arith.constant 1 : index
//   CHECK-DAG:   %[[D0:.*]] = memref.dim %arg0, %[[C0]] : memref<?x?xf32>
//   CHECK-DAG:   %[[D1:.*]] = memref.dim %arg0, %[[C1]] : memref<?x?xf32>
//       CHECK:   scf.for %[[I:.*]] = %[[C0]] to %[[D0]] step %[[C1]] {
//       CHECK:     scf.for %[[J:.*]] = %[[C0]] to %[[D1]] step %[[C1]] {
//       CHECK:       %[[X:.*]] = memref.load %arg0[%[[I]], %[[J]]] : memref<?x?xf32>
//       CHECK:       %[[Y:.*]] = memref.load %arg1[%[[I]]] : memref<?xf32>
//       CHECK:       %[[JI:.*]] = arith.index_cast %[[J]] : index to i32
//       CHECK:       memref.store %{{.*}}, %arg1[%[[I]]] : memref<?xf32>
func.func @dynamic(%a: memref<?x?xf32>, %c: memref<?xf32>, %s: f32) {
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> ()>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%a, %s : memref<?x?xf32>, f32) outs(%c : memref<?xf32>) {
  ^bb0(%x: f32, %k: f32, %y: f32):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i32
    %jf = arith.sitofp %ji : i32 to f32
    %p = arith.mulf %x, %jf : f32
    %q = arith.mulf %p, %k : f32
    %r = arith.addf %q, %y : f32
    linalg.yield %r : f32
  }
  return
}

// -----

// Ops on tensors are left alone.
// CHECK-LABEL: func.func @tensors
//       CHECK:   linalg.matmul
//   CHECK-NOT:   scf.for
func.func @tensors(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}
