func.func @f(%c: f32) {
  cf.switch %c : f32, [
    default: ^bb1
  ]
^bb1:
  return
}
