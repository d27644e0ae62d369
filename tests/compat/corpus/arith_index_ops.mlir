func.func @index_ops(%i: index, %j: index, %v: vector<4xindex>) -> index {
  %c0 = arith.constant 0 : index
  %c16 = arith.constant 16 : index
  %0 = arith.addi %i, %j : index
  %1 = arith.muli %0, %c16 overflow<nsw, nuw> : index
  %2 = arith.ceildivsi %1, %c16 : index
  %3 = arith.floordivsi %2, %j : index
  %4 = arith.remui %3, %c16 : index
  %5 = arith.maxsi %4, %c0 : index
  %6 = arith.minui %5, %j : index
  %7 = arith.cmpi ult, %6, %i : index
  %8 = arith.select %7, %6, %i : index
  %9 = arith.index_cast %8 : index to i64
  %10 = arith.index_castui %9 : i64 to index
  %11 = arith.andi %v, %v : vector<4xindex>
  %12 = arith.index_cast %11 : vector<4xindex> to vector<4xi32>
  return %10 : index
}
