func.func @misc_generic(%a: i32, %f: f64, %c: i1, %v: vector<2xi32>) {
  %0 = "arith.cmpi"(%a, %a) <{predicate = 4 : i64}> : (i32, i32) -> i1
  %1 = "arith.cmpf"(%f, %f) <{predicate = 13 : i64}> : (f64, f64) -> i1
  %2 = "arith.select"(%c, %a, %a) : (i1, i32, i32) -> i32
  %3 = "arith.constant"() <{value = dense<[1, 2]> : vector<2xi32>}> : () -> vector<2xi32>
  %4 = "arith.constant"() <{value = 2.5 : f64}> {test.note} : () -> f64
  %5:2 = "arith.addui_extended"(%a, %a) : (i32, i32) -> (i32, i1)
  %6:2 = "arith.mulsi_extended"(%v, %3) : (vector<2xi32>, vector<2xi32>) -> (vector<2xi32>, vector<2xi32>)
  %7 = "arith.cmpi"(%v, %6#1) {predicate = 1 : i64} : (vector<2xi32>, vector<2xi32>) -> vector<2xi1>
  %8 = "arith.select"(%7, %v, %6#0) : (vector<2xi1>, vector<2xi32>, vector<2xi32>) -> vector<2xi32>
  %9 = "arith.constant"() <{value = true}> : () -> i1
  %10 = "arith.constant"() <{value = 7 : index}> : () -> index
  return
}
