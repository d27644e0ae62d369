// RUN: mlir-py-opt %s --split-input-file --convert-nn-to-tc | filecheck %s

// The multi-statement lowerings of convert-nn-to-tc.

// Layer norm: sum, centre, sum of squares, rsqrt, scale and shift (population variance).
// CHECK-LABEL: func.func @layer_norm
//       CHECK:   %[[S:.*]] = tc.comprehension "S(i0, i1) +=! X(i0, i1, i2)" ins(X = %[[X:.*]] : tensor<2x3x8xf32>) -> tensor<2x3xf32>
//       CHECK:   %[[D:.*]] = tc.comprehension "D(i0, i1, i2) = X(i0, i1, i2) - S(i0, i1) / 8.0" ins(X = %[[X]] : tensor<2x3x8xf32>, S = %[[S]] : tensor<2x3xf32>)
//       CHECK:   %[[Q:.*]] = tc.comprehension "Q(i0, i1) +=! D(i0, i1, i2) * D(i0, i1, i2)" ins(D = %[[D]] : tensor<2x3x8xf32>)
//       CHECK:   %[[R:.*]] = tc.comprehension "R(i0, i1) = rsqrt(Q(i0, i1) / 8.0 + 9.999999747378752e-06)" ins(Q = %[[Q]] : tensor<2x3xf32>)
//       CHECK:   tc.comprehension "O(i0, i1, i2) = D(i0, i1, i2) * R(i0, i1) * G(i2) + B(i2)" ins(D = %[[D]] : tensor<2x3x8xf32>, R = %[[R]] : tensor<2x3xf32>, G = %{{.*}} : tensor<8xf32>, B = %{{.*}} : tensor<8xf32>)
func.func @layer_norm(%x: tensor<2x3x8xf32>, %s: tensor<8xf32>, %b: tensor<8xf32>) -> tensor<2x3x8xf32> {
  %0 = nn.layer_norm %x, %s, %b : (tensor<2x3x8xf32>, tensor<8xf32>, tensor<8xf32>) -> tensor<2x3x8xf32>
  return %0 : tensor<2x3x8xf32>
}

// -----

// LRN: squares, the channel dimension zero-padded by (size-1)/2 each side, a windowed sum, then pow.
// alpha / size = 1e-4 / 3.
// CHECK-LABEL: func.func @lrn
//       CHECK:   %[[Q:.*]] = tc.comprehension "Q(n, c, d0, d1) = X(n, c, d0, d1) * X(n, c, d0, d1)"
//       CHECK:   %[[P:.*]] = tensor.pad %[[Q]] low[0, 1, 0, 0] high[0, 1, 0, 0]
//       CHECK:   } : tensor<1x5x3x3xf32> to tensor<1x7x3x3xf32>
//       CHECK:   %[[W:.*]] = tc.comprehension "W(n, c, d0, d1) +=! P(n, c + j, d0, d1) where j in 0:3" ins(P = %[[P]] : tensor<1x7x3x3xf32>) -> tensor<1x5x3x3xf32>
//       CHECK:   tc.comprehension "O(n, c, d0, d1) = X(n, c, d0, d1) / pow(1.0 + 3.333333370392211e-05 * W(n, c, d0, d1), 0.75)" ins(X = %{{.*}} : tensor<1x5x3x3xf32>, W = %[[W]] : tensor<1x5x3x3xf32>)
func.func @lrn(%x: tensor<1x5x3x3xf32>) -> tensor<1x5x3x3xf32> {
  %0 = nn.lrn %x <size = 3> : tensor<1x5x3x3xf32>
  return %0 : tensor<1x5x3x3xf32>
}

// -----

