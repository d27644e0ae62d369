// RUN: mlir-py-opt %s --split-input-file --convert-nn-to-tc --verify-diagnostics

// Wrap padding that would wrap around more than once has no affine TC form.
func.func @pad_wrap_twice(%x: tensor<2x3xf32>) -> tensor<2x10xf32> {
  // expected-error @+1 {{'nn.pad' op wrap padding (4, 3) larger than dimension 1 of size 3 is not supported by convert-nn-to-tc}}
  %0 = nn.pad %x <pads = array<i64: 0, 4, 0, 3>, mode = "wrap"> : (tensor<2x3xf32>) -> tensor<2x10xf32>
  return %0 : tensor<2x10xf32>
}

// -----

// Invalid nn input is diagnosed by the verifier before the conversion runs.
func.func @bad_input(%x: tensor<1x3x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{'nn.conv2d' op weight has 2 input channels, expected 3 (input channels 3 / group 1)}}
  %0 = nn.conv2d %x, %w : (tensor<1x3x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}
