// Algebraic identities of the integer ops (MLIR's fold hooks).
func.func @identities(%x: i32, %y: i32) -> (i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32) {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  %cm1 = arith.constant -1 : i32
  %0 = arith.addi %x, %c0 : i32
  %1 = arith.muli %x, %c1 : i32
  %2 = arith.muli %x, %c0 : i32
  %3 = arith.subi %x, %x : i32
  %4 = arith.andi %x, %x : i32
  %5 = arith.ori %x, %c0 : i32
  %6 = arith.xori %x, %x : i32
  %7 = arith.andi %x, %cm1 : i32
  %8 = arith.ori %x, %cm1 : i32
  %nx = arith.xori %x, %cm1 : i32
  %9 = arith.andi %x, %nx : i32
  %10 = arith.ori %nx, %x : i32
  %xy = arith.xori %x, %y : i32
  %11 = arith.xori %xy, %y : i32
  %s = arith.subi %x, %y : i32
  %12 = arith.addi %s, %y : i32
  %a = arith.addi %x, %y : i32
  %13 = arith.subi %a, %y : i32
  %14 = arith.subi %a, %x : i32
  %and = arith.andi %x, %y : i32
  %15 = arith.andi %x, %and : i32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12, %13, %14, %15 : i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32
}
