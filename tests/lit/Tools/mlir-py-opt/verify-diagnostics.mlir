// --verify-diagnostics: exit 0 iff the diagnostics are exactly the expected ones; every mismatch is reported as
// mlir-opt reports it (unexpected diagnostics at their location, unmet expectations at the designator).
//
// RUN: mlir-py-opt %S/Inputs/verify-designators.mlir --split-input-file --verify-diagnostics | filecheck %s --check-prefix=OK
// RUN: not mlir-py-opt %S/Inputs/verify-failures.mlir --split-input-file --verify-diagnostics 2>&1 >/dev/null | filecheck %s
// RUN: not mlir-py-opt %S/Inputs/verify-failures.mlir --verify-diagnostics 2>&1 >/dev/null | filecheck %s --check-prefix=NOSPLIT

// Chunks that failed as expected print nothing; the valid chunk prints its module.
// OK: // -----
// OK: module {
// OK-NEXT:   func.func @valid() {

// Invalid regexes are reported while the designators are read, before anything is parsed.
// CHECK: verify-failures.mlir:46:6: error: invalid regex:
// CHECK-NEXT: {{^}}  // expected-error-re @+1 {{[{][{]}}use of {{[{][{]}}[unclosed}} SSA}}
// CHECK-NEXT: {{^}}     ^~~~

// CHECK: verify-failures.mlir:11:10: error: unexpected error: use of undeclared SSA value name
// CHECK-NEXT: {{^}}  return %undefined : i32
// CHECK-NEXT: {{^}}         ^

// CHECK: verify-failures.mlir:25:10: error: unexpected error: use of undeclared SSA value name

// A diagnostic that matches an expectation but for its severity: a near miss.
// CHECK: verify-failures.mlir:31:6: error: 'error' diagnostic emitted when expecting a 'warning'
// CHECK-NEXT: {{^}}  // expected-warning @+1 {{[{][{]}}use of undeclared SSA value name}}
// CHECK-NEXT: {{^}}     ^{{$}}

// Notes must be expected too.
// CHECK: verify-failures.mlir:39:8: error: unexpected note: operand defined here (op in the same block)

// The designator that could not be compiled matches nothing.
// CHECK: verify-failures.mlir:47:10: error: unexpected error: use of undeclared SSA value name

// Then, at the end, the expectations never met, in file order.
// CHECK: verify-failures.mlir:17:6: error: expected error "this error is never emitted" was not produced
// CHECK-NEXT: {{^}}  // expected-error @+1 {{[{][{]}}this error is never emitted}}
// CHECK-NEXT: {{^}}     ^~~~~~~~~~~~~~~~~~~~~~~~~~~{{$}}
// CHECK: verify-failures.mlir:24:6: error: expected error "use of undeclared SSA value name" was not produced
// CHECK: verify-failures.mlir:31:6: error: expected warning "use of undeclared SSA value name" was not produced
// CHECK: <unknown>:0: error: expected error "no diagnostic has an unknown location here" was not produced
// CHECK-NOT: error:

// Without --split-input-file the whole file is one input: its first error (expected, line 5) stops the parse, so
// the expectations of the later chunks are unmet.
// NOSPLIT-NOT: unexpected error
// NOSPLIT: verify-failures.mlir:17:6: error: expected error "this error is never emitted" was not produced
// NOSPLIT: verify-failures.mlir:38:35: error: expected error "operand #0 does not dominate this use" was not produced
