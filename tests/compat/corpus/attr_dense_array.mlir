// FLAGS: --allow-unregistered-dialect
"test.arrays"() {a = array<i64: 1, 2, 3>, b = array<i32>, c = array<i1: true, false, true>, d = array<i8: -128, 127>, e = array<i16: 0>, f = array<f32: 1.0, 2.5, -0.0>, g = array<f64: 0.1, 1.0e300>, h = array<i64: -9223372036854775808>} : () -> ()
"test.arrays_props"() <{sizes = array<i32: 1, 0, 2>}> {empty_f = array<f64>, one = array<i1: false>} : () -> ()
