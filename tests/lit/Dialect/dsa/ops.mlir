// RUN: mlir-py-opt %s | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | filecheck %s --check-prefix=GENERIC

// Round trip of every dsa op, attribute and type in custom syntax, through the custom and the generic form.

// CHECK: module attributes {dsa.target = #dsa.target<n = 8, sram_kib = 64, sram_banks = 16, dram_bytes_per_cycle = 64, sram_bytes_per_cycle = 512, clock_mhz = 1000, dram_mib = 1024>}
// GENERIC: "dsa.buffer"() <{offset = 0 : i64}> : () -> memref<2x8x8xi8, #dsa.sram>
// GENERIC: "dsa.join"() : () -> !dsa.token
// GENERIC: "dsa.dma_load"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) <{operandSegmentSizes = array<i32: 1, 2, 1, 1, 0>, sizes = array<i64: 8, 8>}> : (memref<64x64xi8, #dsa.dram>, index, index, memref<2x8x8xi8, #dsa.sram>, index) -> !dsa.token
// GENERIC: "dsa.matmul"({{.*}}) <{clip_max = 127 : i64, clip_min = -128 : i64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 3>, relu, scale = 77 : i64, shift = 10 : i64, transpose_rhs}>
// GENERIC: "dsa.vector"({{.*}}) <{kind = 3 : i64, operandSegmentSizes = array<i32: 1, 1, 1, 1, 1, 0, 1>}>
module attributes {dsa.target = #dsa.target<n = 8, sram_kib = 64>} {
  // CHECK-LABEL: func.func @kernel
  // CHECK-SAME: (%[[A:.*]]: memref<64x64xi8, #dsa.dram>, %[[B:.*]]: memref<64x64xi8, #dsa.dram>, %[[BD:.*]]: memref<64xi32, #dsa.dram>, %[[C:.*]]: memref<64x64xi8, #dsa.dram> {dsa.output}) attributes {dsa.kernel}
  func.func @kernel(%A: memref<64x64xi8, #dsa.dram>, %B: memref<64x64xi8, #dsa.dram>, %bd: memref<64xi32, #dsa.dram>,
                    %C: memref<64x64xi8, #dsa.dram> {dsa.output}) attributes {dsa.kernel} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c8 = arith.constant 8 : index
    %true = arith.constant true
    // CHECK: %[[ABUF:.*]] = dsa.buffer at 0 : memref<2x8x8xi8, #dsa.sram>
    %abuf = dsa.buffer at 0 : memref<2x8x8xi8, #dsa.sram>
    // CHECK: %[[BBUF:.*]] = dsa.buffer at 128 : memref<2x8x8xi8, #dsa.sram>
    %bbuf = dsa.buffer at 128 : memref<2x8x8xi8, #dsa.sram>
    // CHECK: %[[ACC:.*]] = dsa.buffer at 256 : memref<8x8xi32, #dsa.sram>
    %acc = dsa.buffer at 256 : memref<8x8xi32, #dsa.sram>
    // CHECK: %[[OUT:.*]] = dsa.buffer at 512 : memref<8x8xi8, #dsa.sram>
    %out = dsa.buffer at 512 : memref<8x8xi8, #dsa.sram>
    // CHECK: %[[BIAS:.*]] = dsa.buffer at 576 : memref<8xi32, #dsa.sram>
    %bias = dsa.buffer at 576 : memref<8xi32, #dsa.sram>
    // CHECK: %[[SCRATCH:.*]] = dsa.buffer at 4096 : memref<64x64xi8, #dsa.dram>
    %scratch = dsa.buffer at 4096 : memref<64x64xi8, #dsa.dram>
    // CHECK: %[[READY:.*]] = dsa.join()
    %ready = dsa.join()
    // CHECK: %[[T0:.*]] = dsa.dma_load %[[A]][%{{.*}}, %{{.*}}] [8, 8] into %[[ABUF]][%{{.*}}] : memref<64x64xi8, #dsa.dram>, memref<2x8x8xi8, #dsa.sram>
    %t0 = dsa.dma_load %A[%c0, %c0] [8, 8] into %abuf[%c0] : memref<64x64xi8, #dsa.dram>, memref<2x8x8xi8, #dsa.sram>
    // CHECK: %[[T1:.*]] = dsa.dma_load %[[B]][%{{.*}}, %{{.*}}] [8, 8] strides [2, 1] permutation [1, 0] masked into %[[BBUF]][%{{.*}}] after(%[[READY]]) : memref<64x64xi8, #dsa.dram>, memref<2x8x8xi8, #dsa.sram>
    %t1 = dsa.dma_load %B[%c8, %c0] [8, 8] strides [2, 1] permutation [1, 0] masked into %bbuf[%c1] after(%ready) : memref<64x64xi8, #dsa.dram>, memref<2x8x8xi8, #dsa.sram>
    // CHECK: %[[T2:.*]] = dsa.dma_load %[[BD]][%{{.*}}] [8] into %[[BIAS]][] : memref<64xi32, #dsa.dram>, memref<8xi32, #dsa.sram>
    %t2 = dsa.dma_load %bd[%c8] [8] into %bias[] : memref<64xi32, #dsa.dram>, memref<8xi32, #dsa.sram>
    // CHECK: %[[T3:.*]] = dsa.matmul %[[ABUF]][%{{.*}}], %[[BBUF]][%{{.*}}], %[[ACC]][] accumulate(%{{.*}}) transpose_rhs -> %[[OUT]][] bias %[[BIAS]][] relu clip(-128, 127) scale(77, 10) after(%[[T0]], %[[T1]], %[[T2]]) : memref<2x8x8xi8, #dsa.sram>, memref<2x8x8xi8, #dsa.sram>, memref<8x8xi32, #dsa.sram>, memref<8x8xi8, #dsa.sram>, memref<8xi32, #dsa.sram>
    %t3 = dsa.matmul %abuf[%c0], %bbuf[%c1], %acc[] accumulate(%true) transpose_rhs -> %out[] bias %bias[] relu clip(-128, 127) scale(77, 10) after(%t0, %t1, %t2) : memref<2x8x8xi8, #dsa.sram>, memref<2x8x8xi8, #dsa.sram>, memref<8x8xi32, #dsa.sram>, memref<8x8xi8, #dsa.sram>, memref<8xi32, #dsa.sram>
    // CHECK: %[[T4:.*]] = dsa.matmul %[[ABUF]][%{{.*}}], %[[BBUF]][%{{.*}}], %[[ACC]][] transpose_lhs after(%[[T3]]) : memref<2x8x8xi8, #dsa.sram>, memref<2x8x8xi8, #dsa.sram>, memref<8x8xi32, #dsa.sram>
    %t4 = dsa.matmul %abuf[%c0], %bbuf[%c1], %acc[] transpose_lhs after(%t3) : memref<2x8x8xi8, #dsa.sram>, memref<2x8x8xi8, #dsa.sram>, memref<8x8xi32, #dsa.sram>
    // CHECK: %[[T5:.*]] = dsa.vector max %[[ABUF]][%{{.*}}], %[[BBUF]][%{{.*}}] into %[[OUT]][] after(%[[T4]]) : memref<2x8x8xi8, #dsa.sram>, memref<2x8x8xi8, #dsa.sram>, memref<8x8xi8, #dsa.sram>
    %t5 = dsa.vector max %abuf[%c0], %bbuf[%c1] into %out[] after(%t4) : memref<2x8x8xi8, #dsa.sram>, memref<2x8x8xi8, #dsa.sram>, memref<8x8xi8, #dsa.sram>
    // CHECK: %[[T6:.*]] = dsa.vector copy %[[ACC]][] into %[[OUT]][] relu scale(3, 4) after(%[[T5]]) : memref<8x8xi32, #dsa.sram>, memref<8x8xi8, #dsa.sram>
    %t6 = dsa.vector copy %acc[] into %out[] relu scale(3, 4) after(%t5) : memref<8x8xi32, #dsa.sram>, memref<8x8xi8, #dsa.sram>
    // CHECK: %[[T7:.*]] = dsa.fill %[[ACC]][] with -7 after(%[[T6]]) : memref<8x8xi32, #dsa.sram>
    %t7 = dsa.fill %acc[] with -7 after(%t6) : memref<8x8xi32, #dsa.sram>
    // CHECK: %[[T8:.*]] = dsa.dma_store %[[OUT]][] into %[[C]][%{{.*}}, %{{.*}}] [8, 8] masked after(%[[T7]]) : memref<8x8xi8, #dsa.sram>, memref<64x64xi8, #dsa.dram>
    %t8 = dsa.dma_store %out[] into %C[%c8, %c8] [8, 8] masked after(%t7) : memref<8x8xi8, #dsa.sram>, memref<64x64xi8, #dsa.dram>
    // CHECK: %[[T9:.*]] = dsa.dma_store %[[OUT]][] into %[[SCRATCH]][%{{.*}}, %{{.*}}] [4, 16] after(%[[T8]]) : memref<8x8xi8, #dsa.sram>, memref<64x64xi8, #dsa.dram>
    %t9 = dsa.dma_store %out[] into %scratch[%c0, %c0] [4, 16] after(%t8) : memref<8x8xi8, #dsa.sram>, memref<64x64xi8, #dsa.dram>
    // CHECK: dsa.wait %[[T9]]
    dsa.wait %t9
    return
  }

