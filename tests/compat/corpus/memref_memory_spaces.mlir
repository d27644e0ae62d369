// FLAGS: --allow-unregistered-dialect
func.func @ms(%m: memref<8x8xf32, "foo">, %i: index) {
  %0 = memref.subview %m[0, %i] [4, 4] [1, 1] : memref<8x8xf32, "foo"> to memref<4x4xf32, strided<[8, 1], offset: ?>, "foo">
  %1 = memref.alloc() : memref<4xi32, #test.space>
  %2 = memref.cast %m : memref<8x8xf32, "foo"> to memref<*xf32, "foo">
  %3 = memref.collapse_shape %m [[0, 1]] : memref<8x8xf32, "foo"> into memref<64xf32, "foo">
  %4 = memref.expand_shape %0 [[0, 1], [2]] output_shape [2, 2, 4] : memref<4x4xf32, strided<[8, 1], offset: ?>, "foo"> into memref<2x2x4xf32, strided<[16, 8, 1], offset: ?>, "foo">
  return
}
