// RUN: mlir-py-opt %s --split-input-file --strength-reduce-mul-by-pow2 | filecheck %s
// RUN: mlir-py-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(strength-reduce-mul-by-pow2))' | filecheck %s
// RUN: mlir-py-opt %s --split-input-file --strength-reduce-mul-by-pow2=max-shift=2 | filecheck %s --check-prefix=MAX
// RUN: mlir-py-opt %s --split-input-file --strength-reduce-mul-by-pow2 --mlir-pass-statistics -o /dev/null 2>&1 | filecheck %s --check-prefix=STATS

// CHECK-LABEL: func.func @pow2
//  CHECK-SAME:   (%[[X:.*]]: i32)
//   CHECK-DAG:   %[[C3:.*]] = arith.constant 3 : i32
//   CHECK-DAG:   %[[C4:.*]] = arith.constant 4 : i32
//       CHECK:   %[[A:.*]] = arith.shli %[[X]], %[[C3]] : i32
//       CHECK:   %[[B:.*]] = arith.shli %[[X]], %[[C4]] : i32
//   CHECK-NOT:   arith.muli
//       CHECK:   return %[[A]], %[[B]]
// MAX-LABEL: func.func @pow2
//       MAX:   arith.muli
//       MAX:   arith.muli
func.func @pow2(%x: i32) -> (i32, i32) {
  %c8 = arith.constant 8 : i32
  %0 = arith.muli %x, %c8 : i32
  %c16 = arith.constant 16 : i32
  %1 = arith.muli %c16, %x : i32
  return %0, %1 : i32, i32
}

// -----

// The w-bit pattern counts: -128 : i8 is 2^7; index is 64 bits wide.
// CHECK-LABEL: func.func @wrap
//   CHECK-DAG:   %[[C7:.*]] = arith.constant 7 : i8
//   CHECK-DAG:   %[[C1:.*]] = arith.constant 1 : index
//       CHECK:   arith.shli %{{.*}}, %[[C7]] : i8
//       CHECK:   arith.shli %{{.*}}, %[[C1]] : index
func.func @wrap(%x: i8, %i: index) -> (i8, index) {
  %m = arith.constant -128 : i8
  %0 = arith.muli %x, %m : i8
  %c2 = arith.constant 2 : index
  %1 = arith.muli %i, %c2 : index
  return %0, %1 : i8, index
}

// -----

// Not powers of two (6, and -1 whose bit pattern is all ones), a non-constant operand: left alone.
// CHECK-LABEL: func.func @keep
//   CHECK-NOT:   arith.shli
//       CHECK:   arith.muli %{{.*}}, %{{.*}} : i32
//       CHECK:   arith.muli %{{.*}}, %{{.*}} : i32
//       CHECK:   arith.muli %{{.*}}, %{{.*}} : i32
//   CHECK-NOT:   arith.shli
func.func @keep(%x: i32, %y: i32) -> (i32, i32, i32) {
  %c6 = arith.constant 6 : i32
  %0 = arith.muli %x, %c6 : i32
  %cm1 = arith.constant -1 : i32
  %1 = arith.muli %x, %cm1 : i32
  %2 = arith.muli %x, %y : i32
  return %0, %1, %2 : i32, i32, i32
}

// STATS: StrengthReduceMulByPow2Pass
// STATS-NEXT: (S) 2 num-rewritten - Number of multiplications rewritten
// STATS: StrengthReduceMulByPow2Pass
// STATS-NEXT: (S) 2 num-rewritten - Number of multiplications rewritten
// STATS: StrengthReduceMulByPow2Pass
// STATS-NEXT: (S) 0 num-rewritten - Number of multiplications rewritten
