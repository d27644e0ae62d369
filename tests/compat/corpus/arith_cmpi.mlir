func.func @cmpi(%a: i32, %b: i32, %i: index, %v: vector<4xi8>, %t: tensor<2x?xi64>, %u: tensor<*xi1>) {
  %0 = arith.cmpi eq, %a, %b : i32
  %1 = arith.cmpi ne, %a, %b : i32
  %2 = arith.cmpi slt, %a, %b : i32
  %3 = arith.cmpi sle, %a, %b : i32
  %4 = arith.cmpi sgt, %a, %b : i32
  %5 = arith.cmpi sge, %a, %b : i32
  %6 = arith.cmpi ult, %a, %b : i32
  %7 = arith.cmpi ule, %a, %b : i32
  %8 = arith.cmpi ugt, %a, %b : i32
  %9 = arith.cmpi uge, %a, %b : i32
  %10 = arith.cmpi slt, %i, %i : index
  %11 = arith.cmpi ne, %v, %v : vector<4xi8>
  %12 = arith.cmpi uge, %t, %t : tensor<2x?xi64>
  %13 = arith.cmpi eq, %u, %u : tensor<*xi1>
  %14 = "arith.cmpi"(%a, %b) <{predicate = 9 : i64}> {test.x} : (i32, i32) -> i1
  return
}
