// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics

// Statement errors are reported at the op, with the column in the statement where the parser knows it.

func.func @syntax(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{invalid TC statement: unexpected end of input, expected '(' or a number or an identifier}}
  %0 = tc.comprehension "C(m, n) +=! A(m, k) *" ins(A = %a : tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @bang_assign(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{invalid TC statement: '=!' is not an operator: '!' follows a reduction operator (+=!, *=!, max=!, min=!)}}
  %0 = tc.comprehension "C(i) =! A(i)" ins(A = %a : tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @ambiguous(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op the ranges of indices 'i', 'k' are ambiguous: every read using them involves another unresolved index; add a where clause (i in lo:hi) (at column 12 of the statement)}}
  %0 = tc.comprehension "C(i) +=! A(i + k)" ins(A = %v : tensor<8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @ambiguous2(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op the ranges of indices 'i', 'j' are ambiguous: every read using them involves another unresolved index; add a where clause (i in lo:hi)}}
  %0 = tc.comprehension "C(i, j) = A(i + j)" ins(A = %v : tensor<8xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @unbounded(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op the range of index 'j' is not bounded by any read; add a where clause (j in lo:hi)}}
  %0 = tc.comprehension "C(i, j) = A(i)" ins(A = %v : tensor<8xf32>) -> tensor<8x4xf32>
  return
}

// -----

func.func @reduction_needs_op(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op index 'k' does not appear on the left-hand side: a reduction operator (+=!, max=!, ...) is required}}
  %0 = tc.comprehension "C(i) = A(i, k)" ins(A = %a : tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @missing_init(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op '+=' without '!' accumulates into an init operand, which is missing (use '+=!' to start from the identity)}}
  %0 = tc.comprehension "C(i) += A(i, k)" ins(A = %a : tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @unexpected_init(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op an init operand is only allowed with a reduction without '!' (+=, *=, max=, min=)}}
  %0 = tc.comprehension "C(i) +=! A(i, k)" ins(A = %a : tensor<4x8xf32>) init(%i : tensor<4xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @undefined_tensor(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op use of undefined tensor or function 'B'}}
  %0 = tc.comprehension "C(i) = B(i)" ins(A = %v : tensor<8xf32>) -> tensor<8xf32>
  return
}

// -----

func.func @rank_mismatch(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op 'A' has rank 2 but is read with 1 subscript}}
  %0 = tc.comprehension "C(i) = A(i)" ins(A = %a : tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @out_of_bounds(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op read 'A(i + 1)' is out of bounds: subscript 'i + 1' ranges over [1, 8] but the size is 8}}
  %0 = tc.comprehension "C(i) = A(i + 1) where i in 0:8" ins(A = %v : tensor<8xf32>) -> tensor<8xf32>
  return
}

// -----

func.func @shape_mismatch(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op result dimension 0 is 5 but the inferred range of 'i' is [0, 4)}}
  %0 = tc.comprehension "C(i) +=! A(i, k)" ins(A = %a : tensor<4x8xf32>) -> tensor<5xf32>
  return
}

// -----

func.func @rank_of_result(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op the result has rank 2 but 'C' has 1 indices}}
  %0 = tc.comprehension "C(i) +=! A(i, k)" ins(A = %a : tensor<4x8xf32>) -> tensor<4x1xf32>
  return
}

// -----

func.func @elem_mismatch(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op the result element type 'i32' differs from the statement's type 'f32'}}
  %0 = tc.comprehension "C(i) +=! A(i, k)" ins(A = %a : tensor<4x8xf32>) -> tensor<4xi32>
  return
}

// -----

func.func @mixed_types(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op mismatched types 'f32' and 'i32' in '+': use a cast such as float(...)}}
  %0 = tc.comprehension "C(i) = A(i, 0) + N(i)" ins(A = %a : tensor<4x8xf32>, N = %n : tensor<4xi32>) -> tensor<4xf32>
  return
}

// -----

func.func @float_literal_int(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op a float literal is used with 'i32' in '*': cast with float(...)}}
  %0 = tc.comprehension "C(i) = N(i) * 0.5" ins(N = %n : tensor<4xi32>) -> tensor<4xi32>
  return
}

// -----

func.func @float_subscript(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op subscript of 'A' must be an integer, got 'float'}}
  %0 = tc.comprehension "C(i) = A(i, 0.5)" ins(A = %a : tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @lhs_twice(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op index 'i' appears twice on the left-hand side}}
  %0 = tc.comprehension "C(i, i) = A(i, i)" ins(A = %a : tensor<4x8xf32>) -> tensor<4x4xf32>
  return
}

// -----

