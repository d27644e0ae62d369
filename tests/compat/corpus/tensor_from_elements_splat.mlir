func.func @build(%a: f32, %b: f32, %i: i64, %n: index, %m: index) {
  %0 = tensor.from_elements %a, %b : tensor<2xf32>
  %1 = tensor.from_elements %a, %b, %b, %a : tensor<2x2xf32>
  %2 = tensor.from_elements %i : tensor<i64>
  %3 = tensor.from_elements %n, %m, %n : tensor<3xindex>
  %4 = tensor.splat %a : tensor<4x4xf32>
  %5 = tensor.splat %i[%n] : tensor<?xi64>
  %6 = tensor.splat %a[%n, %m] : tensor<?x3x?xf32>
  %7 = tensor.splat %i {x} : tensor<i64>
  return
}
