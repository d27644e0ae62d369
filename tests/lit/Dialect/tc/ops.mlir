// RUN: mlir-py-opt %s --split-input-file | filecheck %s
// RUN: mlir-py-opt %s --split-input-file | mlir-py-opt --split-input-file | filecheck %s
// RUN: mlir-py-opt %s --split-input-file --mlir-print-op-generic | mlir-py-opt --split-input-file | filecheck %s
// RUN: mlir-py-opt %s --split-input-file --mlir-print-op-generic | filecheck %s --check-prefix=GENERIC

// CHECK-LABEL: func.func @matmul
//       CHECK:   %{{.*}} = tc.comprehension "C(m, n) +=! A(m, k) * B(k, n)" ins(A = %arg0 : tensor<4x8xf32>, B = %arg1 : tensor<8x5xf32>) -> tensor<4x5xf32>
// GENERIC: "tc.comprehension"(%arg0, %arg1) <{names = ["A", "B"], operandSegmentSizes = array<i32: 2, 0>, statement = "C(m, n) +=! A(m, k) * B(k, n)"}> : (tensor<4x8xf32>, tensor<8x5xf32>) -> tensor<4x5xf32>
func.func @matmul(%a: tensor<4x8xf32>, %b: tensor<8x5xf32>) -> tensor<4x5xf32> {
  %c = tc.comprehension "C(m, n) +=! A(m, k) * B(k, n)" ins(A = %a : tensor<4x8xf32>, B = %b : tensor<8x5xf32>) -> tensor<4x5xf32>
  return %c : tensor<4x5xf32>
}

// -----

// The statement text is kept verbatim (spacing, comments of the user are not rewritten).
// CHECK-LABEL: func.func @verbatim
//       CHECK:   tc.comprehension "C(m,n)+=!A(m,k)*B(k,n)"
func.func @verbatim(%a: tensor<4x8xf32>, %b: tensor<8x5xf32>) -> tensor<4x5xf32> {
  %c = tc.comprehension "C(m,n)+=!A(m,k)*B(k,n)" ins(A = %a : tensor<4x8xf32>, B = %b : tensor<8x5xf32>) -> tensor<4x5xf32>
  return %c : tensor<4x5xf32>
}

// -----

// CHECK-LABEL: func.func @accumulate
//       CHECK:   tc.comprehension "C(m, n) += A(m, k) * B(k, n)" ins(A = %arg0 : tensor<4x8xf32>, B = %arg1 : tensor<8x5xf32>) init(%arg2 : tensor<4x5xf32>) -> tensor<4x5xf32>
// GENERIC: operandSegmentSizes = array<i32: 2, 1>
func.func @accumulate(%a: tensor<4x8xf32>, %b: tensor<8x5xf32>, %c: tensor<4x5xf32>) -> tensor<4x5xf32> {
  %d = tc.comprehension "C(m, n) += A(m, k) * B(k, n)" ins(A = %a : tensor<4x8xf32>, B = %b : tensor<8x5xf32>) init(%c : tensor<4x5xf32>) -> tensor<4x5xf32>
  return %d : tensor<4x5xf32>
}

// -----

