func.func @splats() {
  %0 = arith.constant dense<0> : tensor<1000xi32>
  %1 = arith.constant dense<-1> : vector<2x2xi8>
  %2 = arith.constant dense<1.000000e-01> : tensor<3x3xf32>
  %3 = arith.constant dense<[5, 5, 5, 5]> : tensor<4xi64>
  %4 = arith.constant dense<[[2.5, 2.5], [2.5, 2.5]]> : tensor<2x2xf16>
  %5 = arith.constant dense<false> : tensor<200xi1>
  %6 = arith.constant dense<[true, true]> : vector<2xi1>
  %7 = arith.constant dense<0x7FC00000> : tensor<4xf32>
  %8 = arith.constant dense<3> : tensor<1xindex>
  %9 = arith.constant dense<[7]> : tensor<1xi16>
  %10 = arith.constant dense<4> : tensor<i8>
  %11 = arith.constant dense<-0.0> : tensor<2xf64>
  %12 = arith.constant dense<[0.0, -0.0]> : tensor<2xf64>
  return
}
