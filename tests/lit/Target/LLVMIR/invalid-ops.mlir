// Ops that reach the translation without an LLVM IR equivalent: a located error (MLIR's message) and exit code 1,
// never a traceback. With --mlir-print-debuginfo between the tools the location is the op's source line.

// math.erf has no LLVM intrinsic: convert-math-to-llvm leaves it (partial conversion) and the translation reports it.
// RUN: mlir-py-opt %s --convert-math-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts --mlir-print-debuginfo | not mlir-py-translate --mlir-to-llvmir 2>&1 | filecheck %s --check-prefix=ERF
// ERF: invalid-ops.mlir:[[# @LINE + 24]]:8: error: cannot be converted to LLVM IR: missing `LLVMTranslationDialectInterface` registration for dialect for op: math.erf
// ERF-NOT: Traceback

// Without reconcile-unrealized-casts the index <-> i64 bridges stay: the first one (the converted argument of
// @index_add, located at the function) is reported.
// RUN: mlir-py-opt %s --convert-arith-to-llvm --convert-func-to-llvm --mlir-print-debuginfo | not mlir-py-translate --mlir-to-llvmir 2>&1 | filecheck %s --check-prefix=CAST
// CAST: invalid-ops.mlir:[[# @LINE + 6]]:1: error: cannot be converted to LLVM IR: missing `LLVMTranslationDialectInterface` registration for dialect for op: builtin.unrealized_conversion_cast

// Nothing lowered: the first op that is not in the llvm dialect is func.func.
// RUN: not mlir-py-translate --mlir-to-llvmir %s 2>&1 | filecheck %s --check-prefix=FUNC
// FUNC: invalid-ops.mlir:[[# @LINE + 2]]:1: error: cannot be converted to LLVM IR: missing `LLVMTranslationDialectInterface` registration for dialect for op: func.func
// FUNC-NEXT: func.func @index_add(%i: index) -> index {
func.func @index_add(%i: index) -> index {
  %0 = arith.addi %i, %i : index
  return %0 : index
}

// An llvm.mlir.constant whose value does not fit its type.
// RUN: not mlir-py-translate --mlir-to-llvmir %S/Inputs/bad-constant.mlir 2>&1 | filecheck %s --check-prefix=CONST
// CONST: bad-constant.mlir:3:8: error: cannot translate the constant "abc" of type i64
// CONST-NEXT: %0 = llvm.mlir.constant("abc") : i64
// CONST-NEXT: ^

func.func @erf(%x: f32) -> f32 {
  %0 = math.erf %x : f32
  return %0 : f32
}
