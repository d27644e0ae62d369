func.func @cast(%t: tensor<4x8xf32>, %d: tensor<?x?xf32>, %u: tensor<*xf32>) {
  %0 = tensor.cast %t : tensor<4x8xf32> to tensor<?x8xf32>
  %1 = tensor.cast %t : tensor<4x8xf32> to tensor<?x?xf32>
  %2 = tensor.cast %d : tensor<?x?xf32> to tensor<4x8xf32>
  %3 = tensor.cast %t : tensor<4x8xf32> to tensor<*xf32>
  %4 = tensor.cast %u : tensor<*xf32> to tensor<4x?xf32>
  %5 = tensor.cast %u : tensor<*xf32> to tensor<*xf32>
  %6 = tensor.cast %0 {x} : tensor<?x8xf32> to tensor<4x?xf32>
  %7 = tensor.bitcast %t : tensor<4x8xf32> to tensor<4x8xi32>
  %8 = tensor.bitcast %d : tensor<?x?xf32> to tensor<?x?xi32>
  return
}
