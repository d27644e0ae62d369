// RUN: mlir-py-opt %s --split-input-file --linalg-generalize-named-ops | filecheck %s

// Named ops become linalg.generic with the same operands, maps, iterators and payload (as mlir-opt prints).

// CHECK-DAG: #[[$A:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-DAG: #[[$B:.*]] = affine_map<(d0, d1, d2) -> (d2, d1)>
// CHECK-DAG: #[[$C:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func.func @matmul
//       CHECK:   %[[R:.*]] = linalg.generic {indexing_maps = [#[[$A]], #[[$B]], #[[$C]]], iterator_types = ["parallel", "parallel", "reduction"]} ins(%arg0, %arg1 : tensor<4x8xf32>, tensor<8x16xf32>) outs(%arg2 : tensor<4x16xf32>) {
//  CHECK-NEXT:   ^bb0(%[[IN:.*]]: f32, %[[IN0:.*]]: f32, %[[OUT:.*]]: f32):
//  CHECK-NEXT:     %[[M:.*]] = arith.mulf %[[IN]], %[[IN0]] : f32
//  CHECK-NEXT:     %[[S:.*]] = arith.addf %[[OUT]], %[[M]] : f32
//  CHECK-NEXT:     linalg.yield %[[S]] : f32
//  CHECK-NEXT:   } -> tensor<4x16xf32>
//  CHECK-NEXT:   return %[[R]]
func.func @matmul(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

// Buffers: fill's scalar operand gets the empty map; map and transpose keep their payload.
// CHECK-DAG: #[[$S:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-DAG: #[[$ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[$T:.*]] = affine_map<(d0, d1) -> (d1, d0)>
// CHECK-LABEL: func.func @buffers
//       CHECK:   linalg.generic {indexing_maps = [#[[$S]], #[[$ID]]], iterator_types = ["parallel", "parallel"]} ins(%{{.*}} : f32) outs(%{{.*}} : memref<4x8xf32>)
//       CHECK:     linalg.yield
//       CHECK:   linalg.generic {indexing_maps = [#[[$ID]], #[[$ID]], #[[$ID]]], iterator_types = ["parallel", "parallel"]} ins(%{{.*}}, %{{.*}} : memref<4x8xf32>, memref<4x8xf32>) outs(%{{.*}} : memref<4x8xf32>)
//       CHECK:     arith.addf
//       CHECK:   linalg.generic {indexing_maps = [#[[$T]], #[[$ID]]], iterator_types = ["parallel", "parallel"]} ins(%{{.*}} : memref<8x4xf32>) outs(%{{.*}} : memref<4x8xf32>)
//   CHECK-NOT:   linalg.fill
//   CHECK-NOT:   linalg.map
func.func @buffers(%x: f32, %a: memref<4x8xf32>, %b: memref<4x8xf32>, %t: memref<8x4xf32>) {
  linalg.fill ins(%x : f32) outs(%a : memref<4x8xf32>)
  linalg.map { arith.addf } ins(%a, %b : memref<4x8xf32>, memref<4x8xf32>) outs(%b : memref<4x8xf32>)
  linalg.transpose ins(%t : memref<8x4xf32>) outs(%a : memref<4x8xf32>) permutation = [1, 0]
  return
}

// -----

// A generic op is left as it is.
// CHECK-LABEL: func.func @generic
//       CHECK:   linalg.generic {indexing_maps = [#{{.*}}], iterator_types = ["parallel"]} outs(%arg0 : memref<4xf32>)
func.func @generic(%a: memref<4xf32>) {
  linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} outs(%a : memref<4xf32>) {
  ^bb0(%o: f32):
    linalg.yield %o : f32
  }
  return
}
