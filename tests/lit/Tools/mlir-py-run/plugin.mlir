// A plugin dialect registers interpreter implementations the way the built-in dialects do (@impl).
// RUN: mlir-py-run %s --load-dialect-plugin %S/Inputs/relu_plugin.py --print | filecheck %s

// CHECK: result #0: tensor<4xf32> = [0.0, 0.0, 0.5, 2.0]
func.func @main() -> tensor<4xf32> {
  %x = arith.constant dense<[-1.0, 0.0, 0.5, 2.0]> : tensor<4xf32>
  %y = "runplugin.relu"(%x) : (tensor<4xf32>) -> tensor<4xf32>
  return %y : tensor<4xf32>
}
