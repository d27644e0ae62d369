func.func @asserts(%c: i1, %a: i32, %b: i32) {
  cf.assert %c, "must hold"
  %eq = arith.cmpi eq, %a, %b : i32
  cf.assert %eq, "a == b: \"quoted\"\n"
  cf.assert %eq, "" {severity = 2 : i32}
  return
}
