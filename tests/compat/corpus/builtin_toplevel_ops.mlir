// Several top-level operations are wrapped in one implicit module.
func.func private @one()
func.func private @two(f32) -> f32
func.func @three(%x: index) -> index {
  return %x : index
}
