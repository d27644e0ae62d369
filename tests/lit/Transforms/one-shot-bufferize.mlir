// RUN: mlir-py-opt %s --split-input-file --one-shot-bufferize | filecheck %s
// RUN: mlir-py-opt %s --split-input-file --one-shot-bufferize=bufferize-function-boundaries | filecheck %s --check-prefix=FB

// Without function boundaries the signature keeps its tensors: arguments enter through read-only
// bufferization.to_buffer (so their buffers are copied before a write), results leave through to_tensor.
// CHECK-LABEL: func.func @matmul_exp
//  CHECK-SAME:     (%[[A:.*]]: tensor<4x8xf32>, %[[B:.*]]: tensor<8x16xf32>, %[[C:.*]]: tensor<4x16xf32>) -> tensor<4x16xf32>
//   CHECK-DAG:   %[[BA:.*]] = bufferization.to_buffer %[[A]] : tensor<4x8xf32> to memref<4x8xf32, strided<[?, ?], offset: ?>>
//   CHECK-DAG:   %[[BB:.*]] = bufferization.to_buffer %[[B]] : tensor<8x16xf32> to memref<8x16xf32, strided<[?, ?], offset: ?>>
//   CHECK-DAG:   %[[BC:.*]] = bufferization.to_buffer %[[C]] : tensor<4x16xf32> to memref<4x16xf32, strided<[?, ?], offset: ?>>
//       CHECK:   %[[ALLOC:.*]] = memref.alloc() alignment = 64 : memref<4x16xf32>
//       CHECK:   memref.copy %[[BC]], %[[ALLOC]]
//       CHECK:   linalg.matmul ins(%[[BA]], %[[BB]] : {{.*}}) outs(%[[ALLOC]] : memref<4x16xf32>)
//       CHECK:   %[[ALLOC1:.*]] = memref.alloc() alignment = 64 : memref<4x16xf32>
//       CHECK:   linalg.map { math.exp } ins(%[[ALLOC]] : memref<4x16xf32>) outs(%[[ALLOC1]] : memref<4x16xf32>)
//       CHECK:   %[[T:.*]] = bufferization.to_tensor %[[ALLOC1]] : memref<4x16xf32> to tensor<4x16xf32>
//       CHECK:   return %[[T]] : tensor<4x16xf32>
// With function boundaries the signature is made of memrefs and the matmul writes its init in place.
// FB-LABEL: func.func @matmul_exp
//  FB-SAME:     (%[[A:.*]]: memref<4x8xf32>, %[[B:.*]]: memref<8x16xf32>, %[[C:.*]]: memref<4x16xf32>) -> memref<4x16xf32>
//   FB-NEXT:   linalg.matmul ins(%[[A]], %[[B]] : memref<4x8xf32>, memref<8x16xf32>) outs(%[[C]] : memref<4x16xf32>)
//   FB-NEXT:   %[[ALLOC:.*]] = memref.alloc() alignment = 64 : memref<4x16xf32>
//   FB-NEXT:   linalg.map { math.exp } ins(%[[C]] : memref<4x16xf32>) outs(%[[ALLOC]] : memref<4x16xf32>)
//   FB-NEXT:   return %[[ALLOC]] : memref<4x16xf32>
func.func @matmul_exp(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %c: tensor<4x16xf32>) -> tensor<4x16xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %e = tensor.empty() : tensor<4x16xf32>
  %1 = linalg.map { math.exp } ins(%0 : tensor<4x16xf32>) outs(%e : tensor<4x16xf32>)
  return %1 : tensor<4x16xf32>
}

// -----

