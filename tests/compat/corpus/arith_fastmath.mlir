func.func @fastmath(%a: f32, %b: f32, %v: vector<2xf64>) {
  %0 = arith.addf %a, %b fastmath<reassoc> : f32
  %1 = arith.subf %a, %b fastmath<nnan> : f32
  %2 = arith.mulf %a, %b fastmath<ninf> : f32
  %3 = arith.divf %a, %b fastmath<nsz> : f32
  %4 = arith.remf %a, %b fastmath<arcp> : f32
  %5 = arith.maximumf %a, %b fastmath<contract> : f32
  %6 = arith.minimumf %a, %b fastmath<afn> : f32
  %7 = arith.maxnumf %a, %b fastmath<fast> : f32
  %8 = arith.minnumf %a, %b fastmath<none> : f32
  %9 = arith.addf %a, %b fastmath<nnan,ninf> : f32
  %10 = arith.addf %a, %b fastmath<contract,nnan,reassoc> : f32
  %11 = arith.addf %a, %b fastmath<reassoc,nnan,ninf,nsz,arcp,contract,afn> : f32
  %12 = arith.addf %a, %b fastmath<reassoc,nnan,ninf,nsz,arcp,contract> : f32
  %13 = arith.negf %v fastmath<nsz,afn> : vector<2xf64>
  %14 = arith.cmpf ogt, %a, %b fastmath<nnan> : f32
  %15 = "arith.mulf"(%a, %b) <{fastmath = #arith.fastmath<arcp,contract>}> : (f32, f32) -> f32
  %16 = arith.extf %a fastmath<fast> : f32 to f64
  %17 = arith.truncf %a fastmath<ninf> : f32 to f16
  return
}
