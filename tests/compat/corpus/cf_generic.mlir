func.func @gen(%c: i1, %a: i32, %f: i32) {
  "cf.assert"(%c) <{msg = "ok"}> : (i1) -> ()
  "cf.br"(%a)[^bb1] : (i32) -> ()
^bb1(%x: i32):
  "cf.cond_br"(%c, %x)[^bb2, ^bb1] <{branch_weights = array<i32: 1, 2>, operandSegmentSizes = array<i32: 1, 0, 1>}> : (i1, i32) -> ()
^bb2:
  "cf.switch"(%f, %a)[^bb3, ^bb1] <{case_operand_segments = array<i32: 1>, case_values = dense<7> : vector<1xi32>, operandSegmentSizes = array<i32: 1, 0, 1>}> : (i32, i32) -> ()
^bb3:
  return
}
