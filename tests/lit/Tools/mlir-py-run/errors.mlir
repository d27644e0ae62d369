// Every failure is an MLIR-style diagnostic and exit code 1.
// RUN: mlir-py-run %s --entry make_inputs --output %t.i32.npy --output %t.i64.npy --output %t.vec.npy
// RUN: not mlir-py-run %s --entry div --input %t.i32.npy --input %t.i32.npy 2>&1 | filecheck %s --check-prefix=DIV
// RUN: not mlir-py-run %s --entry div_vec --input %t.vec.npy 2>&1 | filecheck %s --check-prefix=DIVVEC
// RUN: not mlir-py-run %s --entry overflow 2>&1 | filecheck %s --check-prefix=OVERFLOW
// RUN: not mlir-py-run %s --entry div --input %t.i32.npy 2>&1 | filecheck %s --check-prefix=COUNT
// RUN: not mlir-py-run %s --entry div 2>&1 | filecheck %s --check-prefix=NOINPUT
// RUN: not mlir-py-run %s --entry div --input %t.i32.npy --input %t.i64.npy 2>&1 | filecheck %s --check-prefix=DTYPE
// RUN: not mlir-py-run %s --entry div_vec --input %t.i32.npy 2>&1 | filecheck %s --check-prefix=SHAPE
// RUN: not mlir-py-run %s --entry div --input %t.i32.npy --input %t.missing.npy 2>&1 | filecheck %s --check-prefix=MISSING
// RUN: not mlir-py-run %s --entry nope 2>&1 | filecheck %s --check-prefix=NOENTRY
// RUN: not mlir-py-run %s --entry decl --random-inputs 2>&1 | filecheck %s --check-prefix=DECL
// RUN: not mlir-py-run %s --entry dynamic --random-inputs 2>&1 | filecheck %s --check-prefix=DYNAMIC
// RUN: not mlir-py-run %s --entry make_inputs --output %t.1.npy --output %t.2.npy --output %t.3.npy --output %t.4.npy 2>&1 | filecheck %s --check-prefix=OUTPUTS
// RUN: not mlir-py-run %s --entry div --input %t.i32.npy --random-inputs 2>&1 | filecheck %s --check-prefix=BOTH
// RUN: not mlir-py-run %s --target=dsa --entry div 2>&1 | filecheck %s --check-prefix=DSA
// RUN: not mlir-py-run %s --target=cpu --entry make_inputs 2>&1 | filecheck %s --check-prefix=CPU
// RUN: not mlir-py-run %s --target=gpu 2>&1 | filecheck %s --check-prefix=TARGET
// RUN: not mlir-py-run %t.does-not-exist.mlir 2>&1 | filecheck %s --check-prefix=NOFILE

func.func @make_inputs() -> (i32, i64, vector<3xi32>) {
  %a = arith.constant 0 : i32
  %b = arith.constant 1 : i64
  %c = arith.constant dense<[4, 0, 2]> : vector<3xi32>
  return %a, %b, %c : i32, i64, vector<3xi32>
}

// DIV: errors.mlir:[[# @LINE + 2]]:8: error: 'arith.divsi' op division by zero (undefined behavior)
func.func @div(%a: i32, %b: i32) -> i32 {
  %0 = arith.divsi %a, %b : i32
  return %0 : i32
}
// COUNT: errors.mlir:[[# @LINE - 4]]:1: error: '@div' takes 2 argument(s) but 1 --input file(s) were given
// NOINPUT: error: '@div' takes 2 argument(s) but 0 --input file(s) were given (or use --random-inputs)
// DTYPE: error: argument #1 of '@div' ('{{.*}}.i64.npy'): expected dtype int32 for 'i32', got int64
// MISSING: error: could not read --input '{{.*}}.missing.npy': No such file or directory
// BOTH: error: --input and --random-inputs are mutually exclusive

// DIVVEC: error: 'arith.remui' op division by zero (undefined behavior) at element [1]
// SHAPE: error: argument #0 of '@div_vec' ('{{.*}}.i32.npy'): expected shape (3,) for 'vector<3xi32>', got ()
func.func @div_vec(%a: vector<3xi32>) -> vector<3xi32> {
  %0 = arith.remui %a, %a : vector<3xi32>
  return %0 : vector<3xi32>
}

// OVERFLOW: error: 'arith.floordivsi' op signed division overflow: minimum value divided by -1 (undefined behavior)
func.func @overflow() -> i8 {
  %min = arith.constant -128 : i8
  %m1 = arith.constant -1 : i8
  %0 = arith.floordivsi %min, %m1 : i8
  return %0 : i8
}

// NOENTRY: {{^}}error: entry function '@nope' not found
// DECL: errors.mlir:[[# @LINE + 1]]:1: error: entry function '@decl' is a declaration
func.func private @decl(i32) -> i32

// DYNAMIC: error: --random-inputs for '@dynamic': cannot make a random value of dynamically shaped 'tensor<?xf32>'
func.func @dynamic(%a: tensor<?xf32>) -> tensor<?xf32> {
  return %a : tensor<?xf32>
}

// OUTPUTS: error: 4 --output file(s) given but '@make_inputs' returns 3 result(s)
// DSA: error: '@div' is not a DSA kernel: mark the entry function with the 'dsa.kernel' attribute
// CPU: error: '@make_inputs': values of type 'vector<3xi32>' are not supported by the CPU runner
// TARGET: error: unknown target 'gpu' (expected one of: interp, dsa, cpu)
// NOFILE: error: could not open input file '{{.*}}does-not-exist.mlir': No such file or directory
