func.func @softplus_sum(%lb: index, %ub: index, %step: index, %x: f32) -> f32 {
  %one = arith.constant 1.0 : f32
  %r = scf.for %i = %lb to %ub step %step iter_args(%acc = %x) -> (f32) {
    %e = math.exp %acc : f32
    %l = math.log1p %e fastmath<fast> : f32
    %n = math.isnan %l : f32
    %v = scf.if %n -> (f32) {
      scf.yield %one : f32
    } else {
      %c = math.copysign %l, %acc : f32
      scf.yield %c : f32
    }
    scf.yield %v : f32
  }
  return %r : f32
}
