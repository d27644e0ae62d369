// RUN: mlir-py-opt %s --canonicalize --split-input-file --allow-unregistered-dialect | filecheck %s

// A branch to a block with no other predecessor merges the two blocks.
// CHECK-LABEL: func.func @br_single_pred
//  CHECK-SAME:   (%[[X:.*]]: i32)
//  CHECK-NEXT:   %[[Z:.*]] = arith.addi %[[X]], %[[X]] : i32
//  CHECK-NEXT:   return %[[Z]] : i32
func.func @br_single_pred(%x: i32) -> i32 {
  cf.br ^bb1(%x : i32)
^bb1(%y: i32):
  %z = arith.addi %y, %y : i32
  return %z : i32
}

// -----

// CHECK-LABEL: func.func @br_chain
//  CHECK-NEXT:   return %arg0 : i32
func.func @br_chain(%x: i32) -> i32 {
  cf.br ^bb1
^bb1:
  cf.br ^bb2
^bb2:
  cf.br ^bb3(%x : i32)
^bb3(%y: i32):
  return %y : i32
}

// -----

// CHECK-LABEL: func.func @cond_br_true
//  CHECK-NEXT:   return %arg0 : i32
func.func @cond_br_true(%x: i32, %y: i32) -> i32 {
  %t = arith.constant true
  cf.cond_br %t, ^bb1(%x : i32), ^bb1(%y : i32)
^bb1(%z: i32):
  return %z : i32
}

// -----

// CHECK-LABEL: func.func @cond_br_false
//  CHECK-NEXT:   return %arg1 : i32
func.func @cond_br_false(%x: i32, %y: i32) -> i32 {
  %f = arith.constant false
  cf.cond_br %f, ^bb1(%x : i32), ^bb2
^bb1(%z: i32):
  return %z : i32
^bb2:
  return %y : i32
}

// -----

// Pass-through blocks are bypassed; the two edges into one block become a select.
// CHECK-LABEL: func.func @cond_br_to_select
//  CHECK-SAME:   (%[[C:.*]]: i1, %[[X:.*]]: i32, %[[Y:.*]]: i32)
//  CHECK-NEXT:   %[[S:.*]] = arith.select %[[C]], %[[X]], %[[Y]] : i32
//  CHECK-NEXT:   return %[[S]] : i32
func.func @cond_br_to_select(%c: i1, %x: i32, %y: i32) -> i32 {
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  cf.br ^bb3(%x : i32)
^bb2:
  cf.br ^bb3(%y : i32)
^bb3(%z: i32):
  return %z : i32
}

// -----

// A loop stays a loop.
// CHECK-LABEL: func.func @loop
//       CHECK:   cf.br ^[[HEAD:.*]](%{{.*}} : i32)
//       CHECK: ^[[HEAD]](%{{.*}}: i32):
//       CHECK:   cf.cond_br %{{.*}}, ^{{.*}}, ^{{.*}}
func.func @loop(%n: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  cf.br ^head(%c0 : i32)
^head(%i: i32):
  %cond = arith.cmpi slt, %i, %n : i32
  cf.cond_br %cond, ^body, ^exit
^body:
  %next = arith.addi %i, %c1 : i32
  cf.br ^head(%next : i32)
^exit:
  return %i : i32
}

// -----

// CHECK-LABEL: func.func @switch_const
//  CHECK-NEXT:   %[[C:.*]] = arith.constant 42 : i32
//  CHECK-NEXT:   return %[[C]] : i32
func.func @switch_const(%x: i32) -> i32 {
  %c = arith.constant 42 : i32
  cf.switch %c : i32, [
    default: ^bb1(%x : i32),
    42: ^bb2
  ]
^bb1(%a: i32):
  return %a : i32
^bb2:
  return %c : i32
}

// -----

