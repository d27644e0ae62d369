// FLAGS: --allow-unregistered-dialect
// A successor naming a block that does not exist.
func.func @f() {
  "test.br"()[^nowhere] : () -> ()
}
