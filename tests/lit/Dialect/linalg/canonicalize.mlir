// RUN: mlir-py-opt %s --split-input-file --canonicalize | filecheck %s

// tensor.extract of a linalg.fill result is the fill value; a self memref.copy is erased (as mlir-opt does).
// CHECK-LABEL: func.func @fill_extract
//  CHECK-SAME:     (%[[X:.*]]: f32, %[[M:.*]]: memref<4xf32>, %[[I:.*]]: index)
//   CHECK-NOT:   tensor.extract
//   CHECK-NOT:   memref.copy
//       CHECK:   return %[[X]], %{{.*}} : f32, tensor<4x4xf32>
func.func @fill_extract(%x: f32, %m: memref<4xf32>, %i: index) -> (f32, tensor<4x4xf32>) {
  %e = tensor.empty() : tensor<4x4xf32>
  %f = linalg.fill ins(%x : f32) outs(%e : tensor<4x4xf32>) -> tensor<4x4xf32>
  %v = tensor.extract %f[%i, %i] : tensor<4x4xf32>
  %y = arith.constant 2.0 : f32
  %g = linalg.fill ins(%y : f32) outs(%f : tensor<4x4xf32>) -> tensor<4x4xf32>
  memref.copy %m, %m : memref<4xf32> to memref<4xf32>
  return %v, %g : f32, tensor<4x4xf32>
}

// -----

// A fill of a fill result is kept, as by mlir-opt (FoldFillWithFill is not one of MLIR's canonicalizations); a fill
// on tensors whose result is unused is erased (no memory effects), one on a buffer stays.
// CHECK-LABEL: func.func @fills
//  CHECK-SAME:   (%[[A:.*]]: f32, %[[B:.*]]: f32, %[[T:.*]]: tensor<4xf32>, %[[M:.*]]: memref<4xf32>)
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<4xf32>
//       CHECK:   %[[F:.*]] = linalg.fill ins(%[[A]] : f32) outs(%[[E]] : tensor<4xf32>) -> tensor<4xf32>
//       CHECK:   %[[G:.*]] = linalg.fill ins(%[[B]] : f32) outs(%[[F]] : tensor<4xf32>) -> tensor<4xf32>
//       CHECK:   linalg.fill ins(%[[A]] : f32) outs(%[[M]] : memref<4xf32>)
//   CHECK-NOT:   linalg.fill
//       CHECK:   return %[[G]]
func.func @fills(%a: f32, %b: f32, %t: tensor<4xf32>, %m: memref<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %0 = linalg.fill ins(%a : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %1 = linalg.fill ins(%b : f32) outs(%0 : tensor<4xf32>) -> tensor<4xf32>
  %2 = linalg.fill ins(%a : f32) outs(%t : tensor<4xf32>) -> tensor<4xf32>
  linalg.fill ins(%a : f32) outs(%m : memref<4xf32>)
  return %1 : tensor<4xf32>
}

// -----

// Structured ops on a buffer with a static zero-size dimension run no iteration and are erased; on a tensor<0x..>
// they stay, as in MLIR.
// CHECK-LABEL: func.func @empty_loops
//  CHECK-SAME:   (%[[A:.*]]: f32, %{{.*}}: memref<0x4xf32>, %[[T:.*]]: tensor<0xf32>, %{{.*}}: memref<0xf32>)
//  CHECK-NEXT:   %[[R:.*]] = linalg.fill ins(%[[A]] : f32) outs(%[[T]] : tensor<0xf32>) -> tensor<0xf32>
//  CHECK-NEXT:   return %[[R]]
#id = affine_map<(d0) -> (d0)>
func.func @empty_loops(%a: f32, %m: memref<0x4xf32>, %t: tensor<0xf32>, %n: memref<0xf32>) -> tensor<0xf32> {
  linalg.fill ins(%a : f32) outs(%m : memref<0x4xf32>)
  %0 = linalg.fill ins(%a : f32) outs(%t : tensor<0xf32>) -> tensor<0xf32>
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%n : memref<0xf32>) outs(%n : memref<0xf32>) {
  ^bb0(%x: f32, %y: f32):
    %s = arith.addf %x, %x : f32
    linalg.yield %s : f32
  }
  linalg.copy ins(%n : memref<0xf32>) outs(%n : memref<0xf32>)
  return %0 : tensor<0xf32>
}

