// Integer min/max: constant folding, x op x, and the absorbing/neutral bounds.
func.func @minmax_consts() -> (i16, i16, i16, i16) {
  %a = arith.constant -5 : i16
  %b = arith.constant 3 : i16
  %0 = arith.maxsi %a, %b : i16
  %1 = arith.maxui %a, %b : i16
  %2 = arith.minsi %a, %b : i16
  %3 = arith.minui %a, %b : i16
  return %0, %1, %2, %3 : i16, i16, i16, i16
}

func.func @minmax_bounds(%x: i8) -> (i8, i8, i8, i8, i8, i8, i8, i8, i8) {
  %smax = arith.constant 127 : i8
  %smin = arith.constant -128 : i8
  %umax = arith.constant -1 : i8
  %zero = arith.constant 0 : i8
  %0 = arith.maxsi %x, %smax : i8
  %1 = arith.maxsi %x, %smin : i8
  %2 = arith.minsi %x, %smin : i8
  %3 = arith.minsi %x, %smax : i8
  %4 = arith.maxui %x, %umax : i8
  %5 = arith.maxui %x, %zero : i8
  %6 = arith.minui %x, %zero : i8
  %7 = arith.minui %x, %umax : i8
  %8 = arith.maxsi %x, %x : i8
  return %0, %1, %2, %3, %4, %5, %6, %7, %8 : i8, i8, i8, i8, i8, i8, i8, i8, i8
}
