func.func @float_generic(%a: f16, %b: f16) {
  %0 = "arith.addf"(%a, %b) : (f16, f16) -> f16
  %1 = "arith.subf"(%a, %b) <{fastmath = #arith.fastmath<fast>}> : (f16, f16) -> f16
  %2 = "arith.mulf"(%a, %b) <{fastmath = #arith.fastmath<reassoc,nsz>}> : (f16, f16) -> f16
  %3 = "arith.divf"(%a, %b) <{fastmath = #arith.fastmath<none>}> : (f16, f16) -> f16
  %4 = "arith.remf"(%a, %b) : (f16, f16) -> f16
  %5 = "arith.maximumf"(%a, %b) : (f16, f16) -> f16
  %6 = "arith.minimumf"(%a, %b) : (f16, f16) -> f16
  %7 = "arith.maxnumf"(%a, %b) <{fastmath = #arith.fastmath<nnan,ninf,nsz>}> : (f16, f16) -> f16
  %8 = "arith.minnumf"(%a, %b) : (f16, f16) -> f16
  %9 = "arith.negf"(%a) <{fastmath = #arith.fastmath<afn>}> : (f16) -> f16
  %10 = "arith.negf"(%b) {test.discardable = 1 : i8} : (f16) -> f16
  return
}
