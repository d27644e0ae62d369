// FLAGS: --allow-unregistered-dialect
"test.exprs"() {
  a = affine_map<(d0, d1) -> (d0 * -1 + d1, -(d0 + d1), d0 - (d1 + 2), (d0 floordiv 2) * 4, d0 mod 2 + d1 * -3)>,
  b = affine_map<(d0, d1)[s0, s1] -> (d0 * s0, s1 * d1 + s0, (d0 + s0) floordiv s1, d1 mod s0, d0 ceildiv (s0 * 2))>,
  c = affine_map<(d0, d1) -> (-d0, -d0 - d1, d0 * -2 - d1 * 3, 2 - d0, -5 + d1)>,
  d = affine_map<(d0) -> ((d0 + 1) * 2, (d0 * 2 + 2) floordiv 2, (d0 floordiv 4) floordiv 8, (d0 mod 8) mod 4, d0 * 3 * 5)>,
  e = affine_map<(d0, d1, d2) -> (d0 + d1 + d2, d2 + d1 + d0, d0 + (d1 + d2), (d0 + d1) * 2 + d2)>,
  f = affine_map<(d0)[s0] -> (s0, 3, -7, s0 + 1, s0 * 4 - 1)>,
  g = affine_map<(d0, d1) -> (d0 mod 4 + (d1 floordiv 3) * 12 - 1)>,
  h = affine_map<(d0)[s0] -> (d0 + s0 * -1, d0 - s0 * 2, (d0 - s0) ceildiv 4)>,
  i = affine_map<(d0, d1)[s0] -> (d1 * 2 + d0, s0 * 3 + d0 * 4, d0 floordiv -2)>,
  j = affine_map<(d0, d1)[s0] -> (d0 - (d0 floordiv 4) * 4, d0 - (d0 floordiv s0) * s0, (d0 * 4 + d1 * 8) floordiv 4, (d0 * 4 + d1) floordiv 4, (d0 + d1 * 8) mod 4, (d0 * 4 * s0) mod 2, (d0 * 8 + 4) ceildiv 4, d1 * 1 + d0 * 1, s0 * d1 + s0 * d0)>,
  k = affine_map<(d0, d1, d2)[s0, s1] -> (d1 + d0, s1 + s0, s1 * s0, d2 + d1 + d0 + 1, d1 + 1 + d0, (d2 + d1) + (d1 + d0), s0 + d1 + d0)>,
  s = affine_set<(d0, d1)[s0] : (d0 - d1 >= 0, -d0 + s0 - 1 >= 0, d0 * 2 + d1 == 0, d1 <= 10, 5 >= d0)>
} : () -> ()
