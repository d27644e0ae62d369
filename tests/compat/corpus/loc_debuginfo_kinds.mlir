// FLAGS: --mlir-print-debuginfo --allow-unregistered-dialect
#site = loc("site.py":10:2)
func.func @kinds(%a: i32 loc("arg0.py":1:1), %b: i32 loc(callsite("x.py":1:1 at "y.py":2:2))) -> i32 {
  %0 = arith.addi %a, %b : i32 loc(callsite("callee.py":3:4 at "caller.py":5:6))
  %1 = arith.muli %0, %0 : i32 loc(fused["a.py":1:1, "b.py":2:2])
  %2 = arith.subi %1, %0 : i32 loc(fused<"meta">["a.py":1:1, unknown])
  %3 = arith.ori %2, %2 : i32 loc("named")
  %4 = arith.ori %3, %2 : i32 loc("named"("inner.py":7:7))
  %5 = arith.andi %4, %4 : i32 loc(unknown)
  %6 = arith.andi %5, %4 : i32 loc(#site)
  %7 = arith.xori %6, %4 : i32 loc("a.py":1:1)
  %8 = arith.xori %7, %4 : i32 loc(fused["only.py":1:1])
  %9 = arith.xori %8, %4 : i32 loc(fused[unknown, "a.py":1:1, "a.py":1:1, fused["b.py":2:2, "c.py":3:3]])
  %10 = arith.xori %9, %4 : i32 loc(fused<{k = 1 : i32}>["d.py":4:4])
  "test.br"(%10)[^bb1] : (i32) -> () loc("br.py":1:1)
^bb1(%x: i32 loc("bbarg.py":9:9)):
  %11 = "test.op"() {where = loc("attr.py":1:2)} : () -> i32 loc("y.py":2:2)
  return %x : i32 loc(callsite("named"("inner.py":7:7) at callsite("c2.py":1:1 at "c3.py":2:2)))
} loc("func.py":1:1)
