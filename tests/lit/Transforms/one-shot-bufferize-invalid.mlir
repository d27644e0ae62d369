// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --one-shot-bufferize=bufferize-function-boundaries

// Ops the pass does not know how to bufferize fail it at the op, with MLIR's message.
func.func @while_on_tensors(%t: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'scf.while' op op was not bufferized}}
  %r = scf.while (%a = %t) : (tensor<4xf32>) -> tensor<4xf32> {
    %c = arith.constant false
    scf.condition(%c) %a : tensor<4xf32>
  } do {
  ^bb0(%b: tensor<4xf32>):
    scf.yield %b : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}

// -----

func.func @unranked(%t: tensor<*xf32>) -> tensor<*xf32> {
  // expected-error @-1 {{'func.func' op cannot bufferize the unranked tensor type 'tensor<*xf32>' of the signature}}
  return %t : tensor<*xf32>
}
