// Constants in nested regions of a (non-isolated) unregistered op are hoisted and uniqued in the function
// entry block; CSE looks into the nested region but never merges across sibling regions.
func.func @nested(%x: i32) -> (i32, i32) {
  %c2 = arith.constant 2 : i32
  %a = arith.muli %x, %c2 : i32
  %r = "test.region_op"() ({
    %c2b = arith.constant 2 : i32
    %c3 = arith.constant 3 : i32
    %s = arith.addi %c2b, %c3 : i32
    %m = arith.muli %x, %c2b : i32
    %y = arith.addi %m, %s : i32
    "test.yield"(%y) : (i32) -> ()
  }, {
    %m2 = arith.muli %x, %c2 : i32
    %m3 = arith.muli %x, %c2 : i32
    %z = arith.addi %m2, %m3 : i32
    "test.yield"(%z) : (i32) -> ()
  }) : () -> i32
  return %a, %r : i32, i32
}
