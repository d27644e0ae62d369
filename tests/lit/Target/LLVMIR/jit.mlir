// RUN: mlir-py-run %s --target=cpu --random-inputs --seed 3 --print > %t.cpu
// RUN: mlir-py-run %s --target=interp --random-inputs --seed 3 --print > %t.interp
// RUN: diff %t.cpu %t.interp
// RUN: mlir-py-run %s --target=cpu --random-inputs --repeat 3 --stats-json %t.json
// RUN: %python -c "import json, sys; s = json.load(open(sys.argv[1])); assert s['compile_seconds'] > 0 and len(s['run_seconds']) == 3" %t.json
// RUN: not mlir-py-run %s --target=interp --random-inputs --repeat 2 2>&1 | filecheck %s --check-prefix=ERR
// ERR: error: --repeat needs --target=cpu

// The JIT gives the interpreter's results (integers: exactly).
func.func @main(%a: tensor<4x6xi32>, %b: tensor<6x3xi32>) -> (tensor<4x3xi32>, tensor<4x6xi32>) {
  %c0 = arith.constant 0 : i32
  %e = tensor.empty() : tensor<4x3xi32>
  %z = linalg.fill ins(%c0 : i32) outs(%e : tensor<4x3xi32>) -> tensor<4x3xi32>
  %r = linalg.matmul ins(%a, %b : tensor<4x6xi32>, tensor<6x3xi32>) outs(%z : tensor<4x3xi32>) -> tensor<4x3xi32>
  %e2 = tensor.empty() : tensor<4x6xi32>
  %m = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]} ins(%a : tensor<4x6xi32>) outs(%e2 : tensor<4x6xi32>) {
  ^bb0(%x: i32, %o: i32):
    %three = arith.constant 3 : i32
    %q = arith.floordivsi %x, %three : i32
    %s = arith.maxsi %q, %c0 : i32
    linalg.yield %s : i32
  } -> tensor<4x6xi32>
  return %r, %m : tensor<4x3xi32>, tensor<4x6xi32>
}
