// RUN: mlir-py-opt %s --split-input-file --canonicalize --allow-unregistered-dialect | filecheck %s

// A copy of a buffer onto itself is erased; a copy between two buffers stays.
// CHECK-LABEL: func.func @copies
//  CHECK-SAME:   (%[[M:.*]]: memref<4xf32>, %[[N:.*]]: memref<4xf32>)
//  CHECK-NEXT:   memref.copy %[[M]], %[[N]] : memref<4xf32> to memref<4xf32>
//  CHECK-NEXT:   return
func.func @copies(%m: memref<4xf32>, %n: memref<4xf32>) {
  memref.copy %m, %m : memref<4xf32> to memref<4xf32>
  memref.copy %m, %n : memref<4xf32> to memref<4xf32>
  return
}

// -----

// A cast to the same type folds; a cast of a cast reads the first source; dim of a static dimension is a constant.
// A cast to a less static type stays.
// CHECK-LABEL: func.func @casts
//  CHECK-SAME:   (%[[M:.*]]: memref<4xf32>)
//       CHECK:   %[[C4:.*]] = arith.constant 4 : index
//       CHECK:   %[[C:.*]] = memref.cast %[[M]] : memref<4xf32> to memref<?xf32>
//       CHECK:   return %[[M]], %[[C]], %[[C4]]
func.func @casts(%m: memref<4xf32>) -> (memref<4xf32>, memref<?xf32>, index) {
  %c0 = arith.constant 0 : index
  %0 = memref.cast %m : memref<4xf32> to memref<4xf32>
  %1 = memref.cast %0 : memref<4xf32> to memref<?xf32>
  %2 = memref.cast %1 : memref<?xf32> to memref<4xf32>
  %3 = memref.cast %2 : memref<4xf32> to memref<?xf32>
  %d = memref.dim %1, %c0 : memref<?xf32>
  return %2, %3, %d : memref<4xf32>, memref<?xf32>, index
}

// -----

// load, store, copy and dealloc read through casts of ranked memrefs; not through a cast from an unranked one.
// CHECK-LABEL: func.func @accesses
//  CHECK-SAME:   (%[[M:.*]]: memref<4xf32>, %[[I:.*]]: index, %[[U:.*]]: memref<*xf32>, %[[N:.*]]: memref<4xf32>)
//       CHECK:   %[[UC:.*]] = memref.cast %[[U]] : memref<*xf32> to memref<?xf32>
//       CHECK:   %[[V:.*]] = memref.load %[[M]][%[[I]]] : memref<4xf32>
//       CHECK:   memref.store %[[V]], %[[M]][%[[I]]] : memref<4xf32>
//       CHECK:   %[[W:.*]] = memref.load %[[UC]][%[[I]]] : memref<?xf32>
//       CHECK:   memref.copy %[[M]], %[[N]] : memref<4xf32> to memref<4xf32>
//       CHECK:   memref.dealloc %[[M]] : memref<4xf32>
//       CHECK:   return %[[W]]
func.func @accesses(%m: memref<4xf32>, %i: index, %u: memref<*xf32>, %n: memref<4xf32>) -> f32 {
  %c = memref.cast %m : memref<4xf32> to memref<?xf32>
  %uc = memref.cast %u : memref<*xf32> to memref<?xf32>
  %v = memref.load %c[%i] : memref<?xf32>
  memref.store %v, %c[%i] : memref<?xf32>
  %w = memref.load %uc[%i] : memref<?xf32>
  memref.copy %c, %n : memref<?xf32> to memref<4xf32>
  memref.dealloc %c : memref<?xf32>
  return %w : f32
}

// -----

// dim of a dynamic dimension of memref.alloc / memref.alloca is its size operand; of an argument it stays.
// CHECK-LABEL: func.func @dims
//  CHECK-SAME:   (%[[N:.*]]: index, %[[K:.*]]: index, %[[A:.*]]: memref<?xf32>)
//       CHECK:   %[[D:.*]] = memref.dim %[[A]], %{{.*}} : memref<?xf32>
//       CHECK:   return %[[N]], %[[K]], %[[D]]
func.func @dims(%n: index, %k: index, %a: memref<?xf32>) -> (index, index, index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %x = memref.alloc(%n) : memref<4x?xf32>
  %y = memref.alloca(%k) : memref<?xf32>
  %d0 = memref.dim %x, %c1 : memref<4x?xf32>
  %d1 = memref.dim %y, %c0 : memref<?xf32>
  %d2 = memref.dim %a, %c0 : memref<?xf32>
  "test.use"(%x, %y) : (memref<4x?xf32>, memref<?xf32>) -> ()
  return %d0, %d1, %d2 : index, index, index
}

// -----

// A copy into a cast to a more static type keeps the cast (it checks the shape).
// CHECK-LABEL: func.func @copy_more_static
//       CHECK:   %[[C:.*]] = memref.cast %arg1 : memref<?xf32> to memref<4xf32>
//       CHECK:   memref.copy %arg0, %[[C]] : memref<4xf32> to memref<4xf32>
func.func @copy_more_static(%m: memref<4xf32>, %n: memref<?xf32>) {
  %c = memref.cast %n : memref<?xf32> to memref<4xf32>
  memref.copy %m, %c : memref<4xf32> to memref<4xf32>
  return
}
