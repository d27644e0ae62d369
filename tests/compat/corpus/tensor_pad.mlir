func.func @pad(%t: tensor<8x16xf32>, %d: tensor<?x4xi32>, %i: index, %j: index, %v: f32, %w: i32) {
  %0 = tensor.pad %t low[1, 2] high[3, 4] {
  ^bb0(%a: index, %b: index):
    tensor.yield %v : f32
  } : tensor<8x16xf32> to tensor<12x22xf32>
  %1 = tensor.pad %t nofold low[%i, 0] high[0, %j] {
  ^bb0(%a: index, %b: index):
    tensor.yield %v : f32
  } : tensor<8x16xf32> to tensor<?x?xf32>
  %2 = tensor.pad %d low[0, 1] high[0, 1] {
  ^bb0(%a: index, %b: index):
    %c = arith.index_cast %a : index to i32
    %e = arith.addi %c, %w : i32
    tensor.yield %e : i32
  } : tensor<?x4xi32> to tensor<?x6xi32>
  %3 = tensor.pad %t low[0, 0] high[0, 0] {
  ^bb0(%a: index, %b: index):
    tensor.yield %v : f32
  } {attr} : tensor<8x16xf32> to tensor<8x16xf32>
  %4 = tensor.pad %t low[%i, %i] high[%j, 1] {
  ^bb0(%a: index, %b: index):
    tensor.yield %v : f32
  } : tensor<8x16xf32> to tensor<?x?xf32>
  return
}
