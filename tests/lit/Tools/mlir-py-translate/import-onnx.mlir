// An ONNX model (Inputs/cnn.onnx, from Inputs/make_inputs.py) as func.func @main of nn ops: auto_pad resolved into
// pads, node names as locations, small or splat initializers as dense constants, larger ones as dense_resource blobs.
// RUN: mlir-py-translate --import-onnx %S/Inputs/cnn.onnx --mlir-print-debuginfo | filecheck %s
// RUN: mlir-py-translate --import-onnx %S/Inputs/cnn.onnx | mlir-py-opt | filecheck %s --check-prefix=ROUND
// RUN: mlir-py-translate --import-onnx %S/Inputs/cnn.onnx --mlir-elide-resource-strings-if-larger=16 | filecheck %s --check-prefix=ELIDE

// CHECK: module {
// CHECK: func.func @main(%arg0: tensor<1x1x8x8xf32> loc("x")) -> tensor<1x10xf32> {
// CHECK: %[[W:.*]] = nn.constant dense<{{\[\[\[\[}}0.125730217, {{.*}}> : tensor<4x1x3x3xf32> loc(#[[LW:loc[0-9]*]])
// CHECK: %[[B:.*]] = nn.constant dense<0.000000e+00> : tensor<4xf32>
// CHECK: %[[C:.*]] = nn.conv2d %arg0, %[[W]], %[[B]] <pads = array<i64: 1, 1, 1, 1>> : (tensor<1x1x8x8xf32>, tensor<4x1x3x3xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32> loc(#[[LCONV:loc[0-9]*]])
// CHECK: %[[R:.*]] = nn.relu %[[C]] : tensor<1x4x8x8xf32>
// CHECK: %[[P:.*]] = nn.maxpool2d %[[R]] <kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>> : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
// CHECK: %[[F:.*]] = nn.flatten %[[P]] : (tensor<1x4x4x4xf32>) -> tensor<1x64xf32>
// CHECK: %[[FW:.*]] = nn.constant dense_resource<fc_w> : tensor<10x64xf32>
// CHECK: %[[FB:.*]] = nn.constant dense<5.000000e-01> : tensor<10xf32>
// CHECK: %[[G:.*]] = nn.gemm %[[F]], %[[FW]], %[[FB]] <trans_b = 1 : i64> : (tensor<1x64xf32>, tensor<10x64xf32>, tensor<10xf32>) -> tensor<1x10xf32> loc(#[[LFC:loc[0-9]*]])
// CHECK: return %[[G]] : tensor<1x10xf32>
// CHECK-DAG: #loc = loc("{{.*}}cnn.onnx":0:0)
// CHECK-DAG: #[[LW]] = loc("w")
// CHECK-DAG: #[[LCONV]] = loc("conv1")
// CHECK-DAG: #[[LFC]] = loc("fc")
// CHECK: {-#
// CHECK-NEXT: dialect_resources: {
// CHECK-NEXT: builtin: {
// CHECK-NEXT: fc_w: "0x04000000506127BF

// ROUND: nn.conv2d
// ROUND: nn.constant dense_resource<fc_w> : tensor<10x64xf32>
// ROUND: fc_w: "0x04000000506127BF

// ELIDE: nn.constant dense_resource<fc_w> : tensor<10x64xf32>
// ELIDE-NOT: fc_w: "0x
