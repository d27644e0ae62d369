// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --pass-pipeline='builtin.module(func.func(canonicalize{max-iterations=1 test-convergence}))'

// Options are checked when the pipeline is built: the tool stops before reading the input (MLIR's pass option
// parser; mlir-opt reports the same errors without a location).
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(canonicalize{region-simplify=bogus})' 2>&1 | filecheck %s --check-prefix=REGION
// REGION: PassPipeline Parser:1:16: error: failed to add `canonicalize` with options `region-simplify=bogus`: invalid value 'bogus' for option 'region-simplify'
// REGION-NOT: Traceback
// RUN: not mlir-py-opt %s --canonicalize="max-iterations=ten" 2>&1 | filecheck %s --check-prefix=ITER
// ITER: error: failed to add `canonicalize` with options `max-iterations=ten`: invalid value 'ten' for option 'max-iterations' (expected int)
// RUN: not mlir-py-opt %s --canonicalize="top-down=sideways" 2>&1 | filecheck %s --check-prefix=BOOL
// BOOL: error: failed to add `canonicalize` with options `top-down=sideways`: invalid value 'sideways' for option 'top-down' (expected bool)
// RUN: not mlir-py-opt %s --canonicalize="max-iteration=2" 2>&1 | filecheck %s --check-prefix=NAME
// NAME: error: failed to add `canonicalize` with options `max-iteration=2`: no such option 'max-iteration'

// test-convergence: one iteration that still rewrites is a failure of the pass, located at the op it ran on
// (mlir-opt fails the pass silently; a located error says why).
// expected-error @+1 {{'func.func' op canonicalization did not converge after 1 iterations}}
func.func @fold(%a: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %0 = arith.addi %a, %c0 : i32
  return %0 : i32
}

// -----

// Already canonical: one iteration reaches the fixpoint and the pass succeeds.
func.func @canonical(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}

// -----

// Invalid input is reported by the verifier before any pass runs.
func.func @invalid(%a: i32) -> i64 {
  // expected-error @+1 {{type of return operand 0 ('i32') doesn't match function result type ('i64') in function @invalid}}
  return %a : i32
}
