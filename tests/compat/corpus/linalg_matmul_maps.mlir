#at = affine_map<(m, n, k) -> (k, m)>
#b = affine_map<(m, n, k) -> (k, n)>
#c = affine_map<(m, n, k) -> (m, n)>
#bt = affine_map<(m, n, k) -> (n, k)>
func.func @matmul_transpose_a(%a: tensor<8x4xf32>, %b: tensor<8x16xf32>, %c: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %0 = linalg.matmul indexing_maps = [#at, #b, #c] ins(%a, %b : tensor<8x4xf32>, tensor<8x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}
func.func @matmul_transpose_b_unsigned(%a: memref<4x8xi8>, %b: memref<16x8xi8>, %c: memref<4x16xi32>) {
  linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, #bt, #c] {cast = #linalg.type_fn<cast_unsigned>} ins(%a, %b : memref<4x8xi8>, memref<16x8xi8>) outs(%c : memref<4x16xi32>)
  return
}
func.func @matmul_bool(%a: tensor<4x8xi1>, %b: tensor<8x4xi1>, %c: tensor<4x4xi1>) -> tensor<4x4xi1> {
  %0 = linalg.matmul {tag = "bool"} ins(%a, %b : tensor<4x8xi1>, tensor<8x4xi1>) outs(%c : tensor<4x4xi1>) -> tensor<4x4xi1>
  return %0 : tensor<4x4xi1>
}
