// mulf/divf of two negations drop both (keeping the op's fastmath flags).
func.func @negs(%x: f32, %y: f32) -> (f32, f32, f32) {
  %nx = arith.negf %x : f32
  %ny = arith.negf %y : f32
  %0 = arith.mulf %nx, %ny fastmath<fast> : f32
  %1 = arith.divf %nx, %ny : f32
  %2 = arith.mulf %nx, %y : f32
  return %0, %1, %2 : f32, f32, f32
}
