// Elementwise constant folding on splat vectors and tensors (results stay splats).
func.func @splats() -> (vector<4xi32>, tensor<2x3xf32>, vector<8xi1>, tensor<4xi8>, vector<2xf16>) {
  %a = arith.constant dense<7> : vector<4xi32>
  %b = arith.constant dense<-3> : vector<4xi32>
  %0 = arith.muli %a, %b : vector<4xi32>
  %f = arith.constant dense<1.5> : tensor<2x3xf32>
  %g = arith.constant dense<0.25> : tensor<2x3xf32>
  %1 = arith.divf %f, %g : tensor<2x3xf32>
  %x = arith.constant dense<5> : vector<8xi16>
  %y = arith.constant dense<9> : vector<8xi16>
  %2 = arith.cmpi ugt, %x, %y : vector<8xi16>
  %p = arith.constant dense<100> : tensor<4xi8>
  %3 = arith.addi %p, %p : tensor<4xi8>
  %h = arith.constant dense<2.0> : vector<2xf16>
  %4 = arith.negf %h : vector<2xf16>
  return %0, %1, %2, %3, %4 : vector<4xi32>, tensor<2x3xf32>, vector<8xi1>, tensor<4xi8>, vector<2xf16>
}

func.func @splat_identities(%v: vector<4xi32>, %t: tensor<?xi32>) -> (vector<4xi32>, vector<4xi32>, vector<4xi32>, tensor<?xi32>, tensor<?xi32>) {
  %z = arith.constant dense<0> : vector<4xi32>
  %o = arith.constant dense<1> : vector<4xi32>
  %0 = arith.addi %v, %z : vector<4xi32>
  %1 = arith.muli %v, %o : vector<4xi32>
  %2 = arith.subi %v, %v : vector<4xi32>
  %3 = arith.subi %t, %t : tensor<?xi32>
  %4 = arith.xori %t, %t : tensor<?xi32>
  return %0, %1, %2, %3, %4 : vector<4xi32>, vector<4xi32>, vector<4xi32>, tensor<?xi32>, tensor<?xi32>
}
