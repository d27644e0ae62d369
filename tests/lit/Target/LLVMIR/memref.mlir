// RUN: mlir-py-opt %s --finalize-memref-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts | mlir-py-translate --mlir-to-llvmir | filecheck %s
// Real MLIR (iree-opt) parses our llvm dialect and its print of it translates to the same LLVM IR.
// RUN: mlir-py-opt %s --finalize-memref-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts | iree-opt | mlir-py-translate --mlir-to-llvmir | filecheck %s

// The memref family end to end (mlir/docs/TargetLLVMIR.md): a memref argument is passed as its expanded
// descriptor (allocated ptr, aligned ptr, offset, sizes, strides) and rebuilt as a struct; alloc/dealloc are
// malloc/free of the byte size; an access is a getelementptr on the aligned pointer at offset + sum(i_k * stride_k).
// CHECK-DAG: declare void @free(ptr)
// CHECK-DAG: declare ptr @malloc(i64)
// CHECK-LABEL: define float @memref(
// CHECK-SAME: ptr %[[ALLOC:[a-z0-9]+]], ptr %[[ALIGN:[a-z0-9]+]], i64 %[[OFF:[a-z0-9]+]], i64 %{{[a-z0-9]+}}, i64 %{{[a-z0-9]+}}, i64 %{{[a-z0-9]+}}, i64 %{{[a-z0-9]+}}, i64 %[[I:[a-z0-9]+]], i64 %[[J:[a-z0-9]+]])
// CHECK: %[[D0:.*]] = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } undef, ptr %[[ALLOC]], 0
// CHECK-NEXT: insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %[[D0]], ptr %[[ALIGN]], 1
// CHECK: %[[DESC:.*]] = insertvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %{{.*}}, i64 %{{.*}}, 4, 1
// 16 x f32 = 64 bytes
// CHECK-NEXT: %[[BUF:.*]] = call ptr @malloc(i64 64)
// CHECK: %[[ROW:.*]] = mul i64 %[[I]], 8
// CHECK-NEXT: %[[IDX:.*]] = add i64 %[[ROW]], %[[J]]
// CHECK-NEXT: %[[P:.*]] = extractvalue { ptr, ptr, i64, [2 x i64], [2 x i64] } %[[DESC]], 1
// CHECK-NEXT: %[[Q:.*]] = getelementptr inbounds nuw float, ptr %[[P]], i64 %[[IDX]]
// CHECK-NEXT: %[[V:.*]] = load float, ptr %[[Q]]
// CHECK: %[[Q2:.*]] = getelementptr inbounds nuw float, ptr %{{.*}}, i64 %[[J]]
// CHECK-NEXT: store float %[[V]], ptr %[[Q2]]
// CHECK: %[[W:.*]] = load float, ptr
// CHECK: %[[FREE:.*]] = extractvalue { ptr, ptr, i64, [1 x i64], [1 x i64] } %{{.*}}, 0
// CHECK-NEXT: call void @free(ptr %[[FREE]])
// CHECK-NEXT: ret float %[[W]]
func.func @memref(%m: memref<4x8xf32>, %i: index, %j: index) -> f32 {
  %a = memref.alloc() : memref<16xf32>
  %v = memref.load %m[%i, %j] : memref<4x8xf32>
  memref.store %v, %a[%j] : memref<16xf32>
  %w = memref.load %a[%i] : memref<16xf32>
  memref.dealloc %a : memref<16xf32>
  return %w : f32
}
