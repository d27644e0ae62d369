func.func @collapse(%t: tensor<2x3x4xf32>, %d: tensor<?x3x4xf32>, %o: tensor<1x1xi32>, %e: tensor<?x1x?xf32>) {
  %0 = tensor.collapse_shape %t [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
  %1 = tensor.collapse_shape %t [[0], [1, 2]] : tensor<2x3x4xf32> into tensor<2x12xf32>
  %2 = tensor.collapse_shape %t [[0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
  %3 = tensor.collapse_shape %d [[0, 1], [2]] : tensor<?x3x4xf32> into tensor<?x4xf32>
  %4 = tensor.collapse_shape %o [] : tensor<1x1xi32> into tensor<i32>
  %5 = tensor.collapse_shape %e [[0, 1, 2]] : tensor<?x1x?xf32> into tensor<?xf32>
  %6 = tensor.collapse_shape %t [[0, 1], [2]] {tag = 1 : i32} : tensor<2x3x4xf32> into tensor<6x4xf32>
  return
}
