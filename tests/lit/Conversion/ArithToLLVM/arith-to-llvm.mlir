// RUN: mlir-py-opt %s --split-input-file --convert-arith-to-llvm | filecheck %s

// Values whose type changes (index -> i64) are bridged by unrealized casts until the func conversion.

// CHECK-LABEL: func.func @binary
// CHECK-SAME: (%[[A:.*]]: i32, %[[B:.*]]: i32, %[[X:.*]]: f32, %[[Y:.*]]: f32)
func.func @binary(%a: i32, %b: i32, %x: f32, %y: f32) -> (i32, f32) {
  // CHECK: %[[S:.*]] = llvm.add %[[A]], %[[B]] overflow<nsw> : i32
  %0 = arith.addi %a, %b overflow<nsw> : i32
  // CHECK: %[[D:.*]] = llvm.sdiv %[[S]], %[[B]] : i32
  %1 = arith.divsi %0, %b : i32
  // CHECK: llvm.ashr %[[D]], %[[B]] : i32
  %2 = arith.shrsi %1, %b : i32
  // CHECK: %[[F:.*]] = llvm.fmul %[[X]], %[[Y]] fastmath<fast> : f32
  %3 = arith.mulf %x, %y fastmath<fast> : f32
  // CHECK: llvm.intr.maximum(%[[F]], %[[Y]]) : (f32, f32) -> f32
  %4 = arith.maximumf %3, %y : f32
  // CHECK: llvm.intr.smin(%{{.*}}, %[[B]]) : (i32, i32) -> i32
  %5 = arith.minsi %2, %b : i32
  // CHECK: llvm.fneg %{{.*}} : f32
  %6 = arith.negf %4 : f32
  return %5, %6 : i32, f32
}

// -----

// CHECK-LABEL: @compare_select
func.func @compare_select(%a: i64, %b: i64, %x: f64, %y: f64) -> f64 {
  // CHECK: %[[C:.*]] = llvm.icmp "ult" %{{.*}}, %{{.*}} : i64
  %0 = arith.cmpi ult, %a, %b : i64
  // CHECK: %[[D:.*]] = llvm.fcmp "une" %{{.*}}, %{{.*}} : f64
  %1 = arith.cmpf une, %x, %y : f64
  // CHECK: %[[E:.*]] = llvm.and %[[C]], %[[D]] : i1
  %2 = arith.andi %0, %1 : i1
  // CHECK: llvm.select %[[E]], %{{.*}}, %{{.*}} : i1, f64
  %3 = arith.select %2, %x, %y : f64
  return %3 : f64
}

// -----

// index is i64: index_cast is a sign extension, a truncation or nothing.
// CHECK-LABEL: @casts
func.func @casts(%i: index, %j: i32, %f: f32) -> (index, i64, f64, i32, i8) {
  // CHECK: llvm.mlir.constant(42 : i64) : i64
  %c = arith.constant 42 : index
  // CHECK: llvm.sext %{{.*}} : i32 to i64
  %0 = arith.index_cast %j : i32 to index
  // CHECK: llvm.add
  %1 = arith.addi %0, %c : index
  // CHECK: llvm.zext %{{.*}} : i32 to i64
  %2 = arith.extui %j : i32 to i64
  // CHECK: llvm.fpext %{{.*}} : f32 to f64
  %3 = arith.extf %f : f32 to f64
  // CHECK: llvm.fptosi %{{.*}} : f32 to i32
  %4 = arith.fptosi %f : f32 to i32
  // CHECK: llvm.trunc %{{.*}} : i32 to i8
  %5 = arith.trunci %j : i32 to i8
  return %1, %2, %3, %4, %5 : index, i64, f64, i32, i8
}

// -----

// floordivsi is expanded: quotient, remainder, correction when the signs differ.
// CHECK-LABEL: @floordiv
func.func @floordiv(%a: i32, %b: i32) -> i32 {
  // CHECK: %[[Q:.*]] = llvm.sdiv
  // CHECK: %[[R:.*]] = llvm.srem
  // CHECK: llvm.icmp "ne" %[[R]]
  // CHECK: %[[M:.*]] = llvm.sub %[[Q]]
  // CHECK: llvm.select %{{.*}}, %[[M]], %[[Q]] : i1, i32
  %0 = arith.floordivsi %a, %b : i32
  return %0 : i32
}

// -----

// Vectors convert, tensors stay.
// CHECK-LABEL: @vectors
func.func @vectors(%v: vector<4xf32>, %t: tensor<4xf32>) -> (vector<4xf32>, tensor<4xf32>) {
  // CHECK: llvm.mlir.constant(dense<2.000000e+00> : vector<4xf32>) : vector<4xf32>
  %c = arith.constant dense<2.0> : vector<4xf32>
  // CHECK: llvm.fadd %{{.*}}, %{{.*}} : vector<4xf32>
  %0 = arith.addf %v, %c : vector<4xf32>
  // CHECK: arith.addf %{{.*}}, %{{.*}} : tensor<4xf32>
  %1 = arith.addf %t, %t : tensor<4xf32>
  return %0, %1 : vector<4xf32>, tensor<4xf32>
}
