func.func @collapse(%a: memref<2x3x4xf32>, %b: memref<?x3x4xf32>, %c: memref<4x4xf32, strided<[8, 1], offset: 3>>, %d: memref<2x3x4xf32, strided<[12, 4, 1], offset: ?>>, %e: memref<1x1xi8>, %f: memref<?x?xf32, strided<[?, 1]>>) {
  %0 = memref.collapse_shape %a [[0, 1], [2]] : memref<2x3x4xf32> into memref<6x4xf32>
  %1 = memref.collapse_shape %a [[0, 1, 2]] : memref<2x3x4xf32> into memref<24xf32>
  %2 = memref.collapse_shape %b [[0, 1], [2]] : memref<?x3x4xf32> into memref<?x4xf32>
  %3 = memref.collapse_shape %c [[0], [1]] : memref<4x4xf32, strided<[8, 1], offset: 3>> into memref<4x4xf32, strided<[8, 1], offset: 3>>
  %4 = memref.collapse_shape %d [[0, 1], [2]] : memref<2x3x4xf32, strided<[12, 4, 1], offset: ?>> into memref<6x4xf32, strided<[4, 1], offset: ?>>
  %5 = memref.collapse_shape %e [] : memref<1x1xi8> into memref<i8>
  %6 = memref.collapse_shape %f [[0, 1]] : memref<?x?xf32, strided<[?, 1]>> into memref<?xf32, strided<[?]>>
  %7 = memref.collapse_shape %a [[0], [1, 2]] {tag} : memref<2x3x4xf32> into memref<2x12xf32>
  return
}
