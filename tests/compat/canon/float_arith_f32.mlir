// f32 constant folding with single rounding (0.1 + 0.2 in binary32), infinities and NaN.
func.func @f32_fold() -> (f32, f32, f32, f32, f32, f32, f32, f32, f32) {
  %a = arith.constant 0.1 : f32
  %b = arith.constant 0.2 : f32
  %z = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %three = arith.constant 3.0 : f32
  %big = arith.constant 3.0e38 : f32
  %0 = arith.addf %a, %b : f32
  %1 = arith.subf %a, %b : f32
  %2 = arith.mulf %a, %b : f32
  %3 = arith.divf %one, %three : f32
  %4 = arith.divf %one, %z : f32
  %5 = arith.divf %z, %z : f32
  %6 = arith.mulf %big, %big : f32
  %seven = arith.constant 7.5 : f32
  %two = arith.constant -2.0 : f32
  %7 = arith.remf %seven, %two : f32
  %8 = arith.negf %a : f32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : f32, f32, f32, f32, f32, f32, f32, f32, f32
}
