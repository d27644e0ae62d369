func.func @map_short(%a: tensor<64xf32>, %b: tensor<64xf32>, %init: tensor<64xf32>) -> tensor<64xf32> {
  %0 = linalg.map { arith.addf } ins(%a, %b : tensor<64xf32>, tensor<64xf32>) outs(%init : tensor<64xf32>)
  %1 = linalg.map { math.exp } ins(%0 : tensor<64xf32>) outs(%init : tensor<64xf32>)
  %2 = linalg.map { arith.mulf {fastmath = #arith.fastmath<fast>} } ins(%0, %1 : tensor<64xf32>, tensor<64xf32>) outs(%init : tensor<64xf32>) {tag}
  return %2 : tensor<64xf32>
}
func.func @map_int_memref(%a: memref<4x4xi32>, %b: memref<4x4xi32>, %out: memref<4x4xi32>) {
  linalg.map { arith.addi } ins(%a, %b : memref<4x4xi32>, memref<4x4xi32>) outs(%out : memref<4x4xi32>)
  linalg.map { arith.maxsi } ins(%a, %out : memref<4x4xi32>, memref<4x4xi32>) outs(%out : memref<4x4xi32>)
  return
}
func.func @map_long(%a: tensor<8x16xf32>, %b: tensor<8x16xi32>, %init: tensor<8x16xf32>) -> tensor<8x16xf32> {
  %0 = linalg.map ins(%a, %b : tensor<8x16xf32>, tensor<8x16xi32>) outs(%init : tensor<8x16xf32>)
    (%x: f32, %y: i32, %o: f32) {
      %f = arith.sitofp %y : i32 to f32
      %m = arith.mulf %x, %f : f32
      %s = arith.addf %m, %o : f32
      linalg.yield %s : f32
    }
  %1 = linalg.map outs(%init : tensor<8x16xf32>)
    (%o: f32) {
      %c = arith.constant 1.000000e+00 : f32
      linalg.yield %c : f32
    }
  return %1 : tensor<8x16xf32>
}