// CHECK-LABEL: func.func @conv_strided
//       CHECK:   tc.comprehension "O(n, f, h, w) +=! I(n, c, 2 * h + r, 2 * w + s) * W(f, c, r, s)" {{.*}} -> tensor<1x4x4x4xf32>
func.func @conv_strided(%i: tensor<1x3x9x9xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32> {
  %o = tc.comprehension "O(n, f, h, w) +=! I(n, c, 2 * h + r, 2 * w + s) * W(f, c, r, s)" ins(I = %i : tensor<1x3x9x9xf32>, W = %w : tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32>
  return %o : tensor<1x4x4x4xf32>
}

// -----

// CHECK-LABEL: func.func @reductions
//       CHECK:   "s(i) +=! A(i, j)"
//       CHECK:   "p(i) *=! A(i, j)"
//       CHECK:   "m(i) max=! A(i, j)"
//       CHECK:   "n(i) min=! A(i, j)"
//       CHECK:   "q(i) max= A(i, j)"
func.func @reductions(%a: tensor<3x4xf32>, %i: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) {
  %0 = tc.comprehension "s(i) +=! A(i, j)" ins(A = %a : tensor<3x4xf32>) -> tensor<3xf32>
  %1 = tc.comprehension "p(i) *=! A(i, j)" ins(A = %a : tensor<3x4xf32>) -> tensor<3xf32>
  %2 = tc.comprehension "m(i) max=! A(i, j)" ins(A = %a : tensor<3x4xf32>) -> tensor<3xf32>
  %3 = tc.comprehension "n(i) min=! A(i, j)" ins(A = %a : tensor<3x4xf32>) -> tensor<3xf32>
  %4 = tc.comprehension "q(i) max= A(i, j)" ins(A = %a : tensor<3x4xf32>) init(%i : tensor<3xf32>) -> tensor<3xf32>
  return %0, %1, %2, %3, %4 : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

// CHECK-LABEL: func.func @where_ranges
//       CHECK:   "O(n, c, h, w) max=! I(n, c, 2 * h + r, 2 * w + s) where r in 0:2, s in 0:2"
//       CHECK-SAME: -> tensor<1x2x3x3xf32>
func.func @where_ranges(%i: tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32> {
  %o = tc.comprehension "O(n, c, h, w) max=! I(n, c, 2 * h + r, 2 * w + s) where r in 0:2, s in 0:2" ins(I = %i : tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32>
  return %o : tensor<1x2x3x3xf32>
}

// -----

// CHECK-LABEL: func.func @scalar_operand
//       CHECK:   tc.comprehension "Y(i) = alpha * X(i) + 1.0" ins(alpha = %arg0 : f32, X = %arg1 : tensor<5xf32>) -> tensor<5xf32>
func.func @scalar_operand(%s: f32, %x: tensor<5xf32>) -> tensor<5xf32> {
  %y = tc.comprehension "Y(i) = alpha * X(i) + 1.0" ins(alpha = %s : f32, X = %x : tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// -----

// CHECK-LABEL: func.func @select_and_builtins
//       CHECK:   "Y(i) = X(i) > 0.0 ? tanh(X(i)) : exp(min(X(i), 1.0)) - sqrt(fabs(X(i)))"
func.func @select_and_builtins(%x: tensor<5xf32>) -> tensor<5xf32> {
  %y = tc.comprehension "Y(i) = X(i) > 0.0 ? tanh(X(i)) : exp(min(X(i), 1.0)) - sqrt(fabs(X(i)))" ins(X = %x : tensor<5xf32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// -----

// Casts: an i32 tensor read converted to float, an index variable used as a value.
// CHECK-LABEL: func.func @casts
//       CHECK:   "Y(i) = float(X(i)) + float(i)" ins(X = %arg0 : tensor<5xi32>) -> tensor<5xf32>
func.func @casts(%x: tensor<5xi32>) -> tensor<5xf32> {
  %y = tc.comprehension "Y(i) = float(X(i)) + float(i)" ins(X = %x : tensor<5xi32>) -> tensor<5xf32>
  return %y : tensor<5xf32>
}

// -----

// Integer statements: the literals take the operand type.
// CHECK-LABEL: func.func @integers
//       CHECK:   "Y(i, j) = A(i, j) / 3 + A(i, j) % 3" ins(A = %arg0 : tensor<2x3xi32>) -> tensor<2x3xi32>
func.func @integers(%a: tensor<2x3xi32>) -> tensor<2x3xi32> {
  %y = tc.comprehension "Y(i, j) = A(i, j) / 3 + A(i, j) % 3" ins(A = %a : tensor<2x3xi32>) -> tensor<2x3xi32>
  return %y : tensor<2x3xi32>
}

// -----

// Dynamic sizes are allowed: the ranges are resolved at run time.
// CHECK-LABEL: func.func @dynamic
//       CHECK:   tc.comprehension "C(m, n) +=! A(m, k) * B(k, n)" ins(A = %arg0 : tensor<?x?xf32>, B = %arg1 : tensor<?x?xf32>) -> tensor<?x?xf32>
func.func @dynamic(%a: tensor<?x?xf32>, %b: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %c = tc.comprehension "C(m, n) +=! A(m, k) * B(k, n)" ins(A = %a : tensor<?x?xf32>, B = %b : tensor<?x?xf32>) -> tensor<?x?xf32>
  return %c : tensor<?x?xf32>
}

// -----

// Size references (A.1) and a rank-0 result.
// CHECK-LABEL: func.func @sizes_and_rank0
//       CHECK:   "m() +=! A(i, j) / float(A.1)" ins(A = %arg0 : tensor<3x8xf32>) -> tensor<f32>
func.func @sizes_and_rank0(%a: tensor<3x8xf32>) -> tensor<f32> {
  %m = tc.comprehension "m() +=! A(i, j) / float(A.1)" ins(A = %a : tensor<3x8xf32>) -> tensor<f32>
  return %m : tensor<f32>
}

// -----

// Quotes and escapes inside the statement string survive printing.
// CHECK-LABEL: func.func @transpose_attr
//       CHECK:   tc.comprehension "T(j, i) = A(i, j)" ins(A = %arg0 : tensor<3x5xf32>) {tag = "x"} -> tensor<5x3xf32>
func.func @transpose_attr(%a: tensor<3x5xf32>) -> tensor<5x3xf32> {
  %t = tc.comprehension "T(j, i) = A(i, j)" ins(A = %a : tensor<3x5xf32>) {tag = "x"} -> tensor<5x3xf32>
  return %t : tensor<5x3xf32>
}

// -----

// CHECK-LABEL: func.func @where_offset
//       CHECK:   "B(i) = A(i - 1) where i in 1:5" ins(A = %arg0 : tensor<4xf32>) -> tensor<5xf32>
func.func @where_offset(%a: tensor<4xf32>) -> tensor<5xf32> {
  %b = tc.comprehension "B(i) = A(i - 1) where i in 1:5" ins(A = %a : tensor<4xf32>) -> tensor<5xf32>
  return %b : tensor<5xf32>
}

// -----

// CHECK-LABEL: func.func @logic
//       CHECK:   "Y(i, j) = i == j || (i < 2 && !(j >= 1)) ? X(i, j) : -X(i, j)"
func.func @logic(%x: tensor<3x3xf32>) -> tensor<3x3xf32> {
  %y = tc.comprehension "Y(i, j) = i == j || (i < 2 && !(j >= 1)) ? X(i, j) : -X(i, j)" ins(X = %x : tensor<3x3xf32>) -> tensor<3x3xf32>
  return %y : tensor<3x3xf32>
}
