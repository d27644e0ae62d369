// RUN: mlir-py-opt %s --split-input-file --allow-unregistered-dialect --canonicalize | filecheck %s
// RUN: mlir-py-opt %s --split-input-file --allow-unregistered-dialect --canonicalize="top-down=false" | filecheck %s --check-prefix=BOTTOMUP
// RUN: mlir-py-opt %s --split-input-file --allow-unregistered-dialect --canonicalize="region-simplify=disabled" | filecheck %s --check-prefix=NOREGION
// RUN: not mlir-py-opt %s --split-input-file --allow-unregistered-dialect --canonicalize="max-iterations=1 test-convergence=true" 2>&1 | filecheck %s --check-prefix=CONV

// Folding cascades through a chain; folded and existing constants end up uniqued at the top of the function.

// CHECK-LABEL: func.func @fold_chain
//  CHECK-SAME:     (%[[X:.*]]: i32)
//  CHECK-NEXT:   %[[C3:.*]] = arith.constant 3 : i32
//  CHECK-NEXT:   %[[C9:.*]] = arith.constant 9 : i32
//  CHECK-NEXT:   %[[C6:.*]] = arith.constant 6 : i32
//  CHECK-NEXT:   %[[M:.*]] = arith.muli %[[X]], %[[X]] : i32
//  CHECK-NEXT:   %[[A:.*]] = arith.addi %[[M]], %[[C3]] : i32
//  CHECK-NEXT:   return %[[C6]], %[[C9]], %[[A]]
// BOTTOMUP-LABEL: func.func @fold_chain
//  BOTTOMUP-NOT:   arith.addi %{{.*}}, %{{.*}} : i32
//      BOTTOMUP:   arith.addi
//  BOTTOMUP-NOT:   arith.addi
//      BOTTOMUP:   return
// CONV: error: 'builtin.module' op canonicalization did not converge after 1 iterations
func.func @fold_chain(%a: i32) -> (i32, i32, i32) {
  %c1 = arith.constant 1 : i32
  %x = arith.muli %a, %a : i32
  %c2 = arith.constant 2 : i32
  %y = arith.addi %x, %c2 : i32
  %c3 = arith.constant 3 : i32
  %z = arith.addi %c1, %c3 : i32
  %w = arith.addi %z, %c2 : i32
  %q = arith.muli %c3, %c3 : i32
  %r = arith.addi %y, %c1 : i32
  return %w, %q, %r : i32, i32, i32
}

// -----

// Pure ops whose results are unused are erased, transitively.

// CHECK-LABEL: func.func @dead_pure
//  CHECK-NEXT:   return %arg0
func.func @dead_pure(%x: i32) -> i32 {
  %a = arith.addi %x, %x : i32
  %b = arith.muli %a, %a : i32
  %c = arith.cmpi slt, %b, %x : i32
  return %x : i32
}

// -----

// Must not fold: unregistered ops have unknown side effects, so they stay although unused.

// CHECK-LABEL: func.func @side_effects_kept
//       CHECK:   "test.effect"(%arg0) : (i32) -> i32
//       CHECK:   "test.effect"(%arg0) : (i32) -> i32
//       CHECK:   "test.sink"() : () -> ()
func.func @side_effects_kept(%x: i32) -> i32 {
  %0 = "test.effect"(%x) : (i32) -> i32
  %1 = "test.effect"(%x) : (i32) -> i32
  "test.sink"() : () -> ()
  return %x : i32
}

// -----

// Must not fold: division by zero and signed overflow are undefined, so they are left for the program.

// CHECK-LABEL: func.func @no_fold_ub
//       CHECK:   arith.divsi %arg0, %{{.*}} : i32
//       CHECK:   arith.divsi %{{.*}}, %{{.*}} : i32
//       CHECK:   arith.remui %{{.*}}, %{{.*}} : i32
func.func @no_fold_ub(%x: i32) -> (i32, i32, i32) {
  %c0 = arith.constant 0 : i32
  %min = arith.constant -2147483648 : i32
  %m1 = arith.constant -1 : i32
  %c7 = arith.constant 7 : i32
  %0 = arith.divsi %x, %c0 : i32
  %1 = arith.divsi %min, %m1 : i32
  %2 = arith.remui %c7, %c0 : i32
  return %0, %1, %2 : i32, i32, i32
}

// -----

// Must not fold: IEEE arithmetic is not real arithmetic (x + 0.0 is -0.0 + 0.0 = +0.0 for x = -0.0).

// CHECK-LABEL: func.func @no_fold_ieee
//       CHECK:   arith.addf %arg0, %{{.*}} : f32
//       CHECK:   arith.mulf %arg0, %{{.*}} : f32
//       CHECK:   arith.subf %arg0, %arg0 : f32
func.func @no_fold_ieee(%x: f32) -> (f32, f32, f32) {
  %z = arith.constant 0.0 : f32
  %0 = arith.addf %x, %z : f32
  %1 = arith.mulf %x, %z : f32
  %2 = arith.subf %x, %x : f32
  return %0, %1, %2 : f32, f32, f32
}

// -----

// Constants in a region nested in a non-isolated op (scf.if) are hoisted to the function entry, uniqued there.

