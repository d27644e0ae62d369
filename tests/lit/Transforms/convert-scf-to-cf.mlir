// RUN: mlir-py-opt %s --split-input-file --convert-scf-to-cf | filecheck %s

// for with iter_args, if with and without results, while: the same blocks as mlir-opt prints.
// CHECK-LABEL: func.func @loops
//  CHECK-SAME:     (%[[N:.*]]: index, %[[X:.*]]: f32, %[[M:.*]]: memref<8xf32>) -> f32
//       CHECK:   %[[C0:.*]] = arith.constant 0 : index
//       CHECK:   %[[C1:.*]] = arith.constant 1 : index
//       CHECK:   cf.br ^bb1(%[[C0]], %[[X]] : index, f32)
//       CHECK: ^bb1(%[[I:.*]]: index, %[[ACC:.*]]: f32):  // 2 preds: ^bb0, ^bb8
//       CHECK:   %[[CMP:.*]] = arith.cmpi slt, %[[I]], %[[N]] : index
//       CHECK:   cf.cond_br %[[CMP]], ^bb2, ^bb9
//       CHECK: ^bb2:  // pred: ^bb1
//       CHECK:   %[[C:.*]] = arith.cmpi slt, %[[I]], %[[C1]] : index
//       CHECK:   cf.cond_br %[[C]], ^bb3, ^bb4
//       CHECK: ^bb3:  // pred: ^bb2
//       CHECK:   %[[A:.*]] = arith.addf %[[ACC]], %[[ACC]] : f32
//       CHECK:   cf.br ^bb5(%[[A]] : f32)
//       CHECK: ^bb4:  // pred: ^bb2
//       CHECK:   cf.br ^bb5(%[[ACC]] : f32)
//       CHECK: ^bb5(%[[V:.*]]: f32):  // 2 preds: ^bb3, ^bb4
//       CHECK:   cf.br ^bb6
//       CHECK: ^bb6:  // pred: ^bb5
//       CHECK:   cf.cond_br %[[C]], ^bb7, ^bb8
//       CHECK: ^bb7:  // pred: ^bb6
//       CHECK:   memref.store %[[V]], %[[M]][%[[I]]] : memref<8xf32>
//       CHECK:   cf.br ^bb8
//       CHECK: ^bb8:  // 2 preds: ^bb6, ^bb7
//       CHECK:   %[[NEXT:.*]] = arith.addi %[[I]], %[[C1]] : index
//       CHECK:   cf.br ^bb1(%[[NEXT]], %[[V]] : index, f32)
//       CHECK: ^bb9:  // pred: ^bb1
//       CHECK:   cf.br ^bb10(%[[X]] : f32)
//       CHECK: ^bb10(%[[W:.*]]: f32):  // 2 preds: ^bb9, ^bb11
//       CHECK:   %[[LIM:.*]] = arith.constant 1.000000e+02 : f32
//       CHECK:   %[[WC:.*]] = arith.cmpf olt, %[[W]], %[[LIM]] : f32
//       CHECK:   cf.cond_br %[[WC]], ^bb11(%[[W]] : f32), ^bb12
//       CHECK: ^bb11(%[[B:.*]]: f32):  // pred: ^bb10
//       CHECK:   %[[D:.*]] = arith.addf %[[B]], %[[B]] : f32
//       CHECK:   cf.br ^bb10(%[[D]] : f32)
//       CHECK: ^bb12:  // pred: ^bb10
//       CHECK:   return %[[W]] : f32
func.func @loops(%n: index, %x: f32, %m: memref<8xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> (f32) {
    %c = arith.cmpi slt, %i, %c1 : index
    %v = scf.if %c -> (f32) {
      %a = arith.addf %acc, %acc : f32
      scf.yield %a : f32
    } else {
      scf.yield %acc : f32
    }
    scf.if %c {
      memref.store %v, %m[%i] : memref<8xf32>
    }
    scf.yield %v : f32
  }
  %w = scf.while (%a = %x) : (f32) -> f32 {
    %lim = arith.constant 100.0 : f32
    %c = arith.cmpf olt, %a, %lim : f32
    scf.condition(%c) %a : f32
  } do {
  ^bb0(%b: f32):
    %d = arith.addf %b, %b : f32
    scf.yield %d : f32
  }
  return %w : f32
}

