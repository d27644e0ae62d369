// RUN: mlir-py-opt %s --split-input-file --loop-invariant-code-motion | filecheck %s

// Invariant pure ops leave both loops (inner first); a division by a value that may be zero, loads and
// stores stay (as mlir-opt does).
// CHECK-LABEL: func.func @nest
//       CHECK:   %[[X:.*]] = arith.addi %arg0, %arg1 : index
//  CHECK-NEXT:   %[[Y:.*]] = arith.muli %[[X]], %[[X]] : index
//  CHECK-NEXT:   scf.for %[[I:.*]] = {{.*}} {
//  CHECK-NEXT:     %[[Z:.*]] = arith.addi %[[Y]], %[[I]] : index
//  CHECK-NEXT:     scf.for %[[J:.*]] = {{.*}} {
//  CHECK-NEXT:       arith.divui %arg0, %arg1 : index
//  CHECK-NEXT:       memref.load %arg2[%{{.*}}] : memref<10xindex>
//  CHECK-NEXT:       memref.store %[[Z]], %arg2[%[[J]]] : memref<10xindex>
func.func @nest(%a: index, %b: index, %m: memref<10xindex>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c10 = arith.constant 10 : index
  scf.for %i = %c0 to %c10 step %c1 {
    scf.for %j = %c0 to %c10 step %c1 {
      %x = arith.addi %a, %b : index
      %y = arith.muli %x, %x : index
      %d = arith.divui %a, %b : index
      %z = arith.addi %y, %i : index
      %v = memref.load %m[%c0] : memref<10xindex>
      memref.store %z, %m[%j] : memref<10xindex>
    }
  }
  return
}

// -----

// A division by a non-zero constant is speculatable: it moves.
// CHECK-LABEL: func.func @div_by_constant
//       CHECK:   arith.divui %arg0, %{{.*}} : index
//  CHECK-NEXT:   scf.for
func.func @div_by_constant(%a: index, %m: memref<10xindex>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c10 = arith.constant 10 : index
  scf.for %i = %c0 to %c10 step %c1 {
    %d = arith.divui %a, %c3 : index
    memref.store %d, %m[%i] : memref<10xindex>
  }
  return
}
