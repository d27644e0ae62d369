// RUN: mlir-py-opt %s --linalg-interchange-inner-parallel --linalg-cpu-tile="tile-k=4 tile-j=8" | filecheck %s

// The matmul runs (i, k, j) with j innermost; k and j are tiled and the B tile is copied to a packed buffer.
// CHECK-DAG: #[[A:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[B:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[C:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @matmul
// CHECK: %[[BUF:.*]] = memref.alloc() alignment = 64 : memref<4x8xf32>
// CHECK: scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
// CHECK: scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
// CHECK: %[[AT:.*]] = memref.subview %arg0[0, %[[K]]] [16, 4] [1, 1]
// CHECK: %[[BT:.*]] = memref.subview %arg1[%[[K]], %[[J]]] [4, 8] [1, 1]
// CHECK: %[[CT:.*]] = memref.subview %arg2[0, %[[J]]] [16, 8] [1, 1]
// CHECK: memref.copy %[[BT]], %[[BUF]]
// CHECK: linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[AT]], %[[BUF]] : {{.*}}) outs(%[[CT]] : {{.*}})
// CHECK: memref.dealloc %[[BUF]]
func.func @matmul(%a: memref<16x32xf32>, %b: memref<32x64xf32>, %c: memref<16x64xf32>) {
  linalg.matmul ins(%a, %b : memref<16x32xf32>, memref<32x64xf32>) outs(%c : memref<16x64xf32>)
  return
}
