// The target options are checked against the #dsa.target constraints when the pass sets the module's target: a
// bad value fails the pass, located at the module (0 keeps the module's value).
// RUN: not mlir-py-opt %s --split-input-file --dsa-fuse --dsa-tile="n=7" 2>&1 | filecheck %s --check-prefix=POW2
// POW2: dsa-tile-invalid.mlir:[[# @LINE + 14]]:1: error: 'builtin.module' op invalid DSA target: 'n' must be a power of two in [4, 256], got 7
// RUN: not mlir-py-opt %s --split-input-file --dsa-fuse --dsa-tile="n=-4" 2>&1 | filecheck %s --check-prefix=NEG
// NEG: dsa-tile-invalid.mlir:[[# @LINE + 12]]:1: error: 'builtin.module' op invalid DSA target: 'n' must be a positive integer, got -4
// RUN: not mlir-py-opt %s --split-input-file --dsa-fuse --dsa-tile="sram-kib=-1" 2>&1 | filecheck %s --check-prefix=SRAM
// SRAM: dsa-tile-invalid.mlir:[[# @LINE + 10]]:1: error: 'builtin.module' op invalid DSA target: 'sram_kib' must be a positive integer, got -1
// SRAM-NOT: Traceback
// Not an integer, or no such option: a pipeline error before the input is read.
// RUN: not mlir-py-opt %s --dsa-tile="n=sixteen" 2>&1 | filecheck %s --check-prefix=TYPE
// TYPE: error: failed to add `dsa-tile` with options `n=sixteen`: invalid value 'sixteen' for option 'n' (expected int)
// RUN: not mlir-py-opt %s --dsa-tile="block=2" 2>&1 | filecheck %s --check-prefix=NAME
// NAME: error: failed to add `dsa-tile` with options `block=2`: no such option 'block'
// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --dsa-fuse --dsa-tile

// Valid with the default target.
module {
  func.func @mm(%a: tensor<16x16xf32>, %b: tensor<16x16xf32>) -> tensor<16x16xf32> {
    %z = arith.constant 0.0 : f32
    %e = tensor.empty() : tensor<16x16xf32>
    %i = linalg.fill ins(%z : f32) outs(%e : tensor<16x16xf32>) -> tensor<16x16xf32>
    // expected-remark @+1 {{layer 'matmul0': 1x1x1 tiles of 16x16, blocks of 1x1, padding efficiency 100.0%}}
    %m = linalg.matmul ins(%a, %b : tensor<16x16xf32>, tensor<16x16xf32>) outs(%i : tensor<16x16xf32>) -> tensor<16x16xf32>
    return %m : tensor<16x16xf32>
  }
}

// -----

// The matrix primitive runs f32 layers only (#dsa.target): an i32 matmul is rejected at the op.
module {
  func.func @mm_i32(%a: tensor<16x16xi32>, %b: tensor<16x16xi32>) -> tensor<16x16xi32> {
    %z = arith.constant 0 : i32
    %e = tensor.empty() : tensor<16x16xi32>
    %i = linalg.fill ins(%z : i32) outs(%e : tensor<16x16xi32>) -> tensor<16x16xi32>
    // expected-error @+1 {{'linalg.matmul' op the DSA lowering supports f32 tensors only, got 'tensor<16x16xi32>'}}
    %m = linalg.matmul ins(%a, %b : tensor<16x16xi32>, tensor<16x16xi32>) outs(%i : tensor<16x16xi32>) -> tensor<16x16xi32>
    return %m : tensor<16x16xi32>
  }
}
