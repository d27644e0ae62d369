// RUN: mlir-py-opt %s --convert-scf-to-cf --convert-cf-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts | mlir-py-translate --mlir-to-llvmir | filecheck %s
// Real MLIR (iree-opt) parses our llvm dialect and its print of it translates to the same LLVM IR.
// RUN: mlir-py-opt %s --convert-scf-to-cf --convert-cf-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts | iree-opt | mlir-py-translate --mlir-to-llvmir | filecheck %s

// The control-flow family end to end: scf -> cf -> llvm dialect -> LLVM IR. Block arguments become phi nodes
// with one entry per predecessor edge; the translation's output is checked by LLVM's verifier (llvmlite).

// CHECK: declare void @abort()

// scf.for: a header block testing i < n, the body, the exit; the iter_arg is a phi in the header.
// CHECK-LABEL: define float @loops(
// CHECK-SAME: i64 %[[N:[a-z0-9]+]], float %[[X:[a-z0-9]+]])
// CHECK-NEXT: entry:
// CHECK-NEXT: br label %[[HEAD:[a-z0-9]+]]
// CHECK-NEXT: [[HEAD]]:
// CHECK-NEXT: %[[I:.*]] = phi i64 [ 0, %entry ], [ %[[NEXT:[a-z0-9]+]], %[[BODY:[a-z0-9]+]] ]
// CHECK-NEXT: %[[ACC:.*]] = phi float [ %[[X]], %entry ], [ %[[SUM:[a-z0-9]+]], %[[BODY]] ]
// CHECK-NEXT: %[[C:.*]] = icmp slt i64 %[[I]], %[[N]]
// CHECK-NEXT: br i1 %[[C]], label %[[BODY]], label %[[EXIT:[a-z0-9]+]]
// CHECK-NEXT: [[BODY]]:
// CHECK-NEXT: %[[SUM]] = fadd float %[[ACC]], %[[X]]
// CHECK-NEXT: %[[NEXT]] = add i64 %[[I]], 1
// CHECK-NEXT: br label %[[HEAD]]
// CHECK-NEXT: [[EXIT]]:
// CHECK-NEXT: ret float %[[ACC]]
func.func @loops(%n: index, %x: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> (f32) {
    %s = arith.addf %acc, %x : f32
    scf.yield %s : f32
  }
  return %r : f32
}

// scf.if with a result: then/else blocks branch to a merge block whose argument is a phi of both.
// CHECK-LABEL: define i32 @branches(
// CHECK-SAME: i1 %[[COND:[a-z0-9]+]], i32 %[[A:[a-z0-9]+]], i32 %[[B:[a-z0-9]+]])
// CHECK: br i1 %[[COND]], label %[[THEN:[a-z0-9]+]], label %[[ELSE:[a-z0-9]+]]
// CHECK: [[THEN]]:
// CHECK-NEXT: br label %[[MERGE:[a-z0-9]+]]
// CHECK: [[ELSE]]:
// CHECK-NEXT: br label %[[MERGE]]
// CHECK: [[MERGE]]:
// CHECK-NEXT: %[[R:.*]] = phi i32 [ %[[A]], %[[THEN]] ], [ %[[B]], %[[ELSE]] ]
// CHECK: ret i32 %[[R]]
func.func @branches(%c: i1, %a: i32, %b: i32) -> i32 {
  %r = scf.if %c -> (i32) {
    scf.yield %a : i32
  } else {
    scf.yield %b : i32
  }
  return %r : i32
}

// cf.switch: the default destination and the case values.
// CHECK-LABEL: define i64 @switch(
// CHECK-SAME: i32 %[[F:[a-z0-9]+]], i64 %[[SA:[a-z0-9]+]], i64 %[[SB:[a-z0-9]+]])
// CHECK-NEXT: entry:
// CHECK-NEXT: switch i32 %[[F]], label %[[DEF:[a-z0-9]+]] [ i32 3, label %[[C3:[a-z0-9]+]] i32 7, label %[[C7:[a-z0-9]+]] ]
// CHECK-NEXT: [[DEF]]:
// CHECK-NEXT: %[[D:.*]] = phi i64 [ %[[SA]], %entry ]
// CHECK-NEXT: ret i64 %[[D]]
// CHECK-NEXT: [[C3]]:
// CHECK-NEXT: ret i64 %[[SB]]
// CHECK-NEXT: [[C7]]:
// CHECK-NEXT: %[[E:.*]] = phi i64 [ %[[SB]], %entry ]
// CHECK-NEXT: add i64 %[[E]], %[[SA]]
func.func @switch(%f: i32, %a: i64, %b: i64) -> i64 {
  cf.switch %f : i32, [
    default: ^bb1(%a : i64),
    3: ^bb2,
    7: ^bb3(%b : i64)
  ]
^bb1(%x: i64):
  return %x : i64
^bb2:
  return %b : i64
^bb3(%y: i64):
  %z = arith.addi %y, %a : i64
  return %z : i64
}

// cf.assert: a failing condition calls abort() (declared once, first in the module) and ends in unreachable.
// CHECK-LABEL: define void @assert(
// CHECK-SAME: i1 %[[OK:[a-z0-9]+]])
// CHECK-NEXT: entry:
// CHECK-NEXT: br i1 %[[OK]], label %[[CONT:[a-z0-9]+]], label %[[FAIL:[a-z0-9]+]]
// CHECK-NEXT: [[FAIL]]:
// CHECK-NEXT: call void @abort()
// CHECK-NEXT: unreachable
// CHECK-NEXT: [[CONT]]:
// CHECK-NEXT: ret void
func.func @assert(%c: i1) {
  cf.assert %c, "must hold"
  return
}
