// One 16x16x16 f32 product on the DSA, the smallest complete program (docs/dsa.md, "Timing"):
//
//   mlir-py-run examples/dsa/one_tile.mlir --entry one_tile --target=dsa --random-inputs --stats
//
// cycles:  0      16      32      48      64      80      96
//   dma    [load A][load B]                        [store C]
//   matrix                 [ read ][compute][ write]
module attributes {dsa.target = #dsa.target<n = 16>} {
  func.func @one_tile(%A: memref<16x16xf32, #dsa.dram>, %B: memref<16x16xf32, #dsa.dram>,
                      %C: memref<16x16xf32, #dsa.dram> {dsa.output}) attributes {dsa.kernel} {
    %c0 = arith.constant 0 : index
    %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
    %b = dsa.buffer at 1024 : memref<16x16xf32, #dsa.sram>
    %c = dsa.buffer at 2048 : memref<16x16xf32, #dsa.sram>
    %ta = dsa.dma_load %A[%c0, %c0] [16, 16] into %a[] : memref<16x16xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
    %tb = dsa.dma_load %B[%c0, %c0] [16, 16] into %b[] : memref<16x16xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
    %tm = dsa.matmul %a[], %b[], %c[] after(%ta, %tb) : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>
    %ts = dsa.dma_store %c[] into %C[%c0, %c0] [16, 16] after(%tm) : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.dram>
    dsa.wait %ts
    return
  }
}
