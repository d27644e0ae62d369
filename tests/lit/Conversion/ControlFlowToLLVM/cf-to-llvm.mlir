// RUN: mlir-py-opt %s --split-input-file --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts | filecheck %s

// Branches keep their successors; block arguments become i64 with their operands.
// CHECK-LABEL: llvm.func @loop
// CHECK-SAME: (%[[N:.*]]: i64) -> i64
// CHECK: %[[Z:.*]] = llvm.mlir.constant(0 : i64) : i64
// CHECK: llvm.br ^bb1(%[[Z]] : i64)
// CHECK: ^bb1(%[[I:.*]]: i64):
// CHECK: %[[C:.*]] = llvm.icmp "slt" %[[I]], %[[N]] : i64
// CHECK: llvm.cond_br %[[C]], ^bb2, ^bb3
// CHECK: ^bb2:
// CHECK: llvm.br ^bb1(%{{.*}} : i64)
// CHECK: ^bb3:
// CHECK: llvm.return %[[I]] : i64
func.func @loop(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^bb1(%c0 : index)
^bb1(%i: index):
  %c = arith.cmpi slt, %i, %n : index
  cf.cond_br %c, ^bb2, ^bb3
^bb2:
  %j = arith.addi %i, %c1 : index
  cf.br ^bb1(%j : index)
^bb3:
  return %i : index
}

// -----

// CHECK-LABEL: llvm.func @switch
// CHECK: llvm.switch %{{.*}} : i32, ^bb1(%{{.*}} : i64) [
// CHECK-NEXT: 2: ^bb2
// CHECK-NEXT: ]
func.func @switch(%x: i32, %n: index) -> index {
  cf.switch %x : i32, [ default: ^bb1(%n : index), 2: ^bb2 ]
^bb1(%a: index):
  return %a : index
^bb2:
  return %n : index
}

// -----

// cf.assert calls abort() when the condition is false.
// CHECK: llvm.func @abort()
// CHECK-LABEL: llvm.func @assert
// CHECK: llvm.cond_br %{{.*}}, ^bb2, ^bb1
// CHECK: ^bb1:
// CHECK-NEXT: llvm.call @abort() : () -> ()
// CHECK-NEXT: llvm.unreachable
// CHECK: ^bb2:
// CHECK-NEXT: llvm.return
func.func @assert(%c: i1) {
  cf.assert %c, "must hold"
  return
}
