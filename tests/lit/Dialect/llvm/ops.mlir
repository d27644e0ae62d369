// RUN: mlir-py-opt %s | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | mlir-py-opt | filecheck %s

// The llvm dialect's custom syntax, as mlir-opt prints it (checked against iree-opt in
// tests/unit/test_llvm_dialect.py).

// CHECK-LABEL: llvm.func @arith
//  CHECK-SAME: (%[[P:.*]]: !llvm.ptr {llvm.noalias}, %[[I:.*]]: i64, %[[F:.*]]: f32) -> f32
llvm.func @arith(%p: !llvm.ptr {llvm.noalias}, %i: i64, %f: f32) -> f32 {
  // CHECK: %[[C:.*]] = llvm.mlir.constant(1 : i64) : i64
  %c = llvm.mlir.constant(1 : i64) : i64
  // CHECK: llvm.add %[[I]], %[[C]] overflow<nsw, nuw> : i64
  %0 = llvm.add %i, %c overflow<nsw, nuw> : i64
  // CHECK: llvm.sdiv exact %{{.*}}, %[[C]] : i64
  %1 = llvm.sdiv exact %0, %c : i64
  // CHECK: llvm.getelementptr inbounds|nuw %[[P]][%{{.*}}] : (!llvm.ptr, i64) -> !llvm.ptr, f32
  %2 = llvm.getelementptr inbounds|nuw %p[%1] : (!llvm.ptr, i64) -> !llvm.ptr, f32
  // CHECK: llvm.getelementptr %[[P]][1, 1] : (!llvm.ptr) -> !llvm.ptr, !llvm.struct<(i32, array<4 x f32>)>
  %g = llvm.getelementptr %p[1, 1] : (!llvm.ptr) -> !llvm.ptr, !llvm.struct<(i32, array<4 x f32>)>
  // CHECK: llvm.load %{{.*}} <alignment = 4, nontemporal> : !llvm.ptr -> f32
  %3 = llvm.load %2 <alignment = 4, nontemporal> : !llvm.ptr -> f32
  // CHECK: llvm.fadd %{{.*}}, %[[F]] fastmath<fast> : f32
  %4 = llvm.fadd %3, %f fastmath<fast> : f32
  // CHECK: llvm.intr.fmuladd(%{{.*}}, %{{.*}}, %[[F]]) : (f32, f32, f32) -> f32
  %5 = llvm.intr.fmuladd(%3, %4, %f) : (f32, f32, f32) -> f32
  // CHECK: llvm.intr.exp(%{{.*}}) fastmath<nnan, ninf> : (f32) -> f32
  %6 = llvm.intr.exp(%5) fastmath<nnan, ninf> : (f32) -> f32
  // CHECK: llvm.fcmp "olt" %{{.*}}, %{{.*}} : f32
  %7 = llvm.fcmp "olt" %6, %4 : f32
  // CHECK: llvm.select %{{.*}}, %{{.*}}, %{{.*}} : i1, f32
  %8 = llvm.select %7, %6, %4 : i1, f32
  // CHECK: llvm.store %{{.*}}, %{{.*}} <alignment = 4> : f32, !llvm.ptr
  llvm.store %8, %2 <alignment = 4> : f32, !llvm.ptr
  // CHECK: llvm.fneg %{{.*}} : f32
  %9 = llvm.fneg %8 : f32
  llvm.return %9 : f32
}

// CHECK-LABEL: llvm.func @aggregates
llvm.func @aggregates(%p: !llvm.ptr, %n: i64) -> i64 {
  // CHECK: llvm.mlir.undef : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
  %0 = llvm.mlir.undef : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
  // CHECK: llvm.insertvalue %{{.*}}, %{{.*}}[0] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
  %1 = llvm.insertvalue %p, %0[0] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
  %2 = llvm.insertvalue %n, %1[3, 1] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
  // CHECK: llvm.extractvalue %{{.*}}[3, 1] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
  %3 = llvm.extractvalue %2[3, 1] : !llvm.struct<(ptr, ptr, i64, array<2 x i64>, array<2 x i64>)>
  // CHECK: llvm.alloca %{{.*}} x f32 {alignment = 16 : i64} : (i64) -> !llvm.ptr
  %4 = llvm.alloca %n x f32 {alignment = 16 : i64} : (i64) -> !llvm.ptr
  // CHECK: llvm.ptrtoint %{{.*}} : !llvm.ptr to i64
  %5 = llvm.ptrtoint %4 : !llvm.ptr to i64
  %6 = llvm.mlir.zero : !llvm.ptr
  %7 = llvm.mlir.poison : i64
  llvm.return %3 : i64
}

// CHECK-LABEL: llvm.func @control
llvm.func @control(%c: i1, %x: i32) -> i32 {
  // CHECK: llvm.cond_br %{{.*}}, ^bb1(%{{.*}} : i32), ^bb2
  llvm.cond_br %c, ^bb1(%x : i32), ^bb2
^bb1(%a: i32):
  // CHECK: llvm.switch %{{.*}} : i32, ^bb2 [
  // CHECK-NEXT: 1: ^bb1(%{{.*}} : i32),
  // CHECK-NEXT: 7: ^bb2
  // CHECK-NEXT: ]
  llvm.switch %a : i32, ^bb2 [
    1: ^bb1(%a : i32),
    7: ^bb2
  ]
^bb2:
  // CHECK: llvm.call @callee(%{{.*}}) : (i32) -> i32
  %r = llvm.call @callee(%x) : (i32) -> i32
  llvm.return %r : i32
}

// CHECK: llvm.func @callee(i32) -> i32
llvm.func @callee(i32) -> i32

// CHECK: llvm.mlir.global internal constant @table(dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>) {addr_space = 0 : i32} : !llvm.array<2 x f32>
llvm.mlir.global internal constant @table(dense<[1.0, 2.0]> : tensor<2xf32>) {addr_space = 0 : i32} : !llvm.array<2 x f32>

// CHECK-LABEL: llvm.func @global
llvm.func @global() -> !llvm.ptr {
  // CHECK: llvm.mlir.addressof @table : !llvm.ptr
  %0 = llvm.mlir.addressof @table : !llvm.ptr
  llvm.return %0 : !llvm.ptr
}
