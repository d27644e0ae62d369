// RUN: mlir-py-opt %s --split-input-file --pass-pipeline='builtin.module(dsa-schedule{remarks})' --verify-diagnostics | filecheck %s

// Stage 5 of --lower-to-dsa: software pipelining by double buffering. The input is the sequential program
// dsa-bufferize writes (here by hand): C = A·B in blocks of one 16x16 output tile, K in 4 steps. Each K step's
// loads wait for the previous step's primitive (%t), the primitive for the previous block's store (%ts).
// dsa-schedule doubles the A/B tiles over the K loop and the accumulator over the blocks (index = iteration
// parity), and retimes the tokens that only protected them to distance 2: the DMA loads of K step k+1 wait for
// the primitive of step k-1 only, so they are issued (the DMA engine runs them) while the primitive of step k
// computes; the primitive of block i waits for the store of block i-2, so the store of block i-1 overlaps it.
// The K chain across blocks (%tc: the A/B tiles are not rotated over the blocks) stays at distance 1.

// CHECK-LABEL: func.func @mm
//       CHECK:   %[[C2:.*]] = arith.constant 2 : index
//       CHECK:   %[[A:.*]] = memref.alloc() : memref<2x16x16xf32, #dsa.sram>
//       CHECK:   %[[B:.*]] = memref.alloc() : memref<2x16x16xf32, #dsa.sram>
//       CHECK:   %[[C:.*]] = memref.alloc() : memref<2x16x16xf32, #dsa.sram>
//       CHECK:   %[[R:.*]]:3 = scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[TC:.*]] = %[[READY:.*]], %[[TS1:.*]] = %[[READY]], %[[TS2:.*]] = %[[READY]]) -> (!dsa.token, !dsa.token, !dsa.token) {
//       CHECK:     %[[SB:.*]] = arith.remui %[[I]], %[[C2]] : index
//       CHECK:     %[[KR:.*]]:2 = scf.for %[[K:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[T1:.*]] = %[[TC]], %[[T2:.*]] = %[[TC]]) -> (!dsa.token, !dsa.token) {
//       CHECK:       %[[SK:.*]] = arith.remui %[[K]], %[[C2]] : index
//       CHECK:       %[[LA:.*]] = dsa.dma_load %{{.*}} into %[[A]][%[[SK]]] after(%[[T2]])
//       CHECK:       %[[LB:.*]] = dsa.dma_load %{{.*}} into %[[B]][%[[SK]]] after(%[[T2]])
//       CHECK:       %[[M:.*]] = dsa.matmul %[[A]][%[[SK]]], %[[B]][%[[SK]]], %[[C]][%[[SB]]] accumulate(%{{.*}}) after(%[[LA]], %[[LB]], %[[TS2]])
//       CHECK:       scf.yield %[[M]], %[[T1]] : !dsa.token, !dsa.token
//       CHECK:     }
//       CHECK:     %[[KJ:.*]] = dsa.join(%[[KR]]#0, %[[KR]]#1)
//       CHECK:     %[[ST:.*]] = dsa.dma_store %[[C]][%[[SB]]] into %{{.*}} after(%[[KJ]])
//       CHECK:     scf.yield %[[KJ]], %[[ST]], %[[TS1]] : !dsa.token, !dsa.token, !dsa.token
//       CHECK:   } {dsa.layer = "matmul"}
//       CHECK:   %[[RJ:.*]] = dsa.join(%[[R]]#1, %[[R]]#2)
//       CHECK:   dsa.wait %[[R]]#0, %[[RJ]]
//   CHECK-NOT:   dsa.rotate
//   CHECK-NOT:   dsa.pipeline
module attributes {dsa.target = #dsa.target<n = 16>} {
  func.func @mm(%A: memref<32x64xf32, #dsa.dram>, %B: memref<64x16xf32, #dsa.dram>, %C: memref<32x16xf32, #dsa.dram> {dsa.output}) attributes {dsa.kernel} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c16 = arith.constant 16 : index
    %a = memref.alloc() {dsa.rotate = "k"} : memref<16x16xf32, #dsa.sram>
    %b = memref.alloc() {dsa.rotate = "k"} : memref<16x16xf32, #dsa.sram>
    %c = memref.alloc() {dsa.rotate = "blocks"} : memref<16x16xf32, #dsa.sram>
    %ready = dsa.join()
    %nb = arith.constant 2 : index
    // expected-remark @+1 {{tile loop 'blocks' software-pipelined: 1 buffer(s) double-buffered, 1 token(s) retimed to distance 2}}
    %r:2 = scf.for %i = %c0 to %nb step %c1 iter_args(%tc = %ready, %ts = %ready) -> (!dsa.token, !dsa.token) {
      %row = arith.muli %i, %c16 : index
      // expected-remark @+1 {{tile loop 'k' software-pipelined: 2 buffer(s) double-buffered, 1 token(s) retimed to distance 2}}
      %kr = scf.for %k = %c0 to %c4 step %c1 iter_args(%t = %tc) -> (!dsa.token) {
        %col = arith.muli %k, %c16 : index
        %la = dsa.dma_load %A[%row, %col] [16, 16] into %a[] after(%t) : memref<32x64xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
        %lb = dsa.dma_load %B[%col, %c0] [16, 16] into %b[] after(%t) : memref<64x16xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
        %acc = arith.cmpi ne, %k, %c0 : index
        %m = dsa.matmul %a[], %b[], %c[] accumulate(%acc) after(%la, %lb, %ts) : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>
        scf.yield %m : !dsa.token
      } {dsa.pipeline = "k"}
      %st = dsa.dma_store %c[] into %C[%row, %c0] [16, 16] after(%kr) : memref<16x16xf32, #dsa.sram>, memref<32x16xf32, #dsa.dram>
      scf.yield %kr, %st : !dsa.token, !dsa.token
    } {dsa.layer = "matmul", dsa.pipeline = "blocks"}
    dsa.wait %r#0, %r#1
    return
  }
}

