// RUN: mlir-py-opt %s --split-input-file --allow-unregistered-dialect --cse | filecheck %s

// Equal pure ops are merged; the first one stays.

// CHECK-LABEL: func.func @simple
//  CHECK-SAME:     (%[[X:.*]]: i32, %[[Y:.*]]: i32)
//  CHECK-NEXT:   %[[A:.*]] = arith.addi %[[X]], %[[Y]] : i32
//  CHECK-NEXT:   %[[M:.*]] = arith.muli %[[A]], %[[A]] : i32
//  CHECK-NEXT:   return %[[M]], %[[M]]
func.func @simple(%x: i32, %y: i32) -> (i32, i32) {
  %0 = arith.addi %x, %y : i32
  %1 = arith.addi %x, %y : i32
  %2 = arith.muli %0, %1 : i32
  %3 = arith.muli %1, %0 : i32
  return %2, %3 : i32, i32
}

// -----

// Commutative ops match with their operands in either order; non-commutative ones do not.

// CHECK-LABEL: func.func @commutative
//       CHECK:   %[[A:.*]] = arith.addi %arg0, %arg1 : i32
//  CHECK-NEXT:   %[[S:.*]] = arith.subi %arg0, %arg1 : i32
//  CHECK-NEXT:   %[[T:.*]] = arith.subi %arg1, %arg0 : i32
//  CHECK-NEXT:   return %[[A]], %[[A]], %[[S]], %[[T]]
func.func @commutative(%x: i32, %y: i32) -> (i32, i32, i32, i32) {
  %0 = arith.addi %x, %y : i32
  %1 = arith.addi %y, %x : i32
  %2 = arith.subi %x, %y : i32
  %3 = arith.subi %y, %x : i32
  return %0, %1, %2, %3 : i32, i32, i32, i32
}

// -----

// Must not merge ops that differ in properties or attributes (flags, predicates, discardable attributes).

// CHECK-LABEL: func.func @different_attributes
//       CHECK:   arith.addi %arg0, %arg1 : i32
//       CHECK:   arith.addi %arg0, %arg1 overflow<nsw> : i32
//       CHECK:   arith.cmpi slt, %arg0, %arg1 : i32
//       CHECK:   arith.cmpi sle, %arg0, %arg1 : i32
//       CHECK:   arith.addi %arg0, %arg1 {test.tag} : i32
func.func @different_attributes(%x: i32, %y: i32) -> (i32, i32, i1, i1, i32) {
  %0 = arith.addi %x, %y : i32
  %1 = arith.addi %x, %y overflow<nsw> : i32
  %2 = arith.cmpi slt, %x, %y : i32
  %3 = arith.cmpi sle, %x, %y : i32
  %4 = arith.addi %x, %y {test.tag} : i32
  return %0, %1, %2, %3, %4 : i32, i32, i1, i1, i32
}

// -----

// Constants are ops like any other.

// CHECK-LABEL: func.func @constants
//  CHECK-NEXT:   %[[C:.*]] = arith.constant 1 : i32
//  CHECK-NEXT:   %[[D:.*]] = arith.constant 1 : i64
//  CHECK-NEXT:   return %[[C]], %[[C]], %[[D]]
func.func @constants() -> (i32, i32, i64) {
  %0 = arith.constant 1 : i32
  %1 = arith.constant 1 : i32
  %2 = arith.constant 1 : i64
  return %0, %1, %2 : i32, i32, i64
}

// -----

// Must not merge: unregistered ops have unknown side effects (and are not dead code either).

// CHECK-LABEL: func.func @side_effects
//       CHECK:   "test.effect"(%arg0)
//       CHECK:   "test.effect"(%arg0)
//       CHECK:   "test.effect"(%arg0)
func.func @side_effects(%x: i32) -> (i32, i32) {
  %0 = "test.effect"(%x) : (i32) -> i32
  %1 = "test.effect"(%x) : (i32) -> i32
  %2 = "test.effect"(%x) : (i32) -> i32
  return %0, %1 : i32, i32
}

// -----

// Reads merge when nothing in between may write.

// CHECK-LABEL: func.func @reads
//       CHECK:   %[[L:.*]] = memref.load %arg0[%arg1] : memref<8xf32>
//   CHECK-NOT:   memref.load
//       CHECK:   return %[[L]], %[[L]]
func.func @reads(%m: memref<8xf32>, %i: index) -> (f32, f32) {
  %0 = memref.load %m[%i] : memref<8xf32>
  %x = arith.addi %i, %i : index
  %1 = memref.load %m[%i] : memref<8xf32>
  return %0, %1 : f32, f32
}

// -----

// Must not merge reads across a write, nor across an op with unknown effects.

// CHECK-LABEL: func.func @reads_across_writes
//       CHECK:   memref.load
//       CHECK:   memref.store
//       CHECK:   memref.load
//       CHECK:   "test.unknown"
//       CHECK:   memref.load
func.func @reads_across_writes(%m: memref<8xf32>, %i: index, %v: f32) -> (f32, f32, f32) {
  %0 = memref.load %m[%i] : memref<8xf32>
  memref.store %v, %m[%i] : memref<8xf32>
  %1 = memref.load %m[%i] : memref<8xf32>
  "test.unknown"() : () -> ()
  %2 = memref.load %m[%i] : memref<8xf32>
  return %0, %1, %2 : f32, f32, f32
}

// -----

// Must not merge writes or allocations.

