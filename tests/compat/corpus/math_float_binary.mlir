func.func @binary(%x: f32, %y: f32, %h: f16, %n: i32, %b: bf16) -> f32 {
  %0 = math.atan2 %x, %y : f32
  %1 = math.copysign %x, %y : f32
  %2 = math.powf %x, %y : f32
  %3 = math.powf %h, %h : f16
  %4 = math.fma %x, %y, %x : f32
  %5 = math.fma %b, %b, %b : bf16
  %6 = math.fpowi %x, %n : f32, i32
  %7 = math.clampf %x to [%y, %x] : f32
  %s, %c = math.sincos %x : f32
  %8 = arith.addf %s, %c : f32
  return %8 : f32
}
