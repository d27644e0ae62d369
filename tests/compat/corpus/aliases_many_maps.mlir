// FLAGS: --allow-unregistered-dialect
func.func @maps(%m: memref<4x4xf32, affine_map<(d0, d1) -> (d1, d0)>>) attributes {test.s = affine_set<(d0) : (d0 == 0)>} {
  "test.op"() {a = affine_map<(d0) -> (d0)>, b = affine_map<(d0, d1) -> (d1, d0)>, c = affine_map<(d0)[s0] -> (d0 + s0)>} : () -> ()
  "test.op"() ({
    "test.inner"() {x = affine_set<(d0) : (d0 >= 0)>, y = affine_map<() -> (42)>} : () -> ()
  }) {z = affine_map<(d0) -> (d0 floordiv 2)>} : () -> ()
  %0 = "test.result"() <{p = affine_map<(d0) -> (d0 mod 3)>}> : () -> memref<8xf32, affine_map<(d0) -> (d0 + 8)>>
  %1 = "test.result"() <{p = affine_map<(d0) -> (d0 + 8)>}> : () -> i1
  return
}
func.func private @decl(memref<2xf32, affine_map<(d0) -> (d0 ceildiv 5)>> {test.m = affine_map<(d0) -> (d0 * 7)>}) -> (memref<2xf32, affine_map<(d0) -> (d0 * 9)>> {test.r = affine_map<(d0) -> (d0 * 10)>})
func.func @body(%a: memref<2xf32, affine_map<(d0) -> (d0 * 11)>> {test.m = affine_map<(d0) -> (d0 * 12)>}) -> (i32 {test.r = affine_map<(d0) -> (d0 * 13)>}) {
  %c = arith.constant 0 : i32
  return %c : i32
}
