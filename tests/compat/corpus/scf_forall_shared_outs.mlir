func.func @outs(%t: tensor<8x16xf32>, %u: tensor<?xi32>, %n: index) -> (tensor<8x16xf32>, tensor<?xi32>) {
  %r = scf.forall (%i) in (8) shared_outs(%o = %t) -> (tensor<8x16xf32>) {
    scf.forall.in_parallel {
    }
  }
  %p:2 = scf.forall (%i, %j) = (0, 0) to (%n, 16) step (2, 4) shared_outs(%a = %t, %b = %u) -> (tensor<8x16xf32>, tensor<?xi32>) {
    %k = arith.addi %i, %j : index
    scf.forall.in_parallel {
    }
  }
  return %r, %p#1 : tensor<8x16xf32>, tensor<?xi32>
}
