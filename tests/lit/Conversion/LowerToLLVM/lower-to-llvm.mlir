// RUN: mlir-py-opt %s --split-input-file --lower-to-llvm | filecheck %s
// RUN: mlir-py-opt %s --split-input-file --lower-to-llvm | mlir-py-translate --mlir-to-llvmir | filecheck %s --check-prefix=IR

// linalg on tensors to the llvm dialect: bufferized, interchanged (i, k, j), loops, llvm.
// CHECK-LABEL: llvm.func @matmul
// CHECK-NOT: linalg.
// CHECK-NOT: memref.
// CHECK-NOT: scf.
// CHECK-NOT: cf.
// CHECK: llvm.intr.fmuladd
// CHECK: llvm.return %{{.*}} : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
// IR-LABEL: define { ptr, ptr, i64, [2 x i64], [2 x i64] } @matmul(
// IR: call float @llvm.fmuladd.f32(
// IR: declare float @llvm.fmuladd.f32(float, float, float)
func.func @matmul(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>) -> tensor<4x16xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %z = linalg.fill ins(%cst : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %r = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>) outs(%z : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}
