// RUN: mlir-py-opt %s --split-input-file --xdsl-pass=cse | filecheck %s
// RUN: mlir-py-opt %s --split-input-file --pass-pipeline='builtin.module(xdsl-pass{name=canonicalize})' | filecheck %s --check-prefix=CANON
// RUN: not mlir-py-opt %s --xdsl-pass=no-such-pass 2>&1 | filecheck %s --check-prefix=ERR

// xDSL's cse merges the equal additions; its canonicalize folds the constants.

// CHECK-LABEL: func.func @cse
//  CHECK-SAME:   (%[[A:.*]]: i32)
//       CHECK:   %[[S:.*]] = arith.addi %[[A]], %[[A]] : i32
//   CHECK-NOT:   arith.addi
//       CHECK:   %[[P:.*]] = arith.muli %[[S]], %[[S]] : i32
//       CHECK:   return %[[P]]
func.func @cse(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}

// -----

// CANON-LABEL: func.func @fold
//       CANON:   %[[C:.*]] = arith.constant 5 : i32
//   CANON-NOT:   arith.addi
//       CANON:   return %[[C]]
// dsa ops, which xDSL does not know, pass through unchanged.
// CHECK-LABEL: func.func @fold
//       CHECK:   %[[T:.*]] = dsa.join()
//       CHECK:   dsa.wait %[[T]]
func.func @fold() -> i32 {
  %a = arith.constant 2 : i32
  %b = arith.constant 3 : i32
  %c = arith.addi %a, %b : i32
  %t = "dsa.join"() : () -> !dsa.token
  dsa.wait %t
  return %c : i32
}

// ERR: error: unknown xDSL pass 'no-such-pass'
