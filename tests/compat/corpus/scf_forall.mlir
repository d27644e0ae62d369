func.func @forall(%n: index, %m: index, %s: index) {
  scf.forall (%i, %j) in (8, %n) {
    %0 = arith.addi %i, %j : index
  }
  scf.forall (%i) = (0) to (%n) step (2) {
  }
  scf.forall (%i, %j, %k) = (%m, 1, 0) to (%n, 16, %n) step (%s, 4, 1) {
    %1 = arith.muli %i, %k : index
  }
  scf.forall (%i) in (4) {
  } {forall.tag}
  return
}
