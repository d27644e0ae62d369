// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect

// func dialect verifier errors, with mlir-opt's messages.

func.func @call_to_unknown_function() {
  // expected-error @+1 {{'func.call' op 'missing' does not reference a valid function}}
  func.call @missing() : () -> ()
  return
}

// -----

func.func private @callee(i32) -> i32

func.func @call_with_too_few_operands() -> i32 {
  // expected-error @+1 {{'func.call' op incorrect number of operands for callee}}
  %0 = func.call @callee() : () -> i32
  return %0 : i32
}

// -----

func.func private @callee(i32) -> i32

func.func @call_with_wrong_operand_type(%a: i64) -> i32 {
  // expected-error @+1 {{'func.call' op operand type mismatch: expected operand type 'i32', but provided 'i64' for operand number 0}}
  %0 = func.call @callee(%a) : (i64) -> i32
  return %0 : i32
}

// -----

func.func private @callee(i32) -> i32

func.func @call_with_too_many_results(%a: i32) {
  // expected-error @+1 {{'func.call' op incorrect number of results for callee}}
  %0:2 = func.call @callee(%a) : (i32) -> (i32, i32)
  return
}

// -----

func.func private @callee(i32) -> i32

func.func @call_with_wrong_result_type(%a: i32) {
  // expected-error @+3 {{'func.call' op result type mismatch at index 0}}
  // expected-note @+2 {{op result types: 'i64'}}
  // expected-note @+1 {{callee result types: 'i32'}}
  %0 = func.call @callee(%a) : (i32) -> i64
  return
}

// -----

func.func @call_to_non_function() {
  // expected-error @+1 {{'func.call' op 'not_a_function' does not reference a valid function}}
  func.call @not_a_function() : () -> ()
  return
}
"test.symbol"() {sym_name = "not_a_function"} : () -> ()

// -----

func.func @return_count_mismatch() -> i32 {
  // expected-error @+1 {{'func.return' op has 0 operands, but enclosing function (@return_count_mismatch) returns 1}}
  return
}

// -----

func.func @return_type_mismatch(%a: i64) -> i32 {
  // expected-error @+1 {{type of return operand 0 ('i64') doesn't match function result type ('i32') in function @return_type_mismatch}}
  return %a : i64
}

// -----

// expected-error @+1 {{'func.return' op expects parent op 'func.func'}}
"func.return"() : () -> ()

// -----

// expected-error @+1 {{'func.func' op entry block must have 1 arguments to match function signature}}
"func.func"() <{function_type = (i32) -> (), sym_name = "entry_arg_count"}> ({
^bb0:
  "func.return"() : () -> ()
}) : () -> ()

// -----

// expected-error @+1 {{'func.func' op type of entry block argument #0('i64') must match the type of the corresponding argument in function signature('i32')}}
"func.func"() <{function_type = (i32) -> (), sym_name = "entry_arg_type"}> ({
^bb0(%a: i64):
  "func.return"() : () -> ()
}) : () -> ()

// -----

func.func private @callee(i32) -> i32

func.func @constant_of_unknown_function() {
  // expected-error @+1 {{'func.constant' op reference to undefined function 'missing'}}
  %f = func.constant @missing : (i32) -> i32
  return
}

// -----

func.func private @callee(i32) -> i32

func.func @constant_with_wrong_type() {
  // expected-error @+1 {{'func.constant' op reference to function with mismatched type}}
  %f = func.constant @callee : (i64) -> i32
  return
}

// -----

func.func @call_indirect_operand_mismatch(%f: (i32) -> i32, %a: i64) {
  // expected-error @+1 {{'func.call_indirect' op failed to verify that callee input types match argument types}}
  %0 = "func.call_indirect"(%f, %a) : ((i32) -> i32, i64) -> i32
  return
}

// -----

func.func @call_indirect_on_non_function(%f: i32) {
  // expected-error @+1 {{'func.call_indirect' op operand #0 must be function type, but got 'i32'}}
  "func.call_indirect"(%f) : (i32) -> ()
  return
}

// -----

// expected-error @+1 {{'func.func' op entry block must have 1 arguments to match function signature}}
func.func @unnamed_arguments_with_body(i32) {
  return
}
