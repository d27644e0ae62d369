// RUN: mlir-py-opt %s --canonicalize --split-input-file --allow-unregistered-dialect | filecheck %s

// CHECK-LABEL: func.func @for_zero_trip
//  CHECK-SAME:   (%[[X:.*]]: f32)
//  CHECK-NEXT:   return %[[X]] : f32
func.func @for_zero_trip(%x: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %c0 step %c1 iter_args(%a = %x) -> (f32) {
    %y = arith.addf %a, %a : f32
    scf.yield %y : f32
  }
  return %r : f32
}

// -----

// Upper bound below the lower bound: zero trips, whatever the step.
// CHECK-LABEL: func.func @for_empty_range
//  CHECK-NEXT:   return %arg0 : f32
func.func @for_empty_range(%x: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %cm1 = arith.constant -1 : index
  %r = scf.for %i = %c4 to %c0 step %cm1 iter_args(%a = %x) -> (f32) {
    %y = arith.addf %a, %a : f32
    scf.yield %y : f32
  }
  return %r : f32
}

// -----

// The same SSA value as both bounds: zero trips.
// CHECK-LABEL: func.func @for_same_bounds
//  CHECK-NEXT:   return %arg0 : f32
func.func @for_same_bounds(%x: f32, %lb: index, %s: index) -> f32 {
  %r = scf.for %i = %lb to %lb step %s iter_args(%a = %x) -> (f32) {
    %y = arith.addf %a, %a : f32
    scf.yield %y : f32
  }
  return %r : f32
}

// -----

// CHECK-LABEL: func.func @for_single_trip
//  CHECK-SAME:   (%[[X:.*]]: index)
//  CHECK-NEXT:   %[[C4:.*]] = arith.constant 4 : index
//  CHECK-NEXT:   %[[R:.*]] = arith.addi %[[X]], %[[C4]] : index
//  CHECK-NEXT:   return %[[R]] : index
func.func @for_single_trip(%x: index) -> index {
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %r = scf.for %i = %c4 to %c8 step %c8 iter_args(%a = %x) -> (index) {
    %y = arith.addi %a, %i : index
    scf.yield %y : index
  }
  return %r : index
}

// -----

// CHECK-LABEL: func.func @for_single_trip_i32
//       CHECK:   arith.addf
//   CHECK-NOT:   scf.for
func.func @for_single_trip_i32(%x: f32) -> f32 {
  %c0 = arith.constant 0 : i32
  %c4 = arith.constant 4 : i32
  %r = scf.for %i = %c0 to %c4 step %c4 iter_args(%a = %x) -> (f32) : i32 {
    %y = arith.addf %a, %a : f32
    scf.yield %y : f32
  }
  return %r : f32
}

// -----

// Unknown trip counts stay: a zero or negative step over a non-empty range, or a wrapped unsigned range.
// CHECK-LABEL: func.func @for_unknown_trips
// CHECK-COUNT-3: scf.for
func.func @for_unknown_trips(%x: f32) -> (f32, f32, f32) {
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %cm1 = arith.constant -1 : index
  %r0 = scf.for %i = %c0 to %c4 step %c0 iter_args(%a = %x) -> (f32) {
    %y = arith.addf %a, %a : f32
    scf.yield %y : f32
  }
  %r1 = scf.for %i = %c0 to %c4 step %cm1 iter_args(%a = %x) -> (f32) {
    %y = arith.addf %a, %a : f32
    scf.yield %y : f32
  }
  %m1 = arith.constant -1 : i32
  %c4i = arith.constant 4 : i32
  %c1i = arith.constant 1 : i32
  %r2 = scf.for unsigned %i = %c4i to %m1 step %c1i iter_args(%a = %x) -> (f32) : i32 {
    %y = arith.addf %a, %a : f32
    scf.yield %y : f32
  }
  return %r0, %r1, %r2 : f32, f32, f32
}

// -----

// An iter_arg yielded unchanged is dropped (its result is its init); one whose result and argument are unused
// is dropped; one used inside the loop stays.
// CHECK-LABEL: func.func @for_dead_iter_args
//  CHECK-SAME:   (%{{.*}}: index, %{{.*}}: index, %{{.*}}: index, %[[X:.*]]: f32, %[[Z:.*]]: i32, %[[W:.*]]: f32)
//       CHECK:   %[[R:.*]]:2 = scf.for %{{.*}} iter_args(%[[A:.*]] = %[[X]], %[[C:.*]] = %[[Z]]) -> (f32, i32) {
//  CHECK-NEXT:     %[[Y:.*]] = arith.addf %[[A]], %[[A]] : f32
//  CHECK-NEXT:     %[[V:.*]] = arith.addi %[[C]], %[[C]] : i32
//  CHECK-NEXT:     scf.yield %[[Y]], %[[V]] : f32, i32
//  CHECK-NEXT:   }
//  CHECK-NEXT:   %[[Q:.*]] = arith.addf %[[R]]#0, %[[X]] : f32
//  CHECK-NEXT:   return %[[Q]]
func.func @for_dead_iter_args(%lb: index, %ub: index, %s: index, %x: f32, %z: i32, %w: f32) -> f32 {
  %r:4 = scf.for %i = %lb to %ub step %s iter_args(%a = %x, %b = %x, %c = %z, %d = %w) -> (f32, f32, i32, f32) {
    %y = arith.addf %a, %a : f32
    %v = arith.addi %c, %c : i32
    %u = arith.constant 1.0 : f32
    scf.yield %y, %b, %v, %u : f32, f32, i32, f32
  }
  %q = arith.addf %r#0, %r#1 : f32
  return %q : f32
}

