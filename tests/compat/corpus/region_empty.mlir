// FLAGS: --allow-unregistered-dialect
"test.empty_region"() ({
}) : () -> ()
"test.empty_block"() ({
^bb0:
}) : () -> ()
"test.empty_entry_with_args"() ({
^bb0(%a: i32, %b: f32):
}) : () -> ()
"test.two_empty"() ({
}, {
}) : () -> ()
"test.empty_then_block"() ({
^bb0:
  "test.op"() : () -> ()
}) : () -> ()
%r = "test.with_result"() ({
^entry:
}) : () -> i32
