func.func @extract_slice(%t: tensor<8x16x4xf32>, %d: tensor<?x?xi8>, %i: index, %j: index, %k: index) {
  %0 = tensor.extract_slice %t[0, 0, 0] [8, 16, 4] [1, 1, 1] : tensor<8x16x4xf32> to tensor<8x16x4xf32>
  %1 = tensor.extract_slice %t[1, 2, 0] [4, 8, 2] [1, 1, 2] : tensor<8x16x4xf32> to tensor<4x8x2xf32>
  %2 = tensor.extract_slice %t[%i, %j, 0] [%k, 4, 1] [1, 2, 1] : tensor<8x16x4xf32> to tensor<?x4xf32>
  %3 = tensor.extract_slice %t[0, %i, 0] [1, 1, 4] [1, 1, 1] : tensor<8x16x4xf32> to tensor<4xf32>
  %4 = tensor.extract_slice %t[0, 0, 0] [1, 1, 1] [1, 1, 1] : tensor<8x16x4xf32> to tensor<f32>
  %5 = tensor.extract_slice %d[%i, %j] [%k, %k] [%j, %i] : tensor<?x?xi8> to tensor<?x?xi8>
  %6 = tensor.extract_slice %d[0, 0] [1, %k] [1, 1] : tensor<?x?xi8> to tensor<1x?xi8>
  %7 = tensor.extract_slice %d[2, 3] [4, 1] [1, 1] {attr = 3 : i32} : tensor<?x?xi8> to tensor<4xi8>
  %8 = tensor.extract_slice %t[7, 15, 3] [1, 1, 1] [1, 1, 1] : tensor<8x16x4xf32> to tensor<1x1xf32>
  return
}
