// cmpi eq/ne of two same-typed extensions compares the narrow values; other predicates do not narrow.
func.func @cmpi_ext(%a: i8, %b: i8, %c: i16) -> (i1, i1, i1, i1) {
  %ea = arith.extsi %a : i8 to i32
  %eb = arith.extsi %b : i8 to i32
  %0 = arith.cmpi eq, %ea, %eb : i32
  %ua = arith.extui %a : i8 to i64
  %ub = arith.extui %b : i8 to i64
  %1 = arith.cmpi ne, %ua, %ub : i64
  %2 = arith.cmpi slt, %ea, %eb : i32
  %ec = arith.extsi %c : i16 to i32
  %3 = arith.cmpi eq, %ea, %ec : i32
  return %0, %1, %2, %3 : i1, i1, i1, i1
}
