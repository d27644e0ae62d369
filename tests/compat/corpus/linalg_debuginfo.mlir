// FLAGS: --mlir-print-debuginfo
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @locs(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>, %c: tensor<4x8xf32>, %r: tensor<4x4xf32>) -> tensor<4x8xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x4xf32>) outs(%r : tensor<4x4xf32>) -> tensor<4x4xf32> loc("mm")
  %1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<4x8xf32>) outs(%c : tensor<4x8xf32>) {
  ^bb0(%x: f32 loc("x"), %o: f32):
    %n = arith.negf %x : f32
    linalg.yield %n : f32 loc("y")
  } -> tensor<4x8xf32>
  %2 = linalg.copy ins(%1 : tensor<4x8xf32>) outs(%c : tensor<4x8xf32>) -> tensor<4x8xf32> loc(fused["copy", "here"])
  %3 = linalg.map ins(%2, %1 : tensor<4x8xf32>, tensor<4x8xf32>) outs(%a : tensor<4x8xf32>)
    (%x: f32, %y: f32, %o: f32) {
      %s = arith.addf %x, %y : f32
      %m = arith.mulf %s, %o : f32
      linalg.yield %m : f32
    }
  return %3 : tensor<4x8xf32>
}
