// An op no stage lowers survives the pipeline (its conversions are partial) and the translation reports it,
// located in this file thanks to --mlir-print-debuginfo, with exit code 1.
// RUN: mlir-py-opt %s --lower-to-llvm --mlir-print-debuginfo | not mlir-py-translate --mlir-to-llvmir 2>&1 | filecheck %s
// CHECK: lower-to-llvm-untranslatable.mlir:{{[0-9]+}}:{{[0-9]+}}: error: cannot be converted to LLVM IR: missing `LLVMTranslationDialectInterface` registration for dialect for op: math.erf
// CHECK-NOT: Traceback

// math.erf has no LLVM intrinsic.
func.func @erf(%a: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]}
      ins(%a : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    %z = math.erf %x : f32
    linalg.yield %z : f32
  } -> tensor<4xf32>
  return %r : tensor<4xf32>
}
