// Before opset 13, Softmax coerces its input to 2-D at `axis`: the importer emits flatten, softmax on axis 1, reshape.
// RUN: mlir-py-translate --import-onnx %S/Inputs/softmax_opset11.onnx | filecheck %s

// CHECK: %[[F:.*]] = nn.flatten %arg0 : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
// CHECK: %[[S:.*]] = nn.softmax %[[F]] <axis = 1 : i64> : tensor<2x12xf32>
// CHECK: %[[R:.*]] = nn.reshape %[[S]] : (tensor<2x12xf32>) -> tensor<2x3x4xf32>
// CHECK: return %[[R]]
