// A decimal integer literal is not a float value (hexadecimal bit patterns are).
func.func @f() -> f32 {
  %0 = arith.constant 3 : f32
  return %0 : f32
}
