func.func @parallel_insert(%t: tensor<8x16xf32>, %s: tensor<4x16xf32>, %r: tensor<16xf32>) -> (tensor<8x16xf32>, tensor<8x16xf32>) {
  %0 = scf.forall (%i) in (2) shared_outs(%o = %t) -> (tensor<8x16xf32>) {
    %c4 = arith.constant 4 : index
    %off = arith.muli %i, %c4 : index
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %s into %o[%off, 0] [4, 16] [1, 1] : tensor<4x16xf32> into tensor<8x16xf32>
    }
  }
  %1 = scf.forall (%i) in (8) shared_outs(%o = %t) -> (tensor<8x16xf32>) {
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %r into %o[%i, 0] [1, 16] [1, 1] {tag} : tensor<16xf32> into tensor<8x16xf32>
    }
  }
  return %0, %1 : tensor<8x16xf32>, tensor<8x16xf32>
}
