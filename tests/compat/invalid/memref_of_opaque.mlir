// FLAGS: --allow-unregistered-dialect
// An unregistered dialect type does not implement the memref element type interface.
func.func private @f(memref<3x!test.elt>)
