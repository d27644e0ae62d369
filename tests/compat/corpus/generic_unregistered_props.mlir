// FLAGS: --allow-unregistered-dialect
"test.props"() <{a = 1 : i32, b, c = "s", d = [1, 2], e = {x = 1 : i8}}> : () -> ()
"test.props_and_attrs"() <{p = 1 : i64}> {q = 2 : i64} : () -> ()
"test.empty_props"() <{}> : () -> ()
"test.holder"() ({
  "test.succ_props"()[^bb1] <{w = 3 : i16}> : () -> ()
^bb1:
  "test.end"() : () -> ()
}) : () -> ()
