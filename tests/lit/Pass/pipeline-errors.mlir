// Textual pipeline errors are located diagnostics in the pipeline text (MLIR's "MLIR Textual PassPipeline
// Parser"); the tool exits 1 before reading the input.

// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(foo)' 2>&1 | filecheck %s --check-prefix=UNKNOWN
// UNKNOWN:      MLIR Textual PassPipeline Parser:1:16: error: 'foo' does not refer to a registered pass or pass pipeline
// UNKNOWN-NEXT: builtin.module(foo)
// UNKNOWN-NEXT:                ^

// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(symbol-dce,,symbol-dce)' 2>&1 | filecheck %s --check-prefix=EMPTY
// EMPTY: PassPipeline Parser:1:27: error: '' does not refer to a registered pass or pass pipeline

// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(func.func(print-op-stats)' 2>&1 | filecheck %s --check-prefix=UNBALANCED
// UNBALANCED:      PassPipeline Parser:1:15: error: encountered unbalanced parentheses while parsing pipeline
// UNBALANCED-NEXT: builtin.module(func.func(print-op-stats)
// UNBALANCED-NEXT:               ^

// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(symbol-dce))' 2>&1 | filecheck %s --check-prefix=EXTRA
// EXTRA: PassPipeline Parser:1:27: error: encountered extra closing ')' creating unbalanced parentheses while parsing pipeline

// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(view-op-graph{print-attrs=false)' 2>&1 | filecheck %s --check-prefix=BRACE
// BRACE: PassPipeline Parser:1:29: error: missing closing '}' while processing pass options

// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(symbol-dce print-op-stats)' 2>&1 | filecheck %s --check-prefix=COMMA
// COMMA: PassPipeline Parser:1:27: error: expected ',' after 'symbol-dce' in the pass pipeline

// RUN: not mlir-py-opt %s --pass-pipeline='symbol-dce' 2>&1 | filecheck %s --check-prefix=ANCHOR
// ANCHOR: error: expected pass pipeline to be wrapped with the anchor operation type, e.g. 'builtin.module(...)'

// RUN: not mlir-py-opt %s --pass-pipeline='func.func(print-op-stats)' 2>&1 | filecheck %s --check-prefix=TOPOP
// TOPOP: error: can't run 'func.func' pass manager on 'builtin.module' op

// Options: unknown names and ill-typed values.
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(view-op-graph{bogus=1})' 2>&1 | filecheck %s --check-prefix=BADOPT
// BADOPT: PassPipeline Parser:1:16: error: failed to add `view-op-graph` with options `bogus=1`: no such option 'bogus'
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(view-op-graph{max-label-len=abc})' 2>&1 | filecheck %s --check-prefix=BADVAL
// BADVAL: error: failed to add `view-op-graph` with options `max-label-len=abc`: invalid value 'abc' for option 'max-label-len' (expected int)
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(print-op-stats{json=maybe})' 2>&1 | filecheck %s --check-prefix=BADBOOL
// BADBOOL: error: failed to add `print-op-stats` with options `json=maybe`: invalid value 'maybe' for option 'json' (expected bool)
// RUN: not mlir-py-opt %s --view-op-graph=bogus=3 2>&1 | filecheck %s --check-prefix=FLAGOPT
// FLAGOPT: error: failed to add `view-op-graph` with options `bogus=3`: no such option 'bogus'

// A pass anchored on another op must be nested explicitly in a textual pipeline.
// RUN: not mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --pass-pipeline='builtin.module(test-func-pass)' 2>&1 | filecheck %s --check-prefix=NEST
// NEST: PassPipeline Parser:1:16: error: can't add pass 'test-func-pass' restricted to 'func.func' on a PassManager intended to run on 'builtin.module', did you intend to nest?

// A nested pass manager runs on ops isolated from above only.
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(func.func(func.return(print-op-stats)))' 2>&1 | filecheck %s --check-prefix=ISOLATED
// ISOLATED: error: 'func.return' op trying to schedule a pass on an operation not marked as 'IsolatedFromAbove'

// Unknown pass names given to the IR printing filters.
// RUN: not mlir-py-opt %s --symbol-dce --mlir-print-ir-after=nope 2>&1 | filecheck %s --check-prefix=PRINTFILTER
// PRINTFILTER: error: for the --mlir-print-ir-after option: Cannot find option named 'nope'!

func.func @f() {
  return
}
