// RUN: mlir-py-opt %s | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | filecheck %s --check-prefix=GENERIC

// Custom syntax round-trips byte for byte as MLIR prints it (checked against iree-opt by
// tests/unit/test_iree_compat.py); the generic form carries the payload regions the custom form elides.

// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d0)>
// CHECK-DAG: #[[COL:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-DAG: #[[AT:.*]] = affine_map<(d0, d1, d2) -> (d2, d0)>
// GENERIC-DAG: #[[CONV_IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d4, d2 * 2 + d5, d3 * 2 + d6)>
// GENERIC-DAG: #[[DIL_IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1 + d4 * 2, d2 + d5 * 2, d6)>

#id2 = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
#bcast = affine_map<(d0, d1) -> (d1)>

// CHECK-LABEL: func.func @generic_reduce
//  CHECK-SAME:   (%[[A:.*]]: tensor<4x8xf32>, %[[I:.*]]: tensor<4xf32>)
//       CHECK:   %[[R:.*]] = linalg.generic {doc = "row sums", indexing_maps = [#[[ID]], #[[ROW]]], iterator_types = ["parallel", "reduction"], library_call = "row_sum"} ins(%[[A]] : tensor<4x8xf32>) outs(%[[I]] : tensor<4xf32>) attrs =  {test.tag} {
//  CHECK-NEXT:   ^bb0(%[[IN:.*]]: f32, %[[OUT:.*]]: f32):
//  CHECK-NEXT:     %[[S:.*]] = arith.addf %[[IN]], %[[OUT]] : f32
//  CHECK-NEXT:     linalg.yield %[[S]] : f32
//  CHECK-NEXT:   } -> tensor<4xf32>
//       CHECK:   return %[[R]]
// GENERIC-LABEL: "func.func"
//       GENERIC: "linalg.generic"(%{{.*}}, %{{.*}}) <{doc = "row sums", indexing_maps = [#{{.*}}, #{{.*}}], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<reduction>], library_call = "row_sum", operandSegmentSizes = array<i32: 1, 1>}> ({
//       GENERIC: }) {test.tag} : (tensor<4x8xf32>, tensor<4xf32>) -> tensor<4xf32>
func.func @generic_reduce(%a: tensor<4x8xf32>, %init: tensor<4xf32>) -> tensor<4xf32> {
  %0 = linalg.generic {indexing_maps = [#id2, #row], iterator_types = ["parallel", "reduction"], doc = "row sums", library_call = "row_sum"} ins(%a : tensor<4x8xf32>) outs(%init : tensor<4xf32>) attrs = {test.tag} {
  ^bb0(%x: f32, %acc: f32):
    %s = arith.addf %x, %acc : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// CHECK-LABEL: func.func @generic_memref_index
//       CHECK:   linalg.generic {indexing_maps = [#[[ID]], #[[COL]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%{{.*}}, %{{.*}} : memref<4x8xi32>, memref<8xi32>) outs(%{{.*}} : memref<4x8xi32>) {
//  CHECK-NEXT:   ^bb0(%in: i32, %in_0: i32, %out: i32):
//  CHECK-NEXT:     %[[J:.*]] = linalg.index 1 : index
//       CHECK:     linalg.yield %{{.*}} : i32
//  CHECK-NEXT:   }
//  CHECK-NEXT:   return
// GENERIC: "linalg.index"() <{dim = 1 : i64}> : () -> index
func.func @generic_memref_index(%a: memref<4x8xi32>, %b: memref<8xi32>, %out: memref<4x8xi32>) {
  linalg.generic {indexing_maps = [#id2, #bcast, #id2], iterator_types = ["parallel", "parallel"]} ins(%a, %b : memref<4x8xi32>, memref<8xi32>) outs(%out : memref<4x8xi32>) {
  ^bb0(%x: i32, %y: i32, %o: i32):
    %i = linalg.index 1 : index
    %c = arith.index_cast %i : index to i32
    %s = arith.addi %x, %y : i32
    %t = arith.addi %s, %c : i32
    linalg.yield %t : i32
  }
  return
}

// CHECK-LABEL: func.func @named
//  CHECK-SAME:   (%[[A:.*]]: tensor<4x8xf32>, %[[B:.*]]: tensor<8x16xf32>, %[[C:.*]]: tensor<4x16xf32>, %[[V:.*]]: tensor<8xf32>, %[[W:.*]]: tensor<4xf32>, %[[CST:.*]]: f32)
//       CHECK:   %[[F:.*]] = linalg.fill ins(%[[CST]] : f32) outs(%[[C]] : tensor<4x16xf32>) -> tensor<4x16xf32>
//       CHECK:   %[[M:.*]] = linalg.matmul ins(%[[A]], %[[B]] : tensor<4x8xf32>, tensor<8x16xf32>) outs(%[[F]] : tensor<4x16xf32>) -> tensor<4x16xf32>
//       CHECK:   linalg.matvec ins(%[[A]], %[[V]] : tensor<4x8xf32>, tensor<8xf32>) outs(%[[W]] : tensor<4xf32>) -> tensor<4xf32>
//       CHECK:   linalg.copy ins(%[[M]] : tensor<4x16xf32>) outs(%[[C]] : tensor<4x16xf32>) -> tensor<4x16xf32>
// GENERIC:      "linalg.fill"(%{{.*}}, %{{.*}}) <{operandSegmentSizes = array<i32: 1, 1>}> ({
// GENERIC-NEXT: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// GENERIC-NEXT:   "linalg.yield"(%[[X]]) : (f32) -> ()
// GENERIC:      "linalg.matmul"(%{{.*}}, %{{.*}}, %{{.*}}) <{indexing_maps = [#{{.*}}, #{{.*}}, #{{.*}}], operandSegmentSizes = array<i32: 2, 1>}> ({
// GENERIC-NEXT: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %[[Z:.*]]: f32):
// GENERIC-NEXT:   %[[P:.*]] = "arith.mulf"(%[[X]], %[[Y]]) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT:   %[[Q:.*]] = "arith.addf"(%[[Z]], %[[P]]) <{fastmath = #arith.fastmath<none>}> : (f32, f32) -> f32
// GENERIC-NEXT:   "linalg.yield"(%[[Q]]) : (f32) -> ()
// GENERIC:      }) {linalg.memoized_indexing_maps = [#{{.*}}, #{{.*}}, #{{.*}}]} : (tensor<4x8xf32>, tensor<8xf32>, tensor<4xf32>) -> tensor<4xf32>
func.func @named(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<4x16xf32>, %v: tensor<8xf32>, %w: tensor<4xf32>, %cst: f32) -> tensor<4x16xf32> {
  %f = linalg.fill ins(%cst : f32) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %m = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>) outs(%f : tensor<4x16xf32>) -> tensor<4x16xf32>
  %mv = linalg.matvec ins(%a, %v : tensor<4x8xf32>, tensor<8xf32>) outs(%w : tensor<4xf32>) -> tensor<4xf32>
  %cp = linalg.copy ins(%m : tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %cp : tensor<4x16xf32>
}

// CHECK-LABEL: func.func @named_memref
//       CHECK:   linalg.batch_matmul ins(%{{.*}}, %{{.*}} : memref<2x4x8xi8>, memref<2x8x16xi8>) outs(%{{.*}} : memref<2x4x16xi32>){{$}}
//       CHECK:   linalg.matmul indexing_maps = [#[[AT]], #{{.*}}, #{{.*}}] ins(%{{.*}}, %{{.*}} : memref<8x4xf32>, memref<8x8xf32>) outs(%{{.*}} : memref<4x8xf32>){{$}}
//       CHECK:   linalg.copy ins(%{{.*}} : memref<4x8xf32>) outs(%{{.*}} : memref<4x8xf32>){{$}}
// i8 x i8 -> i32 sign-extends the operands in the payload.
// GENERIC:      "linalg.batch_matmul"
// GENERIC-NEXT: ^bb0(%[[X:.*]]: i8, %[[Y:.*]]: i8, %[[Z:.*]]: i32):
// GENERIC-NEXT:   %[[X32:.*]] = "arith.extsi"(%[[X]]) : (i8) -> i32
// GENERIC-NEXT:   %[[Y32:.*]] = "arith.extsi"(%[[Y]]) : (i8) -> i32
// GENERIC-NEXT:   %[[P:.*]] = "arith.muli"(%[[X32]], %[[Y32]]) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
// GENERIC-NEXT:   "arith.addi"(%[[Z]], %[[P]])
func.func @named_memref(%a: memref<2x4x8xi8>, %b: memref<2x8x16xi8>, %c: memref<2x4x16xi32>, %t: memref<8x4xf32>, %u: memref<4x8xf32>, %w: memref<8x8xf32>) {
  linalg.batch_matmul ins(%a, %b : memref<2x4x8xi8>, memref<2x8x16xi8>) outs(%c : memref<2x4x16xi32>)
  linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (k, m)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>] ins(%t, %w : memref<8x4xf32>, memref<8x8xf32>) outs(%u : memref<4x8xf32>)
  linalg.copy ins(%u : memref<4x8xf32>) outs(%u : memref<4x8xf32>)
  return
}

// CHECK-LABEL: func.func @convs
//       CHECK:   linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%{{.*}}, %{{.*}} : tensor<1x3x16x16xf32>, tensor<8x3x3x3xf32>) outs(%{{.*}} : tensor<1x8x7x7xf32>) -> tensor<1x8x7x7xf32>
//       CHECK:   linalg.conv_2d_nhwc_hwcf {dilations = dense<2> : tensor<2xi64>} ins(%{{.*}}, %{{.*}} : memref<1x8x8x3xi8>, memref<3x3x3x4xi8>) outs(%{{.*}} : memref<1x3x3x4xi32>){{$}}
//       CHECK:   linalg.depthwise_conv_2d_nhwc_hwc ins(%{{.*}}, %{{.*}} : tensor<1x8x8x3xf16>, tensor<3x3x3xf16>) outs(%{{.*}} : tensor<1x6x6x3xf32>) -> tensor<1x6x6x3xf32>
// Strides and dilations enter the input map (#CONV_IN, #DIL_IN); the maps are memoized in the generic form.
// GENERIC: {linalg.memoized_indexing_maps = [#[[CONV_IN]], #{{.*}}, #{{.*}}]} : (tensor<1x3x16x16xf32>
// GENERIC: {linalg.memoized_indexing_maps = [#[[DIL_IN]], #{{.*}}, #{{.*}}]} : (memref<1x8x8x3xi8>
// GENERIC: "arith.extf"(%{{.*}}) : (f16) -> f32
func.func @convs(%i: tensor<1x3x16x16xf32>, %k: tensor<8x3x3x3xf32>, %o: tensor<1x8x7x7xf32>, %i2: memref<1x8x8x3xi8>, %k2: memref<3x3x3x4xi8>, %o2: memref<1x3x3x4xi32>, %dwi: tensor<1x8x8x3xf16>, %dwk: tensor<3x3x3xf16>, %dwo: tensor<1x6x6x3xf32>) -> tensor<1x8x7x7xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%i, %k : tensor<1x3x16x16xf32>, tensor<8x3x3x3xf32>) outs(%o : tensor<1x8x7x7xf32>) -> tensor<1x8x7x7xf32>
  linalg.conv_2d_nhwc_hwcf {dilations = dense<2> : tensor<2xi64>} ins(%i2, %k2 : memref<1x8x8x3xi8>, memref<3x3x3x4xi8>) outs(%o2 : memref<1x3x3x4xi32>)
  %1 = linalg.depthwise_conv_2d_nhwc_hwc ins(%dwi, %dwk : tensor<1x8x8x3xf16>, tensor<3x3x3xf16>) outs(%dwo : tensor<1x6x6x3xf32>) -> tensor<1x6x6x3xf32>
  return %0 : tensor<1x8x7x7xf32>
}

// CHECK-LABEL: func.func @pooling
//       CHECK:   %[[P:.*]] = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%{{.*}}, %{{.*}} : tensor<1x3x8x8xf32>, tensor<2x2xf32>) outs(%{{.*}} : tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
//       CHECK:   linalg.pooling_nchw_sum {strides = dense<2> : tensor<2xi64>} ins(%{{.*}}, %{{.*}} : tensor<1x3x8x8xf32>, tensor<2x2xf32>) outs(%[[P]] : tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
//       CHECK:   linalg.pooling_nhwc_max ins(%{{.*}}, %{{.*}} : memref<1x8x8x3xi32>, memref<3x3xi32>) outs(%{{.*}} : memref<1x6x6x3xi32>){{$}}
// GENERIC:      "linalg.pooling_nchw_max"
// GENERIC-NEXT: ^bb0(%[[I:.*]]: f32, %{{.*}}: f32, %[[O:.*]]: f32):
// GENERIC-NEXT:   "arith.maximumf"(%[[O]], %[[I]])
// GENERIC:      "linalg.pooling_nchw_sum"
// GENERIC-NEXT: ^bb0(%[[I:.*]]: f32, %{{.*}}: f32, %[[O:.*]]: f32):
// GENERIC-NEXT:   "arith.addf"(%[[O]], %[[I]])
// GENERIC:      "linalg.pooling_nhwc_max"
// GENERIC-NEXT: ^bb0(%[[I:.*]]: i32, %{{.*}}: i32, %[[O:.*]]: i32):
// GENERIC-NEXT:   "arith.maxsi"(%[[O]], %[[I]])
func.func @pooling(%i: tensor<1x3x8x8xf32>, %k: tensor<2x2xf32>, %o: tensor<1x3x4x4xf32>, %ii: memref<1x8x8x3xi32>, %ki: memref<3x3xi32>, %oi: memref<1x6x6x3xi32>) -> tensor<1x3x4x4xf32> {
  %0 = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%i, %k : tensor<1x3x8x8xf32>, tensor<2x2xf32>) outs(%o : tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
  %1 = linalg.pooling_nchw_sum {strides = dense<2> : tensor<2xi64>} ins(%i, %k : tensor<1x3x8x8xf32>, tensor<2x2xf32>) outs(%0 : tensor<1x3x4x4xf32>) -> tensor<1x3x4x4xf32>
  linalg.pooling_nhwc_max ins(%ii, %ki : memref<1x8x8x3xi32>, memref<3x3xi32>) outs(%oi : memref<1x6x6x3xi32>)
  return %1 : tensor<1x3x4x4xf32>
}

// CHECK-LABEL: func.func @map_reduce
//       CHECK:   %[[M:.*]] = linalg.map { arith.addf } ins(%{{.*}}, %{{.*}} : tensor<4x8xf32>, tensor<4x8xf32>) outs(%[[INIT:.*]] : tensor<4x8xf32>)
//  CHECK-NEXT:   %[[M2:.*]] = linalg.map ins(%[[M]] : tensor<4x8xf32>) outs(%[[INIT]] : tensor<4x8xf32>)
//  CHECK-NEXT:     (%[[IN:.*]]: f32, %[[IO:.*]]: f32) {
//  CHECK-NEXT:       %[[E:.*]] = math.exp %[[IN]] : f32
//  CHECK-NEXT:       %[[S:.*]] = arith.mulf %[[E]], %[[IN]] : f32
//  CHECK-NEXT:       linalg.yield %[[S]] : f32
//  CHECK-NEXT:     }
//  CHECK-NEXT:   %[[R:.*]] = linalg.reduce { arith.maximumf } ins(%[[M2]] : tensor<4x8xf32>) outs(%{{.*}} : tensor<4xf32>) dimensions = [1] {{$}}
//  CHECK-NEXT:   linalg.reduce ins(%[[M2]] : tensor<4x8xf32>) outs(%[[R]] : tensor<4xf32>) dimensions = [1]  {test.tag}
//  CHECK-NEXT:     (%[[IN:.*]]: f32, %[[ACC:.*]]: f32) {
//  CHECK-NEXT:       %[[P:.*]] = arith.mulf %[[IN]], %[[IN]] : f32
//  CHECK-NEXT:       %[[Q:.*]] = arith.addf %[[P]], %[[ACC]] : f32
//  CHECK-NEXT:       linalg.yield %[[Q]] : f32
//  CHECK-NEXT:     }
// The short forms build one block argument per operand; reduce's payload takes the init first.
// GENERIC:      "linalg.map"(%{{.*}}, %{{.*}}, %{{.*}}) ({
// GENERIC-NEXT: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
// GENERIC-NEXT:   %[[S:.*]] = "arith.addf"(%[[X]], %[[Y]])
// GENERIC-NEXT:   "linalg.yield"(%[[S]]) : (f32) -> ()
// GENERIC:      "linalg.reduce"(%{{.*}}, %{{.*}}) <{dimensions = array<i64: 1>}> ({
// GENERIC-NEXT: ^bb0(%[[X:.*]]: f32, %[[ACC:.*]]: f32):
// GENERIC-NEXT:   "arith.maximumf"(%[[ACC]], %[[X]])
func.func @map_reduce(%a: tensor<4x8xf32>, %b: tensor<4x8xf32>, %init: tensor<4x8xf32>, %r: tensor<4xf32>) -> tensor<4xf32> {
  %0 = linalg.map { arith.addf } ins(%a, %b : tensor<4x8xf32>, tensor<4x8xf32>) outs(%init : tensor<4x8xf32>)
  %1 = linalg.map ins(%0 : tensor<4x8xf32>) outs(%init : tensor<4x8xf32>)
    (%x: f32, %o: f32) {
      %e = math.exp %x : f32
      %s = arith.mulf %e, %x : f32
      linalg.yield %s : f32
    }
  %2 = linalg.reduce { arith.maximumf } ins(%1 : tensor<4x8xf32>) outs(%r : tensor<4xf32>) dimensions = [1]
  %3 = linalg.reduce ins(%1 : tensor<4x8xf32>) outs(%2 : tensor<4xf32>) dimensions = [1] {test.tag}
    (%x: f32, %acc: f32) {
      %m = arith.mulf %x, %x : f32
      %s = arith.addf %m, %acc : f32
      linalg.yield %s : f32
    }
  return %3 : tensor<4xf32>
}

// CHECK-LABEL: func.func @transpose_broadcast
//       CHECK:   %{{.*}} = linalg.transpose ins(%{{.*}} : tensor<4x8xf32>) outs(%{{.*}} : tensor<8x4xf32>) permutation = [1, 0] {{$}}
//       CHECK:   linalg.broadcast ins(%{{.*}} : memref<8xi64>) outs(%{{.*}} : memref<8x3xi64>) dimensions = [1] {{$}}
// GENERIC:      "linalg.transpose"(%{{.*}}, %{{.*}}) <{permutation = array<i64: 1, 0>}> ({
// GENERIC-NEXT: ^bb0(%[[X:.*]]: f32, %{{.*}}: f32):
// GENERIC-NEXT:   "linalg.yield"(%[[X]]) : (f32) -> ()
// GENERIC:      "linalg.broadcast"(%{{.*}}, %{{.*}}) <{dimensions = array<i64: 1>}> ({
func.func @transpose_broadcast(%a: tensor<4x8xf32>, %t: tensor<8x4xf32>, %v: memref<8xi64>, %b: memref<8x3xi64>) -> tensor<8x4xf32> {
  %0 = linalg.transpose ins(%a : tensor<4x8xf32>) outs(%t : tensor<8x4xf32>) permutation = [1, 0]
  linalg.broadcast ins(%v : memref<8xi64>) outs(%b : memref<8x3xi64>) dimensions = [1]
  return %0 : tensor<8x4xf32>
}

// CHECK-LABEL: func.func @pack_unpack
//  CHECK-SAME:   %[[N:[a-z0-9]+]]: index
//       CHECK:   linalg.pack %{{.*}} padding_value(%{{.*}} : f32) outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [8, 8] into %{{.*}} : tensor<13x15xf32> -> tensor<2x2x8x8xf32>
//       CHECK:   %[[P:.*]] = linalg.pack %{{.*}} inner_dims_pos = [0, 1] inner_tiles = [8, %[[N]]] into %{{.*}} : tensor<16x16xf32> -> tensor<2x?x8x?xf32>
//       CHECK:   linalg.unpack %[[P]] inner_dims_pos = [0, 1] inner_tiles = [8, %[[N]]] into %{{.*}} : tensor<2x?x8x?xf32> -> tensor<16x16xf32>
// GENERIC: "linalg.pack"(%{{.*}}, %{{.*}}, %{{.*}}) <{inner_dims_pos = array<i64: 0, 1>, operandSegmentSizes = array<i32: 1, 1, 1, 0>, outer_dims_perm = array<i64: 1, 0>, static_inner_tiles = array<i64: 8, 8>}>
// GENERIC: "linalg.pack"(%{{.*}}, %{{.*}}, %{{.*}}) <{inner_dims_pos = array<i64: 0, 1>, operandSegmentSizes = array<i32: 1, 1, 0, 1>, static_inner_tiles = array<i64: 8, -9223372036854775808>}>
// As MLIR, unpack's custom parser leaves a discardable operandSegmentSizes.
// GENERIC: "linalg.unpack"(%{{.*}}, %{{.*}}, %{{.*}}) <{inner_dims_pos = array<i64: 0, 1>, static_inner_tiles = array<i64: 8, -9223372036854775808>}> {operandSegmentSizes = array<i32: 1, 1, 0, 1>}
func.func @pack_unpack(%s: tensor<13x15xf32>, %d: tensor<2x2x8x8xf32>, %cst: f32, %n: index, %dd: tensor<2x?x8x?xf32>, %u: tensor<16x16xf32>) -> tensor<16x16xf32> {
  %0 = linalg.pack %s padding_value(%cst : f32) outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [8, 8] into %d : tensor<13x15xf32> -> tensor<2x2x8x8xf32>
  %1 = linalg.pack %u inner_dims_pos = [0, 1] inner_tiles = [8, %n] into %dd : tensor<16x16xf32> -> tensor<2x?x8x?xf32>
  %2 = linalg.unpack %1 inner_dims_pos = [0, 1] inner_tiles = [8, %n] into %u : tensor<2x?x8x?xf32> -> tensor<16x16xf32>
  return %2 : tensor<16x16xf32>
}

