// RUN: mlir-py-opt %s | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | filecheck %s --check-prefix=GENERIC

// Round trip of every memref op in custom syntax (mlir/test/Dialect/MemRef/ops.mlir), through the custom and the
// generic form, with strided layouts and memory spaces. The GENERIC lines pin the generic spelling of properties.

// GENERIC: "memref.global"() <{alignment = 64 : i64, constant, initial_value = dense<{{\[\[}}1, 2], [3, 4]]> : tensor<2x2xi32>, sym_name = "c1", sym_visibility = "private", type = memref<2x2xi32>}> : () -> ()
// GENERIC: "memref.global"() <{initial_value, sym_name = "g0", type = memref<4xf32>}> : () -> ()
// GENERIC: "memref.get_global"() <{name = @c0}> : () -> memref<2xf32>
// GENERIC: "memref.alloc"(%{{.*}}, %{{.*}}, %{{.*}}) <{operandSegmentSizes = array<i32: 1, 2>}> : (index, index, index) -> memref<?x4xf32, strided<[?, 1], offset: ?>>
// GENERIC: "memref.load"(%{{.*}}, %{{.*}}, %{{.*}}) <{alignment = 4 : i64, nontemporal = true}> {tag} : (memref<4x8xf32>, index, index) -> f32
// GENERIC: "memref.subview"(%{{.*}}, %{{.*}}) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808, 0, 0>, static_sizes = array<i64: 4, 4, 4>, static_strides = array<i64: 1, 2, 1>}> : (memref<8x16x4xf32>, index) -> memref<4x4x4xf32, strided<[64, 8, 1], offset: ?>>
// GENERIC: "memref.reinterpret_cast"(%{{.*}}, %{{.*}}) <{operandSegmentSizes = array<i32: 1, 0, 1, 0>, static_offsets = array<i64: 4>, static_sizes = array<i64: -9223372036854775808, 4>, static_strides = array<i64: 4, 1>}>
// GENERIC: "memref.transpose"(%{{.*}}) <{permutation = #map{{[0-9]*}}}> : (memref<8x16xf32>) -> memref<16x8xf32, strided<[1, 16]>>

// CHECK: memref.global "private" constant @c0 : memref<2xf32> = dense<[1.000000e+00, 2.500000e+00]>
memref.global "private" constant @c0 : memref<2xf32> = dense<[1.0, 2.5]>
// CHECK: memref.global "private" constant @c1 : memref<2x2xi32> = dense<{{\[\[}}1, 2], [3, 4]]> alignment = 64
memref.global "private" constant @c1 : memref<2x2xi32> = dense<[[1, 2], [3, 4]]> alignment = 64
// CHECK: memref.global @g0 : memref<4xf32> = uninitialized
memref.global @g0 : memref<4xf32> = uninitialized
// CHECK: memref.global "public" @g1 : memref<8xi8>
memref.global "public" @g1 : memref<8xi8>
// CHECK: memref.global "private" @g2 : memref<3xf64, 1> = dense<0.000000e+00>
memref.global "private" @g2 : memref<3xf64, 1> = dense<0.0>
// CHECK: memref.global @g3 : memref<i64> = dense<7> {tag}
memref.global @g3 : memref<i64> = dense<7> {tag}
// CHECK: memref.global "private" @g4 : memref<4xi1> = dense<[true, false, true, true]> alignment = 8 {a = 1 : i32}
memref.global "private" @g4 : memref<4xi1> = dense<[true, false, true, true]> alignment = 8 {a = 1 : i32}
// CHECK: memref.global "nested" constant @"odd name" : memref<1xf16> = dense<1.500000e+00>
memref.global "nested" constant @"odd name" : memref<1xf16> = dense<1.5>
// CHECK-LABEL: func.func @use
//  CHECK-SAME: () -> memref<2xf32> {
func.func @use() -> memref<2xf32> {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = memref.get_global @c0 : memref<2xf32>
  %0 = memref.get_global @c0 : memref<2xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = memref.get_global @c1 : memref<2x2xi32>
  %1 = memref.get_global @c1 : memref<2x2xi32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = memref.get_global @g2 : memref<3xf64, 1>
  %2 = memref.get_global @g2 : memref<3xf64, 1>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = memref.get_global @"odd name" : memref<1xf16> {tag}
  %3 = memref.get_global @"odd name" : memref<1xf16> {tag}
  // CHECK: return %[[V0]] : memref<2xf32>
  return %0 : memref<2xf32>
}

