func.func @slice(%t: tensor<8x8xf32>) -> tensor<4x4xf32> {
  %0 = tensor.extract_slice %t[0, 6] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
