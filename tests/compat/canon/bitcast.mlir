// bitcast folds between integer and float bit patterns; bitcast(bitcast(x)) collapses.
func.func @bitcasts(%x: f32) -> (i32, f32, i16, f64, i32, vector<2xi32>) {
  %one = arith.constant 1.0 : f32
  %0 = arith.bitcast %one : f32 to i32
  %bits = arith.constant 0x40490FDB : i32
  %1 = arith.bitcast %bits : i32 to f32
  %h = arith.constant -2.0 : f16
  %2 = arith.bitcast %h : f16 to i16
  %l = arith.constant -1 : i64
  %3 = arith.bitcast %l : i64 to f64
  %a = arith.bitcast %x : f32 to i32
  %b = arith.bitcast %a : i32 to f32
  %4 = arith.bitcast %b : f32 to i32
  %v = arith.constant dense<[1.0, -2.0]> : vector<2xf32>
  %5 = arith.bitcast %v : vector<2xf32> to vector<2xi32>
  return %0, %1, %2, %3, %4, %5 : i32, f32, i16, f64, i32, vector<2xi32>
}
