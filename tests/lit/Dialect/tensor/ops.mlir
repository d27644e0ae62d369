// RUN: mlir-py-opt %s | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | filecheck %s --check-prefix=GENERIC

// Round trip of every tensor op in custom syntax (mlir/test/Dialect/Tensor/ops.mlir), through the custom and the
// generic form. The GENERIC lines pin the generic spelling of the mixed static/dynamic lists (MLIR's kDynamic,
// operandSegmentSizes, property names).

// GENERIC: "tensor.extract_slice"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) <{operandSegmentSizes = array<i32: 1, 2, 1, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808, 0>, static_sizes = array<i64: -9223372036854775808, 4, 1>, static_strides = array<i64: 1, 2, 1>}> : (tensor<8x16x4xf32>, index, index, index) -> tensor<?x4xf32>
// GENERIC: "tensor.insert_slice"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) <{operandSegmentSizes = array<i32: 1, 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 4, 4>, static_strides = array<i64: 2, 3>}>
// GENERIC: "tensor.pad"(%{{.*}}, %{{.*}}, %{{.*}}) <{nofold, operandSegmentSizes = array<i32: 1, 1, 1>, static_high = array<i64: 0, -9223372036854775808>, static_low = array<i64: -9223372036854775808, 0>}> ({
// GENERIC: "tensor.yield"(%{{.*}}) : (f32) -> ()
// GENERIC: "tensor.collapse_shape"(%{{.*}}) <{reassociation = {{\[\[}}0, 1], [2]]}> : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
// GENERIC: "tensor.expand_shape"(%{{.*}}, %{{.*}}) <{reassociation = {{\[\[}}0, 1], [2]], static_output_shape = array<i64: -9223372036854775808, 2, 4>}> : (tensor<?x4xf32>, index) -> tensor<?x2x4xf32>
// GENERIC: "tensor.concat"(%{{.*}}, %{{.*}}) <{dim = 0 : i64}> : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<5x4xf32>

// CHECK-LABEL: func.func @empty
//  CHECK-SAME: (%[[N:[a-zA-Z0-9_]+]]: index, %[[M:[a-zA-Z0-9_]+]]: index) -> (tensor<4x8xf32>, tensor<?x8xi32>, tensor<?x?x2xbf16>, tensor<f64>) {
func.func @empty(%n: index, %m: index) -> (tensor<4x8xf32>, tensor<?x8xi32>, tensor<?x?x2xbf16>, tensor<f64>) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = tensor.empty() : tensor<4x8xf32>
  %0 = tensor.empty() : tensor<4x8xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = tensor.empty(%[[N]]) : tensor<?x8xi32>
  %1 = tensor.empty(%n) : tensor<?x8xi32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = tensor.empty(%[[N]], %[[M]]) : tensor<?x?x2xbf16>
  %2 = tensor.empty(%n, %m) : tensor<?x?x2xbf16>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = tensor.empty() : tensor<f64>
  %3 = tensor.empty() : tensor<f64>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = tensor.empty() : tensor<0x3xi1>
  %4 = tensor.empty() : tensor<0x3xi1>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = tensor.empty(%[[M]]) {foo = "bar"} : tensor<1x?xindex>
  %5 = tensor.empty(%m) {foo = "bar"} : tensor<1x?xindex>
  // CHECK: return %[[V0]], %[[V1]], %[[V2]], %[[V3]] : tensor<4x8xf32>, tensor<?x8xi32>, tensor<?x?x2xbf16>, tensor<f64>
  return %0, %1, %2, %3 : tensor<4x8xf32>, tensor<?x8xi32>, tensor<?x?x2xbf16>, tensor<f64>
}

