// RUN: mlir-py-opt %s --split-input-file --convert-func-to-llvm | filecheck %s

// A memref argument is expanded into its descriptor fields and rebuilt at the entry (TargetLLVMIR.md).
// CHECK-LABEL: llvm.func @expand
// CHECK-SAME: (%[[A0:.*]]: !llvm.ptr {llvm.noalias}, %[[A1:.*]]: !llvm.ptr {llvm.noalias}, %[[OFF:.*]]: i64, %[[S0:.*]]: i64, %[[S1:.*]]: i64, %[[T0:.*]]: i64, %[[T1:.*]]: i64, %[[N:.*]]: i64) -> i64
// CHECK: %[[U:.*]] = llvm.mlir.undef : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
// CHECK: llvm.insertvalue %[[A0]], %[[U]][0]
// CHECK: llvm.insertvalue %[[A1]], %{{.*}}[1]
// CHECK: llvm.insertvalue %[[OFF]], %{{.*}}[2]
// CHECK: llvm.insertvalue %[[S0]], %{{.*}}[3, 0]
// CHECK: llvm.insertvalue %[[T1]], %{{.*}}[4, 1]
// CHECK: llvm.return %[[N]] : i64
func.func @expand(%m: memref<4x?xf32> {llvm.noalias}, %n: i64) -> i64 {
  return %n : i64
}

// -----

// Several results are packed into a struct; calls unpack it.
// CHECK-LABEL: llvm.func @pair
// CHECK-SAME: -> !llvm.struct<(i32, f32)>
// CHECK: %[[R:.*]] = llvm.call @pair(%{{.*}}, %{{.*}}) : (i32, f32) -> !llvm.struct<(i32, f32)>
// CHECK: %[[X:.*]] = llvm.extractvalue %[[R]][0] : !llvm.struct<(i32, f32)>
// CHECK: %[[Y:.*]] = llvm.extractvalue %[[R]][1] : !llvm.struct<(i32, f32)>
// CHECK: %[[U:.*]] = llvm.mlir.undef : !llvm.struct<(i32, f32)>
// CHECK: llvm.insertvalue %[[X]], %[[U]][0]
// CHECK: llvm.return %{{.*}} : !llvm.struct<(i32, f32)>
func.func @pair(%a: i32, %b: f32) -> (i32, f32) {
  %0:2 = call @pair(%a, %b) : (i32, f32) -> (i32, f32)
  return %0#0, %0#1 : i32, f32
}

// -----

// llvm.emit_c_interface: a wrapper taking pointers to descriptors; a memref result comes back through the first.
// CHECK-LABEL: llvm.func @copy
// CHECK-SAME: -> !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
// CHECK-LABEL: llvm.func @_mlir_ciface_copy
// CHECK-SAME: (%[[OUT:.*]]: !llvm.ptr, %[[IN:.*]]: !llvm.ptr) attributes {llvm.emit_c_interface}
// CHECK: %[[D:.*]] = llvm.load %[[IN]] : !llvm.ptr -> !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
// CHECK: llvm.extractvalue %[[D]][0]
// CHECK: %[[R:.*]] = llvm.call @copy(
// CHECK: llvm.store %[[R]], %[[OUT]] : !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>, !llvm.ptr
// CHECK: llvm.return
func.func @copy(%m: memref<8xf32>) -> memref<8xf32> attributes {llvm.emit_c_interface} {
  return %m : memref<8xf32>
}

// -----

// A declaration stays a declaration.
// CHECK: llvm.func @external(i64, f32) -> f64
func.func private @external(index, f32) -> f64
