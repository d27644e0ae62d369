// RUN: mlir-py-opt %s | filecheck %s
// RUN: mlir-py-opt %s | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | mlir-py-opt | filecheck %s

// CHECK-LABEL: func.func private @decl(i32, f32) -> i32
func.func private @decl(i32, f32) -> i32

// CHECK-LABEL: func.func @caller
//  CHECK-SAME:   (%[[A:.*]]: i32, %[[B:.*]]: f32) -> i32
func.func @caller(%a: i32, %b: f32) -> i32 {
  // CHECK: %[[R:.*]] = call @decl(%[[A]], %[[B]]) : (i32, f32) -> i32
  %r = func.call @decl(%a, %b) : (i32, f32) -> i32
  // CHECK: %[[F:.*]] = constant @decl : (i32, f32) -> i32
  %f = func.constant @decl : (i32, f32) -> i32
  // CHECK: call_indirect %[[F]](%[[A]], %[[B]]) : (i32, f32) -> i32
  %s = func.call_indirect %f(%a, %b) : (i32, f32) -> i32
  // CHECK: return %[[R]] : i32
  return %r : i32
}

// CHECK-LABEL: func.func @multi() -> (i32, i64) attributes {llvm.emit_c_interface}
func.func @multi() -> (i32, i64) attributes {llvm.emit_c_interface} {
  %0 = arith.constant 1 : i32
  %1 = arith.constant 2 : i64
  return %0, %1 : i32, i64
}
