// RUN: mlir-py-opt %s --split-input-file --canonicalize | filecheck %s

// Integer constant folding wraps around at every width; i1 and i3 included.

// CHECK-LABEL: func.func @wrap
//   CHECK-DAG:   %[[A:.*]] = arith.constant -128 : i8
//   CHECK-DAG:   %[[B:.*]] = arith.constant 0 : i32
//   CHECK-DAG:   %[[C:.*]] = arith.constant 9223372036854775807 : index
//   CHECK-DAG:   %[[D:.*]] = arith.constant false
//   CHECK-DAG:   %[[E:.*]] = arith.constant -2 : i3
//       CHECK:   return %[[A]], %[[B]], %[[C]], %[[D]], %[[E]]
func.func @wrap() -> (i8, i32, index, i1, i3) {
  %a = arith.constant 127 : i8
  %one = arith.constant 1 : i8
  %0 = arith.addi %a, %one : i8
  %b = arith.constant 65536 : i32
  %1 = arith.muli %b, %b : i32
  %min = arith.constant -9223372036854775808 : index
  %m1 = arith.constant -1 : index
  %2 = arith.addi %min, %m1 : index
  %t = arith.constant true
  %3 = arith.addi %t, %t : i1
  %c3 = arith.constant 3 : i3
  %4 = arith.addi %c3, %c3 : i3
  return %0, %1, %2, %3, %4 : i8, i32, index, i1, i3
}

// -----

// Signed and unsigned division see the same bits differently; division by zero and INT_MIN / -1 stay.

// CHECK-LABEL: func.func @div
//   CHECK-DAG:   arith.constant -3 : i32
//   CHECK-DAG:   arith.constant 2147483644 : i32
//   CHECK-DAG:   arith.constant -4 : i32
//   CHECK-DAG:   arith.constant 1 : i32
//       CHECK:   arith.divsi %{{.*}}, %{{.*}} : i32
//       CHECK:   arith.divsi %{{.*}}, %{{.*}} : i32
//   CHECK-NOT:   arith.divui
//   CHECK-NOT:   arith.floordivsi
//   CHECK-NOT:   arith.remui
func.func @div(%x: i32) -> (i32, i32, i32, i32, i32, i32) {
  %m7 = arith.constant -7 : i32
  %c2 = arith.constant 2 : i32
  %c0 = arith.constant 0 : i32
  %min = arith.constant -2147483648 : i32
  %m1 = arith.constant -1 : i32
  %0 = arith.divsi %m7, %c2 : i32
  %1 = arith.divui %m7, %c2 : i32
  %2 = arith.floordivsi %m7, %c2 : i32
  %3 = arith.remui %m7, %c2 : i32
  %4 = arith.divsi %x, %c0 : i32
  %5 = arith.divsi %min, %m1 : i32
  return %0, %1, %2, %3, %4, %5 : i32, i32, i32, i32, i32, i32
}

// -----

// Shifts by the bit width or more are poison and are not folded.

// CHECK-LABEL: func.func @shifts
//   CHECK-DAG:   arith.constant -128 : i8
//   CHECK-DAG:   arith.constant 30 : i8
//       CHECK:   arith.shli %{{.*}}, %{{.*}} : i8
//   CHECK-NOT:   arith.shr
func.func @shifts() -> (i8, i8, i8) {
  %a = arith.constant -16 : i8
  %s3 = arith.constant 3 : i8
  %s8 = arith.constant 8 : i8
  %0 = arith.shli %a, %s3 : i8
  %1 = arith.shrui %a, %s3 : i8
  %2 = arith.shli %a, %s8 : i8
  return %0, %1, %2 : i8, i8, i8
}

// -----

// Algebraic identities.

// CHECK-LABEL: func.func @identities
//  CHECK-SAME:     (%[[X:.*]]: i32, %[[Y:.*]]: i32)
//   CHECK-DAG:   %[[Z:.*]] = arith.constant 0 : i32
//   CHECK-DAG:   %[[M:.*]] = arith.constant -1 : i32
//       CHECK:   return %[[X]], %[[X]], %[[Z]], %[[Z]], %[[X]], %[[Z]], %[[M]], %[[X]], %[[X]]
func.func @identities(%x: i32, %y: i32) -> (i32, i32, i32, i32, i32, i32, i32, i32, i32) {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %cm1 = arith.constant -1 : i32
  %0 = arith.addi %x, %c0 : i32
  %1 = arith.muli %x, %c1 : i32
  %2 = arith.muli %x, %c0 : i32
  %3 = arith.subi %x, %x : i32
  %4 = arith.andi %x, %x : i32
  %5 = arith.xori %x, %x : i32
  %6 = arith.ori %x, %cm1 : i32
  %s = arith.subi %x, %y : i32
  %7 = arith.addi %s, %y : i32
  %xy = arith.xori %x, %y : i32
  %8 = arith.xori %xy, %y : i32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : i32, i32, i32, i32, i32, i32, i32, i32, i32
}

