// Calls have unknown effects: never merged or erased. Constants are uniqued per function, not across them.
func.func private @ext(i32) -> i32

func.func @caller(%x: i32) -> (i32, i32) {
  %c = arith.constant 7 : i32
  %0 = func.call @ext(%c) : (i32) -> i32
  %1 = func.call @ext(%c) : (i32) -> i32
  %2 = func.call @ext(%x) : (i32) -> i32
  %d = arith.addi %0, %c : i32
  return %d, %1 : i32, i32
}

func.func @other() -> i32 {
  %c = arith.constant 7 : i32
  %c2 = arith.constant 7 : i32
  %s = arith.addi %c, %c2 : i32
  return %s : i32
}