func.func @reads_result(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op the right-hand side reads the result 'C'}}
  %0 = tc.comprehension "C(i) = C(i) + A(i, 0)" ins(A = %a : tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @name_twice(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{tensor name 'A' is bound twice}}
  %0 = tc.comprehension "C(i) = A(i, 0)" ins(A = %a : tensor<4x8xf32>, A = %a : tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @bad_name(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op operand name 'exp' is a builtin}}
  %0 = tc.comprehension "C(i) = A(i, 0)" ins(exp = %a : tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @unused_where(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op index 'j' of the where clause is not used in the statement}}
  %0 = tc.comprehension "C(i) = A(i, 0) where j in 0:3" ins(A = %a : tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @two_where(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op index 'i' has two where ranges}}
  %0 = tc.comprehension "C(i) = A(i, 0) where i in 0:3, i in 0:2" ins(A = %a : tensor<4x8xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @empty_range(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op index 'i' has an empty range [2, 2)}}
  %0 = tc.comprehension "C(i) = A(i, 0) where i in 2:2" ins(A = %a : tensor<4x8xf32>) -> tensor<2xf32>
  return
}

// -----

func.func @negative_lhs(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op index 'i' ranges over [-1, 3): the result would be written at negative positions}}
  %0 = tc.comprehension "C(i) = A(i + 1, 0) where i in -1:3" ins(A = %a : tensor<4x8xf32>) -> tensor<3xf32>
  return
}

// -----

func.func @builtin_arity(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op 'exp' takes 1 argument, got 2}}
  %0 = tc.comprehension "C(i) = exp(A(i, 0), 1.0)" ins(A = %a : tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @exp_of_int(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op 'exp' expects a float, got 'i32': cast with float(...)}}
  %0 = tc.comprehension "C(i) = exp(N(i))" ins(N = %n : tensor<4xi32>) -> tensor<4xi32>
  return
}

// -----

func.func @bool_reduction(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op a reduction of booleans: cast with float(...) or int32(...)}}
  %0 = tc.comprehension "C(i) +=! A(i, k) > 0.0" ins(A = %a : tensor<4x8xf32>) -> tensor<4xi1>
  return
}

// -----

func.func @select_cond(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op the condition of '?:' must be a boolean (a comparison), got 'f32'}}
  %0 = tc.comprehension "C(i) = A(i, 0) ? 1.0 : 0.0" ins(A = %a : tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @bad_char(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{invalid TC statement: unexpected character '@'}}
  %0 = tc.comprehension "C(i) = A(i, 0) @ 2" ins(A = %a : tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @dim_out_of_rank(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op 'A' has rank 2, no dimension 2}}
  %0 = tc.comprehension "C(i) = A(i, 0) * float(A.2)" ins(A = %a : tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @init_type(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op the init type 'tensor<5xf32>' differs from the result type 'tensor<4xf32>'}}
  %0 = tc.comprehension "C(i) += A(i, k)" ins(A = %a : tensor<4x8xf32>) init(%w : tensor<5xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @unranked_input(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op input 'A' must be a ranked tensor or an integer/float scalar, got 'tensor<*xf32>'}}
  %0 = tc.comprehension "C(i) = A(i)" ins(A = %u : tensor<*xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @scalar_read_with_subscripts(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op 's' has rank 0 but is read with 1 subscript}}
  %0 = tc.comprehension "C(i) = s(i) + A(i, 0)" ins(s = %s : f32, A = %a : tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @tensor_without_subscripts(%a: tensor<4x8xf32>, %v: tensor<8xf32>, %n: tensor<4xi32>, %i: tensor<4xf32>, %w: tensor<5xf32>, %s: f32, %u: tensor<*xf32>) {
  // expected-error @+1 {{'tc.comprehension' op 'A' is a rank-1 tensor: read it with 1 subscript}}
  %0 = tc.comprehension "C(i) = A + 1.0" ins(A = %v : tensor<8xf32>) -> tensor<8xf32>
  return
}


// -----

// The generic form: the names property must give one identifier per input.
func.func @generic_names_count(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'tc.comprehension' op has 1 inputs but 2 names}}
  %0 = "tc.comprehension"(%a) <{names = ["A", "B"], operandSegmentSizes = array<i32: 1, 0>, statement = "C(i) = A(i, 0)"}> : (tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @generic_bad_name(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'tc.comprehension' op invalid tensor name '1A'}}
  %0 = "tc.comprehension"(%a) <{names = ["1A"], operandSegmentSizes = array<i32: 1, 0>, statement = "C(i) = A(i, 0)"}> : (tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @generic_names_not_strings(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'tc.comprehension' op attribute 'names' failed to satisfy constraint: array of string attributes}}
  %0 = "tc.comprehension"(%a) <{names = [1 : i64], operandSegmentSizes = array<i32: 1, 0>, statement = "C(i) = A(i, 0)"}> : (tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @generic_syntax_error(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'tc.comprehension' op invalid TC statement: unexpected ')', expected '(' or a number or an identifier (at column 12 of the statement)}}
  %0 = "tc.comprehension"(%a) <{names = ["A"], operandSegmentSizes = array<i32: 1, 0>, statement = "C(i) = A(i,)"}> : (tensor<4x8xf32>) -> tensor<4xf32>
  return
}

// -----

func.func @statement_attr_in_dict(%a: tensor<4x8xf32>) {
  // expected-error @+1 {{'statement' is given by the custom syntax}}
  %0 = tc.comprehension "C(i) = A(i, 0)" ins(A = %a : tensor<4x8xf32>) {statement = "x"} -> tensor<4xf32>
  return
}
