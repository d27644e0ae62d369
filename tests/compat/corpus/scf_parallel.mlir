func.func @par(%lb: index, %ub: index, %step: index, %init: f32) -> f32 {
  scf.parallel (%i) = (%lb) to (%ub) step (%step) {
    %0 = arith.addi %i, %i : index
  }
  %sum = scf.parallel (%i, %j) = (%lb, %lb) to (%ub, %ub) step (%step, %step) init (%init) -> f32 {
    %f = arith.index_cast %i : index to i32
    %g = arith.sitofp %f : i32 to f32
    scf.reduce(%g : f32) {
    ^bb0(%l: f32, %r: f32):
      %s = arith.addf %l, %r : f32
      scf.reduce.return %s : f32
    }
  }
  return %sum : f32
}
