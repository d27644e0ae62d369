// Exit codes as mlir-opt: 0 on success, 1 on any error (parse, verification, bad command line, missing file),
// and under --verify-diagnostics 0 exactly when the diagnostics match the expectations. Never a traceback.
//
// RUN: mlir-py-opt %s
// RUN: not mlir-py-opt %S/Inputs/invalid.mlir
// RUN: not mlir-py-opt %S/Inputs/verify-error.mlir
// RUN: mlir-py-opt %S/Inputs/verify-error.mlir --no-verify
// RUN: mlir-py-opt %S/Inputs/invalid.mlir --verify-diagnostics 2>&1 | filecheck %s --check-prefix=NOEXPECT --allow-empty
// RUN: not mlir-py-opt %S/Inputs/verify-error.mlir --verify-diagnostics 2>&1 | filecheck %s --check-prefix=UNEXPECTED
// RUN: not mlir-py-opt %s --no-such-flag 2>&1 | filecheck %s --check-prefix=FLAG
// RUN: not mlir-py-opt %S/Inputs/does-not-exist.mlir 2>&1 | filecheck %s --check-prefix=MISSING
// RUN: not mlir-py-opt %S/Inputs/warning-only.mlir --split-input-file 2>&1 | filecheck %s --check-prefix=WARN

// The expected-error of invalid.mlir is the only diagnostic: success, nothing printed on stderr.
// NOEXPECT-NOT: error
// UNEXPECTED: verify-error.mlir:5:3: error: unexpected error: 'func.return' op has 0 operands, but enclosing function (@f) returns 1
// FLAG: error: unrecognized arguments: --no-such-flag
// FLAG-NOT: Traceback
// MISSING: error: cannot open input file '{{.*}}does-not-exist.mlir': No such file or directory
// A near miss of the split marker is a warning only; the parse error of the second chunk makes the exit 1.
// WARN: warning: near miss with file split marker
// WARN: error: use of undeclared SSA value name
func.func @ok() {
  return
}
