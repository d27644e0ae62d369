// muli(muli(x, c0), c1) -> muli(x, c0 * c1), wrapping in the type.
func.func @muli_patterns(%x: i16, %i: index) -> (i16, index) {
  %c300 = arith.constant 300 : i16
  %c400 = arith.constant 400 : i16
  %a = arith.muli %x, %c300 : i16
  %0 = arith.muli %a, %c400 : i16
  %c8 = arith.constant 8 : index
  %b = arith.muli %c8, %i : index
  %1 = arith.muli %b, %c8 : index
  return %0, %1 : i16, index
}
