// RUN: mlir-py-opt %s | filecheck %s
// RUN: mlir-py-opt %s | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | mlir-py-opt | filecheck %s
// RUN: mlir-py-opt %s --mlir-print-op-generic | filecheck %s --check-prefix=GENERIC

// CHECK-LABEL: func.func @quantize
//  CHECK-SAME:   (%[[X:.*]]: f32) -> (!demo.fixed<8, 6>, !demo.fixed<16, 8>)
func.func @quantize(%x: f32) -> (!demo.fixed<8, 6>, !demo.fixed<16, 8>) {
  // CHECK: %[[Q:q]] = demo.quantize %[[X]] in #demo.range<-1.5, 1.5> : f32 to !demo.fixed<8, 6>
  // GENERIC: "demo.quantize"(%{{.*}}) <{range = #demo.range<-1.5, 1.5>}> : (f32) -> !demo.fixed<8, 6>
  %a = demo.quantize %x in #demo.range<-1.5, 1.5> : f32 to !demo.fixed<8, 6>
  // CHECK: %[[Q0:q_0]] = demo.quantize %[[X]] : f32 to !demo.fixed<16, 8>
  // GENERIC: "demo.quantize"(%{{.*}}) : (f32) -> !demo.fixed<16, 8>
  %b = demo.quantize %x : f32 to !demo.fixed<16, 8>
  // CHECK: return %[[Q]], %[[Q0]] : !demo.fixed<8, 6>, !demo.fixed<16, 8>
  return %a, %b : !demo.fixed<8, 6>, !demo.fixed<16, 8>
}

// The type and the attribute also appear wherever builtin ones may: in tensors and attribute dictionaries.
// CHECK-LABEL: func.func @clamp
//  CHECK-SAME:   (%[[T:.*]]: tensor<4xf32>, %[[LO:.*]]: f32, %[[HI:.*]]: f32, %[[F:.*]]: tensor<2x!demo.fixed<8, 4>>, %[[FLO:.*]]: !demo.fixed<8, 4>)
//  CHECK-SAME:   -> (tensor<4xf32>, tensor<2x!demo.fixed<8, 4>>) attributes {demo.calibration = #demo.range<0.0, 6.0>}
func.func @clamp(%t: tensor<4xf32>, %lo: f32, %hi: f32, %f: tensor<2x!demo.fixed<8, 4>>, %flo: !demo.fixed<8, 4>)
    -> (tensor<4xf32>, tensor<2x!demo.fixed<8, 4>>) attributes {demo.calibration = #demo.range<0.0, 6.0>} {
  // CHECK: demo.clamp %[[T]], %[[LO]], %[[HI]] {demo.note = "relu6"} : tensor<4xf32>
  // GENERIC: "demo.clamp"(%{{.*}}, %{{.*}}, %{{.*}}) {demo.note = "relu6"} : (tensor<4xf32>, f32, f32) -> tensor<4xf32>
  %0 = demo.clamp %t, %lo, %hi {demo.note = "relu6"} : tensor<4xf32>
  // CHECK: demo.clamp %[[F]], %[[FLO]], %[[FLO]] : tensor<2x!demo.fixed<8, 4>>
  %1 = demo.clamp %f, %flo, %flo : tensor<2x!demo.fixed<8, 4>>
  return %0, %1 : tensor<4xf32>, tensor<2x!demo.fixed<8, 4>>
}

// CHECK-LABEL: func.func @map
func.func @map(%t: tensor<4xf32>, %s: f32) -> tensor<4xf32> {
  // CHECK:      %[[R:.*]] = demo.map %{{.*}} : tensor<4xf32> {
  // CHECK-NEXT: ^bb0(%[[E:.*]]: f32):
  // CHECK-NEXT:   %[[M:.*]] = arith.mulf %[[E]], %{{.*}} : f32
  // CHECK-NEXT:   demo.yield %[[M]] : f32
  // CHECK-NEXT: }
  // GENERIC: "demo.map"(%{{.*}}) ({
  // GENERIC:   "demo.yield"(%{{.*}}) : (f32) -> ()
  // GENERIC: }) : (tensor<4xf32>) -> tensor<4xf32>
  %r = demo.map %t : tensor<4xf32> {
  ^bb0(%e: f32):
    %m = arith.mulf %e, %s : f32
    demo.yield %m : f32
  }
  return %r : tensor<4xf32>
}
