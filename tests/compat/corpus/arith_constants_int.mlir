func.func @int_constants() {
  %0 = arith.constant 0 : i32
  %1 = arith.constant -1 : i32
  %2 = arith.constant 42 : i8
  %3 = arith.constant -128 : i8
  %4 = arith.constant 255 : i8
  %5 = arith.constant 9223372036854775807 : i64
  %6 = arith.constant -9223372036854775808 : i64
  %7 = arith.constant 18446744073709551615 : i64
  %8 = arith.constant 170141183460469231731687303715884105727 : i128
  %9 = arith.constant true
  %10 = arith.constant false
  %11 = arith.constant 1 : i1
  %12 = arith.constant 0 : index
  %13 = arith.constant -7 : index
  %14 = arith.constant 0x7F : i16
  %15 = arith.constant 0xFFFF : i16
  %16 = arith.constant 3 : i3
  %17 = arith.constant 42 : i32
  %18 = arith.constant 42 : i32
  %19 = arith.constant 0 : i32
  %20 = arith.constant 1 : i17
  %21 = arith.constant 65535 : i16
  %22 = arith.constant -1 : i1
  return
}
