// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --convert-arith-to-llvm | filecheck %s

// mlir-opt's convert-arith-to-llvm takes index-bitwidth; mlir-py's index is always i64 (no options).
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(convert-arith-to-llvm{index-bitwidth=32})' 2>&1 | filecheck %s --check-prefix=OPT
// OPT: PassPipeline Parser:1:16: error: failed to add `convert-arith-to-llvm` with options `index-bitwidth=32`: no such option 'index-bitwidth'
// OPT-NOT: Traceback

// convert-arith-to-llvm rejects nothing it can type: ops on tensors have no llvm type, so they
// are legal and left as they are (the translation reports what is left, see
// Target/LLVMIR/invalid-ops.mlir); every arith op on scalars and vectors converts.
// CHECK-LABEL: func.func @left
// CHECK-NEXT: arith.addi %{{.*}}, %{{.*}} : tensor<4xi32>
// CHECK-NEXT: arith.ceildivsi %{{.*}}, %{{.*}} : tensor<4xi32>
func.func @left(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = arith.addi %a, %b : tensor<4xi32>
  %1 = arith.ceildivsi %0, %b : tensor<4xi32>
  return %1 : tensor<4xi32>
}

// -----

// Invalid input stops the tool before the conversion runs.
// expected-note @+1 {{prior use here}}
func.func @mismatch(%a: i32, %b: i64) -> i32 {
  // expected-error @+1 {{use of value '%b' expects different type than prior uses: 'i32' vs 'i64'}}
  %0 = arith.addi %a, %b : i32
  return %0 : i32
}
