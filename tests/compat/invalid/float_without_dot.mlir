// A float literal needs a '.': `1e+10` lexes as the integer 1 followed by junk.
func.func @f() -> f64 {
  %0 = arith.constant 1e+10 : f64
  return %0 : f64
}