// CHECK-LABEL: func.func @alloc
//  CHECK-SAME: (%[[N:[a-zA-Z0-9_]+]]: index, %[[M:[a-zA-Z0-9_]+]]: index, %[[S:[a-zA-Z0-9_]+]]: index) {
func.func @alloc(%n: index, %m: index, %s: index) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = memref.alloc() : memref<4x8xf32>
  %0 = memref.alloc() : memref<4x8xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = memref.alloc(%[[N]]) : memref<?x8xf32>
  %1 = memref.alloc(%n) : memref<?x8xf32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = memref.alloc(%[[N]], %[[M]]) alignment = 64 : memref<?x?xi8>
  %2 = memref.alloc(%n, %m) alignment = 64 : memref<?x?xi8>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = memref.alloc() : memref<16xf32, 3>
  %3 = memref.alloc() : memref<16xf32, 3>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = memref.alloc()[%[[S]]] : memref<4x4xf32, strided<[4, 1], offset: ?>>
  %4 = memref.alloc()[%s] : memref<4x4xf32, strided<[4, 1], offset: ?>>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = memref.alloc(%[[N]])[%[[S]], %[[M]]] : memref<?x4xf32, strided<[?, 1], offset: ?>>
  %5 = memref.alloc(%n)[%s, %m] : memref<?x4xf32, strided<[?, 1], offset: ?>>
  // CHECK: %[[V6:[a-zA-Z0-9_]+]] = memref.alloc() {tag} : memref<f64>
  %6 = memref.alloc() {tag} : memref<f64>
  // CHECK: %[[V7:[a-zA-Z0-9_]+]] = memref.alloca() : memref<2x2xi32>
  %7 = memref.alloca() : memref<2x2xi32>
  // CHECK: %[[V8:[a-zA-Z0-9_]+]] = memref.alloca(%[[N]]) alignment = 16 : memref<?xf16, 1>
  %8 = memref.alloca(%n) alignment = 16 : memref<?xf16, 1>
  // CHECK: %[[V9:[a-zA-Z0-9_]+]] = memref.alloca()[%[[S]]] {tag = 1 : i32} : memref<8xf32, strided<[1], offset: ?>>
  %9 = memref.alloca()[%s] {tag = 1 : i32} : memref<8xf32, strided<[1], offset: ?>>
  // CHECK: memref.dealloc %[[V0]] : memref<4x8xf32>
  memref.dealloc %0 : memref<4x8xf32>
  // CHECK: memref.dealloc %[[V5]] : memref<?x4xf32, strided<[?, 1], offset: ?>>
  memref.dealloc %5 : memref<?x4xf32, strided<[?, 1], offset: ?>>
  // CHECK: memref.dealloc %[[V3]] {tag} : memref<16xf32, 3>
  memref.dealloc %3 {tag} : memref<16xf32, 3>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @access
//  CHECK-SAME: (%[[M:[a-zA-Z0-9_]+]]: memref<4x8xf32>, %[[S:[a-zA-Z0-9_]+]]: memref<f64>, %[[V:[a-zA-Z0-9_]+]]: memref<?xi1, strided<[2], offset: ?>>, %[[I:[a-zA-Z0-9_]+]]: index, %[[J:[a-zA-Z0-9_]+]]: index, %[[F:[a-zA-Z0-9_]+]]: f32) {
func.func @access(%m: memref<4x8xf32>, %s: memref<f64>, %v: memref<?xi1, strided<[2], offset: ?>>, %i: index, %j: index, %f: f32) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = memref.load %[[M]][%[[I]], %[[J]]] : memref<4x8xf32>
  %0 = memref.load %m[%i, %j] : memref<4x8xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = memref.load %[[S]][] : memref<f64>
  %1 = memref.load %s[] : memref<f64>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = memref.load %[[V]][%[[I]]] nontemporal(true) : memref<?xi1, strided<[2], offset: ?>>
  %2 = memref.load %v[%i] nontemporal(true) : memref<?xi1, strided<[2], offset: ?>>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = memref.load %[[M]][%[[J]], %[[I]]] alignment(16) : memref<4x8xf32>
  %3 = memref.load %m[%j, %i] alignment(16) : memref<4x8xf32>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = memref.load %[[M]][%[[I]], %[[I]]] alignment(4) nontemporal(true) {tag} : memref<4x8xf32>
  %4 = memref.load %m[%i, %i] nontemporal(true) alignment(4) {tag} : memref<4x8xf32>
  // CHECK: memref.store %[[F]], %[[M]][%[[I]], %[[J]]] : memref<4x8xf32>
  memref.store %f, %m[%i, %j] : memref<4x8xf32>
  // CHECK: memref.store %[[V1]], %[[S]][] : memref<f64>
  memref.store %1, %s[] : memref<f64>
  // CHECK: memref.store %[[V2]], %[[V]][%[[J]]] nontemporal(true) : memref<?xi1, strided<[2], offset: ?>>
  memref.store %2, %v[%j] nontemporal(true) : memref<?xi1, strided<[2], offset: ?>>
  // CHECK: memref.store %[[V0]], %[[M]][%[[J]], %[[J]]] alignment(8) nontemporal(true) : memref<4x8xf32>
  memref.store %0, %m[%j, %j] alignment(8) nontemporal(true) : memref<4x8xf32>
  // CHECK: memref.store %[[V3]], %[[M]][%[[I]], %[[J]]] {tag = "x"} : memref<4x8xf32>
  memref.store %3, %m[%i, %j] {tag = "x"} : memref<4x8xf32>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @subview
