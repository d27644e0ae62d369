// trunci of extensions that only drop extension bits, trunci of an arithmetic shift by the truncated width.
func.func @trunc_patterns(%x: i8, %y: i64) -> (i16, i16, i32, i8) {
  %e = arith.extsi %x : i8 to i64
  %0 = arith.trunci %e : i64 to i16
  %u = arith.extui %x : i8 to i32
  %1 = arith.trunci %u : i32 to i16
  %c32 = arith.constant 32 : i64
  %s = arith.shrsi %y, %c32 : i64
  %2 = arith.trunci %s : i64 to i32
  %c56 = arith.constant 56 : i64
  %s2 = arith.shrsi %y, %c56 : i64
  %3 = arith.trunci %s2 overflow<nsw> : i64 to i8
  return %0, %1, %2, %3 : i16, i16, i32, i8
}
