// FLAGS: --allow-unregistered-dialect
func.func @block_args(%x: i32, %t: tensor<2xf32>) -> tensor<2xf32> {
  "test.br"(%x, %t)[^bb1] : (i32, tensor<2xf32>) -> ()
^bb1(%a: i32, %b: tensor<2xf32>):
  %c = arith.addi %a, %a : i32
  "test.br"(%b, %c)[^bb2] : (tensor<2xf32>, i32) -> ()
^bb2(%d: tensor<2xf32>, %e: i32):
  "test.op"() ({
  ^bb0(%inner: i32):
    "test.br"(%inner)[^bb1] : (i32) -> ()
  ^bb1(%inner2: i32):
    "test.yield"(%inner2) : (i32) -> ()
  }) : () -> ()
  return %d : tensor<2xf32>
}
