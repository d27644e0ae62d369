func.func @reduce_short(%a: tensor<16x32x64xf32>, %init: tensor<16x64xf32>) -> tensor<16x64xf32> {
  %0 = linalg.reduce { arith.addf } ins(%a : tensor<16x32x64xf32>) outs(%init : tensor<16x64xf32>) dimensions = [1]
  return %0 : tensor<16x64xf32>
}
func.func @reduce_all(%a: tensor<4x8xi32>, %init: tensor<i32>) -> tensor<i32> {
  %0 = linalg.reduce { arith.maxsi } ins(%a : tensor<4x8xi32>) outs(%init : tensor<i32>) dimensions = [0, 1] {tag = 1 : i64}
  return %0 : tensor<i32>
}
func.func @reduce_long(%a: memref<4x8xf64>, %init: memref<8xf64>) {
  linalg.reduce ins(%a : memref<4x8xf64>) outs(%init : memref<8xf64>) dimensions = [0]
    (%x: f64, %acc: f64) {
      %m = arith.mulf %x, %x : f64
      %s = arith.addf %m, %acc : f64
      linalg.yield %s : f64
    }
  return
}
func.func @reduce_two(%a: tensor<4x8xf32>, %b: tensor<4x8xi32>, %i: tensor<4xf32>, %j: tensor<4xi32>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0:2 = linalg.reduce ins(%a, %b : tensor<4x8xf32>, tensor<4x8xi32>) outs(%i, %j : tensor<4xf32>, tensor<4xi32>) dimensions = [1]
    (%x: f32, %y: i32, %p: f32, %q: i32) {
      %s = arith.addf %x, %p : f32
      %t = arith.addi %y, %q : i32
      linalg.yield %s, %t : f32, i32
    }
  return %0#0, %0#1 : tensor<4xf32>, tensor<4xi32>
}
