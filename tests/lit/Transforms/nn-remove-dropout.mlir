// RUN: mlir-py-opt %s --split-input-file --nn-remove-dropout | filecheck %s

// CHECK-LABEL: func.func @chain
//  CHECK-SAME:   (%[[X:.*]]: tensor<2x8xf32>)
//   CHECK-NOT:   nn.dropout
//       CHECK:   %[[R:.*]] = nn.relu %[[X]] : tensor<2x8xf32>
//   CHECK-NOT:   nn.dropout
//       CHECK:   return %[[R]], %[[X]]
func.func @chain(%x: tensor<2x8xf32>) -> (tensor<2x8xf32>, tensor<2x8xf32>) {
  %0 = nn.dropout %x <ratio = 0.3 : f32> : tensor<2x8xf32>
  %1 = nn.relu %0 : tensor<2x8xf32>
  %2 = nn.dropout %1 : tensor<2x8xf32>
  %3 = nn.dropout %x : tensor<2x8xf32>
  return %2, %3 : tensor<2x8xf32>, tensor<2x8xf32>
}

// -----

// Nothing else changes.
// CHECK-LABEL: func.func @none
//       CHECK:   nn.sigmoid
func.func @none(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = nn.sigmoid %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
