// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --print-op-stats
// RUN: not mlir-py-opt %s --print-op-stats=json=maybe 2>&1 | filecheck %s --check-prefix=OPT
// OPT: error: failed to add `print-op-stats` with options `json=maybe`: invalid value 'maybe' for option 'json' (expected bool)
// OPT-NOT: Traceback

// Invalid input is reported by the parser or the verifier and no statistics are printed.
// RUN: not mlir-py-opt %s --split-input-file --print-op-stats 2>&1 | filecheck %s --check-prefix=NOSTATS
// NOSTATS-NOT: Operations encountered

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
