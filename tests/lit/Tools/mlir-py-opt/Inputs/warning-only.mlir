// Input of exit-codes.mlir: a near miss of the split marker (a warning), then a parse error.
// ---- a near miss of the split marker
func.func @ok() {
  return
}
// -----
func.func @bad() -> i32 {
  return %undefined : i32
}
