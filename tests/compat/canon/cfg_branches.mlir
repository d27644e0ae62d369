// Multi-block functions: CSE along the dominator tree, dead block arguments and unreachable blocks removed.
func.func @cfg(%c: i1, %x: i32, %y: i32) -> i32 {
  %a = arith.addi %x, %y : i32
  cf.cond_br %c, ^bb1, ^bb2
^bb1:
  %b = arith.addi %x, %y : i32
  %m = arith.muli %b, %b : i32
  cf.br ^bb3(%m : i32)
^bb2:
  %m2 = arith.muli %a, %a : i32
  %d = arith.addi %y, %x : i32
  cf.br ^bb3(%m2 : i32)
^bb3(%r: i32):
  %m3 = arith.muli %a, %a : i32
  %s = arith.addi %r, %m3 : i32
  return %s : i32
}

func.func @dead_block_arg(%c: i1, %x: i32) -> i32 {
  cf.cond_br %c, ^bb1(%x : i32), ^bb2(%x : i32)
^bb1(%p: i32):
  %q = arith.addi %p, %p : i32
  cf.br ^bb3(%q : i32)
^bb2(%r: i32):
  cf.br ^bb3(%r : i32)
^bb3(%u: i32):
  "test.use"() : () -> ()
  return %x : i32
}

func.func @unreachable(%x: i32) -> i32 {
  return %x : i32
^bb1:
  %y = arith.addi %x, %x : i32
  cf.br ^bb2
^bb2:
  "test.sink"(%y) : (i32) -> ()
  cf.br ^bb1
}

func.func @loop(%n: index) -> index {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  cf.br ^bb1(%c0, %c0 : index, index)
^bb1(%i: index, %dead: index):
  %cond = arith.cmpi slt, %i, %n : index
  %dead2 = arith.addi %dead, %c1 : index
  cf.cond_br %cond, ^bb2, ^bb3
^bb2:
  %next = arith.addi %i, %c1 : index
  cf.br ^bb1(%next, %dead2 : index, index)
^bb3:
  return %i : index
}