// -----

// Constants go to the right of commutative ops; cmpi swaps its predicate when it swaps operands.

// CHECK-LABEL: func.func @commute
//  CHECK-SAME:     (%[[X:.*]]: i32)
//       CHECK:   %[[C:.*]] = arith.constant 5 : i32
//       CHECK:   arith.addi %[[X]], %[[C]] : i32
//       CHECK:   arith.cmpi sgt, %[[X]], %[[C]] : i32
func.func @commute(%x: i32) -> (i32, i1) {
  %c5 = arith.constant 5 : i32
  %0 = arith.addi %c5, %x : i32
  %1 = arith.cmpi slt, %c5, %x : i32
  return %0, %1 : i32, i1
}

// -----

// cmpi folds on constants, on equal operands, and on i1 against true/false.

// CHECK-LABEL: func.func @cmpi
//  CHECK-SAME:     (%[[X:.*]]: index, %[[B:.*]]: i1)
//   CHECK-DAG:   %[[T:.*]] = arith.constant true
//   CHECK-DAG:   %[[F:.*]] = arith.constant false
//       CHECK:   return %[[T]], %[[F]], %[[T]], %[[F]], %[[B]]
func.func @cmpi(%x: index, %b: i1) -> (i1, i1, i1, i1, i1) {
  %m = arith.constant -1 : i8
  %one = arith.constant 1 : i8
  %0 = arith.cmpi slt, %m, %one : i8
  %1 = arith.cmpi ult, %m, %one : i8
  %2 = arith.cmpi sle, %x, %x : index
  %3 = arith.cmpi ne, %x, %x : index
  %false = arith.constant false
  %4 = arith.cmpi ne, %b, %false : i1
  return %0, %1, %2, %3, %4 : i1, i1, i1, i1, i1
}

// -----

// cmpf: ordered predicates are false and unordered ones true when an operand is NaN.

// CHECK-LABEL: func.func @cmpf
//   CHECK-DAG:   %[[T:.*]] = arith.constant true
//   CHECK-DAG:   %[[F:.*]] = arith.constant false
//       CHECK:   return %[[F]], %[[T]], %[[T]], %[[F]]
func.func @cmpf() -> (i1, i1, i1, i1) {
  %nan = arith.constant 0x7FC00000 : f32
  %one = arith.constant 1.0 : f32
  %two = arith.constant 2.0 : f32
  %0 = arith.cmpf oeq, %nan, %one : f32
  %1 = arith.cmpf une, %nan, %one : f32
  %2 = arith.cmpf olt, %one, %two : f32
  %3 = arith.cmpf ord, %nan, %nan : f32
  return %0, %1, %2, %3 : i1, i1, i1, i1
}

// -----

// Float folding rounds once to the type; x + 0.0 and x * 0.0 are not identities under IEEE rules.

// CHECK-LABEL: func.func @floats
//  CHECK-SAME:     (%[[X:.*]]: f32)
//   CHECK-DAG:   arith.constant 3.000000e-01 : f32
//   CHECK-DAG:   arith.constant 0x4B800000 : f32
//   CHECK-DAG:   arith.constant 0x7F800000 : f32
//   CHECK-DAG:   arith.constant 0x7FC00000 : f32
//   CHECK-DAG:   arith.constant 6.550400e+04 : f16
//   CHECK-DAG:   arith.constant 0x7C00 : f16
//       CHECK:   arith.addf %[[X]], %{{.*}} : f32
//       CHECK:   arith.mulf %[[X]], %{{.*}} : f32
//   CHECK-NOT:   arith.divf
func.func @floats(%x: f32) -> (f32, f32, f32, f16, f16, f32, f32, f32, f32) {
  %a = arith.constant 0.1 : f32
  %b = arith.constant 0.2 : f32
  %z = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %0 = arith.addf %a, %b : f32
  %1 = arith.divf %one, %z : f32
  %2 = arith.divf %z, %z : f32
  %h = arith.constant 32752.0 : f16
  %3 = arith.addf %h, %h : f16
  %g = arith.constant 32768.0 : f16
  %4 = arith.addf %g, %g : f16
  %5 = arith.addf %x, %z : f32
  %6 = arith.mulf %x, %z : f32
  %7 = arith.divf %x, %one : f32
  %big = arith.constant 16777216.0 : f32
  %8 = arith.addf %big, %one : f32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : f32, f32, f32, f16, f16, f32, f32, f32, f32
}

