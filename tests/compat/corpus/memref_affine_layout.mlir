#tile = affine_map<(d0, d1)[s0] -> (d0 * 64 + d1 + s0)>
#col = affine_map<(d0, d1) -> (d1 * 8 + d0)>
func.func @affine_layouts(%s: index, %i: index, %m: memref<8x8xf32, #col>) {
  %0 = memref.alloc()[%s] : memref<4x64xf32, #tile>
  %1 = memref.alloca()[%s] : memref<4x64xf32, #tile, 2>
  %2 = memref.load %0[%i, %i] : memref<4x64xf32, #tile>
  %3 = memref.subview %m[0, 0] [4, 4] [1, 1] : memref<8x8xf32, #col> to memref<4x4xf32, strided<[1, 8]>>
  %4 = memref.cast %m : memref<8x8xf32, #col> to memref<8x8xf32, strided<[1, 8]>>
  %5 = memref.subview %0[1, 0] [2, 64] [1, 1] : memref<4x64xf32, #tile> to memref<2x64xf32, strided<[64, 1], offset: ?>>
  memref.store %2, %m[%i, %i] : memref<8x8xf32, #col>
  memref.dealloc %0 : memref<4x64xf32, #tile>
  return
}