//  CHECK-SAME: (%[[M:[a-zA-Z0-9_]+]]: memref<8x16x4xf32>, %[[I:[a-zA-Z0-9_]+]]: index, %[[J:[a-zA-Z0-9_]+]]: index, %[[K:[a-zA-Z0-9_]+]]: index) {
func.func @subview(%m: memref<8x16x4xf32>, %i: index, %j: index, %k: index) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = memref.subview %[[M]][0, 0, 0] [8, 16, 4] [1, 1, 1] : memref<8x16x4xf32> to memref<8x16x4xf32, strided<[64, 4, 1]>>
  %0 = memref.subview %m[0, 0, 0] [8, 16, 4] [1, 1, 1] : memref<8x16x4xf32> to memref<8x16x4xf32, strided<[64, 4, 1]>>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = memref.subview %[[M]][1, 2, 3] [2, 2, 1] [1, 1, 1] : memref<8x16x4xf32> to memref<2x2x1xf32, strided<[64, 4, 1], offset: 75>>
  %1 = memref.subview %m[1, 2, 3] [2, 2, 1] [1, 1, 1] : memref<8x16x4xf32> to memref<2x2x1xf32, strided<[64, 4, 1], offset: 75>>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = memref.subview %[[M]][%[[I]], 0, 0] [4, 4, 4] [1, 2, 1] : memref<8x16x4xf32> to memref<4x4x4xf32, strided<[64, 8, 1], offset: ?>>
  %2 = memref.subview %m[%i, 0, 0] [4, 4, 4] [1, 2, 1] : memref<8x16x4xf32> to memref<4x4x4xf32, strided<[64, 8, 1], offset: ?>>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = memref.subview %[[M]][0, 0, 0] [%[[I]], %[[J]], %[[K]]] [1, 1, 1] : memref<8x16x4xf32> to memref<?x?x?xf32, strided<[64, 4, 1]>>
  %3 = memref.subview %m[0, 0, 0] [%i, %j, %k] [1, 1, 1] : memref<8x16x4xf32> to memref<?x?x?xf32, strided<[64, 4, 1]>>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = memref.subview %[[M]][0, 0, 0] [4, 4, 4] [%[[I]], 1, %[[J]]] : memref<8x16x4xf32> to memref<4x4x4xf32, strided<[?, 4, ?]>>
  %4 = memref.subview %m[0, 0, 0] [4, 4, 4] [%i, 1, %j] : memref<8x16x4xf32> to memref<4x4x4xf32, strided<[?, 4, ?]>>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = memref.subview %[[M]][2, 3, 0] [1, 1, 4] [1, 1, 1] : memref<8x16x4xf32> to memref<4xf32, strided<[1], offset: 140>>
  %5 = memref.subview %m[2, 3, 0] [1, 1, 4] [1, 1, 1] : memref<8x16x4xf32> to memref<4xf32, strided<[1], offset: 140>>
  // CHECK: %[[V6:[a-zA-Z0-9_]+]] = memref.subview %[[M]][%[[I]], 3, 0] [1, 4, 1] [1, 1, 1] : memref<8x16x4xf32> to memref<4xf32, strided<[4], offset: ?>>
  %6 = memref.subview %m[%i, 3, 0] [1, 4, 1] [1, 1, 1] : memref<8x16x4xf32> to memref<4xf32, strided<[4], offset: ?>>
  // CHECK: %[[V7:[a-zA-Z0-9_]+]] = memref.subview %[[M]][0, 0, 0] [1, 1, 1] [1, 1, 1] : memref<8x16x4xf32> to memref<f32>
  %7 = memref.subview %m[0, 0, 0] [1, 1, 1] [1, 1, 1] : memref<8x16x4xf32> to memref<f32>
  // CHECK: %[[V8:[a-zA-Z0-9_]+]] = memref.subview %[[M]][0, 0, 0] [8, 1, 4] [1, 1, 1] {tag} : memref<8x16x4xf32> to memref<8x4xf32, strided<[64, 1]>>
  %8 = memref.subview %m[0, 0, 0] [8, 1, 4] [1, 1, 1] {tag} : memref<8x16x4xf32> to memref<8x4xf32, strided<[64, 1]>>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @subview_strided
