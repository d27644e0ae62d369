// addi canonicalization patterns (ArithCanonicalization.td), with overflow flags merged conservatively.
func.func @addi_patterns(%x: i32, %y: i32) -> (i32, i32, i32, i32, i32) {
  %c3 = arith.constant 3 : i32
  %c4 = arith.constant 4 : i32
  %a = arith.addi %x, %c3 overflow<nsw, nuw> : i32
  %0 = arith.addi %a, %c4 overflow<nsw> : i32
  %s = arith.subi %x, %c3 : i32
  %1 = arith.addi %s, %c4 : i32
  %t = arith.subi %c3, %x overflow<nuw> : i32
  %2 = arith.addi %t, %c4 overflow<nuw> : i32
  %m1 = arith.constant -1 : i32
  %my = arith.muli %y, %m1 : i32
  %3 = arith.addi %x, %my : i32
  %mx = arith.muli %x, %m1 : i32
  %4 = arith.addi %mx, %y : i32
  return %0, %1, %2, %3, %4 : i32, i32, i32, i32, i32
}

func.func @addi_wrap(%x: i8) -> i8 {
  %c = arith.constant 100 : i8
  %a = arith.addi %x, %c : i8
  %b = arith.addi %a, %c : i8
  %d = arith.addi %b, %c : i8
  return %d : i8
}
