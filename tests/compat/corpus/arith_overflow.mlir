func.func @overflow(%a: i8, %b: i8, %v: vector<4xi16>, %i: index) {
  %0 = arith.addi %a, %b overflow<nsw> : i8
  %1 = arith.addi %a, %b overflow<nuw> : i8
  %2 = arith.addi %a, %b overflow<nsw, nuw> : i8
  %3 = arith.subi %a, %b overflow<nuw, nsw> : i8
  %4 = arith.muli %a, %b overflow<none> : i8
  %5 = arith.shli %a, %b overflow<nsw> {test.keep} : i8
  %6 = arith.muli %v, %v overflow<nuw> : vector<4xi16>
  %7 = arith.addi %i, %i overflow<nsw, nuw> : index
  %8 = arith.trunci %a overflow<nsw> : i8 to i1
  %9 = arith.trunci %v overflow<nuw> : vector<4xi16> to vector<4xi8>
  return
}
