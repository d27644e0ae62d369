func.func @int_iv(%a: i32, %b: i32, %c: i64, %x: f32) -> f32 {
  scf.for %i = %a to %b step %a : i32 {
    %0 = arith.addi %i, %a : i32
  }
  scf.for unsigned %i = %c to %c step %c : i64 {
  }
  %r = scf.for %i = %a to %b step %a iter_args(%acc = %x) -> (f32) : i32 {
    scf.yield %acc : f32
  } {tag = "loop"}
  scf.for %i = %c to %c step %c : i64 {
  } {unroll = 4 : i64}
  return %r : f32
}
