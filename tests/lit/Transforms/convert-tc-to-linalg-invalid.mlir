// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --convert-tc-to-linalg

// With dynamic sizes, every range must come from an operand dimension read with a plain index, or a where clause:
// here the size of 'i' is A's size minus 2, which linalg cannot infer.
func.func @dynamic_window(%a: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error @+1 {{'tc.comprehension' op cannot convert to linalg: the range of 'i' depends on dynamic sizes that no read gives directly: specialize the sizes first}}
  %c = tc.comprehension "C(i) +=! A(i + k) where k in 0:3" ins(A = %a : tensor<?xf32>) -> tensor<?xf32>
  return %c : tensor<?xf32>
}

// -----

// A reversed read of a dynamic tensor: the lower bound of 'i' is not known statically.
func.func @dynamic_reverse(%a: tensor<?xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{cannot convert to linalg: the lower bound of 'i' depends on a dynamic size: specialize the sizes first}}
  %c = tc.comprehension "C(i) = A(3 - i)" ins(A = %a : tensor<?xf32>) -> tensor<4xf32>
  return %c : tensor<4xf32>
}

// -----

// The verifier runs first: an ambiguous range never reaches the conversion.
func.func @ambiguous(%a: tensor<8xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'tc.comprehension' op the ranges of indices 'i', 'k' are ambiguous}}
  %c = tc.comprehension "C(i) +=! A(i + k)" ins(A = %a : tensor<8xf32>) -> tensor<4xf32>
  return %c : tensor<4xf32>
}
