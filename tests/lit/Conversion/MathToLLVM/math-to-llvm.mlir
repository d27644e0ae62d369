// RUN: mlir-py-opt %s --split-input-file --convert-math-to-llvm | filecheck %s

// CHECK-LABEL: func.func @intrinsics
func.func @intrinsics(%x: f32, %y: f32, %v: vector<8xf64>) -> (f32, vector<8xf64>) {
  // CHECK: %[[E:.*]] = llvm.intr.exp(%{{.*}}) fastmath<fast> : (f32) -> f32
  %0 = math.exp %x fastmath<fast> : f32
  // CHECK: %[[T:.*]] = llvm.intr.tanh(%[[E]]) : (f32) -> f32
  %1 = math.tanh %0 : f32
  // CHECK: %[[F:.*]] = llvm.intr.fma(%[[T]], %{{.*}}, %{{.*}}) : (f32, f32, f32) -> f32
  %2 = math.fma %1, %y, %x : f32
  // CHECK: llvm.intr.pow(%[[F]], %{{.*}}) : (f32, f32) -> f32
  %3 = math.powf %2, %y : f32
  // CHECK: llvm.intr.sqrt(%{{.*}}) : (vector<8xf64>) -> vector<8xf64>
  %4 = math.sqrt %v : vector<8xf64>
  return %3, %4 : f32, vector<8xf64>
}

// -----

// Expanded as MLIR does; ops without an intrinsic stay.
// CHECK-LABEL: func.func @expanded
func.func @expanded(%x: f32) -> (f32, f32, f32) {
  // CHECK: %[[ONE:.*]] = llvm.mlir.constant(1.000000e+00 : f32) : f32
  // CHECK: %[[S:.*]] = llvm.intr.sqrt(%{{.*}}) : (f32) -> f32
  // CHECK: llvm.fdiv %[[ONE]], %[[S]] : f32
  %0 = math.rsqrt %x : f32
  // CHECK: %[[P:.*]] = llvm.fadd %{{.*}}, %{{.*}} : f32
  // CHECK: llvm.intr.log(%[[P]]) : (f32) -> f32
  %1 = math.log1p %x : f32
  // CHECK: math.erf %{{.*}} : f32
  %2 = math.erf %x : f32
  return %0, %1, %2 : f32, f32, f32
}
