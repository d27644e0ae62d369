// FLAGS: --allow-unregistered-dialect
// Locations are parsed but not printed without --mlir-print-debuginfo, except as attribute values.
#l = loc("alias.py":1:1)
func.func @f(%a: i32 loc("arg.py":1:1)) -> i32 {
  %0 = arith.addi %a, %a : i32 loc(#l)
  "test.op"() {l = loc("attr.py":4:4), m = loc(fused["p.py":1:1, "q.py":2:2]), n = #l} : () -> () loc(unknown)
  return %0 : i32 loc(callsite("a.py":1:1 at "b.py":2:2))
} loc("f.py":3:3)
