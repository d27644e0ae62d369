func.func @slices(%t: tensor<8x8xf32>, %s: tensor<4x4xf32>, %s2: tensor<4x4xf32>, %i: index) -> (tensor<4x4xf32>, tensor<8x8xf32>, tensor<8x8xf32>) {
  %0 = tensor.insert_slice %s into %t[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  %1 = tensor.extract_slice %0[%i, 0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  %2 = tensor.extract_slice %t[%i, 0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  %3 = tensor.insert_slice %2 into %t[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  %4 = tensor.insert_slice %s2 into %0[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  %u = arith.addf %1, %1 : tensor<4x4xf32>
  return %u, %3, %4 : tensor<4x4xf32>, tensor<8x8xf32>, tensor<8x8xf32>
}
func.func @slices_no_fold(%t: tensor<8x8xf32>, %s: tensor<4x4xf32>, %i: index, %j: index) -> (tensor<4x4xf32>, tensor<8x4xf32>) {
  %0 = tensor.insert_slice %s into %t[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  %1 = tensor.extract_slice %0[%j, 0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  %2 = tensor.extract_slice %t[0, 0] [8, 4] [1, 2] : tensor<8x8xf32> to tensor<8x4xf32>
  return %1, %2 : tensor<4x4xf32>, tensor<8x4xf32>
}
func.func @dims(%n: index, %t: tensor<?x8xf32>, %i: index) -> (index, index, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %g = tensor.generate %n {
  ^bb0(%a: index, %b: index):
    %f = arith.constant 1.0 : f32
    tensor.yield %f : f32
  } : tensor<4x?xf32>
  %d = tensor.dim %g, %c1 : tensor<4x?xf32>
  %s = tensor.extract_slice %t[%i, 0] [%n, 8] [1, 1] : tensor<?x8xf32> to tensor<?x8xf32>
  %e = tensor.dim %s, %c0 : tensor<?x8xf32>
  %f = tensor.dim %t, %c0 : tensor<?x8xf32>
  return %d, %e, %f : index, index, index
}
func.func @casts(%t: tensor<?xf32>, %u: tensor<*xf32>) -> (tensor<4xf32>, tensor<?xf32>, tensor<4xf32>) {
  %0 = tensor.cast %t : tensor<?xf32> to tensor<4xf32>
  %1 = tensor.cast %0 : tensor<4xf32> to tensor<?xf32>
  %2 = tensor.cast %u : tensor<*xf32> to tensor<?xf32>
  %3 = tensor.cast %2 : tensor<?xf32> to tensor<4xf32>
  return %0, %1, %3 : tensor<4xf32>, tensor<?xf32>, tensor<4xf32>
}
func.func @empties(%n: index) -> (tensor<?x?xf32>, tensor<?xf32>) {
  %c4 = arith.constant 4 : index
  %cm = arith.constant -1 : index
  %e = tensor.empty(%c4, %n) : tensor<?x?xf32>
  %f = tensor.empty(%cm) : tensor<?xf32>
  return %e, %f : tensor<?x?xf32>, tensor<?xf32>
}
func.func @reshapes(%t: tensor<?x4xf32>, %n: index) -> (tensor<?x4xf32>, tensor<2x3xi32>, tensor<2x2x4xf32>) {
  %0 = tensor.expand_shape %t [[0, 1], [2]] output_shape [%n, 2, 4] : tensor<?x4xf32> into tensor<?x2x4xf32>
  %1 = tensor.collapse_shape %0 [[0, 1], [2]] : tensor<?x2x4xf32> into tensor<?x4xf32>
  %c = arith.constant dense<[1, 2, 3, 4, 5, 6]> : tensor<6xi32>
  %2 = tensor.expand_shape %c [[0, 1]] output_shape [2, 3] : tensor<6xi32> into tensor<2x3xi32>
  %s = arith.constant dense<1.0> : tensor<16xf32>
  %3 = tensor.expand_shape %s [[0, 1, 2]] output_shape [2, 2, 4] : tensor<16xf32> into tensor<2x2x4xf32>
  return %1, %2, %3 : tensor<?x4xf32>, tensor<2x3xi32>, tensor<2x2x4xf32>
}
func.func @expand_expand(%t: tensor<24xf32>) -> tensor<2x3x4xf32> {
  %0 = tensor.expand_shape %t [[0, 1]] output_shape [6, 4] : tensor<24xf32> into tensor<6x4xf32>
  %1 = tensor.expand_shape %0 [[0, 1], [2]] output_shape [2, 3, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  return %1 : tensor<2x3x4xf32>
}
func.func @splat_slice() -> tensor<2x2xf32> {
  %s = arith.constant dense<3.0> : tensor<4x4xf32>
  %0 = tensor.extract_slice %s[1, 1] [2, 2] [1, 1] : tensor<4x4xf32> to tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}
func.func @extract_oob(%a: f32, %b: f32) -> f32 {
  %c5 = arith.constant 5 : index
  %t = tensor.from_elements %a, %b : tensor<2xf32>
  %e = tensor.extract %t[%c5] : tensor<2xf32>
  return %e : f32
}
