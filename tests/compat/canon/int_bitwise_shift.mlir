// Bitwise ops and shifts; shifts by at least the bit width are poison and must not fold.
func.func @bits() -> (i8, i8, i8, i8, i8, i8, i8, i8, i16, i8) {
  %a = arith.constant 0x5A : i8
  %b = arith.constant -16 : i8
  %s3 = arith.constant 3 : i8
  %s8 = arith.constant 8 : i8
  %0 = arith.andi %a, %b : i8
  %1 = arith.ori %a, %b : i8
  %2 = arith.xori %a, %b : i8
  %3 = arith.shli %b, %s3 : i8
  %4 = arith.shrui %b, %s3 : i8
  %5 = arith.shrsi %b, %s3 : i8
  %6 = arith.shli %a, %s8 : i8
  %7 = arith.shrsi %a, %s8 : i8
  %c = arith.constant 1 : i16
  %s15 = arith.constant 15 : i16
  %8 = arith.shli %c, %s15 : i16
  %9 = arith.shrui %b, %s8 : i8
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9 : i8, i8, i8, i8, i8, i8, i8, i8, i16, i8
}

func.func @shift_identities(%x: i32) -> (i32, i32, i32) {
  %c0 = arith.constant 0 : i32
  %0 = arith.shli %x, %c0 : i32
  %1 = arith.shrui %x, %c0 : i32
  %2 = arith.shrsi %x, %c0 : i32
  return %0, %1, %2 : i32, i32, i32
}
