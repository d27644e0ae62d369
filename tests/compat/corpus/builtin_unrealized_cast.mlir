func.func @casts(%a: i32, %b: f32) -> (i64, f32) {
  %0 = builtin.unrealized_conversion_cast %a : i32 to i64
  %1:2 = builtin.unrealized_conversion_cast %a, %b : i32, f32 to f32, index
  %2 = builtin.unrealized_conversion_cast to i8
  %3 = builtin.unrealized_conversion_cast %2 : i8 to tensor<2xi8> {test.note = "x"}
  %4 = builtin.unrealized_conversion_cast %1#1 : index to i16
  return %0, %1#0 : i64, f32
}