//  CHECK-SAME: (%[[A:[a-zA-Z0-9_]+]]: memref<?x?xf32>, %[[B:[a-zA-Z0-9_]+]]: memref<16x16xf32, strided<[32, 2], offset: 8>>, %[[C:[a-zA-Z0-9_]+]]: memref<?x?xf32, strided<[?, ?], offset: ?>>, %[[D:[a-zA-Z0-9_]+]]: memref<8x8xf32, 2>, %[[I:[a-zA-Z0-9_]+]]: index) {
func.func @subview_strided(%a: memref<?x?xf32>, %b: memref<16x16xf32, strided<[32, 2], offset: 8>>, %c: memref<?x?xf32, strided<[?, ?], offset: ?>>, %d: memref<8x8xf32, 2>, %i: index) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = memref.subview %[[A]][1, 2] [4, 4] [1, 1] : memref<?x?xf32> to memref<4x4xf32, strided<[?, 1], offset: ?>>
  %0 = memref.subview %a[1, 2] [4, 4] [1, 1] : memref<?x?xf32> to memref<4x4xf32, strided<[?, 1], offset: ?>>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = memref.subview %[[A]][0, 0] [4, 4] [1, 1] : memref<?x?xf32> to memref<4x4xf32, strided<[?, 1]>>
  %1 = memref.subview %a[0, 0] [4, 4] [1, 1] : memref<?x?xf32> to memref<4x4xf32, strided<[?, 1]>>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = memref.subview %[[B]][1, 1] [4, 4] [2, 2] : memref<16x16xf32, strided<[32, 2], offset: 8>> to memref<4x4xf32, strided<[64, 4], offset: 42>>
  %2 = memref.subview %b[1, 1] [4, 4] [2, 2] : memref<16x16xf32, strided<[32, 2], offset: 8>> to memref<4x4xf32, strided<[64, 4], offset: 42>>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = memref.subview %[[B]][%[[I]], 0] [4, 1] [1, 1] : memref<16x16xf32, strided<[32, 2], offset: 8>> to memref<4xf32, strided<[32], offset: ?>>
  %3 = memref.subview %b[%i, 0] [4, 1] [1, 1] : memref<16x16xf32, strided<[32, 2], offset: 8>> to memref<4xf32, strided<[32], offset: ?>>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = memref.subview %[[C]][0, 0] [2, 2] [1, 1] : memref<?x?xf32, strided<[?, ?], offset: ?>> to memref<2x2xf32, strided<[?, ?], offset: ?>>
  %4 = memref.subview %c[0, 0] [2, 2] [1, 1] : memref<?x?xf32, strided<[?, ?], offset: ?>> to memref<2x2xf32, strided<[?, ?], offset: ?>>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = memref.subview %[[D]][4, 4] [4, 4] [1, 1] : memref<8x8xf32, 2> to memref<4x4xf32, strided<[8, 1], offset: 36>, 2>
  %5 = memref.subview %d[4, 4] [4, 4] [1, 1] : memref<8x8xf32, 2> to memref<4x4xf32, strided<[8, 1], offset: 36>, 2>
  // CHECK: %[[V6:[a-zA-Z0-9_]+]] = memref.subview %[[C]][0, %[[I]]] [1, 1] [1, 1] : memref<?x?xf32, strided<[?, ?], offset: ?>> to memref<1xf32, strided<[?], offset: ?>>
  %6 = memref.subview %c[0, %i] [1, 1] [1, 1] : memref<?x?xf32, strided<[?, ?], offset: ?>> to memref<1xf32, strided<[?], offset: ?>>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @cast_memref
