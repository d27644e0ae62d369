// RUN: mlir-py-opt %s --split-input-file --allow-unregistered-dialect --verify-diagnostics --dce
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(dce{aggressive})' 2>&1 | filecheck %s --check-prefix=OPT
// OPT: PassPipeline Parser:1:16: error: failed to add `dce` with options `aggressive`: no such option 'aggressive'
// OPT-NOT: Traceback

// dce removes nothing that the verifier would need: invalid input is reported before the pass runs.

// A dead op whose block has no terminator.
func.func @no_terminator(%a: i32) {
  // expected-error @+1 {{block with no terminator, has %0 = "arith.addi"(%arg0, %arg0)}}
  %0 = arith.addi %a, %a : i32
}

// -----

// Dead block arguments, but the branch passes the wrong number of operands.
func.func @branch_operands(%a: i32) {
  // expected-error @+1 {{branch has 1 operands for successor #0, but target block has 2}}
  cf.br ^bb1(%a : i32)
^bb1(%x: i32, %y: i32):
  return
}

// -----

// --allow-unregistered-dialect does not cover an unknown op of a registered dialect.
func.func @unknown_op(%a: i32) {
  // expected-error @+1 {{custom op 'arith.frobnicate' is unknown}}
  %0 = arith.frobnicate %a : i32
  return
}
