func.func @insert_slice(%t: tensor<8x16xf32>, %s: tensor<4x4xf32>, %r: tensor<4xf32>, %d: tensor<?x?xf32>, %i: index, %j: index) -> tensor<8x16xf32> {
  %0 = tensor.insert_slice %s into %t[0, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x16xf32>
  %1 = tensor.insert_slice %s into %0[%i, %j] [4, 4] [2, 3] : tensor<4x4xf32> into tensor<8x16xf32>
  %2 = tensor.insert_slice %r into %1[%i, 0] [1, 4] [1, 1] : tensor<4xf32> into tensor<8x16xf32>
  %3 = tensor.insert_slice %d into %2[0, 0] [%i, %j] [1, 1] : tensor<?x?xf32> into tensor<8x16xf32>
  %4 = tensor.insert_slice %s into %d[%j, %i] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<?x?xf32>
  %5 = tensor.insert_slice %r into %3[4, 12] [4, 1] [1, 1] {note = "col"} : tensor<4xf32> into tensor<8x16xf32>
  return %5 : tensor<8x16xf32>
}
