// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics

// nn verifier errors: shape inference and property checks, reported at the op.

func.func @conv_2d_input(%x: tensor<3x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op expects a 4-D input (N, C, H, W), got 2-D}}
  %0 = nn.conv2d %x, %w : (tensor<3x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_channels(%x: tensor<1x3x8x8xf32>, %w: tensor<4x2x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op weight has 2 input channels, expected 3 (input channels 3 / group 1)}}
  %0 = nn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_group(%x: tensor<1x3x8x8xf32>, %w: tensor<4x1x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op input channels (3) are not divisible by group (2)}}
  %0 = nn.conv2d %x, %w <group = 2> : (tensor<1x3x8x8xf32>, tensor<4x1x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_bias(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op expects a bias of shape (4), got 'tensor<3xf32>'}}
  %0 = nn.conv2d %x, %w, %b : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_result(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op result #0 has type 'tensor<1x4x8x8xf32>', but the inferred type is 'tensor<1x4x6x6xf32>'}}
  %0 = nn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  return
}

// -----

func.func @conv_strides(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op expects 2 values in 'strides', got 3}}
  %0 = nn.conv2d %x, %w <strides = array<i64: 1, 1, 1>> : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  return
}

// -----

func.func @conv_window(%x: tensor<1x3x2x2xf32>, %w: tensor<4x3x3x3xf32>) {
  // expected-error @+1 {{'nn.conv2d' op window of size 3 (dilation 1) does not fit in spatial dimension 0 of size 2 with pads 0, 0}}
  %0 = nn.conv2d %x, %w : (tensor<1x3x2x2xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x1x1xf32>
  return
}

// -----

func.func @matmul_k(%a: tensor<2x5xf32>, %b: tensor<4x3xf32>) {
  // expected-error @+1 {{'nn.matmul' op contracting dimensions differ: 2x5 and 4x3 (5 vs 4)}}
  %0 = nn.matmul %a, %b : (tensor<2x5xf32>, tensor<4x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @gemm_c(%a: tensor<2x5xf32>, %b: tensor<5x3xf32>, %c: tensor<4xf32>) {
  // expected-error @+1 {{'nn.gemm' op C of shape 4 is not unidirectionally broadcastable to 2x3}}
  %0 = nn.gemm %a, %b, %c : (tensor<2x5xf32>, tensor<5x3xf32>, tensor<4xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @gemm_trans(%a: tensor<2x5xf32>, %b: tensor<5x3xf32>) {
  // expected-error @+1 {{'nn.gemm' op expects 'trans_a' to be 0 or 1, got 2}}
  %0 = nn.gemm %a, %b <trans_a = 2> : (tensor<2x5xf32>, tensor<5x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @add_bcast(%a: tensor<2x5xf32>, %b: tensor<3xf32>) {
  // expected-error @+1 {{'nn.add' op operand shapes 2x5 and 3 are not broadcastable}}
  %0 = nn.add %a, %b : (tensor<2x5xf32>, tensor<3xf32>) -> tensor<2x5xf32>
  return
}

// -----

func.func @add_types(%a: tensor<2x5xf32>, %b: tensor<2x5xf16>) {
  // expected-error @+1 {{'nn.add' op expects operands of one element type, got 'tensor<2x5xf32>' and 'tensor<2x5xf16>'}}
  %0 = nn.add %a, %b : (tensor<2x5xf32>, tensor<2x5xf16>) -> tensor<2x5xf32>
  return
}

// -----

func.func @relu_int(%a: tensor<2x5xi32>) {
  // expected-error @+1 {{'nn.relu' op expects a floating-point input, got 'tensor<2x5xi32>'}}
  %0 = nn.relu %a : tensor<2x5xi32>
  return
}

// -----

func.func @dynamic(%a: tensor<?x5xf32>) {
  // expected-error @+1 {{'nn.relu' op operand #0 must be statically shaped tensor, but got 'tensor<?x5xf32>'}}
  %0 = nn.relu %a : tensor<?x5xf32>
  return
}

// -----

func.func @clip_bounds(%a: tensor<2x5xf32>) {
  // expected-error @+1 {{'nn.clip' op expects min <= max, got min = 1.0, max = 0.0}}
  %0 = nn.clip %a <min = 1.0 : f32, max = 0.0 : f32> : tensor<2x5xf32>
  return
}

// -----

func.func @gelu_mode(%a: tensor<2x5xf32>) {
  // expected-error @+1 {{'nn.gelu' op expects approximate = "none" or "tanh", got "erf"}}
  %0 = nn.gelu %a <approximate = "erf"> : tensor<2x5xf32>
  return
}

// -----

func.func @dropout_ratio(%a: tensor<2x5xf32>) {
  // expected-error @+1 {{'nn.dropout' op expects ratio in [0, 1), got 1.0}}
  %0 = nn.dropout %a <ratio = 1.0 : f32> : tensor<2x5xf32>
  return
}

// -----

func.func @softmax_axis(%a: tensor<2x5xf32>) {
  // expected-error @+1 {{'nn.softmax' op axis 2 is out of range for a 2-D operand (expects [-2, 1])}}
  %0 = nn.softmax %a <axis = 2> : tensor<2x5xf32>
  return
}

// -----

func.func @pool_kernel(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{'nn.maxpool2d' op requires attribute 'kernel_shape'}}
  %0 = "nn.maxpool2d"(%x) : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @pool_pads(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{'nn.avgpool2d' op pads (2, 2) must be smaller than the kernel (2) in spatial dimension 0}}
  %0 = nn.avgpool2d %x <kernel_shape = array<i64: 2, 2>, pads = array<i64: 2, 0, 2, 0>> : (tensor<1x3x8x8xf32>) -> tensor<1x3x11x7xf32>
  return
}

// -----

func.func @pool_ceil(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{'nn.maxpool2d' op expects ceil_mode to be 0 or 1, got 3}}
  %0 = nn.maxpool2d %x <kernel_shape = array<i64: 2, 2>, ceil_mode = 3> : (tensor<1x3x8x8xf32>) -> tensor<1x3x7x7xf32>
  return
}

// -----

func.func @global_pool_rank(%x: tensor<3x8xf32>) {
  // expected-error @+1 {{'nn.global_avgpool' op expects an input of rank >= 3 (N, C, D1, ...), got 2-D}}
  %0 = nn.global_avgpool %x : (tensor<3x8xf32>) -> tensor<3x8xf32>
  return
}

// -----

func.func @batch_norm_channels(%x: tensor<1x3x8x8xf32>, %c: tensor<3xf32>, %d: tensor<4xf32>) {
  // expected-error @+1 {{'nn.batch_norm' op expects 'var' of shape (3), got 'tensor<4xf32>'}}
  %0 = nn.batch_norm %x, %c, %c, %c, %d : (tensor<1x3x8x8xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<4xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @layer_norm_scale(%x: tensor<2x3x8xf32>, %s: tensor<3xf32>) {
  // expected-error @+1 {{'nn.layer_norm' op 'scale' of shape 3 is not broadcastable to the normalized shape 8}}
  %0 = nn.layer_norm %x, %s : (tensor<2x3x8xf32>, tensor<3xf32>) -> tensor<2x3x8xf32>
  return
}

// -----

func.func @lrn_size(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{'nn.lrn' op expects size >= 1, got 0}}
  %0 = nn.lrn %x <size = 0> : tensor<1x3x8x8xf32>
  return
}

// -----

func.func @flatten_axis(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{'nn.flatten' op axis 5 is out of range for a 4-D operand (expects [-4, 4])}}
  %0 = nn.flatten %x <axis = 5> : (tensor<1x3x8x8xf32>) -> tensor<1x192xf32>
  return
}

// -----

func.func @reshape_count(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{'nn.reshape' op cannot reshape 192 elements (1x3x8x8) into 190 (2x95)}}
  %0 = nn.reshape %x : (tensor<1x3x8x8xf32>) -> tensor<2x95xf32>
  return
}

// -----

func.func @transpose_perm(%x: tensor<1x3x8x8xf32>) {
  // expected-error @+1 {{'nn.transpose' op expects 'perm' to be a permutation of 0..3, got [0, 1, 1, 2]}}
  %0 = nn.transpose %x <perm = array<i64: 0, 1, 1, 2>> : (tensor<1x3x8x8xf32>) -> tensor<1x3x8x8xf32>
  return
}

// -----

func.func @concat_dims(%a: tensor<2x3xf32>, %b: tensor<3x3xf32>) {
  // expected-error @+1 {{'nn.concat' op operand #1 has size 3 in dimension 0, expected 2}}
  %0 = nn.concat %a, %b <axis = 1> : (tensor<2x3xf32>, tensor<3x3xf32>) -> tensor<2x6xf32>
  return
}

// -----

func.func @pad_mode(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'nn.pad' op unknown pad mode "mirror" (expects one of constant, reflect, edge, wrap)}}
  %0 = nn.pad %a <pads = array<i64: 1, 1, 1, 1>, mode = "mirror"> : (tensor<2x3xf32>) -> tensor<4x5xf32>
  return
}

// -----

func.func @pad_length(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'nn.pad' op expects 4 values in 'pads', got 2}}
  %0 = nn.pad %a <pads = array<i64: 1, 1>> : (tensor<2x3xf32>) -> tensor<4x5xf32>
  return
}

// -----

func.func @reduce_axes(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'nn.reduce_sum' op repeated reduction axis in [1, -1]}}
  %0 = nn.reduce_sum %a <axes = array<i64: 1, -1>> : (tensor<2x3xf32>) -> tensor<2x1xf32>
  return
}

// -----

func.func @reduce_axis_range(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'nn.reduce_mean' op reduction axis 2 is out of range for a 2-D operand (expects [-2, 1])}}
  %0 = nn.reduce_mean %a <axes = array<i64: 2>> : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return
}

// -----

func.func @constant_type() {
  // expected-error @+1 {{'nn.constant' op result #0 has type 'tensor<3xf32>', but the inferred type is 'tensor<2xf32>'}}
  %0 = "nn.constant"() <{value = dense<[1.0, 2.0]> : tensor<2xf32>}> : () -> tensor<3xf32>
  return
}

// -----

func.func @prop_type(%a: tensor<2x3xf32>) {
  // expected-error @+1 {{'nn.softmax' op attribute 'axis' failed to satisfy constraint: 64-bit signless integer attribute}}
  %0 = nn.softmax %a <axis = 1 : i32> : tensor<2x3xf32>
  return
}
