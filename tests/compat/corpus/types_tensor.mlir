// FLAGS: --allow-unregistered-dialect
func.func private @ranked(tensor<f32>, tensor<4xf32>, tensor<2x3x4xi8>, tensor<?xindex>, tensor<?x?xf16>, tensor<4x?x2xbf16>) -> ()
func.func private @zero_sized(tensor<0xf32>, tensor<0x4xi1>, tensor<3x0x?xi64>) -> ()
func.func private @unranked(tensor<*xf32>, tensor<*xi1>, tensor<*xcomplex<f64>>) -> ()
func.func private @encoded(tensor<4xf32, "sparse">, tensor<?x8xi32, #test.layout<"csr">>, tensor<2xf32, 1 : i64>, tensor<3xi8, {level = 2 : i32}>) -> ()
func.func private @element_kinds(tensor<2xcomplex<f32>>, tensor<3x!test.elt>, tensor<1xvector<4xf32>>) -> ()
func.func @ops(%t: tensor<4x?xf32>) -> tensor<4x?xf32> {
  %0 = arith.addf %t, %t : tensor<4x?xf32>
  return %0 : tensor<4x?xf32>
}
