func.func private @two() -> (i32, f32)
func.func private @three(index) -> (i1, i8, tensor<?xf64>)
func.func @user(%i: index) -> (f32, i32, i1) {
  %a:2 = call @two() : () -> (i32, f32)
  %b:3 = func.call @three(%i) : (index) -> (i1, i8, tensor<?xf64>)
  return %a#1, %a#0, %b#0 : f32, i32, i1
}
