// RUN: mlir-py-opt %s --split-input-file --allow-unregistered-dialect --verify-diagnostics --symbol-dce
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(symbol-dce{keep-public=false})' 2>&1 | filecheck %s --check-prefix=OPT
// OPT: PassPipeline Parser:1:16: error: failed to add `symbol-dce` with options `keep-public=false`: no such option 'keep-public'

// An unregistered op with regions may be a symbol table: the uses of the op holding it cannot be computed, so
// the pass fails there rather than erase a symbol that may be live (mlir-opt gives the same error,
// mlir/lib/Transforms/SymbolDCE.cpp).
module {
  func.func private @maybe_used()
  // expected-error @+1 {{operation contains potentially unknown symbol table, meaning that we can't reliable compute symbol uses}}
  "test.one_region_op"() ({
    "foo.unknown_op"() ({
      "foo.yield"() : () -> ()
    }) : () -> ()
    "foo.yield"() : () -> ()
  }) : () -> ()
}

// -----

// Invalid input is not transformed: the duplicate symbol is reported by the verifier.
module {
  // expected-note @+1 {{see existing symbol definition here}}
  func.func private @dup()
  // expected-error @+1 {{redefinition of symbol named 'dup'}}
  func.func private @dup()
}

// -----

// A reference to a symbol that does not exist, from a call, is a verifier error (a non-call op may hold one:
// mlir-opt and symbol-dce ignore it).
func.func @caller() {
  // expected-error @+1 {{'func.call' op 'missing' does not reference a valid function}}
  func.call @missing() : () -> ()
  return
}
