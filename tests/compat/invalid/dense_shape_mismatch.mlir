// The literal has 3 elements but the type 4.
func.func @f() -> tensor<4xi32> {
  %0 = arith.constant dense<[1, 2, 3]> : tensor<4xi32>
  return %0 : tensor<4xi32>
}
