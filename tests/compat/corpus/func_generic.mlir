"func.func"() <{function_type = (i32, i32) -> i32, sym_name = "add"}> ({
^bb0(%arg0: i32, %arg1: i32):
  %0 = "arith.addi"(%arg0, %arg1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
  "func.return"(%0) : (i32) -> ()
}) : () -> ()
"func.func"() <{function_type = (i32) -> (), sym_name = "decl", sym_visibility = "private", arg_attrs = [{test.x}]}> ({
}) : () -> ()
"func.func"() <{function_type = () -> i32, sym_name = "user"}> ({
  %0 = "arith.constant"() <{value = 7 : i32}> : () -> i32
  %1 = "func.call"(%0, %0) <{callee = @add}> : (i32, i32) -> i32
  "func.call"(%1) <{callee = @decl}> : (i32) -> ()
  %2 = "func.constant"() <{value = @add}> : () -> ((i32, i32) -> i32)
  %3 = "func.call_indirect"(%2, %1, %1) : ((i32, i32) -> i32, i32, i32) -> i32
  "func.return"(%3) : (i32) -> ()
}) {test.attr = [1, 2]} : () -> ()
