// FLAGS: --allow-unregistered-dialect
"test.graph"() ({
  %a = "test.use"(%b, %c) : (i32, i64) -> i32
  %b = "test.def"(%a) : (i32) -> i32
  %c = "test.def64"() : () -> i64
  "test.cycle"(%d) : (f32) -> ()
  %d = "test.fdef"(%d) : (f32) -> f32
}) : () -> ()
module {
  "test.late_use"(%late) : (index) -> ()
  %late = "test.late_def"() : () -> index
}
