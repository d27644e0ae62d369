func.func @empty(%n: index, %m: index) -> (tensor<4x8xf32>, tensor<?x8xi32>, tensor<?x?x2xbf16>, tensor<f64>) {
  %0 = tensor.empty() : tensor<4x8xf32>
  %1 = tensor.empty(%n) : tensor<?x8xi32>
  %2 = tensor.empty(%n, %m) : tensor<?x?x2xbf16>
  %3 = tensor.empty() : tensor<f64>
  %4 = tensor.empty() : tensor<0x3xi1>
  %5 = tensor.empty(%m) {foo = "bar"} : tensor<1x?xindex>
  return %0, %1, %2, %3 : tensor<4x8xf32>, tensor<?x8xi32>, tensor<?x?x2xbf16>, tensor<f64>
}
