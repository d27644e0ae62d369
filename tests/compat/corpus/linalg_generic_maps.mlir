#a = affine_map<(n, i, j) -> (n, j, i)>
#b = affine_map<(n, i, j) -> (i)>
#c = affine_map<(n, i, j) -> (n, i, j)>
#win = affine_map<(o, k) -> (o * 2 + k)>
#k = affine_map<(o, k) -> (k)>
#o = affine_map<(o, k) -> (o)>
func.func @transpose_broadcast(%x: tensor<2x8x4xf16>, %y: tensor<4xf16>, %init: tensor<2x4x8xf16>) -> tensor<2x4x8xf16> {
  %0 = linalg.generic {indexing_maps = [#a, #b, #c], iterator_types = ["parallel", "parallel", "parallel"]} ins(%x, %y : tensor<2x8x4xf16>, tensor<4xf16>) outs(%init : tensor<2x4x8xf16>) {
  ^bb0(%p: f16, %q: f16, %r: f16):
    %m = arith.mulf %p, %q : f16
    linalg.yield %m : f16
  } -> tensor<2x4x8xf16>
  return %0 : tensor<2x4x8xf16>
}
func.func @conv1d_strided(%in: memref<11xf32>, %w: memref<3xf32>, %out: memref<5xf32>) {
  linalg.generic {indexing_maps = [#win, #k, #o], iterator_types = ["parallel", "reduction"]} ins(%in, %w : memref<11xf32>, memref<3xf32>) outs(%out : memref<5xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32):
    %m = arith.mulf %a, %b : f32
    %s = arith.addf %c, %m : f32
    linalg.yield %s : f32
  }
  return
}
