// Ops of unknown dialects parse with --allow-unregistered-dialect but cannot run.
// RUN: not mlir-py-run %s --allow-unregistered-dialect --random-inputs --print 2>&1 | filecheck %s
// RUN: not mlir-py-run %s --random-inputs 2>&1 | filecheck %s --check-prefix=NOALLOW

// CHECK: unregistered.mlir:[[# @LINE + 3]]:8: error: 'foo.bar' op has no interpreter implementation (unregistered operation)
// NOALLOW: unregistered.mlir:[[# @LINE + 2]]:8: error: operation being parsed with an unregistered dialect
func.func @main(%a: i32) -> i32 {
  %0 = "foo.bar"(%a) : (i32) -> i32
  return %0 : i32
}
