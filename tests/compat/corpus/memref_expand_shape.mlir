func.func @expand(%a: memref<6x4xf32>, %b: memref<?x4xf32>, %c: memref<8xf32, strided<[2], offset: 1>>, %d: memref<i8>, %e: memref<?xf32, strided<[?], offset: ?>>, %n: index, %m: index) {
  %0 = memref.expand_shape %a [[0, 1], [2]] output_shape [2, 3, 4] : memref<6x4xf32> into memref<2x3x4xf32>
  %1 = memref.expand_shape %b [[0, 1], [2]] output_shape [%n, 2, 4] : memref<?x4xf32> into memref<?x2x4xf32>
  %2 = memref.expand_shape %c [[0, 1]] output_shape [2, 4] : memref<8xf32, strided<[2], offset: 1>> into memref<2x4xf32, strided<[8, 2], offset: 1>>
  %3 = memref.expand_shape %d [] output_shape [1, 1] : memref<i8> into memref<1x1xi8>
  %4 = memref.expand_shape %e [[0, 1]] output_shape [%n, %m] : memref<?xf32, strided<[?], offset: ?>> into memref<?x?xf32, strided<[?, ?], offset: ?>>
  %5 = memref.expand_shape %b [[0], [1, 2]] output_shape [%m, 2, 2] {tag} : memref<?x4xf32> into memref<?x2x2xf32>
  return
}
