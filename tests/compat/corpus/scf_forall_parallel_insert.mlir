func.func @tile(%t: tensor<8x16xf32>, %s: tensor<4x16xf32>) -> tensor<8x16xf32> {
  %r = scf.forall (%i) in (2) shared_outs(%o = %t) -> (tensor<8x16xf32>) {
    %c4 = arith.constant 4 : index
    %off = arith.muli %i, %c4 : index
    %slice = tensor.extract_slice %o[%off, 0] [4, 16] [1, 1] : tensor<8x16xf32> to tensor<4x16xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %s into %o[%off, 0] [4, 16] [1, 1] : tensor<4x16xf32> into tensor<8x16xf32>
    }
  }
  return %r : tensor<8x16xf32>
}
