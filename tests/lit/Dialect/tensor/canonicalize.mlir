// RUN: mlir-py-opt %s --split-input-file --canonicalize | filecheck %s

// tensor.dim of a static dimension folds to a constant, of a tensor.empty dynamic one to its size operand; a cast
// to the same type or back through a chain of casts folds away (the output equals mlir-opt's).
// CHECK-LABEL: func.func @dims_and_casts
//  CHECK-SAME:     (%[[T:.*]]: tensor<4x?xf32>, %[[N:.*]]: index)
//   CHECK-DAG:   %[[C1:.*]] = arith.constant 1 : index
//   CHECK-DAG:   %[[C4:.*]] = arith.constant 4 : index
//       CHECK:   %[[D:.*]] = tensor.dim %[[T]], %[[C1]] : tensor<4x?xf32>
//  CHECK-NEXT:   return %[[C4]], %[[N]], %[[D]], %[[T]] : index, index, index, tensor<4x?xf32>
func.func @dims_and_casts(%t: tensor<4x?xf32>, %n: index) -> (index, index, index, tensor<4x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %e = tensor.empty(%n) : tensor<4x?xf32>
  %d0 = tensor.dim %t, %c0 : tensor<4x?xf32>
  %d1 = tensor.dim %e, %c1 : tensor<4x?xf32>
  %d2 = tensor.dim %t, %c1 : tensor<4x?xf32>
  %a = tensor.cast %t : tensor<4x?xf32> to tensor<?x?xf32>
  %b = tensor.cast %a : tensor<?x?xf32> to tensor<4x?xf32>
  return %d0, %d1, %d2, %b : index, index, index, tensor<4x?xf32>
}

// -----

// A cast chain folds when dropping the middle type loses no run-time check; a cast to a more static type and back
// stays (the check that %t has 4 elements would be lost).
// CHECK-LABEL: func.func @cast_chains
//  CHECK-SAME:   (%[[T:.*]]: tensor<?xf32>, %[[U:.*]]: tensor<*xf32>, %[[V:.*]]: tensor<4x?xf32>)
//       CHECK:   %[[A:.*]] = tensor.cast %[[T]] : tensor<?xf32> to tensor<4xf32>
//       CHECK:   %[[B:.*]] = tensor.cast %[[A]] : tensor<4xf32> to tensor<?xf32>
//       CHECK:   %[[C:.*]] = tensor.cast %[[U]] : tensor<*xf32> to tensor<4xf32>
//       CHECK:   %[[D:.*]] = tensor.cast %[[V]] : tensor<4x?xf32> to tensor<?x?xf32>
//       CHECK:   return %[[B]], %[[C]], %[[D]]
func.func @cast_chains(%t: tensor<?xf32>, %u: tensor<*xf32>, %v: tensor<4x?xf32>) -> (tensor<?xf32>, tensor<4xf32>, tensor<?x?xf32>) {
  %0 = tensor.cast %t : tensor<?xf32> to tensor<4xf32>
  %1 = tensor.cast %0 : tensor<4xf32> to tensor<?xf32>
  %2 = tensor.cast %u : tensor<*xf32> to tensor<?xf32>
  %3 = tensor.cast %2 : tensor<?xf32> to tensor<4xf32>
  %4 = tensor.cast %v : tensor<4x?xf32> to tensor<?x?xf32>
  %5 = tensor.cast %4 : tensor<?x?xf32> to tensor<4x?xf32>
  %6 = tensor.cast %5 : tensor<4x?xf32> to tensor<?x?xf32>
  return %1, %3, %6 : tensor<?xf32>, tensor<4xf32>, tensor<?x?xf32>
}

// -----

