// cmpf of an integer converted to float against a constant becomes an integer compare (or a constant).
func.func @cmpf_int(%i: i32, %u: i8, %l: i64) -> (i1, i1, i1, i1, i1, i1, i1, i1, i1) {
  %fi = arith.sitofp %i : i32 to f64
  %c4 = arith.constant 4.0 : f64
  %0 = arith.cmpf olt, %fi, %c4 : f64
  %c45 = arith.constant 4.5 : f64
  %1 = arith.cmpf oeq, %fi, %c45 : f64
  %2 = arith.cmpf ogt, %fi, %c45 : f64
  %n45 = arith.constant -4.5 : f64
  %3 = arith.cmpf ole, %fi, %n45 : f64
  %fu = arith.uitofp %u : i8 to f32
  %c300 = arith.constant 300.0 : f32
  %4 = arith.cmpf ult, %fu, %c300 : f32
  %cneg = arith.constant -1.0 : f32
  %5 = arith.cmpf uge, %fu, %cneg : f32
  %6 = arith.cmpf ord, %fu, %cneg : f32
  %fl = arith.sitofp %l : i64 to f32
  %c1e = arith.constant 1.0e10 : f32
  %7 = arith.cmpf olt, %fl, %c1e : f32
  %cbig = arith.constant 1.0e20 : f32
  %8 = arith.cmpf olt, %fl, %cbig : f32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : i1, i1, i1, i1, i1, i1, i1, i1, i1
}
