// A generic builtin.module needs exactly one block.
"builtin.module"() ({
}) : () -> ()
