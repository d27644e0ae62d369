// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics

// Verifier and custom-parser errors of the tensor dialect, with MLIR's messages (checked against iree-opt).

func.func @empty_sizes(%n: index) {
  // expected-error @+1 {{'tensor.empty' op incorrect number of dynamic sizes, has 2, expected 1}}
  %0 = tensor.empty(%n, %n) : tensor<?x4xf32>
  return
}
// -----
func.func @extract_indices(%t: tensor<4x4xf32>, %i: index) {
  // expected-error @+1 {{'tensor.extract' op incorrect number of indices for extract_element}}
  %0 = tensor.extract %t[%i] : tensor<4x4xf32>
  return
}
// -----
func.func @extract_type(%t: tensor<4xf32>, %i: index) {
  // expected-error @+1 {{'tensor.extract' op failed to verify that result type matches element type of tensor}}
  %0 = "tensor.extract"(%t, %i) : (tensor<4xf32>, index) -> i32
  return
}
// -----
func.func @insert_indices(%t: tensor<4x4xf32>, %v: f32, %i: index) {
  // expected-error @+1 {{'tensor.insert' op incorrect number of indices}}
  %0 = tensor.insert %v into %t[%i, %i, %i] : tensor<4x4xf32>
  return
}
// -----
func.func @slice_rank(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{expected rank to be smaller or equal to the other rank. }}
  %0 = tensor.extract_slice %t[0, 0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4x1xf32>
  return
}
// -----
func.func @slice_size(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{expected type to be 'tensor<4x4xf32>' or a rank-reduced version. (size mismatch) }}
  %0 = tensor.extract_slice %t[0, 0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x2xf32>
  return
}
// -----
func.func @slice_elem(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{expected element type to be 'f32'}}
  %0 = tensor.extract_slice %t[0, 0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf16>
  return
}
// -----
func.func @slice_rank_reduce_non_unit(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{expected type to be 'tensor<2x4xf32>' or a rank-reduced version. (size mismatch) }}
  %0 = tensor.extract_slice %t[0, 0] [2, 4] [1, 1] : tensor<8x8xf32> to tensor<4xf32>
  return
}
// -----
func.func @slice_offset_oob(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{offset 0 is out-of-bounds: 8 >= 8}}
  %0 = tensor.extract_slice %t[8, 0] [1, 4] [1, 1] : tensor<8x8xf32> to tensor<1x4xf32>
  return
}
// -----
func.func @slice_oob(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{slice along dimension 1 runs out-of-bounds: 8 >= 8}}
  %0 = tensor.extract_slice %t[0, 2] [4, 4] [1, 2] : tensor<8x8xf32> to tensor<4x4xf32>
  return
}
// -----
func.func @slice_negative(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{expected offsets to be non-negative, but got -1}}
  %0 = tensor.extract_slice %t[-1, 0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  return
}
// -----
func.func @slice_count(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{expected mixed offsets rank to match mixed sizes rank (1 vs 2) so the rank of the result type is well-formed.}}
  %0 = tensor.extract_slice %t[0] [4, 4] [1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  return
}
// -----
func.func @slice_static_count(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{expected 2 offset values, got 3}}
  %0 = tensor.extract_slice %t[0, 0, 0] [4, 4, 1] [1, 1, 1] : tensor<8x8xf32> to tensor<4x4xf32>
  return
}
// -----
func.func @slice_dynamic_count(%t: tensor<8x8xf32>, %i: index) {
  // expected-error @+1 {{expected the number of 'offsets' to match the number of dynamic entries in 'static_offsets' (2 vs 1)}}
  %0 = "tensor.extract_slice"(%t, %i, %i) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: 0, -9223372036854775808>, static_sizes = array<i64: 4, 4>, static_strides = array<i64: 1, 1>}> : (tensor<8x8xf32>, index, index) -> tensor<4x4xf32>
  return
}
// -----
func.func @slice_strict_props(%t: tensor<8x8xf32>) {
  // expected-error @+1 {{custom op 'tensor.extract_slice' inherent attribute 'static_sizes' cannot be parsed from attr-dict when strict properties in assembly format is enabled}}
  %0 = tensor.extract_slice %t[0, 0] [4, 4] [1, 1] {static_sizes = array<i64: 4, 4>} : tensor<8x8xf32> to tensor<4x4xf32>
  return
}
// -----
func.func @insert_slice_size(%t: tensor<8x8xf32>, %s: tensor<4x4xf32>) {
  // expected-error @+1 {{expected type to be 'tensor<4x2xf32>' or a rank-reduced version. (size mismatch) }}
  %0 = tensor.insert_slice %s into %t[0, 0] [4, 2] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  return
}
// -----
func.func @insert_slice_oob(%t: tensor<8x8xf32>, %s: tensor<4x4xf32>) {
  // expected-error @+1 {{slice along dimension 0 runs out-of-bounds: 9 >= 8}}
  %0 = tensor.insert_slice %s into %t[6, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>
  return
}
// -----
func.func @pad_type(%t: tensor<8x8xf32>, %v: f32) {
  // expected-error @+1 {{specified type 'tensor<10x11xf32>' does not match the inferred type 'tensor<10x10xf32>'}}
  %0 = tensor.pad %t low[1, 1] high[1, 1] {
  ^bb0(%a: index, %b: index):
    tensor.yield %v : f32
  } : tensor<8x8xf32> to tensor<10x11xf32>
  return
}
// -----
func.func @pad_rank(%t: tensor<8x8xf32>, %v: f32) {
  // expected-error @+1 {{specified type 'tensor<10xf32>' does not match the inferred type 'tensor<10x10xf32>'}}
  %0 = tensor.pad %t low[1, 1] high[1, 1] {
  ^bb0(%a: index, %b: index):
    tensor.yield %v : f32
  } : tensor<8x8xf32> to tensor<10xf32>
  return
}
// -----
func.func @pad_args(%t: tensor<8x8xf32>, %v: f32) {
  // expected-error @+1 {{expected the block to have 2 arguments}}
  %0 = tensor.pad %t low[1, 1] high[1, 1] {
  ^bb0(%a: index):
    tensor.yield %v : f32
  } : tensor<8x8xf32> to tensor<10x10xf32>
  return
}
// -----
func.func @pad_arg_type(%t: tensor<8x8xf32>, %v: f32) {
  // expected-error @+1 {{'tensor.pad' op expected block argument 2 to be an index}}
  %0 = tensor.pad %t low[1, 1] high[1, 1] {
  ^bb0(%a: index, %b: i32):
    tensor.yield %v : f32
  } : tensor<8x8xf32> to tensor<10x10xf32>
  return
}
// -----
func.func @pad_yield(%t: tensor<8x8xf32>, %v: f16) {
  // expected-error @+1 {{'tensor.pad' op expected yield type to match shape element type}}
  %0 = tensor.pad %t low[1, 1] high[1, 1] {
  ^bb0(%a: index, %b: index):
    tensor.yield %v : f16
  } : tensor<8x8xf32> to tensor<10x10xf32>
  return
}
// -----
func.func @cast_shape(%t: tensor<4x8xf32>) {
  // expected-error @+1 {{'tensor.cast' op operand type 'tensor<4x8xf32>' and result type 'tensor<4x4xf32>' are cast incompatible}}
  %0 = tensor.cast %t : tensor<4x8xf32> to tensor<4x4xf32>
  return
}
// -----
func.func @cast_elem(%t: tensor<4x8xf32>) {
  // expected-error @+1 {{'tensor.cast' op operand type 'tensor<4x8xf32>' and result type 'tensor<4x8xi32>' are cast incompatible}}
  %0 = tensor.cast %t : tensor<4x8xf32> to tensor<4x8xi32>
  return
}
// -----
func.func @cast_rank(%t: tensor<4x8xf32>) {
  // expected-error @+1 {{'tensor.cast' op operand type 'tensor<4x8xf32>' and result type 'tensor<?xf32>' are cast incompatible}}
  %0 = tensor.cast %t : tensor<4x8xf32> to tensor<?xf32>
  return
}
// -----
func.func @collapse_size(%t: tensor<2x3x4xf32>) {
  // expected-error @+1 {{'tensor.collapse_shape' op expected dimension 0 of collapsed type to be static value of 6}}
  %0 = tensor.collapse_shape %t [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<5x4xf32>
  return
}
// -----
func.func @collapse_non_contiguous(%t: tensor<2x3x4xf32>) {
  // expected-error @+1 {{'tensor.collapse_shape' op expected reassociation map #0 to be valid and contiguous.}}
  %0 = tensor.collapse_shape %t [[0, 2], [1]] : tensor<2x3x4xf32> into tensor<8x3xf32>
  return
}
// -----
func.func @collapse_groups(%t: tensor<2x3x4xf32>) {
  // expected-error @+1 {{'tensor.collapse_shape' op expected collapsed rank (2) to equal the number of reassociation maps (1).}}
  %0 = tensor.collapse_shape %t [[0, 1, 2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
  return
}
// -----
func.func @collapse_dynamic(%t: tensor<?x3x4xf32>) {
  // expected-error @+1 {{'tensor.collapse_shape' op expected dimension 0 of collapsed type to be dynamic since one or more of the corresponding dimensions in the expanded type is dynamic}}
  %0 = tensor.collapse_shape %t [[0, 1], [2]] : tensor<?x3x4xf32> into tensor<6x4xf32>
  return
}
// -----
func.func @collapse_rank(%t: tensor<6x4xf32>) {
  // expected-error @+1 {{'tensor.collapse_shape' op expected the expanded type, 'tensor<6x4xf32>' to have a higher (or same) rank than the collapsed type, 'tensor<2x3x4xf32>'.}}
  %0 = tensor.collapse_shape %t [[0], [1]] : tensor<6x4xf32> into tensor<2x3x4xf32>
  return
}
// -----
func.func @expand_output_shape(%t: tensor<6x4xf32>) {
  // expected-error @+1 {{'tensor.expand_shape' op invalid output shape provided at pos 0}}
  %0 = tensor.expand_shape %t [[0, 1], [2]] output_shape [3, 2, 4] : tensor<6x4xf32> into tensor<2x3x4xf32>
  return
}
// -----
func.func @expand_output_rank(%t: tensor<6x4xf32>) {
  // expected-error @+1 {{'tensor.expand_shape' op expected number of static shape dims to be equal to the output rank (3) but found 2 inputs instead}}
  %0 = tensor.expand_shape %t [[0, 1], [2]] output_shape [2, 3] : tensor<6x4xf32> into tensor<2x3x4xf32>
  return
}
// -----
func.func @expand_dynamic(%t: tensor<?x4xf32>, %n: index) {
  // expected-error @+1 {{'tensor.expand_shape' op expected dimension 0 of collapsed type to be static value of 6}}
  %0 = tensor.expand_shape %t [[0, 1], [2]] output_shape [2, 3, 4] : tensor<?x4xf32> into tensor<2x3x4xf32>
  return
}
// -----
func.func @from_elements_count(%a: f32) {
  // expected-error @+1 {{custom op 'tensor.from_elements' number of operands and types do not match: got 2 operands and 3 types}}
  %0 = tensor.from_elements %a, %a : tensor<3xf32>
  return
}
// -----
func.func @splat_sizes(%a: f32, %n: index) {
  // expected-error @+1 {{'tensor.splat' op incorrect number of dynamic sizes, has 2, expected 1}}
  %0 = tensor.splat %a[%n, %n] : tensor<?x4xf32>
  return
}
// -----
func.func @generate_extents(%n: index, %v: f32) {
  // expected-error @+1 {{'tensor.generate' op incorrect number of dynamic sizes, has 2, expected 1}}
  %0 = tensor.generate %n, %n {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : f32
  } : tensor<?x3xf32>
  return
}
// -----
func.func @generate_args(%n: index, %v: f32) {
  // expected-error @+1 {{must have one body argument per input dimension}}
  %0 = tensor.generate %n {
  ^bb0(%i: index):
    tensor.yield %v : f32
  } : tensor<?x3xf32>
  return
}
// -----
func.func @generate_arg_type(%n: index, %v: f32) {
  // expected-error @+1 {{all body arguments must be index}}
  %0 = tensor.generate %n {
  ^bb0(%i: index, %j: i64):
    tensor.yield %v : f32
  } : tensor<?x3xf32>
  return
}
// -----
func.func @generate_yield(%n: index, %v: i32) {
  // expected-error @+1 {{'tensor.generate' op body must be terminated with a `yield` operation of the tensor element type}}
  %0 = tensor.generate %n {
  ^bb0(%i: index, %j: index):
    tensor.yield %v : i32
  } : tensor<?x3xf32>
  return
}
// -----
func.func @yield_parent(%v: f32) {
  // expected-error @+1 {{'tensor.yield' op expects parent op to be one of 'tensor.generate, tensor.pad'}}
  tensor.yield %v : f32
}
// -----
func.func @concat_rank(%a: tensor<2x4xf32>, %b: tensor<4xf32>) {
  // expected-error @+1 {{'tensor.concat' op rank of concatenated inputs must match result rank}}
  %0 = tensor.concat dim(0) %a, %b : (tensor<2x4xf32>, tensor<4xf32>) -> tensor<6x4xf32>
  return
}
// -----
func.func @concat_elem(%a: tensor<2x4xf32>, %b: tensor<2x4xf16>) {
  // expected-error @+1 {{'tensor.concat' op inputs and result element type must match}}
  %0 = tensor.concat dim(0) %a, %b : (tensor<2x4xf32>, tensor<2x4xf16>) -> tensor<4x4xf32>
  return
}
// -----
func.func @concat_dim(%a: tensor<2x4xf32>) {
  // expected-error @+1 {{'tensor.concat' op concatenation dim must be less than the tensor rank}}
  %0 = tensor.concat dim(2) %a, %a : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<2x4xf32>
  return
}
// -----
func.func @concat_mismatch(%a: tensor<2x4xf32>, %b: tensor<2x5xf32>) {
  // expected-error @+1 {{'tensor.concat' op static concatenation size mismatch along non-concatenated dimension 1}}
  %0 = tensor.concat dim(0) %a, %b : (tensor<2x4xf32>, tensor<2x5xf32>) -> tensor<4x4xf32>
  return
}
// -----
func.func @concat_result(%a: tensor<2x4xf32>) {
  // expected-error @+1 {{'tensor.concat' op result type 'tensor<5x4xf32>'does not match inferred shape 'tensor<4x4xf32>' static sizes}}
  %0 = tensor.concat dim(0) %a, %a : (tensor<2x4xf32>, tensor<2x4xf32>) -> tensor<5x4xf32>
  return
}
// -----
func.func @reshape_count(%t: tensor<2x3xf32>, %s: tensor<1xindex>) {
  // expected-error @+1 {{'tensor.reshape' op source and destination tensor should have the same number of elements}}
  %0 = tensor.reshape %t(%s) : (tensor<2x3xf32>, tensor<1xindex>) -> tensor<7xf32>
  return
}
// -----
func.func @reshape_rank(%t: tensor<2x3xf32>, %s: tensor<2xindex>) {
  // expected-error @+1 {{'tensor.reshape' op length of shape operand differs from the result's tensor rank}}
  %0 = tensor.reshape %t(%s) : (tensor<2x3xf32>, tensor<2xindex>) -> tensor<6xf32>
  return
}
// -----
func.func @dim_rank0(%t: tensor<f32>, %i: index) {
  // expected-error @+1 {{'tensor.dim' op operand #0 must be non-0-ranked or unranked tensor, but got 'tensor<f32>'}}
  %0 = tensor.dim %t, %i : tensor<f32>
  return
}
// -----
func.func @parallel_insert_parent(%t: tensor<8x16xf32>, %s: tensor<4x4xf32>, %i: index) {
  // expected-error @+1 {{expected InParallelOpInterface parent, got:}}
  tensor.parallel_insert_slice %s into %t[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x16xf32>
  return
}
// -----
func.func @parallel_insert_size(%t: tensor<8x16xf32>, %s: tensor<4x4xf32>) -> tensor<8x16xf32> {
  %0 = scf.forall (%i) in (2) shared_outs(%o = %t) -> (tensor<8x16xf32>) {
    scf.forall.in_parallel {
      // expected-error @+1 {{expected type to be 'tensor<4x8xf32>' or a rank-reduced version. (size mismatch) }}
      tensor.parallel_insert_slice %s into %o[%i, 0] [4, 8] [1, 1] : tensor<4x4xf32> into tensor<8x16xf32>
    }
  }
  return %0 : tensor<8x16xf32>
}

