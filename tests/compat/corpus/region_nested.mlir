// FLAGS: --allow-unregistered-dialect
func.func @nested(%x: i32) -> i32 {
  %0 = "test.outer"(%x) ({
  ^bb0(%a: i32):
    %1 = "test.middle"(%a) ({
    ^bb0(%b: i32):
      %2 = arith.addi %a, %b : i32
      %3 = "test.inner"(%2) ({
        %c = arith.constant 1 : i32
        "test.yield"(%c) : (i32) -> ()
      }) : (i32) -> i32
      "test.yield"(%3) : (i32) -> ()
    }) : (i32) -> i32
    "test.yield"(%1) : (i32) -> ()
  }) : (i32) -> i32
  %4 = "test.sibling"() ({
    %5 = arith.constant 2 : i32
    "test.yield"(%5) : (i32) -> ()
  }) : () -> i32
  %6 = arith.addi %0, %4 : i32
  return %6 : i32
}
