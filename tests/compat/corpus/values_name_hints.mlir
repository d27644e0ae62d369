func.func @names(%x: i32) -> i32 {
  %a = arith.constant 0 : i32
  %b = arith.constant 0 : i32
  %c = arith.constant 1 : i64
  %d = arith.constant 1 : index
  %e = arith.constant -3 : i8
  %f = arith.constant true
  %g = arith.constant false
  %h = arith.constant true
  %i = arith.constant 1.0 : f32
  %j = arith.constant 2.0 : f32
  %k = arith.constant dense<1> : vector<2xi32>
  %l = arith.constant 0 : i32
  %m = arith.constant 18446744073709551615 : i64
  %s, %o = arith.addui_extended %x, %a : i32, i1
  %s2, %o2 = arith.addui_extended %x, %b : i32, i1
  %lo, %hi = arith.mulsi_extended %x, %x : i32
  %arg1 = arith.addi %x, %a : i32
  return %l : i32
}
