// RUN: mlir-py-opt %s --split-input-file --linalg-specialize-generic-ops | filecheck %s

// Generic ops that are named ops become those ops, as `mlir-opt --linalg-specialize-generic-ops` prints them.

#id = affine_map<(d0, d1) -> (d0, d1)>
#tr = affine_map<(d0, d1) -> (d1, d0)>
#sc = affine_map<(d0, d1) -> ()>
#row = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @data_movement
//  CHECK-SAME:   (%[[A:.*]]: tensor<4x8xf32>, %[[B:.*]]: tensor<8x4xf32>, %[[V:.*]]: tensor<8xf32>, %[[S:.*]]: f32, %[[O:.*]]: tensor<4x8xf32>)
//       CHECK:   %[[C:.*]] = linalg.copy ins(%[[A]] : tensor<4x8xf32>) outs(%[[O]] : tensor<4x8xf32>) -> tensor<4x8xf32>
//       CHECK:   %[[F:.*]] = linalg.fill ins(%[[S]] : f32) outs(%[[C]] : tensor<4x8xf32>) -> tensor<4x8xf32>
//       CHECK:   %[[T:.*]] = linalg.transpose ins(%[[B]] : tensor<8x4xf32>) outs(%[[F]] : tensor<4x8xf32>) permutation = [1, 0]
//       CHECK:   %[[BC:.*]] = linalg.broadcast ins(%[[V]] : tensor<8xf32>) outs(%[[T]] : tensor<4x8xf32>) dimensions = [0]
//       CHECK:   return %[[BC]]
func.func @data_movement(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>, %v: tensor<8xf32>, %s: f32, %o: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<4x8xf32>) outs(%o : tensor<4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x8xf32>
  %1 = linalg.generic {indexing_maps = [#sc, #id], iterator_types = ["parallel", "parallel"]} ins(%s : f32) outs(%0 : tensor<4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x8xf32>
  %2 = linalg.generic {indexing_maps = [#tr, #id], iterator_types = ["parallel", "parallel"]} ins(%b : tensor<8x4xf32>) outs(%1 : tensor<4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x8xf32>
  %3 = linalg.generic {indexing_maps = [#row, #id], iterator_types = ["parallel", "parallel"]} ins(%v : tensor<8xf32>) outs(%2 : tensor<4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x8xf32>
  return %3 : tensor<4x8xf32>
}

// -----

// Contractions; the loops may come in any order, the operands of mulf/addf in either order.
// CHECK-LABEL: func.func @contractions
//       CHECK:   linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<4x6xf32>, tensor<6x5xf32>) outs(%{{.*}} : tensor<4x5xf32>) -> tensor<4x5xf32>
//       CHECK:   linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<4x6xf32>, tensor<6x5xf32>) outs(%{{.*}} : tensor<4x5xf32>) -> tensor<4x5xf32>
//       CHECK:   linalg.batch_matmul ins(%{{.*}}, %{{.*}} : tensor<2x4x6xf32>, tensor<2x6x5xf32>) outs(%{{.*}} : tensor<2x4x5xf32>) -> tensor<2x4x5xf32>
//       CHECK:   linalg.matvec ins(%{{.*}}, %{{.*}} : tensor<4x6xf32>, tensor<6xf32>) outs(%{{.*}} : tensor<4xf32>) -> tensor<4xf32>
//       CHECK:   linalg.matmul ins(%{{.*}}, %{{.*}} : memref<4x6xi32>, memref<6x5xi32>) outs(%{{.*}} : memref<4x5xi32>)
//   CHECK-NOT:   linalg.generic
func.func @contractions(%a: tensor<4x6xf32>, %b: tensor<6x5xf32>, %o: tensor<4x5xf32>, %ba: tensor<2x4x6xf32>, %bb: tensor<2x6x5xf32>, %bo: tensor<2x4x5xf32>, %v: tensor<6xf32>, %vo: tensor<4xf32>, %ma: memref<4x6xi32>, %mb: memref<6x5xi32>, %mo: memref<4x5xi32>) -> (tensor<4x5xf32>, tensor<4x5xf32>, tensor<2x4x5xf32>, tensor<4xf32>) {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %b : tensor<4x6xf32>, tensor<6x5xf32>) outs(%o : tensor<4x5xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %m = arith.mulf %in, %in_0 : f32
    %s = arith.addf %out, %m : f32
    linalg.yield %s : f32
  } -> tensor<4x5xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d1, d0)>, affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d1, d2)>], iterator_types = ["reduction", "parallel", "parallel"]} ins(%a, %b : tensor<4x6xf32>, tensor<6x5xf32>) outs(%o : tensor<4x5xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %m = arith.mulf %in_0, %in : f32
    %s = arith.addf %m, %out : f32
    linalg.yield %s : f32
  } -> tensor<4x5xf32>
  %2 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d3, d2)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "reduction"]} ins(%ba, %bb : tensor<2x4x6xf32>, tensor<2x6x5xf32>) outs(%bo : tensor<2x4x5xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %m = arith.mulf %in, %in_0 : f32
    %s = arith.addf %out, %m : f32
    linalg.yield %s : f32
  } -> tensor<2x4x5xf32>
  %3 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0)>], iterator_types = ["parallel", "reduction"]} ins(%a, %v : tensor<4x6xf32>, tensor<6xf32>) outs(%vo : tensor<4xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %m = arith.mulf %in, %in_0 : f32
    %s = arith.addf %out, %m : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%ma, %mb : memref<4x6xi32>, memref<6x5xi32>) outs(%mo : memref<4x5xi32>) {
  ^bb0(%in: i32, %in_0: i32, %out: i32):
    %m = arith.muli %in, %in_0 : i32
    %s = arith.addi %out, %m : i32
    linalg.yield %s : i32
  }
  return %0, %1, %2, %3 : tensor<4x5xf32>, tensor<4x5xf32>, tensor<2x4x5xf32>, tensor<4xf32>
}

