// FLAGS: --allow-unregistered-dialect
// 256 does not fit in 8 bits.
"test.op"() {v = 256 : i8} : () -> ()
