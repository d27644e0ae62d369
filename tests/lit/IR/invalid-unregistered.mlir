// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics
// RUN: mlir-py-opt %s --split-input-file --allow-unregistered-dialect | filecheck %s

// Without --allow-unregistered-dialect, ops, types and attributes of unknown dialects are located errors; with
// it, the same chunks parse and print back verbatim (second RUN line). Unknown ops of a registered dialect are
// errors either way (IR/invalid.mlir).

// CHECK: "test.op"() : () -> ()
// expected-error @+1 {{operation being parsed with an unregistered dialect. If this is intended, please use -allow-unregistered-dialect with the MLIR tool used}}
"test.op"() : () -> ()

// -----

// CHECK: func.func @nested_unknown_op
func.func @nested_unknown_op() {
  // CHECK-NEXT: "test.op"() {test.a = 1 : i32} : () -> ()
  // expected-error @+1 {{operation being parsed with an unregistered dialect}}
  "test.op"() {test.a = 1 : i32} : () -> ()
  return
}

// -----

// CHECK: func.func @unknown_type(%arg0: !test.type)
// mlir-py: mlir-opt says "`!"test"<"type">` type created with unregistered dialect. If this is intended, ..."
// expected-error @+1 {{dialect 'test' is unknown; use -allow-unregistered-dialect to keep it verbatim}}
func.func @unknown_type(%a: !test.type) {
  return
}

// -----

// CHECK: func.func @unknown_attribute() attributes {test.a = #test.attr}
// mlir-py: mlir-opt says "#"test"<"attr"> : 'none' attribute created with unregistered dialect. If this ..."
// expected-error @+1 {{dialect 'test' is unknown; use -allow-unregistered-dialect to keep it verbatim}}
func.func @unknown_attribute() attributes {test.a = #test.attr} {
  return
}
