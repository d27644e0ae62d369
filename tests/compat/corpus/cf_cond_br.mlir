func.func @cond(%c: i1, %a: i32, %b: i32) -> i32 {
  cf.cond_br %c, ^bb1(%a : i32), ^bb2
^bb1(%x: i32):
  cf.cond_br %c weights([90, 10]), ^bb2, ^bb3(%x, %b : i32, i32)
^bb2:
  cf.br ^bb3(%b, %a : i32, i32)
^bb3(%p: i32, %q: i32):
  %s = arith.addi %p, %q : i32
  cf.cond_br %c, ^bb4, ^bb5(%s : i32) {cond.tag = 3 : i64}
^bb4:
  return %s : i32
^bb5(%r: i32):
  return %r : i32
}
