func.func @spin(%c: i1, %x: f32) -> f32 {
  scf.while : () -> () {
    scf.condition(%c)
  } do {
    scf.yield
  }
  %r = scf.while (%a = %x) : (f32) -> f32 {
    %b = arith.negf %a : f32
    scf.condition(%c) %b : f32
  } do {
  ^bb0(%y: f32):
    scf.yield %y : f32
  }
  %u:2 = scf.while (%i = %c) : (i1) -> (i1, f32) {
    scf.condition(%i) %i, %x : i1, f32
  } do {
  ^bb0(%j: i1, %v: f32):
    scf.yield %j : i1
  }
  return %r : f32
}
