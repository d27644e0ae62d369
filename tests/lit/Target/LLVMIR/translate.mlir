// RUN: mlir-py-translate --mlir-to-llvmir %s | filecheck %s

// CHECK-LABEL: define float @arith(
// CHECK-SAME: ptr noalias %{{.*}}, i64 %[[I:[a-z0-9]+]], float %[[F:[a-z0-9]+]]) {
// CHECK: %[[S:.*]] = add nsw i64 %[[I]], 1
// CHECK: %[[P:.*]] = getelementptr inbounds nuw float, ptr %{{.*}}, i64 %[[S]]
// CHECK: %[[L:.*]] = load float, ptr %[[P]], align 4
// CHECK: %[[A:.*]] = fadd fast float %[[L]], %[[F]]
// CHECK: %[[M:.*]] = call float @llvm.fmuladd.f32(float %[[L]], float %[[A]], float %[[F]])
// CHECK: %[[C:.*]] = fcmp olt float %[[M]], 0x3FF8000000000000
// CHECK: %[[X:.*]] = select i1 %[[C]], float %[[M]], float %[[A]]
// CHECK: store float %[[X]], ptr %[[P]]
// CHECK: ret float %[[X]]
llvm.func @arith(%p: !llvm.ptr {llvm.noalias}, %i: i64, %f: f32) -> f32 {
  %c1 = llvm.mlir.constant(1 : i64) : i64
  %h = llvm.mlir.constant(1.5 : f32) : f32
  %0 = llvm.add %i, %c1 overflow<nsw> : i64
  %1 = llvm.getelementptr inbounds|nuw %p[%0] : (!llvm.ptr, i64) -> !llvm.ptr, f32
  %2 = llvm.load %1 <alignment = 4> : !llvm.ptr -> f32
  %3 = llvm.fadd %2, %f fastmath<fast> : f32
  %4 = llvm.intr.fmuladd(%2, %3, %f) : (f32, f32, f32) -> f32
  %5 = llvm.fcmp "olt" %4, %h : f32
  %6 = llvm.select %5, %4, %3 : i1, f32
  llvm.store %6, %1 : f32, !llvm.ptr
  llvm.return %6 : f32
}

// Block arguments become phi nodes fed by the predecessors' branches.
// CHECK-LABEL: define i64 @sum(
// CHECK: entry:
// CHECK-NEXT: br label %[[HEAD:bb1]]
// CHECK: [[HEAD]]:
// CHECK-NEXT: %[[I:.*]] = phi i64 [ 0, %entry ], [ %[[NEXT:.*]], %[[BODY:bb2]] ]
// CHECK-NEXT: %[[ACC:.*]] = phi i64 [ 0, %entry ], [ %[[ACC2:.*]], %[[BODY]] ]
// CHECK: br i1 %{{.*}}, label %[[BODY]], label %bb3
// CHECK: [[BODY]]:
// CHECK: %[[ACC2]] = add i64 %[[ACC]], %[[I]]
// CHECK: %[[NEXT]] = add i64 %[[I]], 1
// CHECK: br label %[[HEAD]]
// CHECK: bb3:
// CHECK-NEXT: ret i64 %[[ACC]]
llvm.func @sum(%n: i64) -> i64 {
  %c0 = llvm.mlir.constant(0 : i64) : i64
  %c1 = llvm.mlir.constant(1 : i64) : i64
  llvm.br ^bb1(%c0, %c0 : i64, i64)
^bb1(%i: i64, %acc: i64):
  %c = llvm.icmp "slt" %i, %n : i64
  llvm.cond_br %c, ^bb2, ^bb3
^bb2:
  %a = llvm.add %acc, %i : i64
  %j = llvm.add %i, %c1 : i64
  llvm.br ^bb1(%j, %a : i64, i64)
^bb3:
  llvm.return %acc : i64
}

// Aggregates, vectors, globals, declarations.
// CHECK: @table = internal constant [2 x [2 x float]] {{\[}}[2 x float] [float 0x3FF0000000000000, float 0x4000000000000000], [2 x float] [float 0x4008000000000000, float 0x4010000000000000]]
llvm.mlir.global internal constant @table(dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>) : !llvm.array<2 x array<2 x f32>>

// CHECK-LABEL: define { ptr, i64 } @aggregate(
// CHECK-SAME: ptr %{{.*}}, <4 x float> %[[V:[a-z0-9]+]])
// CHECK: insertvalue { ptr, i64 } undef, ptr @table, 0
// CHECK: fmul <4 x float> %[[V]], splat (float 0x4000000000000000)
// CHECK: call void @external(i32 7)
llvm.func @aggregate(%p: !llvm.ptr, %v: vector<4xf32>) -> !llvm.struct<(ptr, i64)> {
  %u = llvm.mlir.undef : !llvm.struct<(ptr, i64)>
  %g = llvm.mlir.addressof @table : !llvm.ptr
  %0 = llvm.insertvalue %g, %u[0] : !llvm.struct<(ptr, i64)>
  %two = llvm.mlir.constant(dense<2.0> : vector<4xf32>) : vector<4xf32>
  %1 = llvm.fmul %v, %two : vector<4xf32>
  %c7 = llvm.mlir.constant(7 : i32) : i32
  llvm.call @external(%c7) : (i32) -> ()
  llvm.return %0 : !llvm.struct<(ptr, i64)>
}

// CHECK: declare void @external(i32)
llvm.func @external(i32)
// CHECK: declare float @llvm.fmuladd.f32(float, float, float)