//  CHECK-SAME: (%[[M:[a-zA-Z0-9_]+]]: memref<4x8xf32>, %[[D:[a-zA-Z0-9_]+]]: memref<?x?xf32>, %[[U:[a-zA-Z0-9_]+]]: memref<*xf32>, %[[S:[a-zA-Z0-9_]+]]: memref<4xf32, strided<[2], offset: 4>>, %[[MS:[a-zA-Z0-9_]+]]: memref<4xi8, 1>) {
func.func @cast_memref(%m: memref<4x8xf32>, %d: memref<?x?xf32>, %u: memref<*xf32>, %s: memref<4xf32, strided<[2], offset: 4>>, %ms: memref<4xi8, 1>) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = memref.cast %[[M]] : memref<4x8xf32> to memref<?x8xf32>
  %0 = memref.cast %m : memref<4x8xf32> to memref<?x8xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = memref.cast %[[D]] : memref<?x?xf32> to memref<4x8xf32>
  %1 = memref.cast %d : memref<?x?xf32> to memref<4x8xf32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = memref.cast %[[M]] : memref<4x8xf32> to memref<*xf32>
  %2 = memref.cast %m : memref<4x8xf32> to memref<*xf32>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = memref.cast %[[U]] : memref<*xf32> to memref<?x?xf32>
  %3 = memref.cast %u : memref<*xf32> to memref<?x?xf32>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = memref.cast %[[S]] : memref<4xf32, strided<[2], offset: 4>> to memref<?xf32, strided<[?], offset: ?>>
  %4 = memref.cast %s : memref<4xf32, strided<[2], offset: 4>> to memref<?xf32, strided<[?], offset: ?>>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = memref.cast %[[V4]] : memref<?xf32, strided<[?], offset: ?>> to memref<4xf32, strided<[2], offset: 4>>
  %5 = memref.cast %4 : memref<?xf32, strided<[?], offset: ?>> to memref<4xf32, strided<[2], offset: 4>>
  // CHECK: %[[V6:[a-zA-Z0-9_]+]] = memref.cast %[[MS]] {tag} : memref<4xi8, 1> to memref<*xi8, 1>
  %6 = memref.cast %ms {tag} : memref<4xi8, 1> to memref<*xi8, 1>
  // CHECK: %[[V7:[a-zA-Z0-9_]+]] = memref.cast %[[D]] : memref<?x?xf32> to memref<?x?xf32, strided<[?, 1]>>
  %7 = memref.cast %d : memref<?x?xf32> to memref<?x?xf32, strided<[?, 1]>>
  // CHECK: %[[V8:[a-zA-Z0-9_]+]] = memref.memory_space_cast %[[MS]] : memref<4xi8, 1> to memref<4xi8>
  %8 = memref.memory_space_cast %ms : memref<4xi8, 1> to memref<4xi8>
  // CHECK: %[[V9:[a-zA-Z0-9_]+]] = memref.memory_space_cast %[[U]] : memref<*xf32> to memref<*xf32, 5>
  %9 = memref.memory_space_cast %u : memref<*xf32> to memref<*xf32, 5>
  // CHECK: %[[V10:[a-zA-Z0-9_]+]] = memref.cast %[[U]] : memref<*xf32> to memref<*xf32>
  %10 = memref.cast %u : memref<*xf32> to memref<*xf32>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @copy
