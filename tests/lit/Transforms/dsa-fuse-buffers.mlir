// RUN: mlir-py-opt %s --verify-diagnostics --dsa-fuse | filecheck %s

// dsa-fuse groups linalg ops on tensors; ops on buffers (no results) are not layers and are left as they are
// (this used to be an internal error).
// CHECK-LABEL: func.func @buffers
// CHECK: linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : memref<16x16xf32>)
// CHECK-NOT: dsa.
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : memref<16x16xf32>, memref<16x16xf32>) outs(%{{.*}} : memref<16x16xf32>)
// CHECK-NOT: dsa.
// CHECK: return
func.func @buffers(%a: memref<16x16xf32>, %b: memref<16x16xf32>, %c: memref<16x16xf32>) {
  %z = arith.constant 0.0 : f32
  linalg.fill ins(%z : f32) outs(%c : memref<16x16xf32>)
  linalg.matmul ins(%a, %b : memref<16x16xf32>, memref<16x16xf32>) outs(%c : memref<16x16xf32>)
  return
}
