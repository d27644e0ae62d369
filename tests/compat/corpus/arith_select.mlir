func.func @select(%c: i1, %a: i32, %b: i32, %vc: vector<4xi1>, %va: vector<4xf32>, %tc: tensor<2x3xi1>, %ta: tensor<2x3xindex>, %ti: tensor<2x3xindex>) {
  %0 = arith.select %c, %a, %b : i32
  %1 = arith.select %vc, %va, %va : vector<4xi1>, vector<4xf32>
  %2 = arith.select %c, %va, %va : vector<4xf32>
  %3 = arith.select %tc, %ta, %ti : tensor<2x3xi1>, tensor<2x3xindex>
  %4 = arith.select %c, %ta, %ti {test.note = "scalar cond"} : tensor<2x3xindex>
  %5 = "arith.select"(%c, %a, %b) : (i1, i32, i32) -> i32
  %6 = arith.select %c, %c, %c : i1
  return
}