//  CHECK-SAME: (%[[A:[a-zA-Z0-9_]+]]: memref<4x8xf32>, %[[B:[a-zA-Z0-9_]+]]: memref<4x8xf32, strided<[16, 1]>>, %[[C:[a-zA-Z0-9_]+]]: memref<?x8xf32>, %[[U:[a-zA-Z0-9_]+]]: memref<*xf32>, %[[V:[a-zA-Z0-9_]+]]: memref<*xf32>, %[[S:[a-zA-Z0-9_]+]]: memref<i32>, %[[T:[a-zA-Z0-9_]+]]: memref<i32, 1>) {
func.func @copy(%a: memref<4x8xf32>, %b: memref<4x8xf32, strided<[16, 1]>>, %c: memref<?x8xf32>, %u: memref<*xf32>, %v: memref<*xf32>, %s: memref<i32>, %t: memref<i32, 1>) {
  // CHECK: memref.copy %[[A]], %[[B]] : memref<4x8xf32> to memref<4x8xf32, strided<[16, 1]>>
  memref.copy %a, %b : memref<4x8xf32> to memref<4x8xf32, strided<[16, 1]>>
  // CHECK: memref.copy %[[C]], %[[A]] : memref<?x8xf32> to memref<4x8xf32>
  memref.copy %c, %a : memref<?x8xf32> to memref<4x8xf32>
  // CHECK: memref.copy %[[U]], %[[V]] : memref<*xf32> to memref<*xf32>
  memref.copy %u, %v : memref<*xf32> to memref<*xf32>
  // CHECK: memref.copy %[[S]], %[[T]] {tag} : memref<i32> to memref<i32, 1>
  memref.copy %s, %t {tag} : memref<i32> to memref<i32, 1>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @collapse_memref
//  CHECK-SAME: (%[[A:[a-zA-Z0-9_]+]]: memref<2x3x4xf32>, %[[B:[a-zA-Z0-9_]+]]: memref<?x3x4xf32>, %[[C:[a-zA-Z0-9_]+]]: memref<4x4xf32, strided<[8, 1], offset: 3>>, %[[D:[a-zA-Z0-9_]+]]: memref<2x3x4xf32, strided<[12, 4, 1], offset: ?>>, %[[E:[a-zA-Z0-9_]+]]: memref<1x1xi8>, %[[F:[a-zA-Z0-9_]+]]: memref<?x?xf32, strided<[?, 1]>>) {
func.func @collapse_memref(%a: memref<2x3x4xf32>, %b: memref<?x3x4xf32>, %c: memref<4x4xf32, strided<[8, 1], offset: 3>>, %d: memref<2x3x4xf32, strided<[12, 4, 1], offset: ?>>, %e: memref<1x1xi8>, %f: memref<?x?xf32, strided<[?, 1]>>) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = memref.collapse_shape %[[A]] {{\[\[}}0, 1], [2]] : memref<2x3x4xf32> into memref<6x4xf32>
  %0 = memref.collapse_shape %a [[0, 1], [2]] : memref<2x3x4xf32> into memref<6x4xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = memref.collapse_shape %[[A]] {{\[\[}}0, 1, 2]] : memref<2x3x4xf32> into memref<24xf32>
  %1 = memref.collapse_shape %a [[0, 1, 2]] : memref<2x3x4xf32> into memref<24xf32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = memref.collapse_shape %[[B]] {{\[\[}}0, 1], [2]] : memref<?x3x4xf32> into memref<?x4xf32>
  %2 = memref.collapse_shape %b [[0, 1], [2]] : memref<?x3x4xf32> into memref<?x4xf32>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = memref.collapse_shape %[[C]] {{\[\[}}0], [1]] : memref<4x4xf32, strided<[8, 1], offset: 3>> into memref<4x4xf32, strided<[8, 1], offset: 3>>
  %3 = memref.collapse_shape %c [[0], [1]] : memref<4x4xf32, strided<[8, 1], offset: 3>> into memref<4x4xf32, strided<[8, 1], offset: 3>>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = memref.collapse_shape %[[D]] {{\[\[}}0, 1], [2]] : memref<2x3x4xf32, strided<[12, 4, 1], offset: ?>> into memref<6x4xf32, strided<[4, 1], offset: ?>>
  %4 = memref.collapse_shape %d [[0, 1], [2]] : memref<2x3x4xf32, strided<[12, 4, 1], offset: ?>> into memref<6x4xf32, strided<[4, 1], offset: ?>>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = memref.collapse_shape %[[E]] [] : memref<1x1xi8> into memref<i8>
  %5 = memref.collapse_shape %e [] : memref<1x1xi8> into memref<i8>
  // CHECK: %[[V6:[a-zA-Z0-9_]+]] = memref.collapse_shape %[[F]] {{\[\[}}0, 1]] : memref<?x?xf32, strided<[?, 1]>> into memref<?xf32, strided<[?]>>
  %6 = memref.collapse_shape %f [[0, 1]] : memref<?x?xf32, strided<[?, 1]>> into memref<?xf32, strided<[?]>>
  // CHECK: %[[V7:[a-zA-Z0-9_]+]] = memref.collapse_shape %[[A]] {{\[\[}}0], [1, 2]] {tag} : memref<2x3x4xf32> into memref<2x12xf32>
  %7 = memref.collapse_shape %a [[0], [1, 2]] {tag} : memref<2x3x4xf32> into memref<2x12xf32>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @expand_memref
//  CHECK-SAME: (%[[A:[a-zA-Z0-9_]+]]: memref<6x4xf32>, %[[B:[a-zA-Z0-9_]+]]: memref<?x4xf32>, %[[C:[a-zA-Z0-9_]+]]: memref<8xf32, strided<[2], offset: 1>>, %[[D:[a-zA-Z0-9_]+]]: memref<i8>, %[[E:[a-zA-Z0-9_]+]]: memref<?xf32, strided<[?], offset: ?>>, %[[N:[a-zA-Z0-9_]+]]: index, %[[M:[a-zA-Z0-9_]+]]: index) {
func.func @expand_memref(%a: memref<6x4xf32>, %b: memref<?x4xf32>, %c: memref<8xf32, strided<[2], offset: 1>>, %d: memref<i8>, %e: memref<?xf32, strided<[?], offset: ?>>, %n: index, %m: index) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = memref.expand_shape %[[A]] {{\[\[}}0, 1], [2]] output_shape [2, 3, 4] : memref<6x4xf32> into memref<2x3x4xf32>
  %0 = memref.expand_shape %a [[0, 1], [2]] output_shape [2, 3, 4] : memref<6x4xf32> into memref<2x3x4xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = memref.expand_shape %[[B]] {{\[\[}}0, 1], [2]] output_shape [%[[N]], 2, 4] : memref<?x4xf32> into memref<?x2x4xf32>
  %1 = memref.expand_shape %b [[0, 1], [2]] output_shape [%n, 2, 4] : memref<?x4xf32> into memref<?x2x4xf32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = memref.expand_shape %[[C]] {{\[\[}}0, 1]] output_shape [2, 4] : memref<8xf32, strided<[2], offset: 1>> into memref<2x4xf32, strided<[8, 2], offset: 1>>
  %2 = memref.expand_shape %c [[0, 1]] output_shape [2, 4] : memref<8xf32, strided<[2], offset: 1>> into memref<2x4xf32, strided<[8, 2], offset: 1>>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = memref.expand_shape %[[D]] [] output_shape [1, 1] : memref<i8> into memref<1x1xi8>
  %3 = memref.expand_shape %d [] output_shape [1, 1] : memref<i8> into memref<1x1xi8>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = memref.expand_shape %[[E]] {{\[\[}}0, 1]] output_shape [%[[N]], %[[M]]] : memref<?xf32, strided<[?], offset: ?>> into memref<?x?xf32, strided<[?, ?], offset: ?>>
  %4 = memref.expand_shape %e [[0, 1]] output_shape [%n, %m] : memref<?xf32, strided<[?], offset: ?>> into memref<?x?xf32, strided<[?, ?], offset: ?>>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = memref.expand_shape %[[B]] {{\[\[}}0], [1, 2]] output_shape [%[[M]], 2, 2] {tag} : memref<?x4xf32> into memref<?x2x2xf32>
  %5 = memref.expand_shape %b [[0], [1, 2]] output_shape [%m, 2, 2] {tag} : memref<?x4xf32> into memref<?x2x2xf32>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @reinterpret
//  CHECK-SAME: (%[[M:[a-zA-Z0-9_]+]]: memref<8x16xf32>, %[[U:[a-zA-Z0-9_]+]]: memref<*xf32>, %[[D:[a-zA-Z0-9_]+]]: memref<?xi32, 1>, %[[I:[a-zA-Z0-9_]+]]: index, %[[J:[a-zA-Z0-9_]+]]: index) {
func.func @reinterpret(%m: memref<8x16xf32>, %u: memref<*xf32>, %d: memref<?xi32, 1>, %i: index, %j: index) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = memref.reinterpret_cast %[[M]] to offset: [0], sizes: [128], strides: [1] : memref<8x16xf32> to memref<128xf32>
  %0 = memref.reinterpret_cast %m to offset: [0], sizes: [128], strides: [1] : memref<8x16xf32> to memref<128xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = memref.reinterpret_cast %[[M]] to offset: [4], sizes: [%[[I]], 4], strides: [4, 1] : memref<8x16xf32> to memref<?x4xf32, strided<[4, 1], offset: 4>>
  %1 = memref.reinterpret_cast %m to offset: [4], sizes: [%i, 4], strides: [4, 1] : memref<8x16xf32> to memref<?x4xf32, strided<[4, 1], offset: 4>>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = memref.reinterpret_cast %[[U]] to offset: [%[[I]]], sizes: [%[[J]], %[[J]]], strides: [%[[J]], 1] : memref<*xf32> to memref<?x?xf32, strided<[?, 1], offset: ?>>
  %2 = memref.reinterpret_cast %u to offset: [%i], sizes: [%j, %j], strides: [%j, 1] : memref<*xf32> to memref<?x?xf32, strided<[?, 1], offset: ?>>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = memref.reinterpret_cast %[[D]] to offset: [0], sizes: [2, 2], strides: [2, 1] : memref<?xi32, 1> to memref<2x2xi32, strided<[2, 1]>, 1>
  %3 = memref.reinterpret_cast %d to offset: [0], sizes: [2, 2], strides: [2, 1] : memref<?xi32, 1> to memref<2x2xi32, strided<[2, 1]>, 1>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = memref.reinterpret_cast %[[M]] to offset: [0], sizes: [], strides: [] {tag} : memref<8x16xf32> to memref<f32>
  %4 = memref.reinterpret_cast %m to offset: [0], sizes: [], strides: [] {tag} : memref<8x16xf32> to memref<f32>
  // CHECK: return
  return
}

