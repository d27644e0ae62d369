// Programs made of the upstream dialects (tensor, memref, scf, cf, math, linalg) run in the interpreter.
// RUN: mlir-py-run %s --entry=tiled_matmul --print | filecheck %s --check-prefix=TILED
// RUN: mlir-py-run %s --entry=pad_generate --print | filecheck %s --check-prefix=PAD
// RUN: mlir-py-run %s --entry=memref_loops --print | filecheck %s --check-prefix=LOOPS
// RUN: mlir-py-run %s --entry=conv_pool --print | filecheck %s --check-prefix=CONV
// RUN: not mlir-py-run %s --entry=oob_extract 2>&1 | filecheck %s --check-prefix=OOB
// RUN: not mlir-py-run %s --entry=oob_generic 2>&1 | filecheck %s --check-prefix=OOBG
// RUN: not mlir-py-run %s --entry=failed_assert 2>&1 | filecheck %s --check-prefix=ASSERT

// A 4x4 matmul tiled by 2x2 with scf.for + extract_slice/insert_slice equals the untiled linalg.matmul.
// TILED:      result #0: tensor<4x4xi32> = {{\[}}[56, 62, 68, 74],
// TILED-NEXT:                               [152, 174, 196, 218],
// TILED-NEXT:                               [248, 286, 324, 362],
// TILED-NEXT:                               [344, 398, 452, 506]]
// TILED-NEXT: result #1: tensor<4x4xi32> = {{\[}}[56, 62, 68, 74],
// TILED-NEXT:                               [152, 174, 196, 218],
// TILED-NEXT:                               [248, 286, 324, 362],
// TILED-NEXT:                               [344, 398, 452, 506]]
func.func @tiled_matmul() -> (tensor<4x4xi32>, tensor<4x4xi32>) {
  %a = arith.constant dense<[[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11], [12, 13, 14, 15]]> : tensor<4x4xi32>
  %zero = arith.constant 0 : i32
  %e = tensor.empty() : tensor<4x4xi32>
  %init = linalg.fill ins(%zero : i32) outs(%e : tensor<4x4xi32>) -> tensor<4x4xi32>
  %ref = linalg.matmul ins(%a, %a : tensor<4x4xi32>, tensor<4x4xi32>) outs(%init : tensor<4x4xi32>) -> tensor<4x4xi32>
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %r = scf.for %i = %c0 to %c4 step %c2 iter_args(%acc = %init) -> (tensor<4x4xi32>) {
    %r2 = scf.for %j = %c0 to %c4 step %c2 iter_args(%acc2 = %acc) -> (tensor<4x4xi32>) {
      %l = tensor.extract_slice %a[%i, 0] [2, 4] [1, 1] : tensor<4x4xi32> to tensor<2x4xi32>
      %rr = tensor.extract_slice %a[0, %j] [4, 2] [1, 1] : tensor<4x4xi32> to tensor<4x2xi32>
      %o = tensor.extract_slice %acc2[%i, %j] [2, 2] [1, 1] : tensor<4x4xi32> to tensor<2x2xi32>
      %m = linalg.matmul ins(%l, %rr : tensor<2x4xi32>, tensor<4x2xi32>) outs(%o : tensor<2x2xi32>) -> tensor<2x2xi32>
      %u = tensor.insert_slice %m into %acc2[%i, %j] [2, 2] [1, 1] : tensor<2x2xi32> into tensor<4x4xi32>
      scf.yield %u : tensor<4x4xi32>
    }
    scf.yield %r2 : tensor<4x4xi32>
  }
  return %r, %ref : tensor<4x4xi32>, tensor<4x4xi32>
}

// PAD:      result #0: tensor<3x4xi32> = {{\[}}[-1, -1, -1, -1],
// PAD-NEXT:                               [-1, 1, 2, 3],
// PAD-NEXT:                               [-1, -1, -1, -1]]
// PAD-NEXT: result #1: tensor<2x3xindex> = {{\[}}[0, 1, 2],
// PAD-NEXT:                                 [1, 2, 3]]
func.func @pad_generate() -> (tensor<3x4xi32>, tensor<2x3xindex>) {
  %t = arith.constant dense<[[1, 2, 3]]> : tensor<1x3xi32>
  %m1 = arith.constant -1 : i32
  %p = tensor.pad %t low[1, 1] high[1, 0] {
  ^bb0(%i: index, %j: index):
    tensor.yield %m1 : i32
  } : tensor<1x3xi32> to tensor<3x4xi32>
  %g = tensor.generate {
  ^bb0(%i: index, %j: index):
    %s = arith.addi %i, %j : index
    tensor.yield %s : index
  } : tensor<2x3xindex>
  return %p, %g : tensor<3x4xi32>, tensor<2x3xindex>
}

