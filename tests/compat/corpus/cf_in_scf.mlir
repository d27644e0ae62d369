func.func @cfg_in_region(%c: i1, %n: i32) -> i32 {
  %r = scf.execute_region -> i32 {
    cf.cond_br %c, ^bb1(%n : i32), ^bb2
  ^bb1(%x: i32):
    cf.switch %x : i32, [
      default: ^bb2,
      1: ^bb3(%x : i32)
    ]
  ^bb2:
    cf.assert %c, "unreachable"
    cf.br ^bb3(%n : i32)
  ^bb3(%y: i32):
    scf.yield %y : i32
  }
  return %r : i32
}
