// RUN: not mlir-py-run %s 2>&1 | filecheck %s

func.func @main() -> i32 {
  // CHECK: parse-error.mlir:[[# @LINE + 1]]:{{[0-9]+}}: error:
  %0 = arith.constant : i32
  return %0 : i32
}
