func.func @br(%a: i32, %b: f32) -> f32 {
  cf.br ^bb1
^bb1:
  cf.br ^bb2(%a, %b : i32, f32)
^bb2(%x: i32, %y: f32):
  cf.br ^bb3(%y : f32) {branch.hint}
^bb3(%z: f32):
  return %z : f32
}
