// CSE merges equal pure ops (commutative operands in any order) but keeps ops with other attributes/flags.
func.func @cse(%x: i32, %y: i32, %f: f32) -> (i32, i32, i32, i32, f32, f32, i1, i1) {
  %0 = arith.addi %x, %y : i32
  %1 = arith.addi %y, %x : i32
  %2 = arith.addi %x, %y overflow<nsw> : i32
  %3 = arith.subi %x, %y : i32
  %4 = arith.subi %y, %x : i32
  %5 = arith.mulf %f, %f : f32
  %6 = arith.mulf %f, %f fastmath<fast> : f32
  %7 = arith.cmpi slt, %x, %y : i32
  %8 = arith.cmpi sgt, %y, %x : i32
  %s0 = arith.addi %0, %1 : i32
  %s1 = arith.addi %s0, %2 : i32
  %s2 = arith.addi %3, %4 : i32
  %f2 = arith.addf %5, %6 : f32
  return %s1, %s2, %3, %4, %5, %f2, %7, %8 : i32, i32, i32, i32, f32, f32, i1, i1
}
