func.func @alloc() {
  %0 = memref.alloc() : memref<4xf32, strided<[1], offset: ?>>
  return
}
