func.func @cast(%m: memref<4x8xf32>, %d: memref<?x?xf32>, %u: memref<*xf32>, %s: memref<4xf32, strided<[2], offset: 4>>, %ms: memref<4xi8, 1>) {
  %0 = memref.cast %m : memref<4x8xf32> to memref<?x8xf32>
  %1 = memref.cast %d : memref<?x?xf32> to memref<4x8xf32>
  %2 = memref.cast %m : memref<4x8xf32> to memref<*xf32>
  %3 = memref.cast %u : memref<*xf32> to memref<?x?xf32>
  %4 = memref.cast %s : memref<4xf32, strided<[2], offset: 4>> to memref<?xf32, strided<[?], offset: ?>>
  %5 = memref.cast %4 : memref<?xf32, strided<[?], offset: ?>> to memref<4xf32, strided<[2], offset: 4>>
  %6 = memref.cast %ms {tag} : memref<4xi8, 1> to memref<*xi8, 1>
  %7 = memref.cast %d : memref<?x?xf32> to memref<?x?xf32, strided<[?, 1]>>
  %8 = memref.memory_space_cast %ms : memref<4xi8, 1> to memref<4xi8>
  %9 = memref.memory_space_cast %u : memref<*xf32> to memref<*xf32, 5>
  %10 = memref.cast %u : memref<*xf32> to memref<*xf32>
  return
}
