// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --lower-to-llvm
// A pipeline option with a bad value is a pipeline error, before the input is read.
// RUN: not mlir-py-opt %s --lower-to-llvm="tile-k=x" 2>&1 | filecheck %s --check-prefix=OPT
// OPT: error: failed to add `lower-to-llvm` with options `tile-k=x`: invalid value 'x' for option 'tile-k' (expected int)
// OPT-NOT: Traceback

// Types with no llvm equivalent at the function boundary: the function cannot be converted.
// expected-error @+1 {{failed to legalize operation 'func.func' that was explicitly marked illegal}}
func.func @unranked(%a: memref<*xf32>) {
  return
}

// -----

// expected-error @+1 {{failed to legalize operation 'func.func' that was explicitly marked illegal}}
func.func @unsigned(%a: tensor<4xui8>) -> tensor<4xui8> {
  return %a : tensor<4xui8>
}
