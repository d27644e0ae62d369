// FLAGS: --allow-unregistered-dialect
func.func @preds(%c: i1) {
  "test.cond_br"(%c)[^a, ^b] : (i1) -> ()
^a:
  "test.br"()[^join] : () -> ()
^b:
  "test.switch"()[^join, ^join, ^a] : () -> ()
^join:
  "test.br"()[^self] : () -> ()
^self:
  "test.br"()[^self] : () -> ()
^dead:
  return
}
func.func @two_edges_one_block(%c: i1) {
  "test.cond_br"(%c)[^t, ^t] : (i1) -> ()
^t:
  return
}
