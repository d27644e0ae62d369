// Integer extension/truncation folds and the ext/trunc chain folds.
func.func @int_casts() -> (i32, i32, i8, i64, i1) {
  %m = arith.constant -3 : i8
  %0 = arith.extsi %m : i8 to i32
  %1 = arith.extui %m : i8 to i32
  %b = arith.constant 0x12345678 : i32
  %2 = arith.trunci %b : i32 to i8
  %t = arith.constant true
  %3 = arith.extsi %t : i1 to i64
  %c3 = arith.constant 3 : i8
  %4 = arith.trunci %c3 : i8 to i1
  return %0, %1, %2, %3, %4 : i32, i32, i8, i64, i1
}

func.func @cast_chains(%x: i8, %y: i32) -> (i64, i64, i16, i8, i8, i64, i16) {
  %a = arith.extsi %x : i8 to i16
  %0 = arith.extsi %a : i16 to i64
  %b = arith.extui %x : i8 to i32
  %1 = arith.extui %b : i32 to i64
  %c = arith.extsi %x : i8 to i64
  %2 = arith.trunci %c : i64 to i16
  %3 = arith.trunci %c : i64 to i8
  %d = arith.trunci %y : i32 to i16
  %4 = arith.trunci %d : i16 to i8
  %e = arith.extui %x : i8 to i16
  %5 = arith.extsi %e : i16 to i64
  %f = arith.extsi %x : i8 to i32
  %6 = arith.trunci %f : i32 to i16
  return %0, %1, %2, %3, %4, %5, %6 : i64, i64, i16, i8, i8, i64, i16
}