// A tiled loop: the extract_slice/insert_slice pair on the iter_arg and the elementwise op all bufferize in
// place (no allocation, no copy).
// FB-LABEL: func.func @tiled_loop
//       FB:   %[[R:.*]] = scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step %{{.*}} iter_args(%[[ACC:.*]] = %arg1) -> (memref<8x6xf32>) {
//       FB:     %[[S:.*]] = memref.subview %arg0[%[[I]], 0] [2, 6] [1, 1] : memref<8x6xf32> to memref<2x6xf32, strided<[6, 1], offset: ?>>
//       FB:     %[[D:.*]] = memref.subview %[[ACC]][%[[I]], 0] [2, 6] [1, 1]
//       FB:     linalg.map { arith.mulf } ins(%[[S]], %[[D]] : {{.*}}) outs(%[[D]] : {{.*}})
//  FB-NEXT:     scf.yield %[[ACC]] : memref<8x6xf32>
//   FB-NOT:   memref.alloc
//   FB-NOT:   memref.copy
//       FB:   return %[[R]]
func.func @tiled_loop(%x: tensor<8x6xf32>, %y: tensor<8x6xf32>) -> tensor<8x6xf32> {
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c8 = arith.constant 8 : index
  %r = scf.for %i = %c0 to %c8 step %c2 iter_args(%acc = %y) -> (tensor<8x6xf32>) {
    %s = tensor.extract_slice %x[%i, 0] [2, 6] [1, 1] : tensor<8x6xf32> to tensor<2x6xf32>
    %d = tensor.extract_slice %acc[%i, 0] [2, 6] [1, 1] : tensor<8x6xf32> to tensor<2x6xf32>
    %m = linalg.map { arith.mulf } ins(%s, %d : tensor<2x6xf32>, tensor<2x6xf32>) outs(%d : tensor<2x6xf32>)
    %n = tensor.insert_slice %m into %acc[%i, 0] [2, 6] [1, 1] : tensor<2x6xf32> into tensor<8x6xf32>
    scf.yield %n : tensor<8x6xf32>
  }
  return %r : tensor<8x6xf32>
}

// -----

// A value read after it is overwritten: the write goes to a copy. Constants become private memref.globals.
// FB-LABEL: memref.global "private" constant @__constant_4xf32 : memref<4xf32> = dense<[1.000000e+00, 2.000000e+00, 3.000000e+00, 4.000000e+00]> alignment = 64
// FB-LABEL: func.func @read_after_write
//       FB:   %[[G:.*]] = memref.get_global @__constant_4xf32 : memref<4xf32>
//       FB:   %[[ALLOC:.*]] = memref.alloc() alignment = 64 : memref<4xf32>
//       FB:   memref.copy %arg0, %[[ALLOC]]
//       FB:   memref.store %{{.*}}, %[[ALLOC]][%{{.*}}] : memref<4xf32>
//       FB:   linalg.map { arith.addf } ins(%arg0, %[[G]] : memref<4xf32>, memref<4xf32>) outs(%[[ALLOC]] : memref<4xf32>)
func.func @read_after_write(%t: tensor<4xf32>, %f: f32) -> (tensor<4xf32>, tensor<4xf32>) {
  %c0 = arith.constant 0 : index
  %k = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : tensor<4xf32>
  %0 = tensor.insert %f into %t[%c0] : tensor<4xf32>
  %1 = linalg.map { arith.addf } ins(%t, %k : tensor<4xf32>, tensor<4xf32>) outs(%0 : tensor<4xf32>)
  return %1, %t : tensor<4xf32>, tensor<4xf32>
}

// -----

// dense_resource constants (weights imported from ONNX) become globals initialized by the same resource.
// FB-LABEL: memref.global "private" constant @__constant_2xf32 : memref<2xf32> = dense_resource<w0> alignment = 64
//       FB: func.func @resource() -> memref<2xf32>
//       FB:   %[[G:.*]] = memref.get_global @__constant_2xf32 : memref<2xf32>
//       FB: dialect_resources
//       FB:   w0: "0x040000000000803F00000040"
func.func @resource() -> tensor<2xf32> {
  %w = arith.constant dense_resource<w0> : tensor<2xf32>
  return %w : tensor<2xf32>
}
{-#
  dialect_resources: {
    builtin: {
      w0: "0x040000000000803F00000040"
    }
  }
#-}
