// FLAGS: --allow-unregistered-dialect
func.func @multi_region(%c: i1, %v: f32) -> f32 {
  %0 = "test.if"(%c) ({
    %1 = arith.addf %v, %v : f32
    "test.yield"(%1) : (f32) -> ()
  }, {
    %2 = arith.mulf %v, %v : f32
    "test.yield"(%2) : (f32) -> ()
  }, {
  }) : (i1) -> f32
  "test.three"() ({
    "test.a"() : () -> ()
  }, {
  ^bb0(%q: index, %r: index):
    "test.b"(%q, %r) : (index, index) -> ()
  }, {
    "test.c"() : () -> ()
  }) {test.attr} : () -> ()
  return %0 : f32
}
