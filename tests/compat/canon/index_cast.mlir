// index_cast (sign-extending) and index_castui (zero-extending) folds and round trips.
func.func @index_casts(%x: i32, %i: index, %s: i8) -> (index, index, i8, i32, index, index, index, index) {
  %m = arith.constant -1 : i32
  %0 = arith.index_cast %m : i32 to index
  %1 = arith.index_castui %m : i32 to index
  %big = arith.constant 4294967297 : index
  %2 = arith.index_cast %big : index to i8
  %r = arith.index_cast %x : i32 to index
  %3 = arith.index_cast %r : index to i32
  %n = arith.index_cast %i : index to i16
  %4 = arith.index_cast %n : i16 to index
  %u = arith.index_castui %i : index to i16
  %5 = arith.index_castui %u : i16 to index
  %e = arith.extsi %s : i8 to i32
  %6 = arith.index_cast %e : i32 to index
  %z = arith.extui %s : i8 to i32
  %7 = arith.index_castui %z : i32 to index
  return %0, %1, %2, %3, %4, %5, %6, %7 : index, index, i8, i32, index, index, index, index
}