// tensor.dim reads through casts, and takes the size operand of tensor.generate and of a non-rank-reducing
// tensor.extract_slice; a dynamic dimension of a function argument stays.
// CHECK-LABEL: func.func @dims
//  CHECK-SAME:   (%[[N:.*]]: index, %[[T:.*]]: tensor<?x8xf32>, %[[I:.*]]: index, %[[S:.*]]: tensor<4x?xf32>)
//   CHECK-DAG:   %[[C0:.*]] = arith.constant 0 : index
//   CHECK-DAG:   %[[C4:.*]] = arith.constant 4 : index
//       CHECK:   %[[D:.*]] = tensor.dim %[[T]], %[[C0]] : tensor<?x8xf32>
//   CHECK-NOT:   tensor.cast
//       CHECK:   return %[[N]], %[[N]], %[[D]], %[[C4]]
func.func @dims(%n: index, %t: tensor<?x8xf32>, %i: index, %s: tensor<4x?xf32>) -> (index, index, index, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %g = tensor.generate %n {
  ^bb0(%a: index, %b: index):
    %f = arith.constant 1.0 : f32
    tensor.yield %f : f32
  } : tensor<4x?xf32>
  %d = tensor.dim %g, %c1 : tensor<4x?xf32>
  %sl = tensor.extract_slice %t[%i, 0] [%n, 8] [1, 1] : tensor<?x8xf32> to tensor<?x8xf32>
  %e = tensor.dim %sl, %c0 : tensor<?x8xf32>
  %f = tensor.dim %t, %c0 : tensor<?x8xf32>
  %cs = tensor.cast %s : tensor<4x?xf32> to tensor<?x?xf32>
  %h = tensor.dim %cs, %c0 : tensor<?x?xf32>
  return %d, %e, %f, %h : index, index, index, index
}

// -----

// tensor.extract: of tensor.from_elements at constant indices (row-major), of constants, and through a cast;
// out-of-range indices, dynamic indices into from_elements, a non-constant splat and an insert stay.
// CHECK-LABEL: func.func @extracts
//  CHECK-SAME:   (%[[A:.*]]: f32, %[[B:.*]]: f32, %[[C:.*]]: f32, %[[D:.*]]: f32, %[[I:.*]]: index, %[[T:.*]]: tensor<4xf32>)
//   CHECK-DAG:   %[[TWO:.*]] = arith.constant 2.000000e+00 : f32
//   CHECK-DAG:   %[[SEVEN:.*]] = arith.constant 7.000000e+00 : f32
//       CHECK:   %[[FE:.*]] = tensor.from_elements %[[A]], %[[B]], %[[C]], %[[D]] : tensor<2x2xf32>
//       CHECK:   %[[X:.*]] = tensor.extract %[[FE]][%[[I]], %{{.*}}] : tensor<2x2xf32>
//       CHECK:   %[[OOB:.*]] = tensor.extract %[[FE]][%{{.*}}, %{{.*}}] : tensor<2x2xf32>
//       CHECK:   %[[SP:.*]] = tensor.splat %[[A]] : tensor<4xf32>
//       CHECK:   %[[Y:.*]] = tensor.extract %[[SP]][%[[I]]] : tensor<4xf32>
//       CHECK:   %[[Z:.*]] = tensor.extract %[[T]][%[[I]]] : tensor<4xf32>
//       CHECK:   return %[[C]], %[[X]], %[[OOB]], %[[TWO]], %[[SEVEN]], %[[Y]], %[[Z]]
func.func @extracts(%a: f32, %b: f32, %c: f32, %d: f32, %i: index, %t: tensor<4xf32>) -> (f32, f32, f32, f32, f32, f32, f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  %fe = tensor.from_elements %a, %b, %c, %d : tensor<2x2xf32>
  %0 = tensor.extract %fe[%c1, %c0] : tensor<2x2xf32>
  %1 = tensor.extract %fe[%i, %c0] : tensor<2x2xf32>
  %2 = tensor.extract %fe[%c5, %c0] : tensor<2x2xf32>
  %cst = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %3 = tensor.extract %cst[%c1] : tensor<3xf32>
  %sp = arith.constant dense<7.0> : tensor<3xf32>
  %4 = tensor.extract %sp[%i] : tensor<3xf32>
  %s = tensor.splat %a : tensor<4xf32>
  %5 = tensor.extract %s[%i] : tensor<4xf32>
  %ct = tensor.cast %t : tensor<4xf32> to tensor<?xf32>
  %6 = tensor.extract %ct[%i] : tensor<?xf32>
  return %0, %1, %2, %3, %4, %5, %6 : f32, f32, f32, f32, f32, f32, f32
}

