func.func @copy_self(%m: memref<4xf32>) {
  memref.copy %m, %m : memref<4xf32> to memref<4xf32>
  return
}
func.func @mcast(%m: memref<4xf32>) -> (memref<4xf32>, memref<?xf32>, index) {
  %c0 = arith.constant 0 : index
  %0 = memref.cast %m : memref<4xf32> to memref<4xf32>
  %1 = memref.cast %m : memref<4xf32> to memref<?xf32>
  %2 = memref.cast %1 : memref<?xf32> to memref<4xf32>
  %3 = memref.cast %2 : memref<4xf32> to memref<?xf32>
  %d = memref.dim %1, %c0 : memref<?xf32>
  return %2, %3, %d : memref<4xf32>, memref<?xf32>, index
}
func.func @load_cast(%m: memref<4xf32>, %i: index) -> f32 {
  %1 = memref.cast %m : memref<4xf32> to memref<?xf32>
  %v = memref.load %1[%i] : memref<?xf32>
  return %v : f32
}
func.func @dim_alloc(%n: index) -> index {
  %c1 = arith.constant 1 : index
  %a = memref.alloc(%n) : memref<4x?xf32>
  %d = memref.dim %a, %c1 : memref<4x?xf32>
  "test.use"(%a) : (memref<4x?xf32>) -> ()
  return %d : index
}
