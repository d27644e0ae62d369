// FLAGS: --mlir-print-debuginfo --allow-unregistered-dialect
// File locations with ranges (FileLineColRange) and without a column.
"test.a"() : () -> () loc("a.py":1:2 to 3:4)
"test.b"() : () -> () loc("a.py":1:2 to :7)
"test.c"() : () -> () loc("a.py":5)
"test.d"() : () -> () loc("a.py":1:3 to 1:3)
"test.e"() : () -> () loc(callsite("a.py":1:2 to :9 at "b.py":3))
"test.f"() ({
^bb0(%x: i32 loc("arg.py":2:1 to 2:5)):
  "test.g"(%x) : (i32) -> () loc(fused["a.py":1:2 to 3:4, "a.py":1:2])
}) : () -> ()
