// RUN: mlir-py-opt %s --verify-diagnostics --convert-scf-to-cf

// An scf.forall on tensors (shared outputs) must be bufferized first: it cannot be lowered.
func.func @forall_tensor(%t: tensor<4xf32>, %x: f32) -> tensor<4xf32> {
  // expected-error @+1 {{'scf.forall' op failed to legalize operation 'scf.forall'}}
  %r = scf.forall (%i) in (4) shared_outs(%o = %t) -> (tensor<4xf32>) {
    %s = tensor.from_elements %x : tensor<1xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %s into %o[%i] [1] [1] : tensor<1xf32> into tensor<4xf32>
    }
  }
  return %r : tensor<4xf32>
}
