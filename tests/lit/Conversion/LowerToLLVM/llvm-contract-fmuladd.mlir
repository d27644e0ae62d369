// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics --llvm-contract-fmuladd | filecheck %s
// RUN: not mlir-py-opt %s --pass-pipeline='builtin.module(llvm-contract-fmuladd{fast-only})' 2>&1 | filecheck %s --check-prefix=OPT
// OPT: PassPipeline Parser:1:16: error: failed to add `llvm-contract-fmuladd` with options `fast-only`: no such option 'fast-only'
// OPT-NOT: Traceback

// fadd(fmul(a, b), c) and fadd(c, fmul(a, b)) become llvm.intr.fmuladd(a, b, c) (clang -ffp-contract=on); only
// the fast-math flags of both ops survive.
// CHECK-LABEL: llvm.func @contract
// CHECK-SAME: (%[[A:.*]]: f32, %[[B:.*]]: f32, %[[C:.*]]: f32)
// CHECK-NEXT: %[[F:.*]] = llvm.intr.fmuladd(%[[A]], %[[B]], %[[C]]) fastmath<nnan> : (f32, f32, f32) -> f32
// CHECK-NEXT: %[[G:.*]] = llvm.intr.fmuladd(%[[F]], %[[B]], %[[A]]) : (f32, f32, f32) -> f32
// CHECK-NEXT: llvm.return %[[G]] : f32
llvm.func @contract(%a: f32, %b: f32, %c: f32) -> f32 {
  %0 = llvm.fmul %a, %b fastmath<nnan, ninf> : f32
  %1 = llvm.fadd %0, %c fastmath<nnan> : f32
  %2 = llvm.fmul %1, %b : f32
  %3 = llvm.fadd %a, %2 : f32
  llvm.return %3 : f32
}

// -----

// A product used twice, or defined in another block, is left alone (contracting would compute it twice).
// CHECK-LABEL: llvm.func @keep
// CHECK: %[[M:.*]] = llvm.fmul
// CHECK-NEXT: llvm.fadd %[[M]], %{{.*}} : f32
// CHECK-NEXT: llvm.fsub %[[M]], %{{.*}} : f32
// CHECK: llvm.fadd %{{.*}}, %{{.*}} : vector<4xf32>
// CHECK-NOT: llvm.intr.fmuladd
llvm.func @keep(%a: f32, %b: f32, %v: vector<4xf32>) -> f32 {
  %0 = llvm.fmul %a, %b : f32
  %1 = llvm.fadd %0, %a : f32
  %2 = llvm.fsub %0, %b : f32
  %3 = llvm.fmul %v, %v : vector<4xf32>
  llvm.br ^bb1
^bb1:
  %4 = llvm.fadd %3, %v : vector<4xf32>
  llvm.return %1 : f32
}

// -----

// Invalid input is reported before the pass runs.
// expected-note @+1 {{prior use here}}
llvm.func @mismatch(%a: f32, %b: f64) -> f32 {
  // expected-error @+1 {{use of value '%b' expects different type than prior uses: 'f32' vs 'f64'}}
  %0 = llvm.fmul %a, %b : f32
  llvm.return %0 : f32
}
