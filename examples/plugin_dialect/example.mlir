// ReLU6 on a tensor, squared element by element, and a scalar quantized to Q4.4 (8 bits, 4 fractional).
func.func @relu6_squared(%x: tensor<4xf32>) -> tensor<4xf32> {
  %zero = arith.constant 0.0 : f32
  %six = arith.constant 6.0 : f32
  %y = demo.clamp %x, %zero, %six : tensor<4xf32>
  %z = demo.map %y : tensor<4xf32> {
  ^bb0(%e: f32):
    %s = arith.mulf %e, %e : f32
    demo.yield %s : f32
  }
  return %z : tensor<4xf32>
}

func.func @to_q4_4(%x: f32) -> !demo.fixed<8, 4> {
  %q = demo.quantize %x in #demo.range<0.0, 6.0> : f32 to !demo.fixed<8, 4>
  return %q : !demo.fixed<8, 4>
}