// -----

// A generic that only forwards its input is erased: on tensors its result is the input (cast when the types
// differ), on a buffer when the input is the output; linalg.copy onto itself too, and an identity broadcast.
// CHECK-LABEL: func.func @identities
//  CHECK-SAME:   (%[[T:.*]]: tensor<4xf32>, %[[M:.*]]: memref<4xf32>, %[[D:.*]]: tensor<?xf32>, %[[U:.*]]: tensor<4xf32>)
//       CHECK:   %[[C:.*]] = tensor.cast %[[D]] : tensor<?xf32> to tensor<4xf32>
//   CHECK-NOT:   linalg.
//       CHECK:   return %[[T]], %[[C]], %[[T]], %[[T]]
#id = affine_map<(d0) -> (d0)>
func.func @identities(%t: tensor<4xf32>, %m: memref<4xf32>, %d: tensor<?xf32>, %u: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %e = tensor.empty() : tensor<4xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%t : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  } -> tensor<4xf32>
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%m : memref<4xf32>) outs(%m : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  %1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%d : tensor<?xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  } -> tensor<4xf32>
  %2 = linalg.copy ins(%t : tensor<4xf32>) outs(%t : tensor<4xf32>) -> tensor<4xf32>
  linalg.copy ins(%m : memref<4xf32>) outs(%m : memref<4xf32>)
  %3 = linalg.broadcast ins(%t : tensor<4xf32>) outs(%u : tensor<4xf32>) dimensions = []
  return %0, %1, %2, %3 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// Not identities: a payload that computes, a yield of the output argument on buffers that differ, a copy between