// CHECK-LABEL: func.func @writes_and_allocations
//       CHECK:   memref.alloc
//       CHECK:   memref.alloc
//       CHECK:   memref.store
//       CHECK:   memref.store
func.func @writes_and_allocations(%v: f32, %i: index) -> (memref<4xf32>, memref<4xf32>) {
  %a = memref.alloc() : memref<4xf32>
  %b = memref.alloc() : memref<4xf32>
  memref.store %v, %a[%i] : memref<4xf32>
  memref.store %v, %a[%i] : memref<4xf32>
  return %a, %b : memref<4xf32>, memref<4xf32>
}

// -----

// An op in a nested region reuses an equal op of the enclosing region, which dominates it.

// CHECK-LABEL: func.func @nested_uses_outer
//       CHECK:   %[[A:.*]] = arith.muli %arg1, %arg1 : i32
//       CHECK:   scf.if %arg0 {
//  CHECK-NEXT:     "test.use"(%[[A]]) : (i32) -> ()
func.func @nested_uses_outer(%c: i1, %x: i32) -> i32 {
  %0 = arith.muli %x, %x : i32
  scf.if %c {
    %1 = arith.muli %x, %x : i32
    "test.use"(%1) : (i32) -> ()
  }
  return %0 : i32
}

// -----

// Must not merge values in different regions: the then- and else-regions do not dominate each other.

// CHECK-LABEL: func.func @sibling_regions
//       CHECK:   scf.if %arg0 {
//  CHECK-NEXT:     %[[T:.*]] = arith.muli %arg1, %arg1 : i32
//  CHECK-NEXT:     "test.use"(%[[T]])
//  CHECK-NEXT:   } else {
//  CHECK-NEXT:     %[[E:.*]] = arith.muli %arg1, %arg1 : i32
//  CHECK-NEXT:     "test.use"(%[[E]])
func.func @sibling_regions(%c: i1, %x: i32) {
  scf.if %c {
    %0 = arith.muli %x, %x : i32
    "test.use"(%0) : (i32) -> ()
  } else {
    %1 = arith.muli %x, %x : i32
    "test.use"(%1) : (i32) -> ()
  }
  return
}

// -----

// Must not use a non-dominating definition: a value computed inside a region is not visible after it.

// CHECK-LABEL: func.func @inner_not_visible_outside
//       CHECK:   scf.if %arg0 {
//  CHECK-NEXT:     arith.addi %arg1, %arg1 : i32
//       CHECK:   }
//  CHECK-NEXT:   %[[B:.*]] = arith.addi %arg1, %arg1 : i32
//  CHECK-NEXT:   return %[[B]]
func.func @inner_not_visible_outside(%c: i1, %x: i32) -> i32 {
  scf.if %c {
    %0 = arith.addi %x, %x : i32
    "test.use"(%0) : (i32) -> ()
  }
  %1 = arith.addi %x, %x : i32
  return %1 : i32
}

// -----

// Across blocks, only a dominating definition is reused: the entry block dominates both branches, but neither
// branch dominates the other or the join block.

// CHECK-LABEL: func.func @cfg
//       CHECK:   %[[A:.*]] = arith.addi %arg1, %arg2 : i32
//       CHECK: ^bb1:
//  CHECK-NEXT:   %[[M1:.*]] = arith.muli %[[A]], %[[A]] : i32
//  CHECK-NEXT:   cf.br ^bb3(%[[M1]] : i32)
//       CHECK: ^bb2:
//  CHECK-NEXT:   %[[M2:.*]] = arith.muli %[[A]], %[[A]] : i32
//  CHECK-NEXT:   cf.br ^bb3(%[[M2]] : i32)
//       CHECK: ^bb3(%[[R:.*]]: i32):
//  CHECK-NEXT:   %[[M3:.*]] = arith.muli %[[A]], %[[A]] : i32
func.func @cfg(%c: i1, %x: i32, %y: i32) -> i32 {
  %a = arith.addi %x, %y : i32
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %b = arith.addi %x, %y : i32
  %m = arith.muli %b, %b : i32
  cf.br ^bb3(%m : i32)
^bb2:
  %m2 = arith.muli %a, %a : i32
  cf.br ^bb3(%m2 : i32)
^bb3(%r: i32):
  %m3 = arith.muli %a, %a : i32
  %s = arith.addi %r, %m3 : i32
  return %s : i32
}

// -----

// Must not merge into a region that may be isolated from above (an unregistered op may be): it starts afresh.

// CHECK-LABEL: func.func @maybe_isolated
//       CHECK:   %[[O:.*]] = arith.addi %arg0, %arg0 : i32
//       CHECK:   "test.isolated"() ({
//  CHECK-NEXT:   ^bb0(%[[ARG:.*]]: i32):
//  CHECK-NEXT:     %[[I:.*]] = arith.addi %[[ARG]], %[[ARG]] : i32
//  CHECK-NEXT:     "test.use"(%[[I]], %[[I]])
func.func @maybe_isolated(%x: i32) -> i32 {
  %0 = arith.addi %x, %x : i32
  "test.isolated"() ({
  ^bb0(%y: i32):
    %1 = arith.addi %y, %y : i32
    %2 = arith.addi %y, %y : i32
    "test.use"(%1, %2) : (i32, i32) -> ()
  }) : () -> ()
  return %0 : i32
}

// -----

// Trivially dead ops met on the way are erased.

// CHECK-LABEL: func.func @dead
//  CHECK-NEXT:   return %arg0
func.func @dead(%x: i32) -> i32 {
  %0 = arith.addi %x, %x : i32
  return %x : i32
}
