func.func @extract_insert(%t: tensor<4x?xf32>, %s: tensor<i32>, %b: tensor<2xi1>, %i: index, %j: index, %f: f32) -> tensor<4x?xf32> {
  %0 = tensor.extract %t[%i, %j] : tensor<4x?xf32>
  %1 = tensor.extract %s[] : tensor<i32>
  %2 = tensor.extract %b[%i] : tensor<2xi1>
  %3 = tensor.insert %f into %t[%i, %j] : tensor<4x?xf32>
  %4 = tensor.insert %1 into %s[] : tensor<i32>
  %5 = tensor.insert %2 into %b[%j] {tag} : tensor<2xi1>
  %6 = tensor.insert %0 into %3[%j, %i] : tensor<4x?xf32>
  return %6 : tensor<4x?xf32>
}
