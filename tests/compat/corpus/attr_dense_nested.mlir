func.func @nested() {
  %0 = arith.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %1 = arith.constant dense<[[[1.0, 2.0]], [[3.0, 4.0]], [[5.0, 6.0]]]> : tensor<3x1x2xf32>
  %2 = arith.constant dense<[[-1, 0], [127, -128]]> : vector<2x2xi8>
  %3 = arith.constant dense<[0.1, 0.2, 0.3, 1.0e10, -1.5e-5]> : tensor<5xf64>
  %4 = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %5 = arith.constant dense<[[1], [2]]> : tensor<2x1xindex>
  %6 = arith.constant dense<[65535, 0, 1]> : tensor<3xi16>
  %7 = arith.constant dense<[1.5, 2.5]> : tensor<2xbf16>
  %8 = arith.constant dense<[0x7F800000, 0xFF800000, 0.0]> : tensor<3xf32>
  %9 = arith.constant dense<[[true, false], [false, true]]> : tensor<2x2xi1>
  return
}
