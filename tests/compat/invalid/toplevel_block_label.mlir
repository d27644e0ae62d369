// FLAGS: --allow-unregistered-dialect
// The top level of a file is one block: block labels are not allowed there.
"test.br"()[^bb1] : () -> ()
^bb1:
"test.end"() : () -> ()
