func.func @matvec_like(%n: index, %v: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %zero) -> (f32) {
    %inner = scf.parallel (%j) = (%c0) to (%n) step (%c1) init (%acc) -> f32 {
      %p = arith.mulf %v, %v : f32
      scf.reduce(%p : f32) {
      ^bb0(%l: f32, %rr: f32):
        %s = arith.addf %l, %rr : f32
        scf.reduce.return %s : f32
      }
    }
    %w = scf.while (%t = %inner) : (f32) -> f32 {
      %go = arith.cmpf olt, %t, %zero : f32
      scf.condition(%go) %t : f32
    } do {
    ^bb0(%t2: f32):
      %t3 = arith.addf %t2, %v : f32
      scf.yield %t3 : f32
    }
    scf.yield %w : f32
  }
  return %r : f32
}