// -----

// A streamed loop (load -> vector op -> store, all DMA on one in-order engine): besides the ping-pong buffers,
// the loads of chunk i+1 are issued *before* the vector op and the store of chunk i (prologue: the loads of
// chunk 0; steady state: loads of i+1, compute and store of i; epilogue: compute and store of the last chunk),
// since the DMA engine would otherwise run them only after the store of chunk i, which waits for its compute.

// CHECK-LABEL: func.func @relu
//       CHECK:   %[[X:.*]] = memref.alloc() : memref<2x16xf32, #dsa.sram>
//       CHECK:   %[[O:.*]] = memref.alloc() : memref<2x16xf32, #dsa.sram>
//       CHECK:   %[[READY:.*]] = dsa.join()
//       CHECK:   %[[P:.*]] = dsa.dma_load %{{.*}} into %[[X]][%{{.*}}] after(%[[READY]]) {dsa.layer = "relu"}
//       CHECK:   %[[R:.*]]:3 = scf.for %[[I:.*]] = %{{.*}} to %c3 step %{{.*}} iter_args(%[[T1:.*]] = %[[READY]], %[[T2:.*]] = %[[READY]], %[[L:.*]] = %[[P]])
//       CHECK:     %[[N:.*]] = arith.addi %[[I]], %c1 : index
//       CHECK:     %[[NS:.*]] = arith.remui %[[N]], %c2 : index
//       CHECK:     %[[LN:.*]] = dsa.dma_load %{{.*}} into %[[X]][%[[NS]]] after(%[[T1]])
//       CHECK:     %[[S:.*]] = arith.remui %[[I]], %c2 : index
//       CHECK:     %[[V:.*]] = dsa.vector copy %[[X]][%[[S]]] into %[[O]][%[[S]]] relu after(%[[L]])
//       CHECK:     %[[ST:.*]] = dsa.dma_store %[[O]][%[[S]]] into %{{.*}} after(%[[V]])
//       CHECK:     scf.yield %[[ST]], %[[T1]], %[[LN]] : !dsa.token, !dsa.token, !dsa.token
//       CHECK:   } {dsa.layer = "relu"}
//       CHECK:   %[[VE:.*]] = dsa.vector copy {{.*}} relu after(%[[R]]#2) {dsa.layer = "relu"}
//       CHECK:   %[[SE:.*]] = dsa.dma_store {{.*}} after(%[[VE]]) {dsa.layer = "relu"}
//       CHECK:   %[[J:.*]] = dsa.join(%[[SE]], %[[R]]#0)
//       CHECK:   dsa.wait %[[J]]
module attributes {dsa.target = #dsa.target<n = 16>} {
  func.func @relu(%X: memref<64xf32, #dsa.dram>, %Y: memref<64xf32, #dsa.dram> {dsa.output}) attributes {dsa.kernel} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c16 = arith.constant 16 : index
    %x = memref.alloc() {dsa.rotate = "chunks"} : memref<16xf32, #dsa.sram>
    %o = memref.alloc() {dsa.rotate = "chunks"} : memref<16xf32, #dsa.sram>
    %ready = dsa.join()
    // expected-remark @+1 {{tile loop 'chunks' software-pipelined: 2 buffer(s) double-buffered, 1 token(s) retimed to distance 2, loads of iteration i+1 issued in iteration i}}
    %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%t = %ready) -> (!dsa.token) {
      %off = arith.muli %i, %c16 : index
      %ld = dsa.dma_load %X[%off] [16] into %x[] after(%t) : memref<64xf32, #dsa.dram>, memref<16xf32, #dsa.sram>
      %v = dsa.vector copy %x[] into %o[] relu after(%ld) : memref<16xf32, #dsa.sram>, memref<16xf32, #dsa.sram>
      %st = dsa.dma_store %o[] into %Y[%off] [16] after(%v) : memref<16xf32, #dsa.sram>, memref<64xf32, #dsa.dram>
      scf.yield %st : !dsa.token
    } {dsa.layer = "relu", dsa.pipeline = "chunks"}
    dsa.wait %r
    return
  }
}

