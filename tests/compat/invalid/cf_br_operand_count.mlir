func.func @f(%x: i32) {
  cf.br ^bb1(%x : i32)
^bb1(%y: i32, %z: i32):
  return
}
