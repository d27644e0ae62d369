func.func @casts_generic(%a: i16, %f: f64, %i: index) {
  %0 = "arith.extsi"(%a) : (i16) -> i32
  %1 = "arith.extui"(%a) : (i16) -> i17
  %2 = "arith.trunci"(%a) <{overflowFlags = #arith.overflow<nsw, nuw>}> : (i16) -> i1
  %3 = "arith.sitofp"(%a) : (i16) -> f32
  %4 = "arith.uitofp"(%a) : (i16) -> bf16
  %5 = "arith.fptosi"(%f) : (f64) -> i32
  %6 = "arith.fptoui"(%f) : (f64) -> i8
  %7 = "arith.index_cast"(%i) : (index) -> i16
  %8 = "arith.index_castui"(%a) : (i16) -> index
  %9 = "arith.bitcast"(%f) : (f64) -> i64
  %10 = "arith.extf"(%3) <{fastmath = #arith.fastmath<none>}> : (f32) -> f64
  %11 = "arith.truncf"(%f) <{roundingmode = 3 : i32, fastmath = #arith.fastmath<nnan>}> : (f64) -> f32
  return
}
