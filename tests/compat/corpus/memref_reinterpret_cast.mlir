func.func @reinterpret(%m: memref<8x16xf32>, %u: memref<*xf32>, %d: memref<?xi32, 1>, %i: index, %j: index) {
  %0 = memref.reinterpret_cast %m to offset: [0], sizes: [128], strides: [1] : memref<8x16xf32> to memref<128xf32>
  %1 = memref.reinterpret_cast %m to offset: [4], sizes: [%i, 4], strides: [4, 1] : memref<8x16xf32> to memref<?x4xf32, strided<[4, 1], offset: 4>>
  %2 = memref.reinterpret_cast %u to offset: [%i], sizes: [%j, %j], strides: [%j, 1] : memref<*xf32> to memref<?x?xf32, strided<[?, 1], offset: ?>>
  %3 = memref.reinterpret_cast %d to offset: [0], sizes: [2, 2], strides: [2, 1] : memref<?xi32, 1> to memref<2x2xi32, strided<[2, 1]>, 1>
  %4 = memref.reinterpret_cast %m to offset: [0], sizes: [], strides: [] {tag} : memref<8x16xf32> to memref<f32>
  return
}
