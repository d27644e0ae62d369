// RUN: mlir-py-opt %s --split-input-file --convert-tc-to-linalg | filecheck %s
// RUN: mlir-py-opt %s --split-input-file --convert-tc-to-linalg --mlir-print-op-generic | mlir-py-opt --split-input-file | filecheck %s

// CHECK-DAG: #[[MK:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[KN:.*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG: #[[MN:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @matmul
//  CHECK-SAME:   (%[[A:.*]]: tensor<4x8xf32>, %[[B:.*]]: tensor<8x5xf32>)
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<4x5xf32>
//       CHECK:   %[[Z:.*]] = arith.constant 0.000000e+00 : f32
//       CHECK:   %[[F:.*]] = linalg.fill ins(%[[Z]] : f32) outs(%[[E]] : tensor<4x5xf32>)
//       CHECK:   %[[R:.*]] = linalg.generic {indexing_maps = [#[[MK]], #[[KN]], #[[MN]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%[[A]], %[[B]] : tensor<4x8xf32>, tensor<8x5xf32>) outs(%[[F]] : tensor<4x5xf32>)
//       CHECK:   ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %[[O:.*]]: f32):
//       CHECK:     %[[P:.*]] = arith.mulf %[[X]], %[[Y]] : f32
//       CHECK:     %[[S:.*]] = arith.addf %[[O]], %[[P]] : f32
//       CHECK:     linalg.yield %[[S]] : f32
//       CHECK:   return %[[R]]
//   CHECK-NOT:   tc.comprehension
func.func @matmul(%a: tensor<4x8xf32>, %b: tensor<8x5xf32>) -> tensor<4x5xf32> {
  %c = tc.comprehension "C(m, n) +=! A(m, k) * B(k, n)" ins(A = %a : tensor<4x8xf32>, B = %b : tensor<8x5xf32>) -> tensor<4x5xf32>
  return %c : tensor<4x5xf32>
}

// -----

