func.func @dim_rank(%t: tensor<4x?xf32>, %u: tensor<*xi8>, %s: tensor<f32>) -> (index, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %0 = tensor.dim %t, %c0 : tensor<4x?xf32>
  %1 = tensor.dim %t, %c1 : tensor<4x?xf32>
  %2 = tensor.dim {x = 1 : i64} %u, %1 : tensor<*xi8>
  %3 = tensor.rank %t : tensor<4x?xf32>
  %4 = tensor.rank %u : tensor<*xi8>
  %5 = tensor.rank %s : tensor<f32>
  return %0, %2 : index, index
}
