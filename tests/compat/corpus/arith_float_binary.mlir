func.func @float_binary(%a: f32, %b: f32, %h: f16, %d: f64, %bf: bf16) {
  %0 = arith.addf %a, %b : f32
  %1 = arith.subf %a, %b : f32
  %2 = arith.mulf %a, %b : f32
  %3 = arith.divf %a, %b : f32
  %4 = arith.remf %a, %b : f32
  %5 = arith.maximumf %a, %b : f32
  %6 = arith.minimumf %a, %b : f32
  %7 = arith.maxnumf %a, %b : f32
  %8 = arith.minnumf %a, %b : f32
  %9 = arith.negf %a : f32
  %10 = arith.addf %h, %h : f16
  %11 = arith.mulf %d, %d : f64
  %12 = arith.divf %bf, %bf : bf16
  %13 = arith.negf %d fastmath<nnan> : f64
  return
}
