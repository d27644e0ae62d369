func.func @reshape(%t: tensor<2x3x4xf32>, %s3: tensor<3xindex>, %s1: tensor<1xi32>, %u: tensor<*xf32>, %sd: tensor<?xi64>) {
  %0 = tensor.reshape %t(%s1) : (tensor<2x3x4xf32>, tensor<1xi32>) -> tensor<24xf32>
  %1 = tensor.reshape %t(%s3) : (tensor<2x3x4xf32>, tensor<3xindex>) -> tensor<4x3x2xf32>
  %2 = tensor.reshape %u(%s3) : (tensor<*xf32>, tensor<3xindex>) -> tensor<?x?x?xf32>
  %3 = tensor.reshape %t(%sd) : (tensor<2x3x4xf32>, tensor<?xi64>) -> tensor<*xf32>
  return
}
