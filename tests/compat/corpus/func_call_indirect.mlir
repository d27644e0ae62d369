func.func private @target(f32, f32) -> f32
func.func @indirect(%f: (f32, f32) -> f32, %g: () -> (), %x: f32) -> f32 {
  %0 = func.call_indirect %f(%x, %x) : (f32, f32) -> f32
  func.call_indirect %g() : () -> ()
  %h = func.constant @target : (f32, f32) -> f32
  %1 = call_indirect %h(%0, %x) {test.tag} : (f32, f32) -> f32
  return %1 : f32
}
