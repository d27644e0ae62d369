func.func @concat(%a: tensor<2x4xf32>, %b: tensor<3x4xf32>, %d: tensor<?x4xf32>, %e: tensor<2x?xf32>) {
  %0 = tensor.concat dim(0) %a, %b : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<5x4xf32>
  %1 = tensor.concat dim(0) %a, %d : (tensor<2x4xf32>, tensor<?x4xf32>) -> tensor<?x4xf32>
  %2 = tensor.concat dim(1) %a, %e, %a : (tensor<2x4xf32>, tensor<2x?xf32>, tensor<2x4xf32>) -> tensor<2x?xf32>
  %3 = tensor.concat dim(0) %a : (tensor<2x4xf32>) -> tensor<2x4xf32>
  %4 = tensor.concat dim(1) %a, %a {tag} : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x8xf32>
  return
}
