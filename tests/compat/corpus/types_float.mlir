func.func private @floats(f16, bf16, f32, f64) -> (f64, f32, bf16, f16)
func.func private @more_floats(tf32, f80, f128) -> ()
func.func @uses(%a: f16, %b: bf16, %c: f32, %d: f64) -> f64 {
  %0 = arith.extf %a : f16 to f32
  %1 = arith.extf %b : bf16 to f64
  %2 = arith.addf %0, %c : f32
  %3 = arith.extf %2 : f32 to f64
  %4 = arith.addf %3, %1 : f64
  %5 = arith.addf %4, %d : f64
  return %5 : f64
}
