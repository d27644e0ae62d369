func.func @generic(%lb: index, %x: f32, %c: i1) -> f32 {
  %0 = "scf.for"(%lb, %lb, %lb, %x) ({
  ^bb0(%i: index, %a: f32):
    "scf.yield"(%a) : (f32) -> ()
  }) : (index, index, index, f32) -> f32
  %1 = "scf.if"(%c) ({
    "scf.yield"(%0) : (f32) -> ()
  }, {
    "scf.yield"(%x) : (f32) -> ()
  }) : (i1) -> f32
  "scf.if"(%c) ({
    "scf.yield"() : () -> ()
  }, {
  }) : (i1) -> ()
  %2 = "scf.while"(%1) ({
  ^bb0(%b: f32):
    "scf.condition"(%c, %b) : (i1, f32) -> ()
  }, {
  ^bb0(%d: f32):
    "scf.yield"(%d) : (f32) -> ()
  }) : (f32) -> f32
  "scf.parallel"(%lb, %lb, %lb) <{operandSegmentSizes = array<i32: 1, 1, 1, 0>}> ({
  ^bb0(%j: index):
    "scf.reduce"() : () -> ()
  }) : (index, index, index) -> ()
  "scf.forall"(%lb) <{operandSegmentSizes = array<i32: 0, 1, 0, 0>, staticLowerBound = array<i64: 0>, staticStep = array<i64: 1>, staticUpperBound = array<i64: -9223372036854775808>}> ({
  ^bb0(%k: index):
    "scf.forall.in_parallel"() ({
    ^bb0:
    }) : () -> ()
  }) : (index) -> ()
  return %2 : f32
}
