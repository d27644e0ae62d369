func.func @view_transpose(%buf: memref<2048xi8>, %sbuf: memref<64xi8, 3>, %m: memref<8x16xf32>, %d: memref<?x?x?xf32>, %i: index, %j: index) {
  %0 = memref.view %buf[%i][] : memref<2048xi8> to memref<8x8xf32>
  %1 = memref.view %buf[%i][%j] : memref<2048xi8> to memref<?x4xf32>
  %2 = memref.view %sbuf[%j][%i, %i] {tag} : memref<64xi8, 3> to memref<?x?xi8, 3>
  %3 = memref.transpose %m (d0, d1) -> (d1, d0) : memref<8x16xf32> to memref<16x8xf32, strided<[1, 16]>>
  %4 = memref.transpose %d (d0, d1, d2) -> (d2, d0, d1) : memref<?x?x?xf32> to memref<?x?x?xf32, strided<[1, ?, ?]>>
  %5 = memref.transpose %m (d0, d1) -> (d0, d1) : memref<8x16xf32> to memref<8x16xf32>
  return
}
