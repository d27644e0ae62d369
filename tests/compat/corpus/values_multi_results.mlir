// FLAGS: --allow-unregistered-dialect
func.func @multi() -> (i32, f32) {
  %0:3 = "test.three"() : () -> (i32, f32, index)
  %pair:2 = "test.two"(%0#2) : (index) -> (i32, f32)
  "test.use"(%0#0, %0#1, %pair#1, %pair#0) : (i32, f32, f32, i32) -> ()
  %none = "test.one"() : () -> i8
  %1:2 = "test.generic"() : () -> (i1, i1)
  return %0#0, %pair#1 : i32, f32
}
