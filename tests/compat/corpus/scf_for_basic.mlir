func.func @for_basic(%lb: index, %ub: index, %step: index) {
  scf.for %i = %lb to %ub step %step {
    %0 = arith.addi %i, %i : index
  }
  scf.for %i = %lb to %ub step %step {
  }
  %c0 = arith.constant 0 : index
  %c10 = arith.constant 10 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %c10 step %c1 {
    scf.for %j = %i to %c10 step %c1 {
      %1 = arith.muli %i, %j : index
    }
  }
  return
}
