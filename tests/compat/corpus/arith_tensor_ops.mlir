func.func @tensors(%t: tensor<4x?xi32>, %u: tensor<*xf32>, %s: tensor<i8>, %f: tensor<2x2xbf16>) {
  %0 = arith.addi %t, %t overflow<nsw> : tensor<4x?xi32>
  %1 = arith.divsi %t, %t : tensor<4x?xi32>
  %2 = arith.shrui %s, %s : tensor<i8>
  %3 = arith.mulf %u, %u fastmath<fast> : tensor<*xf32>
  %4 = arith.negf %u : tensor<*xf32>
  %5 = arith.maximumf %f, %f : tensor<2x2xbf16>
  %6 = arith.cmpi eq, %s, %s : tensor<i8>
  %7 = arith.cmpf oge, %u, %u : tensor<*xf32>
  %8 = arith.select %6, %s, %s : tensor<i1>, tensor<i8>
  %9 = arith.extsi %s : tensor<i8> to tensor<i64>
  %10 = arith.sitofp %t : tensor<4x?xi32> to tensor<4x?xf32>
  %11 = arith.extf %f : tensor<2x2xbf16> to tensor<2x2xf32>
  %12 = arith.index_cast %t : tensor<4x?xi32> to tensor<4x?xindex>
  %13 = arith.constant dense<[[1.5, 2.5], [3.5, 4.5]]> : tensor<2x2xbf16>
  %14 = arith.addf %f, %13 : tensor<2x2xbf16>
  return
}