// -----

// An iter_arg that yields its own init value always holds the init.
// CHECK-LABEL: func.func @for_yield_init
//  CHECK-SAME:   (%{{.*}}: index, %{{.*}}: index, %{{.*}}: index, %[[X:.*]]: f32, %[[Z:.*]]: f32)
//       CHECK:   %[[R:.*]] = scf.for {{.*}} iter_args(%[[A:.*]] = %[[X]]) -> (f32) {
//  CHECK-NEXT:     arith.addf %[[A]], %[[Z]] : f32
//       CHECK:   return %[[R]], %[[Z]] : f32, f32
func.func @for_yield_init(%lb: index, %ub: index, %s: index, %x: f32, %z: f32) -> (f32, f32) {
  %r:2 = scf.for %i = %lb to %ub step %s iter_args(%a = %x, %b = %z) -> (f32, f32) {
    %y = arith.addf %a, %b : f32
    scf.yield %y, %z : f32, f32
  }
  return %r#0, %r#1 : f32, f32
}

// -----

// CHECK-LABEL: func.func @if_true
//  CHECK-SAME:   (%[[X:.*]]: f32, %[[Y:.*]]: f32)
//  CHECK-NEXT:   %[[A:.*]] = arith.addf %[[X]], %[[Y]] : f32
//  CHECK-NEXT:   return %[[A]] : f32
func.func @if_true(%x: f32, %y: f32) -> f32 {
  %t = arith.constant true
  %r = scf.if %t -> (f32) {
    %a = arith.addf %x, %y : f32
    scf.yield %a : f32
  } else {
    scf.yield %y : f32
  }
  return %r : f32
}

// -----

// CHECK-LABEL: func.func @if_false
//  CHECK-NEXT:   arith.mulf
//  CHECK-NEXT:   return
func.func @if_false(%x: f32, %y: f32) -> f32 {
  %f = arith.constant false
  %r = scf.if %f -> (f32) {
    scf.yield %x : f32
  } else {
    %a = arith.mulf %x, %y : f32
    scf.yield %a : f32
  }
  return %r : f32
}

// -----

// CHECK-LABEL: func.func @if_false_without_else
//  CHECK-NEXT:   return
func.func @if_false_without_else(%x: f32) {
  %f = arith.constant false
  scf.if %f {
    "test.store"(%x) : (f32) -> ()
  }
  return
}

// -----

// CHECK-LABEL: func.func @if_in_loop
//       CHECK:   scf.for
//  CHECK-NEXT:     arith.addf
//  CHECK-NEXT:     scf.yield
//   CHECK-NOT:   scf.if
func.func @if_in_loop(%x: f32, %lb: index, %ub: index, %s: index) -> f32 {
  %t = arith.constant true
  %r = scf.for %i = %lb to %ub step %s iter_args(%a = %x) -> (f32) {
    %q = scf.if %t -> (f32) {
      %y = arith.addf %a, %a : f32
      scf.yield %y : f32
    } else {
      scf.yield %a : f32
    }
    scf.yield %q : f32
  }
  return %r : f32
}

// -----

// CHECK-LABEL: func.func @if_unknown
//       CHECK:   scf.if %arg0
func.func @if_unknown(%c: i1, %x: f32) {
  scf.if %c {
    "test.store"(%x) : (f32) -> ()
  }
  return
}

// -----

// A loop of known trip count > 1 with an empty body yielding values defined outside is replaced by those values;
// with an unknown trip count it is not (the result is the init when the loop does not run).
// CHECK-LABEL: func.func @for_yield_outside
//  CHECK-SAME:   (%[[X:.*]]: f32, %[[Y:.*]]: f32, %[[UB:.*]]: index)
//       CHECK:   %[[R:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %[[X]]) -> (f32) {
//  CHECK-NEXT:     scf.yield %[[Y]] : f32
//       CHECK:   return %[[Y]], %[[R]] : f32, f32
func.func @for_yield_outside(%x: f32, %y: f32, %ub: index) -> (f32, f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %r = scf.for %i = %c0 to %c8 step %c1 iter_args(%a = %x) -> (f32) {
    scf.yield %y : f32
  }
  %s = scf.for %i = %c0 to %ub step %c1 iter_args(%a = %x) -> (f32) {
    scf.yield %y : f32
  }
  return %r, %s : f32, f32
}

