// A verifier error (line 5), for the driver tests.

func.func @f() -> i32 {
  // expected-error @+1 {{would match, but no --verify-diagnostics}}
  return
}
