// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --linalg-interchange-inner-parallel --linalg-cpu-tile
// Tile sizes are integers (0: untiled); a bad value or name is a pipeline error before the input is read.
// RUN: not mlir-py-opt %s --linalg-cpu-tile="tile-k=big" 2>&1 | filecheck %s --check-prefix=TYPE
// TYPE: error: failed to add `linalg-cpu-tile` with options `tile-k=big`: invalid value 'big' for option 'tile-k' (expected int)
// RUN: not mlir-py-opt %s --linalg-cpu-tile="tile-m=4" 2>&1 | filecheck %s --check-prefix=NAME
// NAME: error: failed to add `linalg-cpu-tile` with options `tile-m=4`: no such option 'tile-m'
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(linalg-interchange-inner-parallel{order=ikj})' 2>&1 | filecheck %s --check-prefix=INTERCHANGE
// INTERCHANGE: error: failed to add `linalg-interchange-inner-parallel` with options `order=ikj`: no such option 'order'
// INTERCHANGE-NOT: Traceback

// The passes only see verified IR: a matmul whose shapes do not agree is reported first.
func.func @shapes(%a: memref<16x32xf32>, %b: memref<16x64xf32>, %c: memref<16x64xf32>) {
  // expected-error @+1 {{'linalg.matmul' op inferred input/output operand #1 has shape's dimension #0 to be 32, but found 16}}
  linalg.matmul ins(%a, %b : memref<16x32xf32>, memref<16x64xf32>) outs(%c : memref<16x64xf32>)
  return
}
// A negative tile size is a located pass failure, not an internal error.
// RUN: echo "func.func @f() { return }" | not mlir-py-opt --linalg-cpu-tile="tile-k=-4" 2>&1 | filecheck %s --check-prefix=NEG
// NEG: error: 'builtin.module' op option 'tile-k' must be a non-negative tile size, got -4
// NEG-NOT: internal error
