// addui_extended / mulsi_extended / mului_extended folds and their narrowing patterns.
func.func @extended(%x: i32, %y: i32) -> (i32, i1, i32, i32, i32, i32, i32, i32, i32, i32) {
  %max = arith.constant -1 : i32
  %two = arith.constant 2 : i32
  %one = arith.constant 1 : i32
  %zero = arith.constant 0 : i32
  %s, %o = arith.addui_extended %max, %two : i32, i1
  %l, %h = arith.mulsi_extended %max, %two : i32
  %ul, %uh = arith.mului_extended %max, %two : i32
  %s2, %o2 = arith.addui_extended %x, %y : i32, i1
  %l2, %h2 = arith.mulsi_extended %x, %y : i32
  %l3, %h3 = arith.mului_extended %x, %one : i32
  %l4, %h4 = arith.mulsi_extended %x, %zero : i32
  return %s, %o, %l, %h, %ul, %uh, %s2, %l2, %h3, %h4 : i32, i1, i32, i32, i32, i32, i32, i32, i32, i32
}

func.func @mulsi_one(%x: i64) -> (i64, i64) {
  %one = arith.constant 1 : i64
  %l, %h = arith.mulsi_extended %x, %one : i64
  return %l, %h : i64, i64
}
