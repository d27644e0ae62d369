// cmpf: all sixteen predicates on constants, ordered vs unordered with NaN.
func.func @cmpf_consts() -> (i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1) {
  %a = arith.constant 1.0 : f32
  %b = arith.constant 2.0 : f32
  %0 = arith.cmpf false, %a, %b : f32
  %1 = arith.cmpf oeq, %a, %b : f32
  %2 = arith.cmpf ogt, %a, %b : f32
  %3 = arith.cmpf oge, %a, %b : f32
  %4 = arith.cmpf olt, %a, %b : f32
  %5 = arith.cmpf ole, %a, %b : f32
  %6 = arith.cmpf one, %a, %b : f32
  %7 = arith.cmpf ord, %a, %b : f32
  %8 = arith.cmpf ueq, %a, %b : f32
  %9 = arith.cmpf ugt, %a, %b : f32
  %10 = arith.cmpf uge, %a, %b : f32
  %11 = arith.cmpf ult, %a, %b : f32
  %12 = arith.cmpf ule, %a, %b : f32
  %13 = arith.cmpf une, %a, %b : f32
  %14 = arith.cmpf uno, %a, %b : f32
  %15 = arith.cmpf true, %a, %b : f32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14, %15 : i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1, i1
}

func.func @cmpf_nan(%x: f64) -> (i1, i1, i1, i1, i1, i1, i1, i1) {
  %nan = arith.constant 0x7FF8000000000000 : f64
  %one = arith.constant 1.0 : f64
  %0 = arith.cmpf oeq, %nan, %one : f64
  %1 = arith.cmpf une, %nan, %one : f64
  %2 = arith.cmpf ord, %x, %nan : f64
  %3 = arith.cmpf uno, %nan, %x : f64
  %4 = arith.cmpf ult, %x, %nan : f64
  %5 = arith.cmpf oeq, %x, %x : f64
  %nz = arith.constant -0.0 : f64
  %pz = arith.constant 0.0 : f64
  %6 = arith.cmpf oeq, %nz, %pz : f64
  %7 = arith.cmpf olt, %nz, %pz : f64
  return %0, %1, %2, %3, %4, %5, %6, %7 : i1, i1, i1, i1, i1, i1, i1, i1
}
