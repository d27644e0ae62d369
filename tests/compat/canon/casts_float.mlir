// Float casts fold only when exact (extf always; truncf only without precision loss); int<->float casts
// round to nearest even, and fptosi/fptoui do not fold out of range.
func.func @float_casts() -> (f64, f16, f32, f32, f32, f16, i8, i8, i8, i32, i32) {
  %a = arith.constant 0.1 : f32
  %0 = arith.extf %a : f32 to f64
  %h = arith.constant 0.5 : f32
  %1 = arith.truncf %h : f32 to f16
  %2 = arith.truncf %0 : f64 to f32
  %big = arith.constant 16777217 : i32
  %3 = arith.sitofp %big : i32 to f32
  %neg = arith.constant -1 : i32
  %4 = arith.uitofp %neg : i32 to f32
  %5 = arith.sitofp %neg : i32 to f16
  %f = arith.constant -3.75 : f32
  %6 = arith.fptosi %f : f32 to i8
  %7 = arith.fptoui %f : f32 to i8
  %g = arith.constant 300.0 : f32
  %8 = arith.fptosi %g : f32 to i8
  %i64m = arith.constant 9007199254740993 : i64
  %9 = arith.sitofp %i64m : i64 to f64
  %10 = arith.fptoui %h : f32 to i32
  %inexact = arith.constant 0.1 : f64
  %11 = arith.truncf %inexact : f64 to f32
  %nz = arith.constant -0.5 : f32
  %12 = arith.fptosi %nz : f32 to i32
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %10, %12 : f64, f16, f32, f32, f32, f16, i8, i8, i8, i32, i32
}

func.func @float_cast_chains(%x: f16, %i: i32) -> (f16, f16, f32, f32) {
  %e = arith.extf %x : f16 to f32
  %0 = arith.truncf %e : f32 to f16
  %e2 = arith.extf %x : f16 to f64
  %t = arith.truncf %e2 : f64 to f32
  %1 = arith.truncf %t : f32 to f16
  %s = arith.sitofp %i : i32 to f64
  %2 = arith.truncf %s : f64 to f32
  %u = arith.uitofp %i : i32 to f64
  %3 = arith.truncf %u : f64 to f32
  return %0, %1, %2, %3 : f16, f16, f32, f32
}
