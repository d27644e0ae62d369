// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --finalize-memref-to-llvm
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(finalize-memref-to-llvm{use-generic-functions})' 2>&1 | filecheck %s --check-prefix=OPT
// OPT: PassPipeline Parser:1:16: error: failed to add `finalize-memref-to-llvm` with options `use-generic-functions`: no such option 'use-generic-functions'
// OPT-NOT: Traceback

// Unranked memrefs have no descriptor here (MLIR's {i64 rank, ptr} form is not implemented): ops on them are
// illegal and reported at the op.
func.func @unranked(%m: memref<*xf32>) -> memref<*xf32> {
  // expected-error @+1 {{failed to legalize operation 'memref.cast' that was explicitly marked illegal}}
  %c = memref.cast %m : memref<*xf32> to memref<*xf32>
  return %c : memref<*xf32>
}

// -----

// A layout that is neither the identity nor strided has no strides to index with (MLIR: getStridesAndOffset).
func.func @affine_layout(%m: memref<4xf32, affine_map<(d0) -> (d0 floordiv 2)>>, %i: index) -> f32 {
  // expected-error @+1 {{failed to legalize operation 'memref.load' that was explicitly marked illegal}}
  %v = memref.load %m[%i] : memref<4xf32, affine_map<(d0) -> (d0 floordiv 2)>>
  return %v : f32
}

// -----

// Invalid input: the verifier stops the tool before the conversion.
func.func @rank(%m: memref<4x4xf32>, %i: index) -> f32 {
  // expected-error @+1 {{'memref.load' op invalid number of indices for accessed memref, expected 2 but got 1}}
  %v = memref.load %m[%i] : memref<4x4xf32>
  return %v : f32
}
