// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --dsa-fuse --dsa-layout --dsa-tile --dsa-bufferize
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(dsa-bufferize{double-buffer=false})' 2>&1 | filecheck %s --check-prefix=OPT
// OPT: PassPipeline Parser:1:16: error: failed to add `dsa-bufferize` with options `double-buffer=false`: no such option 'double-buffer'
// OPT-NOT: Traceback

// A DSA kernel takes its inputs from DRAM: a scalar argument has no place there, the error is at the function.
// expected-error @+1 {{'func.func' op the DSA lowering expects tensor arguments, got 'f32'}}
func.func @scalar_argument(%a: tensor<16x16xf32>, %x: f32) -> tensor<16x16xf32> {
  %e = tensor.empty() : tensor<16x16xf32>
  %i = linalg.fill ins(%x : f32) outs(%e : tensor<16x16xf32>) -> tensor<16x16xf32>
  return %i : tensor<16x16xf32>
}

// -----

// The DSA fills from a constant known at compile time: a value read at run time cannot be lowered.
func.func @runtime_fill(%a: tensor<16x16xf32>) -> tensor<16x16xf32> {
  %c0 = arith.constant 0 : index
  // expected-remark @+1 {{ops left for the control processor (no DSA engine runs them): tensor.extract}}
  %x = tensor.extract %a[%c0, %c0] : tensor<16x16xf32>
  %e = tensor.empty() : tensor<16x16xf32>
  // expected-error @+1 {{'linalg.fill' op the DSA lowering needs a constant fill value}}
  %i = linalg.fill ins(%x : f32) outs(%e : tensor<16x16xf32>) -> tensor<16x16xf32>
  return %i : tensor<16x16xf32>
}