  // CHECK-LABEL: func.func @float_ops
  func.func @float_ops(%x: memref<16x16x4xf32, #dsa.dram>) attributes {dsa.kernel} {
    %c0 = arith.constant 0 : index
    %c2 = arith.constant 2 : index
    %in = dsa.buffer at 0 : memref<8x8x4xf32, #dsa.sram>
    %pooled = dsa.buffer at 1024 : memref<4x4x4xf32, #dsa.sram>
    %rows = dsa.buffer at 2048 : memref<2x16xf32, #dsa.sram>
    %vals = dsa.buffer at 2176 : memref<2x3xf32, #dsa.sram>
    %idx = dsa.buffer at 2240 : memref<2x3xi32, #dsa.sram>
    %w = dsa.buffer at 4096 : memref<2x8x8xf32, #dsa.sram>
    %t0 = dsa.dma_load %x[%c0, %c0, %c0] [8, 8, 4] into %in[] : memref<16x16x4xf32, #dsa.dram>, memref<8x8x4xf32, #dsa.sram>
    // CHECK: dsa.maxpool %{{.*}}[] window [2, 2] strides [2, 2] into %{{.*}}[] after(%{{.*}}) : memref<8x8x4xf32, #dsa.sram>, memref<4x4x4xf32, #dsa.sram>
    %t1 = dsa.maxpool %in[] window [2, 2] strides [2, 2] into %pooled[] after(%t0) : memref<8x8x4xf32, #dsa.sram>, memref<4x4x4xf32, #dsa.sram>
    // CHECK: dsa.topk %{{.*}}[] k 3 into %{{.*}}[], %{{.*}}[] after(%{{.*}}) : memref<2x16xf32, #dsa.sram>, memref<2x3xf32, #dsa.sram>, memref<2x3xi32, #dsa.sram>
    %t2 = dsa.topk %rows[] k 3 into %vals[], %idx[] after(%t1) : memref<2x16xf32, #dsa.sram>, memref<2x3xf32, #dsa.sram>, memref<2x3xi32, #dsa.sram>
    // CHECK: dsa.fill %{{.*}}[%{{.*}}] with 5.000000e-01 after(%{{.*}}) : memref<2x8x8xf32, #dsa.sram>
    %t3 = dsa.fill %w[%c0] with 0.5 after(%t2) : memref<2x8x8xf32, #dsa.sram>
    // CHECK: dsa.matmul %{{.*}}[%{{.*}}], %{{.*}}[%{{.*}}], %{{.*}}[%{{.*}}] pad relu clip(0.000000e+00, 6.000000e+00) scale(2.500000e-01) after(%{{.*}}) : memref<2x8x8xf32, #dsa.sram>, memref<2x8x8xf32, #dsa.sram>, memref<2x8x8xf32, #dsa.sram>
    %t4 = dsa.matmul %w[%c0], %w[%c0], %w[%c0] pad relu clip(0.0, 6.0) scale(0.25) after(%t3) : memref<2x8x8xf32, #dsa.sram>, memref<2x8x8xf32, #dsa.sram>, memref<2x8x8xf32, #dsa.sram>
    // CHECK: dsa.vector sub %{{.*}}, %{{.*}} into %{{.*}} after(%{{.*}}) : memref<8x8x4xf32, #dsa.sram>, memref<8x8x4xf32, #dsa.sram>, memref<8x8x4xf32, #dsa.sram>
    %t5 = dsa.vector sub %in[], %in[] into %in[] after(%t4) : memref<8x8x4xf32, #dsa.sram>, memref<8x8x4xf32, #dsa.sram>, memref<8x8x4xf32, #dsa.sram>
    // CHECK: dsa.vector copy %{{.*}}[] into %{{.*}}[] : memref<2x3xi32, #dsa.sram>, memref<2x3xf32, #dsa.sram>
    %t6 = dsa.vector copy %idx[] into %vals[] : memref<2x3xi32, #dsa.sram>, memref<2x3xf32, #dsa.sram>
    // CHECK: %[[J:.*]] = dsa.join(%{{.*}}, %{{.*}})
    %j = dsa.join(%t5, %t6)
    // CHECK: %[[R:.*]] = scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[T:.*]] = %[[J]]) -> (!dsa.token) {
    %r = scf.for %i = %c0 to %c2 step %c2 iter_args(%t = %j) -> (!dsa.token) {
      // CHECK: dsa.vector add %{{.*}}[%{{.*}}], %{{.*}}[%{{.*}}] into %{{.*}}[%{{.*}}] after(%[[T]])
      %n = dsa.vector add %w[%i], %w[%i] into %w[%i] after(%t) : memref<2x8x8xf32, #dsa.sram>, memref<2x8x8xf32, #dsa.sram>, memref<2x8x8xf32, #dsa.sram>
      scf.yield %n : !dsa.token
    }
    // CHECK: dsa.wait %[[R]], %[[J]]
    dsa.wait %r, %j
    return
  }
}
