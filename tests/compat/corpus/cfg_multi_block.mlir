// FLAGS: --allow-unregistered-dialect
func.func @cfg(%n: i32, %flag: i1) -> i32 {
  %c0 = arith.constant 0 : i32
  "test.br"(%c0)[^loop] : (i32) -> ()
^loop(%i: i32):
  %next = arith.addi %i, %n : i32
  %done = arith.cmpi sge, %next, %n : i32
  "test.cond_br"(%done, %next, %i)[^exit, ^loop] <{operandSegmentSizes = array<i32: 1, 1, 1>}> : (i1, i32, i32) -> ()
^exit(%r: i32):
  "test.br"(%r)[^ret] : (i32) -> ()
^unreachable:
  "test.br"(%c0)[^ret] : (i32) -> ()
^ret(%out: i32):
  return %out : i32
}
