func.func @cast_cast(%t: tensor<4x?xf32>) -> tensor<?x?xf32> {
  %0 = tensor.cast %t : tensor<4x?xf32> to tensor<?x?xf32>
  %1 = tensor.cast %0 : tensor<?x?xf32> to tensor<4x?xf32>
  %2 = tensor.cast %1 : tensor<4x?xf32> to tensor<?x?xf32>
  return %2 : tensor<?x?xf32>
}
func.func @cast_same(%t: tensor<4xf32>) -> tensor<4xf32> {
  %0 = tensor.cast %t : tensor<4xf32> to tensor<4xf32>
  return %0 : tensor<4xf32>
}
func.func @dim_static(%t: tensor<4x?xf32>, %m: memref<3x?xf32>) -> (index, index, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %0 = tensor.dim %t, %c0 : tensor<4x?xf32>
  %1 = tensor.dim %t, %c1 : tensor<4x?xf32>
  %2 = memref.dim %m, %c0 : memref<3x?xf32>
  return %0, %1, %2 : index, index, index
}
func.func @dim_of_cast(%t: tensor<4x?xf32>) -> (index, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %0 = tensor.cast %t : tensor<4x?xf32> to tensor<?x?xf32>
  %1 = tensor.dim %0, %c0 : tensor<?x?xf32>
  %2 = tensor.dim %0, %c1 : tensor<?x?xf32>
  return %1, %2 : index, index
}
func.func @dim_of_empty(%n: index) -> index {
  %c1 = arith.constant 1 : index
  %e = tensor.empty(%n) : tensor<4x?xf32>
  %d = tensor.dim %e, %c1 : tensor<4x?xf32>
  return %d : index
}
func.func @extract_from_elements(%a: f32, %b: f32, %c: f32, %d: f32) -> f32 {
  %c1 = arith.constant 1 : index
  %c0 = arith.constant 0 : index
  %t = tensor.from_elements %a, %b, %c, %d : tensor<2x2xf32>
  %e = tensor.extract %t[%c1, %c0] : tensor<2x2xf32>
  return %e : f32
}
func.func @extract_splat(%a: f32, %i: index) -> f32 {
  %t = tensor.splat %a : tensor<4xf32>
  %e = tensor.extract %t[%i] : tensor<4xf32>
  return %e : f32
}
func.func @extract_of_cast(%t: tensor<4xf32>, %i: index) -> f32 {
  %0 = tensor.cast %t : tensor<4xf32> to tensor<?xf32>
  %e = tensor.extract %0[%i] : tensor<?xf32>
  return %e : f32
}
func.func @empty_static() -> tensor<?x?xf32> {
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %e = tensor.empty(%c4, %c5) : tensor<?x?xf32>
  return %e : tensor<?x?xf32>
}
func.func @slice_identity(%t: tensor<4x8xf32>, %u: tensor<4x8xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>) {
  %0 = tensor.extract_slice %t[0, 0] [4, 8] [1, 1] : tensor<4x8xf32> to tensor<4x8xf32>
  %1 = tensor.insert_slice %t into %u[0, 0] [4, 8] [1, 1] : tensor<4x8xf32> into tensor<4x8xf32>
  return %0, %1 : tensor<4x8xf32>, tensor<4x8xf32>
}
func.func @collapse_expand(%t: tensor<2x3x4xf32>) -> (tensor<2x3x4xf32>, tensor<6x4xf32>) {
  %0 = tensor.collapse_shape %t [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
  %1 = tensor.expand_shape %0 [[0, 1], [2]] output_shape [2, 3, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  return %1, %0 : tensor<2x3x4xf32>, tensor<6x4xf32>
}
func.func @expand_collapse(%t: tensor<6x4xf32>) -> tensor<6x4xf32> {
  %0 = tensor.expand_shape %t [[0, 1], [2]] output_shape [2, 3, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  %1 = tensor.collapse_shape %0 [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
  return %1 : tensor<6x4xf32>
}
func.func @collapse_collapse(%t: tensor<2x3x4xf32>) -> tensor<24xf32> {
  %0 = tensor.collapse_shape %t [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
  %1 = tensor.collapse_shape %0 [[0, 1]] : tensor<6x4xf32> into tensor<24xf32>
  return %1 : tensor<24xf32>
}
func.func @extract_insert(%t: tensor<4xf32>, %v: f32, %i: index) -> f32 {
  %0 = tensor.insert %v into %t[%i] : tensor<4xf32>
  %1 = tensor.extract %0[%i] : tensor<4xf32>
  return %1 : f32
}
func.func @extract_const(%i: index) -> (f32, f32) {
  %c1 = arith.constant 1 : index
  %cst = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %s = arith.constant dense<7.0> : tensor<3xf32>
  %a = tensor.extract %cst[%c1] : tensor<3xf32>
  %b = tensor.extract %s[%i] : tensor<3xf32>
  return %a, %b : f32, f32
}
func.func @extract_element_types(%i: index) -> (i1, f16, index, i8) {
  %c1 = arith.constant 1 : index
  %a = arith.constant dense<[true, false]> : tensor<2xi1>
  %b = arith.constant dense<[1.5, 2.5]> : tensor<2xf16>
  %c = arith.constant dense<[7, 9]> : tensor<2xindex>
  %d = arith.constant dense<-3> : tensor<2xi8>
  %0 = tensor.extract %a[%c1] : tensor<2xi1>
  %1 = tensor.extract %b[%c1] : tensor<2xf16>
  %2 = tensor.extract %c[%c1] : tensor<2xindex>
  %3 = tensor.extract %d[%i] : tensor<2xi8>
  return %0, %1, %2, %3 : i1, f16, index, i8
}
