func.func @ints(%a: i32, %b: i64, %i: index, %v: vector<8xi16>) {
  %0 = math.absi %a : i32
  %1 = math.absi %i : index
  %2 = math.ctlz %b : i64
  %3 = math.cttz %a : i32
  %4 = math.ctpop %v : vector<8xi16>
  %5 = math.ipowi %a, %a : i32
  %6 = math.ipowi %v, %v : vector<8xi16>
  return
}
