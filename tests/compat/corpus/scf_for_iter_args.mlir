func.func @sum(%lb: index, %ub: index, %step: index, %init: f32) -> f32 {
  %r = scf.for %i = %lb to %ub step %step iter_args(%acc = %init) -> (f32) {
    %f = arith.index_cast %i : index to i64
    %g = arith.sitofp %f : i64 to f32
    %next = arith.addf %acc, %g : f32
    scf.yield %next : f32
  }
  return %r : f32
}
func.func @two(%lb: index, %ub: index, %step: index, %a: f32, %t: tensor<4x?xf32>) -> (f32, tensor<4x?xf32>) {
  %r:2 = scf.for %i = %lb to %ub step %step iter_args(%x = %a, %y = %t) -> (f32, tensor<4x?xf32>) {
    scf.yield %x, %y : f32, tensor<4x?xf32>
  }
  return %r#0, %r#1 : f32, tensor<4x?xf32>
}
