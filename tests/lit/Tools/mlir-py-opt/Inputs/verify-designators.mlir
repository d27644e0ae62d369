// Input of verify-diagnostics.mlir: all the designators, matched.

func.func @same_line() -> i32 {
  return %undefined : i32 // expected-error {{use of undeclared SSA value name}}
}

// -----

func.func @plus() -> i32 {
  // expected-error @+2 {{use of undeclared SSA value name}}

  return %undefined : i32
}

// -----

func.func @minus() -> i32 {
  return %undefined : i32
  // expected-error @-1 {{use of undeclared SSA value name}}
}

// -----

func.func @above() -> i32 {
  return %undefined : i32
  // expected-error @above {{use of undeclared SSA value name}}
}

// -----

func.func @below() -> i32 {
  // expected-error @below {{use of undeclared SSA value name}}
  return %undefined : i32
}

// -----

func.func @regex() -> i32 {
  // expected-error-re @+1 {{use of {{[a-z]+}} SSA value {{n.me}}}}
  return %undefined : i32
}

// -----

// @below and @above skip the lines that hold designators (not plain comments):
func.func @notes_and_stacked_designators() {
  %0 = arith.addi %1, %1 : i32
  // expected-note @below {{operand defined here (op in the same block)}}
  // expected-error @above {{operand #0 does not dominate this use}}
  %1 = arith.constant 0 : i32
  return
}

// -----

// A chunk without diagnostics and without expectations is fine.
func.func @valid() {
  return
}
