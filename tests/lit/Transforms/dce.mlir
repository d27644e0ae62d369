// RUN: mlir-py-opt %s --split-input-file --allow-unregistered-dialect --dce | filecheck %s

// Dead pure ops go, transitively; ops with effects (unregistered ones included) stay.

// CHECK-LABEL: func.func @dead_ops
//  CHECK-NEXT:   "test.effect"(%arg0) : (i32) -> i32
//  CHECK-NEXT:   return %arg0
func.func @dead_ops(%x: i32) -> i32 {
  %a = arith.addi %x, %x : i32
  %b = arith.muli %a, %a : i32
  %e = "test.effect"(%x) : (i32) -> i32
  return %x : i32
}

// -----

// A value that only feeds itself around a loop is dead: region DCE sees through block arguments.

// CHECK-LABEL: func.func @dead_cycle
//       CHECK:   cf.br ^bb1(%{{.*}} : index)
//       CHECK: ^bb1(%[[I:.*]]: index):
//   CHECK-NOT:   arith.muli
func.func @dead_cycle(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^bb1(%c0, %c1 : index, index)
^bb1(%i: index, %p: index):
  %q = arith.muli %p, %p : index
  %cond = arith.cmpi slt, %i, %n : index
  cf.cond_br %cond, ^bb2, ^bb3
^bb2:
  %next = arith.addi %i, %c1 : index
  cf.br ^bb1(%next, %q : index, index)
^bb3:
  return %i : index
}

// -----

// Unreachable blocks are erased.

// CHECK-LABEL: func.func @unreachable
//  CHECK-NEXT:   return %arg0
//  CHECK-NEXT: }
func.func @unreachable(%x: i32) -> i32 {
  return %x : i32
^bb1:
  "test.sink"() : () -> ()
  cf.br ^bb1
}
