memref.global "private" constant @c0 : memref<2xf32> = dense<[1.0, 2.5]>
memref.global "private" constant @c1 : memref<2x2xi32> = dense<[[1, 2], [3, 4]]> alignment = 64
memref.global @g0 : memref<4xf32> = uninitialized
memref.global "public" @g1 : memref<8xi8>
memref.global "private" @g2 : memref<3xf64, 1> = dense<0.0>
memref.global @g3 : memref<i64> = dense<7> {tag}
memref.global "private" @g4 : memref<4xi1> = dense<[true, false, true, true]> alignment = 8 {a = 1 : i32}
memref.global "nested" constant @"odd name" : memref<1xf16> = dense<1.5>
func.func @use() -> memref<2xf32> {
  %0 = memref.get_global @c0 : memref<2xf32>
  %1 = memref.get_global @c1 : memref<2x2xi32>
  %2 = memref.get_global @g2 : memref<3xf64, 1>
  %3 = memref.get_global @"odd name" : memref<1xf16> {tag}
  return %0 : memref<2xf32>
}
