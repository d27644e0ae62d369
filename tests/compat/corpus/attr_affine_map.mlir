// FLAGS: --allow-unregistered-dialect
#transpose = affine_map<(d0, d1) -> (d1, d0)>
#tile = affine_map<(i, j)[s0, s1] -> (i floordiv 4, j mod 8, i * 3 + j * s0 - s1, (i + j) ceildiv 2)>
"test.maps"() {a = #transpose, b = affine_map<(d0) -> (d0)>, c = affine_map<() -> (0)>, d = #tile, e = affine_map<(d0, d1, d2) -> (d2, d0 + 1, -d1, d0 - d1 * 2)>} : () -> ()
"test.maps"() {again = #transpose, empty = affine_map<() -> ()>, sym = affine_map<()[s0] -> (s0 * 4 + 1)>} : () -> ()
"test.map_in_array"() {m = [affine_map<(d0) -> (d0 + 2)>, affine_map<(d0) -> (d0 * 2)>, #transpose]} : () -> ()
"test.simplify"() {a = affine_map<(d0) -> (d0 + d0 + 3 - 1)>, b = affine_map<(d0) -> (2 * d0 * 3)>, c = affine_map<(d0, d1) -> ((d0 + d1) mod 1, d0 floordiv 1, d1 * 0)>, d = affine_map<(d0)[s0] -> (s0 + d0, (d0 * 4) mod 2, (d0 * 4) floordiv 2)>} : () -> ()
