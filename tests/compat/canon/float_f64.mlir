// f64 folding, including remf with negative operands and subnormal results.
func.func @f64_fold() -> (f64, f64, f64, f64, f64) {
  %a = arith.constant 1.0e308 : f64
  %b = arith.constant 10.0 : f64
  %tiny = arith.constant 4.9406564584124654e-324 : f64
  %0 = arith.mulf %a, %b : f64
  %1 = arith.divf %tiny, %b : f64
  %m = arith.constant -7.25 : f64
  %d = arith.constant 2.0 : f64
  %2 = arith.remf %m, %d : f64
  %third = arith.constant 0.3333333333333333 : f64
  %3 = arith.mulf %third, %d : f64
  %4 = arith.subf %tiny, %tiny : f64
  return %0, %1, %2, %3, %4 : f64, f64, f64, f64, f64
}
