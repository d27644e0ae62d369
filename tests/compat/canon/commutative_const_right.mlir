// Constants move to the right operand of commutative ops and of cmpi (with the swapped predicate).
func.func @commute(%x: i32, %f: f32) -> (i32, i32, i32, i32, f32, f32, i1, i1, i1, i1) {
  %c5 = arith.constant 5 : i32
  %cf = arith.constant 2.5 : f32
  %0 = arith.addi %c5, %x : i32
  %1 = arith.muli %c5, %x : i32
  %2 = arith.andi %c5, %x : i32
  %3 = arith.maxsi %c5, %x : i32
  %4 = arith.addf %cf, %f : f32
  %5 = arith.mulf %cf, %f : f32
  %6 = arith.cmpi slt, %c5, %x : i32
  %7 = arith.cmpi uge, %c5, %x : i32
  %8 = arith.cmpi eq, %c5, %x : i32
  %9 = arith.cmpi ne, %c5, %x : i32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9 : i32, i32, i32, i32, f32, f32, i1, i1, i1, i1
}
