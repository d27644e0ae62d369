// FLAGS: --mlir-print-debuginfo
func.func @locs(%a: tensor<4x8xf32>, %b: tensor<8x4xf32>, %c: tensor<4x8xf32>, %r: tensor<4xf32>) -> tensor<4xf32> {
  %0 = linalg.transpose ins(%b : tensor<8x4xf32>) outs(%a : tensor<4x8xf32>) permutation = [1, 0]
  %1 = linalg.map { arith.addf } ins(%0, %c : tensor<4x8xf32>, tensor<4x8xf32>) outs(%a : tensor<4x8xf32>)
  %2 = linalg.reduce { arith.addf } ins(%1 : tensor<4x8xf32>) outs(%r : tensor<4xf32>) dimensions = [1]
  %3 = linalg.copy ins(%1 : tensor<4x8xf32>) outs(%c : tensor<4x8xf32>) -> tensor<4x8xf32> loc("copy")
  %4 = linalg.map ins(%3 : tensor<4x8xf32>) outs(%a : tensor<4x8xf32>)
    (%x: f32, %o: f32) {
      %n = arith.negf %x : f32
      linalg.yield %n : f32
    }
  return %2 : tensor<4xf32>
}
