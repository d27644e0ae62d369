// FLAGS: --allow-unregistered-dialect
// Aliases in the input are expanded; only #map/#set/#loc aliases are printed.
!vec = vector<4xf32>
!pair = tuple<!vec, i32>
!fn = (!vec) -> !pair
#one = 1 : i32
#arr = [#one, "x", !vec]
#map_in = affine_map<(d0) -> (d0 * 2)>
#dict = {k = #arr, m = #map_in}
#set_in = affine_set<(d0) : (d0 >= 0)>
func.func @aliases(%v: !vec, %f: !fn) -> !pair {
  %0 = func.call_indirect %f(%v) : !fn
  "test.op"() {a = #one, b = #arr, c = #dict, d = #set_in, e = !pair} : () -> ()
  return %0 : !pair
}
