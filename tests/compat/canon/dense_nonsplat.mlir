// Elementwise constant folding on non-splat dense constants; a division by zero in any element blocks it.
func.func @dense() -> (vector<4xi32>, vector<3xf32>, vector<4xi1>, vector<4xi32>, vector<4xi64>, vector<3xi32>) {
  %a = arith.constant dense<[1, -2, 3, 2147483647]> : vector<4xi32>
  %b = arith.constant dense<[4, 5, -6, 1]> : vector<4xi32>
  %0 = arith.addi %a, %b : vector<4xi32>
  %f = arith.constant dense<[1.0, 0.1, -2.5]> : vector<3xf32>
  %1 = arith.mulf %f, %f : vector<3xf32>
  %2 = arith.cmpi slt, %a, %b : vector<4xi32>
  %z = arith.constant dense<[1, 0, 1, 1]> : vector<4xi32>
  %3 = arith.divsi %a, %z : vector<4xi32>
  %4 = arith.extsi %a : vector<4xi32> to vector<4xi64>
  %g = arith.constant dense<[1.5, -2.5, 3.99]> : vector<3xf32>
  %5 = arith.fptosi %g : vector<3xf32> to vector<3xi32>
  return %0, %1, %2, %3, %4, %5 : vector<4xi32>, vector<3xf32>, vector<4xi1>, vector<4xi32>, vector<4xi64>, vector<3xi32>
}
