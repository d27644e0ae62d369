// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --convert-cf-to-llvm | filecheck %s
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(convert-cf-to-llvm{abort-on-failed-assert=false})' 2>&1 | filecheck %s --check-prefix=OPT
// OPT: PassPipeline Parser:1:16: error: failed to add `convert-cf-to-llvm` with options `abort-on-failed-assert=false`: no such option 'abort-on-failed-assert'
// OPT-NOT: Traceback

// A branch carrying a value with no llvm type (a tensor) cannot be converted: the error is at the branch.
func.func @tensor_operand(%c: i1, %t: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{failed to legalize operation 'cf.cond_br' that was explicitly marked illegal}}
  cf.cond_br %c, ^bb1(%t : tensor<4xf32>), ^bb1(%t : tensor<4xf32>)
^bb1(%x: tensor<4xf32>):
  return %x : tensor<4xf32>
}

// -----

func.func @switch_tensor(%f: i32, %t: tensor<2xi8>) -> tensor<2xi8> {
  // expected-error @+1 {{failed to legalize operation 'cf.switch' that was explicitly marked illegal}}
  cf.switch %f : i32, [
    default: ^bb1(%t : tensor<2xi8>),
    7: ^bb1(%t : tensor<2xi8>)
  ]
^bb1(%x: tensor<2xi8>):
  return %x : tensor<2xi8>
}

// -----

// The other branches of the same function still convert.
// CHECK-LABEL: func.func @scalar
// CHECK: llvm.br ^bb1(%{{.*}} : i64)
// CHECK: ^bb1(%{{.*}}: i64):
func.func @scalar(%i: index) -> index {
  cf.br ^bb1(%i : index)
^bb1(%x: index):
  return %x : index
}

// -----

// Invalid input: the verifier stops the tool first.
func.func @bad_successor(%c: i1) {
  // expected-error @+1 {{branch has 1 operands for successor #0, but target block has 0}}
  cf.cond_br %c, ^bb1(%c : i1), ^bb1
^bb1:
  return
}
