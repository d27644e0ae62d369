// Unknown dialects need --allow-unregistered-dialect.
"test.op"() : () -> ()
