// RUN: mlir-py-opt %s --split-input-file --finalize-memref-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts | filecheck %s

// load/store: aligned pointer + (offset + sum i_k * stride_k); static strides are constants.
// CHECK-LABEL: llvm.func @load_store
// CHECK: %[[EIGHT:.*]] = llvm.mlir.constant(8 : i64) : i64
// CHECK: %[[ROW:.*]] = llvm.mul %[[I:.*]], %[[EIGHT]] : i64
// CHECK: %[[IDX:.*]] = llvm.add %[[ROW]], %[[J:.*]] : i64
// CHECK: %[[AL:.*]] = llvm.extractvalue %{{.*}}[1] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
// CHECK: %[[P:.*]] = llvm.getelementptr inbounds|nuw %[[AL]][%[[IDX]]] : (!llvm.ptr, i64) -> !llvm.ptr, f32
// CHECK: %[[V:.*]] = llvm.load %[[P]] : !llvm.ptr -> f32
// CHECK: llvm.store %[[V]], %{{.*}} : f32, !llvm.ptr
func.func @load_store(%a: memref<4x8xf32>, %i: index, %j: index) {
  %0 = memref.load %a[%i, %j] : memref<4x8xf32>
  memref.store %0, %a[%j, %i] : memref<4x8xf32>
  return
}

// -----

// A dynamic stride is read from the descriptor.
// CHECK-LABEL: llvm.func @dynamic_stride
// CHECK: %[[S:.*]] = llvm.extractvalue %{{.*}}[4, 0] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
// CHECK: llvm.mul %{{.*}}, %[[S]] : i64
func.func @dynamic_stride(%a: memref<?x?xf32, strided<[?, 1], offset: ?>>, %i: index) -> f32 {
  %0 = memref.load %a[%i, %i] : memref<?x?xf32, strided<[?, 1], offset: ?>>
  return %0 : f32
}

// -----

// alloc: malloc of the byte size (+ alignment), the aligned pointer bumped with a GEP; dealloc: free.
// CHECK: llvm.func @free(!llvm.ptr)
// CHECK: llvm.func @malloc(i64) -> !llvm.ptr
// CHECK-LABEL: llvm.func @alloc
// CHECK: llvm.mul %{{.*}}, %{{.*}} : i64
// CHECK: %[[B:.*]] = llvm.add %{{.*}}, %{{.*}} : i64
// CHECK: %[[M:.*]] = llvm.call @malloc(%[[B]]) : (i64) -> !llvm.ptr
// CHECK: llvm.getelementptr inbounds %[[M]][%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, i8
// CHECK: %[[A:.*]] = llvm.extractvalue %{{.*}}[0]
// CHECK: llvm.call @free(%[[A]]) : (!llvm.ptr) -> ()
func.func @alloc(%n: index) -> index {
  %0 = memref.alloc(%n) alignment = 64 : memref<?x16xf32>
  %c0 = arith.constant 0 : index
  %1 = memref.dim %0, %c0 : memref<?x16xf32>
  memref.dealloc %0 : memref<?x16xf32>
  return %1 : index
}

// -----

// subview: same buffer, offset + sum off_k * stride_k, strides multiplied by the steps.
// CHECK-LABEL: llvm.func @subview
// CHECK: %[[OFF:.*]] = llvm.add %{{.*}}, %{{.*}} : i64
// CHECK: llvm.insertvalue %[[OFF]], %{{.*}}[2]
// CHECK: llvm.getelementptr inbounds|nuw
func.func @subview(%a: memref<16x16xf32>, %i: index) -> f32 {
  %s = memref.subview %a[%i, 4] [4, 4] [1, 1] : memref<16x16xf32> to memref<4x4xf32, strided<[16, 1], offset: ?>>
  %c1 = arith.constant 1 : index
  %0 = memref.load %s[%c1, %c1] : memref<4x4xf32, strided<[16, 1], offset: ?>>
  return %0 : f32
}

// -----

// copy: memcpy when both sides are contiguous, a loop nest otherwise.
// CHECK-LABEL: llvm.func @copies
// CHECK: llvm.call @memcpy(%{{.*}}, %{{.*}}, %{{.*}}) : (!llvm.ptr, !llvm.ptr, i64) -> !llvm.ptr
// CHECK: llvm.br ^bb1(%{{.*}} : i64)
// CHECK: ^bb1(%[[I:.*]]: i64):
// CHECK: llvm.icmp "slt" %[[I]]
// CHECK: llvm.load
// CHECK: llvm.store
func.func @copies(%a: memref<4x4xf32>, %b: memref<4x4xf32>, %c: memref<4x4xf32, strided<[8, 1]>>) {
  memref.copy %a, %b : memref<4x4xf32> to memref<4x4xf32>
  memref.copy %c, %a : memref<4x4xf32, strided<[8, 1]>> to memref<4x4xf32>
  return
}

// -----

// CHECK: llvm.mlir.global private constant @cst(dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>) {addr_space = 0 : i32, alignment = 64 : i64} : !llvm.array<2 x f32>
// CHECK-LABEL: llvm.func @globals
// CHECK: llvm.mlir.addressof @cst : !llvm.ptr
memref.global "private" constant @cst : memref<2xf32> = dense<[1.0, 2.0]> alignment = 64
func.func @globals() -> f32 {
  %g = memref.get_global @cst : memref<2xf32>
  %c1 = arith.constant 1 : index
  %0 = memref.load %g[%c1] : memref<2xf32>
  return %0 : f32
}
