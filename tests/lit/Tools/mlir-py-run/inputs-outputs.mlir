// Results written with --output feed the next run's --input files, in argument order.
// RUN: mlir-py-run %s --entry make --output %t.a.npy --output %t.b.npy
// RUN: mlir-py-run %s --entry main --input %t.a.npy --input %t.b.npy --output %t.r.npy --print | filecheck %s
// RUN: mlir-py-run %s --entry echo --input %t.r.npy --print | filecheck %s --check-prefix=ECHO

// Fewer --output files than results write the first results.
// RUN: mlir-py-run %s --entry make --output %t.first.npy
// RUN: mlir-py-run %s --entry scale --input %t.first.npy --input %t.b.npy --print | filecheck %s --check-prefix=FIRST

func.func @make() -> (tensor<2x2xi32>, i32) {
  %a = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>
  %b = arith.constant 10 : i32
  return %a, %b : tensor<2x2xi32>, i32
}

// CHECK: result #0: tensor<2x2xi32> = {{\[\[}}11, 12],
// CHECK-NEXT:                                 [13, 14]]
func.func @main(%a: tensor<2x2xi32>, %b: i32) -> tensor<2x2xi32> {
  %r = func.call @add_scalar(%a, %b) : (tensor<2x2xi32>, i32) -> tensor<2x2xi32>
  return %r : tensor<2x2xi32>
}

func.func @add_scalar(%a: tensor<2x2xi32>, %b: i32) -> tensor<2x2xi32> {
  %ten = arith.constant dense<10> : tensor<2x2xi32>
  %r = arith.addi %a, %ten : tensor<2x2xi32>
  return %r : tensor<2x2xi32>
}

// ECHO: result #0: tensor<2x2xi32> = {{\[\[}}11, 12],
func.func @echo(%a: tensor<2x2xi32>) -> tensor<2x2xi32> {
  return %a : tensor<2x2xi32>
}

// FIRST: result #0: tensor<2x2xi32> = {{\[\[}}10, 20],
// FIRST-NEXT:                                 [30, 40]]
func.func @scale(%a: tensor<2x2xi32>, %b: i32) -> tensor<2x2xi32> {
  %ten = arith.constant dense<10> : tensor<2x2xi32>
  %r = arith.muli %a, %ten : tensor<2x2xi32>
  return %r : tensor<2x2xi32>
}
