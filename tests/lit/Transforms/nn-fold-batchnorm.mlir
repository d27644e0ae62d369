// RUN: mlir-py-opt %s --split-input-file --nn-fold-batchnorm --verify-diagnostics | filecheck %s

// W' = W * s, b' = (b - mean) * s + B with s = scale / sqrt(var + eps):
// s = [2 / sqrt(3 + 1), 1 / sqrt(0 + 1)] = [1, 1]  (eps = 1.0)
// b' = ([1, 2] - [1, 0]) * [1, 1] + [5, 6] = [5, 8]
// CHECK-LABEL: func.func @fold
//  CHECK-SAME:   (%[[X:.*]]: tensor<1x1x4x4xf32>)
//   CHECK-DAG:   %[[W:.*]] = nn.constant dense<{{\[}}{{\[}}{{\[}}[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]], {{\[}}{{\[}}[5.000000e+00, 6.000000e+00], [7.000000e+00, 8.000000e+00]]]]> : tensor<2x1x2x2xf32>
//   CHECK-DAG:   %[[B:.*]] = nn.constant dense<[5.000000e+00, 8.000000e+00]> : tensor<2xf32>
//       CHECK:   %[[Y:.*]] = nn.conv2d %[[X]], %[[W]], %[[B]] <strides = array<i64: 2, 2>> : (tensor<1x1x4x4xf32>, tensor<2x1x2x2xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
//   CHECK-NOT:   nn.batch_norm
//       CHECK:   return %[[Y]]
func.func @fold(%x: tensor<1x1x4x4xf32>) -> tensor<1x2x2x2xf32> {
  %w = nn.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]], [[[5.0, 6.0], [7.0, 8.0]]]]> : tensor<2x1x2x2xf32>
  %b = nn.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %scale = nn.constant dense<[2.0, 1.0]> : tensor<2xf32>
  %bb = nn.constant dense<[5.0, 6.0]> : tensor<2xf32>
  %mean = nn.constant dense<[1.0, 0.0]> : tensor<2xf32>
  %var = nn.constant dense<[3.0, 0.0]> : tensor<2xf32>
  %0 = nn.conv2d %x, %w, %b <strides = array<i64: 2, 2>> : (tensor<1x1x4x4xf32>, tensor<2x1x2x2xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  %1 = nn.batch_norm %0, %scale, %bb, %mean, %var <epsilon = 1.0 : f32> : (tensor<1x2x2x2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> tensor<1x2x2x2xf32>
  return %1 : tensor<1x2x2x2xf32>
}

// -----

// A conv without bias gets one: b' = -mean * s + B = [-2 * 0.5 + 1] = [0].
// CHECK-LABEL: func.func @no_bias
//   CHECK-DAG:   %[[W:.*]] = nn.constant dense<5.000000e-01> : tensor<1x1x1x1xf32>
//   CHECK-DAG:   %[[B:.*]] = nn.constant dense<0.000000e+00> : tensor<1xf32>
//       CHECK:   nn.conv2d %{{.*}}, %[[W]], %[[B]] : (tensor<1x1x3x3xf32>, tensor<1x1x1x1xf32>, tensor<1xf32>) -> tensor<1x1x3x3xf32>
//   CHECK-NOT:   nn.batch_norm
func.func @no_bias(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x3x3xf32> {
  %w = nn.constant dense<1.0> : tensor<1x1x1x1xf32>
  %scale = nn.constant dense<1.0> : tensor<1xf32>
  %bb = nn.constant dense<1.0> : tensor<1xf32>
  %mean = nn.constant dense<2.0> : tensor<1xf32>
  %var = nn.constant dense<3.0> : tensor<1xf32>
  %0 = nn.conv2d %x, %w : (tensor<1x1x3x3xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x3x3xf32>
  %1 = nn.batch_norm %0, %scale, %bb, %mean, %var <epsilon = 1.0 : f32> : (tensor<1x1x3x3xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x1x3x3xf32>
  return %1 : tensor<1x1x3x3xf32>
}

// -----

// Not after a conv, or the conv has another use: unchanged, silently.
// CHECK-LABEL: func.func @not_foldable
//       CHECK:   nn.batch_norm
//       CHECK:   nn.conv2d
//       CHECK:   nn.batch_norm
func.func @not_foldable(%x: tensor<1x1x3x3xf32>, %c: tensor<1xf32>) -> (tensor<1x1x3x3xf32>, tensor<1x1x3x3xf32>, tensor<1x1x3x3xf32>) {
  %w = nn.constant dense<1.0> : tensor<1x1x1x1xf32>
  %0 = nn.batch_norm %x, %c, %c, %c, %c : (tensor<1x1x3x3xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x1x3x3xf32>
  %1 = nn.conv2d %x, %w : (tensor<1x1x3x3xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x3x3xf32>
  %2 = nn.batch_norm %1, %c, %c, %c, %c : (tensor<1x1x3x3xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x1x3x3xf32>
  return %0, %1, %2 : tensor<1x1x3x3xf32>, tensor<1x1x3x3xf32>, tensor<1x1x3x3xf32>
}

// -----

func.func @not_constant(%x: tensor<1x1x3x3xf32>, %w: tensor<1x1x1x1xf32>, %c: tensor<1xf32>) -> tensor<1x1x3x3xf32> {
  %s = nn.constant dense<1.0> : tensor<1xf32>
  %0 = nn.conv2d %x, %w : (tensor<1x1x3x3xf32>, tensor<1x1x1x1xf32>) -> tensor<1x1x3x3xf32>
  // expected-warning @+1 {{cannot fold into the preceding 'nn.conv2d': its weight, mean are not constant}}
  %1 = nn.batch_norm %0, %s, %s, %c, %s : (tensor<1x1x3x3xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>, tensor<1xf32>) -> tensor<1x1x3x3xf32>
  return %1 : tensor<1x1x3x3xf32>
}
