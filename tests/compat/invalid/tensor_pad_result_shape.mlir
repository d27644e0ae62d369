func.func @pad(%t: tensor<8x8xf32>, %v: f32) -> tensor<10x11xf32> {
  %0 = tensor.pad %t low[1, 1] high[1, 1] {
  ^bb0(%a: index, %b: index):
    tensor.yield %v : f32
  } : tensor<8x8xf32> to tensor<10x11xf32>
  return %0 : tensor<10x11xf32>
}
