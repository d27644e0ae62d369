func.func private @a(i32) -> i32
func.func private @b()
func.func @consts() -> ((i32) -> i32) {
  %0 = func.constant @a : (i32) -> i32
  %1 = func.constant @b : () -> ()
  %2 = constant @a : (i32) -> i32
  %3 = func.constant {test.note = 1 : i8} @b : () -> ()
  return %2 : (i32) -> i32
}