// CHECK-LABEL: func.func @dim_rank_memref
//  CHECK-SAME: (%[[M:[a-zA-Z0-9_]+]]: memref<4x?xf32>, %[[U:[a-zA-Z0-9_]+]]: memref<*xi8>, %[[S:[a-zA-Z0-9_]+]]: memref<f32, 1>, %[[I:[a-zA-Z0-9_]+]]: index) -> index {
func.func @dim_rank_memref(%m: memref<4x?xf32>, %u: memref<*xi8>, %s: memref<f32, 1>, %i: index) -> index {
  // CHECK: %[[C1:[a-zA-Z0-9_]+]] = arith.constant 1 : index
  %c1 = arith.constant 1 : index
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = memref.dim %[[M]], %[[C1]] : memref<4x?xf32>
  %0 = memref.dim %m, %c1 : memref<4x?xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = memref.dim %[[U]], %[[I]] : memref<*xi8>
  %1 = memref.dim %u, %i : memref<*xi8>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = memref.dim {tag} %[[M]], %[[I]] : memref<4x?xf32>
  %2 = memref.dim {tag} %m, %i : memref<4x?xf32>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = memref.rank %[[M]] : memref<4x?xf32>
  %3 = memref.rank %m : memref<4x?xf32>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = memref.rank %[[U]] : memref<*xi8>
  %4 = memref.rank %u : memref<*xi8>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = memref.rank %[[S]] {tag} : memref<f32, 1>
  %5 = memref.rank %s {tag} : memref<f32, 1>
  // CHECK: return %[[V0]] : index
  return %0 : index
}

