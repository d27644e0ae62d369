func.func @dense_constants() {
  %0 = arith.constant dense<0> : vector<4xi32>
  %1 = arith.constant dense<[1, 2, 3, 4]> : vector<4xi32>
  %2 = arith.constant dense<1.5> : tensor<2x3xf32>
  %3 = arith.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf64>
  %4 = arith.constant dense<true> : vector<8xi1>
  %5 = arith.constant dense<[true, false, true]> : tensor<3xi1>
  %6 = arith.constant dense<-5> : tensor<index>
  %7 = arith.constant dense<[[[1], [2]], [[3], [4]]]> : tensor<2x2x1xi8>
  %8 = arith.constant dense<[0.1, 0.2]> : vector<2xf16>
  %9 = arith.constant dense<[0x7FC00000, 0x7F800000]> : tensor<2xf32>
  %10 = arith.constant dense<[]> : tensor<0xi32>
  %11 = arith.constant dense<> : tensor<0x4xf32>
  %12 = arith.constant dense<7> : vector<[4]xi64>
  %13 = arith.constant dense<[1, 1]> : tensor<2xi32>
  %14 = arith.constant dense<2.0> : tensor<f64>
  return
}
