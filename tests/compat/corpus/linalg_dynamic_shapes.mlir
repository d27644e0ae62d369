#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @dyn(%a: tensor<?x?xf32>, %b: tensor<?x?xf32>, %c: tensor<?x?xf32>, %v: tensor<?xf32>) -> tensor<?x?xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<?x?xf32>, tensor<?x?xf32>) outs(%c : tensor<?x?xf32>) -> tensor<?x?xf32>
  %1 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%0 : tensor<?x?xf32>) outs(%c : tensor<?x?xf32>) {
  ^bb0(%x: f32, %o: f32):
    %n = arith.negf %x : f32
    linalg.yield %n : f32
  } -> tensor<?x?xf32>
  %2 = linalg.map { arith.subf } ins(%1, %0 : tensor<?x?xf32>, tensor<?x?xf32>) outs(%c : tensor<?x?xf32>)
  %3 = linalg.reduce { arith.addf } ins(%2 : tensor<?x?xf32>) outs(%v : tensor<?xf32>) dimensions = [1]
  %4 = linalg.broadcast ins(%3 : tensor<?xf32>) outs(%c : tensor<?x?xf32>) dimensions = [1]
  return %4 : tensor<?x?xf32>
}
func.func @dyn_memref(%a: memref<?x4xi32>, %b: memref<4x?xi32>) {
  linalg.transpose ins(%a : memref<?x4xi32>) outs(%b : memref<4x?xi32>) permutation = [1, 0]
  return
}