// Prefix sums into a memref with a cf loop, then a math op over it with linalg.map.
// LOOPS:      result #0: memref<5xf32> = [0.0, 1.0, 3.0, 6.0, 10.0]
// LOOPS-NEXT: result #1: memref<5xf32> = [0.0, 1.0, 1.7320508, 2.4494898, 3.1622777]
func.func @memref_loops() -> (memref<5xf32>, memref<5xf32>) {
  %m = memref.alloc() : memref<5xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c5 = arith.constant 5 : index
  %z = arith.constant 0.0 : f32
  cf.br ^loop(%c0, %z : index, f32)
^loop(%i: index, %acc: f32):
  %done = arith.cmpi eq, %i, %c5 : index
  cf.cond_br %done, ^exit, ^body
^body:
  %ii = arith.index_cast %i : index to i32
  %f = arith.sitofp %ii : i32 to f32
  %next = arith.addf %acc, %f : f32
  memref.store %next, %m[%i] : memref<5xf32>
  %i1 = arith.addi %i, %c1 : index
  cf.br ^loop(%i1, %next : index, f32)
^exit:
  %s = memref.alloc() : memref<5xf32>
  linalg.map { math.sqrt } ins(%m : memref<5xf32>) outs(%s : memref<5xf32>)
  return %m, %s : memref<5xf32>, memref<5xf32>
}

// A 2x2 stride-1 convolution with a ones kernel sums windows; max pooling with stride 2.
// CONV:      result #0: tensor<1x1x2x2xf32> = {{\[}}{{\[}}{{\[}}[8.0, 12.0],
// CONV-NEXT:                                     [20.0, 24.0]]]]
// CONV-NEXT: result #1: tensor<1x1x1x1xf32> = {{\[}}{{\[}}{{\[}}[8.0]]]]
func.func @conv_pool() -> (tensor<1x1x2x2xf32>, tensor<1x1x1x1xf32>) {
  %x = arith.constant dense<[[[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]]]]> : tensor<1x1x3x3xf32>
  %k = arith.constant dense<1.0> : tensor<1x1x2x2xf32>
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x1x2x2xf32>
  %o = linalg.fill ins(%z : f32) outs(%e : tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  %c = linalg.conv_2d_nchw_fchw ins(%x, %k : tensor<1x1x3x3xf32>, tensor<1x1x2x2xf32>) outs(%o : tensor<1x1x2x2xf32>) -> tensor<1x1x2x2xf32>
  %w = tensor.empty() : tensor<2x2xf32>
  %ninf = arith.constant 0xFF800000 : f32
  %pe = tensor.empty() : tensor<1x1x1x1xf32>
  %po = linalg.fill ins(%ninf : f32) outs(%pe : tensor<1x1x1x1xf32>) -> tensor<1x1x1x1xf32>
  %p = linalg.pooling_nchw_max {dilations = dense<2> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%x, %w : tensor<1x1x3x3xf32>, tensor<2x2xf32>) outs(%po : tensor<1x1x1x1xf32>) -> tensor<1x1x1x1xf32>
  return %c, %p : tensor<1x1x2x2xf32>, tensor<1x1x1x1xf32>
}

// OOB: upstream-dialects.mlir:[[# @LINE + 4]]:8: error: 'tensor.extract' op out-of-bounds access: index 3 in dimension 0 of a tensor of shape [3] (undefined behavior)
func.func @oob_extract() -> i32 {
  %t = arith.constant dense<[1, 2, 3]> : tensor<3xi32>
  %c3 = arith.constant 3 : index
  %x = tensor.extract %t[%c3] : tensor<3xi32>
  return %x : i32
}

// OOBG: upstream-dialects.mlir:[[# @LINE + 5]]:8: error: 'linalg.generic' op operand #0 is accessed at index 3 of dimension 0 (size 3) (out of bounds, undefined behavior)
func.func @oob_generic() -> tensor<?xi32> {
  %t = arith.constant dense<[1, 2, 3]> : tensor<3xi32>
  %d = tensor.cast %t : tensor<3xi32> to tensor<?xi32>
  %o = tensor.empty() : tensor<3xi32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0 + 1)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%d : tensor<?xi32>) outs(%o : tensor<3xi32>) {
  ^bb0(%x: i32, %y: i32):
    linalg.yield %x : i32
  } -> tensor<3xi32>
  %c = tensor.cast %r : tensor<3xi32> to tensor<?xi32>
  return %c : tensor<?xi32>
}

// ASSERT: upstream-dialects.mlir:[[# @LINE + 3]]:3: error: 'cf.assert' op assertion failed: n must be even
func.func @failed_assert() {
  %f = arith.constant false
  cf.assert %f, "n must be even"
  return
}
