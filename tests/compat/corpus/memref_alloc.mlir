func.func @alloc(%n: index, %m: index, %s: index) {
  %0 = memref.alloc() : memref<4x8xf32>
  %1 = memref.alloc(%n) : memref<?x8xf32>
  %2 = memref.alloc(%n, %m) alignment = 64 : memref<?x?xi8>
  %3 = memref.alloc() : memref<16xf32, 3>
  %4 = memref.alloc()[%s] : memref<4x4xf32, strided<[4, 1], offset: ?>>
  %5 = memref.alloc(%n)[%s, %m] : memref<?x4xf32, strided<[?, 1], offset: ?>>
  %6 = memref.alloc() {tag} : memref<f64>
  %7 = memref.alloca() : memref<2x2xi32>
  %8 = memref.alloca(%n) alignment = 16 : memref<?xf16, 1>
  %9 = memref.alloca()[%s] {tag = 1 : i32} : memref<8xf32, strided<[1], offset: ?>>
  memref.dealloc %0 : memref<4x8xf32>
  memref.dealloc %5 : memref<?x4xf32, strided<[?, 1], offset: ?>>
  memref.dealloc %3 {tag} : memref<16xf32, 3>
  return
}