// CHECK-LABEL: func.func @extract_insert
//  CHECK-SAME: (%[[T:[a-zA-Z0-9_]+]]: tensor<4x?xf32>, %[[S:[a-zA-Z0-9_]+]]: tensor<i32>, %[[B:[a-zA-Z0-9_]+]]: tensor<2xi1>, %[[I:[a-zA-Z0-9_]+]]: index, %[[J:[a-zA-Z0-9_]+]]: index, %[[F:[a-zA-Z0-9_]+]]: f32) -> tensor<4x?xf32> {
func.func @extract_insert(%t: tensor<4x?xf32>, %s: tensor<i32>, %b: tensor<2xi1>, %i: index, %j: index, %f: f32) -> tensor<4x?xf32> {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = tensor.extract %[[T]][%[[I]], %[[J]]] : tensor<4x?xf32>
  %0 = tensor.extract %t[%i, %j] : tensor<4x?xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = tensor.extract %[[S]][] : tensor<i32>
  %1 = tensor.extract %s[] : tensor<i32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = tensor.extract %[[B]][%[[I]]] : tensor<2xi1>
  %2 = tensor.extract %b[%i] : tensor<2xi1>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = tensor.insert %[[F]] into %[[T]][%[[I]], %[[J]]] : tensor<4x?xf32>
  %3 = tensor.insert %f into %t[%i, %j] : tensor<4x?xf32>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = tensor.insert %[[V1]] into %[[S]][] : tensor<i32>
  %4 = tensor.insert %1 into %s[] : tensor<i32>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = tensor.insert %[[V2]] into %[[B]][%[[J]]] {tag} : tensor<2xi1>
  %5 = tensor.insert %2 into %b[%j] {tag} : tensor<2xi1>
  // CHECK: %[[V6:[a-zA-Z0-9_]+]] = tensor.insert %[[V0]] into %[[V3]][%[[J]], %[[I]]] : tensor<4x?xf32>
  %6 = tensor.insert %0 into %3[%j, %i] : tensor<4x?xf32>
  // CHECK: return %[[V6]] : tensor<4x?xf32>
  return %6 : tensor<4x?xf32>
}

// CHECK-LABEL: func.func @extract_slice
//  CHECK-SAME: (%[[T:[a-zA-Z0-9_]+]]: tensor<8x16x4xf32>, %[[D:[a-zA-Z0-9_]+]]: tensor<?x?xi8>, %[[I:[a-zA-Z0-9_]+]]: index, %[[J:[a-zA-Z0-9_]+]]: index, %[[K:[a-zA-Z0-9_]+]]: index) {
func.func @extract_slice(%t: tensor<8x16x4xf32>, %d: tensor<?x?xi8>, %i: index, %j: index, %k: index) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = tensor.extract_slice %[[T]][0, 0, 0] [8, 16, 4] [1, 1, 1] : tensor<8x16x4xf32> to tensor<8x16x4xf32>
  %0 = tensor.extract_slice %t[0, 0, 0] [8, 16, 4] [1, 1, 1] : tensor<8x16x4xf32> to tensor<8x16x4xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = tensor.extract_slice %[[T]][1, 2, 0] [4, 8, 2] [1, 1, 2] : tensor<8x16x4xf32> to tensor<4x8x2xf32>
  %1 = tensor.extract_slice %t[1, 2, 0] [4, 8, 2] [1, 1, 2] : tensor<8x16x4xf32> to tensor<4x8x2xf32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = tensor.extract_slice %[[T]][%[[I]], %[[J]], 0] [%[[K]], 4, 1] [1, 2, 1] : tensor<8x16x4xf32> to tensor<?x4xf32>
  %2 = tensor.extract_slice %t[%i, %j, 0] [%k, 4, 1] [1, 2, 1] : tensor<8x16x4xf32> to tensor<?x4xf32>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = tensor.extract_slice %[[T]][0, %[[I]], 0] [1, 1, 4] [1, 1, 1] : tensor<8x16x4xf32> to tensor<4xf32>
  %3 = tensor.extract_slice %t[0, %i, 0] [1, 1, 4] [1, 1, 1] : tensor<8x16x4xf32> to tensor<4xf32>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = tensor.extract_slice %[[T]][0, 0, 0] [1, 1, 1] [1, 1, 1] : tensor<8x16x4xf32> to tensor<f32>
  %4 = tensor.extract_slice %t[0, 0, 0] [1, 1, 1] [1, 1, 1] : tensor<8x16x4xf32> to tensor<f32>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = tensor.extract_slice %[[D]][%[[I]], %[[J]]] [%[[K]], %[[K]]] [%[[J]], %[[I]]] : tensor<?x?xi8> to tensor<?x?xi8>
  %5 = tensor.extract_slice %d[%i, %j] [%k, %k] [%j, %i] : tensor<?x?xi8> to tensor<?x?xi8>
  // CHECK: %[[V6:[a-zA-Z0-9_]+]] = tensor.extract_slice %[[D]][0, 0] [1, %[[K]]] [1, 1] : tensor<?x?xi8> to tensor<1x?xi8>
  %6 = tensor.extract_slice %d[0, 0] [1, %k] [1, 1] : tensor<?x?xi8> to tensor<1x?xi8>
  // CHECK: %[[V7:[a-zA-Z0-9_]+]] = tensor.extract_slice %[[D]][2, 3] [4, 1] [1, 1] {attr = 3 : i32} : tensor<?x?xi8> to tensor<4xi8>
  %7 = tensor.extract_slice %d[2, 3] [4, 1] [1, 1] {attr = 3 : i32} : tensor<?x?xi8> to tensor<4xi8>
  // CHECK: %[[V8:[a-zA-Z0-9_]+]] = tensor.extract_slice %[[T]][7, 15, 3] [1, 1, 1] [1, 1, 1] : tensor<8x16x4xf32> to tensor<1x1xf32>
  %8 = tensor.extract_slice %t[7, 15, 3] [1, 1, 1] [1, 1, 1] : tensor<8x16x4xf32> to tensor<1x1xf32>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @insert_slice
