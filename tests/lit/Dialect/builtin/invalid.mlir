// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics

// builtin dialect: builtin.module and the builtin types and attributes, with mlir-opt's messages.

// expected-error @+1 {{'builtin.module' op can only contain attributes with dialect-prefixed names, found: 'foo'}}
module attributes {foo = 1 : i32} {
}

// -----

// expected-error @+1 {{'builtin.module' op expects region #0 to have 0 or 1 blocks}}
"builtin.module"() ({
^bb0:
  "builtin.module"() ({}) : () -> ()
^bb1:
  "builtin.module"() ({}) : () -> ()
}) : () -> ()

// -----

module {
  // expected-note @+1 {{see existing symbol definition here}}
  module @m {
  }
  // expected-error @+1 {{redefinition of symbol named 'm'}}
  module @m {
  }
}

// -----

// expected-error @+1 {{'builtin.module' op region #0 ('bodyRegion') failed to verify constraint: region with 1 blocks}}
"builtin.module"() ({}) : () -> ()

// -----

// mlir-py: mlir-opt says "invalid properties {sym_name = 1 : i32} for op builtin.module: Invalid attribute `sym_name` in property conversion: 1 : i32"
// expected-error @+1 {{'builtin.module' op attribute 'sym_name' failed to satisfy constraint: StringAttr}}
"builtin.module"() <{sym_name = 1 : i32}> ({}) : () -> ()

// -----

// expected-error @+1 {{vector types must have positive constant sizes}}
func.func @zero_sized_vector(%v: vector<4x0xf32>) {
  return
}

// -----

// expected-error @+1 {{invalid memref element type}}
func.func @memref_of_tensor(%m: memref<2xtensor<2xf32>>) {
  return
}

// -----

// expected-error @+1 {{invalid tensor element type}}
func.func @tensor_of_unranked(%t: tensor<2xtensor<*xf32>>) {
  return
}

// -----

// mlir-py: mlir-opt says "cannot apply encoding to unranked tensor"
// expected-error @+1 {{unranked tensor cannot have an encoding}}
func.func @unranked_with_encoding(%t: tensor<*xf32, "enc">) {
  return
}

// -----

// expected-error @+1 {{expected non-function type}}
func.func @tuple_missing_element(%t: tuple<i32, >) {
  return
}

// -----

// expected-error @+1 {{invalid element type for complex}}
func.func @complex_of_index(%c: complex<index>) {
  return
}

// -----

// expected-error @+1 {{expected integer or float type}}
func.func @dense_array_of_index() attributes {test.a = array<index: 1, 2>} {
  return
}

// -----

// mlir-py: mlir-opt says "expected integer literal"
// expected-error @+1 {{expected integer value in integer dense array}}
func.func @float_in_integer_dense_array() attributes {test.a = array<i32: 1.5>} {
  return
}

// -----

// expected-error @+1 {{expected ']'}}
func.func @strided_unclosed() attributes {test.a = strided<[1, 2> } {
  return
}

// -----

// expected-error @+1 {{redefinition of identifier 'd0'}}
#map = affine_map<(d0, d0) -> (d0)>

// -----

// expected-error @+1 {{use of undeclared identifier}}
#set = affine_set<(d0) : (d1 >= 0)>

// -----

// expected-error @+1 {{'builtin.module' op region should have no arguments}}
module @with_arguments {
^bb0(%arg0: i64):
}

// -----

// expected-error @+1 {{'func.func' op visibility expected to be one of ["public", "private", "nested"], but got "privat"}}
"func.func"() <{function_type = (i32) -> (), sym_name = "decl", sym_visibility = "privat"}> ({
}) : () -> ()
