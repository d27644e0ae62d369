func.func @fill_tensor(%t: tensor<4x8xf32>, %c: f32, %ti: tensor<16xi8>, %ci: i8) -> (tensor<4x8xf32>, tensor<16xi8>) {
  %0 = linalg.fill ins(%c : f32) outs(%t : tensor<4x8xf32>) -> tensor<4x8xf32>
  %1 = linalg.fill ins(%ci : i8) outs(%ti : tensor<16xi8>) -> tensor<16xi8>
  return %0, %1 : tensor<4x8xf32>, tensor<16xi8>
}
func.func @fill_memref(%m: memref<2x3x4xf64>, %c: f64, %s: memref<f32>, %cs: f32) {
  linalg.fill ins(%c : f64) outs(%m : memref<2x3x4xf64>)
  linalg.fill ins(%cs : f32) outs(%s : memref<f32>)
  return
}
func.func @copy(%a: tensor<4x8xf16>, %b: tensor<4x8xf32>, %m: memref<8xi8>, %n: memref<8xi32>, %u: memref<8xi32>) -> tensor<4x8xf32> {
  %0 = linalg.copy ins(%a : tensor<4x8xf16>) outs(%b : tensor<4x8xf32>) -> tensor<4x8xf32>
  %1 = linalg.copy ins(%0 : tensor<4x8xf32>) outs(%a : tensor<4x8xf16>) -> tensor<4x8xf16>
  linalg.copy ins(%m : memref<8xi8>) outs(%n : memref<8xi32>)
  linalg.copy {cast = #linalg.type_fn<cast_unsigned>} ins(%m : memref<8xi8>) outs(%u : memref<8xi32>)
  linalg.copy ins(%n : memref<8xi32>) outs(%n : memref<8xi32>)
  return %0 : tensor<4x8xf32>
}
