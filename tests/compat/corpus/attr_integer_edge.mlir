// FLAGS: --allow-unregistered-dialect
"test.edge"() {a = 18446744073709551615 : ui64, b = 9223372036854775807 : si64, c = -9223372036854775808 : si64, d = 340282366920938463463374607431768211455 : ui128, e = -170141183460469231731687303715884105728 : i128, f = 1 : i1, g = 0 : ui1, h = -1 : i1, i = 0x7FFFFFFF : i32, j = 0xFFFFFFFF : i32, k = 0xffff : ui16, l = 7 : i3, m = -4 : si3, n = 9223372036854775807 : index} : () -> ()
"test.edge_arrays"() {a = array<i1: true, false>, b = array<i64: 9223372036854775807>, c = array<i16: -32768, 32767>, d = array<i32: 0x7FFFFFFF>} : () -> ()
