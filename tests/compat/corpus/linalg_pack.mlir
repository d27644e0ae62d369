func.func @pack_nc_to_ncnc(%s: tensor<128x256xf32>, %d: tensor<16x8x8x32xf32>) -> tensor<16x8x8x32xf32> {
  %0 = linalg.pack %s inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %d : tensor<128x256xf32> -> tensor<16x8x8x32xf32>
  return %0 : tensor<16x8x8x32xf32>
}
func.func @pack_padded_perm(%s: tensor<200x127x256xf32>, %d: tensor<256x64x200x2xf32>, %pad: f32) -> tensor<256x64x200x2xf32> {
  %0 = linalg.pack %s padding_value(%pad : f32) outer_dims_perm = [2, 1, 0] inner_dims_pos = [1] inner_tiles = [2] into %d : tensor<200x127x256xf32> -> tensor<256x64x200x2xf32>
  return %0 : tensor<256x64x200x2xf32>
}
func.func @pack_dynamic(%s: tensor<?x?xi8>, %d: tensor<?x?x?x16xi8>, %t: index) -> tensor<?x?x?x16xi8> {
  %0 = linalg.pack %s inner_dims_pos = [0, 1] inner_tiles = [%t, 16] into %d {tag} : tensor<?x?xi8> -> tensor<?x?x?x16xi8>
  return %0 : tensor<?x?x?x16xi8>
}
func.func @pack_memref(%s: memref<32x32xf16>, %d: memref<4x4x8x8xf16>) {
  linalg.pack %s inner_dims_pos = [0, 1] inner_tiles = [8, 8] into %d : memref<32x32xf16> -> memref<4x4x8x8xf16>
  return
}
