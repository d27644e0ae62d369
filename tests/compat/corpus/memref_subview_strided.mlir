func.func @subview_strided(%a: memref<?x?xf32>, %b: memref<16x16xf32, strided<[32, 2], offset: 8>>, %c: memref<?x?xf32, strided<[?, ?], offset: ?>>, %d: memref<8x8xf32, 2>, %i: index) {
  %0 = memref.subview %a[1, 2] [4, 4] [1, 1] : memref<?x?xf32> to memref<4x4xf32, strided<[?, 1], offset: ?>>
  %1 = memref.subview %a[0, 0] [4, 4] [1, 1] : memref<?x?xf32> to memref<4x4xf32, strided<[?, 1]>>
  %2 = memref.subview %b[1, 1] [4, 4] [2, 2] : memref<16x16xf32, strided<[32, 2], offset: 8>> to memref<4x4xf32, strided<[64, 4], offset: 42>>
  %3 = memref.subview %b[%i, 0] [4, 1] [1, 1] : memref<16x16xf32, strided<[32, 2], offset: 8>> to memref<4xf32, strided<[32], offset: ?>>
  %4 = memref.subview %c[0, 0] [2, 2] [1, 1] : memref<?x?xf32, strided<[?, ?], offset: ?>> to memref<2x2xf32, strided<[?, ?], offset: ?>>
  %5 = memref.subview %d[4, 4] [4, 4] [1, 1] : memref<8x8xf32, 2> to memref<4x4xf32, strided<[8, 1], offset: 36>, 2>
  %6 = memref.subview %c[0, %i] [1, 1] [1, 1] : memref<?x?xf32, strided<[?, ?], offset: ?>> to memref<1xf32, strided<[?], offset: ?>>
  return
}
