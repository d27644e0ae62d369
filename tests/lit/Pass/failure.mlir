// A failing pass stops the pipeline with a located diagnostic and exit code 1; the IR is verified after each
// pass unless --verify-each=false; a crashing pass is an internal error naming the pass and the op.

// RUN: not mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --pass-pipeline='builtin.module(func.func(test-fail{on=g}),test-module-pass)' 2>&1 | filecheck %s --check-prefix=FAIL
// FAIL:      failure.mlir:{{[0-9]+}}:1: error: 'func.func' op test pass failure
// FAIL-NEXT: func.func private @g() {
// FAIL-NEXT: ^
// FAIL-NOT:  module attributes {test.module

// The expected diagnostics of a failing pass can be checked with --verify-diagnostics.
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --pass-pipeline='builtin.module(func.func(test-fail{on=g}))' --verify-diagnostics

// Errors reported with emit_error and signal_pass_failure (warnings too) are all shown.
// RUN: not mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --pass-pipeline='builtin.module(func.func(test-signal-fail))' 2>&1 | filecheck %s --check-prefix=SIGNAL
// SIGNAL:      failure.mlir:{{[0-9]+}}:1: error: first error
// SIGNAL-NEXT: func.func @f() {
// SIGNAL:      failure.mlir:{{[0-9]+}}:1: warning: a warning

// RUN: not mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --test-break-ir 2>&1 | filecheck %s --check-prefix=VERIFY
// VERIFY:      failure.mlir:{{[0-9]+}}:1: error: {{.*}}empty block: expect at least a terminator
// VERIFY-NEXT: func.func @f() {
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --test-break-ir --verify-each=false | filecheck %s --check-prefix=NOVERIFY
// NOVERIFY:      func.func @f() {
// NOVERIFY-NEXT: }

// RUN: not mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --pass-pipeline='builtin.module(func.func(test-crash))' 2>&1 | filecheck %s --check-prefix=CRASH
// CRASH: error: internal error in pass 'test-crash' on 'func.func' (@f): KeyError: 'boom'

// Pass diagnostics point into the right chunk of a split file.
// RUN: not mlir-py-opt %s --split-input-file --load-pass-plugin %S/Inputs/test_passes.py --pass-pipeline='builtin.module(func.func(test-fail{on=h}))' 2>&1 | filecheck %s --check-prefix=SPLIT
// SPLIT:      failure.mlir:{{[0-9]+}}:1: error: 'func.func' op test pass failure
// SPLIT-NEXT: func.func @h() {

func.func @f() {
  return
}
// expected-error @+1 {{'func.func' op test pass failure}}
func.func private @g() {
  return
}

// -----

func.func @h() {
  return
}
