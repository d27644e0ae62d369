// Bad input gives an MLIR-style diagnostic and exit code 1, located at the ONNX file (and naming the node).
// RUN: not mlir-py-translate --import-onnx %S/Inputs/unsupported.onnx 2>&1 | filecheck %s --check-prefix=OP
// RUN: not mlir-py-translate --import-onnx %S/Inputs/dynamic.onnx 2>&1 | filecheck %s --check-prefix=DYN
// RUN: not mlir-py-translate --import-onnx %S/Inputs/badconv.onnx 2>&1 | filecheck %s --check-prefix=VERIFY
// RUN: not mlir-py-translate --import-onnx %S/Inputs/garbage.onnx 2>&1 | filecheck %s --check-prefix=GARBAGE
// RUN: not mlir-py-translate --import-onnx %S/Inputs/missing.onnx 2>&1 | filecheck %s --check-prefix=MISSING
// RUN: not mlir-py-translate --import-onnx %S/Inputs/cnn.onnx --seed=1 2>&1 | filecheck %s --check-prefix=SEED
// RUN: not mlir-py-translate %S/Inputs/cnn.onnx 2>&1 | filecheck %s --check-prefix=NONE

// OP: unsupported.onnx:0:0: error: 'Elu' node 'act3': op type 'Elu' is not supported
// OP-NOT: Traceback
// DYN: dynamic.onnx:0:0: error: tensor 'x' has a dynamic dimension 'N' (only static shapes are supported)
// VERIFY: badconv.onnx:0:0: error: node 'badconv': 'nn.conv2d' op {{.*}}channels
// GARBAGE: garbage.onnx:0:0: error: failed to parse the ONNX model:
// GARBAGE-NOT: Traceback
// MISSING: error: cannot open input file '{{.*}}missing.onnx': No such file or directory
// SEED: error: --seed applies only with --random-weights
// NONE: error: no translation specified; use one of: {{.*}}--import-onnx
