// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --convert-math-to-llvm | filecheck %s
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(convert-math-to-llvm{approximate-log1p=false})' 2>&1 | filecheck %s --check-prefix=OPT
// OPT: PassPipeline Parser:1:16: error: failed to add `convert-math-to-llvm` with options `approximate-log1p=false`: no such option 'approximate-log1p'
// OPT-NOT: Traceback

// A math op without an LLVM intrinsic (erf) stays: the conversion is partial, and the translation reports it at
// its source line (the error the translation gives is checked in Target/LLVMIR/invalid-ops.mlir).
// CHECK-LABEL: func.func @no_intrinsic
// CHECK: math.erf %{{.*}} : f32
// CHECK: llvm.intr.exp
func.func @no_intrinsic(%x: f32) -> f32 {
  %0 = math.erf %x : f32
  %1 = math.exp %0 : f32
  return %1 : f32
}

// -----

// Ops on tensors have no llvm type and stay as well.
// CHECK-LABEL: func.func @tensor
// CHECK: math.exp %{{.*}} : tensor<4xf32>
func.func @tensor(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = math.exp %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// Invalid input: the verifier stops the tool before the conversion (MLIR's ODS type-constraint message).
func.func @integer(%x: i32) -> i32 {
  // expected-error @+1 {{'math.exp' op operand #0 must be floating-point-like, but got 'i32'}}
  %0 = math.exp %x : i32
  return %0 : i32
}
