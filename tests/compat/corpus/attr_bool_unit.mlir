// FLAGS: --allow-unregistered-dialect
"test.bools"() {t = true, f = false, u = unit, bare, arr = [true, false, unit], d = {x, y = false}} : () -> ()
"test.bools"() <{p = true, q}> {r} : () -> ()
