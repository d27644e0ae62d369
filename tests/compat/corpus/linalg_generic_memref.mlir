#id = affine_map<(d0, d1) -> (d0, d1)>
#col = affine_map<(d0, d1) -> (d1)>
func.func @bias_add(%a: memref<4x8xi32>, %b: memref<8xi32>, %out: memref<4x8xi32>) {
  linalg.generic {indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel"]} ins(%a, %b : memref<4x8xi32>, memref<8xi32>) outs(%out : memref<4x8xi32>) {
  ^bb0(%x: i32, %y: i32, %o: i32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %ij = arith.addi %i, %j : index
    %c = arith.index_cast %ij : index to i32
    %s = arith.addi %x, %y : i32
    %t = arith.addi %s, %c : i32
    linalg.yield %t : i32
  }
  return
}
func.func @scalar_input(%s: f64, %out: memref<3x5xf64>) {
  linalg.generic {indexing_maps = [affine_map<(d0, d1) -> ()>, #id], iterator_types = ["parallel", "parallel"]} ins(%s : f64) outs(%out : memref<3x5xf64>) {
  ^bb0(%x: f64, %o: f64):
    %m = arith.mulf %x, %o : f64
    linalg.yield %m : f64
  }
  return
}
