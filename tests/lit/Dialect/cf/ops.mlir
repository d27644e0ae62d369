// RUN: mlir-py-opt %s | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | filecheck %s --check-prefix=GENERIC

// CHECK-LABEL: func.func @branches
//  CHECK-SAME:   (%[[C:.*]]: i1, %[[A:.*]]: i32, %[[B:.*]]: f32, %[[F:.*]]: i32)
func.func @branches(%c: i1, %a: i32, %b: f32, %flag: i32) {
  // CHECK: cf.assert %[[C]], "oops \22x\22"
  // GENERIC: "cf.assert"(%{{.*}}) <{msg = "oops \22x\22"}> : (i1) -> ()
  cf.assert %c, "oops \"x\""
  // CHECK: cf.br ^[[BB1:.*]](%[[A]], %[[B]] : i32, f32)
  // GENERIC: "cf.br"(%{{.*}}, %{{.*}})[^bb1] : (i32, f32) -> ()
  cf.br ^bb1(%a, %b : i32, f32)
// CHECK: ^[[BB1]](%[[X:.*]]: i32, %{{.*}}: f32):
^bb1(%x: i32, %y: f32):
  // CHECK: cf.cond_br %[[C]], ^[[BB2:.*]](%[[X]] : i32), ^[[BB3:.*]]{{$}}
  // GENERIC: "cf.cond_br"(%{{.*}}, %{{.*}})[^bb2, ^bb3] <{operandSegmentSizes = array<i32: 1, 1, 0>}> : (i1, i32) -> ()
  cf.cond_br %c, ^bb2(%x : i32), ^bb3
// CHECK: ^[[BB2]](%[[Z:.*]]: i32):
^bb2(%z: i32):
  // CHECK: cf.cond_br %[[C]] weights([3, 5]), ^[[BB3]], ^[[BB2]](%[[Z]] : i32)
  // GENERIC: <{branch_weights = array<i32: 3, 5>, operandSegmentSizes = array<i32: 1, 0, 1>}>
  cf.cond_br %c weights([3, 5]), ^bb3, ^bb2(%z : i32)
^bb3:
  //      CHECK: cf.switch %[[F]] : i32, [
  // CHECK-NEXT:   default: ^[[BB1]](%[[A]], %[[B]] : i32, f32),
  // CHECK-NEXT:   42: ^[[BB4:.*]],
  // CHECK-NEXT:   -3: ^[[BB2]](%[[A]] : i32)
  // CHECK-NEXT: ]
  // GENERIC: "cf.switch"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}})[^bb1, ^bb4, ^bb2] <{case_operand_segments = array<i32: 0, 1>, case_values = dense<[42, -3]> : vector<2xi32>, operandSegmentSizes = array<i32: 1, 2, 1>}> : (i32, i32, f32, i32) -> ()
  cf.switch %flag : i32, [
    default: ^bb1(%a, %b : i32, f32),
    42: ^bb4,
    -3: ^bb2(%a : i32)
  ]
^bb4:
  //      CHECK: cf.switch %[[F]] : i32, [
  // CHECK-NEXT:   default: ^[[BB5:.*]]]
  // GENERIC: "cf.switch"(%{{.*}})[^bb5] <{case_operand_segments = array<i32>, operandSegmentSizes = array<i32: 1, 0, 0>}> : (i32) -> ()
  cf.switch %flag : i32, [
    default: ^bb5
  ]
^bb5:
  // CHECK: cf.br ^{{.*}} {foo}
  cf.br ^bb6 {foo}
^bb6:
  return
}

// CHECK-LABEL: func.func @loop
func.func @loop(%n: i64) -> i64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  // CHECK: cf.br ^[[HEAD:.*]](%{{.*}} : i64)
  cf.br ^head(%c0 : i64)
// CHECK: ^[[HEAD]](%[[I:.*]]: i64):  // 2 preds: ^bb0, ^[[BODY:.*]]
^head(%i: i64):
  %cond = arith.cmpi slt, %i, %n : i64
  // CHECK: cf.cond_br %{{.*}}, ^[[BODY]], ^[[EXIT:.*]]
  cf.cond_br %cond, ^body, ^exit
^body:
  %next = arith.addi %i, %c1 : i64
  cf.br ^head(%next : i64)
^exit:
  return %i : i64
}

// CHECK-LABEL: func.func @switch_i8
func.func @switch_i8(%f: i8) {
  //      CHECK: cf.switch %{{.*}} : i8, [
  // CHECK-NEXT:   default: ^bb1,
  // CHECK-NEXT:   -1: ^bb1,
  // CHECK-NEXT:   127: ^bb1
  // CHECK-NEXT: ]
  cf.switch %f : i8, [
    default: ^bb1,
    -1: ^bb1,
    127: ^bb1
  ]
^bb1:
  return
}
