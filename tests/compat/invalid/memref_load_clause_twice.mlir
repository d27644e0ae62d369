func.func @load(%m: memref<4xf32>, %i: index) -> f32 {
  %0 = memref.load %m[%i] nontemporal(true) nontemporal(true) : memref<4xf32>
  return %0 : f32
}
