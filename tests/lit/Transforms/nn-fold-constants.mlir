// RUN: mlir-py-opt %s --split-input-file --nn-fold-constants --verify-diagnostics | filecheck %s

// A chain of ops on constants (nn.constant and arith.constant) becomes one constant; the dead operands go.
// CHECK-LABEL: func.func @chain
//  CHECK-SAME:   (%[[X:.*]]: tensor<2x3xf32>)
//       CHECK:   %[[C:.*]] = nn.constant dense<{{\[}}[2.000000e+00, 0.000000e+00, 6.000000e+00], [8.000000e+00, 1.000000e+01, 0.000000e+00]]> : tensor<2x3xf32>
//   CHECK-NOT:   nn.constant
//   CHECK-NOT:   arith.constant
//       CHECK:   %[[R:.*]] = nn.add %[[X]], %[[C]]
//       CHECK:   return %[[R]]
func.func @chain(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %a = nn.constant dense<[[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]]> : tensor<2x3xf32>
  %b = arith.constant dense<2.0> : tensor<3xf32>
  %0 = nn.relu %a : tensor<2x3xf32>
  %1 = nn.mul %0, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %2 = nn.add %x, %1 : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %2 : tensor<2x3xf32>
}

// -----

// Shape ops and a splat result.
// CHECK-LABEL: func.func @shapes
//       CHECK:   %[[C:.*]] = nn.constant dense<{{\[}}[1.000000e+00, 3.000000e+00], [2.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
//       CHECK:   %[[S:.*]] = nn.constant dense<5.000000e-01> : tensor<4x4xf32>
//       CHECK:   return %[[C]], %[[S]]
func.func @shapes() -> (tensor<2x2xf32>, tensor<4x4xf32>) {
  %a = nn.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %0 = nn.reshape %a : (tensor<4xf32>) -> tensor<2x2xf32>
  %1 = nn.transpose %0 : (tensor<2x2xf32>) -> tensor<2x2xf32>
  %z = nn.constant dense<0.0> : tensor<4x4xf32>
  %2 = nn.sigmoid %z : tensor<4x4xf32>
  return %1, %2 : tensor<2x2xf32>, tensor<4x4xf32>
}

// -----

// A large result becomes a dense_resource blob.
// CHECK-LABEL: func.func @large
//       CHECK:   %[[C:.*]] = nn.constant dense_resource<mul_folded> : tensor<10x10xf32>
//       CHECK:   return %[[C]]
//       CHECK: dialect_resources
//       CHECK:   mul_folded: "0x04000000000000000000
func.func @large() -> tensor<10x10xf32> {
  %a = nn.constant dense<[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]> : tensor<10xf32>
  %b = nn.constant dense<[[0.0], [1.0], [2.0], [3.0], [4.0], [5.0], [6.0], [7.0], [8.0], [9.0]]> : tensor<10x1xf32>
  %0 = nn.mul %a, %b : (tensor<10xf32>, tensor<10x1xf32>) -> tensor<10x10xf32>
  return %0 : tensor<10x10xf32>
}

// -----

// An op with a non-constant operand stays.
// CHECK-LABEL: func.func @partial
//       CHECK:   nn.constant
//       CHECK:   nn.matmul
func.func @partial(%x: tensor<2x2xf32>) -> tensor<2x2xf32> {
  %a = nn.constant dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32>
  %0 = nn.matmul %x, %a : (tensor<2x2xf32>, tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

// -----

// Undefined behaviour in the reference is not folded.
// CHECK-LABEL: func.func @div_by_zero
//       CHECK:   nn.div
func.func @div_by_zero() -> tensor<2xi32> {
  %a = nn.constant dense<[1, 2]> : tensor<2xi32>
  %b = nn.constant dense<[1, 0]> : tensor<2xi32>
  // expected-warning @+1 {{not folded: integer division by zero}}
  %0 = nn.div %a, %b : (tensor<2xi32>, tensor<2xi32>) -> tensor<2xi32>
  return %0 : tensor<2xi32>
}
