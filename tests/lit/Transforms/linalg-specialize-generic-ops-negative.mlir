// RUN: mlir-py-opt %s --split-input-file --linalg-specialize-generic-ops | filecheck %s

// Generic ops that are no named op stay generic (as with mlir-opt), or are elementwise/reduction ops that MLIR
// raises to ops this dialect does not define (linalg.elementwise).

// Wrong payload: out - a * b is no contraction.
// CHECK-LABEL: func.func @wrong_region
//       CHECK:   linalg.generic
//   CHECK-NOT:   linalg.matmul
func.func @wrong_region(%a: tensor<4x6xf32>, %b: tensor<6x5xf32>, %o: tensor<4x5xf32>) -> tensor<4x5xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %b : tensor<4x6xf32>, tensor<6x5xf32>) outs(%o : tensor<4x5xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %m = arith.mulf %in, %in_0 : f32
    %s = arith.subf %out, %m : f32
    linalg.yield %s : f32
  } -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

// Payload reads the output twice: out + a * out.
// CHECK-LABEL: func.func @wrong_operands
//       CHECK:   linalg.generic
//   CHECK-NOT:   linalg.matmul
func.func @wrong_operands(%a: tensor<4x6xf32>, %b: tensor<6x5xf32>, %o: tensor<4x5xf32>) -> tensor<4x5xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %b : tensor<4x6xf32>, tensor<6x5xf32>) outs(%o : tensor<4x5xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %m = arith.mulf %in, %out : f32
    %s = arith.addf %out, %m : f32
    linalg.yield %s : f32
  } -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

// Not a projected permutation: A(m + k, k).
// CHECK-LABEL: func.func @non_projected
//       CHECK:   linalg.generic
//   CHECK-NOT:   linalg.matmul
func.func @non_projected(%a: tensor<9x6xf32>, %b: tensor<6x5xf32>, %o: tensor<4x5xf32>) -> tensor<4x5xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0 + d2, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %b : tensor<9x6xf32>, tensor<6x5xf32>) outs(%o : tensor<4x5xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %m = arith.mulf %in, %in_0 : f32
    %s = arith.addf %out, %m : f32
    linalg.yield %s : f32
  } -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

// A window without a reduction loop (x(2 * h)) is a strided copy, not a pooling.
// CHECK-LABEL: func.func @no_window
//       CHECK:   linalg.generic
//   CHECK-NOT:   linalg.pooling
func.func @no_window(%x: tensor<1x4x8x8xf32>, %k: tensor<2x2xf32>, %o: tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 * 2, d3 * 2)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%x, %k : tensor<1x4x8x8xf32>, tensor<2x2xf32>) outs(%o : tensor<1x4x4x4xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %s = arith.maximumf %out, %in : f32
    linalg.yield %s : f32
  } -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// The window element is used: max(out, in * w) is no pooling.
// CHECK-LABEL: func.func @window_used
//       CHECK:   linalg.generic
//   CHECK-NOT:   linalg.pooling
func.func @window_used(%x: tensor<1x4x8x8xf32>, %k: tensor<2x2xf32>, %o: tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 * 2 + d4, d3 * 2 + d5)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%x, %k : tensor<1x4x8x8xf32>, tensor<2x2xf32>) outs(%o : tensor<1x4x4x4xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %p = arith.mulf %in, %in_0 : f32
    %s = arith.maximumf %out, %p : f32
    linalg.yield %s : f32
  } -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// Casts of different signedness (extsi and extui): no named op casts so.
// CHECK-LABEL: func.func @mixed_casts
//       CHECK:   linalg.generic
//   CHECK-NOT:   linalg.matmul
func.func @mixed_casts(%a: tensor<4x6xi8>, %b: tensor<6x5xi8>, %o: tensor<4x5xi32>) -> tensor<4x5xi32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %b : tensor<4x6xi8>, tensor<6x5xi8>) outs(%o : tensor<4x5xi32>) {
  ^bb0(%in: i8, %in_0: i8, %out: i32):
    %x = arith.extsi %in : i8 to i32
    %y = arith.extui %in_0 : i8 to i32
    %m = arith.muli %x, %y : i32
    %s = arith.addi %out, %m : i32
    linalg.yield %s : i32
  } -> tensor<4x5xi32>
  return %0 : tensor<4x5xi32>
}

// -----

// Elementwise ops, a row reduction, a yield of the output, and a transposing broadcast (no named op)
// stay generic.
// CHECK-LABEL: func.func @stay_generic
//   CHECK-NOT:   linalg.{{copy|fill|transpose|broadcast|matmul|reduce}}
//       CHECK:   return
func.func @stay_generic(%a: tensor<4x8xf32>, %o: tensor<4x8xf32>, %r: tensor<4xf32>, %c: tensor<2x3x4xf32>, %t: tensor<4x2xf32>) -> (tensor<4x8xf32>, tensor<4xf32>, tensor<4x8xf32>, tensor<2x3x4xf32>) {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%a, %a : tensor<4x8xf32>, tensor<4x8xf32>) outs(%o : tensor<4x8xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %s = arith.addf %in, %in_0 : f32
    linalg.yield %s : f32
  } -> tensor<4x8xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%a : tensor<4x8xf32>) outs(%r : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %s = arith.addf %in, %out : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  %2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<4x8xf32>) outs(%o : tensor<4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %out : f32
  } -> tensor<4x8xf32>
  %3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d2, d0)>, affine_map<(d0, d1, d2) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel"]} ins(%t : tensor<4x2xf32>) outs(%c : tensor<2x3x4xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<2x3x4xf32>
  return %0, %1, %2, %3 : tensor<4x8xf32>, tensor<4xf32>, tensor<4x8xf32>, tensor<2x3x4xf32>
}