// -----

// A loop whose only carried token orders a non-rotated buffer shared across engines stays sequential (a remark
// under the 'remarks' option): the vector op of chunk i overwrites %o, which the store of chunk i-1 reads.

// CHECK-LABEL: func.func @not_rotated
//       CHECK:   memref.alloc() : memref<16xf32, #dsa.sram>
//       CHECK:   memref.alloc() : memref<16xf32, #dsa.sram>
//       CHECK:   scf.for {{.*}} iter_args(%{{.*}} = %{{.*}}) -> (!dsa.token) {
module attributes {dsa.target = #dsa.target<n = 16>} {
  func.func @not_rotated(%X: memref<64xf32, #dsa.dram>, %Y: memref<64xf32, #dsa.dram> {dsa.output}) attributes {dsa.kernel} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c16 = arith.constant 16 : index
    %x = memref.alloc() {dsa.rotate = "chunks"} : memref<16xf32, #dsa.sram>
    %o = memref.alloc() : memref<16xf32, #dsa.sram>
    %ready = dsa.join()
    // expected-remark @+1 {{tile loop 'chunks' left sequential: no loop-carried token can be retimed}}
    %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%t = %ready) -> (!dsa.token) {
      %off = arith.muli %i, %c16 : index
      %ld = dsa.dma_load %X[%off] [16] into %x[] after(%t) : memref<64xf32, #dsa.dram>, memref<16xf32, #dsa.sram>
      %v = dsa.vector copy %x[] into %o[] relu after(%ld, %t) : memref<16xf32, #dsa.sram>, memref<16xf32, #dsa.sram>
      %st = dsa.dma_store %o[] into %Y[%off] [16] after(%v) : memref<16xf32, #dsa.sram>, memref<64xf32, #dsa.dram>
      scf.yield %st : !dsa.token
    } {dsa.pipeline = "chunks"}
    dsa.wait %r
    return
  }
}

// -----

module attributes {dsa.target = #dsa.target<n = 16>} {
  func.func @unknown_loop(%X: memref<16xf32, #dsa.dram>) attributes {dsa.kernel} {
    // expected-error @+1 {{'memref.alloc' op is rotated over loop 'k' but no scf.for of the function has dsa.pipeline = "k"}}
    %x = memref.alloc() {dsa.rotate = "k"} : memref<16xf32, #dsa.sram>
    return
  }
}

// -----

module attributes {dsa.target = #dsa.target<n = 16>} {
  func.func @used_outside(%X: memref<64xf32, #dsa.dram>) attributes {dsa.kernel} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %c16 = arith.constant 16 : index
    %x = memref.alloc() {dsa.rotate = "chunks"} : memref<16xf32, #dsa.sram>
    %ready = dsa.join()
    %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%t = %ready) -> (!dsa.token) {
      %off = arith.muli %i, %c16 : index
      %ld = dsa.dma_load %X[%off] [16] into %x[] after(%t) : memref<64xf32, #dsa.dram>, memref<16xf32, #dsa.sram>
      scf.yield %ld : !dsa.token
    } {dsa.pipeline = "chunks"}
    // expected-error @+1 {{'dsa.fill' op uses a buffer that is double-buffered over loop 'chunks' outside that loop}}
    %f = dsa.fill %x[] with 0.0 after(%r) : memref<16xf32, #dsa.sram>
    dsa.wait %f
    return
  }
}