// two tensors, a generic whose maps differ (a transpose), and a generic with a dead result (kept, as MLIR's
// canonicalizer does).
// CHECK-LABEL: func.func @not_identities
// CHECK-COUNT-3: linalg.generic
//         CHECK: linalg.copy
//         CHECK: linalg.generic
#id = affine_map<(d0) -> (d0)>
#id2 = affine_map<(d0, d1) -> (d0, d1)>
#tr = affine_map<(d0, d1) -> (d1, d0)>
func.func @not_identities(%t: tensor<4xf32>, %m: memref<4xf32>, %n: memref<4xf32>, %u: tensor<4xf32>, %s: tensor<4x4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>) {
  %e = tensor.empty() : tensor<4xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%t : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    %a = arith.addf %x, %x : f32
    linalg.yield %a : f32
  } -> tensor<4xf32>
  linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]} ins(%m : memref<4xf32>) outs(%n : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  %ee = tensor.empty() : tensor<4x4xf32>
  %2 = linalg.generic {indexing_maps = [#tr, #id2], iterator_types = ["parallel", "parallel"]} ins(%s : tensor<4x4xf32>) outs(%ee : tensor<4x4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  } -> tensor<4x4xf32>
  %1 = linalg.copy ins(%t : tensor<4xf32>) outs(%u : tensor<4xf32>) -> tensor<4xf32>
  %3:2 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel"]} ins(%t : tensor<4xf32>) outs(%e, %u : tensor<4xf32>, tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32, %z: f32):
    %a = arith.addf %x, %x : f32
    %b = arith.mulf %x, %x : f32
    linalg.yield %a, %b : f32, f32
  } -> (tensor<4xf32>, tensor<4xf32>)
  return %0, %1, %2, %3#0 : tensor<4xf32>, tensor<4xf32>, tensor<4x4xf32>, tensor<4xf32>
}

// -----

// A tensor.cast that only drops static information is folded into the consuming structured op (its result takes
// the static type and is cast back); a memref.cast likewise, in place.
// CHECK-LABEL: func.func @casts_into_ops
//  CHECK-SAME:   (%[[T:.*]]: tensor<4xf32>, %[[A:.*]]: f32, %[[M:.*]]: memref<4xf32>)
//       CHECK:   %[[F:.*]] = linalg.fill ins(%[[A]] : f32) outs(%[[T]] : tensor<4xf32>) -> tensor<4xf32>
//       CHECK:   %[[C:.*]] = tensor.cast %[[F]] : tensor<4xf32> to tensor<?xf32>
//       CHECK:   linalg.fill ins(%[[A]] : f32) outs(%[[M]] : memref<4xf32>)
//       CHECK:   return %[[C]]
func.func @casts_into_ops(%t: tensor<4xf32>, %a: f32, %m: memref<4xf32>) -> tensor<?xf32> {
  %c = tensor.cast %t : tensor<4xf32> to tensor<?xf32>
  %0 = linalg.fill ins(%a : f32) outs(%c : tensor<?xf32>) -> tensor<?xf32>
  %mc = memref.cast %m : memref<4xf32> to memref<?xf32>
  linalg.fill ins(%a : f32) outs(%mc : memref<?xf32>)
  return %0 : tensor<?xf32>
}

// -----

// A reshape of a fill result is a fill of the reshaped init; a copy of a fill result is a fill of the copy's
// output; two transposes compose, and the identity transpose folds to its input.
// CHECK-LABEL: func.func @fill_reshape_copy_transpose
//  CHECK-SAME:   (%[[A:.*]]: f32, %[[F:.*]]: tensor<4xf32>, %[[T:.*]]: tensor<4x8xf32>, %[[E:.*]]: tensor<4x8xf32>, %[[G:.*]]: tensor<8x4xf32>)
//       CHECK:   %[[I:.*]] = tensor.empty() : tensor<6x4xf32>
//       CHECK:   %[[C:.*]] = tensor.collapse_shape %[[I]] {{\[}}[0, 1]] : tensor<6x4xf32> into tensor<24xf32>
//       CHECK:   %[[R:.*]] = linalg.fill ins(%[[A]] : f32) outs(%[[C]] : tensor<24xf32>) -> tensor<24xf32>
//       CHECK:   %[[K:.*]] = linalg.fill ins(%[[A]] : f32) outs(%[[F]] : tensor<4xf32>) -> tensor<4xf32>
//   CHECK-NOT:   linalg.copy
//   CHECK-NOT:   linalg.transpose
//       CHECK:   return %[[R]], %[[K]], %[[T]]
func.func @fill_reshape_copy_transpose(%a: f32, %f: tensor<4xf32>, %t: tensor<4x8xf32>, %e: tensor<4x8xf32>, %g: tensor<8x4xf32>) -> (tensor<24xf32>, tensor<4xf32>, tensor<4x8xf32>) {
  %i = tensor.empty() : tensor<6x4xf32>
  %0 = linalg.fill ins(%a : f32) outs(%i : tensor<6x4xf32>) -> tensor<6x4xf32>
  %1 = tensor.collapse_shape %0 [[0, 1]] : tensor<6x4xf32> into tensor<24xf32>
  %j = tensor.empty() : tensor<4xf32>
  %2 = linalg.fill ins(%a : f32) outs(%j : tensor<4xf32>) -> tensor<4xf32>
  %3 = linalg.copy ins(%2 : tensor<4xf32>) outs(%f : tensor<4xf32>) -> tensor<4xf32>
  %4 = linalg.transpose ins(%t : tensor<4x8xf32>) outs(%g : tensor<8x4xf32>) permutation = [1, 0]
  %5 = linalg.transpose ins(%4 : tensor<8x4xf32>) outs(%e : tensor<4x8xf32>) permutation = [1, 0]
  return %1, %3, %5 : tensor<24xf32>, tensor<4xf32>, tensor<4x8xf32>
}

// -----

// On buffers a fill followed by a copy of the filled buffer stays, and so does a non-identity transpose.
// CHECK-LABEL: func.func @fill_copy_buffers
//       CHECK:   linalg.fill
//       CHECK:   linalg.copy
//       CHECK:   linalg.transpose
func.func @fill_copy_buffers(%a: f32, %m: memref<4xf32>, %n: memref<4xf32>, %p: memref<4x8xf32>, %q: memref<8x4xf32>) {
  linalg.fill ins(%a : f32) outs(%m : memref<4xf32>)
  linalg.copy ins(%m : memref<4xf32>) outs(%n : memref<4xf32>)
  linalg.transpose ins(%p : memref<4x8xf32>) outs(%q : memref<8x4xf32>) permutation = [1, 0]
  return
}
