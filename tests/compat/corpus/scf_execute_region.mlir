func.func @regions(%c: i1, %a: i32, %x: f32) -> i32 {
  %r = scf.execute_region -> i32 {
    cf.cond_br %c, ^bb1, ^bb2
  ^bb1:
    scf.yield %a : i32
  ^bb2:
    %b = arith.addi %a, %a : i32
    scf.yield %b : i32
  }
  scf.execute_region {
    %u = arith.negf %x : f32
    scf.yield
  }
  %p:2 = scf.execute_region -> (i32, f32) no_inline {
    scf.yield %a, %x : i32, f32
  }
  %q = scf.execute_region -> f32 {
    scf.yield %x : f32
  } {note = 1 : i32}
  return %r : i32
}
