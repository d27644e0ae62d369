"func.func"() <{function_type = (tensor<8x16xf32>, index, f32) -> (), sym_name = "generic_tensor"}> ({
^bb0(%t: tensor<8x16xf32>, %i: index, %v: f32):
  %0 = "tensor.extract_slice"(%t, %i) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: 0, -9223372036854775808>, static_sizes = array<i64: 4, 4>, static_strides = array<i64: 1, 1>}> : (tensor<8x16xf32>, index) -> tensor<4x4xf32>
  %1 = "tensor.insert_slice"(%0, %t, %i) <{operandSegmentSizes = array<i32: 1, 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808, 0>, static_sizes = array<i64: 4, 4>, static_strides = array<i64: 1, 1>}> : (tensor<4x4xf32>, tensor<8x16xf32>, index) -> tensor<8x16xf32>
  %2 = "tensor.pad"(%t, %i) <{nofold, operandSegmentSizes = array<i32: 1, 1, 0>, static_high = array<i64: 0, 0>, static_low = array<i64: -9223372036854775808, 0>}> ({
  ^bb0(%a: index, %b: index):
    "tensor.yield"(%v) : (f32) -> ()
  }) : (tensor<8x16xf32>, index) -> tensor<?x16xf32>
  %3 = "tensor.expand_shape"(%t) <{reassociation = [[0, 1], [2]], static_output_shape = array<i64: 2, 4, 16>}> : (tensor<8x16xf32>) -> tensor<2x4x16xf32>
  %4 = "tensor.collapse_shape"(%3) <{reassociation = [[0, 1, 2]]}> : (tensor<2x4x16xf32>) -> tensor<128xf32>
  %5 = "tensor.concat"(%t, %t) <{dim = 1 : i64}> : (tensor<8x16xf32>, tensor<8x16xf32>) -> tensor<8x32xf32>
  %6 = "tensor.generate"(%i) ({
  ^bb0(%a: index):
    "tensor.yield"(%v) : (f32) -> ()
  }) : (index) -> tensor<?xf32>
  %7 = "tensor.empty"(%i) {keep} : (index) -> tensor<?xf32>
  "func.return"() : () -> ()
}) : () -> ()
