func.func @shaped(%v: vector<4xf32>, %s: vector<[4]xf32>, %t: tensor<?x8xf64>, %u: tensor<*xf16>, %vi: vector<2x2xi32>, %vi2: vector<4xi32>) {
  %0 = math.exp %v : vector<4xf32>
  %1 = math.log %s : vector<[4]xf32>
  %2 = math.tanh %t : tensor<?x8xf64>
  %3 = math.erf %u : tensor<*xf16>
  %4 = math.powf %v, %v : vector<4xf32>
  %5 = math.fpowi %v, %vi2 : vector<4xf32>, vector<4xi32>
  %6 = math.absi %vi : vector<2x2xi32>
  %7 = math.fma %t, %t, %t : tensor<?x8xf64>
  return
}
