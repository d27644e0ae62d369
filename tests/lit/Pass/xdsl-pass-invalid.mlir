// The xDSL pass is looked up and its options parsed when the pass runs (xDSL's registry): an unknown name or a
// bad option is a failure of xdsl-pass located at the module it runs on.
// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --xdsl-pass=no-such-pass
// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --pass-pipeline='builtin.module(xdsl-pass{name=no-such-pass})'
// RUN: not mlir-py-opt %s --split-input-file --xdsl-pass='canonicalize{bogus=1}' 2>&1 | filecheck %s --check-prefix=XOPT
// XOPT: xdsl-pass-invalid.mlir:[[# @LINE + 10]]:1: error: invalid options for xDSL pass 'canonicalize': Provided arguments ["bogus"] not found in expected arguments []
// RUN: not mlir-py-opt %s --split-input-file --pass-pipeline='builtin.module(xdsl-pass)' 2>&1 | filecheck %s --check-prefix=NONAME
// NONAME: xdsl-pass-invalid.mlir:[[# @LINE + 8]]:1: error: 'xdsl-pass' expects a pass name: xdsl-pass{name=NAME} or --xdsl-pass=NAME
// NONAME-NOT: Traceback

// xdsl-pass runs on builtin.module only.
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(func.func(xdsl-pass{name=cse}))' 2>&1 | filecheck %s --check-prefix=ANCHOR
// ANCHOR: error: can't add pass 'xdsl-pass' restricted to 'builtin.module' on a PassManager intended to run on 'func.func', did you intend to nest?

// expected-error @+1 {{unknown xDSL pass 'no-such-pass'}}
module {
  func.func @f(%a: i32) -> i32 {
    return %a : i32
  }
}
