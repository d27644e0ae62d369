// FLAGS: --allow-unregistered-dialect
func.func @mapped(%n: index) {
  scf.forall (%i, %j) in (32, %n) {
    %0 = arith.addi %i, %j : index
  } {mapping = [#gpu.thread<y>, #gpu.thread<x>]}
  scf.forall (%i) = (0) to (%n) step (2) {
  } {mapping = [#gpu.block<x>]}
  return
}
