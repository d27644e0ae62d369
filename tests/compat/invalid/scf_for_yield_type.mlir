func.func @f(%lb: index, %ub: index, %x: f32) -> f32 {
  %r = scf.for %i = %lb to %ub step %lb iter_args(%a = %x) -> (f32) {
    %c = arith.constant 1 : i32
    scf.yield %c : i32
  }
  return %r : f32
}
