// 2x2/2 max pooling of a 32x32x16 NHWC feature map on the sort unit, 8 input rows (4 output rows) per band, with
// ping-pong buffers and software pipelining: the load of band b+1 is issued before the pooling and the store of
// band b, so that the in-order DMA queue fetches ahead while the sort unit works (the last iteration reloads the
// last band, the price of a loop without an epilogue).
//
//   mlir-py-run examples/dsa/maxpool.mlir --entry maxpool --target=dsa --random-inputs --stats
module attributes {dsa.target = #dsa.target<n = 16>} {
  func.func @maxpool(%X: memref<32x32x16xf32, #dsa.dram>, %Y: memref<16x16x16xf32, #dsa.dram> {dsa.output})
      attributes {dsa.kernel} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c3 = arith.constant 3 : index
    %c4 = arith.constant 4 : index
    %c8 = arith.constant 8 : index
    // two halves each: 8x32x16 input rows (16 KiB), 4x16x16 pooled rows (4 KiB)
    %in = dsa.buffer at 0 : memref<2x8x32x16xf32, #dsa.sram>
    %out = dsa.buffer at 32768 : memref<2x4x16x16xf32, #dsa.sram>
    %ready = dsa.join()
    %first = dsa.dma_load %X[%c0, %c0, %c0] [8, 32, 16] into %in[%c0] : memref<32x32x16xf32, #dsa.dram>, memref<2x8x32x16xf32, #dsa.sram>
    // carried: this band's load, the previous pooling, the stores of the previous two bands
    %done:4 = scf.for %band = %c0 to %c4 step %c1 iter_args(%l = %first, %p1 = %ready, %s1 = %ready, %s2 = %ready)
        -> (!dsa.token, !dsa.token, !dsa.token, !dsa.token) {
      %half = arith.remui %band, %c2 : index
      %other = arith.subi %c1, %half : index
      %b1 = arith.addi %band, %c1 : index
      %next = arith.minui %b1, %c3 : index
      %nrow = arith.muli %next, %c8 : index
      %orow = arith.muli %band, %c4 : index
      // the other half was last read by the previous pooling
      %ln = dsa.dma_load %X[%nrow, %c0, %c0] [8, 32, 16] into %in[%other] after(%p1) : memref<32x32x16xf32, #dsa.dram>, memref<2x8x32x16xf32, #dsa.sram>
      // this half of %out was last read by the store two bands ago
      %p = dsa.maxpool %in[%half] window [2, 2] strides [2, 2] into %out[%half] after(%l, %s2) : memref<2x8x32x16xf32, #dsa.sram>, memref<2x4x16x16xf32, #dsa.sram>
      %s = dsa.dma_store %out[%half] into %Y[%orow, %c0, %c0] [4, 16, 16] after(%p) : memref<2x4x16x16xf32, #dsa.sram>, memref<16x16x16xf32, #dsa.dram>
      scf.yield %ln, %p, %s, %s1 : !dsa.token, !dsa.token, !dsa.token, !dsa.token
    }
    dsa.wait %done#0, %done#1, %done#2, %done#3
    return
  }
}
