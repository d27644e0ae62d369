func.func @switch(%i: index, %a: i32, %b: i32) -> i32 {
  %r = scf.index_switch %i -> i32
  case 0 {
    scf.yield %a : i32
  }
  case 7 {
    %s = arith.addi %a, %b : i32
    scf.yield %s : i32
  }
  case -2 {
    scf.yield %b : i32
  }
  default {
    scf.yield %b : i32
  }
  scf.index_switch %i
  case 1 {
    %t = arith.muli %a, %b : i32
    scf.yield
  }
  default {
  }
  %p:2 = scf.index_switch %i {tag} -> i32, i32
  default {
    scf.yield %a, %b : i32, i32
  }
  return %r : i32
}
