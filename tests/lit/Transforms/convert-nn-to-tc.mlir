// RUN: mlir-py-opt %s --split-input-file --convert-nn-to-tc | filecheck %s

// nn.constant -> arith.constant with the same value.
// CHECK-LABEL: func.func @constant
//       CHECK:   %[[C:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
//       CHECK:   return %[[C]]
func.func @constant() -> tensor<2xf32> {
  %0 = nn.constant dense<[1.0, 2.0]> : tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// Broadcasting reads a size-1 dimension at 0; dropout disappears.
// CHECK-LABEL: func.func @elementwise
//  CHECK-SAME:   (%[[X:.*]]: tensor<2x3x4xf32>, %[[Y:.*]]: tensor<3x1xf32>)
//       CHECK:   %[[A:.*]] = tc.comprehension "O(i0, i1, i2) = X0(i0, i1, i2) + X1(i1, 0)" ins(X0 = %[[X]] : tensor<2x3x4xf32>, X1 = %[[Y]] : tensor<3x1xf32>) -> tensor<2x3x4xf32>
//       CHECK:   %[[R:.*]] = tc.comprehension "O(i0, i1, i2) = max(X0(i0, i1, i2), 0.0)" ins(X0 = %[[A]] : tensor<2x3x4xf32>)
//       CHECK:   %[[L:.*]] = tc.comprehension "O(i0, i1, i2) = X0(i0, i1, i2) >= 0.0 ? X0(i0, i1, i2) : 0.25 * X0(i0, i1, i2)" ins(X0 = %[[R]] : tensor<2x3x4xf32>)
//   CHECK-NOT:   dropout
//       CHECK:   %[[S:.*]] = tc.comprehension "O(i0, i1, i2) = 1.0 / (1.0 + exp(-X0(i0, i1, i2)))" ins(X0 = %[[L]] : tensor<2x3x4xf32>)
//       CHECK:   return %[[S]]
func.func @elementwise(%x: tensor<2x3x4xf32>, %y: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = nn.add %x, %y : (tensor<2x3x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  %1 = nn.relu %0 : tensor<2x3x4xf32>
  %2 = nn.leaky_relu %1 <alpha = 0.25 : f32> : tensor<2x3x4xf32>
  %3 = nn.dropout %2 : tensor<2x3x4xf32>
  %4 = nn.sigmoid %3 : tensor<2x3x4xf32>
  return %4 : tensor<2x3x4xf32>
}

// -----

// Batch dimensions broadcast (B has no leading dimension).
// CHECK-LABEL: func.func @matmul
//       CHECK:   tc.comprehension "O(b0, b1, m, n) +=! A(b0, b1, m, k) * B(b1, k, n)" ins(A = %{{.*}} : tensor<2x3x5x7xf32>, B = %{{.*}} : tensor<3x7x4xf32>) -> tensor<2x3x5x4xf32>
func.func @matmul(%a: tensor<2x3x5x7xf32>, %b: tensor<3x7x4xf32>) -> tensor<2x3x5x4xf32> {
  %0 = nn.matmul %a, %b : (tensor<2x3x5x7xf32>, tensor<3x7x4xf32>) -> tensor<2x3x5x4xf32>
  return %0 : tensor<2x3x5x4xf32>
}

// -----

// beta * C is the init of the accumulation (no '!').
// CHECK-LABEL: func.func @gemm
//       CHECK:   %[[I:.*]] = tc.comprehension "O(m, n) = 0.5 * C(n) where m in 0:4" ins(C = %{{.*}} : tensor<5xf32>) -> tensor<4x5xf32>
//       CHECK:   tc.comprehension "O(m, n) += A(m, k) * B(n, k)" ins(A = %{{.*}} : tensor<4x6xf32>, B = %{{.*}} : tensor<5x6xf32>) init(%[[I]] : tensor<4x5xf32>) -> tensor<4x5xf32>
func.func @gemm(%a: tensor<4x6xf32>, %b: tensor<5x6xf32>, %c: tensor<5xf32>) -> tensor<4x5xf32> {
  %0 = nn.gemm %a, %b, %c <trans_b = 1, beta = 0.5 : f32> : (tensor<4x6xf32>, tensor<5x6xf32>, tensor<5xf32>) -> tensor<4x5xf32>
  return %0 : tensor<4x5xf32>
}

// -----

// Zero padding as tensor.pad, the bias as the init, strides in the subscripts.
// CHECK-LABEL: func.func @conv
//  CHECK-SAME:   (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>, %[[B:.*]]: tensor<4xf32>)
//       CHECK:   %[[Z:.*]] = arith.constant 0.000000e+00 : f32
//       CHECK:   %[[P:.*]] = tensor.pad %[[X]] low[0, 0, 1, 1] high[0, 0, 1, 1]
//       CHECK:     tensor.yield %[[Z]] : f32
//       CHECK:   } : tensor<1x3x8x8xf32> to tensor<1x3x10x10xf32>
//       CHECK:   %[[I:.*]] = tc.comprehension "O(n, m, h, w) = B(m) where n in 0:1, h in 0:4, w in 0:4" ins(B = %[[B]] : tensor<4xf32>) -> tensor<1x4x4x4xf32>
//       CHECK:   %[[O:.*]] = tc.comprehension "O(n, m, h, w) += X(n, c, 2 * h + kh, 2 * w + kw) * W(m, c, kh, kw)" ins(X = %[[P]] : tensor<1x3x10x10xf32>, W = %[[W]] : tensor<4x3x3x3xf32>) init(%[[I]] : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
//       CHECK:   return %[[O]]
func.func @conv(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x4x4xf32> {
  %0 = nn.conv2d %x, %w, %b <strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>> : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// Groups become a dimension of their own; dilations scale the kernel indices.
// CHECK-LABEL: func.func @conv_depthwise
//       CHECK:   %[[XE:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0], [1, 2], [3], [4]] output_shape [1, 4, 1, 6, 6] : tensor<1x4x6x6xf32> into tensor<1x4x1x6x6xf32>
//       CHECK:   %[[WE:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2], [3], [4]] output_shape [4, 1, 1, 3, 3] : tensor<4x1x3x3xf32> into tensor<4x1x1x3x3xf32>
//       CHECK:   %[[O:.*]] = tc.comprehension "O(n, g, m, h, w) +=! X(n, g, c, h + 2 * kh, w + 2 * kw) * W(g, m, c, kh, kw)" ins(X = %[[XE]] : tensor<1x4x1x6x6xf32>, W = %[[WE]] : tensor<4x1x1x3x3xf32>) -> tensor<1x4x1x2x2xf32>
//       CHECK:   %[[R:.*]] = tensor.collapse_shape %[[O]] {{\[}}[0], [1, 2], [3], [4]] : tensor<1x4x1x2x2xf32> into tensor<1x4x2x2xf32>
//       CHECK:   return %[[R]]
func.func @conv_depthwise(%x: tensor<1x4x6x6xf32>, %w: tensor<4x1x3x3xf32>) -> tensor<1x4x2x2xf32> {
  %0 = nn.conv2d %x, %w <group = 4, dilations = array<i64: 2, 2>> : (tensor<1x4x6x6xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x2x2xf32>
  return %0 : tensor<1x4x2x2xf32>
}

// -----

// Max pooling pads with -inf; average pooling without padding divides by the window size.
// CHECK-LABEL: func.func @pool
//       CHECK:   %[[NINF:.*]] = arith.constant 0xFF800000 : f32
//       CHECK:   %[[P:.*]] = tensor.pad %{{.*}} low[0, 0, 1, 1] high[0, 0, 1, 1]
//       CHECK:     tensor.yield %[[NINF]] : f32
//       CHECK:   %[[MAX:.*]] = tc.comprehension "O(n, c, h, w) max=! X(n, c, 2 * h + kh, 2 * w + kw) where kh in 0:3, kw in 0:3" ins(X = %[[P]] : tensor<1x2x11x11xf32>) -> tensor<1x2x5x5xf32>
//       CHECK:   %[[S:.*]] = tc.comprehension "S(n, c, h, w) +=! X(n, c, 2 * h + kh, 2 * w + kw) where kh in 0:3, kw in 0:3" ins(X = %{{.*}} : tensor<1x2x9x9xf32>) -> tensor<1x2x4x4xf32>
//       CHECK:   %[[AVG:.*]] = tc.comprehension "O(n, c, h, w) = S(n, c, h, w) / 9.0" ins(S = %[[S]] : tensor<1x2x4x4xf32>)
//       CHECK:   %[[G:.*]] = tc.comprehension "S(n, c) +=! X(n, c, s0, s1)" ins(X = %{{.*}} : tensor<1x2x9x9xf32>) -> tensor<1x2xf32>
//       CHECK:   %[[GAP:.*]] = tc.comprehension "O(n, c, j0, j1) = S(n, c) / 81.0 where j0 in 0:1, j1 in 0:1" ins(S = %[[G]] : tensor<1x2xf32>) -> tensor<1x2x1x1xf32>
//       CHECK:   return %[[MAX]], %[[AVG]], %[[GAP]]
func.func @pool(%x: tensor<1x2x9x9xf32>) -> (tensor<1x2x5x5xf32>, tensor<1x2x4x4xf32>, tensor<1x2x1x1xf32>) {
  %0 = nn.maxpool2d %x <kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>> : (tensor<1x2x9x9xf32>) -> tensor<1x2x5x5xf32>
  %1 = nn.avgpool2d %x <kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>> : (tensor<1x2x9x9xf32>) -> tensor<1x2x4x4xf32>
  %2 = nn.global_avgpool %x : (tensor<1x2x9x9xf32>) -> tensor<1x2x1x1xf32>
  return %0, %1, %2 : tensor<1x2x5x5xf32>, tensor<1x2x4x4xf32>, tensor<1x2x1x1xf32>
}

// -----

// The numerically stable sequence: max, exp of the difference, sum, divide.
// CHECK-LABEL: func.func @softmax
//       CHECK:   %[[M:.*]] = tc.comprehension "M(i0) max=! X(i0, i1)" ins(X = %[[X:.*]] : tensor<2x10xf32>) -> tensor<2xf32>
//       CHECK:   %[[E:.*]] = tc.comprehension "E(i0, i1) = exp(X(i0, i1) - M(i0))" ins(X = %[[X]] : tensor<2x10xf32>, M = %[[M]] : tensor<2xf32>) -> tensor<2x10xf32>
//       CHECK:   %[[S:.*]] = tc.comprehension "S(i0) +=! E(i0, i1)" ins(E = %[[E]] : tensor<2x10xf32>) -> tensor<2xf32>
//       CHECK:   %[[O:.*]] = tc.comprehension "O(i0, i1) = E(i0, i1) / S(i0)" ins(E = %[[E]] : tensor<2x10xf32>, S = %[[S]] : tensor<2xf32>)
//       CHECK:   return %[[O]]
func.func @softmax(%x: tensor<2x10xf32>) -> tensor<2x10xf32> {
  %0 = nn.softmax %x : tensor<2x10xf32>
  return %0 : tensor<2x10xf32>
}

// -----

// Per-channel factor and shift first, then one multiply-add per element.
// CHECK-LABEL: func.func @batch_norm
//  CHECK-SAME:   (%[[X:.*]]: tensor<1x4x5x5xf32>, %[[SC:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<4xf32>, %[[M:.*]]: tensor<4xf32>, %[[V:.*]]: tensor<4xf32>)
//       CHECK:   %[[F:.*]] = tc.comprehension "F(c) = S(c) / sqrt(V(c) + 9.999999747378752e-06)" ins(S = %[[SC]] : tensor<4xf32>, V = %[[V]] : tensor<4xf32>)
//       CHECK:   %[[G:.*]] = tc.comprehension "G(c) = B(c) - M(c) * F(c)" ins(B = %[[B]] : tensor<4xf32>, M = %[[M]] : tensor<4xf32>, F = %[[F]] : tensor<4xf32>)
//       CHECK:   tc.comprehension "O(n, c, d0, d1) = X(n, c, d0, d1) * F(c) + G(c)" ins(X = %[[X]] : tensor<1x4x5x5xf32>, F = %[[F]] : tensor<4xf32>, G = %[[G]] : tensor<4xf32>)
func.func @batch_norm(%x: tensor<1x4x5x5xf32>, %s: tensor<4xf32>, %b: tensor<4xf32>, %m: tensor<4xf32>, %v: tensor<4xf32>) -> tensor<1x4x5x5xf32> {
  %0 = nn.batch_norm %x, %s, %b, %m, %v : (tensor<1x4x5x5xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x5x5xf32>
  return %0 : tensor<1x4x5x5xf32>
}

// -----

// CHECK-LABEL: func.func @shapes
//  CHECK-SAME:   (%[[X:.*]]: tensor<2x3x4x5xf32>, %[[Y:.*]]: tensor<2x1x4x5xf32>)
//       CHECK:   %[[FL:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0], [1, 2, 3]] : tensor<2x3x4x5xf32> into tensor<2x60xf32>
//       CHECK:   %[[T:.*]] = tc.comprehension "O(i0, i1, i2, i3) = X(i0, i3, i1, i2)" ins(X = %[[X]] : tensor<2x3x4x5xf32>) -> tensor<2x4x5x3xf32>
//       CHECK:   %[[E:.*]] = tensor.empty() : tensor<2x4x4x5xf32>
//       CHECK:   %[[I0:.*]] = tensor.insert_slice %[[X]] into %[[E]][0, 0, 0, 0] [2, 3, 4, 5] [1, 1, 1, 1]
//       CHECK:   %[[I1:.*]] = tensor.insert_slice %[[Y]] into %[[I0]][0, 3, 0, 0] [2, 1, 4, 5] [1, 1, 1, 1]
//       CHECK:   %[[R:.*]] = tc.comprehension "O(i0, i1) max=! X(i0, i1, k2, k3)" ins(X = %[[X]] : tensor<2x3x4x5xf32>) -> tensor<2x3xf32>
//       CHECK:   %[[EX:.*]] = tensor.expand_shape %[[R]] {{\[}}[0], [1, 2]] output_shape [2, 3, 1] : tensor<2x3xf32> into tensor<2x3x1xf32>
//       CHECK:   return %[[FL]], %[[T]], %[[I1]], %[[EX]]
func.func @shapes(%x: tensor<2x3x4x5xf32>, %y: tensor<2x1x4x5xf32>) -> (tensor<2x60xf32>, tensor<2x4x5x3xf32>, tensor<2x4x4x5xf32>, tensor<2x3x1xf32>) {
  %0 = nn.flatten %x : (tensor<2x3x4x5xf32>) -> tensor<2x60xf32>
  %1 = nn.transpose %x <perm = array<i64: 0, 2, 3, 1>> : (tensor<2x3x4x5xf32>) -> tensor<2x4x5x3xf32>
  %2 = nn.concat %x, %y <axis = 1> : (tensor<2x3x4x5xf32>, tensor<2x1x4x5xf32>) -> tensor<2x4x4x5xf32>
  %3 = nn.reduce_max %x <axes = array<i64: 2, 3>, keepdims = 0> : (tensor<2x3x4x5xf32>) -> tensor<2x3xf32>
  %4 = nn.reshape %3 : (tensor<2x3xf32>) -> tensor<2x3x1xf32>
  return %0, %1, %2, %4 : tensor<2x60xf32>, tensor<2x4x5x3xf32>, tensor<2x4x4x5xf32>, tensor<2x3x1xf32>
}

