// FLAGS: --mlir-print-debuginfo --allow-unregistered-dialect
module @named_mod {
  "test.region"() ({
  ^bb0(%arg0: i64 loc("r.py":1:1)):
    "test.yield"(%arg0) : (i64) -> () loc("r.py":2:2)
  }) : () -> () loc("r.py":3:3)
  "test.maps"() {m = affine_map<(d0) -> (d0 + 1)>} : () -> () loc("m.py":1:1)
} loc("module.py":1:1)
