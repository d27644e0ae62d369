// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --nn-remove-dropout
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(nn-remove-dropout{training-mode=true})' 2>&1 | filecheck %s --check-prefix=OPT
// OPT: PassPipeline Parser:1:16: error: failed to add `nn-remove-dropout` with options `training-mode=true`: no such option 'training-mode'
// OPT-NOT: Traceback

// Dropout is erased only when it is the identity; an invalid one is reported by the verifier before the pass
// runs (ONNX Dropout: ratio in [0, 1), output of the input's type).
func.func @ratio(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  // expected-error @+1 {{'nn.dropout' op expects ratio in [0, 1), got 1.0}}
  %0 = nn.dropout %x <ratio = 1.0 : f32> : tensor<2x8xf32>
  return %0 : tensor<2x8xf32>
}

// -----

func.func @negative_ratio(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'nn.dropout' op expects ratio in [0, 1), got -0.25}}
  %0 = nn.dropout %x <ratio = -0.25 : f32> : tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

func.func @result_type(%x: tensor<4xf32>) -> tensor<8xf32> {
  // expected-error @+1 {{'nn.dropout' op requires the same type for all operands and results}}
  %0 = "nn.dropout"(%x) <{ratio = 0.5 : f32}> : (tensor<4xf32>) -> tensor<8xf32>
  return %0 : tensor<8xf32>
}
