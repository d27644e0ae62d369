// FLAGS: --allow-unregistered-dialect
// A dictionary attribute may not repeat a key.
"test.op"() {a = 1 : i32, a = 2 : i32} : () -> ()
