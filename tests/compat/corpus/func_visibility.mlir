func.func @pub_default() {
  return
}
func.func public @pub_explicit() {
  return
}
func.func private @priv_def(%x: i64) -> i64 {
  return %x : i64
}
func.func private @priv_decl(i64, f16) -> (i1, i1)
func.func nested @nested_decl()
func.func private @no_args_one_result() -> index
