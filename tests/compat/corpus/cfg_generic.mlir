// FLAGS: --allow-unregistered-dialect
"func.func"() <{function_type = (i64) -> i64, sym_name = "generic_cfg"}> ({
^bb0(%arg0: i64):
  "test.br"(%arg0)[^bb2] : (i64) -> ()
^bb1(%0: i64):
  "func.return"(%0) : (i64) -> ()
^bb2(%1: i64):
  %2 = "arith.muli"(%1, %1) <{overflowFlags = #arith.overflow<none>}> : (i64, i64) -> i64
  "test.br"(%2)[^bb1] : (i64) -> ()
}) : () -> ()
