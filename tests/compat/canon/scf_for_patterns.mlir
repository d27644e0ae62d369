func.func @for_yield_outside(%x: f32, %y: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %r = scf.for %i = %c0 to %c8 step %c1 iter_args(%a = %x) -> (f32) {
    scf.yield %y : f32
  }
  return %r : f32
}
func.func @for_cast(%t: tensor<4xf32>, %lb: index, %ub: index, %s: index) -> tensor<?xf32> {
  %c = tensor.cast %t : tensor<4xf32> to tensor<?xf32>
  %r = scf.for %i = %lb to %ub step %s iter_args(%a = %c) -> (tensor<?xf32>) {
    %b = "test.op"(%a) : (tensor<?xf32>) -> tensor<?xf32>
    scf.yield %b : tensor<?xf32>
  }
  return %r : tensor<?xf32>
}
func.func @for_empty_dynamic(%x: f32, %lb: index, %ub: index, %s: index) -> f32 {
  %r = scf.for %i = %lb to %ub step %s iter_args(%a = %x) -> (f32) {
    scf.yield %a : f32
  }
  scf.for %i = %lb to %ub step %s {
  }
  return %r : f32
}
func.func @for_dead_result_used_arg(%x: f32, %lb: index, %ub: index, %s: index) {
  %r = scf.for %i = %lb to %ub step %s iter_args(%a = %x) -> (f32) {
    "test.use"(%a) : (f32) -> ()
    %b = arith.addf %a, %a : f32
    scf.yield %b : f32
  }
  return
}
func.func @if_nested_const(%c: i1, %x: f32) -> f32 {
  %r = scf.if %c -> (f32) {
    %t = arith.constant true
    %q = scf.if %t -> (f32) {
      scf.yield %x : f32
    } else {
      %z = arith.addf %x, %x : f32
      scf.yield %z : f32
    }
    scf.yield %q : f32
  } else {
    %z = arith.mulf %x, %x : f32
    scf.yield %z : f32
  }
  return %r : f32
}
