func.func @classify(%x: f32, %v: vector<4xf64>, %t: tensor<2x3xf16>, %u: tensor<*xf32>) {
  %0 = math.isnan %x : f32
  %1 = math.isinf %x : f32
  %2 = math.isfinite %v : vector<4xf64>
  %3 = math.isnormal %t : tensor<2x3xf16>
  %4 = math.isnan %u fastmath<nnan> : tensor<*xf32>
  %5 = arith.andi %0, %1 : i1
  return
}
