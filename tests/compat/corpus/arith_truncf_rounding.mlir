func.func @rounding(%x: f64, %v: vector<8xf32>) {
  %0 = arith.truncf %x to_nearest_even : f64 to f32
  %1 = arith.truncf %x downward : f64 to f32
  %2 = arith.truncf %x upward : f64 to f16
  %3 = arith.truncf %x toward_zero : f64 to bf16
  %4 = arith.truncf %x to_nearest_away : f64 to f32
  %5 = arith.truncf %v upward fastmath<nsz> : vector<8xf32> to vector<8xf16>
  %6 = arith.truncf %x : f64 to f32
  %7 = arith.truncf %x fastmath<contract> : f64 to f32
  return
}
