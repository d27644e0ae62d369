// `-` (or no input argument) reads the input from stdin; its diagnostics name the file <stdin>.
//
// RUN: mlir-py-opt - < %s | filecheck %s
// RUN: mlir-py-opt < %s | filecheck %s
// RUN: not mlir-py-opt - < %S/Inputs/invalid.mlir 2>&1 | filecheck %s --check-prefix=ERR

// CHECK: func.func @from_stdin()
// ERR: <stdin>:5:10: error: use of undeclared SSA value name
// ERR-NEXT: {{^}}  return %undefined : i32
// ERR-NEXT: {{^}}         ^
func.func @from_stdin() {
  return
}
