// FLAGS: --allow-unregistered-dialect
func.func @opaque_flow(%a: !test.token, %b: !test.buffer<4 x f32>) -> !test.token {
  %0 = "test.wait"(%a) : (!test.token) -> !test.token
  %1:2 = "test.split"(%b) {kind = #test.kind<fast>} : (!test.buffer<4 x f32>) -> (!test.half, !test.half)
  %2 = builtin.unrealized_conversion_cast %1#0 : !test.half to tensor<2xf32>
  %3 = "test.merge"(%1#0, %1#1) : (!test.half, !test.half) -> !test.buffer<4 x f32>
  return %0 : !test.token
}
