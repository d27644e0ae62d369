func.func @dim_rank(%m: memref<4x?xf32>, %u: memref<*xi8>, %s: memref<f32, 1>, %i: index) -> index {
  %c1 = arith.constant 1 : index
  %0 = memref.dim %m, %c1 : memref<4x?xf32>
  %1 = memref.dim %u, %i : memref<*xi8>
  %2 = memref.dim {tag} %m, %i : memref<4x?xf32>
  %3 = memref.rank %m : memref<4x?xf32>
  %4 = memref.rank %u : memref<*xi8>
  %5 = memref.rank %s {tag} : memref<f32, 1>
  return %0 : index
}
