// RUN: not mlir-py-translate --mlir-to-llvmir %s 2>&1 | filecheck %s

// Only the llvm dialect translates: another op is a located error (MLIR's message), and the tool exits 1.
// CHECK: invalid.mlir:[[# @LINE + 3]]:3: error: cannot be converted to LLVM IR: missing `LLVMTranslationDialectInterface` registration for dialect for op: func.func
// CHECK-NOT: Traceback
module {
  func.func @f() {
    return
  }
}
