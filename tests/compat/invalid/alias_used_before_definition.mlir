// FLAGS: --allow-unregistered-dialect
// Attribute aliases must be defined before they are used (only location aliases may come later).
#dict = {m = #later}
#later = affine_map<(d0) -> (d0)>
"test.op"() {d = #dict} : () -> ()