//  CHECK-SAME: (%[[T:[a-zA-Z0-9_]+]]: tensor<8x16xf32>, %[[S:[a-zA-Z0-9_]+]]: tensor<4x4xf32>, %[[R:[a-zA-Z0-9_]+]]: tensor<4xf32>, %[[D:[a-zA-Z0-9_]+]]: tensor<?x?xf32>, %[[I:[a-zA-Z0-9_]+]]: index, %[[J:[a-zA-Z0-9_]+]]: index) -> tensor<8x16xf32> {
func.func @insert_slice(%t: tensor<8x16xf32>, %s: tensor<4x4xf32>, %r: tensor<4xf32>, %d: tensor<?x?xf32>, %i: index, %j: index) -> tensor<8x16xf32> {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = tensor.insert_slice %[[S]] into %[[T]][0, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x16xf32>
  %0 = tensor.insert_slice %s into %t[0, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x16xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = tensor.insert_slice %[[S]] into %[[V0]][%[[I]], %[[J]]] [4, 4] [2, 3] : tensor<4x4xf32> into tensor<8x16xf32>
  %1 = tensor.insert_slice %s into %0[%i, %j] [4, 4] [2, 3] : tensor<4x4xf32> into tensor<8x16xf32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = tensor.insert_slice %[[R]] into %[[V1]][%[[I]], 0] [1, 4] [1, 1] : tensor<4xf32> into tensor<8x16xf32>
  %2 = tensor.insert_slice %r into %1[%i, 0] [1, 4] [1, 1] : tensor<4xf32> into tensor<8x16xf32>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = tensor.insert_slice %[[D]] into %[[V2]][0, 0] [%[[I]], %[[J]]] [1, 1] : tensor<?x?xf32> into tensor<8x16xf32>
  %3 = tensor.insert_slice %d into %2[0, 0] [%i, %j] [1, 1] : tensor<?x?xf32> into tensor<8x16xf32>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = tensor.insert_slice %[[S]] into %[[D]][%[[J]], %[[I]]] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<?x?xf32>
  %4 = tensor.insert_slice %s into %d[%j, %i] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<?x?xf32>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = tensor.insert_slice %[[R]] into %[[V3]][4, 12] [4, 1] [1, 1] {note = "col"} : tensor<4xf32> into tensor<8x16xf32>
  %5 = tensor.insert_slice %r into %3[4, 12] [4, 1] [1, 1] {note = "col"} : tensor<4xf32> into tensor<8x16xf32>
  // CHECK: return %[[V5]] : tensor<8x16xf32>
  return %5 : tensor<8x16xf32>
}

// CHECK-LABEL: func.func @pad
//  CHECK-SAME: (%[[T:[a-zA-Z0-9_]+]]: tensor<8x16xf32>, %[[D:[a-zA-Z0-9_]+]]: tensor<?x4xi32>, %[[I:[a-zA-Z0-9_]+]]: index, %[[J:[a-zA-Z0-9_]+]]: index, %[[V:[a-zA-Z0-9_]+]]: f32, %[[W:[a-zA-Z0-9_]+]]: i32) {
func.func @pad(%t: tensor<8x16xf32>, %d: tensor<?x4xi32>, %i: index, %j: index, %v: f32, %w: i32) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = tensor.pad %[[T]] low[1, 2] high[3, 4] {
  %0 = tensor.pad %t low[1, 2] high[3, 4] {
  // CHECK: ^bb0(%[[A:[a-zA-Z0-9_]+]]: index, %[[B:[a-zA-Z0-9_]+]]: index):
  ^bb0(%a: index, %b: index):
    // CHECK: tensor.yield %[[V]] : f32
    tensor.yield %v : f32
  // CHECK: } : tensor<8x16xf32> to tensor<12x22xf32>
  } : tensor<8x16xf32> to tensor<12x22xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = tensor.pad %[[T]] nofold low[%[[I]], 0] high[0, %[[J]]] {
  %1 = tensor.pad %t nofold low[%i, 0] high[0, %j] {
  // CHECK: ^bb0(%[[A:[a-zA-Z0-9_]+]]: index, %[[B:[a-zA-Z0-9_]+]]: index):
  ^bb0(%a: index, %b: index):
    // CHECK: tensor.yield %[[V]] : f32
    tensor.yield %v : f32
  // CHECK: } : tensor<8x16xf32> to tensor<?x?xf32>
  } : tensor<8x16xf32> to tensor<?x?xf32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = tensor.pad %[[D]] low[0, 1] high[0, 1] {
  %2 = tensor.pad %d low[0, 1] high[0, 1] {
  // CHECK: ^bb0(%[[A:[a-zA-Z0-9_]+]]: index, %[[B:[a-zA-Z0-9_]+]]: index):
  ^bb0(%a: index, %b: index):
    // CHECK: %[[C:[a-zA-Z0-9_]+]] = arith.index_cast %[[A]] : index to i32
    %c = arith.index_cast %a : index to i32
    // CHECK: %[[E:[a-zA-Z0-9_]+]] = arith.addi %[[C]], %[[W]] : i32
    %e = arith.addi %c, %w : i32
    // CHECK: tensor.yield %[[E]] : i32
    tensor.yield %e : i32
  // CHECK: } : tensor<?x4xi32> to tensor<?x6xi32>
  } : tensor<?x4xi32> to tensor<?x6xi32>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = tensor.pad %[[T]] low[0, 0] high[0, 0] {
  %3 = tensor.pad %t low[0, 0] high[0, 0] {
  // CHECK: ^bb0(%[[A:[a-zA-Z0-9_]+]]: index, %[[B:[a-zA-Z0-9_]+]]: index):
  ^bb0(%a: index, %b: index):
    // CHECK: tensor.yield %[[V]] : f32
    tensor.yield %v : f32
  // CHECK: } {attr} : tensor<8x16xf32> to tensor<8x16xf32>
  } {attr} : tensor<8x16xf32> to tensor<8x16xf32>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = tensor.pad %[[T]] low[%[[I]], %[[I]]] high[%[[J]], 1] {
  %4 = tensor.pad %t low[%i, %i] high[%j, 1] {
  // CHECK: ^bb0(%[[A:[a-zA-Z0-9_]+]]: index, %[[B:[a-zA-Z0-9_]+]]: index):
  ^bb0(%a: index, %b: index):
    // CHECK: tensor.yield %[[V]] : f32
    tensor.yield %v : f32
  // CHECK: } : tensor<8x16xf32> to tensor<?x?xf32>
  } : tensor<8x16xf32> to tensor<?x?xf32>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @cast
//  CHECK-SAME: (%[[T:[a-zA-Z0-9_]+]]: tensor<4x8xf32>, %[[D:[a-zA-Z0-9_]+]]: tensor<?x?xf32>, %[[U:[a-zA-Z0-9_]+]]: tensor<*xf32>) {
func.func @cast(%t: tensor<4x8xf32>, %d: tensor<?x?xf32>, %u: tensor<*xf32>) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = tensor.cast %[[T]] : tensor<4x8xf32> to tensor<?x8xf32>
  %0 = tensor.cast %t : tensor<4x8xf32> to tensor<?x8xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = tensor.cast %[[T]] : tensor<4x8xf32> to tensor<?x?xf32>
  %1 = tensor.cast %t : tensor<4x8xf32> to tensor<?x?xf32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = tensor.cast %[[D]] : tensor<?x?xf32> to tensor<4x8xf32>
  %2 = tensor.cast %d : tensor<?x?xf32> to tensor<4x8xf32>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = tensor.cast %[[T]] : tensor<4x8xf32> to tensor<*xf32>
  %3 = tensor.cast %t : tensor<4x8xf32> to tensor<*xf32>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = tensor.cast %[[U]] : tensor<*xf32> to tensor<4x?xf32>
  %4 = tensor.cast %u : tensor<*xf32> to tensor<4x?xf32>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = tensor.cast %[[U]] : tensor<*xf32> to tensor<*xf32>
  %5 = tensor.cast %u : tensor<*xf32> to tensor<*xf32>
  // CHECK: %[[V6:[a-zA-Z0-9_]+]] = tensor.cast %[[V0]] {x} : tensor<?x8xf32> to tensor<4x?xf32>
  %6 = tensor.cast %0 {x} : tensor<?x8xf32> to tensor<4x?xf32>
  // CHECK: %[[V7:[a-zA-Z0-9_]+]] = tensor.bitcast %[[T]] : tensor<4x8xf32> to tensor<4x8xi32>
  %7 = tensor.bitcast %t : tensor<4x8xf32> to tensor<4x8xi32>
  // CHECK: %[[V8:[a-zA-Z0-9_]+]] = tensor.bitcast %[[D]] : tensor<?x?xf32> to tensor<?x?xi32>
  %8 = tensor.bitcast %d : tensor<?x?xf32> to tensor<?x?xi32>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @dim_rank
//  CHECK-SAME: (%[[T:[a-zA-Z0-9_]+]]: tensor<4x?xf32>, %[[U:[a-zA-Z0-9_]+]]: tensor<*xi8>, %[[S:[a-zA-Z0-9_]+]]: tensor<f32>) -> (index, index) {
func.func @dim_rank(%t: tensor<4x?xf32>, %u: tensor<*xi8>, %s: tensor<f32>) -> (index, index) {
  // CHECK: %[[C0:[a-zA-Z0-9_]+]] = arith.constant 0 : index
  %c0 = arith.constant 0 : index
  // CHECK: %[[C1:[a-zA-Z0-9_]+]] = arith.constant 1 : index
  %c1 = arith.constant 1 : index
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = tensor.dim %[[T]], %[[C0]] : tensor<4x?xf32>
  %0 = tensor.dim %t, %c0 : tensor<4x?xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = tensor.dim %[[T]], %[[C1]] : tensor<4x?xf32>
  %1 = tensor.dim %t, %c1 : tensor<4x?xf32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = tensor.dim {x = 1 : i64} %[[U]], %[[V1]] : tensor<*xi8>
  %2 = tensor.dim {x = 1 : i64} %u, %1 : tensor<*xi8>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = tensor.rank %[[T]] : tensor<4x?xf32>
  %3 = tensor.rank %t : tensor<4x?xf32>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = tensor.rank %[[U]] : tensor<*xi8>
  %4 = tensor.rank %u : tensor<*xi8>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = tensor.rank %[[S]] : tensor<f32>
  %5 = tensor.rank %s : tensor<f32>
  // CHECK: return %[[V0]], %[[V2]] : index, index
  return %0, %2 : index, index
}

// CHECK-LABEL: func.func @collapse
//  CHECK-SAME: (%[[T:[a-zA-Z0-9_]+]]: tensor<2x3x4xf32>, %[[D:[a-zA-Z0-9_]+]]: tensor<?x3x4xf32>, %[[O:[a-zA-Z0-9_]+]]: tensor<1x1xi32>, %[[E:[a-zA-Z0-9_]+]]: tensor<?x1x?xf32>) {
func.func @collapse(%t: tensor<2x3x4xf32>, %d: tensor<?x3x4xf32>, %o: tensor<1x1xi32>, %e: tensor<?x1x?xf32>) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = tensor.collapse_shape %[[T]] {{\[\[}}0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
  %0 = tensor.collapse_shape %t [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = tensor.collapse_shape %[[T]] {{\[\[}}0], [1, 2]] : tensor<2x3x4xf32> into tensor<2x12xf32>
  %1 = tensor.collapse_shape %t [[0], [1, 2]] : tensor<2x3x4xf32> into tensor<2x12xf32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = tensor.collapse_shape %[[T]] {{\[\[}}0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
  %2 = tensor.collapse_shape %t [[0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = tensor.collapse_shape %[[D]] {{\[\[}}0, 1], [2]] : tensor<?x3x4xf32> into tensor<?x4xf32>
  %3 = tensor.collapse_shape %d [[0, 1], [2]] : tensor<?x3x4xf32> into tensor<?x4xf32>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = tensor.collapse_shape %[[O]] [] : tensor<1x1xi32> into tensor<i32>
  %4 = tensor.collapse_shape %o [] : tensor<1x1xi32> into tensor<i32>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = tensor.collapse_shape %[[E]] {{\[\[}}0, 1, 2]] : tensor<?x1x?xf32> into tensor<?xf32>
  %5 = tensor.collapse_shape %e [[0, 1, 2]] : tensor<?x1x?xf32> into tensor<?xf32>
  // CHECK: %[[V6:[a-zA-Z0-9_]+]] = tensor.collapse_shape %[[T]] {{\[\[}}0, 1], [2]] {tag = 1 : i32} : tensor<2x3x4xf32> into tensor<6x4xf32>
  %6 = tensor.collapse_shape %t [[0, 1], [2]] {tag = 1 : i32} : tensor<2x3x4xf32> into tensor<6x4xf32>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @expand
//  CHECK-SAME: (%[[T:[a-zA-Z0-9_]+]]: tensor<6x4xf32>, %[[D:[a-zA-Z0-9_]+]]: tensor<?x4xf32>, %[[S:[a-zA-Z0-9_]+]]: tensor<i32>, %[[N:[a-zA-Z0-9_]+]]: index, %[[M:[a-zA-Z0-9_]+]]: index) {
func.func @expand(%t: tensor<6x4xf32>, %d: tensor<?x4xf32>, %s: tensor<i32>, %n: index, %m: index) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = tensor.expand_shape %[[T]] {{\[\[}}0, 1], [2]] output_shape [2, 3, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  %0 = tensor.expand_shape %t [[0, 1], [2]] output_shape [2, 3, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = tensor.expand_shape %[[D]] {{\[\[}}0, 1], [2]] output_shape [%[[N]], 2, 4] : tensor<?x4xf32> into tensor<?x2x4xf32>
  %1 = tensor.expand_shape %d [[0, 1], [2]] output_shape [%n, 2, 4] : tensor<?x4xf32> into tensor<?x2x4xf32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = tensor.expand_shape %[[D]] {{\[\[}}0, 1], [2, 3]] output_shape [%[[N]], %[[M]], 2, 2] : tensor<?x4xf32> into tensor<?x?x2x2xf32>
  %2 = tensor.expand_shape %d [[0, 1], [2, 3]] output_shape [%n, %m, 2, 2] : tensor<?x4xf32> into tensor<?x?x2x2xf32>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = tensor.expand_shape %[[S]] [] output_shape [1, 1] : tensor<i32> into tensor<1x1xi32>
  %3 = tensor.expand_shape %s [] output_shape [1, 1] : tensor<i32> into tensor<1x1xi32>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = tensor.expand_shape %[[T]] {{\[\[}}0, 1, 2], [3]] output_shape [1, 6, 1, 4] {tag} : tensor<6x4xf32> into tensor<1x6x1x4xf32>
  %4 = tensor.expand_shape %t [[0, 1, 2], [3]] output_shape [1, 6, 1, 4] {tag} : tensor<6x4xf32> into tensor<1x6x1x4xf32>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @build
//  CHECK-SAME: (%[[A:[a-zA-Z0-9_]+]]: f32, %[[B:[a-zA-Z0-9_]+]]: f32, %[[I:[a-zA-Z0-9_]+]]: i64, %[[N:[a-zA-Z0-9_]+]]: index, %[[M:[a-zA-Z0-9_]+]]: index) {
func.func @build(%a: f32, %b: f32, %i: i64, %n: index, %m: index) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = tensor.from_elements %[[A]], %[[B]] : tensor<2xf32>
  %0 = tensor.from_elements %a, %b : tensor<2xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = tensor.from_elements %[[A]], %[[B]], %[[B]], %[[A]] : tensor<2x2xf32>
  %1 = tensor.from_elements %a, %b, %b, %a : tensor<2x2xf32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = tensor.from_elements %[[I]] : tensor<i64>
  %2 = tensor.from_elements %i : tensor<i64>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = tensor.from_elements %[[N]], %[[M]], %[[N]] : tensor<3xindex>
  %3 = tensor.from_elements %n, %m, %n : tensor<3xindex>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = tensor.splat %[[A]] : tensor<4x4xf32>
  %4 = tensor.splat %a : tensor<4x4xf32>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = tensor.splat %[[I]][%[[N]]] : tensor<?xi64>
  %5 = tensor.splat %i[%n] : tensor<?xi64>
  // CHECK: %[[V6:[a-zA-Z0-9_]+]] = tensor.splat %[[A]][%[[N]], %[[M]]] : tensor<?x3x?xf32>
  %6 = tensor.splat %a[%n, %m] : tensor<?x3x?xf32>
  // CHECK: %[[V7:[a-zA-Z0-9_]+]] = tensor.splat %[[I]] {x} : tensor<i64>
  %7 = tensor.splat %i {x} : tensor<i64>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @generate
//  CHECK-SAME: (%[[N:[a-zA-Z0-9_]+]]: index, %[[V:[a-zA-Z0-9_]+]]: f32) -> tensor<?x3xf32> {
func.func @generate(%n: index, %v: f32) -> tensor<?x3xf32> {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = tensor.generate %[[N]] {
  %0 = tensor.generate %n {
  // CHECK: ^bb0(%[[I:[a-zA-Z0-9_]+]]: index, %[[J:[a-zA-Z0-9_]+]]: index):
  ^bb0(%i: index, %j: index):
    // CHECK: tensor.yield %[[V]] : f32
    tensor.yield %v : f32
  // CHECK: } : tensor<?x3xf32>
  } : tensor<?x3xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = tensor.generate  {
  %1 = tensor.generate {
  // CHECK: ^bb0(%[[I:[a-zA-Z0-9_]+]]: index):
  ^bb0(%i: index):
    // CHECK: %[[C:[a-zA-Z0-9_]+]] = arith.index_cast %[[I]] : index to i32
    %c = arith.index_cast %i : index to i32
    // CHECK: tensor.yield %[[C]] : i32
    tensor.yield %c : i32
  // CHECK: } : tensor<16xi32>
  } : tensor<16xi32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = tensor.generate %[[N]], %[[N]] {
  %2 = tensor.generate %n, %n {
  // CHECK: ^bb0(%[[I:[a-zA-Z0-9_]+]]: index, %[[J:[a-zA-Z0-9_]+]]: index):
  ^bb0(%i: index, %j: index):
    // CHECK: %[[S:[a-zA-Z0-9_]+]] = arith.addi %[[I]], %[[J]] : index
    %s = arith.addi %i, %j : index
    // CHECK: tensor.yield %[[S]] : index
    tensor.yield %s : index
  // CHECK: } {tag} : tensor<?x?xindex>
  } {tag} : tensor<?x?xindex>
  // CHECK: return %[[V0]] : tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// CHECK-LABEL: func.func @concat
//  CHECK-SAME: (%[[A:[a-zA-Z0-9_]+]]: tensor<2x4xf32>, %[[B:[a-zA-Z0-9_]+]]: tensor<3x4xf32>, %[[D:[a-zA-Z0-9_]+]]: tensor<?x4xf32>, %[[E:[a-zA-Z0-9_]+]]: tensor<2x?xf32>) {
func.func @concat(%a: tensor<2x4xf32>, %b: tensor<3x4xf32>, %d: tensor<?x4xf32>, %e: tensor<2x?xf32>) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = tensor.concat dim(0) %[[A]], %[[B]] : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<5x4xf32>
  %0 = tensor.concat dim(0) %a, %b : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<5x4xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = tensor.concat dim(0) %[[A]], %[[D]] : (tensor<2x4xf32>, tensor<?x4xf32>) -> tensor<?x4xf32>
  %1 = tensor.concat dim(0) %a, %d : (tensor<2x4xf32>, tensor<?x4xf32>) -> tensor<?x4xf32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = tensor.concat dim(1) %[[A]], %[[E]], %[[A]] : (tensor<2x4xf32>, tensor<2x?xf32>, tensor<2x4xf32>) -> tensor<2x?xf32>
  %2 = tensor.concat dim(1) %a, %e, %a : (tensor<2x4xf32>, tensor<2x?xf32>, tensor<2x4xf32>) -> tensor<2x?xf32>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = tensor.concat dim(0) %[[A]] : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %3 = tensor.concat dim(0) %a : (tensor<2x4xf32>) -> tensor<2x4xf32>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = tensor.concat dim(1) %[[A]], %[[A]] {tag} : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x8xf32>
  %4 = tensor.concat dim(1) %a, %a {tag} : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x8xf32>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @reshape
//  CHECK-SAME: (%[[T:[a-zA-Z0-9_]+]]: tensor<2x3x4xf32>, %[[S3:[a-zA-Z0-9_]+]]: tensor<3xindex>, %[[S1:[a-zA-Z0-9_]+]]: tensor<1xi32>, %[[U:[a-zA-Z0-9_]+]]: tensor<*xf32>, %[[SD:[a-zA-Z0-9_]+]]: tensor<?xi64>) {
func.func @reshape(%t: tensor<2x3x4xf32>, %s3: tensor<3xindex>, %s1: tensor<1xi32>, %u: tensor<*xf32>, %sd: tensor<?xi64>) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = tensor.reshape %[[T]](%[[S1]]) : (tensor<2x3x4xf32>, tensor<1xi32>) -> tensor<24xf32>
  %0 = tensor.reshape %t(%s1) : (tensor<2x3x4xf32>, tensor<1xi32>) -> tensor<24xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = tensor.reshape %[[T]](%[[S3]]) : (tensor<2x3x4xf32>, tensor<3xindex>) -> tensor<4x3x2xf32>
  %1 = tensor.reshape %t(%s3) : (tensor<2x3x4xf32>, tensor<3xindex>) -> tensor<4x3x2xf32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = tensor.reshape %[[U]](%[[S3]]) : (tensor<*xf32>, tensor<3xindex>) -> tensor<?x?x?xf32>
  %2 = tensor.reshape %u(%s3) : (tensor<*xf32>, tensor<3xindex>) -> tensor<?x?x?xf32>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = tensor.reshape %[[T]](%[[SD]]) : (tensor<2x3x4xf32>, tensor<?xi64>) -> tensor<*xf32>
  %3 = tensor.reshape %t(%sd) : (tensor<2x3x4xf32>, tensor<?xi64>) -> tensor<*xf32>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @parallel_insert
//  CHECK-SAME: (%[[T:[a-zA-Z0-9_]+]]: tensor<8x16xf32>, %[[S:[a-zA-Z0-9_]+]]: tensor<4x16xf32>, %[[R:[a-zA-Z0-9_]+]]: tensor<16xf32>) -> (tensor<8x16xf32>, tensor<8x16xf32>) {
func.func @parallel_insert(%t: tensor<8x16xf32>, %s: tensor<4x16xf32>, %r: tensor<16xf32>) -> (tensor<8x16xf32>, tensor<8x16xf32>) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = scf.forall (%[[I:[a-zA-Z0-9_]+]]) in (2) shared_outs(%[[O:[a-zA-Z0-9_]+]] = %[[T]]) -> (tensor<8x16xf32>) {
  %0 = scf.forall (%i) in (2) shared_outs(%o = %t) -> (tensor<8x16xf32>) {
    // CHECK: %[[C4:[a-zA-Z0-9_]+]] = arith.constant 4 : index
    %c4 = arith.constant 4 : index
    // CHECK: %[[OFF:[a-zA-Z0-9_]+]] = arith.muli %[[I]], %[[C4]] : index
    %off = arith.muli %i, %c4 : index
    // CHECK: scf.forall.in_parallel {
    scf.forall.in_parallel {
      // CHECK: tensor.parallel_insert_slice %[[S]] into %[[O]][%[[OFF]], 0] [4, 16] [1, 1] : tensor<4x16xf32> into tensor<8x16xf32>
      tensor.parallel_insert_slice %s into %o[%off, 0] [4, 16] [1, 1] : tensor<4x16xf32> into tensor<8x16xf32>
    }
  }
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = scf.forall (%[[I]]) in (8) shared_outs(%[[O]] = %[[T]]) -> (tensor<8x16xf32>) {
  %1 = scf.forall (%i) in (8) shared_outs(%o = %t) -> (tensor<8x16xf32>) {
    // CHECK: scf.forall.in_parallel {
    scf.forall.in_parallel {
      // CHECK: tensor.parallel_insert_slice %[[R]] into %[[O]][%[[I]], 0] [1, 16] [1, 1] {tag} : tensor<16xf32> into tensor<8x16xf32>
      tensor.parallel_insert_slice %r into %o[%i, 0] [1, 16] [1, 1] {tag} : tensor<16xf32> into tensor<8x16xf32>
    }
  }
  // CHECK: return %[[V0]], %[[V1]] : tensor<8x16xf32>, tensor<8x16xf32>
  return %0, %1 : tensor<8x16xf32>, tensor<8x16xf32>
}
