// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --allow-unregistered-dialect

// Syntax errors in the generic op form and in attributes, on ops of an unregistered dialect (allowed here), with
// mlir-opt's messages and lines.

// -----

// expected-error @+1 {{expected ')' to end operand list}}
"test.truncated"(%x

// -----

// expected-error @+1 {{expected non-function type}}
"test.truncated_type"() : (

// -----

// expected-error @+1 {{expected function type}}
"test.not_a_function_type"() : i32

// -----

// expected-error @+1 {{expected '=' after SSA name}}
%0 "test.op"() : () -> i32

// -----

// expected-error @+1 {{inferred shape of elements literal ([3]) does not match type ([2])}}
"test.dense"() {a = dense<[1, 2, 3]> : tensor<2xi32>} : () -> ()

// -----

// expected-error @+1 {{tensor literal is invalid; ranks are not consistent between elements}}
"test.dense"() {a = dense<[[1, 2], 3]> : tensor<2x2xi32>} : () -> ()

// -----

// expected-error @+1 {{expected integer elements, but parsed floating-point}}
"test.dense"() {a = dense<1.5> : tensor<2xi32>} : () -> ()

// -----

// expected-error @+1 {{elements hex data size is invalid for provided type}}
"test.dense"() {a = dense<"0x0102"> : tensor<3xi8>} : () -> ()

// -----

// expected-error @+1 {{elements literal must be a shaped type}}
"test.dense"() {a = dense<[1, 2]> : i32} : () -> ()

// -----

// expected-error @+1 {{elements literal type must have static shape}}
"test.dense"() {a = dense<1> : tensor<?xi32>} : () -> ()

// -----

// expected-error @+1 {{expected ']'}}
"test.dense"() {a = dense<[[1, 2], [3, 4> : tensor<2x2xi32>} : () -> ()

// -----

// expected-error @+1 {{@ identifier expected to start with letter or '_'}}
"test.symbol"() {a = @} : () -> ()

// -----

// expected-error @+1 {{expected '>' to close properties}}
"test.props"() <{a = 1} : () -> ()