// -----

// select on a constant condition, on equal arms, and select(c, 1, 0) -> extui.

// CHECK-LABEL: func.func @select
//  CHECK-SAME:     (%[[C:.*]]: i1, %[[A:.*]]: i32, %[[B:.*]]: i32)
//       CHECK:   %[[E:.*]] = arith.extui %[[C]] : i1 to i32
//       CHECK:   return %[[A]], %[[B]], %[[A]], %[[E]]
func.func @select(%c: i1, %a: i32, %b: i32) -> (i32, i32, i32, i32) {
  %true = arith.constant true
  %0 = arith.select %true, %a, %b : i32
  %ne = arith.cmpi ne, %a, %b : i32
  %1 = arith.select %ne, %b, %a : i32
  %2 = arith.select %c, %a, %a : i32
  %one = arith.constant 1 : i32
  %zero = arith.constant 0 : i32
  %3 = arith.select %c, %one, %zero : i32
  return %0, %1, %2, %3 : i32, i32, i32, i32
}

// -----

// Casts: constants fold exactly; ext(ext(x)) collapses in place; trunci(extsi(x)) to the source type is x.

// CHECK-LABEL: func.func @casts
//  CHECK-SAME:     (%[[X:.*]]: i8)
//   CHECK-DAG:   arith.constant -3 : i32
//   CHECK-DAG:   arith.constant 253 : i32
//   CHECK-DAG:   arith.constant 1.000000e-01 : f64
//       CHECK:   %[[E:.*]] = arith.extsi %[[X]] : i8 to i64
//       CHECK:   return {{.*}}, %[[E]], %[[X]]
func.func @casts(%x: i8) -> (i32, i32, f64, f32, i64, i8) {
  %m = arith.constant -3 : i8
  %0 = arith.extsi %m : i8 to i32
  %1 = arith.extui %m : i8 to i32
  %d = arith.constant 0.1 : f64
  %f = arith.truncf %d : f64 to f32
  %2 = arith.extf %f : f32 to f64
  %3 = arith.truncf %d : f64 to f32
  %a = arith.extsi %x : i8 to i16
  %4 = arith.extsi %a : i16 to i64
  %5 = arith.trunci %a : i16 to i8
  return %0, %1, %2, %3, %4, %5 : i32, i32, f64, f32, i64, i8
}

// -----

// The reassociation patterns of ArithCanonicalization.td, with overflow flags merged.

// CHECK-LABEL: func.func @reassociate
//  CHECK-SAME:     (%[[X:.*]]: i32)
//   CHECK-DAG:   %[[C7:.*]] = arith.constant 7 : i32
//   CHECK-DAG:   %[[C12:.*]] = arith.constant 12 : i32
//       CHECK:   %[[A:.*]] = arith.addi %[[X]], %[[C7]] overflow<nsw> : i32
//       CHECK:   %[[M:.*]] = arith.muli %[[X]], %[[C12]] : i32
//       CHECK:   return %[[A]], %[[M]]
func.func @reassociate(%x: i32) -> (i32, i32) {
  %c3 = arith.constant 3 : i32
  %c4 = arith.constant 4 : i32
  %a = arith.addi %x, %c3 overflow<nsw, nuw> : i32
  %0 = arith.addi %a, %c4 overflow<nsw> : i32
  %m = arith.muli %x, %c3 : i32
  %1 = arith.muli %m, %c4 : i32
  return %0, %1 : i32, i32
}

// -----

// Elementwise folding on splat and dense constants.

// CHECK-LABEL: func.func @elementwise
//   CHECK-DAG:   arith.constant dense<-21> : vector<4xi32>
//   CHECK-DAG:   arith.constant dense<[5, 3, -3, -2147483648]> : vector<4xi32>
//   CHECK-DAG:   arith.constant dense<[true, true, false, false]> : vector<4xi1>
//   CHECK-NOT:   arith.addi
//   CHECK-NOT:   arith.muli
//   CHECK-NOT:   arith.cmpi
func.func @elementwise() -> (vector<4xi32>, vector<4xi32>, vector<4xi1>) {
  %a = arith.constant dense<7> : vector<4xi32>
  %b = arith.constant dense<-3> : vector<4xi32>
  %0 = arith.muli %a, %b : vector<4xi32>
  %c = arith.constant dense<[1, -2, 3, 2147483647]> : vector<4xi32>
  %d = arith.constant dense<[4, 5, -6, 1]> : vector<4xi32>
  %1 = arith.addi %c, %d : vector<4xi32>
  %2 = arith.cmpi slt, %c, %d : vector<4xi32>
  return %0, %1, %2 : vector<4xi32>, vector<4xi32>, vector<4xi1>
}
