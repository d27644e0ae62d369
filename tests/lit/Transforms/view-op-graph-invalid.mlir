// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --view-op-graph
// RUN: not mlir-py-opt %s --view-op-graph=max-label-len=-x 2>&1 | filecheck %s --check-prefix=OPT
// OPT: error: failed to add `view-op-graph` with options `max-label-len=-x`: invalid value '-x' for option 'max-label-len' (expected int)
// RUN: not mlir-py-opt %s --view-op-graph=print-data-flow-edges=2 2>&1 | filecheck %s --check-prefix=BOOL
// BOOL: error: failed to add `view-op-graph` with options `print-data-flow-edges=2`: invalid value '2' for option 'print-data-flow-edges' (expected bool)
// OPT-NOT: Traceback

// Invalid input is reported by the parser or the verifier and no graph is written.
// RUN: not mlir-py-opt %s --split-input-file --view-op-graph 2>&1 | filecheck %s --check-prefix=NOGRAPH
// NOGRAPH-NOT: digraph

func.func @undefined(%a: i32) -> i32 {
  // expected-error @+1 {{use of undeclared SSA value name}}
  %0 = arith.addi %a, %b : i32
  return %0 : i32
}

// -----

func.func @no_return(%a: i32) -> i32 {
  // expected-error @+1 {{'func.return' op has 0 operands, but enclosing function (@no_return) returns 1}}
  return
}
