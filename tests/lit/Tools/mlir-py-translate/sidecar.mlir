// --sidecar writes the dense_resource blobs to OUT.npz next to OUT and names it in an external resources section;
// every tool reads it back, and mlir-py-opt -o writes one too. --inline-weights keeps them as hex in the text.
// RUN: mlir-py-translate --import-onnx %S/Inputs/cnn.onnx --sidecar -o %t.mlir
// RUN: cat %t.mlir | filecheck %s
// RUN: mlir-py-opt %t.mlir | filecheck %s --check-prefix=REREAD
// RUN: mlir-py-run %t.mlir --random-inputs --print | filecheck %s --check-prefix=EXEC
// RUN: mlir-py-opt %t.mlir --mlir-resources-sidecar=always -o %t.opt.mlir
// RUN: cat %t.opt.mlir | filecheck %s --check-prefix=OPT
// RUN: mlir-py-opt %t.opt.mlir | filecheck %s --check-prefix=REREAD
// RUN: mlir-py-translate --import-onnx %S/Inputs/cnn.onnx --inline-weights -o %t.inline.mlir
// RUN: cat %t.inline.mlir | filecheck %s --check-prefix=INLINE
// RUN: mlir-py-translate --import-onnx %S/Inputs/cnn.onnx --random-weights --seed=3 --sidecar -o %t.rand.mlir
// RUN: mlir-py-run %t.rand.mlir --random-inputs --print | filecheck %s --check-prefix=EXEC

// CHECK: nn.constant dense_resource<fc_w> : tensor<10x64xf32>
// CHECK-NOT: dialect_resources
// CHECK: {-#
// CHECK-NEXT: external_resources: {
// CHECK-NEXT: mlir_py: {
// CHECK-NEXT: sidecar: "sidecar.mlir.tmp.mlir.npz"
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK-NEXT: #-}

// OPT: nn.constant dense_resource<fc_w> : tensor<10x64xf32>
// OPT-NOT: dialect_resources
// OPT: sidecar: "sidecar.mlir.tmp.opt.mlir.npz"

// REREAD: nn.constant dense_resource<fc_w> : tensor<10x64xf32>
// REREAD: fc_w: "0x04000000506127BF

// EXEC: tensor<1x10xf32>

// INLINE: nn.constant dense_resource<fc_w>
// INLINE: dialect_resources
// INLINE-NOT: external_resources
