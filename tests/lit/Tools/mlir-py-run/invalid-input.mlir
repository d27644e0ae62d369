// Parse and verification errors stop the run before anything executes.
// RUN: not mlir-py-run %s 2>&1 | filecheck %s

func.func @main() -> i32 {
  // CHECK: invalid-input.mlir:[[# @LINE + 1]]:3: error: 'func.return' op has 0 operands, but enclosing function (@main) returns 1
  return
}
