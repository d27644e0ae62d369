// RUN: mlir-py-opt %s | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | filecheck %s --check-prefix=GENERIC

// Round trip of every bufferization op (custom and generic forms equal iree-opt's prints).

// CHECK-LABEL: func.func @ops
//       CHECK:   bufferization.to_buffer %{{.*}} read_only : tensor<4x?xf32> to memref<4x?xf32>
//       CHECK:   bufferization.to_tensor %{{.*}} restrict writable : memref<4x?xf32> to tensor<4x?xf32>
//       CHECK:   bufferization.alloc_tensor(%{{.*}}) : tensor<4x?xf32>
//       CHECK:   bufferization.alloc_tensor() copy(%{{.*}}) : tensor<4x?xf32>
//       CHECK:   bufferization.materialize_in_destination %{{.*}} in %{{.*}} : (tensor<4x?xf32>, tensor<4x?xf32>) -> tensor<4x?xf32>
//       CHECK:   bufferization.materialize_in_destination %{{.*}} in restrict writable %{{.*}} : (tensor<4x?xf32>, memref<4x?xf32>) -> ()
//       CHECK:   bufferization.alloc_tensor(%{{.*}}) size_hint=%{{.*}} : tensor<4x?xf32>
// GENERIC: "bufferization.to_buffer"(%arg0) <{read_only}> : (tensor<4x?xf32>) -> memref<4x?xf32>
// GENERIC: "bufferization.to_tensor"(%arg1) <{restrict, writable}> : (memref<4x?xf32>) -> tensor<4x?xf32>
// GENERIC: "bufferization.alloc_tensor"(%arg2) <{operandSegmentSizes = array<i32: 1, 0, 0>}> : (index) -> tensor<4x?xf32>
// GENERIC: "bufferization.alloc_tensor"(%1) <{operandSegmentSizes = array<i32: 0, 1, 0>}> : (tensor<4x?xf32>) -> tensor<4x?xf32>
// GENERIC: "bufferization.materialize_in_destination"(%3, %2) : (tensor<4x?xf32>, tensor<4x?xf32>) -> tensor<4x?xf32>
// GENERIC: "bufferization.materialize_in_destination"(%4, %arg1) <{restrict, writable}> : (tensor<4x?xf32>, memref<4x?xf32>) -> ()
// GENERIC: "bufferization.alloc_tensor"(%arg2, %arg2) <{operandSegmentSizes = array<i32: 1, 0, 1>}> : (index, index) -> tensor<4x?xf32>
func.func @ops(%t: tensor<4x?xf32>, %m: memref<4x?xf32>, %d: index) -> tensor<4x?xf32> {
  %0 = bufferization.to_buffer %t read_only : tensor<4x?xf32> to memref<4x?xf32>
  %1 = bufferization.to_tensor %m restrict writable : memref<4x?xf32> to tensor<4x?xf32>
  %2 = bufferization.alloc_tensor(%d) : tensor<4x?xf32>
  %3 = bufferization.alloc_tensor() copy(%1) : tensor<4x?xf32>
  %5 = bufferization.materialize_in_destination %3 in %2 : (tensor<4x?xf32>, tensor<4x?xf32>) -> tensor<4x?xf32>
  bufferization.materialize_in_destination %5 in restrict writable %m : (tensor<4x?xf32>, memref<4x?xf32>) -> ()
  %6 = bufferization.alloc_tensor(%d) size_hint=%d : tensor<4x?xf32>
  return %5 : tensor<4x?xf32>
}
