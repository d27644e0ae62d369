// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics

// Verifier and parser errors of the dsa dialect: what the hardware cannot do, located at the op.

// expected-error @+1 {{invalid attribute 'dsa.target<n = 12>': 'n' must be a power of two in [4, 256], got 12}}
module attributes {dsa.target = #dsa.target<n = 12>} {}

// -----

// expected-error @+1 {{unknown field 'banks' (expected one of n, sram_kib, sram_banks, dram_bytes_per_cycle, sram_bytes_per_cycle, clock_mhz, dram_mib)}}
module attributes {dsa.target = #dsa.target<banks = 4>} {}

// -----

// expected-error @+1 {{'n' must be a power of two in [4, 256], got 512}}
module attributes {dsa.target = #dsa.target<n = 512>} {}

// -----

// expected-error @+1 {{dialect 'dsa' provides no attribute named 'hbm'}}
func.func @space(%a: memref<4xf32, #dsa.hbm>) { return }

// -----

// expected-error @+1 {{'!dsa.token' takes no parameters}}
func.func @token(%t: !dsa.token<1>) { return }

// -----

module attributes {dsa.target = #dsa.target<sram_kib = 4>} {
  func.func @overflow() {
    // expected-error @+1 {{'dsa.buffer' op buffer [2048, 6144) overflows the SRAM (4 KiB) of the target}}
    %b = dsa.buffer at 2048 : memref<32x32xf32, #dsa.sram>
    return
  }
}

// -----

func.func @misaligned() {
  // expected-error @+1 {{'dsa.buffer' op offset 100 is not a non-negative multiple of 64 bytes}}
  %b = dsa.buffer at 100 : memref<16x16xf32, #dsa.sram>
  return
}

// -----

func.func @dtype() {
  // expected-error @+1 {{'dsa.buffer' op unsupported element type 'f16' (the DSA supports i8, i16, i32 and f32)}}
  %b = dsa.buffer at 0 : memref<16x16xf16, #dsa.sram>
  return
}

// -----

func.func @space() {
  // expected-error @+1 {{'dsa.buffer' op result #0 must be memref in #dsa.dram or #dsa.sram, but got 'memref<16xf32>'}}
  %b = dsa.buffer at 0 : memref<16xf32>
  return
}

// -----

func.func @tile_not_nxn(%t: !dsa.token) {
  %a = dsa.buffer at 0 : memref<16x8xf32, #dsa.sram>
  %b = dsa.buffer at 1024 : memref<8x16xf32, #dsa.sram>
  %c = dsa.buffer at 2048 : memref<16x16xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.matmul' op expects 16x16 tiles (n = 16 in #dsa.target), got 'lhs' of shape 16x8; use 'pad' to zero-pad partial tiles}}
  %r = dsa.matmul %a[], %b[], %c[] after(%t) : memref<16x8xf32, #dsa.sram>, memref<8x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>
  dsa.wait %r
  return
}

// -----

module attributes {dsa.target = #dsa.target<n = 8>} {
  func.func @tile_too_big() {
    %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
    // expected-error @+1 {{'dsa.matmul' op expects 8x8 tiles (n = 8 in #dsa.target), got 'lhs' of shape 16x16}}
    %r = dsa.matmul %a[], %a[], %a[] pad : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>
    dsa.wait %r
    return
  }
}

// -----

func.func @mixed_types() {
  %a = dsa.buffer at 0 : memref<16x16xi8, #dsa.sram>
  %b = dsa.buffer at 256 : memref<16x16xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.matmul' op expects lhs and rhs of one element type, got 'i8' and 'f32'}}
  %r = dsa.matmul %a[], %b[], %b[] : memref<16x16xi8, #dsa.sram>, memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>
  dsa.wait %r
  return
}

// -----

func.func @accumulator_type() {
  %a = dsa.buffer at 0 : memref<16x16xi8, #dsa.sram>
  // expected-error @+1 {{'dsa.matmul' op expects an accumulator of type 'i32' for 'i8' inputs, got 'i8'}}
  %r = dsa.matmul %a[], %a[], %a[] : memref<16x16xi8, #dsa.sram>, memref<16x16xi8, #dsa.sram>, memref<16x16xi8, #dsa.sram>
  dsa.wait %r
  return
}

// -----

func.func @inner_dims() {
  %a = dsa.buffer at 0 : memref<16x8xf32, #dsa.sram>
  %c = dsa.buffer at 1024 : memref<16x16xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.matmul' op inner dimensions differ: lhs 16x8, rhs 16x8}}
  %r = dsa.matmul %a[], %a[], %c[] pad : memref<16x8xf32, #dsa.sram>, memref<16x8xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>
  dsa.wait %r
  return
}

// -----

func.func @bias_length() {
  %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
  %bias = dsa.buffer at 1024 : memref<8xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.matmul' op expects a bias tile of 16 x 'f32', got 8 x 'f32'}}
  %r = dsa.matmul %a[], %a[], %a[] bias %bias[] : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>, memref<8xf32, #dsa.sram>
  dsa.wait %r
  return
}

// -----

func.func @float_scale_on_ints() {
  %a = dsa.buffer at 0 : memref<16x16xi8, #dsa.sram>
  %c = dsa.buffer at 256 : memref<16x16xi32, #dsa.sram>
  %o = dsa.buffer at 1280 : memref<16x16xi8, #dsa.sram>
  // expected-error @+1 {{'dsa.matmul' op expects an integer scale multiplier for integer data}}
  %r = dsa.matmul %a[], %a[], %c[] -> %o[] scale(0.5) : memref<16x16xi8, #dsa.sram>, memref<16x16xi8, #dsa.sram>, memref<16x16xi32, #dsa.sram>, memref<16x16xi8, #dsa.sram>
  dsa.wait %r
  return
}

// -----

func.func @shift_range() {
  %a = dsa.buffer at 0 : memref<16x16xi8, #dsa.sram>
  %c = dsa.buffer at 256 : memref<16x16xi32, #dsa.sram>
  // expected-error @+1 {{'dsa.matmul' op scale shift 63 is out of range [0, 62]}}
  %r = dsa.matmul %a[], %a[], %c[] scale(3, 63) : memref<16x16xi8, #dsa.sram>, memref<16x16xi8, #dsa.sram>, memref<16x16xi32, #dsa.sram>
  dsa.wait %r
  return
}

// -----

func.func @clip_empty() {
  %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.matmul' op clip bounds are empty: 6.000000e+00 > 0.000000e+00}}
  %r = dsa.matmul %a[], %a[], %a[] clip(6.0, 0.0) : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>
  dsa.wait %r
  return
}

// -----

func.func @wider_output() {
  %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
  %o = dsa.buffer at 1024 : memref<16x16xi32, #dsa.sram>
  // expected-error @+1 {{'dsa.matmul' op cannot write 'f32' results to a 'i32' tile}}
  %r = dsa.matmul %a[], %a[], %a[] -> %o[] : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>, memref<16x16xi32, #dsa.sram>
  dsa.wait %r
  return
}

// -----

func.func @unused_token(%C: memref<16x16xf32, #dsa.dram>, %i: index) {
  %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.dma_store' op token is never used: wait for it, depend on it (after(...)) or yield it, or the kernel may end before the data reaches DRAM}}
  %r = dsa.dma_store %a[] into %C[%i, %i] [16, 16] : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.dram>
  return
}

// -----

func.func @wait_nothing() {
  // expected-error @+1 {{'dsa.wait' op expects at least one token}}
  "dsa.wait"() : () -> ()
  return
}

// -----

func.func @dependency_not_a_token(%x: index) {
  %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.matmul' op operand #3 must be !dsa.token, but got 'index'}}
  %r = "dsa.matmul"(%a, %a, %a, %x) <{operandSegmentSizes = array<i32: 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1>}> : (memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>, index) -> !dsa.token
  dsa.wait %r
  return
}

// -----

func.func @dma_types(%A: memref<64x64xf32, #dsa.dram>, %i: index) {
  %a = dsa.buffer at 0 : memref<16x16xi32, #dsa.sram>
  // expected-error @+1 {{'dsa.dma_load' op element types differ: DRAM 'f32', SRAM 'i32'}}
  %t = dsa.dma_load %A[%i, %i] [16, 16] into %a[] : memref<64x64xf32, #dsa.dram>, memref<16x16xi32, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @dma_count(%A: memref<64x64xf32, #dsa.dram>, %i: index) {
  %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.dma_load' op box [8, 16] has 128 elements but the SRAM tile 16x16 has 256}}
  %t = dsa.dma_load %A[%i, %i] [8, 16] into %a[] : memref<64x64xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @dma_box_too_big(%A: memref<8x64xf32, #dsa.dram>, %i: index) {
  %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.dma_load' op box dimension 0 spans 16 elements but the DRAM memref has 8 (use 'masked' to read zeros / skip writes outside it)}}
  %t = dsa.dma_load %A[%i, %i] [16, 16] into %a[] : memref<8x64xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @dma_spaces(%A: memref<64x64xf32, #dsa.dram>, %i: index) {
  %d = dsa.buffer at 0 : memref<16x16xf32, #dsa.dram>
  // expected-error @+1 {{'dsa.dma_load' op expects 'sram' in #dsa.sram, got 'memref<16x16xf32, #dsa.dram>'}}
  %t = dsa.dma_load %A[%i, %i] [16, 16] into %d[] : memref<64x64xf32, #dsa.dram>, memref<16x16xf32, #dsa.dram>
  dsa.wait %t
  return
}

// -----

func.func @dma_permutation(%A: memref<64x64xf32, #dsa.dram>, %i: index) {
  %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.dma_load' op permutation [0, 0] is not a permutation of 2 dimensions}}
  %t = dsa.dma_load %A[%i, %i] [16, 16] permutation [0, 0] into %a[] : memref<64x64xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @dma_rank(%A: memref<64x64xf32, #dsa.dram>, %i: index) {
  %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.dma_load' op expects 2 DRAM indices (one per dimension), got 1}}
  %t = dsa.dma_load %A[%i] [16, 16] into %a[] : memref<64x64xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @tile_alignment(%A: memref<64x64xi8, #dsa.dram>, %i: index) {
  %a = dsa.buffer at 0 : memref<4x4x4xi8, #dsa.sram>
  // expected-error @+1 {{'dsa.dma_load' op 'sram' tiles are 16 bytes apart along dimension 0: SRAM accesses must be 64-byte aligned}}
  %t = dsa.dma_load %A[%i, %i] [4, 4] into %a[%i] : memref<64x64xi8, #dsa.dram>, memref<4x4x4xi8, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @index_range(%A: memref<64x64xf32, #dsa.dram>, %i: index) {
  %c2 = arith.constant 2 : index
  %a = dsa.buffer at 0 : memref<2x16x16xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.dma_load' op 'sram' index 2 is out of range for dimension 0 of size 2}}
  %t = dsa.dma_load %A[%i, %i] [16, 16] into %a[%c2] : memref<64x64xf32, #dsa.dram>, memref<2x16x16xf32, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @vector_arity() {
  %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.vector' op 'add' takes two inputs}}
  %t = dsa.vector add %a[] into %a[] : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @vector_shapes() {
  %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
  %b = dsa.buffer at 1024 : memref<8x16xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.vector' op expects inputs of one shape and type, got 16x16 x 'f32' and 8x16 x 'f32'}}
  %t = dsa.vector mul %a[], %b[] into %a[] : memref<16x16xf32, #dsa.sram>, memref<8x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @vector_convert() {
  %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
  %b = dsa.buffer at 1024 : memref<16x16xi8, #dsa.sram>
  // expected-error @+1 {{'dsa.vector' op converts 'f32' to 'i8': only a plain 'copy' converts between integers and floats}}
  %t = dsa.vector copy %a[] into %b[] relu : memref<16x16xf32, #dsa.sram>, memref<16x16xi8, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @vector_kind() {
  %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
  // expected-error @+1 {{expected one of [add, sub, mul, max, min, copy] for dsa.vector, got 'div'}}
  %t = dsa.vector div %a[], %a[] into %a[] : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @fill_range() {
  %a = dsa.buffer at 0 : memref<16x16xi8, #dsa.sram>
  // expected-error @+1 {{'dsa.fill' op expects an integer value in [-128, 127] for 'i8', got 300}}
  %t = dsa.fill %a[] with 300 : memref<16x16xi8, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @maxpool_shape() {
  %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
  %b = dsa.buffer at 1024 : memref<7x7xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.maxpool' op expects an output of 8x8 x 'f32', got 7x7 x 'f32'}}
  %t = dsa.maxpool %a[] window [2, 2] strides [2, 2] into %b[] : memref<16x16xf32, #dsa.sram>, memref<7x7xf32, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @maxpool_window() {
  %a = dsa.buffer at 0 : memref<4x4xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.maxpool' op window [5, 5] is larger than the input 4x4}}
  %t = dsa.maxpool %a[] window [5, 5] strides [1, 1] into %a[] : memref<4x4xf32, #dsa.sram>, memref<4x4xf32, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @topk_k() {
  %a = dsa.buffer at 0 : memref<4x8xf32, #dsa.sram>
  %v = dsa.buffer at 128 : memref<4x9xf32, #dsa.sram>
  %i = dsa.buffer at 320 : memref<4x9xi32, #dsa.sram>
  // expected-error @+1 {{'dsa.topk' op k = 9 is outside [1, 8]}}
  %t = dsa.topk %a[] k 9 into %v[], %i[] : memref<4x8xf32, #dsa.sram>, memref<4x9xf32, #dsa.sram>, memref<4x9xi32, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @topk_indices() {
  %a = dsa.buffer at 0 : memref<4x8xf32, #dsa.sram>
  %v = dsa.buffer at 128 : memref<4x2xf32, #dsa.sram>
  %i = dsa.buffer at 192 : memref<4x2xf32, #dsa.sram>
  // expected-error @+1 {{'dsa.topk' op expects indices of 4x2 x 'i32', got 4x2 x 'f32'}}
  %t = dsa.topk %a[] k 2 into %v[], %i[] : memref<4x8xf32, #dsa.sram>, memref<4x2xf32, #dsa.sram>, memref<4x2xf32, #dsa.sram>
  dsa.wait %t
  return
}

// -----

func.func @types_count() {
  %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
  // expected-error @+1 {{custom op 'dsa.fill' has 1 more type(s) than tile operands}}
  %t = dsa.fill %a[] with 0.0 : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>
  dsa.wait %t
  return
}
