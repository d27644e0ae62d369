// Input of verify-diagnostics.mlir: every way --verify-diagnostics can fail, one chunk each.

func.func @matched() -> i32 {
  // expected-error @+1 {{use of undeclared SSA value name}}
  return %undefined : i32
}

// -----

func.func @unexpected_error() -> i32 {
  return %undefined : i32
}

// -----

func.func @not_produced() {
  // expected-error @+1 {{this error is never emitted}}
  return
}

// -----

func.func @wrong_line() -> i32 {
  // expected-error @+2 {{use of undeclared SSA value name}}
  return %undefined : i32
}

// -----

func.func @wrong_severity() -> i32 {
  // expected-warning @+1 {{use of undeclared SSA value name}}
  return %undefined : i32
}

// -----

func.func @unexpected_note() {
  %0 = arith.addi %1, %1 : i32 // expected-error {{operand #0 does not dominate this use}}
  %1 = arith.constant 0 : i32
  return
}

// -----

func.func @bad_regex() -> i32 {
  // expected-error-re @+1 {{use of {{[unclosed}} SSA}}
  return %undefined : i32
}

// -----

// expected-error @unknown {{no diagnostic has an unknown location here}}
