func.func @unpack(%s: tensor<16x8x8x32xf32>, %d: tensor<128x256xf32>) -> tensor<128x256xf32> {
  %0 = linalg.unpack %s inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %d : tensor<16x8x8x32xf32> -> tensor<128x256xf32>
  return %0 : tensor<128x256xf32>
}
func.func @unpack_perm(%s: tensor<8x16x8x32xi32>, %d: tensor<128x256xi32>) -> tensor<128x256xi32> {
  %0 = linalg.unpack %s outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [8, 32] into %d {tag} : tensor<8x16x8x32xi32> -> tensor<128x256xi32>
  return %0 : tensor<128x256xi32>
}
func.func @unpack_dynamic(%s: tensor<?x?x8x?xf32>, %d: tensor<?x?xf32>, %n: index) -> tensor<?x?xf32> {
  %0 = linalg.unpack %s inner_dims_pos = [0, 1] inner_tiles = [8, %n] into %d : tensor<?x?x8x?xf32> -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}
func.func @unpack_memref(%s: memref<4x4x8x8xf16>, %d: memref<32x32xf16>) {
  linalg.unpack %s inner_dims_pos = [0, 1] inner_tiles = [8, 8] into %d : memref<4x4x8x8xf16> -> memref<32x32xf16>
  return
}
