// RUN: mlir-py-opt %s --linalg-interchange-inner-parallel --linalg-cpu-tile="conv-tile-r=8 conv-tile-j=8" | filecheck %s
// RUN: mlir-py-opt %s --linalg-interchange-inner-parallel --linalg-cpu-tile="conv-tile-j=0" | filecheck %s --check-prefix=OFF

// The convolution is register-blocked: output channels (d1 of the named op) and output columns by 8, output rows
// by 1; in the tile the reductions (c, kh, kw) run outside the 8 x 8 block of the output (f, ow innermost).
// CHECK-DAG: #[[I:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d2, d1 + d3, d4 + d6)>
// CHECK-DAG: #[[W:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d5, d2, d3, d4)>
// CHECK-DAG: #[[O:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d5, d1, d6)>
// CHECK-LABEL: func.func @conv
// CHECK:       scf.for %[[F:.*]] = %{{.*}} to %{{.*}} step %[[C8:.*]] {
// CHECK-NEXT:    scf.for %[[H:.*]] = %{{.*}} to %{{.*}} step %{{.*}} {
// CHECK-NEXT:      scf.for %[[J:.*]] = %{{.*}} to %{{.*}} step %[[C8]] {
// CHECK-NEXT:        %[[XT:.*]] = memref.subview %arg0[0, 0, %[[H]], %[[J]]] [1, 4, 3, 10] [1, 1, 1, 1]
// CHECK-NEXT:        %[[WT:.*]] = memref.subview %arg1[%[[F]], 0, 0, 0] [8, 4, 3, 3] [1, 1, 1, 1]
// CHECK-NEXT:        %[[OT:.*]] = memref.subview %arg2[0, %[[F]], %[[H]], %[[J]]] [1, 8, 1, 8] [1, 1, 1, 1]
// CHECK-NEXT:        linalg.generic {indexing_maps = [#[[I]], #[[W]], #[[O]]], iterator_types = ["parallel", "parallel", "reduction", "reduction", "reduction", "parallel", "parallel"]} ins(%[[XT]], %[[WT]] : {{.*}}) outs(%[[OT]] : {{.*}}) {
// CHECK-NOT:   memoized
// OFF-LABEL: func.func @conv
// OFF-NOT:   scf.for
// OFF:       linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "parallel"]
func.func @conv(%x: memref<1x4x10x18xf32>, %w: memref<16x4x3x3xf32>, %o: memref<1x16x8x16xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : memref<1x4x10x18xf32>, memref<16x4x3x3xf32>) outs(%o : memref<1x16x8x16xf32>)
  return
}

// A block that does not divide the range leaves that loop unblocked: 12 columns, 6 channels -> no blocking of
// f (6 % 8), columns untiled (12 % 8): not applicable, the op stays as it is.
// CHECK-LABEL: func.func @odd
// CHECK-NOT:   scf.for
// CHECK:       linalg.generic
func.func @odd(%x: memref<1x2x6x14xf32>, %w: memref<6x2x3x3xf32>, %o: memref<1x6x4x12xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%x, %w : memref<1x2x6x14xf32>, memref<6x2x3x3xf32>) outs(%o : memref<1x6x4x12xf32>)
  return
}