// CHECK-LABEL: func.func @switch_only_default
//  CHECK-NEXT:   return %arg1 : i32
func.func @switch_only_default(%f: i32, %x: i32) -> i32 {
  cf.switch %f : i32, [
    default: ^bb1(%x : i32)
  ]
^bb1(%a: i32):
  return %a : i32
}

// -----

// Cases that go where the default goes (same operands) are dropped.
// CHECK-LABEL: func.func @switch_drop_cases
//       CHECK:   cf.switch %arg0 : i32, [
//  CHECK-NEXT:     default: ^bb1(%arg1 : i32),
//  CHECK-NEXT:     2: ^bb1(%arg2 : i32),
//  CHECK-NEXT:     3: ^bb1(%arg2 : i32)
//  CHECK-NEXT:   ]
func.func @switch_drop_cases(%f: i32, %x: i32, %y: i32) -> i32 {
  cf.switch %f : i32, [
    default: ^bb1(%x : i32),
    1: ^bb1(%x : i32),
    2: ^bb1(%y : i32),
    3: ^bb2
  ]
^bb1(%a: i32):
  return %a : i32
^bb2:
  cf.br ^bb1(%y : i32)
}

// -----

// CHECK-LABEL: func.func @assert_true
//  CHECK-NEXT:   cf.assert %arg0, "maybe"
//  CHECK-NEXT:   return
func.func @assert_true(%c: i1) {
  %t = arith.constant true
  cf.assert %t, "always"
  cf.assert %c, "maybe"
  return
}

// -----

// Region DCE drops block arguments nobody uses, and the successor operands feeding them (through the
// BranchOpInterface of cf.cond_br / cf.br / cf.switch).
// CHECK-LABEL: func.func @dead_block_args
//  CHECK-SAME:   (%[[C:.*]]: i1, %[[X:.*]]: i32, %[[Y:.*]]: i32)
//  CHECK-NEXT:   cf.cond_br %[[C]], ^[[BB1:.*]](%[[Y]] : i32), ^[[BB2:.*]]{{$}}
//  CHECK-NEXT: ^[[BB1]](%[[B:.*]]: i32):
//  CHECK-NEXT:   "test.use"(%[[B]])
//  CHECK-NEXT:   return %[[X]] : i32
//  CHECK-NEXT: ^[[BB2]]:
//  CHECK-NEXT:   "test.use"(%[[Y]])
//  CHECK-NEXT:   cf.br ^[[BB1]](%[[X]] : i32)
func.func @dead_block_args(%c: i1, %x: i32, %y: i32) -> i32 {
  cf.cond_br %c, ^bb1(%x, %y : i32, i32), ^bb2
^bb1(%a: i32, %b: i32):
  "test.use"(%b) : (i32) -> ()
  cf.br ^bb3(%a : i32)
^bb2:
  "test.use"(%y) : (i32) -> ()
  cf.br ^bb1(%y, %x : i32, i32)
^bb3(%z: i32):
  return %x : i32
}

// -----

// CHECK-LABEL: func.func @dead_switch_args
//       CHECK:   cf.switch %arg0 : i32, [
//  CHECK-NEXT:     default: ^bb1(%arg1, %arg2 : i32, i32),
//  CHECK-NEXT:     4: ^bb2(%arg1 : i32)
//  CHECK-NEXT:   ]
//       CHECK:   cf.br ^bb2(%{{.*}} : i32)
//       CHECK: ^bb2(%{{.*}}: i32):
func.func @dead_switch_args(%f: i32, %x: i32, %y: i32) -> i32 {
  cf.switch %f : i32, [
    default: ^bb1(%x, %y : i32, i32),
    4: ^bb2(%y, %x : i32, i32)
  ]
^bb1(%a: i32, %b: i32):
  "test.use"(%a) : (i32) -> ()
  cf.br ^bb2(%a, %b : i32, i32)
^bb2(%p: i32, %q: i32):
  "test.use"(%q) : (i32) -> ()
  return %x : i32
}
