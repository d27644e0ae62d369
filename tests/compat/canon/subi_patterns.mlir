// subi canonicalization patterns: constants re-associated through add/sub chains.
func.func @subi_patterns(%x: i64, %y: i64) -> (i64, i64, i64, i64, i64, i64, i64) {
  %c10 = arith.constant 10 : i64
  %c3 = arith.constant 3 : i64
  %a = arith.addi %x, %c3 : i64
  %0 = arith.subi %a, %c10 : i64
  %1 = arith.subi %c10, %a : i64
  %s = arith.subi %x, %c3 : i64
  %2 = arith.subi %s, %c10 : i64
  %t = arith.subi %c3, %x : i64
  %3 = arith.subi %t, %c10 : i64
  %4 = arith.subi %c10, %s : i64
  %5 = arith.subi %c10, %t : i64
  %xy = arith.subi %x, %y : i64
  %6 = arith.subi %xy, %x : i64
  return %0, %1, %2, %3, %4, %5, %6 : i64, i64, i64, i64, i64, i64, i64
}
