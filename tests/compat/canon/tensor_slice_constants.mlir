func.func @const_slice(%t: tensor<8x8xf32>, %n: index) -> tensor<?x?xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %0 = tensor.extract_slice %t[%c2, %c0] [%c4, %n] [1, 1] : tensor<8x8xf32> to tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
func.func @const_slice_reduce(%t: tensor<8x8xf32>, %i: index) -> tensor<?xf32> {
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %0 = tensor.extract_slice %t[0, %i] [1, %c4] [1, 1] : tensor<8x8xf32> to tensor<?xf32>
  return %0 : tensor<?xf32>
}
func.func @const_insert(%t: tensor<8x8xf32>, %s: tensor<?x?xf32>) -> tensor<8x8xf32> {
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %0 = tensor.insert_slice %s into %t[%c1, 0] [%c4, %c4] [1, 1] : tensor<?x?xf32> into tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}
func.func @cast_slice(%t: tensor<8x8xf32>, %i: index) -> tensor<4x4xf32> {
  %c = tensor.cast %t : tensor<8x8xf32> to tensor<?x?xf32>
  %0 = tensor.extract_slice %c[%i, %i] [4, 4] [1, 1] : tensor<?x?xf32> to tensor<4x4xf32>
  return %0 : tensor<4x4xf32>
}
func.func @oob(%t: tensor<8x8xf32>) -> tensor<?x4xf32> {
  %c9 = arith.constant 9 : index
  %0 = tensor.extract_slice %t[%c9, 0] [%c9, 4] [1, 1] : tensor<8x8xf32> to tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}
func.func @neg(%t: tensor<8x8xf32>, %i: index) -> tensor<?x4xf32> {
  %cm = arith.constant -1 : index
  %0 = tensor.extract_slice %t[%i, 0] [%cm, 4] [1, 1] : tensor<8x8xf32> to tensor<?x4xf32>
  return %0 : tensor<?x4xf32>
}
