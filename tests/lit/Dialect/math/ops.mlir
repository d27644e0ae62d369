// RUN: mlir-py-opt %s | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | filecheck %s --check-prefix=GENERIC

// CHECK-LABEL: func.func @float_unary
//  CHECK-SAME:   (%[[X:.*]]: f32, %[[V:.*]]: vector<4xf32>, %[[T:.*]]: tensor<2x?xf64>)
func.func @float_unary(%x: f32, %v: vector<4xf32>, %t: tensor<2x?xf64>) {
  // CHECK: math.absf %[[X]] : f32
  %absf = math.absf %x : f32
  // CHECK: math.acos %[[X]] : f32
  %acos = math.acos %x : f32
  // CHECK: math.acosh %[[X]] : f32
  %acosh = math.acosh %x : f32
  // CHECK: math.asin %[[X]] : f32
  %asin = math.asin %x : f32
  // CHECK: math.asinh %[[X]] : f32
  %asinh = math.asinh %x : f32
  // CHECK: math.atan %[[X]] : f32
  %atan = math.atan %x : f32
  // CHECK: math.atanh %[[X]] : f32
  %atanh = math.atanh %x : f32
  // CHECK: math.cbrt %[[X]] : f32
  %cbrt = math.cbrt %x : f32
  // CHECK: math.ceil %[[X]] : f32
  %ceil = math.ceil %x : f32
  // CHECK: math.cos %[[X]] : f32
  %cos = math.cos %x : f32
  // CHECK: math.cosh %[[X]] : f32
  %cosh = math.cosh %x : f32
  // CHECK: math.erf %[[X]] : f32
  %erf = math.erf %x : f32
  // CHECK: math.erfc %[[X]] : f32
  %erfc = math.erfc %x : f32
  // CHECK: math.exp %[[X]] : f32
  %exp = math.exp %x : f32
  // CHECK: math.exp2 %[[X]] : f32
  %exp2 = math.exp2 %x : f32
  // CHECK: math.expm1 %[[X]] : f32
  %expm1 = math.expm1 %x : f32
  // CHECK: math.floor %[[X]] : f32
  %floor = math.floor %x : f32
  // CHECK: math.log %[[X]] : f32
  %log = math.log %x : f32
  // CHECK: math.log10 %[[X]] : f32
  %log10 = math.log10 %x : f32
  // CHECK: math.log1p %[[X]] : f32
  %log1p = math.log1p %x : f32
  // CHECK: math.log2 %[[X]] : f32
  %log2 = math.log2 %x : f32
  // CHECK: math.round %[[X]] : f32
  %round = math.round %x : f32
  // CHECK: math.roundeven %[[X]] : f32
  %roundeven = math.roundeven %x : f32
  // CHECK: math.rsqrt %[[X]] : f32
  %rsqrt = math.rsqrt %x : f32
  // CHECK: math.sin %[[X]] : f32
  %sin = math.sin %x : f32
  // CHECK: math.sinh %[[X]] : f32
  %sinh = math.sinh %x : f32
  // CHECK: math.sqrt %[[X]] : f32
  %sqrt = math.sqrt %x : f32
  // CHECK: math.tan %[[X]] : f32
  %tan = math.tan %x : f32
  // CHECK: math.tanh %[[X]] : f32
  %tanh = math.tanh %x : f32
  // CHECK: math.trunc %[[X]] : f32
  %trunc = math.trunc %x : f32
  // CHECK: math.exp %[[V]] fastmath<fast> : vector<4xf32>
  // GENERIC: "math.exp"(%{{.*}}) <{fastmath = #arith.fastmath<fast>}> : (vector<4xf32>) -> vector<4xf32>
  %e = math.exp %v fastmath<fast> : vector<4xf32>
  // CHECK: math.sqrt %[[T]] fastmath<nnan,ninf> : tensor<2x?xf64>
  %s = math.sqrt %t fastmath<nnan,ninf> : tensor<2x?xf64>
  // CHECK: math.log %[[X]] {foo} : f32
  // GENERIC: "math.log"(%{{.*}}) <{fastmath = #arith.fastmath<none>}> {foo} : (f32) -> f32
  %l = math.log %x {foo} : f32
  return
}

