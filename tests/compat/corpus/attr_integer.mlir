// FLAGS: --allow-unregistered-dialect
"test.ints"() {a = 0, b = -1, c = 42 : i8, d = 255 : i8, e = 65535 : ui16, f = -5 : si8, g = 7 : index, h = 1 : i1, i = 0 : i1, j = 18446744073709551615 : ui64, k = 0x10 : i32, l = -9223372036854775808, m = 3 : si64, n = 100 : i128, o = 1 : ui1} : () -> ()
"test.ints_in_array"() {a = [1, -2 : i32, 3 : index, 4 : ui8, true, 0]} : () -> ()
