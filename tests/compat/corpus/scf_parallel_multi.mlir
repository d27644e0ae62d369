func.func @minmax(%lb: index, %ub: index, %step: index, %lo: i32, %hi: i32) -> (i32, i32) {
  %r:2 = scf.parallel (%i, %j, %k) = (%lb, %lb, %lb) to (%ub, %ub, %ub) step (%step, %step, %step) init (%lo, %hi) -> (i32, i32) {
    %v = arith.index_cast %k : index to i32
    scf.reduce(%v, %v : i32, i32) {
    ^bb0(%a: i32, %b: i32):
      %m = arith.maxsi %a, %b : i32
      scf.reduce.return %m : i32
    }, {
    ^bb0(%a: i32, %b: i32):
      %m = arith.minsi %a, %b : i32
      scf.reduce.return %m : i32
    }
  } {parallel.tag}
  return %r#0, %r#1 : i32, i32
}
