// RUN: mlir-py-opt %s --split-input-file --inline='default-pipeline=' | filecheck %s
// RUN: mlir-py-opt %s --split-input-file --pass-pipeline='builtin.module(inline{default-pipeline=})' | filecheck %s
// RUN: mlir-py-opt %s --split-input-file --inline='default-pipeline=' --mlir-print-debuginfo | filecheck %s --check-prefix=LOC
// RUN: mlir-py-opt %s --split-input-file --inline='default-pipeline=' --mlir-pass-statistics -o /dev/null 2>&1 | filecheck %s --check-prefix=STATS
// With the default pipeline (canonicalize) each function is simplified before and after inlining, as MLIR does.
// RUN: mlir-py-opt %s --split-input-file --inline | filecheck %s --check-prefix=DEFAULT

// Single-block callees are inlined; the private callee is then dead and erased, the public one stays.

// CHECK-LABEL: func.func @pub(
// CHECK-NOT: func.func private @add1
// CHECK-LABEL: func.func @simple
//  CHECK-SAME:   (%[[A:.*]]: i32)
//       CHECK:   %[[C1:.*]] = arith.constant 1 : i32
//       CHECK:   %[[X:.*]] = arith.addi %[[A]], %[[C1]] : i32
//       CHECK:   %[[C2:.*]] = arith.constant 2 : i32
//       CHECK:   %[[Y:.*]] = arith.muli %[[X]], %[[C2]] : i32
//   CHECK-NOT:   call
//       CHECK:   return %[[Y]] : i32
func.func private @add1(%x: i32) -> i32 {
  %c1 = arith.constant 1 : i32 loc("callee.mlir":2:3)
  %r = arith.addi %x, %c1 : i32 loc("callee.mlir":3:3)
  return %r : i32
}
func.func @pub(%x: i32) -> i32 {
  %c2 = arith.constant 2 : i32
  %r = arith.muli %x, %c2 : i32
  return %r : i32
}
func.func @simple(%a: i32) -> i32 {
  %0 = call @add1(%a) : (i32) -> i32 loc("caller.mlir":10:8)
  %1 = call @pub(%0) : (i32) -> i32
  return %1 : i32
}

// Inlined ops get call-site locations (callee location, called from the call's location).
// LOC:     arith.addi {{.*}} loc([[L:#loc[0-9]+]])
// LOC-DAG: [[CALLEE:#loc[0-9]+]] = loc("callee.mlir":3:3)
// LOC-DAG: [[CALLER:#loc[0-9]+]] = loc("caller.mlir":10:8)
// LOC:     [[L]] = loc(callsite([[CALLEE]] at [[CALLER]]))

// -----

// Calls that must stay: a declaration, `no_inline` on the callee or on the call, and recursion.

// CHECK-LABEL: func.func @kept
//       CHECK:   call @decl
//       CHECK:   call @noinline_callee
//       CHECK:   call @inlinable({{.*}}) <no_inline>
//       CHECK:   call @recursive
//       CHECK:   return
// CHECK-LABEL: func.func private @decl
// CHECK-LABEL: func.func private @noinline_callee
// CHECK-LABEL: func.func private @inlinable
// CHECK-LABEL: func.func private @recursive
//       CHECK:   call @recursive
func.func @kept(%a: i32) -> i32 {
  %0 = call @decl(%a) : (i32) -> i32
  %1 = call @noinline_callee(%0) : (i32) -> i32
  %2 = "func.call"(%1) <{callee = @inlinable, no_inline}> : (i32) -> i32
  %3 = call @recursive(%2) : (i32) -> i32
  return %3 : i32
}
func.func private @decl(i32) -> i32
func.func private @noinline_callee(%x: i32) -> i32 attributes {no_inline} {
  return %x : i32
}
func.func private @inlinable(%x: i32) -> i32 {
  return %x : i32
}
func.func private @recursive(%x: i32) -> i32 {
  %0 = call @recursive(%x) : (i32) -> i32
  return %0 : i32
}

// -----

// Transitive calls, multiple results, and a callee whose result is one of its arguments.

// CHECK-LABEL: func.func @chain
//  CHECK-SAME:   (%[[A:.*]]: i32, %[[B:.*]]: i32)
//       CHECK:   %[[S:.*]] = arith.addi %[[A]], %[[B]] : i32
//       CHECK:   %[[P:.*]] = arith.muli %[[S]], %[[B]] : i32
//       CHECK:   return %[[P]], %[[A]] : i32, i32
//   CHECK-NOT: func.func private
func.func @chain(%a: i32, %b: i32) -> (i32, i32) {
  %0:2 = call @outer(%a, %b) : (i32, i32) -> (i32, i32)
  return %0#0, %0#1 : i32, i32
}
func.func private @outer(%x: i32, %y: i32) -> (i32, i32) {
  %s = call @sum(%x, %y) : (i32, i32) -> i32
  %p = arith.muli %s, %y : i32
  return %p, %x : i32, i32
}
func.func private @sum(%x: i32, %y: i32) -> i32 {
  %s = arith.addi %x, %y : i32
  return %s : i32
}

// -----

// Unused private functions are erased even when nothing was inlined (MLIR's inliner deletes dead callables).

// CHECK-LABEL: module
//   CHECK-NOT:   @unused
//       CHECK:   func.func @entry
func.func private @unused() {
  return
}
func.func @entry() {
  return
}

// STATS:      InlinerPass
// STATS-NEXT:   (S) 1 num-erased-callables - Number of dead callables erased after inlining
// STATS-NEXT:   (S) 2 num-inlined-calls    - Number of inlined calls

// -----

// A multi-block callee: the caller block is split at the call, the callee's entry block is merged into the first
// half, and its returns become cf.br to the continuation block whose argument replaces the call's result.

// CHECK-LABEL: func.func @multi
//  CHECK-SAME:   (%[[C:.*]]: i1, %[[X:.*]]: i32)
//       CHECK:   %[[ONE:.*]] = arith.constant 1 : i32
//       CHECK:   cf.cond_br %[[C]], ^bb1, ^bb2
//       CHECK: ^bb1:
//       CHECK:   cf.br ^bb3(%[[X]] : i32)
//       CHECK: ^bb2:
//       CHECK:   %[[C7:.*]] = arith.constant 7 : i32
//       CHECK:   cf.br ^bb3(%[[C7]] : i32)
//       CHECK: ^bb3(%[[R:.*]]: i32):
//       CHECK:   %[[S:.*]] = arith.addi %[[R]], %[[ONE]] : i32
//       CHECK:   return %[[S]] : i32
//   CHECK-NOT: @pick
// DEFAULT-LABEL: func.func @multi
//  DEFAULT-SAME:   (%[[C:.*]]: i1, %[[X:.*]]: i32)
//   DEFAULT-DAG:   %[[ONE:.*]] = arith.constant 1 : i32
//   DEFAULT-DAG:   %[[C7:.*]] = arith.constant 7 : i32
//       DEFAULT:   %[[SEL:.*]] = arith.select %[[C]], %[[X]], %[[C7]] : i32
//       DEFAULT:   %[[S:.*]] = arith.addi %[[SEL]], %[[ONE]] : i32
//       DEFAULT:   return %[[S]] : i32
func.func @multi(%c: i1, %x: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %0 = call @pick(%c, %x) : (i1, i32) -> i32
  %1 = arith.addi %0, %c1 : i32
  return %1 : i32
}
func.func private @pick(%c: i1, %x: i32) -> i32 {
  cf.cond_br %c, ^a, ^b
^a:
  return %x : i32
^b:
  %c7 = arith.constant 7 : i32
  return %c7 : i32
}
