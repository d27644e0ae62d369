// Float identities MLIR folds (and the IEEE-unsafe ones it does not, e.g. x + 0.0 and x * 0.0).
func.func @fident(%x: f32, %y: f32) -> (f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32) {
  %nz = arith.constant -0.0 : f32
  %pz = arith.constant 0.0 : f32
  %one = arith.constant 1.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %pinf = arith.constant 0x7F800000 : f32
  %nan = arith.constant 0x7FC00000 : f32
  %0 = arith.addf %x, %nz : f32
  %1 = arith.addf %x, %pz : f32
  %2 = arith.subf %x, %pz : f32
  %3 = arith.mulf %x, %one : f32
  %4 = arith.divf %x, %one : f32
  %5 = arith.mulf %x, %pz : f32
  %6 = arith.mulf %x, %pz fastmath<nnan,nsz> : f32
  %7 = arith.maximumf %x, %x : f32
  %8 = arith.maximumf %x, %ninf : f32
  %9 = arith.minimumf %x, %pinf : f32
  %10 = arith.maxnumf %x, %nan : f32
  %11 = arith.minnumf %y, %nan : f32
  %n = arith.negf %x : f32
  %12 = arith.negf %n : f32
  %13 = arith.subf %x, %nz : f32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13 : f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32, f32
}
