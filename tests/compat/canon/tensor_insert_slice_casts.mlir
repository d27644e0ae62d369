func.func @src_cast(%s: tensor<4x4xf32>, %t: tensor<8x8xf32>, %i: index, %n: index) -> tensor<8x8xf32> {
  %c = tensor.cast %s : tensor<4x4xf32> to tensor<?x?xf32>
  %0 = tensor.insert_slice %c into %t[%i, 0] [%n, %n] [1, 1] : tensor<?x?xf32> into tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}
func.func @dst_cast(%s: tensor<4x4xf32>, %t: tensor<8x8xf32>, %i: index) -> tensor<?x?xf32> {
  %c = tensor.cast %t : tensor<8x8xf32> to tensor<?x?xf32>
  %0 = tensor.insert_slice %s into %c[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
func.func @rank_reduced(%s: tensor<4xf32>, %t: tensor<8x8xf32>, %i: index, %n: index) -> tensor<8x8xf32> {
  %c = tensor.cast %s : tensor<4xf32> to tensor<?xf32>
  %0 = tensor.insert_slice %c into %t[%i, 0] [1, %n] [1, 1] : tensor<?xf32> into tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}
func.func @unranked_src(%s: tensor<*xf32>, %t: tensor<8x8xf32>, %i: index, %n: index) -> tensor<8x8xf32> {
  %c = tensor.cast %s : tensor<*xf32> to tensor<?x?xf32>
  %0 = tensor.insert_slice %c into %t[%i, 0] [%n, %n] [1, 1] : tensor<?x?xf32> into tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}
func.func @more_static_cast(%s: tensor<?x?xf32>, %t: tensor<8x8xf32>, %i: index) -> tensor<8x8xf32> {
  %c = tensor.cast %s : tensor<?x?xf32> to tensor<4x4xf32>
  %0 = tensor.insert_slice %c into %t[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}
func.func @both(%s: tensor<4x4xf32>, %t: tensor<8x8xf32>, %i: index, %n: index) -> tensor<?x8xf32> {
  %c = tensor.cast %s : tensor<4x4xf32> to tensor<4x?xf32>
  %d = tensor.cast %t : tensor<8x8xf32> to tensor<?x8xf32>
  %0 = tensor.insert_slice %c into %d[%i, 0] [4, %n] [1, 1] : tensor<4x?xf32> into tensor<?x8xf32>
  return %0 : tensor<?x8xf32>
}
func.func @oob_after(%s: tensor<16xf32>, %t: tensor<8x8xf32>, %i: index, %n: index) -> tensor<8x8xf32> {
  %c = tensor.cast %s : tensor<16xf32> to tensor<?xf32>
  %0 = tensor.insert_slice %c into %t[0, 0] [1, %n] [1, 1] : tensor<?xf32> into tensor<8x8xf32>
  return %0 : tensor<8x8xf32>
}
