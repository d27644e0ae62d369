// FLAGS: --allow-unregistered-dialect
// Attribute names cannot be empty.
"test.op"() {"" = 1 : i32} : () -> ()
