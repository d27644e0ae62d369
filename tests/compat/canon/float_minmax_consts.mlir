// maximumf/minimumf propagate NaN and order -0 < +0; maxnumf/minnumf return the non-NaN operand.
func.func @fminmax() -> (f32, f32, f32, f32, f32, f32, f32, f32) {
  %nz = arith.constant -0.0 : f32
  %pz = arith.constant 0.0 : f32
  %nan = arith.constant 0x7FC00000 : f32
  %two = arith.constant 2.0 : f32
  %0 = arith.maximumf %nz, %pz : f32
  %1 = arith.minimumf %pz, %nz : f32
  %2 = arith.maximumf %two, %nan : f32
  %3 = arith.minimumf %nan, %two : f32
  %4 = arith.maxnumf %nan, %two : f32
  %5 = arith.minnumf %two, %nan : f32
  %6 = arith.maxnumf %pz, %two : f32
  %7 = arith.minnumf %nz, %two : f32
  return %0, %1, %2, %3, %4, %5, %6, %7 : f32, f32, f32, f32, f32, f32, f32, f32
}
