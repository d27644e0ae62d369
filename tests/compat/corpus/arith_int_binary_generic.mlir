"func.func"() <{function_type = (i64, i64) -> (), sym_name = "int_binary_generic"}> ({
^bb0(%x: i64, %y: i64):
  %0 = "arith.addi"(%x, %y) <{overflowFlags = #arith.overflow<nsw>}> : (i64, i64) -> i64
  %1 = "arith.subi"(%x, %y) <{overflowFlags = #arith.overflow<nuw>}> : (i64, i64) -> i64
  %2 = "arith.muli"(%x, %y) <{overflowFlags = #arith.overflow<nsw, nuw>}> : (i64, i64) -> i64
  %3 = "arith.shli"(%x, %y) <{overflowFlags = #arith.overflow<none>}> : (i64, i64) -> i64
  %4 = "arith.divsi"(%x, %y) : (i64, i64) -> i64
  %5 = "arith.divui"(%x, %y) : (i64, i64) -> i64
  %6 = "arith.ceildivsi"(%x, %y) : (i64, i64) -> i64
  %7 = "arith.ceildivui"(%x, %y) : (i64, i64) -> i64
  %8 = "arith.floordivsi"(%x, %y) : (i64, i64) -> i64
  %9 = "arith.remsi"(%x, %y) : (i64, i64) -> i64
  %10 = "arith.remui"(%x, %y) : (i64, i64) -> i64
  %11 = "arith.andi"(%x, %y) : (i64, i64) -> i64
  %12 = "arith.ori"(%x, %y) : (i64, i64) -> i64
  %13 = "arith.xori"(%x, %y) : (i64, i64) -> i64
  %14 = "arith.shrsi"(%x, %y) : (i64, i64) -> i64
  %15 = "arith.shrui"(%x, %y) : (i64, i64) -> i64
  %16 = "arith.maxsi"(%x, %y) : (i64, i64) -> i64
  %17 = "arith.maxui"(%x, %y) : (i64, i64) -> i64
  %18 = "arith.minsi"(%x, %y) : (i64, i64) -> i64
  %19 = "arith.minui"(%x, %y) {test.tag} : (i64, i64) -> i64
  "func.return"() : () -> ()
}) : () -> ()
