#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @add_relu(%a: tensor<8x16xf32>, %b: tensor<8x16xf32>, %init: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %cst = arith.constant 0.000000e+00 : f32
  %0 = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%a, %b : tensor<8x16xf32>, tensor<8x16xf32>) outs(%init : tensor<8x16xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    %r = arith.maximumf %s, %cst : f32
    linalg.yield %r : f32
  } -> tensor<8x16xf32>
  return %0 : tensor<8x16xf32>
}
func.func @select_i1(%c: tensor<4xi1>, %a: tensor<4xi64>, %b: tensor<4xi64>, %init: tensor<4xi64>) -> tensor<4xi64> {
  %0 = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%c, %a, %b : tensor<4xi1>, tensor<4xi64>, tensor<4xi64>) outs(%init : tensor<4xi64>) {
  ^bb0(%p: i1, %x: i64, %y: i64, %o: i64):
    %s = arith.select %p, %x, %y : i64
    linalg.yield %s : i64
  } -> tensor<4xi64>
  return %0 : tensor<4xi64>
}
