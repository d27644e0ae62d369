// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --reconcile-unrealized-casts | filecheck %s

// A -> B -> A folds to A; dead casts go.
// CHECK-LABEL: func.func @round_trip
// CHECK-NOT: unrealized_conversion_cast
// CHECK: return %arg0 : i64
func.func @round_trip(%a: i64) -> i64 {
  %0 = builtin.unrealized_conversion_cast %a : i64 to index
  %1 = builtin.unrealized_conversion_cast %0 : index to i32
  %2 = builtin.unrealized_conversion_cast %1 : i32 to i64
  %3 = builtin.unrealized_conversion_cast %a : i64 to f32
  return %2 : i64
}

// -----

func.func @live(%a: i64) -> index {
  // expected-error @+1 {{failed to legalize operation 'builtin.unrealized_conversion_cast' that was explicitly marked illegal}}
  %0 = builtin.unrealized_conversion_cast %a : i64 to index
  return %0 : index
}
