// --random-inputs draws seeded values of the argument types: the same seed gives the same values.
// RUN: mlir-py-run %s --random-inputs --seed 7 --print > %t.1
// RUN: mlir-py-run %s --random-inputs --seed=7 --print > %t.2
// RUN: diff %t.1 %t.2
// RUN: filecheck %s < %t.1
// RUN: mlir-py-run %s --random-inputs --print | filecheck %s

// CHECK: result #0: tensor<2x3xf32> = {{\[\[}}{{.*}}],
// CHECK-NEXT: {{^ +}}[{{.*}}]]
// CHECK-NEXT: result #1: vector<4xi8> = [{{-?[0-9]+}}, {{-?[0-9]+}}, {{-?[0-9]+}}, {{-?[0-9]+}}]
// CHECK-NEXT: result #2: i1 = {{true|false}}
// CHECK-NEXT: result #3: index = {{[0-9]+}}
// CHECK-NEXT: result #4: bf16 = {{.*}}
func.func @main(%a: tensor<2x3xf32>, %b: vector<4xi8>, %c: i1, %d: index, %e: bf16)
    -> (tensor<2x3xf32>, vector<4xi8>, i1, index, bf16) {
  return %a, %b, %c, %d, %e : tensor<2x3xf32>, vector<4xi8>, i1, index, bf16
}