// CHECK-LABEL: func.func @log_softmax
//       CHECK:   %[[M:.*]] = tc.comprehension "M(i1) max=! X(i0, i1)"
//       CHECK:   %[[E:.*]] = tc.comprehension "E(i0, i1) = exp(X(i0, i1) - M(i1))"
//       CHECK:   %[[S:.*]] = tc.comprehension "S(i1) +=! E(i0, i1)" ins(E = %[[E]] : tensor<4x6xf32>) -> tensor<6xf32>
//       CHECK:   tc.comprehension "O(i0, i1) = X(i0, i1) - M(i1) - log(S(i1))" ins(X = %{{.*}} : tensor<4x6xf32>, M = %[[M]] : tensor<6xf32>, S = %[[S]] : tensor<6xf32>)
func.func @log_softmax(%x: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %0 = nn.log_softmax %x <axis = 0> : tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

// Padding excluded from the divisor: a constant tensor of per-window counts.
// CHECK-LABEL: func.func @avgpool_exclude_pad
//       CHECK:   %[[P:.*]] = tensor.pad %{{.*}} low[0, 0, 1, 1] high[0, 0, 0, 0]
//       CHECK:   %[[S:.*]] = tc.comprehension "S(n, c, h, w) +=! X(n, c, 2 * h + kh, 2 * w + kw) where kh in 0:2, kw in 0:2" ins(X = %[[P]] : tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
//       CHECK:   %[[K:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 2.000000e+00], [2.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
//       CHECK:   tc.comprehension "O(n, c, h, w) = S(n, c, h, w) / K(h, w)" ins(S = %[[S]] : tensor<1x1x2x2xf32>, K = %[[K]] : tensor<2x2xf32>)
func.func @avgpool_exclude_pad(%x: tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32> {
  %0 = nn.avgpool2d %x <kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 0, 0>> : (tensor<1x1x3x3xf32>) -> tensor<1x1x2x2xf32>
  return %0 : tensor<1x1x2x2xf32>
}

// -----

// ceil_mode: the last window needs one more row and column of -inf.
// CHECK-LABEL: func.func @maxpool_ceil
//       CHECK:   tensor.pad %{{.*}} low[0, 0, 0, 0] high[0, 0, 1, 1]
//       CHECK:   } : tensor<1x2x10x10xf32> to tensor<1x2x11x11xf32>
//       CHECK:   tc.comprehension "O(n, c, h, w) max=! X(n, c, 2 * h + kh, 2 * w + kw) where kh in 0:3, kw in 0:3" ins(X = %{{.*}} : tensor<1x2x11x11xf32>) -> tensor<1x2x5x5xf32>
func.func @maxpool_ceil(%x: tensor<1x2x10x10xf32>) -> tensor<1x2x5x5xf32> {
  %0 = nn.maxpool2d %x <kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, ceil_mode = 1> : (tensor<1x2x10x10xf32>) -> tensor<1x2x5x5xf32>
  return %0 : tensor<1x2x5x5xf32>
}

// -----

// CHECK-LABEL: func.func @unary
//       CHECK:   tc.comprehension "O(i0) = min(max(X0(i0), 0.0), 6.0)"
//       CHECK:   tc.comprehension "O(i0) = 0.5 * X0(i0) * (1.0 + erf(X0(i0) * 0.7071067690849304))"
//       CHECK:   tc.comprehension "O(i0) = erf(X0(i0))"
func.func @unary(%x: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = nn.clip %x <min = 0.0 : f32, max = 6.0 : f32> : tensor<4xf32>
  %1 = nn.gelu %x : tensor<4xf32>
  %2 = nn.erf %x : tensor<4xf32>
  return %0, %1, %2 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// -----

// Variadic sum with broadcasting; a matrix-vector product (1-D operand: no n index).
// CHECK-LABEL: func.func @sum_matvec
//       CHECK:   tc.comprehension "O(i0, i1) = X0(i0, i1) + X1(i1) + X2(0)" ins(X0 = %{{.*}} : tensor<2x3xf32>, X1 = %{{.*}} : tensor<3xf32>, X2 = %{{.*}} : tensor<1xf32>) -> tensor<2x3xf32>
//       CHECK:   tc.comprehension "O(m) +=! A(m, k) * B(k)" ins(A = %{{.*}} : tensor<2x3xf32>, B = %{{.*}} : tensor<3xf32>) -> tensor<2xf32>
func.func @sum_matvec(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %c: tensor<1xf32>) -> (tensor<2x3xf32>, tensor<2xf32>) {
  %0 = nn.sum %a, %b, %c : (tensor<2x3xf32>, tensor<3xf32>, tensor<1xf32>) -> tensor<2x3xf32>
  %1 = nn.matmul %a, %b : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2xf32>
  return %0, %1 : tensor<2x3xf32>, tensor<2xf32>
}

// -----

// keepdims: the reduced dimensions stay with range 0:1.
// CHECK-LABEL: func.func @reduce_mean
//       CHECK:   %[[S:.*]] = tc.comprehension "O(i0, j1, j2) +=! X(i0, k1, k2) where j1 in 0:1, j2 in 0:1" ins(X = %{{.*}} : tensor<2x3x4xf32>) -> tensor<2x1x1xf32>
//       CHECK:   tc.comprehension "O(i0, j1, j2) = S(i0, j1, j2) / 12.0" ins(S = %[[S]] : tensor<2x1x1xf32>)
func.func @reduce_mean(%x: tensor<2x3x4xf32>) -> tensor<2x1x1xf32> {
  %0 = nn.reduce_mean %x <axes = array<i64: 1, 2>> : (tensor<2x3x4xf32>) -> tensor<2x1x1xf32>
  return %0 : tensor<2x1x1xf32>
}

// -----

// Negative pads crop (extract_slice), positive ones pad; edge mode copies the border element.
// CHECK-LABEL: func.func @pad
//  CHECK-SAME:   (%[[X:.*]]: tensor<3x6xf32>, %[[Y:.*]]: tensor<2x5xf32>)
//       CHECK:   %[[C:.*]] = tensor.extract_slice %[[X]][1, 0] [2, 3] [1, 1] : tensor<3x6xf32> to tensor<2x3xf32>
//       CHECK:   %[[V:.*]] = arith.constant 1.500000e+00 : f32
//       CHECK:   %[[P:.*]] = tensor.pad %[[C]] low[0, 2] high[2, 0]
//       CHECK:     tensor.yield %[[V]] : f32
//       CHECK:   } : tensor<2x3xf32> to tensor<4x5xf32>
//       CHECK:   %[[L:.*]] = tc.comprehension "P(i0, i1) = X(i0, 0) where i1 in 0:1" ins(X = %[[Y]] : tensor<2x5xf32>) -> tensor<2x1xf32>
//       CHECK:   %[[R:.*]] = tc.comprehension "P(i0, i1) = X(i0, 4) where i1 in 0:1" ins(X = %[[Y]] : tensor<2x5xf32>) -> tensor<2x1xf32>
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<2x7xf32>
//       CHECK:   %[[I0:.*]] = tensor.insert_slice %[[L]] into %[[E]][0, 0] [2, 1] [1, 1]
//       CHECK:   %[[I1:.*]] = tensor.insert_slice %[[Y]] into %[[I0]][0, 1] [2, 5] [1, 1]
//       CHECK:   %[[I2:.*]] = tensor.insert_slice %[[R]] into %[[I1]][0, 6] [2, 1] [1, 1]
//       CHECK:   return %[[P]], %[[I2]]
func.func @pad(%x: tensor<3x6xf32>, %y: tensor<2x5xf32>) -> (tensor<4x5xf32>, tensor<2x7xf32>) {
  %0 = nn.pad %x <pads = array<i64: -1, 2, 2, -3>, value = 1.5 : f32> : (tensor<3x6xf32>) -> tensor<4x5xf32>
  %1 = nn.pad %y <pads = array<i64: 0, 1, 0, 1>, mode = "edge"> : (tensor<2x5xf32>) -> tensor<2x7xf32>
  return %0, %1 : tensor<4x5xf32>, tensor<2x7xf32>
}

