func.func @copy(%a: memref<4x8xf32>, %b: memref<4x8xf32, strided<[16, 1]>>, %c: memref<?x8xf32>, %u: memref<*xf32>, %v: memref<*xf32>, %s: memref<i32>, %t: memref<i32, 1>) {
  memref.copy %a, %b : memref<4x8xf32> to memref<4x8xf32, strided<[16, 1]>>
  memref.copy %c, %a : memref<?x8xf32> to memref<4x8xf32>
  memref.copy %u, %v : memref<*xf32> to memref<*xf32>
  memref.copy %s, %t {tag} : memref<i32> to memref<i32, 1>
  return
}
