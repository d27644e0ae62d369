// f16 and bf16 folding rounds once to the narrow type (overflow to infinity, ties to even).
func.func @narrow() -> (f16, f16, f16, bf16, bf16, bf16, f16) {
  %a = arith.constant 1.0 : f16
  %tiny = arith.constant 0.000488281 : f16
  %big = arith.constant 60000.0 : f16
  %0 = arith.addf %a, %tiny : f16
  %1 = arith.addf %big, %big : f16
  %third = arith.constant 0.333 : f16
  %2 = arith.mulf %third, %third : f16
  %b = arith.constant 1.0 : bf16
  %eps = arith.constant 0.00390625 : bf16
  %3 = arith.addf %b, %eps : bf16
  %pi = arith.constant 3.140625 : bf16
  %4 = arith.mulf %pi, %pi : bf16
  %5 = arith.divf %b, %pi : bf16
  %6 = arith.subf %tiny, %a : f16
  return %0, %1, %2, %3, %4, %5, %6 : f16, f16, f16, bf16, bf16, bf16, f16
}
