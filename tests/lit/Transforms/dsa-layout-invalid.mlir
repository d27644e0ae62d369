// The target options are checked against the #dsa.target constraints when the pass sets the module's target: a
// bad value fails the pass, located at the module (0 keeps the module's value).
// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --dsa-fuse --dsa-layout="n=7"
// RUN: not mlir-py-opt %s --split-input-file --dsa-fuse --dsa-layout="n=-4" 2>&1 | filecheck %s --check-prefix=NEG
// NEG: dsa-layout-invalid.mlir:[[# @LINE + 11]]:1: error: 'builtin.module' op invalid DSA target: 'n' must be a positive integer, got -4
// RUN: not mlir-py-opt %s --split-input-file --dsa-fuse --dsa-layout="sram-kib=-1" 2>&1 | filecheck %s --check-prefix=SRAM
// SRAM: dsa-layout-invalid.mlir:[[# @LINE + 9]]:1: error: 'builtin.module' op invalid DSA target: 'sram_kib' must be a positive integer, got -1
// SRAM-NOT: Traceback
// Not an integer: a pipeline error before the input is read.
// RUN: not mlir-py-opt %s --dsa-layout="n=sixteen" 2>&1 | filecheck %s --check-prefix=TYPE
// TYPE: error: failed to add `dsa-layout` with options `n=sixteen`: invalid value 'sixteen' for option 'n' (expected int)
// RUN: not mlir-py-opt %s --dsa-layout="block=2" 2>&1 | filecheck %s --check-prefix=NAME
// NAME: error: failed to add `dsa-layout` with options `block=2`: no such option 'block'

// expected-error @+1 {{'builtin.module' op invalid DSA target: 'n' must be a power of two in [4, 256], got 7}}
module {
  func.func @mm(%a: tensor<16x16xf32>, %b: tensor<16x16xf32>) -> tensor<16x16xf32> {
    %z = arith.constant 0.0 : f32
    %e = tensor.empty() : tensor<16x16xf32>
    %i = linalg.fill ins(%z : f32) outs(%e : tensor<16x16xf32>) -> tensor<16x16xf32>
    %m = linalg.matmul ins(%a, %b : tensor<16x16xf32>, tensor<16x16xf32>) outs(%i : tensor<16x16xf32>) -> tensor<16x16xf32>
    return %m : tensor<16x16xf32>
  }
}
