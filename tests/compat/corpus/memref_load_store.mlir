func.func @access(%m: memref<4x8xf32>, %s: memref<f64>, %v: memref<?xi1, strided<[2], offset: ?>>, %i: index, %j: index, %f: f32) {
  %0 = memref.load %m[%i, %j] : memref<4x8xf32>
  %1 = memref.load %s[] : memref<f64>
  %2 = memref.load %v[%i] nontemporal(true) : memref<?xi1, strided<[2], offset: ?>>
  %3 = memref.load %m[%j, %i] alignment(16) : memref<4x8xf32>
  %4 = memref.load %m[%i, %i] nontemporal(true) alignment(4) {tag} : memref<4x8xf32>
  memref.store %f, %m[%i, %j] : memref<4x8xf32>
  memref.store %1, %s[] : memref<f64>
  memref.store %2, %v[%j] nontemporal(true) : memref<?xi1, strided<[2], offset: ?>>
  memref.store %0, %m[%j, %j] alignment(8) nontemporal(true) : memref<4x8xf32>
  memref.store %3, %m[%i, %j] {tag = "x"} : memref<4x8xf32>
  return
}
