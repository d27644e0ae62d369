func.func @sw(%flag: i32, %a: i32, %b: f32, %f8: i8, %f64: i64) {
  cf.switch %flag : i32, [
    default: ^bb1(%a : i32),
    0: ^bb2,
    -5: ^bb3(%b, %a : f32, i32),
    2147483647: ^bb4
  ]
^bb1(%x: i32):
  cf.switch %f8 : i8, [
    default: ^bb4
  ]
^bb2:
  cf.switch %f64 : i64, [
    default: ^bb4,
    9223372036854775807: ^bb3(%b, %a : f32, i32)
  ]
^bb3(%y: f32, %z: i32):
  cf.br ^bb4
^bb4:
  return
}
