// select: constant conditions, equal arms, i1 selects, select of a cmpi, and the select patterns.
func.func @select_folds(%c: i1, %a: i32, %b: i32) -> (i32, i32, i32, i1, i32, i32) {
  %true = arith.constant true
  %false = arith.constant false
  %0 = arith.select %true, %a, %b : i32
  %1 = arith.select %false, %a, %b : i32
  %2 = arith.select %c, %a, %a : i32
  %3 = arith.select %c, %true, %false : i1
  %eq = arith.cmpi eq, %a, %b : i32
  %4 = arith.select %eq, %a, %b : i32
  %ne = arith.cmpi ne, %a, %b : i32
  %5 = arith.select %ne, %a, %b : i32
  return %0, %1, %2, %3, %4, %5 : i32, i32, i32, i1, i32, i32
}

func.func @select_patterns(%c: i1, %d: i1, %a: i32, %b: i32, %e: i32) -> (i32, i32, i32, i1, i32, i32) {
  %true = arith.constant true
  %false = arith.constant false
  %not = arith.xori %c, %true : i1
  %0 = arith.select %not, %a, %b : i32
  %in = arith.select %c, %a, %b : i32
  %1 = arith.select %c, %in, %e : i32
  %2 = arith.select %c, %e, %in : i32
  %3 = arith.select %d, %false, %true : i1
  %one = arith.constant 1 : i32
  %zero = arith.constant 0 : i32
  %4 = arith.select %d, %one, %zero : i32
  %5 = arith.select %d, %zero, %one : i32
  return %0, %1, %2, %3, %4, %5 : i32, i32, i32, i1, i32, i32
}

func.func @select_vector(%c: vector<4xi1>, %a: vector<4xf32>) -> (vector<4xf32>, vector<4xi32>) {
  %0 = arith.select %c, %a, %a : vector<4xi1>, vector<4xf32>
  %m = arith.constant dense<[true, false, true, false]> : vector<4xi1>
  %x = arith.constant dense<[1, 2, 3, 4]> : vector<4xi32>
  %y = arith.constant dense<[10, 20, 30, 40]> : vector<4xi32>
  %1 = arith.select %m, %x, %y : vector<4xi1>, vector<4xi32>
  return %0, %1 : vector<4xf32>, vector<4xi32>
}
