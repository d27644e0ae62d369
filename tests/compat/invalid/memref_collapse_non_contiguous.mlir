func.func @collapse(%m: memref<2x3x4xf32, strided<[24, 4, 1]>>) {
  %0 = memref.collapse_shape %m [[0, 1], [2]] : memref<2x3x4xf32, strided<[24, 4, 1]>> into memref<6x4xf32, strided<[4, 1]>>
  return
}
