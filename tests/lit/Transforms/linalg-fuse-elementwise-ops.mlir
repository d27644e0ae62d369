// RUN: mlir-py-opt %s --split-input-file --linalg-fuse-elementwise-ops | filecheck %s

// bias + relu: the producer's inputs join the consumer, its payload runs first (as mlir-opt prints it).
// CHECK-DAG: #[[$ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @bias_relu
//  CHECK-SAME:     (%[[X:.*]]: tensor<8x16xf32>, %[[B:.*]]: tensor<16xf32>)
//       CHECK:   %[[CST:.*]] = arith.constant 0.000000e+00 : f32
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<8x16xf32>
//       CHECK:   %[[R:.*]] = linalg.generic {indexing_maps = [#[[$ID]], #[[$ROW]], #[[$ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]], %[[B]] : tensor<8x16xf32>, tensor<16xf32>) outs(%[[E]] : tensor<8x16xf32>) {
//  CHECK-NEXT:   ^bb0(%[[IN:.*]]: f32, %[[IN0:.*]]: f32, %{{.*}}: f32):
//  CHECK-NEXT:     %[[S:.*]] = arith.addf %[[IN]], %[[IN0]] : f32
//  CHECK-NEXT:     %[[M:.*]] = arith.maximumf %[[S]], %[[CST]] : f32
//  CHECK-NEXT:     linalg.yield %[[M]] : f32
//   CHECK-NOT:   linalg.generic
//       CHECK:   return %[[R]]
#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d1)>
func.func @bias_relu(%x: tensor<8x16xf32>, %b: tensor<16xf32>) -> tensor<8x16xf32> {
  %e = tensor.empty() : tensor<8x16xf32>
  %0 = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x, %b : tensor<8x16xf32>, tensor<16xf32>) outs(%e : tensor<8x16xf32>) {
  ^bb0(%u: f32, %v: f32, %w: f32):
    %s = arith.addf %u, %v : f32
    linalg.yield %s : f32
  } -> tensor<8x16xf32>
  %z = arith.constant 0.0 : f32
  %1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%0 : tensor<8x16xf32>) outs(%e : tensor<8x16xf32>) {
  ^bb0(%u: f32, %w: f32):
    %m = arith.maximumf %u, %z : f32
    linalg.yield %m : f32
  } -> tensor<8x16xf32>
  return %1 : tensor<8x16xf32>
}

// -----

// Into a reduction through a transposed map: the producer's map is composed with the consumer's.
// CHECK-DAG: #[[$T:.*]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-DAG: #[[$R:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-LABEL: func.func @exp_then_sum
//       CHECK:   linalg.generic {indexing_maps = [#[[$T]], #[[$R]]], iterator_types = ["parallel", "reduction"]} ins(%arg0 : tensor<6x4xf32>) outs(%arg1 : tensor<4xf32>)
//       CHECK:     math.exp
//       CHECK:     arith.addf
//   CHECK-NOT:   linalg.generic
func.func @exp_then_sum(%x: tensor<6x4xf32>, %acc: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<6x4xf32>
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]} ins(%x : tensor<6x4xf32>) outs(%e : tensor<6x4xf32>) {
  ^bb0(%u: f32, %w: f32):
    %v = math.exp %u : f32
    linalg.yield %v : f32
  } -> tensor<6x4xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1) -> (d0)>],
                       iterator_types = ["parallel", "reduction"]} ins(%0 : tensor<6x4xf32>) outs(%acc : tensor<4xf32>) {
  ^bb0(%u: f32, %w: f32):
    %s = arith.addf %u, %w : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  return %1 : tensor<4xf32>
}

// -----

// Not fused: the producer has a second use, or is a reduction.
// CHECK-LABEL: func.func @not_fused
//   CHECK-COUNT-2: linalg.generic
func.func @not_fused(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %e = tensor.empty() : tensor<4xf32>
  %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>],
                       iterator_types = ["parallel"]} ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%u: f32, %w: f32):
    %v = math.exp %u : f32
    linalg.yield %v : f32
  } -> tensor<4xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>],
                       iterator_types = ["parallel"]} ins(%0 : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%u: f32, %w: f32):
    %v = arith.addf %u, %u : f32
    linalg.yield %v : f32
  } -> tensor<4xf32>
  return %0, %1 : tensor<4xf32>, tensor<4xf32>
}
