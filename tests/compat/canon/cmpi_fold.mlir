// cmpi: every predicate on constants (signed vs unsigned views), equal operands, and i1 shortcuts.
func.func @cmpi_consts() -> (i1, i1, i1, i1, i1, i1, i1, i1, i1, i1) {
  %a = arith.constant -1 : i8
  %b = arith.constant 1 : i8
  %0 = arith.cmpi eq, %a, %b : i8
  %1 = arith.cmpi ne, %a, %b : i8
  %2 = arith.cmpi slt, %a, %b : i8
  %3 = arith.cmpi sle, %a, %b : i8
  %4 = arith.cmpi sgt, %a, %b : i8
  %5 = arith.cmpi sge, %a, %b : i8
  %6 = arith.cmpi ult, %a, %b : i8
  %7 = arith.cmpi ule, %a, %b : i8
  %8 = arith.cmpi ugt, %a, %b : i8
  %9 = arith.cmpi uge, %a, %b : i8
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9 : i1, i1, i1, i1, i1, i1, i1, i1, i1, i1
}

func.func @cmpi_same(%x: index) -> (i1, i1, i1, i1, i1, i1) {
  %0 = arith.cmpi eq, %x, %x : index
  %1 = arith.cmpi ne, %x, %x : index
  %2 = arith.cmpi sle, %x, %x : index
  %3 = arith.cmpi ult, %x, %x : index
  %4 = arith.cmpi uge, %x, %x : index
  %5 = arith.cmpi sgt, %x, %x : index
  return %0, %1, %2, %3, %4, %5 : i1, i1, i1, i1, i1, i1
}

func.func @cmpi_i1(%b: i1, %c: i1) -> (i1, i1, i1, i1) {
  %false = arith.constant false
  %true = arith.constant true
  %0 = arith.cmpi ne, %b, %false : i1
  %1 = arith.cmpi eq, %b, %true : i1
  %e = arith.extui %c : i1 to i32
  %z = arith.constant 0 : i32
  %2 = arith.cmpi ne, %e, %z : i32
  %s = arith.extsi %c : i1 to i64
  %z64 = arith.constant 0 : i64
  %3 = arith.cmpi ne, %s, %z64 : i64
  return %0, %1, %2, %3 : i1, i1, i1, i1
}
