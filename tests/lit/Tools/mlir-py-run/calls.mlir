// RUN: mlir-py-run %s --entry fact_of_ten --print | filecheck %s
// RUN: not mlir-py-run %s --entry forever 2>&1 | filecheck %s --check-prefix=DEPTH

// Recursion through func.call, with a conditional in data (arith.select) and a base case that stops the calls.
// CHECK: result #0: i64 = 3628800
func.func @fact_of_ten() -> i64 {
  %c10 = arith.constant 10 : i64
  %r = func.call @fact(%c10) : (i64) -> i64
  return %r : i64
}

func.func @fact(%n: i64) -> i64 {
  %c1 = arith.constant 1 : i64
  %base = arith.cmpi sle, %n, %c1 : i64
  %r = func.call @fact_or_one(%base, %n) : (i1, i64) -> i64
  return %r : i64
}

func.func @fact_or_one(%base: i1, %n: i64) -> i64 {
  %c1 = arith.constant 1 : i64
  %f = func.constant @fact_step : (i64) -> i64
  %g = func.constant @one : (i64) -> i64
  %h = arith.select %base, %g, %f : (i64) -> i64
  %r = func.call_indirect %h(%n) : (i64) -> i64
  return %r : i64
}

func.func @fact_step(%n: i64) -> i64 {
  %c1 = arith.constant 1 : i64
  %m = arith.subi %n, %c1 : i64
  %f = func.call @fact(%m) : (i64) -> i64
  %r = arith.muli %n, %f : i64
  return %r : i64
}

func.func @one(%n: i64) -> i64 {
  %c1 = arith.constant 1 : i64
  return %c1 : i64
}

// Runaway recursion stops at the call-depth limit with a diagnostic, not a Python stack overflow.
// DEPTH: calls.mlir:[[# @LINE + 2]]:8: error: 'func.call' op call depth limit (256) exceeded calling '@forever'
func.func @forever() -> i32 {
  %r = func.call @forever() : () -> i32
  return %r : i32
}
