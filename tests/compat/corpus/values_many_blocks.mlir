// FLAGS: --allow-unregistered-dialect
func.func @blocks(%c: i1) {
  %0 = "test.v"() : () -> i32
  "test.cond_br"(%c)[^bb1, ^bb2] : (i1) -> ()
^bb1:
  %1 = "test.v"() : () -> i32
  "test.br"()[^bb3] : () -> ()
^bb2:
  %2 = "test.v"() : () -> i32
  "test.br"()[^bb3] : () -> ()
^bb3:
  %3 = "test.region"() ({
    %4 = "test.v"() : () -> i32
    "test.br"()[^bb1] : () -> ()
  ^bb1:
    "test.yield"(%4) : (i32) -> ()
  }) : () -> i32
  %5 = "test.v"() : () -> i32
  return
}
