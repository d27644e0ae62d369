// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --convert-linalg-to-loops | filecheck %s
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(convert-linalg-to-loops{parallel})' 2>&1 | filecheck %s --check-prefix=OPT
// OPT: PassPipeline Parser:1:16: error: failed to add `convert-linalg-to-loops` with options `parallel`: no such option 'parallel'
// OPT-NOT: Traceback

// Loop bounds come from inverting the concatenated indexing maps: a non-invertible one is rejected by the
// verifier already (MLIR's message, mlir/lib/Dialect/Linalg/IR/LinalgInterfaces.cpp).
func.func @noninvertible(%a: memref<4x4xf32>, %o: memref<4xf32>) {
  // expected-error @+1 {{'linalg.generic' op invalid indexing maps are non-invertible: ((d0, d1) -> (d0 + d1, d1, d0 + d1))}}
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0 + d1, d1)>, affine_map<(d0, d1) -> (d0 + d1)>],
                  iterator_types = ["parallel", "parallel"]} ins(%a : memref<4x4xf32>) outs(%o : memref<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  }
  return
}

// -----

// Ops on tensors are not lowered (buffer semantics only, as mlir-opt's convert-linalg-to-loops): they stay.
// CHECK-LABEL: func.func @tensor_generic
// CHECK-NOT: scf.for
// CHECK: linalg.generic
func.func @tensor_generic(%a: tensor<4xf32>, %o: tensor<4xf32>) -> tensor<4xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      ins(%a : tensor<4xf32>) outs(%o : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  } -> tensor<4xf32>
  return %r : tensor<4xf32>
}
