// RUN: mlir-py-opt %s --print-op-stats -o /dev/null 2>&1 | filecheck %s
// RUN: mlir-py-opt %s --print-op-stats=json -o /dev/null 2>&1 | filecheck %s --check-prefix=JSON
// RUN: mlir-py-opt %s --pass-pipeline='builtin.module(func.func(print-op-stats))' -o /dev/null 2>&1 | filecheck %s --check-prefix=NESTED
// RUN: mlir-py-opt %s --allow-unregistered-dialect --print-op-stats | filecheck %s --check-prefix=IR

// The table (on stderr) is MLIR's: names sorted, dialects right-aligned on the dot, counts after " , ".

//      CHECK: Operations encountered:
// CHECK-NEXT: -----------------------
// CHECK-NEXT:     arith.addi     , 2
// CHECK-NEXT:     arith.constant , 1
// CHECK-NEXT:     arith.muli     , 1
// CHECK-NEXT:   builtin.module   , 1
// CHECK-NEXT:      func.func     , 2
// CHECK-NEXT:      func.return   , 2

//      JSON: {
// JSON-NEXT:   "arith.addi" : 2,
// JSON-NEXT:   "arith.constant" : 1,
// JSON-NEXT:   "arith.muli" : 1,
// JSON-NEXT:   "builtin.module" : 1,
// JSON-NEXT:   "func.func" : 2,
// JSON-NEXT:   "func.return" : 2
// JSON-NEXT: }

// Nested on functions, one table per function.
//      NESTED: Operations encountered:
// NESTED-NEXT: -----------------------
// NESTED-NEXT:  arith.addi     , 2
// NESTED-NEXT:  arith.constant , 1
// NESTED-NEXT:  arith.muli     , 1
// NESTED-NEXT:   func.func     , 1
// NESTED-NEXT:   func.return   , 1
//      NESTED: Operations encountered:
// NESTED-NEXT: -----------------------
// NESTED-NEXT: func.func   , 1
// NESTED-NEXT: func.return , 1

// The IR is unchanged.
// IR-LABEL: func.func @f
//       IR:   arith.muli
func.func @f(%a: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %0 = arith.addi %a, %c1 : i32
  %1 = arith.addi %0, %a : i32
  %2 = arith.muli %1, %1 : i32
  return %2 : i32
}
func.func @g() {
  return
}
