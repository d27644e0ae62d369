// RUN: mlir-py-opt %s --linalg-specialize-generic-ops="ops=matmul,conv_2d_nchw_fchw" | filecheck %s
// RUN: not mlir-py-opt %s --linalg-specialize-generic-ops="ops=matmull" 2>&1 | filecheck %s --check-prefix=ERR

// `ops` limits the named ops produced: the broadcast of the bias stays generic, the matmul is raised.
// ERR: error: failed to add `linalg-specialize-generic-ops` with options `ops=matmull`: invalid value 'matmull' for option 'ops'

// CHECK-LABEL: func.func @gemm
//       CHECK:   %[[I:.*]] = linalg.generic
//       CHECK:   linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<4x6xf32>, tensor<6x5xf32>) outs(%[[I]] : tensor<4x5xf32>)
func.func @gemm(%a: tensor<4x6xf32>, %b: tensor<6x5xf32>, %bias: tensor<5xf32>, %o: tensor<4x5xf32>) -> tensor<4x5xf32> {
  %i = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%bias : tensor<5xf32>) outs(%o : tensor<4x5xf32>) {
  ^bb0(%in: f32, %out: f32):
    linalg.yield %in : f32
  } -> tensor<4x5xf32>
  %0 = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = ["parallel", "parallel", "reduction"]} ins(%a, %b : tensor<4x6xf32>, tensor<6x5xf32>) outs(%i : tensor<4x5xf32>) {
  ^bb0(%in: f32, %in_0: f32, %out: f32):
    %m = arith.mulf %in, %in_0 : f32
    %s = arith.addf %out, %m : f32
    linalg.yield %s : f32
  } -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}
