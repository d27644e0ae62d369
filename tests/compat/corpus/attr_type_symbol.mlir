// FLAGS: --allow-unregistered-dialect
"test.types"() {a = i32, b = f16, c = index, d = tensor<4x?xf32>, e = memref<2xi8, 1>, f = (i1, i2) -> i3, g = !test.t<5>, h = tuple<>, i = vector<2x[4]xf32>, j = none, k = complex<f64>} : () -> ()
"test.symbols"() {a = @flat, b = @outer::@inner, c = @a::@b::@c, d = @"quoted sym", e = @"outer q"::@"inner q", f = [@x, @y::@z], g = @sym.with.dots, h = @"1st"} : () -> ()
