// Hex elements must hold one element (a splat) or exactly one per element.
func.func @f() -> tensor<3xi16> {
  %0 = arith.constant dense<"0x01000200"> : tensor<3xi16>
  return %0 : tensor<3xi16>
}
