// RUN: mlir-py-opt %s --split-input-file | filecheck %s
// RUN: mlir-py-opt %s --split-input-file --mlir-print-op-generic | mlir-py-opt --split-input-file | filecheck %s

// Custom syntax of every nn op: properties equal to their ONNX default are not printed.

// CHECK-LABEL: func.func @conv_matmul
//       CHECK:   nn.conv2d %{{.*}}, %{{.*}}, %{{.*}} <strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>> : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
//       CHECK:   nn.conv2d %{{.*}}, %{{.*}} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
//       CHECK:   nn.conv2d %{{.*}}, %{{.*}} <dilations = array<i64: 2, 2>, group = 3 : i64> : (tensor<1x3x8x8xf32>, tensor<6x1x3x3xf32>) -> tensor<1x6x4x4xf32>
//       CHECK:   nn.matmul %{{.*}}, %{{.*}} : (tensor<2x5xf32>, tensor<5x3xf32>) -> tensor<2x3xf32>
//       CHECK:   nn.matmul %{{.*}}, %{{.*}} : (tensor<4x2x5xf32>, tensor<5xf32>) -> tensor<4x2xf32>
//       CHECK:   nn.gemm %{{.*}}, %{{.*}}, %{{.*}} <alpha = 2.000000e+00 : f32, trans_b = 1 : i64> : (tensor<2x5xf32>, tensor<3x5xf32>, tensor<3xf32>) -> tensor<2x3xf32>
func.func @conv_matmul(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>, %dw: tensor<6x1x3x3xf32>,
                       %a: tensor<2x5xf32>, %m: tensor<5x3xf32>, %a3: tensor<4x2x5xf32>, %v: tensor<5xf32>,
                       %bt: tensor<3x5xf32>, %c: tensor<3xf32>) {
  %0 = nn.conv2d %x, %w, %b <strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>> : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  %1 = nn.conv2d %x, %w <strides = array<i64: 1, 1>, group = 1> : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  %2 = nn.conv2d %x, %dw <dilations = array<i64: 2, 2>, group = 3> : (tensor<1x3x8x8xf32>, tensor<6x1x3x3xf32>) -> tensor<1x6x4x4xf32>
  %3 = nn.matmul %a, %m : (tensor<2x5xf32>, tensor<5x3xf32>) -> tensor<2x3xf32>
  %4 = nn.matmul %a3, %v : (tensor<4x2x5xf32>, tensor<5xf32>) -> tensor<4x2xf32>
  %5 = nn.gemm %a, %bt, %c <alpha = 2.0 : f32, trans_b = 1> : (tensor<2x5xf32>, tensor<3x5xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  return
}

// -----

// CHECK-LABEL: func.func @elementwise
//       CHECK:   nn.add %{{.*}}, %{{.*}} : (tensor<2x3x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
//       CHECK:   nn.sub
//       CHECK:   nn.mul
//       CHECK:   nn.div
//       CHECK:   nn.max
//       CHECK:   nn.min
//       CHECK:   nn.pow
//       CHECK:   nn.sum %{{.*}}, %{{.*}}, %{{.*}} : (tensor<2x3x4xf32>, tensor<3x1xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
//       CHECK:   nn.relu %{{.*}} : tensor<2x3x4xf32>
//       CHECK:   nn.leaky_relu %{{.*}} <alpha = 2.000000e-01 : f32> : tensor<2x3x4xf32>
//       CHECK:   nn.clip %{{.*}} <min = 0.000000e+00 : f32, max = 6.000000e+00 : f32> : tensor<2x3x4xf32>
//       CHECK:   nn.sigmoid
//       CHECK:   nn.tanh
//       CHECK:   nn.exp
//       CHECK:   nn.sqrt
//       CHECK:   nn.erf
//       CHECK:   nn.gelu %{{.*}} <approximate = "tanh"> : tensor<2x3x4xf32>
//       CHECK:   nn.dropout %{{.*}} : tensor<2x3x4xf32>
//       CHECK:   nn.softmax %{{.*}} <axis = 1 : i64> : tensor<2x3x4xf32>
//       CHECK:   nn.log_softmax %{{.*}} : tensor<2x3x4xf32>
func.func @elementwise(%x: tensor<2x3x4xf32>, %y: tensor<3x1xf32>) {
  %0 = nn.add %x, %y : (tensor<2x3x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  %1 = nn.sub %x, %y : (tensor<2x3x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  %2 = nn.mul %x, %y : (tensor<2x3x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  %3 = nn.div %x, %y : (tensor<2x3x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  %4 = nn.max %x, %y : (tensor<2x3x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  %5 = nn.min %x, %y : (tensor<2x3x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  %6 = nn.pow %x, %y : (tensor<2x3x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  %7 = nn.sum %x, %y, %x : (tensor<2x3x4xf32>, tensor<3x1xf32>, tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  %8 = nn.relu %x : tensor<2x3x4xf32>
  %9 = nn.leaky_relu %x <alpha = 0.2 : f32> : tensor<2x3x4xf32>
  %10 = nn.clip %x <min = 0.0 : f32, max = 6.0 : f32> : tensor<2x3x4xf32>
  %11 = nn.sigmoid %x : tensor<2x3x4xf32>
  %12 = nn.tanh %x : tensor<2x3x4xf32>
  %13 = nn.exp %x : tensor<2x3x4xf32>
  %14 = nn.sqrt %x : tensor<2x3x4xf32>
  %15 = nn.erf %x : tensor<2x3x4xf32>
  %16 = nn.gelu %x <approximate = "tanh"> : tensor<2x3x4xf32>
  %17 = nn.dropout %x <ratio = 0.5 : f32> : tensor<2x3x4xf32>
  %18 = nn.softmax %x <axis = 1> : tensor<2x3x4xf32>
  %19 = nn.log_softmax %x <axis = -1> : tensor<2x3x4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @pool_norm
//       CHECK:   nn.maxpool2d %{{.*}} <kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>> : (tensor<1x4x9x9xf32>) -> tensor<1x4x5x5xf32>
//       CHECK:   nn.maxpool2d %{{.*}} <kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = 1 : i64> : (tensor<1x4x9x9xf32>) -> tensor<1x4x5x5xf32>
//       CHECK:   nn.avgpool2d %{{.*}} <kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, count_include_pad = 1 : i64> : (tensor<1x4x9x9xf32>) -> tensor<1x4x9x9xf32>
//       CHECK:   nn.global_avgpool %{{.*}} : (tensor<1x4x9x9xf32>) -> tensor<1x4x1x1xf32>
//       CHECK:   nn.batch_norm %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}} <epsilon = 1.000000e-03 : f32> : (tensor<1x4x9x9xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x9x9xf32>
//       CHECK:   nn.layer_norm %{{.*}}, %{{.*}} <axis = 2 : i64> : (tensor<1x4x9x9xf32>, tensor<9x9xf32>) -> tensor<1x4x9x9xf32>
//       CHECK:   nn.lrn %{{.*}} <size = 5 : i64> : tensor<1x4x9x9xf32>
func.func @pool_norm(%x: tensor<1x4x9x9xf32>, %c: tensor<4xf32>, %s: tensor<9x9xf32>) {
  %0 = nn.maxpool2d %x <kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>> : (tensor<1x4x9x9xf32>) -> tensor<1x4x5x5xf32>
  %1 = nn.maxpool2d %x <kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>, ceil_mode = 1> : (tensor<1x4x9x9xf32>) -> tensor<1x4x5x5xf32>
  %2 = nn.avgpool2d %x <kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, count_include_pad = 1> : (tensor<1x4x9x9xf32>) -> tensor<1x4x9x9xf32>
  %3 = nn.global_avgpool %x : (tensor<1x4x9x9xf32>) -> tensor<1x4x1x1xf32>
  %4 = nn.batch_norm %x, %c, %c, %c, %c <epsilon = 1.0e-3 : f32> : (tensor<1x4x9x9xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x9x9xf32>
  %5 = nn.layer_norm %x, %s <axis = 2> : (tensor<1x4x9x9xf32>, tensor<9x9xf32>) -> tensor<1x4x9x9xf32>
  %6 = nn.lrn %x <size = 5> : tensor<1x4x9x9xf32>
  return
}

// -----

// CHECK-LABEL: func.func @shapes
//       CHECK:   nn.flatten %{{.*}} : (tensor<2x3x4x5xf32>) -> tensor<2x60xf32>
//       CHECK:   nn.flatten %{{.*}} <axis = 3 : i64> : (tensor<2x3x4x5xf32>) -> tensor<24x5xf32>
//       CHECK:   nn.reshape %{{.*}} : (tensor<2x3x4x5xf32>) -> tensor<6x20xf32>
//       CHECK:   nn.transpose %{{.*}} <perm = array<i64: 0, 2, 3, 1>> : (tensor<2x3x4x5xf32>) -> tensor<2x4x5x3xf32>
//       CHECK:   nn.transpose %{{.*}} : (tensor<2x3x4x5xf32>) -> tensor<5x4x3x2xf32>
//       CHECK:   nn.concat %{{.*}}, %{{.*}} <axis = 1 : i64> : (tensor<2x3x4x5xf32>, tensor<2x3x4x5xf32>) -> tensor<2x6x4x5xf32>
//       CHECK:   nn.pad %{{.*}} <pads = array<i64: 0, 0, 1, 2, 0, 0, 3, 4>, value = 1.500000e+00 : f32> : (tensor<2x3x4x5xf32>) -> tensor<2x3x8x11xf32>
//       CHECK:   nn.reduce_mean %{{.*}} <axes = array<i64: 2, 3>> : (tensor<2x3x4x5xf32>) -> tensor<2x3x1x1xf32>
//       CHECK:   nn.reduce_sum %{{.*}} <keepdims = 0 : i64> : (tensor<2x3x4x5xf32>) -> tensor<f32>
//       CHECK:   nn.reduce_max %{{.*}} <axes = array<i64: -1>, keepdims = 0 : i64> : (tensor<2x3x4x5xf32>) -> tensor<2x3x4xf32>
func.func @shapes(%x: tensor<2x3x4x5xf32>) {
  %0 = nn.flatten %x : (tensor<2x3x4x5xf32>) -> tensor<2x60xf32>
  %1 = nn.flatten %x <axis = 3> : (tensor<2x3x4x5xf32>) -> tensor<24x5xf32>
  %2 = nn.reshape %x : (tensor<2x3x4x5xf32>) -> tensor<6x20xf32>
  %3 = nn.transpose %x <perm = array<i64: 0, 2, 3, 1>> : (tensor<2x3x4x5xf32>) -> tensor<2x4x5x3xf32>
  %4 = nn.transpose %x : (tensor<2x3x4x5xf32>) -> tensor<5x4x3x2xf32>
  %5 = nn.concat %x, %x <axis = 1> : (tensor<2x3x4x5xf32>, tensor<2x3x4x5xf32>) -> tensor<2x6x4x5xf32>
  %6 = nn.pad %x <pads = array<i64: 0, 0, 1, 2, 0, 0, 3, 4>, value = 1.5 : f32> : (tensor<2x3x4x5xf32>) -> tensor<2x3x8x11xf32>
  %7 = nn.reduce_mean %x <axes = array<i64: 2, 3>> : (tensor<2x3x4x5xf32>) -> tensor<2x3x1x1xf32>
  %8 = nn.reduce_sum %x <keepdims = 0> : (tensor<2x3x4x5xf32>) -> tensor<f32>
  %9 = nn.reduce_max %x <axes = array<i64: -1>, keepdims = 0> : (tensor<2x3x4x5xf32>) -> tensor<2x3x4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @constants
//       CHECK:   %[[C:.*]] = nn.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
//       CHECK:   %[[R:.*]] = nn.constant dense_resource<w0> : tensor<2xf32>
//       CHECK:   nn.add %[[C]], %[[R]]
//       CHECK: dialect_resources
//       CHECK:   w0: "0x040000000000803F00000040"
func.func @constants() -> tensor<2xf32> {
  %0 = nn.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %1 = nn.constant dense_resource<w0> : tensor<2xf32>
  %2 = nn.add %0, %1 : (tensor<2xf32>, tensor<2xf32>) -> tensor<2xf32>
  return %2 : tensor<2xf32>
}
{-#
  dialect_resources: {
    builtin: {
      w0: "0x040000000000803F00000040"
    }
  }
#-}
