// RUN: mlir-py-opt %s --verify-diagnostics --linalg-tile="tile-sizes=4,-2"

func.func @negative(%a: memref<8x8xf32>, %x: f32) {
  // expected-error @+1 {{'linalg.fill' op expected non-negative tile sizes, got [4, -2]}}
  linalg.fill ins(%x : f32) outs(%a : memref<8x8xf32>)
  return
}
