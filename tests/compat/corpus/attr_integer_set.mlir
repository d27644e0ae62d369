// FLAGS: --allow-unregistered-dialect
#inside = affine_set<(d0, d1)[s0] : (d0 >= 0, s0 - d0 - 1 >= 0, d1 == 0)>
"test.sets"() {a = #inside, b = affine_set<(d0) : (d0 - 10 >= 0)>, c = affine_set<(i, j) : (i - j >= 0, i + j <= 10, i * 2 == j)>} : () -> ()
"test.sets"() {d = #inside, e = affine_set<()[s0] : (s0 >= 0)>, m = affine_map<(d0) -> (d0)>} : () -> ()