// CHECK-LABEL: func.func @view_transpose
//  CHECK-SAME: (%[[BUF:[a-zA-Z0-9_]+]]: memref<2048xi8>, %[[SBUF:[a-zA-Z0-9_]+]]: memref<64xi8, 3>, %[[M:[a-zA-Z0-9_]+]]: memref<8x16xf32>, %[[D:[a-zA-Z0-9_]+]]: memref<?x?x?xf32>, %[[I:[a-zA-Z0-9_]+]]: index, %[[J:[a-zA-Z0-9_]+]]: index) {
func.func @view_transpose(%buf: memref<2048xi8>, %sbuf: memref<64xi8, 3>, %m: memref<8x16xf32>, %d: memref<?x?x?xf32>, %i: index, %j: index) {
  // CHECK: %[[V0:[a-zA-Z0-9_]+]] = memref.view %[[BUF]][%[[I]]][] : memref<2048xi8> to memref<8x8xf32>
  %0 = memref.view %buf[%i][] : memref<2048xi8> to memref<8x8xf32>
  // CHECK: %[[V1:[a-zA-Z0-9_]+]] = memref.view %[[BUF]][%[[I]]][%[[J]]] : memref<2048xi8> to memref<?x4xf32>
  %1 = memref.view %buf[%i][%j] : memref<2048xi8> to memref<?x4xf32>
  // CHECK: %[[V2:[a-zA-Z0-9_]+]] = memref.view %[[SBUF]][%[[J]]][%[[I]], %[[I]]] {tag} : memref<64xi8, 3> to memref<?x?xi8, 3>
  %2 = memref.view %sbuf[%j][%i, %i] {tag} : memref<64xi8, 3> to memref<?x?xi8, 3>
  // CHECK: %[[V3:[a-zA-Z0-9_]+]] = memref.transpose %[[M]] (d0, d1) -> (d1, d0) : memref<8x16xf32> to memref<16x8xf32, strided<[1, 16]>>
  %3 = memref.transpose %m (d0, d1) -> (d1, d0) : memref<8x16xf32> to memref<16x8xf32, strided<[1, 16]>>
  // CHECK: %[[V4:[a-zA-Z0-9_]+]] = memref.transpose %[[D]] (d0, d1, d2) -> (d2, d0, d1) : memref<?x?x?xf32> to memref<?x?x?xf32, strided<[1, ?, ?]>>
  %4 = memref.transpose %d (d0, d1, d2) -> (d2, d0, d1) : memref<?x?x?xf32> to memref<?x?x?xf32, strided<[1, ?, ?]>>
  // CHECK: %[[V5:[a-zA-Z0-9_]+]] = memref.transpose %[[M]] (d0, d1) -> (d0, d1) : memref<8x16xf32> to memref<8x16xf32>
  %5 = memref.transpose %m (d0, d1) -> (d0, d1) : memref<8x16xf32> to memref<8x16xf32>
  // CHECK: return
  return
}

