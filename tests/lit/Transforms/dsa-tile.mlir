// RUN: mlir-py-opt %s --split-input-file --dsa-fuse --dsa-tile="n=16" --verify-diagnostics | filecheck %s
// RUN: not mlir-py-opt %s --split-input-file --dsa-fuse --dsa-tile="n=16 sram-kib=4" 2>&1 | filecheck %s --check-prefix=SMALL

// Stage 3 of --lower-to-dsa: 100x300 · 300x200 is 7x13 output tiles of 16x16 and 19 K steps; the block is
// chosen for the fewest estimated cycles under the SRAM budget (7x7: two blocks across, the second overhangs
// by one tile column); partial tiles and the overhang cost padding efficiency (6e6 useful MACs of 7.63e6).

// CHECK: module attributes {dsa.target = #dsa.target<n = 16, sram_kib = 512
// CHECK-LABEL: func.func @mm
//       CHECK:   linalg.matmul
//  CHECK-SAME:     dsa.padding_efficiency = 0.7866{{[0-9]*}} : f64
//  CHECK-SAME:     dsa.tiles = array<i64: 7, 7>

// SMALL: dsa-tile.mlir:{{[0-9]+}}:8: error: 'linalg.matmul' op layer 'matmul0' does not fit the target: needs 6144 bytes of SRAM for one double-buffered tile set of 16x16 tiles but the target has 4096 (4 KiB)
func.func @mm(%a: tensor<100x300xf32>, %b: tensor<300x200xf32>) -> tensor<100x200xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<100x200xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<100x200xf32>) -> tensor<100x200xf32>
  // expected-remark @+1 {{layer 'matmul0': 7x13x19 tiles of 16x16, blocks of 7x7, padding efficiency 78.7%}}
  %m = linalg.matmul ins(%a, %b : tensor<100x300xf32>, tensor<300x200xf32>) outs(%i : tensor<100x200xf32>) -> tensor<100x200xf32>
  return %m : tensor<100x200xf32>
}

// -----

// Ops no DSA engine runs are listed in one remark (they are left for the control processor).

// CHECK-LABEL: func.func @exp
func.func @exp(%a: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %e = tensor.empty() : tensor<4x8xf32>
  // expected-remark @+1 {{ops left for the control processor (no DSA engine runs them): linalg.generic}}
  %x = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]} ins(%a : tensor<4x8xf32>) outs(%e : tensor<4x8xf32>) {
  ^bb0(%v: f32, %o: f32):
    %r = math.exp %v : f32
    linalg.yield %r : f32
  } -> tensor<4x8xf32>
  return %x : tensor<4x8xf32>
}
