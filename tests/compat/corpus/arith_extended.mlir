func.func @extended(%a: i32, %b: i32, %v: vector<3xi64>, %t: tensor<2xindex>) {
  %sum, %overflow = arith.addui_extended %a, %b : i32, i1
  %0:2 = arith.addui_extended %v, %v : vector<3xi64>, vector<3xi1>
  %low, %high = arith.mulsi_extended %a, %b : i32
  %1:2 = arith.mului_extended %v, %v : vector<3xi64>
  %2:2 = arith.mulsi_extended %t, %t : tensor<2xindex>
  %3 = arith.addi %sum, %low : i32
  %4 = arith.ori %overflow, %overflow : i1
  %5 = arith.xori %0#0, %1#1 : vector<3xi64>
  %6:2 = "arith.mului_extended"(%a, %3) : (i32, i32) -> (i32, i32)
  %7 = arith.addi %6#0, %6#1 : i32
  return
}
