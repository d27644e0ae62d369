// RUN: mlir-py-run %s --print | filecheck %s
// RUN: mlir-py-run - --print < %s | filecheck %s
// RUN: mlir-py-run %s --entry=scalars --print | filecheck %s --check-prefix=SCALARS
// RUN: mlir-py-run %s --entry=shaped --target=interp --print | filecheck %s --check-prefix=SHAPED
// RUN: mlir-py-run %s --entry=nothing --print | filecheck %s --check-prefix=NOTHING --allow-empty

// `--entry` defaults to @main; `--print` shows every result with its type, one per line.

// CHECK: result #0: i32 = 42
// CHECK-NEXT: result #1: i1 = true
// CHECK-NOT: result
func.func @main() -> (i32, i1) {
  %c = arith.constant 40 : i32
  %d = arith.constant 2 : i32
  %s = arith.addi %c, %d : i32
  %t = arith.cmpi eq, %s, %s : i32
  return %s, %t : i32, i1
}

// Integers print signed (wrapped to their width); floats print as the shortest decimal that reads back to the
// same value of their type.
// SCALARS: result #0: i8 = -128
// SCALARS-NEXT: result #1: i3 = -3
// SCALARS-NEXT: result #2: index = -1
// SCALARS-NEXT: result #3: f32 = 0.1
// SCALARS-NEXT: result #4: bf16 = 0.334
// SCALARS-NEXT: result #5: f16 = inf
// SCALARS-NEXT: result #6: f64 = nan
// SCALARS-NEXT: result #7: f64 = -0.0
func.func @scalars() -> (i8, i3, index, f32, bf16, f16, f64, f64) {
  %a = arith.constant 127 : i8
  %one = arith.constant 1 : i8
  %0 = arith.addi %a, %one : i8
  %1 = arith.constant 5 : i3
  %2 = arith.constant -1 : index
  %3 = arith.constant 0.1 : f32
  %x = arith.constant 1.0 : bf16
  %y = arith.constant 3.0 : bf16
  %4 = arith.divf %x, %y : bf16
  %big = arith.constant 60000.0 : f16
  %5 = arith.addf %big, %big : f16
  %z = arith.constant 0.0 : f64
  %6 = arith.divf %z, %z : f64
  %7 = arith.negf %z : f64
  return %0, %1, %2, %3, %4, %5, %6, %7 : i8, i3, index, f32, bf16, f16, f64, f64
}

// SHAPED: result #0: vector<4xi1> = [true, false, true, false]
// SHAPED-NEXT: result #1: tensor<2x3xf32> = [[0.5, 1.5, 2.5],
// SHAPED-NEXT:                                [3.5, 4.5, 5.5]]
func.func @shaped() -> (vector<4xi1>, tensor<2x3xf32>) {
  %0 = arith.constant dense<[true, false, true, false]> : vector<4xi1>
  %a = arith.constant dense<[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]> : tensor<2x3xf32>
  %h = arith.constant dense<0.5> : tensor<2x3xf32>
  %1 = arith.addf %a, %h : tensor<2x3xf32>
  return %0, %1 : vector<4xi1>, tensor<2x3xf32>
}

// NOTHING-NOT: result
func.func @nothing() {
  return
}