// Index arithmetic in subscripts becomes affine expressions (stride 2).
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d4, d2 * 2 + d5, d3 * 2 + d6)>
// CHECK-DAG: #[[W:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d1, d4, d5, d6)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @conv_strided
//       CHECK:   linalg.fill
//       CHECK:   linalg.generic {indexing_maps = [#[[IN]], #[[W]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
//       CHECK:     arith.mulf
//       CHECK:     arith.addf
func.func @conv_strided(%i: tensor<1x3x9x9xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32> {
  %o = tc.comprehension "O(n, f, h, w) +=! I(n, c, 2 * h + r, 2 * w + s) * W(f, c, r, s)" ins(I = %i : tensor<1x3x9x9xf32>, W = %w : tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32>
  return %o : tensor<1x4x4x4xf32>
}

// -----

// Dilation 2: h + 2 * r.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d4, d2 + d5 * 2, d3 + d6 * 2)>
// CHECK-LABEL: func.func @conv_dilated
//       CHECK:   linalg.generic {indexing_maps = [#[[IN]],
func.func @conv_dilated(%i: tensor<1x2x8x8xf32>, %w: tensor<3x2x3x3xf32>) -> tensor<1x3x4x4xf32> {
  %o = tc.comprehension "O(n, f, h, w) +=! I(n, c, h + 2 * r, w + 2 * s) * W(f, c, r, s)" ins(I = %i : tensor<1x2x8x8xf32>, W = %w : tensor<3x2x3x3xf32>) -> tensor<1x3x4x4xf32>
  return %o : tensor<1x3x4x4xf32>
}

// -----

// A pooling window: r and s bound no operand dimension, so a window tensor carries their extents.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 * 2 + d4, d3 * 2 + d5)>
// CHECK-DAG: #[[WIN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5)>
// CHECK-LABEL: func.func @maxpool
//       CHECK:   %[[NEG:.*]] = arith.constant 0xFF800000 : f32
//       CHECK:   %[[F:.*]] = linalg.fill ins(%[[NEG]] : f32)
//       CHECK:   %[[WT:.*]] = tensor.empty() : tensor<2x2xf32>
//       CHECK:   linalg.generic {indexing_maps = [#[[IN]], #[[WIN]], #{{.*}}], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%{{.*}}, %[[WT]] : tensor<1x2x6x6xf32>, tensor<2x2xf32>) outs(%[[F]]
//       CHECK:     arith.maximumf
func.func @maxpool(%i: tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32> {
  %o = tc.comprehension "O(n, c, h, w) max=! I(n, c, 2 * h + r, 2 * w + s) where r in 0:2, s in 0:2" ins(I = %i : tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32>
  return %o : tensor<1x2x3x3xf32>
}

// -----

// min=! fills with +inf, *=! with 1.
// CHECK-LABEL: func.func @min_and_prod
//       CHECK:   arith.constant 0x7F800000 : f32
//       CHECK:   arith.minimumf
//       CHECK:   arith.constant 1.000000e+00 : f32
//       CHECK:   arith.mulf
func.func @min_and_prod(%a: tensor<3x4xf32>) -> (tensor<3xf32>, tensor<3xf32>) {
  %0 = tc.comprehension "m(i) min=! A(i, j)" ins(A = %a : tensor<3x4xf32>) -> tensor<3xf32>
  %1 = tc.comprehension "p(i) *=! A(i, j)" ins(A = %a : tensor<3x4xf32>) -> tensor<3xf32>
  return %0, %1 : tensor<3xf32>, tensor<3xf32>
}

// -----

// A transpose: no fill (every element is written), the output map is the identity.
// CHECK-DAG: #[[T:.*]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @transpose
//   CHECK-NOT:   linalg.fill
//       CHECK:   linalg.generic {indexing_maps = [#[[T]], #[[ID]]], iterator_types = ["parallel", "parallel"]}
//       CHECK:   ^bb0(%[[IN:.*]]: f32, %{{.*}}: f32):
//  CHECK-NEXT:     linalg.yield %[[IN]] : f32
func.func @transpose(%a: tensor<3x5xf32>) -> tensor<5x3xf32> {
  %t = tc.comprehension "T(j, i) = A(i, j)" ins(A = %a : tensor<3x5xf32>) -> tensor<5x3xf32>
  return %t : tensor<5x3xf32>
}

// -----

// Accumulation without '!': the init operand is the output, no fill.
// CHECK-LABEL: func.func @accumulate
//  CHECK-SAME:   %[[INIT:[^:]*]]: tensor<3xi32>
//   CHECK-NOT:   linalg.fill
//       CHECK:   linalg.generic {{.*}} outs(%[[INIT]] : tensor<3xi32>)
//       CHECK:     %[[C2:.*]] = arith.constant 2 : i32
//       CHECK:     %[[D:.*]] = arith.divsi %{{.*}}, %[[C2]] : i32
//       CHECK:     arith.maxsi %{{.*}}, %[[D]] : i32
func.func @accumulate(%a: tensor<3x4xi32>, %c: tensor<3xi32>) -> tensor<3xi32> {
  %y = tc.comprehension "C(i) max= A(i, j) / 2" ins(A = %a : tensor<3x4xi32>) init(%c : tensor<3xi32>) -> tensor<3xi32>
  return %y : tensor<3xi32>
}

// -----

// A where range shorter than the dimension reads a slice, so linalg infers the right loop bound.
// CHECK-LABEL: func.func @where_prefix
//       CHECK:   %[[S:.*]] = tensor.extract_slice %{{.*}}[0, 0] [4, 3] [1, 1] : tensor<4x7xf32> to tensor<4x3xf32>
//       CHECK:   linalg.generic {{.*}} ins(%[[S]] : tensor<4x3xf32>)
func.func @where_prefix(%a: tensor<4x7xf32>) -> tensor<4xf32> {
  %b = tc.comprehension "s(i) +=! A(i, k) where k in 0:3" ins(A = %a : tensor<4x7xf32>) -> tensor<4xf32>
  return %b : tensor<4xf32>
}

// -----

// A left-hand range starting at 1: the generic op writes a slice of the zero-filled result.
// CHECK-LABEL: func.func @shifted_lhs
//       CHECK:   %[[F:.*]] = linalg.fill
//       CHECK:   %[[OUT:.*]] = tensor.extract_slice %[[F]][1] [4] [1] : tensor<5xf32> to tensor<4xf32>
//       CHECK:   %[[G:.*]] = linalg.generic {{.*}} outs(%[[OUT]] : tensor<4xf32>)
//       CHECK:   %[[R:.*]] = tensor.insert_slice %[[G]] into %[[F]][1] [4] [1] : tensor<4xf32> into tensor<5xf32>
//       CHECK:   return %[[R]]
func.func @shifted_lhs(%a: tensor<4xf32>) -> tensor<5xf32> {
  %b = tc.comprehension "B(i) = A(i - 1) where i in 1:5" ins(A = %a : tensor<4xf32>) -> tensor<5xf32>
  return %b : tensor<5xf32>
}

// -----

// Scalars are inputs with an empty map; comparisons, select, casts and index values in the payload.
// CHECK-DAG: #[[SC:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-LABEL: func.func @payload
//       CHECK:   linalg.generic {indexing_maps = [#[[SC]],
//       CHECK:     %[[J:.*]] = linalg.index 1 : index
//       CHECK:     %[[I:.*]] = linalg.index 0 : index
//       CHECK:     %[[C:.*]] = arith.cmpi sle, %[[J]], %[[I]] : index
//       CHECK:     arith.mulf
//       CHECK:     arith.sitofp %{{.*}} : i32 to f32
//       CHECK:     %[[I64:.*]] = arith.index_cast %[[I]] : index to i64
//       CHECK:     arith.sitofp %[[I64]] : i64 to f32
//       CHECK:     arith.select %[[C]]
func.func @payload(%s: f32, %x: tensor<3x4xf32>, %n: tensor<3x4xi32>) -> tensor<3x4xf32> {
  %y = tc.comprehension "Y(i, j) = j <= i ? s * X(i, j) : float(N(i, j)) + float(i)" ins(s = %s : f32, X = %x : tensor<3x4xf32>, N = %n : tensor<3x4xi32>) -> tensor<3x4xf32>
  return %y : tensor<3x4xf32>
}

// -----

// Builtins map to math / arith ops.
// CHECK-LABEL: func.func @builtins
//       CHECK:   math.exp
//       CHECK:   math.tanh
//       CHECK:   math.sqrt
//       CHECK:   arith.maximumf
//       CHECK:   arith.minnumf
func.func @builtins(%x: tensor<5xf32>) -> tensor<5xf32> {
  %y = tc.comprehension "Y(i) = fmin(max(exp(X(i)) + tanh(X(i)) + sqrt(X(i)), 0.0), 1.0)" ins(X = %x : tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// -----

// A subscript that is not affine becomes a gather (tensor.extract) in the payload.
// CHECK-LABEL: func.func @gather
//       CHECK:   linalg.generic
//       CHECK:     %[[I:.*]] = linalg.index 0 : index
//       CHECK:     %[[Q:.*]] = arith.divsi %[[I]], %{{.*}} : index
//       CHECK:     tensor.extract %{{.*}}[%[[Q]]] : tensor<4xf32>
func.func @gather(%x: tensor<4xf32>) -> tensor<8xf32> {
  %r = tc.comprehension "Y(i) = X(i / 2) where i in 0:8" ins(X = %x : tensor<4xf32>) -> tensor<8xf32>
  return %r : tensor<8xf32>
}

// -----

// Dynamic sizes: the result size comes from the operand dimension that bounds the index (tensor.dim), linalg
// infers the loop bounds from the operands.
// CHECK-LABEL: func.func @dynamic_matmul
//  CHECK-SAME:   (%[[A:.*]]: tensor<?x?xf32>, %[[B:.*]]: tensor<?x?xf32>)
//   CHECK-DAG:   %[[C0:.*]] = arith.constant 0 : index
//   CHECK-DAG:   %[[C1:.*]] = arith.constant 1 : index
//   CHECK-DAG:   %[[M:.*]] = tensor.dim %[[A]], %[[C0]] : tensor<?x?xf32>
//   CHECK-DAG:   %[[N:.*]] = tensor.dim %[[B]], %[[C1]] : tensor<?x?xf32>
//       CHECK:   %[[E:.*]] = tensor.empty(%[[M]], %[[N]]) : tensor<?x?xf32>
//       CHECK:   %[[F:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[E]] : tensor<?x?xf32>)
//       CHECK:   linalg.generic {{.*}} ins(%[[A]], %[[B]] : tensor<?x?xf32>, tensor<?x?xf32>) outs(%[[F]] : tensor<?x?xf32>)
func.func @dynamic_matmul(%a: tensor<?x?xf32>, %b: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %c = tc.comprehension "C(m, n) +=! A(m, k) * B(k, n)" ins(A = %a : tensor<?x?xf32>, B = %b : tensor<?x?xf32>) -> tensor<?x?xf32>
  return %c : tensor<?x?xf32>
}

// -----

// A dynamic where bound (K - 2 as A.1 - 2) becomes index arithmetic and a slice of that size.
// CHECK-LABEL: func.func @dynamic_where
//       CHECK:   %[[K:.*]] = tensor.dim %{{.*}}, %{{.*}} : tensor<?x?xf32>
//       CHECK:   %[[K2:.*]] = arith.subi %[[K]], %{{.*}} : index
//       CHECK:   %[[S:.*]] = tensor.extract_slice %{{.*}}[0, 0] [%{{.*}}, %[[K2]]] [1, 1] : tensor<?x?xf32> to tensor<?x?xf32>
//       CHECK:   linalg.generic {{.*}} ins(%[[S]] : tensor<?x?xf32>)
func.func @dynamic_where(%a: tensor<?x?xf32>) -> tensor<?xf32> {
  %c = tc.comprehension "P(m) +=! A(m, k) where k in 0:A.1 - 2" ins(A = %a : tensor<?x?xf32>) -> tensor<?xf32>
  return %c : tensor<?xf32>
}
