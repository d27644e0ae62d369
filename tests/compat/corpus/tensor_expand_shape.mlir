func.func @expand(%t: tensor<6x4xf32>, %d: tensor<?x4xf32>, %s: tensor<i32>, %n: index, %m: index) {
  %0 = tensor.expand_shape %t [[0, 1], [2]] output_shape [2, 3, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  %1 = tensor.expand_shape %d [[0, 1], [2]] output_shape [%n, 2, 4] : tensor<?x4xf32> into tensor<?x2x4xf32>
  %2 = tensor.expand_shape %d [[0, 1], [2, 3]] output_shape [%n, %m, 2, 2] : tensor<?x4xf32> into tensor<?x?x2x2xf32>
  %3 = tensor.expand_shape %s [] output_shape [1, 1] : tensor<i32> into tensor<1x1xi32>
  %4 = tensor.expand_shape %t [[0, 1, 2], [3]] output_shape [1, 6, 1, 4] {tag} : tensor<6x4xf32> into tensor<1x6x1x4xf32>
  return
}
