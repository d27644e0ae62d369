// IR printing instrumentation (--mlir-print-ir-*), on stderr with MLIR's headers; the op a pass ran on is
// printed (the whole top-level op with --mlir-print-ir-module-scope).

// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --test-func-pass --symbol-dce --mlir-print-ir-after-all -o /dev/null 2>&1 | filecheck %s --check-prefix=AFTER
// AFTER:      // -----// IR Dump After TestFuncPass: test-func-pass //----- //
// AFTER-NEXT: func.func @f() attributes {test.visited} {
// AFTER-NEXT:   return
// AFTER-NEXT: }
// AFTER-EMPTY:
// AFTER-NEXT: // -----// IR Dump After TestFuncPass: test-func-pass //----- //
// AFTER-NEXT: func.func private @g() attributes {test.visited} {
// AFTER:      // -----// IR Dump After SymbolDCEPass: symbol-dce //----- //
// AFTER-NEXT: module {
// AFTER-NEXT:   func.func @f() attributes {test.visited} {
// AFTER-NOT:  @g

// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --test-func-pass --symbol-dce --mlir-print-ir-before-all -o /dev/null 2>&1 | filecheck %s --check-prefix=BEFORE
// BEFORE:      // -----// IR Dump Before TestFuncPass: test-func-pass //----- //
// BEFORE-NEXT: func.func @f() {
// BEFORE:      // -----// IR Dump Before TestFuncPass: test-func-pass //----- //
// BEFORE-NEXT: func.func private @g() {
// BEFORE:      // -----// IR Dump Before SymbolDCEPass: symbol-dce //----- //
// BEFORE:        func.func private @g() attributes {test.visited} {
// BEFORE-NOT:  IR Dump

// Filters by pass argument (comma-separated or repeated).
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --test-func-pass --symbol-dce --print-op-stats --mlir-print-ir-before=symbol-dce --mlir-print-ir-after=print-op-stats,test-func-pass -o /dev/null 2>&1 | filecheck %s --check-prefix=FILTER
// FILTER:     IR Dump After TestFuncPass
// FILTER:     IR Dump After TestFuncPass
// FILTER:     IR Dump Before SymbolDCEPass
// FILTER-NOT: IR Dump After SymbolDCEPass
// FILTER:     IR Dump After PrintOpStatsPass: print-op-stats{json=false}

// Only the passes that changed the IR (print-op-stats does not).
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --test-func-pass --print-op-stats --mlir-print-ir-after-all --mlir-print-ir-after-change -o /dev/null 2>&1 | filecheck %s --check-prefix=CHANGE
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --test-func-pass --print-op-stats --mlir-print-ir-after-change -o /dev/null 2>&1 | filecheck %s --check-prefix=CHANGE
// CHANGE:     IR Dump After TestFuncPass
// CHANGE:     IR Dump After TestFuncPass
// CHANGE-NOT: IR Dump After PrintOpStatsPass

// Module scope, in generic form: the header names the op the pass ran on.
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --test-func-pass --mlir-print-ir-after-all --mlir-print-ir-module-scope --mlir-print-op-generic -o /dev/null 2>&1 | filecheck %s --check-prefix=SCOPE
// SCOPE:      // -----// IR Dump After TestFuncPass: test-func-pass ('func.func' operation: @f) //----- //
// SCOPE-NEXT: "builtin.module"() ({
// SCOPE:      // -----// IR Dump After TestFuncPass: test-func-pass ('func.func' operation: @g) //----- //
// SCOPE-NEXT: "builtin.module"() ({

// After a failure only (the pipeline stops there: symbol-dce never runs).
// RUN: not mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --pass-pipeline='builtin.module(func.func(test-func-pass,test-fail{on=g}),symbol-dce)' --mlir-print-ir-after-failure 2>&1 | filecheck %s --check-prefix=FAILURE
// FAILURE-NOT: IR Dump After TestFuncPass
// FAILURE:     // -----// IR Dump After TestFailPass Failed: test-fail{on=g} //----- //
// FAILURE-NEXT: func.func private @g() attributes {test.visited} {
// FAILURE:     error: 'func.func' op test pass failure
// FAILURE-NOT: IR Dump

func.func @f() {
  return
}
func.func private @g() {
  return
}
