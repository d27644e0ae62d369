"memref.global"() <{alignment = 16 : i64, constant, initial_value = dense<[1, 2, 3, 4]> : tensor<4xi32>, sym_name = "tbl", sym_visibility = "private", type = memref<4xi32>}> : () -> ()
"func.func"() <{function_type = (index, f32) -> (), sym_name = "generic_memref"}> ({
^bb0(%i: index, %v: f32):
  %0 = "memref.alloc"(%i) <{alignment = 32 : i64, operandSegmentSizes = array<i32: 1, 0>}> : (index) -> memref<?x16xf32>
  %1 = "memref.subview"(%0, %i) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808, 0>, static_sizes = array<i64: 4, 4>, static_strides = array<i64: 1, 1>}> : (memref<?x16xf32>, index) -> memref<4x4xf32, strided<[16, 1], offset: ?>>
  "memref.store"(%v, %1, %i, %i) <{nontemporal = true}> : (f32, memref<4x4xf32, strided<[16, 1], offset: ?>>, index, index) -> ()
  %2 = "memref.load"(%1, %i, %i) <{alignment = 4 : i64}> : (memref<4x4xf32, strided<[16, 1], offset: ?>>, index, index) -> f32
  %3 = "memref.expand_shape"(%0, %i) <{reassociation = [[0], [1, 2]], static_output_shape = array<i64: -9223372036854775808, 4, 4>}> : (memref<?x16xf32>, index) -> memref<?x4x4xf32>
  %4 = "memref.collapse_shape"(%3) <{reassociation = [[0, 1, 2]]}> : (memref<?x4x4xf32>) -> memref<?xf32>
  %5 = "memref.reinterpret_cast"(%4, %i) <{operandSegmentSizes = array<i32: 1, 0, 1, 0>, static_offsets = array<i64: 0>, static_sizes = array<i64: -9223372036854775808>, static_strides = array<i64: 1>}> : (memref<?xf32>, index) -> memref<?xf32>
  %6 = "memref.get_global"() <{name = @tbl}> : () -> memref<4xi32>
  %7 = "memref.transpose"(%0) <{permutation = affine_map<(d0, d1) -> (d1, d0)>}> : (memref<?x16xf32>) -> memref<16x?xf32, strided<[1, 16]>>
  "memref.dealloc"(%0) : (memref<?x16xf32>) -> ()
  "func.return"() : () -> ()
}) : () -> ()
