// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics

// Verifier errors of the bufferization dialect, with MLIR's messages (checked against iree-opt).

func.func @a(%t: tensor<4xf32>) {
  // expected-error @+2 {{shapes do not match}}
  // expected-error @+1 {{failed to verify that specified tensor and buffer types match}}
  %0 = bufferization.to_buffer %t : tensor<4xf32> to memref<5xf32>
  return
}

// -----

func.func @b(%m: memref<4xf32>) {
  // expected-error @+2 {{element types do not match}}
  // expected-error @+1 {{failed to verify that specified tensor and buffer types match}}
  %0 = bufferization.to_tensor %m : memref<4xf32> to tensor<4xi32>
  return
}

// -----

func.func @c(%d: index) {
  // expected-error @+1 {{incorrect number of dynamic sizes, has 2, expected 1}}
  %0 = bufferization.alloc_tensor(%d, %d) : tensor<4x?xf32>
  return
}

// -----

func.func @d(%t: tensor<4xf32>, %m: memref<4xf32>) {
  // expected-error @+1 {{'writable' must be specified if and only if the destination is of memref type}}
  bufferization.materialize_in_destination %t in %m : (tensor<4xf32>, memref<4xf32>) -> ()
  return
}

// -----

func.func @e(%t: tensor<4xf32>, %u: tensor<4xf32>) {
  // expected-error @+1 {{'writable' must be specified if and only if the destination is of memref type}}
  %0 = bufferization.materialize_in_destination %t in writable %u : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @f(%t: tensor<4xf32>, %d: index) {
  // expected-error @+1 {{dynamic sizes not needed when copying a tensor}}
  %0 = bufferization.alloc_tensor(%d) copy(%t) : tensor<4xf32>
  return
}
