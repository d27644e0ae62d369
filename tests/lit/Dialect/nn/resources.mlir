// RUN: mlir-py-opt %s | filecheck %s
// RUN: mlir-py-opt %s --mlir-elide-elementsattrs-if-larger=1 --mlir-elide-resource-strings-if-larger=10 | filecheck %s --check-prefix=ELIDE
// RUN: mlir-py-opt %s -o %t.mlir --mlir-resources-sidecar=always && mlir-py-opt %t.mlir | filecheck %s
// RUN: %python -c "import numpy; print(numpy.load('%t.mlir.npz')['fc_w'].tolist())" | filecheck %s --check-prefix=NPZ
// NPZ: {{\[}}[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]

// Weights in dense_resource blobs: kept as hex inline, elided on request, or moved to a sidecar .npz and read back.

// CHECK-LABEL: func.func @weights
//       CHECK:   %[[W:.*]] = nn.constant dense_resource<fc_w> : tensor<2x3xf32>
//       CHECK:   %[[B:.*]] = nn.constant dense<[5.000000e-01, -5.000000e-01]> : tensor<2xf32>
//       CHECK:   nn.gemm %{{.*}}, %[[W]], %[[B]] <trans_b = 1 : i64>
//       CHECK: dialect_resources
//       CHECK:   fc_w: "0x040000000000803F0000004000004040000080400000A0400000C040"
// As MLIR: large dense elements print as dense_resource<__elided__>, long blobs are omitted.
// ELIDE-LABEL: func.func @weights
//       ELIDE:   nn.constant dense_resource<fc_w> : tensor<2x3xf32>
//       ELIDE:   nn.constant dense_resource<__elided__> : tensor<2xf32>
//   ELIDE-NOT:   0x040000000000803F
func.func @weights(%x: tensor<1x3xf32>) -> tensor<1x2xf32> {
  %w = nn.constant dense_resource<fc_w> : tensor<2x3xf32>
  %b = nn.constant dense<[0.5, -0.5]> : tensor<2xf32>
  %0 = nn.gemm %x, %w, %b <trans_b = 1> : (tensor<1x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<1x2xf32>
  return %0 : tensor<1x2xf32>
}
{-#
  dialect_resources: {
    builtin: {
      fc_w: "0x040000000000803F0000004000004040000080400000A0400000C040"
    }
  }
#-}