// -----

// index_switch becomes cf.switch on an i64; execute_region is inlined.
// CHECK-LABEL: func.func @switch
//       CHECK:   %[[S:.*]] = arith.index_cast %arg0 : index to i64
//       CHECK:   cf.switch %[[S]] : i64, [
//  CHECK-NEXT:     default: ^bb3,
//  CHECK-NEXT:     2: ^bb1,
//  CHECK-NEXT:     5: ^bb2
//  CHECK-NEXT:   ]
//       CHECK: ^bb4(%[[R:.*]]: f32):  // 3 preds: ^bb1, ^bb2, ^bb3
//       CHECK: ^bb5:  // pred: ^bb4
//  CHECK-NEXT:   %[[E:.*]] = arith.addf %[[R]], %arg1 : f32
//  CHECK-NEXT:   cf.br ^bb6(%[[E]] : f32)
//       CHECK: ^bb6(%[[F:.*]]: f32):  // pred: ^bb5
//  CHECK-NEXT:   return %[[F]] : f32
func.func @switch(%i: index, %x: f32) -> f32 {
  %r = scf.index_switch %i -> f32
  case 2 {
    %a = arith.addf %x, %x : f32
    scf.yield %a : f32
  }
  case 5 {
    %a = arith.mulf %x, %x : f32
    scf.yield %a : f32
  }
  default {
    scf.yield %x : f32
  }
  %e = scf.execute_region -> f32 {
    %b = arith.addf %r, %x : f32
    scf.yield %b : f32
  }
  return %e : f32
}

// -----

// scf.parallel becomes a loop nest carrying the reduction (the reduce region inlined), then blocks.
// CHECK-LABEL: func.func @parallel_sum
//       CHECK:   cf.br ^bb1(%{{.*}}, %[[Z:.*]] : index, f32)
//       CHECK: ^bb1(%[[I:.*]]: index, %[[A:.*]]: f32):
//       CHECK: ^bb3(%[[J:.*]]: index, %[[B:.*]]: f32):
//       CHECK: ^bb4:
//  CHECK-NEXT:   %[[V:.*]] = memref.load %arg0[%[[I]], %[[J]]] : memref<4x5xf32>
//  CHECK-NEXT:   %[[S:.*]] = arith.addf %[[B]], %[[V]] : f32
//       CHECK: ^bb6:
//  CHECK-NEXT:   return %[[A]] : f32
func.func @parallel_sum(%m: memref<4x5xf32>, %x: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %z = arith.constant 0.0 : f32
  %r = scf.parallel (%i, %j) = (%c0, %c0) to (%c4, %c5) step (%c1, %c1) init (%z) -> f32 {
    %v = memref.load %m[%i, %j] : memref<4x5xf32>
    scf.reduce(%v : f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.addf %a, %b : f32
      scf.reduce.return %s : f32
    }
  }
  return %r : f32
}

// -----

// scf.forall on buffers: constants for its static bounds, then the same loop blocks.
// CHECK-LABEL: func.func @forall
//       CHECK:   %[[C0:.*]] = arith.constant 0 : index
//       CHECK:   %[[C4:.*]] = arith.constant 4 : index
//       CHECK:   %[[C1:.*]] = arith.constant 1 : index
//       CHECK:   cf.br ^bb1(%[[C0]] : index)
//       CHECK:   memref.store %arg1, %arg0[%{{.*}}] : memref<4xf32>
func.func @forall(%m: memref<4xf32>, %x: f32) {
  scf.forall (%i) in (4) {
    memref.store %x, %m[%i] : memref<4xf32>
  }
  return
}