// -----

// An iter_arg initialized by a tensor.cast that drops static information is carried with the static type.
// CHECK-LABEL: func.func @for_tensor_cast
//  CHECK-SAME:   (%[[T:.*]]: tensor<4xf32>,
//       CHECK:   %[[R:.*]] = scf.for {{.*}} iter_args(%[[A:.*]] = %[[T]]) -> (tensor<4xf32>) {
//  CHECK-NEXT:     %[[IN:.*]] = tensor.cast %[[A]] : tensor<4xf32> to tensor<?xf32>
//  CHECK-NEXT:     %[[B:.*]] = "test.op"(%[[IN]]) : (tensor<?xf32>) -> tensor<?xf32>
//  CHECK-NEXT:     %[[OUT:.*]] = tensor.cast %[[B]] : tensor<?xf32> to tensor<4xf32>
//  CHECK-NEXT:     scf.yield %[[OUT]] : tensor<4xf32>
//  CHECK-NEXT:   }
//  CHECK-NEXT:   %[[C:.*]] = tensor.cast %[[R]] : tensor<4xf32> to tensor<?xf32>
//  CHECK-NEXT:   return %[[C]]
func.func @for_tensor_cast(%t: tensor<4xf32>, %lb: index, %ub: index, %s: index) -> tensor<?xf32> {
  %c = tensor.cast %t : tensor<4xf32> to tensor<?xf32>
  %r = scf.for %i = %lb to %ub step %s iter_args(%a = %c) -> (tensor<?xf32>) {
    %b = "test.op"(%a) : (tensor<?xf32>) -> tensor<?xf32>
    scf.yield %b : tensor<?xf32>
  }
  return %r : tensor<?xf32>
}

// -----

// Results yielding values defined outside the scf.if become arith.select (or the value when both arms agree);
// the others stay on a smaller scf.if.
// CHECK-LABEL: func.func @if_to_select
//  CHECK-SAME:   (%[[C:.*]]: i1, %[[A:.*]]: f32, %[[B:.*]]: f32)
//  CHECK-NEXT:   %[[S:.*]] = arith.select %[[C]], %[[A]], %[[B]] : f32
//  CHECK-NEXT:   %[[R:.*]] = scf.if %[[C]] -> (f32) {
//  CHECK-NEXT:     %[[X:.*]] = arith.addf %[[A]], %[[B]] : f32
//  CHECK-NEXT:     scf.yield %[[X]] : f32
//  CHECK-NEXT:   } else {
//  CHECK-NEXT:     scf.yield %[[B]] : f32
//  CHECK-NEXT:   }
//  CHECK-NEXT:   return %[[S]], %[[R]], %[[B]] : f32, f32, f32
func.func @if_to_select(%c: i1, %a: f32, %b: f32) -> (f32, f32, f32) {
  %r:3 = scf.if %c -> (f32, f32, f32) {
    %s = arith.addf %a, %b : f32
    scf.yield %a, %s, %b : f32, f32, f32
  } else {
    scf.yield %b, %b, %b : f32, f32, f32
  }
  return %r#0, %r#1, %r#2 : f32, f32, f32
}

// -----

// Unused results are dropped; i1 results yielding true/false are the condition / its negation; the next scf.if on
// the same condition is merged into it.
// CHECK-LABEL: func.func @if_results
//  CHECK-SAME:   (%[[C:.*]]: i1, %[[X:.*]]: f32)
//       CHECK:   %[[T:.*]] = arith.constant true
//       CHECK:   %[[N:.*]] = arith.xori %[[C]], %[[T]] : i1
//       CHECK:   scf.if %[[C]] {
//  CHECK-NEXT:     "test.op"() : () -> ()
//  CHECK-NEXT:     "test.store"(%[[X]]) : (f32) -> ()
//  CHECK-NEXT:   } else {
//  CHECK-NEXT:     "test.op"() : () -> ()
//  CHECK-NEXT:   }
//  CHECK-NEXT:   return %[[C]], %[[N]] : i1, i1
func.func @if_results(%c: i1, %x: f32) -> (i1, i1) {
  %t = arith.constant true
  %f = arith.constant false
  %r:3 = scf.if %c -> (i1, i1, f32) {
    "test.op"() : () -> ()
    %y = arith.addf %x, %x : f32
    scf.yield %t, %f, %y : i1, i1, f32
  } else {
    "test.op"() : () -> ()
    scf.yield %f, %t, %x : i1, i1, f32
  }
  scf.if %c {
    "test.store"(%x) : (f32) -> ()
  } else {
  }
  return %r#0, %r#1 : i1, i1
}

