// FLAGS: --allow-unregistered-dialect
"test.arrays"() {empty = [], flat = [1, "two", 3.0 : f32, i8], nested = [[1, 2], [], [[3]]], mixed = [@sym, {k = 1 : i32}, [unit]]} : () -> ()
"test.dicts"() {empty = {}, nested = {b = {c = {d = 1 : i32}}, a = "first"}, sorted = {z = 1 : i32, a = 2 : i32, m = 3 : i32}} : () -> ()
"test.order"() {zeta = 1 : i32, alpha = 2 : i32, Beta = 3 : i32, _x = 4 : i32, a1 = 5 : i32, a10 = 6 : i32, a2 = 7 : i32} : () -> ()
