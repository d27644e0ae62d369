// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --convert-func-to-llvm | filecheck %s
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(convert-func-to-llvm{use-bare-ptr-memref-call-conv=1})' 2>&1 | filecheck %s --check-prefix=OPT
// OPT: PassPipeline Parser:1:16: error: failed to add `convert-func-to-llvm` with options `use-bare-ptr-memref-call-conv=1`: no such option 'use-bare-ptr-memref-call-conv'
// OPT-NOT: Traceback

// A signature with a type that has no llvm equivalent cannot be converted: func.func is illegal after the
// pass, and the error is located at the function (tensors must be bufferized first).
// expected-error @+1 {{failed to legalize operation 'func.func' that was explicitly marked illegal}}
func.func @tensor(%t: tensor<4xf32>) -> tensor<4xf32> {
  return %t : tensor<4xf32>
}

// -----

// Signed and unsigned integers have no llvm type (MLIR's LLVMTypeConverter converts signless ones only).
// expected-error @+1 {{failed to legalize operation 'func.func' that was explicitly marked illegal}}
func.func @unsigned(%a: ui8) -> ui8 {
  return %a : ui8
}

// -----

// expected-error @+1 {{failed to legalize operation 'func.func' that was explicitly marked illegal}}
func.func @unranked(%m: memref<*xf32>) {
  return
}

// -----

// A memref with a layout that is not strided has no descriptor.
// expected-error @+1 {{failed to legalize operation 'func.func' that was explicitly marked illegal}}
func.func @affine_layout(%m: memref<4x4xf32, affine_map<(d0, d1) -> (d1, d0)>>) {
  return
}

// -----

// A declaration with convertible types is fine, and so are its callers.
// CHECK: llvm.func @ext(i32, i64) -> f32
// CHECK-LABEL: llvm.func @caller
// CHECK: llvm.call @ext(%{{.*}}, %{{.*}}) : (i32, i64) -> f32
func.func private @ext(i32, index) -> f32
func.func @caller(%a: i32, %i: index) -> f32 {
  %0 = func.call @ext(%a, %i) : (i32, index) -> f32
  return %0 : f32
}

// -----

func.func @bad_return(%a: i32) -> f32 {
  // expected-error @+1 {{type of return operand 0 ('i32') doesn't match function result type ('f32') in function @bad_return}}
  return %a : i32
}
