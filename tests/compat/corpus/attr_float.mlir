// FLAGS: --allow-unregistered-dialect
"test.floats"() {a = 1.0, b = -2.5 : f32, c = 0.1 : f16, d = 1.0e100, e = 1.5e-7 : f32, f = 0.0 : bf16, g = -0.0, h = 0x7FF8000000000000, i = 0x7F800000 : f32, j = 3.0e+38 : f32, k = 1.0E-45 : f32, l = 9.99999e-1 : f32} : () -> ()
"test.floats_in_array"() {a = [1.0, 2.0 : f32, -3.5, 4.25 : f64, 0.5 : bf16]} : () -> ()
"test.float_precision"() {a = 0.1 : f64} : () -> ()
