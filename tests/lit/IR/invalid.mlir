// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics
// RUN: not mlir-py-opt %s --split-input-file 2>&1 | filecheck %s --check-prefix=LOC

// Syntax errors: each chunk is rejected by the parser with MLIR's message, at MLIR's line. Chunks marked
// `mlir-py:` word the error differently from mlir-opt (the reason follows); every chunk is rejected by both.

// LOC: invalid.mlir:[[# @LINE + 5]]:31: error: unexpected character
// LOC-NEXT: {{^}}  %0 = arith.constant 1 : i32 `
// LOC-NEXT: {{^}}                              ^
func.func @bad_character() {
  // expected-error @+1 {{unexpected character}}
  %0 = arith.constant 1 : i32 `
  return
}

// -----

// LOC: invalid.mlir:[[# @LINE + 3]]:25: error: expected ':'
func.func @missing_colon(%a: i32) {
  // expected-error @+1 {{expected ':'}}
  %0 = arith.addi %a, %a i32
  return
}

// -----

func.func @missing_colon_before_type(%a: i32) {
  // A missing token is reported where the previous token ends, i.e. on the previous line here.
  // expected-error @+1 {{expected ':'}}
  %0 = arith.addi %a, %a

  i32
  return
}

// -----

// expected-error @+1 {{expected ':'}}
func.func @missing_colon_in_argument(%a i32) {
  return
}

// -----

func.func @missing_close_brace() {
  // expected-error @+1 {{expected operation name in quotes}}
  return

// -----

// expected-error @+1 {{expected operation name in quotes}}
}

// -----

func.func @truncated_operands(%a: i32) -> i32 {
  // expected-error @+1 {{expected SSA operand}}
  %0 = arith.addi %a,

// -----

// expected-error @+1 {{expected ')'}}
func.func @unclosed_arguments(%a: i32 -> i32 {
  return
}

// -----

// expected-error @+1 {{custom op 'func.func' expected valid '@'-identifier for symbol name}}
func.func bad_name() {
  return
}

// -----

func.func @unknown_custom_op() {
  // expected-error @+1 {{custom op 'arith.bogus' is unknown}}
  %0 = arith.bogus : i32
  return
}

// -----

// expected-error @+1 {{custom op 'bogus' is unknown (tried 'builtin.bogus' as well)}}
bogus

// -----

// expected-error @+1 {{expected '>' in tensor type}}
func.func @unclosed_tensor() -> tensor<2x?xf32 {
  return
}

// -----

// expected-error @+1 {{expected ',' or '>' in memref type}}
func.func @unclosed_memref(%m: memref<2xi32 ) {
  return
}

// -----

// expected-error @+1 {{expected non-function type}}
func.func @missing_element_type() -> tensor<2x> {
  return
}

// -----

// expected-error @+1 {{expected non-function type}}
func.func @bad_integer_type(%a: i32x) {
  return
}

// -----

// expected-error @+1 {{vector types must have positive constant sizes}}
func.func @zero_sized_vector(%v: vector<0xf32>) {
  return
}

// -----

// expected-error @+1 {{invalid tensor element type}}
func.func @function_type_element(%t: tensor<2x(i32) -> i32>) {
  return
}

// -----

// expected-error @+1 {{invalid element type for complex}}
func.func @bad_complex(%c: complex<tensor<2xf32>>) {
  return
}

// -----

// expected-error @+1 {{expected ',' or ']'}}
func.func @unclosed_array() attributes {test.a = [1, 2} {
  return
}

// -----

// expected-error @+1 {{expected attribute value}}
func.func @missing_attribute_value() attributes {test.a = } {
  return
}

// -----

// expected-error @+1 {{expected '}' in attribute dictionary}}
func.func @junk_in_dictionary() attributes {test.a = 1 junk} {
  return
}

// -----

// expected-error @+1 {{expected '"' in string literal}}
func.func @unterminated_string() attributes {test.a = "abc} {
  return
}

// -----

// expected-error @+1 {{unknown escape in string literal}}
func.func @bad_escape() attributes {test.a = "a\qb"} {
  return
}

// -----

// expected-error @+1 {{integer constant out of range for attribute}}
func.func @int_out_of_range() attributes {test.a = 256 : i8} {
  return
}

// -----

// expected-error @+1 {{floating point value not valid for specified type}}
func.func @float_for_int() attributes {test.a = 1.5 : i32} {
  return
}

// -----

// expected-error @+1 {{integer literal not valid for specified type}}
func.func @int_for_tensor() attributes {test.a = 1 : tensor<2xi32>} {
  return
}

// -----

// expected-error @+1 {{duplicate key 'test.a' in dictionary attribute}}
func.func @duplicate_key() attributes {test.a = 1, test.a = 2} {
  return
}

// -----

// expected-error @+1 {{undefined symbol alias id 'undefined'}}
func.func @undefined_attribute_alias() attributes {test.a = #undefined} {
  return
}

// -----

// expected-error @+1 {{undefined symbol alias id 'undefined'}}
func.func @undefined_type_alias(%a: !undefined) {
  return
}

// -----

#map = affine_map<(d0) -> (d0)>
// expected-error @+1 {{redefinition of attribute alias id 'map'}}
#map = affine_map<(d0) -> (d0 + 1)>

// -----

!t = i32
// expected-error @+1 {{redefinition of type alias id 't'}}
!t = i64

// -----

// expected-error @+1 {{use of undeclared identifier}}
#map = affine_map<(d0) -> (d1)>

// -----

// expected-error @+1 {{non-affine expression: at least one of the multiply operands has to be either a constant or symbolic}}
#map = affine_map<(d0, d1) -> (d0 * d1)>

// -----

// expected-error @+1 {{non-affine expression: right operand of floordiv has to be either a constant or symbolic}}
#map = affine_map<(d0) -> (d0 floordiv d0)>

// -----

// expected-error @+1 {{expected '(' in affine map range}}
#map = affine_map<(d0) -> d0>

// -----

func.func @custom_form_of_unknown_dialect() {
  // expected-error @+2 {{Dialect `test' not found for custom op 'test.op' }}
  // expected-note @+1 {{Available dialects: }}
  test.op
  return
}

// -----

func.func @bad_location() {
  // expected-error @+1 {{expected location instance}}
  return loc(bogus)
}

// -----

func.func @unclosed_location() {
  // expected-error @+1 {{expected ')' in location}}
  return loc("a":1:2:3)
}

// -----

func.func @undefined_location_alias() {
  // expected-error @+1 {{operation location alias was never defined}}
  return loc(#undefined)
}

// -----

#a = 1
func.func @location_alias_to_non_location() {
  // expected-error @+1 {{expected location, but found '1 : i64'}}
  return loc(#a)
}

// -----

// Even with --allow-unregistered-dialect: a registered dialect does not allow unknown operations.
// expected-error @+1 {{unregistered operation 'arith.bogus' found in dialect ('arith') that does not allow unknown operations}}
"arith.bogus"() : () -> ()