// -----

// tensor.empty: non-negative constant sizes become static (cast back to the old type); a negative one stays.
// CHECK-LABEL: func.func @empties
//  CHECK-SAME:   (%[[N:.*]]: index)
//       CHECK:   %[[E:.*]] = tensor.empty(%[[N]]) : tensor<4x?xf32>
//       CHECK:   %[[C:.*]] = tensor.cast %[[E]] : tensor<4x?xf32> to tensor<?x?xf32>
//       CHECK:   %[[F:.*]] = tensor.empty(%{{.*}}) : tensor<?xf32>
//       CHECK:   return %[[C]], %[[F]]
func.func @empties(%n: index) -> (tensor<?x?xf32>, tensor<?xf32>) {
  %c4 = arith.constant 4 : index
  %cm = arith.constant -1 : index
  %e = tensor.empty(%c4, %n) : tensor<?x?xf32>
  %f = tensor.empty(%cm) : tensor<?xf32>
  return %e, %f : tensor<?x?xf32>, tensor<?xf32>
}

// -----

// Full-size identity slices fold; extracting what insert_slice just wrote gives the inserted value; re-inserting
// the slice extracted from the destination gives the destination; an insertion over an equal one skips it.
// CHECK-LABEL: func.func @slices
//  CHECK-SAME:   (%[[T:.*]]: tensor<8x8xf32>, %[[S:.*]]: tensor<4x4xf32>, %[[S2:.*]]: tensor<4x4xf32>, %[[I:.*]]: index, %[[U:.*]]: tensor<8x8xf32>)
//       CHECK:   %[[W:.*]] = tensor.insert_slice %[[S2]] into %[[T]][%[[I]], 0] [4, 4] [1, 1]
//       CHECK:   return %[[S]], %[[T]], %[[W]], %[[T]], %[[T]]
func.func @slices(%t: tensor<8x8xf32>, %s: tensor<4x4xf32>, %s2: tensor<4x4xf32>, %i: index, %u: tensor<8x8xf32>) -> (tensor<4x4xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>) {
  %0 = tensor.insert_slice %s into %t[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  %1 = tensor.extract_slice %0[%i, 0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  %2 = tensor.extract_slice %t[%i, 0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  %3 = tensor.insert_slice %2 into %t[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  %4 = tensor.insert_slice %s2 into %0[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  %5 = tensor.extract_slice %t[0, 0] [8, 8] [1, 1] : tensor<8x8xf32> to tensor<8x8xf32>
  %6 = tensor.insert_slice %t into %u[0, 0] [8, 8] [1, 1] : tensor<8x8xf32> into tensor<8x8xf32>
  return %1, %3, %4, %5, %6 : tensor<4x4xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>, tensor<8x8xf32>
}

// -----

// Slices that are not the same or not the identity stay.
// CHECK-LABEL: func.func @slices_no_fold
//       CHECK:   tensor.insert_slice
//       CHECK:   tensor.extract_slice
//       CHECK:   tensor.extract_slice {{.*}} [8, 4] [1, 2]
func.func @slices_no_fold(%t: tensor<8x8xf32>, %s: tensor<4x4xf32>, %i: index, %j: index) -> (tensor<4x4xf32>, tensor<8x4xf32>) {
  %0 = tensor.insert_slice %s into %t[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  %1 = tensor.extract_slice %0[%j, 0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  %2 = tensor.extract_slice %t[0, 0] [8, 4] [1, 2] : tensor<8x8xf32> to tensor<8x4xf32>
  return %1, %2 : tensor<4x4xf32>, tensor<8x4xf32>
}

// -----

// collapse/expand: inverse pairs fold, two collapses (two expansions) compose into one, constants are reshaped.
// CHECK-LABEL: func.func @reshapes
//  CHECK-SAME:   (%[[A:.*]]: tensor<2x3x4xf32>, %[[B:.*]]: tensor<6x4xf32>, %[[C:.*]]: tensor<?x4xf32>, %[[N:.*]]: index, %[[D:.*]]: tensor<24xf32>)
//   CHECK-DAG:   %[[K:.*]] = arith.constant dense<{{\[}}[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
//   CHECK-DAG:   %[[COL:.*]] = tensor.collapse_shape %[[A]] {{\[}}[0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
//   CHECK-DAG:   %[[EXP:.*]] = tensor.expand_shape %[[D]] {{\[}}[0, 1, 2]] output_shape [2, 3, 4] : tensor<24xf32> into tensor<2x3x4xf32>
//       CHECK:   return %[[A]], %[[B]], %[[C]], %[[COL]], %[[EXP]], %[[K]]
func.func @reshapes(%a: tensor<2x3x4xf32>, %b: tensor<6x4xf32>, %c: tensor<?x4xf32>, %n: index, %d: tensor<24xf32>) -> (tensor<2x3x4xf32>, tensor<6x4xf32>, tensor<?x4xf32>, tensor<24xf32>, tensor<2x3x4xf32>, tensor<2x3xi32>) {
  %0 = tensor.collapse_shape %a [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
  %1 = tensor.expand_shape %0 [[0, 1], [2]] output_shape [2, 3, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  %2 = tensor.expand_shape %b [[0, 1], [2]] output_shape [2, 3, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  %3 = tensor.collapse_shape %2 [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
  %4 = tensor.expand_shape %c [[0, 1], [2]] output_shape [%n, 2, 4] : tensor<?x4xf32> into tensor<?x2x4xf32>
  %5 = tensor.collapse_shape %4 [[0, 1], [2]] : tensor<?x2x4xf32> into tensor<?x4xf32>
  %6 = tensor.collapse_shape %0 [[0, 1]] : tensor<6x4xf32> into tensor<24xf32>
  %7 = tensor.expand_shape %d [[0, 1]] output_shape [6, 4] : tensor<24xf32> into tensor<6x4xf32>
  %8 = tensor.expand_shape %7 [[0, 1], [2]] output_shape [2, 3, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  %k = arith.constant dense<[1, 2, 3, 4, 5, 6]> : tensor<6xi32>
  %9 = tensor.expand_shape %k [[0, 1]] output_shape [2, 3] : tensor<6xi32> into tensor<2x3xi32>
  return %1, %3, %5, %6, %8, %9 : tensor<2x3x4xf32>, tensor<6x4xf32>, tensor<?x4xf32>, tensor<24xf32>, tensor<2x3x4xf32>, tensor<2x3xi32>
}

// -----

// A collapse whose expansion is not its inverse stays.
// CHECK-LABEL: func.func @reshapes_no_fold
//       CHECK:   tensor.expand_shape
//       CHECK:   tensor.collapse_shape
func.func @reshapes_no_fold(%a: tensor<6x4xf32>) -> tensor<2x12xf32> {
  %0 = tensor.expand_shape %a [[0, 1], [2]] output_shape [2, 3, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  %1 = tensor.collapse_shape %0 [[0], [1, 2]] : tensor<2x3x4xf32> into tensor<2x12xf32>
  return %1 : tensor<2x12xf32>
}

// -----

// Constant slice operands become static (the result takes the more static type and is cast back; an inserted
// source is cast to it); a foldable cast of the source is dropped. Out-of-bounds or negative constants stay.
// CHECK-LABEL: func.func @slice_constants
//  CHECK-SAME:   (%[[T:.*]]: tensor<8x8xf32>, %[[N:.*]]: index, %[[S:.*]]: tensor<?x?xf32>, %[[I:.*]]: index)
//       CHECK:   %[[E:.*]] = tensor.extract_slice %[[T]][2, 0] [4, %[[N]]] [1, 1] : tensor<8x8xf32> to tensor<4x?xf32>
//       CHECK:   %[[EC:.*]] = tensor.cast %[[E]] : tensor<4x?xf32> to tensor<?x?xf32>
//       CHECK:   %[[SC:.*]] = tensor.cast %[[S]] : tensor<?x?xf32> to tensor<4x4xf32>
//       CHECK:   %[[INS:.*]] = tensor.insert_slice %[[SC]] into %[[T]][1, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
//       CHECK:   %[[X:.*]] = tensor.extract_slice %[[T]][%[[I]], %[[I]]] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
//       CHECK:   %[[OOB:.*]] = tensor.extract_slice %[[T]][%{{.*}}, 0] [%{{.*}}, 4] [1, 1] : tensor<8x8xf32> to tensor<?x4xf32>
//       CHECK:   return %[[EC]], %[[INS]], %[[X]], %[[OOB]]
func.func @slice_constants(%t: tensor<8x8xf32>, %n: index, %s: tensor<?x?xf32>, %i: index) -> (tensor<?x?xf32>, tensor<8x8xf32>, tensor<4x4xf32>, tensor<?x4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %c9 = arith.constant 9 : index
  %0 = tensor.extract_slice %t[%c2, %c0] [%c4, %n] [1, 1] : tensor<8x8xf32> to tensor<?x?xf32>
  %1 = tensor.insert_slice %s into %t[%c1, 0] [%c4, %c4] [1, 1] : tensor<?x?xf32> into tensor<8x8xf32>
  %c = tensor.cast %t : tensor<8x8xf32> to tensor<?x?xf32>
  %2 = tensor.extract_slice %c[%i, %i] [4, 4] [1, 1] : tensor<?x?xf32> to tensor<4x4xf32>
  %3 = tensor.extract_slice %t[%c9, 0] [%c9, 4] [1, 1] : tensor<8x8xf32> to tensor<?x4xf32>
  return %0, %1, %2, %3 : tensor<?x?xf32>, tensor<8x8xf32>, tensor<4x4xf32>, tensor<?x4xf32>
}

// -----

// insert_slice reads through foldable casts of its source and destination: dynamic sizes take the source's static
// sizes and the result is cast back to the old destination type. A cast to a more static type stays.
// CHECK-LABEL: func.func @insert_slice_casts
//  CHECK-SAME:   (%[[S:.*]]: tensor<4x4xf32>, %[[T:.*]]: tensor<8x8xf32>, %[[I:.*]]: index, %[[N:.*]]: index, %[[D:.*]]: tensor<?x?xf32>)
//       CHECK:   %[[A:.*]] = tensor.insert_slice %[[S]] into %[[T]][%[[I]], 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
//       CHECK:   %[[AC:.*]] = tensor.cast %[[A]] : tensor<8x8xf32> to tensor<?x8xf32>
//       CHECK:   %[[DC:.*]] = tensor.cast %[[D]] : tensor<?x?xf32> to tensor<4x4xf32>
//       CHECK:   %[[B:.*]] = tensor.insert_slice %[[DC]] into %[[T]][%[[I]], 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
//       CHECK:   return %[[AC]], %[[B]]
func.func @insert_slice_casts(%s: tensor<4x4xf32>, %t: tensor<8x8xf32>, %i: index, %n: index, %d: tensor<?x?xf32>) -> (tensor<?x8xf32>, tensor<8x8xf32>) {
  %c = tensor.cast %s : tensor<4x4xf32> to tensor<4x?xf32>
  %ct = tensor.cast %t : tensor<8x8xf32> to tensor<?x8xf32>
  %0 = tensor.insert_slice %c into %ct[%i, 0] [4, %n] [1, 1] : tensor<4x?xf32> into tensor<?x8xf32>
  %dc = tensor.cast %d : tensor<?x?xf32> to tensor<4x4xf32>
  %1 = tensor.insert_slice %dc into %t[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  return %0, %1 : tensor<?x8xf32>, tensor<8x8xf32>
}
