// Dead pure ops vanish; unregistered ops (unknown effects) stay even when unused, and are never merged.
func.func @dead(%x: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %unused = arith.addi %x, %c1 : i32
  %u2 = arith.muli %unused, %unused : i32
  %e = "test.effect"(%x) : (i32) -> i32
  %e2 = "test.effect"(%x) : (i32) -> i32
  "test.sink"() : () -> ()
  %r = arith.addi %x, %c1 : i32
  return %r : i32
}
