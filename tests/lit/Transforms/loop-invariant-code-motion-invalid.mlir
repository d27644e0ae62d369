// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --loop-invariant-code-motion
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(func.func(loop-invariant-code-motion{hoist-loads}))' 2>&1 | filecheck %s --check-prefix=OPT
// OPT: PassPipeline Parser:1:26: error: failed to add `loop-invariant-code-motion` with options `hoist-loads`: no such option 'hoist-loads'
// OPT-NOT: Traceback

// The pass hoists nothing out of an invalid loop: the verifier reports it first (MLIR's RegionBranchOpInterface
// message).
func.func @yield_type(%lb: index, %ub: index, %x: f32) -> f32 {
  // expected-error @+1 {{'scf.for' op along control flow edge from Operation scf.yield to Region #0: successor operand type #0 'index' should match successor input type #0 'f32'}}
  %r = scf.for %i = %lb to %ub step %lb iter_args(%a = %x) -> (f32) {
    %inv = arith.addf %x, %x : f32
    // expected-note @+1 {{region branch point}}
    scf.yield %i : index
  }
  return %r : f32
}

// -----

func.func @induction_type(%lb: index, %ub: i32) {
  // expected-error @+1 {{'scf.for' op failed to verify that all of {lowerBound, upperBound, step} have same type}}
  "scf.for"(%lb, %ub, %lb) ({
  ^bb0(%i: index):
    scf.yield
  }) : (index, i32, index) -> ()
  return
}
