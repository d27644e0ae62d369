"builtin.module"() <{sym_name = "gen"}> ({
  "builtin.module"() <{sym_name = "inner", sym_visibility = "private"}> ({
  ^bb0:
  }) {test.x = 1 : i32} : () -> ()
  "builtin.module"() ({
    "func.func"() <{function_type = () -> (), sym_name = "g"}> ({
      "func.return"() : () -> ()
    }) : () -> ()
  }) : () -> ()
}) : () -> ()
