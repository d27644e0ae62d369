func.func @subview(%m: memref<8x16x4xf32>, %i: index, %j: index, %k: index) {
  %0 = memref.subview %m[0, 0, 0] [8, 16, 4] [1, 1, 1] : memref<8x16x4xf32> to memref<8x16x4xf32, strided<[64, 4, 1]>>
  %1 = memref.subview %m[1, 2, 3] [2, 2, 1] [1, 1, 1] : memref<8x16x4xf32> to memref<2x2x1xf32, strided<[64, 4, 1], offset: 75>>
  %2 = memref.subview %m[%i, 0, 0] [4, 4, 4] [1, 2, 1] : memref<8x16x4xf32> to memref<4x4x4xf32, strided<[64, 8, 1], offset: ?>>
  %3 = memref.subview %m[0, 0, 0] [%i, %j, %k] [1, 1, 1] : memref<8x16x4xf32> to memref<?x?x?xf32, strided<[64, 4, 1]>>
  %4 = memref.subview %m[0, 0, 0] [4, 4, 4] [%i, 1, %j] : memref<8x16x4xf32> to memref<4x4x4xf32, strided<[?, 4, ?]>>
  %5 = memref.subview %m[2, 3, 0] [1, 1, 4] [1, 1, 1] : memref<8x16x4xf32> to memref<4xf32, strided<[1], offset: 140>>
  %6 = memref.subview %m[%i, 3, 0] [1, 4, 1] [1, 1, 1] : memref<8x16x4xf32> to memref<4xf32, strided<[4], offset: ?>>
  %7 = memref.subview %m[0, 0, 0] [1, 1, 1] [1, 1, 1] : memref<8x16x4xf32> to memref<f32>
  %8 = memref.subview %m[0, 0, 0] [8, 1, 4] [1, 1, 1] {tag} : memref<8x16x4xf32> to memref<8x4xf32, strided<[64, 1]>>
  return
}
