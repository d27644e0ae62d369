func.func @max3(%a: i32, %b: i32, %c: i32) -> i32 {
  %ab = arith.cmpi sgt, %a, %b : i32
  %r = scf.if %ab -> (i32) {
    %ac = arith.cmpi sgt, %a, %c : i32
    %m = scf.if %ac -> (i32) {
      scf.yield %a : i32
    } else {
      scf.yield %c : i32
    }
    scf.yield %m : i32
  } else {
    %bc = arith.cmpi sgt, %b, %c : i32
    %m = arith.select %bc, %b, %c : i32
    scf.yield %m : i32
  }
  return %r : i32
}
