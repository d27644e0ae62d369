// FLAGS: --allow-unregistered-dialect
// arith does not allow unknown operations, even with --allow-unregistered-dialect.
"arith.not_an_op"() : () -> ()
