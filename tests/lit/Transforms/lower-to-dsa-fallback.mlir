// RUN: mlir-py-opt %s --lower-to-dsa 2>&1 | filecheck %s
// RUN: mlir-py-opt %s --lower-to-dsa -o %t && mlir-py-run %t --entry f --target=dsa --random-inputs --stats | filecheck %s --check-prefix=SIM

// Softmax pieces no DSA engine runs (exp, a row-sum reduction, a broadcast division) after a matmul: a located
// remark lists them, the matmul still runs on the matrix unit, and each of them is bufferized onto the DRAM
// memrefs (linalg.generic on memrefs; the reduction's initial value is copied into its destination first) for the
// simulator's control processor.

// CHECK: lower-to-dsa-fallback.mlir:33:8: remark: layer 'matmul0'
// CHECK: lower-to-dsa-fallback.mlir:35:8: remark: ops left for the control processor (no DSA engine runs them): linalg.generic
// CHECK: func.func @f({{.*}}#dsa.dram>{{.*}}) attributes {{.*}}dsa.kernel
// CHECK: dsa.matmul
// CHECK: dsa.dma_store {{.*}} into %[[M:[a-z0-9_]+]]
// CHECK: } {dsa.layer = "matmul0"}
// CHECK: linalg.generic {{.*}} ins(%[[M]] : memref<4x16xf32, #dsa.dram>) outs(%[[X:[a-z0-9_]+]] : memref<4x16xf32, #dsa.dram>) {
// CHECK: math.exp
// CHECK: memref.copy %{{.*}}, %[[S:[a-z0-9_]+]] : memref<4xf32, #dsa.dram> to memref<4xf32, #dsa.dram>
// CHECK-NEXT: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]} ins(%[[X]] : {{.*}}) outs(%[[S]] : memref<4xf32, #dsa.dram>)
// CHECK: linalg.generic {{.*}} ins(%[[X]], %[[S]] : {{.*}}) outs(%arg2 : memref<4x16xf32, #dsa.dram>)
// CHECK: arith.divf
// CHECK-NOT: bufferization

// SIM: control processor (fallback)
// SIM: fallback op (cp)
// SIM: linalg.generic

#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
func.func @f(%a: tensor<4x32xf32>, %b: tensor<32x16xf32>) -> tensor<4x16xf32> {
  %z = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<4x16xf32>
  %c = linalg.fill ins(%z : f32) outs(%e0 : tensor<4x16xf32>) -> tensor<4x16xf32>
  %m = linalg.matmul ins(%a, %b : tensor<4x32xf32>, tensor<32x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %e1 = tensor.empty() : tensor<4x16xf32>
  %x = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%m : tensor<4x16xf32>) outs(%e1 : tensor<4x16xf32>) {
  ^bb0(%in: f32, %o: f32):
    %y = math.exp %in : f32
    linalg.yield %y : f32
  } -> tensor<4x16xf32>
  %e2 = tensor.empty() : tensor<4xf32>
  %s0 = linalg.fill ins(%z : f32) outs(%e2 : tensor<4xf32>) -> tensor<4xf32>
  %s = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x16xf32>) outs(%s0 : tensor<4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %y = arith.addf %in, %o : f32
    linalg.yield %y : f32
  } -> tensor<4xf32>
  %r = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]} ins(%x, %s : tensor<4x16xf32>, tensor<4xf32>) outs(%e1 : tensor<4x16xf32>) {
  ^bb0(%in: f32, %d: f32, %o: f32):
    %y = arith.divf %in, %d : f32
    linalg.yield %y : f32
  } -> tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}
