// func.constant is constant-like (hoisted and uniqued); call_indirect of a known callee becomes a direct call.
func.func private @g(i32) -> i32

func.func @indirect(%x: i32) -> i32 {
  %f = func.constant @g : (i32) -> i32
  %r = func.call_indirect %f(%x) : (i32) -> i32
  return %r : i32
}

func.func @hoisted(%x: i32) -> ((i32) -> i32, i32) {
  %y = arith.addi %x, %x : i32
  %f = func.constant @g : (i32) -> i32
  %f2 = func.constant @g : (i32) -> i32
  "test.use"(%f, %f2) : ((i32) -> i32, (i32) -> i32) -> ()
  return %f, %y : (i32) -> i32, i32
}
