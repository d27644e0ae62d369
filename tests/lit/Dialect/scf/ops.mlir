// RUN: mlir-py-opt %s --allow-unregistered-dialect | mlir-py-opt --allow-unregistered-dialect | filecheck %s
// RUN: mlir-py-opt %s --allow-unregistered-dialect --mlir-print-op-generic | mlir-py-opt --allow-unregistered-dialect | filecheck %s
// RUN: mlir-py-opt %s --allow-unregistered-dialect --mlir-print-op-generic | filecheck %s --check-prefix=GENERIC

// CHECK-LABEL: func.func @for_loops
//  CHECK-SAME:   (%[[LB:.*]]: index, %[[UB:.*]]: index, %[[S:.*]]: index, %[[X:.*]]: f32, %[[A:.*]]: i32, %[[B:.*]]: i32)
func.func @for_loops(%lb: index, %ub: index, %s: index, %x: f32, %a: i32, %b: i32) -> f32 {
  // The implicit scf.yield is elided.
  //      CHECK: scf.for %[[I:.*]] = %[[LB]] to %[[UB]] step %[[S]] {
  // CHECK-NEXT:   arith.addi %[[I]], %[[I]] : index
  // CHECK-NEXT: }
  // GENERIC: "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}) ({
  // GENERIC: "scf.yield"() : () -> ()
  // GENERIC: }) : (index, index, index) -> ()
  scf.for %i = %lb to %ub step %s {
    %0 = arith.addi %i, %i : index
  }
  //      CHECK: %[[R:.*]] = scf.for %{{.*}} = %[[LB]] to %[[UB]] step %[[S]] iter_args(%[[ACC:.*]] = %[[X]]) -> (f32) {
  // CHECK-NEXT:   %[[N:.*]] = arith.addf %[[ACC]], %[[ACC]] : f32
  // CHECK-NEXT:   scf.yield %[[N]] : f32
  // CHECK-NEXT: }
  // GENERIC: "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}) ({
  // GENERIC-NEXT: ^bb0(%{{.*}}: index, %{{.*}}: f32):
  %r = scf.for %i = %lb to %ub step %s iter_args(%acc = %x) -> f32 {
    %1 = arith.addf %acc, %acc : f32
    scf.yield %1 : f32
  }
  // Non-index induction variables print their type after the header (with MLIR's double space).
  //      CHECK: %{{.*}}:2 = scf.for %{{.*}} = %[[A]] to %[[B]] step %[[A]] iter_args(%{{.*}} = %[[X]], %{{.*}} = %[[A]]) -> (f32, i32)  : i32 {
  //      CHECK: } {foo = 1 : i64}
  %r2:2 = scf.for %i = %a to %b step %a iter_args(%p = %x, %q = %a) -> (f32, i32) : i32 {
    scf.yield %p, %q : f32, i32
  } {foo = 1}
  //      CHECK: scf.for unsigned %{{.*}} = %[[A]] to %[[B]] step %[[A]]  : i32 {
  // CHECK-NEXT: }
  // GENERIC: "scf.for"(%{{.*}}, %{{.*}}, %{{.*}}) <{unsignedCmp}> ({
  scf.for unsigned %i = %a to %b step %a : i32 {
  }
  return %r : f32
}

