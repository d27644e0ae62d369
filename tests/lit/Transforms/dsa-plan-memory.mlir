// RUN: mlir-py-opt %s --split-input-file --dsa-plan-memory --verify-diagnostics | filecheck %s

// Stage 5 of --lower-to-dsa: Greedy by Size over liveness intervals. %s0 dies at the first dsa.wait, so %s1
// (same size) takes its offset; %s2 lives with %s1 and goes above it. Peak = lower bound = 1024 + 512 bytes.

// CHECK-LABEL: func.func @share
//  CHECK-SAME:     dsa.dram_lower_bound_bytes = 0 : i64, dsa.kernel, dsa.peak_dram_bytes = 0 : i64, dsa.peak_sram_bytes = 1536 : i64, dsa.sram_lower_bound_bytes = 1536 : i64
//       CHECK:   %[[S0:.*]] = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
//       CHECK:   dsa.dma_load {{.*}} into %[[S0]][]
//       CHECK:   dsa.wait
//       CHECK:   %[[S1:.*]] = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
//       CHECK:   %[[S2:.*]] = dsa.buffer at 1024 : memref<8x16xf32, #dsa.sram>
//       CHECK:   dsa.dma_load {{.*}} into %[[S1]][]
//       CHECK:   dsa.dma_load {{.*}} into %[[S2]][]
//   CHECK-NOT:   memref.alloc
module attributes {dsa.target = #dsa.target<n = 16, sram_kib = 8>} {
  func.func @share(%a: memref<16x16xf32, #dsa.dram>, %o: memref<16x16xf32, #dsa.dram> {dsa.output}) attributes {dsa.kernel} {
    %c0 = arith.constant 0 : index
    %s0 = memref.alloc() : memref<16x16xf32, #dsa.sram>
    %t0 = dsa.dma_load %a[%c0, %c0] [16, 16] into %s0[] : memref<16x16xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
    %t1 = dsa.dma_store %s0[] into %o[%c0, %c0] [16, 16] after(%t0) : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.dram>
    dsa.wait %t1
    %s1 = memref.alloc() : memref<16x16xf32, #dsa.sram>
    %s2 = memref.alloc() : memref<8x16xf32, #dsa.sram>
    %t2 = dsa.dma_load %a[%c0, %c0] [16, 16] into %s1[] : memref<16x16xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
    %t3 = dsa.dma_load %a[%c0, %c0] [8, 16] into %s2[] after(%t2) : memref<16x16xf32, #dsa.dram>, memref<8x16xf32, #dsa.sram>
    %t4 = dsa.vector add %s1[], %s1[] into %s1[] after(%t3) : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>
    %t5 = dsa.dma_store %s1[] into %o[%c0, %c0] [16, 16] after(%t4) : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.dram>
    dsa.wait %t5
    return
  }
}

// -----

// The DRAM scratch pool is planned the same way.

// CHECK-LABEL: func.func @dram
//  CHECK-SAME:     dsa.dram_lower_bound_bytes = 1024 : i64, dsa.kernel, dsa.peak_dram_bytes = 1024 : i64
//       CHECK:   dsa.buffer at 0 : memref<16x16xf32, #dsa.dram>
module attributes {dsa.target = #dsa.target<n = 16, sram_kib = 8>} {
  func.func @dram(%a: memref<16x16xf32, #dsa.dram>, %o: memref<16x16xf32, #dsa.dram> {dsa.output}) attributes {dsa.kernel} {
    %c0 = arith.constant 0 : index
    %d = memref.alloc() : memref<16x16xf32, #dsa.dram>
    %s0 = memref.alloc() : memref<16x16xf32, #dsa.sram>
    %t0 = dsa.dma_load %a[%c0, %c0] [16, 16] into %s0[] : memref<16x16xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
    %t1 = dsa.dma_store %s0[] into %d[%c0, %c0] [16, 16] after(%t0) : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.dram>
    %t2 = dsa.dma_load %d[%c0, %c0] [16, 16] into %s0[] after(%t1) : memref<16x16xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
    %t3 = dsa.dma_store %s0[] into %o[%c0, %c0] [16, 16] after(%t2) : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.dram>
    dsa.wait %t3
    return
  }
}

// -----

module attributes {dsa.target = #dsa.target<n = 16, sram_kib = 1>} {
  func.func @overflow(%a: memref<16x16xf32, #dsa.dram>, %o: memref<16x16xf32, #dsa.dram> {dsa.output}) attributes {dsa.kernel} {
    %c0 = arith.constant 0 : index
    %s0 = memref.alloc() : memref<16x16xf32, #dsa.sram>
    // expected-error @+1 {{'memref.alloc' op the SRAM buffers need 2048 bytes but the target has 1024}}
    %s1 = memref.alloc() : memref<16x16xf32, #dsa.sram>
    %t0 = dsa.dma_load %a[%c0, %c0] [16, 16] into %s0[] : memref<16x16xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
    %t1 = dsa.dma_load %a[%c0, %c0] [16, 16] into %s1[] after(%t0) : memref<16x16xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
    %t2 = dsa.vector add %s0[], %s1[] into %s0[] after(%t1) : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>
    %t3 = dsa.dma_store %s0[] into %o[%c0, %c0] [16, 16] after(%t2) : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.dram>
    dsa.wait %t3
    return
  }
}
