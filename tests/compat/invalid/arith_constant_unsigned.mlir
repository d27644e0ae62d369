// arith.constant only produces signless integers, also as elements.
func.func @f() -> tensor<3xui8> {
  %0 = arith.constant dense<[255, 0, 128]> : tensor<3xui8>
  return %0 : tensor<3xui8>
}
