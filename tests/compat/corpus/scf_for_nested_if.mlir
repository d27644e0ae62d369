func.func @relu_sum(%lb: index, %ub: index, %step: index, %x: f32) -> f32 {
  %zero = arith.constant 0.0 : f32
  %r = scf.for %i = %lb to %ub step %step iter_args(%acc = %zero) -> (f32) {
    %pos = arith.cmpf ogt, %x, %zero : f32
    %v = scf.if %pos -> (f32) {
      %s = arith.addf %acc, %x : f32
      scf.yield %s : f32
    } else {
      scf.yield %acc : f32
    }
    scf.yield %v : f32
  }
  return %r : f32
}