// CHECK-LABEL: func.func @hoist_into_function
//  CHECK-NEXT:   %[[C:.*]] = arith.constant 5 : i32
//  CHECK-NEXT:   scf.if %arg0 {
//  CHECK-NEXT:     "test.use"(%[[C]]) : (i32) -> ()
//  CHECK-NEXT:     "test.use"(%[[C]]) : (i32) -> ()
func.func @hoist_into_function(%c: i1) {
  scf.if %c {
    %c2 = arith.constant 2 : i32
    %c3 = arith.constant 3 : i32
    %s = arith.addi %c2, %c3 : i32
    "test.use"(%s) : (i32) -> ()
    %c5 = arith.constant 5 : i32
    "test.use"(%c5) : (i32) -> ()
  }
  return
}

// -----

// Must not merge across isolation: every function keeps its own constants.

// CHECK-LABEL: func.func @f1
//       CHECK:   arith.constant 7 : i32
// CHECK-LABEL: func.func @f2
//       CHECK:   arith.constant 7 : i32
func.func @f1() -> i32 {
  %c = arith.constant 7 : i32
  return %c : i32
}
func.func @f2() -> i32 {
  %c = arith.constant 7 : i32
  return %c : i32
}

// -----

// Must not merge values in different regions: the constant of the outer function stays outside, and the
// constants of the region of an unregistered op (which might be isolated from above) stay in that region.

// CHECK-LABEL: func.func @different_regions
//  CHECK-NEXT:   %[[OUT:.*]] = arith.constant 4 : i32
//  CHECK-NEXT:   "test.maybe_isolated"() ({
//  CHECK-NEXT:     %[[IN:.*]] = arith.constant 4 : i32
//  CHECK-NEXT:     "test.use"(%[[IN]]) : (i32) -> ()
//       CHECK:   "test.use"(%[[OUT]]) : (i32) -> ()
func.func @different_regions() {
  "test.maybe_isolated"() ({
    %c2 = arith.constant 2 : i32
    %s = arith.addi %c2, %c2 : i32
    "test.use"(%s) : (i32) -> ()
    "test.end"() : () -> ()
  }) : () -> ()
  %c4 = arith.constant 4 : i32
  "test.use"(%c4) : (i32) -> ()
  return
}

// -----

// Must not use a non-dominating definition: the fold result of the later op is not substituted earlier.

// CHECK-LABEL: func.func @dominance
//  CHECK-SAME:     (%[[X:.*]]: i32)
//       CHECK:   %[[A:.*]] = "test.first"(%[[X]]) : (i32) -> i32
//       CHECK:   %[[S:.*]] = arith.addi %[[A]], %[[X]] : i32
//       CHECK:   "test.second"(%[[S]]) : (i32) -> ()
func.func @dominance(%x: i32) {
  %a = "test.first"(%x) : (i32) -> i32
  %c0 = arith.constant 0 : i32
  %b = arith.addi %a, %c0 : i32
  %s = arith.addi %b, %x : i32
  "test.second"(%s) : (i32) -> ()
  return
}

// -----

// Commutative ops get their constant on the right, cmpi swaps its predicate, in-place folds update operands.

// CHECK-LABEL: func.func @canonical_form
//  CHECK-SAME:     (%[[X:.*]]: i32, %[[Y:.*]]: i8)
//       CHECK:   %[[C:.*]] = arith.constant 42 : i32
//       CHECK:   arith.muli %[[X]], %[[C]] : i32
//       CHECK:   arith.cmpi ugt, %[[X]], %[[C]] : i32
//       CHECK:   arith.extsi %[[Y]] : i8 to i64
func.func @canonical_form(%x: i32, %y: i8) -> (i32, i1, i64) {
  %c = arith.constant 42 : i32
  %0 = arith.muli %c, %x : i32
  %1 = arith.cmpi ult, %c, %x : i32
  %e = arith.extsi %y : i8 to i16
  %2 = arith.extsi %e : i16 to i64
  return %0, %1, %2 : i32, i1, i64
}

// -----

// Unreachable blocks are erased at the start of every iteration, even without region simplification.

// CHECK-LABEL: func.func @region_simplify
//   CHECK-NOT:   ^bb
//       CHECK:   return %arg0
// NOREGION-LABEL: func.func @region_simplify
//   NOREGION-NOT:   ^bb
func.func @region_simplify(%x: i32) -> i32 {
  return %x : i32
^bb1:
  %y = arith.addi %x, %x : i32
  "test.sink"(%y) : (i32) -> ()
  cf.br ^bb1
}

// -----

// A loop-carried value that is never used is removed from the loop (region DCE through block arguments); without
// region simplification it stays.

// NOREGION-LABEL: func.func @dead_loop_value
//       NOREGION: ^bb1(%{{.*}}: index, %{{.*}}: index):

// CHECK-LABEL: func.func @dead_loop_value
//       CHECK:   cf.br ^bb1(%{{.*}} : index)
//       CHECK: ^bb1(%[[I:.*]]: index):
//   CHECK-NOT:   arith.addi %{{.*}}, %{{.*}} : index
//       CHECK:   arith.cmpi slt, %[[I]], %arg0 : index
func.func @dead_loop_value(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^bb1(%c0, %c0 : index, index)
^bb1(%i: index, %dead: index):
  %cond = arith.cmpi slt, %i, %n : index
  %dead2 = arith.addi %dead, %c1 : index
  cf.cond_br %cond, ^bb2, ^bb3
^bb2:
  %next = arith.addi %i, %c1 : index
  cf.br ^bb1(%next, %dead2 : index, index)
^bb3:
  return %i : index
}
