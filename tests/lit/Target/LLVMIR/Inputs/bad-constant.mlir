// A string is not an i64 constant (input of invalid-ops.mlir).
llvm.func @str() -> i64 {
  %0 = llvm.mlir.constant("abc") : i64
  llvm.return %0 : i64
}