// -----

// An else block that only yields is dropped.
// CHECK-LABEL: func.func @if_empty_else
//       CHECK:   scf.if %arg0 {
//  CHECK-NEXT:     "test.store"
//  CHECK-NEXT:   }
//  CHECK-NEXT:   return
func.func @if_empty_else(%c: i1, %x: f32) {
  scf.if %c {
    "test.store"(%x) : (f32) -> ()
  } else {
  }
  return
}

// -----

// Consecutive scf.if on a condition and its negation merge (the second's then becomes the else); uses of the first
// one's results inside the second read the yielded values.
// CHECK-LABEL: func.func @if_combine
//  CHECK-SAME:   (%[[C:.*]]: i1, %[[X:.*]]: f32)
//  CHECK-NEXT:   %[[R:.*]]:2 = scf.if %[[C]] -> (f32, f32) {
//  CHECK-NEXT:     %[[A:.*]] = arith.addf %[[X]], %[[X]] : f32
//  CHECK-NEXT:     "test.a"() : () -> ()
//  CHECK-NEXT:     %[[B:.*]] = arith.mulf %[[A]], %[[A]] : f32
//  CHECK-NEXT:     scf.yield %[[A]], %[[B]] : f32, f32
//  CHECK-NEXT:   } else {
//  CHECK-NEXT:     "test.b"() : () -> ()
//  CHECK-NEXT:     scf.yield %[[X]], %[[X]] : f32, f32
//  CHECK-NEXT:   }
//  CHECK-NEXT:   return %[[R]]#0, %[[R]]#1 : f32, f32
func.func @if_combine(%c: i1, %x: f32) -> (f32, f32) {
  %t = arith.constant true
  %n = arith.xori %c, %t : i1
  %r = scf.if %c -> (f32) {
    %a = arith.addf %x, %x : f32
    "test.a"() : () -> ()
    scf.yield %a : f32
  } else {
    "test.b"() : () -> ()
    scf.yield %x : f32
  }
  %s = scf.if %c -> (f32) {
    %b = arith.mulf %r, %r : f32
    scf.yield %b : f32
  } else {
    scf.yield %r : f32
  }
  return %r, %s : f32, f32
}

// -----

// Uses of the condition inside the regions become true / false.
// CHECK-LABEL: func.func @if_condition_propagation
//  CHECK-SAME:   (%[[C:.*]]: i1)
//   CHECK-DAG:   %[[F:.*]] = arith.constant false
//   CHECK-DAG:   %[[T:.*]] = arith.constant true
//       CHECK:   scf.if %[[C]] {
//  CHECK-NEXT:     "test.a"(%[[T]]) : (i1) -> ()
//  CHECK-NEXT:   } else {
//  CHECK-NEXT:     "test.b"(%[[F]]) : (i1) -> ()
//  CHECK-NEXT:   }
func.func @if_condition_propagation(%c: i1) {
  scf.if %c {
    "test.a"(%c) : (i1) -> ()
  } else {
    "test.b"(%c) : (i1) -> ()
  }
  return
}

// -----

// An scf.if alone in the then block of another becomes one scf.if on the conjunction; an outer result yielded
// from outside becomes a select on the outer condition. Not when the outer then block holds other ops.
// CHECK-LABEL: func.func @if_nested
//  CHECK-SAME:   (%[[A:.*]]: i1, %[[B:.*]]: i1, %[[X:.*]]: f32, %[[Y:.*]]: f32)
//  CHECK-NEXT:   %[[AB:.*]] = arith.andi %[[A]], %[[B]] : i1
//  CHECK-NEXT:   %[[S:.*]] = arith.select %[[A]], %[[X]], %[[Y]] : f32
//  CHECK-NEXT:   %[[R:.*]] = scf.if %[[AB]] -> (f32) {
//       CHECK:   scf.if %[[A]] {
//  CHECK-NEXT:     "test.b"() : () -> ()
//  CHECK-NEXT:     scf.if %[[B]] {
func.func @if_nested(%a: i1, %b: i1, %x: f32, %y: f32) -> (f32, f32) {
  %r:2 = scf.if %a -> (f32, f32) {
    %i = scf.if %b -> (f32) {
      %z = arith.addf %x, %y : f32
      "test.a"() : () -> ()
      scf.yield %z : f32
    } else {
      scf.yield %y : f32
    }
    scf.yield %i, %x : f32, f32
  } else {
    scf.yield %y, %y : f32, f32
  }
  scf.if %a {
    "test.b"() : () -> ()
    scf.if %b {
      "test.c"() : () -> ()
    }
  }
  return %r#0, %r#1 : f32, f32
}