// -----

// A transposed operand keeps the generic op's maps on linalg.matmul (gemm with trans_b).
// CHECK-DAG: #[[$A:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$BT:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[$C:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @matmul_transpose_b
//       CHECK:   linalg.matmul indexing_maps = [#[[$A]], #[[$BT]], #[[$C]]] ins(%{{.*}}, %{{.*}} : tensor<4x6xf32>, tensor<5x6xf32>) outs(%{{.*}} : tensor<4x5xf32>) -> tensor<4x5xf32>
func.func @matmul_transpose_b(%a: tensor<4x6xf32>, %b: tensor<5x6xf32>, %o: tensor<4x5xf32>) -> tensor<4x5xf32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d1, d2)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %b : tensor<4x6xf32>, tensor<5x6xf32>) outs(%o : tensor<4x5xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %m = arith.mulf %in, %in_0 : f32
    %s = arith.addf %out, %m : f32
    linalg.yield %s : f32
  } -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

// Transposed operands with the loops in another order: the loops are renamed (m, n, k) first, as MLIR does; a
// transposed result keeps its map.
// CHECK-DAG: #[[$A:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$BT:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[$C:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[$AT:.*]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// CHECK-DAG: #[[$B:.*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG: #[[$CT:.*]] = affine_map<(d0, d1, d2) -> (d1, d0)>
// CHECK-LABEL: func.func @matmul_transposed_permuted
//       CHECK:   linalg.matmul indexing_maps = [#[[$A]], #[[$BT]], #[[$C]]] ins(%{{.*}}, %{{.*}} : tensor<4x6xf32>, tensor<5x6xf32>) outs(%{{.*}} : tensor<4x5xf32>) -> tensor<4x5xf32>
//       CHECK:   linalg.matmul indexing_maps = [#[[$AT]], #[[$B]], #[[$CT]]] ins(%{{.*}}, %{{.*}} : tensor<6x4xf32>, tensor<6x5xf32>) outs(%{{.*}} : tensor<5x4xf32>) -> tensor<5x4xf32>
func.func @matmul_transposed_permuted(%a: tensor<4x6xf32>, %b: tensor<5x6xf32>, %o: tensor<4x5xf32>, %at: tensor<6x4xf32>, %bt: tensor<6x5xf32>, %ot: tensor<5x4xf32>) -> (tensor<4x5xf32>, tensor<5x4xf32>) {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d1, d0)>, affine_map<(d0, d1, d2) -> (d2, d0)>, affine_map<(d0, d1, d2) -> (d1, d2)>], iterator_types = ["reduction", "parallel", "parallel"]} ins(%a, %b : tensor<4x6xf32>, tensor<5x6xf32>) outs(%o : tensor<4x5xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %m = arith.mulf %in, %in_0 : f32
    %s = arith.addf %out, %m : f32
    linalg.yield %s : f32
  } -> tensor<4x5xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d2, d0)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d1, d0)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%at, %bt : tensor<6x4xf32>, tensor<6x5xf32>) outs(%ot : tensor<5x4xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %m = arith.mulf %in, %in_0 : f32
    %s = arith.addf %out, %m : f32
    linalg.yield %s : f32
  } -> tensor<5x4xf32>
  return %0, %1 : tensor<4x5xf32>, tensor<5x4xf32>
}

// -----

