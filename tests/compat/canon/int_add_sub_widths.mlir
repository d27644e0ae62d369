// Integer add/sub/mul constant folding with wrap-around at every width.
func.func @wrap() -> (i1, i8, i16, i32, i64, index, i8, i64, i3) {
  %t = arith.constant true
  %a1 = arith.addi %t, %t : i1
  %m8 = arith.constant 127 : i8
  %o8 = arith.constant 1 : i8
  %a8 = arith.addi %m8, %o8 : i8
  %x16 = arith.constant -32768 : i16
  %o16 = arith.constant 1 : i16
  %s16 = arith.subi %x16, %o16 : i16
  %x32 = arith.constant 65536 : i32
  %p32 = arith.muli %x32, %x32 : i32
  %x64 = arith.constant 9223372036854775807 : i64
  %p64 = arith.muli %x64, %x64 : i64
  %xi = arith.constant -9223372036854775808 : index
  %ni = arith.constant -1 : index
  %pi = arith.addi %xi, %ni : index
  %c200 = arith.constant -56 : i8
  %m200 = arith.muli %c200, %c200 : i8
  %big = arith.constant -1 : i64
  %sb = arith.subi %big, %x64 : i64
  %c3 = arith.constant 3 : i3
  %c6 = arith.addi %c3, %c3 : i3
  return %a1, %a8, %s16, %p32, %p64, %pi, %m200, %sb, %c6 : i1, i8, i16, i32, i64, index, i8, i64, i3
}
