// --random-weights replaces every floating-point weight of more than one element by seeded random values (the seed
// from =SEED or --seed, 0 by default); splat fills become real tensors, so the biases below become blobs too.
// RUN: mlir-py-translate --import-onnx %S/Inputs/cnn.onnx --random-weights=3 | filecheck %s
// RUN: mlir-py-translate --import-onnx %S/Inputs/cnn.onnx --random-weights --seed=3 | filecheck %s
// RUN: mlir-py-translate --import-onnx %S/Inputs/cnn.onnx --random-weights | filecheck %s --check-prefix=SEED0
// RUN: not mlir-py-translate --import-onnx %S/Inputs/cnn.onnx --random-weights=abc 2>&1 | filecheck %s --check-prefix=BAD

// CHECK: %[[W:.*]] = nn.constant dense<{{\[\[\[\[}}[[W0:[-0-9.e]+]],
// CHECK: nn.constant dense<[{{.*}}]> : tensor<4xf32>
// CHECK: nn.constant dense_resource<fc_w> : tensor<10x64xf32>
// CHECK-NOT: 0.125730217

// SEED0: nn.constant dense<{{\[\[\[\[}}
// SEED0-NOT: 0.125730217

// BAD: error: --random-weights, --seed and --resource-threshold take integers
