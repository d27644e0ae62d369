func.func @ifs(%c: i1, %a: i32, %b: i32, %x: f32) -> i32 {
  scf.if %c {
    %0 = arith.addi %a, %b : i32
  }
  scf.if %c {
  } else {
    %1 = arith.subi %a, %b : i32
  }
  scf.if %c {
    %2 = arith.muli %a, %b : i32
  } else {
    %3 = arith.divsi %a, %b : i32
  }
  %r = scf.if %c -> (i32) {
    scf.yield %a : i32
  } else {
    scf.yield %b : i32
  }
  %p:2 = scf.if %c -> (i32, f32) {
    scf.yield %a, %x : i32, f32
  } else {
    scf.yield %b, %x : i32, f32
  } {hint = "likely"}
  return %r : i32
}
