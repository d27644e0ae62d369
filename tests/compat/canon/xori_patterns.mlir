// xori patterns: not(cmpi) inverts the predicate; xor/and/or of same-typed extensions narrow.
func.func @xori_patterns(%a: i32, %b: i32, %p: i8, %q: i8) -> (i1, i1, i32, i32, i32, i32) {
  %true = arith.constant true
  %c = arith.cmpi slt, %a, %b : i32
  %0 = arith.xori %c, %true : i1
  %d = arith.cmpi uge, %a, %b : i32
  %1 = arith.xori %true, %d : i1
  %ep = arith.extui %p : i8 to i32
  %eq = arith.extui %q : i8 to i32
  %2 = arith.xori %ep, %eq : i32
  %sp = arith.extsi %p : i8 to i32
  %sq = arith.extsi %q : i8 to i32
  %3 = arith.andi %sp, %sq : i32
  %4 = arith.ori %ep, %eq : i32
  %5 = arith.andi %ep, %eq : i32
  return %0, %1, %2, %3, %4, %5 : i1, i1, i32, i32, i32, i32
}