// CHECK-LABEL: func.func @nested_for
func.func @nested_for(%lb: index, %ub: index, %t: tensor<4xf32>) -> tensor<4xf32> {
  // CHECK: scf.for %{{.*}} iter_args(%[[O:.*]] = %{{.*}}) -> (tensor<4xf32>) {
  // CHECK:   scf.for %{{.*}} iter_args(%[[IN:.*]] = %[[O]]) -> (tensor<4xf32>) {
  // CHECK:     scf.yield %[[IN]] : tensor<4xf32>
  %r = scf.for %i = %lb to %ub step %lb iter_args(%o = %t) -> (tensor<4xf32>) {
    %r2 = scf.for %j = %i to %ub step %lb iter_args(%in = %o) -> (tensor<4xf32>) {
      scf.yield %in : tensor<4xf32>
    }
    scf.yield %r2 : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}

// CHECK-LABEL: func.func @ifs
//  CHECK-SAME:   (%[[C:.*]]: i1, %[[X:.*]]: f32, %[[A:.*]]: i32)
func.func @ifs(%c: i1, %x: f32, %a: i32) {
  //      CHECK: %{{.*}} = scf.if %[[C]] -> (f32) {
  // CHECK-NEXT:   scf.yield %[[X]] : f32
  // CHECK-NEXT: } else {
  // CHECK-NEXT:   scf.yield %[[X]] : f32
  // CHECK-NEXT: }
  %t = scf.if %c -> f32 {
    scf.yield %x : f32
  } else {
    scf.yield %x : f32
  }
  //      CHECK: scf.if %[[C]] {
  // CHECK-NEXT:   arith.addf
  // CHECK-NEXT: }
  // GENERIC: "scf.if"(%{{.*}}) ({
  // GENERIC: "scf.yield"() : () -> ()
  // GENERIC-NEXT: }, {
  // GENERIC-NEXT: }) : (i1) -> ()
  scf.if %c {
    %z = arith.addf %x, %x : f32
  }
  //      CHECK: scf.if %[[C]] {
  // CHECK-NEXT: } else {
  // CHECK-NEXT:   arith.addf
  // CHECK-NEXT: } {bar}
  scf.if %c {
  } else {
    %z = arith.addf %x, %x : f32
  } {bar}
  // CHECK: %{{.*}}:2 = scf.if %[[C]] -> (f32, i32) {
  %t2:2 = scf.if %c -> (f32, i32) {
    scf.yield %x, %a : f32, i32
  } else {
    scf.yield %x, %a : f32, i32
  }
  return
}

// CHECK-LABEL: func.func @whiles
func.func @whiles(%x: f32, %a: i32, %c: i1) {
  //      CHECK: %{{.*}}:2 = scf.while (%[[P:.*]] = %{{.*}}, %[[Q:.*]] = %{{.*}}) : (i32, f32) -> (i32, f32) {
  // CHECK-NEXT:   scf.condition(%{{.*}}) %[[P]], %[[Q]] : i32, f32
  // CHECK-NEXT: } do {
  // CHECK-NEXT: ^bb0(%[[Y:.*]]: i32, %[[Z:.*]]: f32):
  // CHECK-NEXT:   scf.yield %[[Y]], %[[Z]] : i32, f32
  // CHECK-NEXT: } attributes {foo}
  %r:2 = scf.while (%p = %a, %q = %x) : (i32, f32) -> (i32, f32) {
    scf.condition(%c) %p, %q : i32, f32
  } do {
  ^bb0(%y: i32, %z: f32):
    scf.yield %y, %z : i32, f32
  } attributes {foo}
  //      CHECK: scf.while : () -> () {
  // CHECK-NEXT:   scf.condition(%{{.*}})
  // CHECK-NEXT: } do {
  // CHECK-NEXT:   scf.yield
  // CHECK-NEXT: }
  scf.while : () -> () {
    scf.condition(%c)
  } do {
    scf.yield
  }
  return
}

// CHECK-LABEL: func.func @parallel
func.func @parallel(%lb: index, %ub: index, %s: index, %x: f32, %a: i32) {
  //      CHECK: %{{.*}} = scf.parallel (%{{.*}}, %{{.*}}) = (%{{.*}}, %{{.*}}) to (%{{.*}}, %{{.*}}) step (%{{.*}}, %{{.*}}) init (%{{.*}}) -> f32 {
  // CHECK-NEXT:   scf.reduce(%{{.*}} : f32) {
  // CHECK-NEXT:   ^bb0(%[[L:.*]]: f32, %[[R:.*]]: f32):
  // CHECK-NEXT:     %[[SUM:.*]] = arith.addf %[[L]], %[[R]] : f32
  // CHECK-NEXT:     scf.reduce.return %[[SUM]] : f32
  // CHECK-NEXT:   }
  // CHECK-NEXT: }
  // GENERIC: "scf.parallel"({{.*}}) <{operandSegmentSizes = array<i32: 2, 2, 2, 1>}>
  %p = scf.parallel (%i, %j) = (%lb, %lb) to (%ub, %ub) step (%s, %s) init (%x) -> f32 {
    scf.reduce(%x : f32) {
    ^bb0(%l: f32, %r: f32):
      %0 = arith.addf %l, %r : f32
      scf.reduce.return %0 : f32
    }
  }
  // The implicit scf.reduce is inserted, and printed.
  //      CHECK: scf.parallel (%{{.*}}) = (%{{.*}}) to (%{{.*}}) step (%{{.*}}) {
  // CHECK-NEXT:   arith.addi
  // CHECK-NEXT:   scf.reduce{{ $}}
  // CHECK-NEXT: }
  scf.parallel (%i) = (%lb) to (%ub) step (%s) {
    %0 = arith.addi %i, %i : index
  }
  //      CHECK: %{{.*}}:2 = scf.parallel {{.*}} init (%{{.*}}, %{{.*}}) -> (f32, i32) {
  // CHECK-NEXT:   scf.reduce(%{{.*}}, %{{.*}} : f32, i32) {
  //      CHECK:   }, {
  // CHECK-NEXT:   ^bb0(%{{.*}}: i32, %{{.*}}: i32):
  %p2:2 = scf.parallel (%i) = (%lb) to (%ub) step (%s) init (%x, %a) -> (f32, i32) {
    scf.reduce(%x, %a : f32, i32) {
    ^bb0(%l: f32, %r: f32):
      scf.reduce.return %l : f32
    }, {
    ^bb0(%l: i32, %r: i32):
      scf.reduce.return %l : i32
    }
  }
  return
}

// CHECK-LABEL: func.func @forall
func.func @forall(%ub: index, %t: tensor<8xf32>) -> tensor<8xf32> {
  //      CHECK: scf.forall (%[[I:.*]], %[[J:.*]]) in (4, %{{.*}}) {
  // CHECK-NEXT:   arith.addi %[[I]], %[[J]] : index
  // CHECK-NEXT: }
  // GENERIC: "scf.forall"(%{{.*}}) <{operandSegmentSizes = array<i32: 0, 1, 0, 0>, staticLowerBound = array<i64: 0, 0>, staticStep = array<i64: 1, 1>, staticUpperBound = array<i64: 4, -9223372036854775808>}>
  // GENERIC: "scf.forall.in_parallel"() ({
  // GENERIC-NEXT: ^bb0:
  // GENERIC-NEXT: }) : () -> ()
  scf.forall (%i, %j) in (4, %ub) {
    %0 = arith.addi %i, %j : index
  }
  //      CHECK: scf.forall (%{{.*}}) = (0) to (%{{.*}}) step (2) {
  // CHECK-NEXT: } {mapping = [#gpu.thread<x>]}
  scf.forall (%i) = (0) to (%ub) step (2) {
  } {mapping = [#gpu.thread<x>]}
  //      CHECK: %{{.*}} = scf.forall (%{{.*}}) in (8) shared_outs(%{{.*}} = %{{.*}}) -> (tensor<8xf32>) {
  // CHECK-NEXT:   scf.forall.in_parallel {
  // CHECK-NEXT:   }
  // CHECK-NEXT: }
  %r = scf.forall (%i) in (8) shared_outs(%o = %t) -> (tensor<8xf32>) {
  }
  return %r : tensor<8xf32>
}

// CHECK-LABEL: func.func @execute_region
func.func @execute_region(%c: i1, %a: i32, %x: f32) {
  //      CHECK: scf.execute_region -> i32 {
  // CHECK-NEXT:   cf.cond_br %{{.*}}, ^bb1, ^bb2
  // CHECK-NEXT: ^bb1:  // pred: ^bb0
  // CHECK-NEXT:   scf.yield %{{.*}} : i32
  %e = scf.execute_region -> i32 {
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    scf.yield %a : i32
  ^bb2:
    scf.yield %a : i32
  }
  //      CHECK: scf.execute_region {
  // CHECK-NEXT:   scf.yield
  // CHECK-NEXT: }
  scf.execute_region {
    scf.yield
  }
  // CHECK: scf.execute_region -> (i32, f32) no_inline {
  // GENERIC: "scf.execute_region"() <{no_inline}> ({
  %e2:2 = scf.execute_region -> (i32, f32) no_inline {
    scf.yield %a, %x : i32, f32
  }
  return
}

// CHECK-LABEL: func.func @index_switch
func.func @index_switch(%i: index, %a: i32, %b: i32) -> i32 {
  //      CHECK: %{{.*}} = scf.index_switch %{{.*}} -> i32
  // CHECK-NEXT: case 2 {
  // CHECK-NEXT:   scf.yield %{{.*}} : i32
  // CHECK-NEXT: }
  // CHECK-NEXT: case 5 {
  //      CHECK: default {
  // GENERIC: "scf.index_switch"(%{{.*}}) <{cases = array<i64: 2, 5>}>
  %r = scf.index_switch %i -> i32
  case 2 {
    scf.yield %a : i32
  }
  case 5 {
    scf.yield %b : i32
  }
  default {
    scf.yield %a : i32
  }
  //      CHECK: scf.index_switch %{{.*}} {foo}
  // CHECK-NEXT: default {
  // CHECK-NEXT: }
  scf.index_switch %i {foo}
  default {
  }
  return %r : i32
}

// CHECK-LABEL: func.func @forall_parallel_insert
func.func @forall_parallel_insert(%t: tensor<8x16xf32>, %s: tensor<4x16xf32>) -> tensor<8x16xf32> {
  //      CHECK: scf.forall (%[[I:.*]]) in (2) shared_outs(%[[O:.*]] = %{{.*}}) -> (tensor<8x16xf32>) {
  //      CHECK:   scf.forall.in_parallel {
  // CHECK-NEXT:     tensor.parallel_insert_slice %{{.*}} into %[[O]][%[[I]], 0] [4, 16] [1, 1] : tensor<4x16xf32> into tensor<8x16xf32>
  // CHECK-NEXT:   }
  %r = scf.forall (%i) in (2) shared_outs(%o = %t) -> (tensor<8x16xf32>) {
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %s into %o[%i, 0] [4, 16] [1, 1] : tensor<4x16xf32> into tensor<8x16xf32>
    }
  }
  return %r : tensor<8x16xf32>
}
