// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --inline

// The default pipeline is parsed like any textual pipeline: an unknown pass in it fails the inliner with the
// pipeline parser's error (as mlir-opt's -inline reports it).
// RUN: not mlir-py-opt %s --split-input-file --inline='default-pipeline=bogus' 2>&1 | filecheck %s --check-prefix=PIPE
// PIPE: PassPipeline Parser:1:1: error: 'bogus' does not refer to a registered pass or pass pipeline
// PIPE-NOT: Traceback
// RUN: not mlir-py-opt %s --split-input-file --inline='default-pipeline=canonicalize{bogus=1}' 2>&1 | filecheck %s --check-prefix=NESTED
// NESTED: error: failed to add `canonicalize` with options `bogus=1`: no such option 'bogus'
// RUN: not mlir-py-opt %s --inline='inlining-threshold=all' 2>&1 | filecheck %s --check-prefix=THRESHOLD
// THRESHOLD: error: failed to add `inline` with options `inlining-threshold=all`: invalid value 'all' for option 'inlining-threshold' (expected int)

// A call whose operand types do not match the callee is not inlined: the verifier rejects the input first.
func.func private @callee(%x: f32) -> f32 {
  return %x : f32
}
func.func @caller(%a: i32) -> f32 {
  // expected-error @+1 {{'func.call' op operand type mismatch: expected operand type 'f32', but provided 'i32' for operand number 0}}
  %0 = func.call @callee(%a) : (i32) -> f32
  return %0 : f32
}

// -----

func.func private @two() -> (i32, i32)
func.func @results() -> i32 {
  // expected-error @+1 {{'func.call' op incorrect number of results for callee}}
  %0 = func.call @two() : () -> i32
  return %0 : i32
}

// -----

// Valid: inlined with the default pipeline (the chunk the PIPE and NESTED runs fail on).
func.func private @id(%x: i32) -> i32 {
  return %x : i32
}
func.func @valid(%a: i32) -> i32 {
  %0 = func.call @id(%a) : (i32) -> i32
  return %0 : i32
}
