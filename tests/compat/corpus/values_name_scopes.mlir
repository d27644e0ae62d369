// FLAGS: --allow-unregistered-dialect
func.func @scopes(%x: i32) {
  %c0 = arith.constant 0 : i32
  "test.region"() ({
    %c0_0 = arith.constant 0 : i32
    %c1 = arith.constant 1 : i32
    "test.region"() ({
    ^bb0(%y: i32):
      %c1_1 = arith.constant 1 : i32
      %v = arith.addi %y, %c1_1 : i32
      "test.yield"(%v) : (i32) -> ()
    }) : () -> ()
    "test.yield"() : () -> ()
  }) : () -> ()
  "test.region"() ({
    %c0_2 = arith.constant 0 : i32
    %w = arith.addi %c0_2, %x : i32
    "test.yield"() : () -> ()
  }) : () -> ()
  %after = arith.constant 0 : i32
  return
}
func.func @second(%x: i32) {
  %c0 = arith.constant 0 : i32
  return
}
