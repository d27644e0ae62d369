// FLAGS: --allow-unregistered-dialect
#strided2d = affine_map<(d0, d1)[s0] -> (d0 * 16 + d1 + s0)>
func.func private @plain(memref<f32>, memref<4xf32>, memref<?x4xi32>, memref<2x?x?xindex>, memref<0xf32>) -> ()
func.func private @unranked(memref<*xf32>, memref<*xi8, 1>, memref<*xf16, "gpu">) -> ()
func.func private @spaces(memref<4xf32, 0>, memref<4xf32, 1>, memref<4xf32, 7 : i32>, memref<4xf32, "sram">, memref<4xf32, #test.space<global>>) -> ()
func.func private @affine_layouts(memref<4x4xf32, #strided2d>, memref<8xf32, affine_map<(d0) -> (d0 + 3)>>, memref<4x4xf32, affine_map<(d0, d1) -> (d1, d0)>, 2>) -> ()
func.func private @identity_layout(memref<4x4xf32, affine_map<(d0, d1) -> (d0, d1)>>, memref<4xf32, affine_map<(d0) -> (d0)>, 3>) -> ()
func.func private @strided(memref<4x4xf32, strided<[4, 1]>>, memref<4x4xf32, strided<[4, 1], offset: 0>>, memref<?x?xf32, strided<[?, 1], offset: ?>>, memref<8xi8, strided<[2], offset: 5>, 1>, memref<2x3xf32, strided<[3, 1]>>, memref<f32, strided<[], offset: 4>>) -> ()
func.func private @complex_elements(memref<4xcomplex<f32>>, memref<2xvector<4xi8>>, memref<3xmemref<2xf32>>) -> ()
