// RUN: mlir-py-opt %s --convert-math-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts | mlir-py-translate --mlir-to-llvmir | filecheck %s
// Real MLIR (iree-opt) parses our llvm dialect and its print of it translates to the same LLVM IR.
// RUN: mlir-py-opt %s --convert-math-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts | iree-opt | mlir-py-translate --mlir-to-llvmir | filecheck %s

// The math family end to end: LLVM intrinsic calls named by the overloaded type (f32, v4f64), each declared once;
// fast-math flags on the call; rsqrt expanded to 1 / sqrt(x) as MLIR's MathToLLVM does.
// CHECK-LABEL: define { float, <4 x double> } @math(
// CHECK-SAME: float %[[X:[a-z0-9]+]], float %[[Y:[a-z0-9]+]], <4 x double> %[[V:[a-z0-9]+]])
// CHECK: %[[E:.*]] = call fast float @llvm.exp.f32(float %[[X]])
// CHECK-NEXT: %[[L:.*]] = call float @llvm.log.f32(float %[[E]])
// CHECK-NEXT: %[[T:.*]] = call float @llvm.tanh.f32(float %[[L]])
// CHECK-NEXT: %[[F:.*]] = call float @llvm.fma.f32(float %[[T]], float %[[Y]], float %[[X]])
// CHECK-NEXT: %[[P:.*]] = call float @llvm.pow.f32(float %[[F]], float %[[Y]])
// CHECK-NEXT: %[[A:.*]] = call float @llvm.fabs.f32(float %[[P]])
// CHECK-NEXT: %[[S:.*]] = call float @llvm.sqrt.f32(float %[[A]])
// CHECK-NEXT: %[[R:.*]] = fdiv float 0x3FF0000000000000, %[[S]]
// CHECK-NEXT: %[[FL:.*]] = call <4 x double> @llvm.floor.v4f64(<4 x double> %[[V]])
// CHECK-NEXT: %[[SQ:.*]] = call <4 x double> @llvm.sqrt.v4f64(<4 x double> %[[FL]])
// CHECK-DAG: declare <4 x double> @llvm.floor.v4f64(<4 x double>)
// CHECK-DAG: declare <4 x double> @llvm.sqrt.v4f64(<4 x double>)
// CHECK-DAG: declare float @llvm.exp.f32(float)
// CHECK-DAG: declare float @llvm.fma.f32(float, float, float)
// CHECK-DAG: declare float @llvm.pow.f32(float, float)
// CHECK-DAG: declare float @llvm.sqrt.f32(float)
func.func @math(%x: f32, %y: f32, %v: vector<4xf64>) -> (f32, vector<4xf64>) {
  %0 = math.exp %x fastmath<fast> : f32
  %1 = math.log %0 : f32
  %2 = math.tanh %1 : f32
  %3 = math.fma %2, %y, %x : f32
  %4 = math.powf %3, %y : f32
  %5 = math.absf %4 : f32
  %6 = math.rsqrt %5 : f32
  %7 = math.floor %v : vector<4xf64>
  %8 = math.sqrt %7 : vector<4xf64>
  return %6, %8 : f32, vector<4xf64>
}
