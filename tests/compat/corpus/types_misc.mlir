// FLAGS: --allow-unregistered-dialect
func.func private @functions(() -> (), (i32) -> i32, (i32, f32) -> (i1, i1), () -> (() -> ())) -> ()
func.func private @tuples(tuple<>, tuple<i32>, tuple<i32, f32, tuple<index, none>>, tuple<tensor<2xf32>, memref<?xi8>>) -> ()
func.func private @complexes(complex<f32>, complex<f64>, complex<i32>, complex<bf16>) -> ()
func.func private @nones(none, index) -> none
func.func @type_attrs() {
  "test.op"() {a = i32, b = tuple<i1, complex<f16>>, c = (i32) -> (), d = none, e = !test.t, f = vector<[2]xi8>, g = memref<*xf32>} : () -> ()
  return
}