// CHECK-LABEL: func.func @float_binary
//  CHECK-SAME:   (%[[X:.*]]: f32, %[[Y:.*]]: f32, %[[N:.*]]: i32, %[[V:.*]]: vector<4xf16>, %[[VN:.*]]: vector<4xi64>)
func.func @float_binary(%x: f32, %y: f32, %n: i32, %v: vector<4xf16>, %vn: vector<4xi64>) {
  // CHECK: math.atan2 %[[X]], %[[Y]] : f32
  %atan2 = math.atan2 %x, %y : f32
  // CHECK: math.copysign %[[X]], %[[Y]] : f32
  %copysign = math.copysign %x, %y : f32
  // CHECK: math.powf %[[X]], %[[Y]] : f32
  %powf = math.powf %x, %y : f32
  // CHECK: math.powf %[[X]], %[[Y]] fastmath<afn> : f32
  %p = math.powf %x, %y fastmath<afn> : f32
  // CHECK: math.fma %[[X]], %[[Y]], %[[X]] : f32
  %fma = math.fma %x, %y, %x : f32
  // CHECK: math.fma %[[V]], %[[V]], %[[V]] fastmath<contract> : vector<4xf16>
  %fmav = math.fma %v, %v, %v fastmath<contract> : vector<4xf16>
  // CHECK: math.fpowi %[[X]], %[[N]] : f32, i32
  // GENERIC: "math.fpowi"(%{{.*}}, %{{.*}}) <{fastmath = #arith.fastmath<none>}> : (f32, i32) -> f32
  %fpowi = math.fpowi %x, %n : f32, i32
  // CHECK: math.fpowi %[[V]], %[[VN]] fastmath<fast> : vector<4xf16>, vector<4xi64>
  %fpowiv = math.fpowi %v, %vn fastmath<fast> : vector<4xf16>, vector<4xi64>
  // CHECK: math.clampf %[[X]] to [%[[Y]], %[[X]]] : f32
  %clamp = math.clampf %x to [%y, %x] : f32
  // CHECK: %sin, %cos = math.sincos %[[X]] : f32
  // GENERIC: %{{.*}}:2 = "math.sincos"(%{{.*}}) <{fastmath = #arith.fastmath<none>}> : (f32) -> (f32, f32)
  %s, %c = math.sincos %x : f32
  return
}

// CHECK-LABEL: func.func @integer
//  CHECK-SAME:   (%[[I:.*]]: i32, %[[V:.*]]: vector<4xi8>, %[[X:.*]]: index)
func.func @integer(%i: i32, %v: vector<4xi8>, %x: index) {
  // CHECK: math.absi %[[I]] : i32
  %absi = math.absi %i : i32
  // CHECK: math.ctlz %[[I]] : i32
  %ctlz = math.ctlz %i : i32
  // CHECK: math.cttz %[[I]] : i32
  %cttz = math.cttz %i : i32
  // CHECK: math.ctpop %[[I]] : i32
  %ctpop = math.ctpop %i : i32
  // CHECK: math.ctpop %[[V]] : vector<4xi8>
  // GENERIC: "math.ctpop"(%{{.*}}) : (vector<4xi8>) -> vector<4xi8>
  %pv = math.ctpop %v : vector<4xi8>
  // CHECK: math.ipowi %[[I]], %[[I]] : i32
  %ipowi = math.ipowi %i, %i : i32
  // CHECK: math.absi %[[X]] : index
  %ax = math.absi %x : index
  return
}

// CHECK-LABEL: func.func @classify
//  CHECK-SAME:   (%[[X:.*]]: f32, %[[V:.*]]: vector<4xf32>, %[[T:.*]]: tensor<2xbf16>)
func.func @classify(%x: f32, %v: vector<4xf32>, %t: tensor<2xbf16>) {
  // CHECK: math.isnan %[[X]] : f32
  // GENERIC: "math.isnan"(%{{.*}}) <{fastmath = #arith.fastmath<none>}> : (f32) -> i1
  %isnan = math.isnan %x : f32
  // CHECK: math.isinf %[[X]] : f32
  // GENERIC: "math.isinf"(%{{.*}}) <{fastmath = #arith.fastmath<none>}> : (f32) -> i1
  %isinf = math.isinf %x : f32
  // CHECK: math.isfinite %[[X]] : f32
  // GENERIC: "math.isfinite"(%{{.*}}) <{fastmath = #arith.fastmath<none>}> : (f32) -> i1
  %isfinite = math.isfinite %x : f32
  // CHECK: math.isnormal %[[X]] : f32
  // GENERIC: "math.isnormal"(%{{.*}}) <{fastmath = #arith.fastmath<none>}> : (f32) -> i1
  %isnormal = math.isnormal %x : f32
  // CHECK: math.isnan %[[V]] fastmath<nnan> : vector<4xf32>
  // GENERIC: : (vector<4xf32>) -> vector<4xi1>
  %nv = math.isnan %v fastmath<nnan> : vector<4xf32>
  // CHECK: math.isinf %[[T]] : tensor<2xbf16>
  // GENERIC: : (tensor<2xbf16>) -> tensor<2xi1>
  %it = math.isinf %t : tensor<2xbf16>
  return
}
