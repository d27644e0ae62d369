// RUN: mlir-py-opt %s --split-input-file --symbol-dce | filecheck %s
// RUN: mlir-py-opt %s --split-input-file --pass-pipeline='builtin.module(symbol-dce)' --mlir-pass-statistics -o /dev/null 2>&1 | filecheck %s --check-prefix=STATS
// RUN: not mlir-py-opt %s --split-input-file --pass-pipeline='builtin.module(func.func(symbol-dce))' 2>&1 | filecheck %s --check-prefix=NOTABLE

// Private symbols without live references die; public ones are roots (MLIR's test/Transforms/test-symbol-dce.mlir).

// CHECK-LABEL: module attributes {test.simple}
module attributes {test.simple} {
  // CHECK-NOT: func.func private @dead_private
  func.func private @dead_private() {
    return
  }
  // CHECK: func.func @live_public
  func.func @live_public() {
    // CHECK: call @live_private
    call @live_private() : () -> ()
    return
  }
  // CHECK: func.func private @live_private
  func.func private @live_private() {
    return
  }
  // A chain of dead private functions dies entirely.
  // CHECK-NOT: @dead_chain
  func.func private @dead_chain_a() {
    call @dead_chain_b() : () -> ()
    return
  }
  func.func private @dead_chain_b() {
    return
  }
  // Declarations are symbols too.
  // CHECK-NOT: @dead_decl
  func.func private @dead_decl(i32) -> i32
  // CHECK: func.func private @used_decl
  func.func private @used_decl(i32) -> i32
  func.func @caller(%a: i32) -> i32 {
    %0 = call @used_decl(%a) : (i32) -> i32
    return %0 : i32
  }
}

// -----

// A reference through func.constant (any symbol reference attribute) keeps the symbol alive; `nested`
// visibility is discardable like private.

// CHECK-LABEL: module attributes {test.refs}
module attributes {test.refs} {
  // CHECK: func.func @take_address
  func.func @take_address() -> (() -> ()) {
    %f = func.constant @by_address : () -> ()
    return %f : () -> ()
  }
  // CHECK: func.func private @by_address
  func.func private @by_address() {
    return
  }
  // CHECK-NOT: @dead_nested
  func.func nested @dead_nested() {
    return
  }
}

// -----

// Nested symbol tables: a dead private module dies with its contents; in a live public module, only the
// private symbols without uses die.

// CHECK-LABEL: module attributes {test.nested}
module attributes {test.nested} {
  // CHECK-NOT: @dead_module
  // CHECK-NOT: @in_dead_module
  "builtin.module"() <{sym_name = "dead_module", sym_visibility = "private"}> ({
    func.func @in_dead_module() {
      return
    }
  }) : () -> ()
  // CHECK: module @live_module
  module @live_module {
    // CHECK: func.func @public_nested
    func.func @public_nested() {
      call @private_nested_used() : () -> ()
      return
    }
    // CHECK: func.func private @private_nested_used
    func.func private @private_nested_used() {
      return
    }
    // CHECK-NOT: @private_nested_dead
    func.func private @private_nested_dead() {
      return
    }
  }
}

// -----

// A nested symbol reference (@module::@func) keeps the nested symbol and its table alive.

// CHECK-LABEL: module attributes {test.nested_ref}
module attributes {test.nested_ref} {
  // CHECK: module @inner
  "builtin.module"() <{sym_name = "inner", sym_visibility = "private"}> ({
    // CHECK: func.func @target
    func.func @target() {
      return
    }
    // CHECK-NOT: @not_target
    func.func private @not_target() {
      return
    }
  }) : () -> ()
  // CHECK: func.func @user
  func.func @user() attributes {test.ref = @inner::@target} {
    return
  }
}

// STATS:      Pass statistics report
// STATS:      SymbolDCEPass
// STATS-NEXT:   (S) 4 num-dce'd - Number of symbols DCE'd
// STATS:      SymbolDCEPass
// STATS-NEXT:   (S) 1 num-dce'd - Number of symbols DCE'd
// STATS:      SymbolDCEPass
// STATS-NEXT:   (S) 3 num-dce'd - Number of symbols DCE'd
// STATS:      SymbolDCEPass
// STATS-NEXT:   (S) 1 num-dce'd - Number of symbols DCE'd

// NOTABLE: error: 'func.func' op  was scheduled to run under SymbolDCE, but does not define a symbol table
