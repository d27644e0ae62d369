// Existing and folded constants are hoisted to the top of the entry block and uniqued there, in MLIR's order.
func.func @order(%x: i32, %y: i32) -> (i32, i32, i32, i32) {
  %a = arith.addi %x, %y : i32
  %c5 = arith.constant 5 : i32
  %b = arith.muli %a, %c5 : i32
  %c1 = arith.constant 1 : i32
  %c5b = arith.constant 5 : i32
  %c = arith.addi %c1, %c5b : i32
  %d = arith.subi %b, %c : i32
  %c6 = arith.constant 6 : i32
  %e = arith.addi %d, %c6 : i32
  %f = arith.muli %c, %c : i32
  return %b, %d, %e, %f : i32, i32, i32, i32
}