// Casts in the payload (f16 inputs, f32 accumulator; u8 inputs, i32 accumulator) are the named op's `cast`.
// CHECK-LABEL: func.func @casts
//       CHECK:   linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<4x6xf16>, tensor<6x5xf16>) outs(%{{.*}} : tensor<4x5xf32>) -> tensor<4x5xf32>
//       CHECK:   linalg.matmul {cast = #linalg.type_fn<cast_unsigned>} ins(%{{.*}}, %{{.*}} : tensor<4x6xi8>, tensor<6x5xi8>) outs(%{{.*}} : tensor<4x5xi32>) -> tensor<4x5xi32>
func.func @casts(%a: tensor<4x6xf16>, %b: tensor<6x5xf16>, %o: tensor<4x5xf32>, %ia: tensor<4x6xi8>, %ib: tensor<6x5xi8>, %io: tensor<4x5xi32>) -> (tensor<4x5xf32>, tensor<4x5xi32>) {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %b : tensor<4x6xf16>, tensor<6x5xf16>) outs(%o : tensor<4x5xf32>) {
  ^bb0(%in: f16, %in_0: f16, %out: f32):
    %x = arith.extf %in : f16 to f32
    %y = arith.extf %in_0 : f16 to f32
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %out, %m : f32
    linalg.yield %s : f32
  } -> tensor<4x5xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%ia, %ib : tensor<4x6xi8>, tensor<6x5xi8>) outs(%io : tensor<4x5xi32>) {
  ^bb0(%in: i8, %in_0: i8, %out: i32):
    %x = arith.extui %in : i8 to i32
    %y = arith.extui %in_0 : i8 to i32
    %m = arith.muli %x, %y : i32
    %s = arith.addi %m, %out : i32
    linalg.yield %s : i32
  } -> tensor<4x5xi32>
  return %0, %1 : tensor<4x5xf32>, tensor<4x5xi32>
}

// -----

// Convolutions and poolings: strides and dilations from `d_oh * s + d_kh * l`.
// CHECK-LABEL: func.func @windows
//       CHECK:   linalg.conv_2d_nchw_fchw {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%{{.*}}, %{{.*}} : tensor<1x3x12x12xf32>, tensor<4x3x3x3xf32>) outs(%{{.*}} : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
//       CHECK:   linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>} ins(%{{.*}}, %{{.*}} : tensor<1x6x9x3xf32>, tensor<3x3x3x4xf32>) outs(%{{.*}} : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
//       CHECK:   linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%{{.*}}, %{{.*}} : tensor<1x4x6x6xf32>, tensor<4x3x3xf32>) outs(%{{.*}} : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
//       CHECK:   linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%{{.*}}, %{{.*}} : tensor<1x4x8x8xf32>, tensor<2x2xf32>) outs(%{{.*}} : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
//       CHECK:   linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%{{.*}}, %{{.*}} : tensor<1x4x6x6xf32>, tensor<3x3xf32>) outs(%{{.*}} : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
//   CHECK-NOT:   linalg.generic
func.func @windows(%x: tensor<1x3x12x12xf32>, %w: tensor<4x3x3x3xf32>, %o: tensor<1x4x4x4xf32>, %xh: tensor<1x6x9x3xf32>, %wh: tensor<3x3x3x4xf32>, %xd: tensor<1x4x6x6xf32>, %wd: tensor<4x3x3xf32>, %xp: tensor<1x4x8x8xf32>, %k2: tensor<2x2xf32>, %k3: tensor<3x3xf32>) -> (tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>) {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d4, d2 * 2 + d5 * 2, d3 * 2 + d6 * 2)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d1, d4, d5, d6)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%x, %w : tensor<1x3x12x12xf32>, tensor<4x3x3x3xf32>) outs(%o : tensor<1x4x4x4xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %m = arith.mulf %in, %in_0 : f32
    %s = arith.addf %out, %m : f32
    linalg.yield %s : f32
  } -> tensor<1x4x4x4xf32>
  %1 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 + d4, d2 * 2 + d5, d6)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d4, d5, d6, d3)>, affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]} ins(%xh, %wh : tensor<1x6x9x3xf32>, tensor<3x3x3x4xf32>) outs(%o : tensor<1x4x4x4xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %m = arith.mulf %in, %in_0 : f32
    %s = arith.addf %out, %m : f32
    linalg.yield %s : f32
  } -> tensor<1x4x4x4xf32>
  %2 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d3, d1 + d4, d2 + d5)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d3, d4, d5)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d3, d1, d2)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%xd, %wd : tensor<1x4x6x6xf32>, tensor<4x3x3xf32>) outs(%o : tensor<1x4x4x4xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %m = arith.mulf %in, %in_0 : f32
    %s = arith.addf %out, %m : f32
    linalg.yield %s : f32
  } -> tensor<1x4x4x4xf32>
  %3 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 * 2 + d4, d3 * 2 + d5)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%xp, %k2 : tensor<1x4x8x8xf32>, tensor<2x2xf32>) outs(%o : tensor<1x4x4x4xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %s = arith.maximumf %out, %in : f32
    linalg.yield %s : f32
  } -> tensor<1x4x4x4xf32>
  %4 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2 + d4, d3 + d5)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d4, d5)>, affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]} ins(%xd, %k3 : tensor<1x4x6x6xf32>, tensor<3x3xf32>) outs(%o : tensor<1x4x4x4xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %s = arith.addf %in, %out : f32
    linalg.yield %s : f32
  } -> tensor<1x4x4x4xf32>
  return %0, %1, %2, %3, %4 : tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>, tensor<1x4x4x4xf32>
}
