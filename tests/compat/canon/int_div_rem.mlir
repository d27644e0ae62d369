// Signed/unsigned division and remainder folding; division by zero and INT_MIN / -1 must not fold.
func.func @div(%x: i32) -> (i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32) {
  %c7 = arith.constant 7 : i32
  %cm7 = arith.constant -7 : i32
  %c2 = arith.constant 2 : i32
  %cm2 = arith.constant -2 : i32
  %c0 = arith.constant 0 : i32
  %min = arith.constant -2147483648 : i32
  %m1 = arith.constant -1 : i32
  %0 = arith.divsi %cm7, %c2 : i32
  %1 = arith.divui %cm7, %c2 : i32
  %2 = arith.ceildivsi %cm7, %c2 : i32
  %3 = arith.ceildivsi %c7, %c2 : i32
  %4 = arith.ceildivui %c7, %c2 : i32
  %5 = arith.floordivsi %cm7, %c2 : i32
  %6 = arith.floordivsi %c7, %cm2 : i32
  %7 = arith.remsi %cm7, %c2 : i32
  %8 = arith.remui %cm7, %c2 : i32
  %9 = arith.divsi %x, %c0 : i32
  %10 = arith.divsi %min, %m1 : i32
  %11 = arith.remui %c7, %c0 : i32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11 : i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32
}

func.func @div_identities(%x: i64, %y: i64) -> (i64, i64, i64, i64, i64, i64, i64) {
  %c1 = arith.constant 1 : i64
  %0 = arith.divsi %x, %c1 : i64
  %1 = arith.divui %x, %c1 : i64
  %2 = arith.ceildivsi %x, %c1 : i64
  %3 = arith.remsi %x, %c1 : i64
  %4 = arith.remui %x, %c1 : i64
  %m = arith.muli %x, %y overflow<nsw> : i64
  %5 = arith.divsi %m, %y : i64
  %mu = arith.muli %x, %y : i64
  %6 = arith.divui %mu, %y : i64
  return %0, %1, %2, %3, %4, %5, %6 : i64, i64, i64, i64, i64, i64, i64
}

func.func @div_i8() -> (i8, i8, i8, i8) {
  %min = arith.constant -128 : i8
  %m1 = arith.constant -1 : i8
  %c3 = arith.constant 3 : i8
  %0 = arith.ceildivsi %min, %c3 : i8
  %1 = arith.floordivsi %min, %m1 : i8
  %2 = arith.ceildivsi %min, %m1 : i8
  %3 = arith.remsi %min, %m1 : i8
  return %0, %1, %2, %3 : i8, i8, i8, i8
}
