func.func @float_constants() {
  %0 = arith.constant 0.0 : f32
  %1 = arith.constant -0.0 : f32
  %2 = arith.constant 1.0 : f32
  %3 = arith.constant 0.1 : f32
  %4 = arith.constant 0.1 : f64
  %5 = arith.constant 3.14159265358979 : f64
  %6 = arith.constant 1.0e30 : f32
  %7 = arith.constant 1.5e-40 : f32
  %8 = arith.constant 6.5e4 : f16
  %9 = arith.constant 0.333 : bf16
  %10 = arith.constant 0x7FC00000 : f32
  %11 = arith.constant 0x7F800000 : f32
  %12 = arith.constant 0xFF800000 : f32
  %13 = arith.constant 0x7FF0000000000000 : f64
  %14 = arith.constant 0x7FF8000000000001 : f64
  %15 = arith.constant 0x7E00 : f16
  %16 = arith.constant 0x7FC1 : bf16
  %17 = arith.constant 123456789.0 : f64
  %18 = arith.constant 1.0e-300 : f64
  %19 = arith.constant 2.5 : f16
  %20 = arith.constant 1.e+10 : f64
  %21 = arith.constant 100.0 : f32
  %22 = arith.constant 16777217.0 : f32
  %23 = arith.constant 0.30000000000000004 : f64
  %24 = arith.constant 1.17549435E-38 : f32
  %25 = arith.constant 0x7F800001 : f32
  %26 = arith.constant 0x7E01 : f16
  %27 = arith.constant 0xFFF0000000000001 : f64
  %28 = arith.constant 0x8000 : bf16
  %29 = arith.constant 0x00000001 : f32
  %30 = arith.constant 65504.0 : f16
  %31 = arith.constant 3.3895314E+38 : bf16
  return
}
