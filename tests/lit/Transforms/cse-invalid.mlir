// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --cse
// The input is verified before the pipeline: no pass runs on invalid IR (no IR dump after cse).
// RUN: not mlir-py-opt %s --split-input-file --cse --mlir-print-ir-after-all 2>&1 | filecheck %s --check-prefix=NOPASS
// NOPASS-NOT: IR Dump After
// NOPASS: cse-invalid.mlir:[[# @LINE + 13]]:8: error: operand #0 does not dominate this use
// NOPASS-NOT: IR Dump After
// NOPASS-NOT: Traceback

// cse has no option (mlir-opt's -cse neither): any option is a pipeline error, before the input is read.
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(func.func(cse{fold=true}))' 2>&1 | filecheck %s --check-prefix=OPT
// OPT:      PassPipeline Parser:1:26: error: failed to add `cse` with options `fold=true`: no such option 'fold'
// OPT-NEXT: builtin.module(func.func(cse{fold=true}))
// OPT-NEXT:                          ^

// Two equal adds that cse would merge, but the first uses a value defined after it (MLIR's dominance check).
func.func @dominance(%a: i32) -> i32 {
  // expected-error @+1 {{operand #0 does not dominate this use}}
  %0 = arith.addi %1, %a : i32
  // expected-note @+1 {{operand defined here (op in the same block)}}
  %1 = arith.addi %a, %a : i32
  %2 = arith.addi %a, %a : i32
  return %0 : i32
}

// -----

// A value of a nested region used outside of it.
func.func @region_escape(%c: i1, %a: i32) -> i32 {
  scf.if %c {
    %x = arith.addi %a, %a : i32
  }
  // expected-error @+1 {{use of undeclared SSA value name}}
  %y = arith.addi %x, %a : i32
  return %y : i32
}
