// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics

func.func @range_too_wide(%x: f32) {
  // expected-error @+1 {{'demo.quantize' op range [-4.0, 1.0] does not fit in '!demo.fixed<8, 6>', whose values are in [-2.0, 1.984375]}}
  %q = demo.quantize %x in #demo.range<-4.0, 1.0> : f32 to !demo.fixed<8, 6>
  return
}

// -----

func.func @quantize_int(%x: i32) {
  // expected-error @+1 {{'demo.quantize' op operand #0 must be float, but got 'i32'}}
  %q = demo.quantize %x : i32 to !demo.fixed<8, 2>
  return
}

// -----

func.func @quantize_to_float(%x: f32) {
  // expected-error @+1 {{'demo.quantize' op result #0 must be fixed-point type, but got 'f32'}}
  %q = demo.quantize %x : f32 to f32
  return
}

// -----

// expected-error @+1 {{invalid type 'demo.fixed<8, 9>': fraction bits (9) must be in 0..width-1 (7)}}
func.func @bad_fraction(%x: !demo.fixed<8, 9>) {
  return
}

// -----

// expected-error @+1 {{invalid type 'demo.fixed<0, 0>': width must be in 1..64, got 0}}
func.func @bad_width(%x: !demo.fixed<0, 0>) {
  return
}

// -----

// expected-error @+1 {{expected '!demo.fixed<width, fraction-bits>'}}
func.func @missing_fraction(%x: !demo.fixed<8>) {
  return
}

// -----

// expected-error @+1 {{dialect 'demo' provides no type named 'float'}}
func.func @unknown_type(%x: !demo.float<8>) {
  return
}

// -----

func.func @empty_range(%x: f32) {
  // expected-error @+1 {{invalid attribute 'demo.range<2.0, 1.0>': lower bound 2.0 exceeds upper bound 1.0}}
  %q = demo.quantize %x in #demo.range<2.0, 1.0> : f32 to !demo.fixed<8, 6>
  return
}

// -----

func.func @range_not_numbers(%x: f32) {
  // expected-error @+1 {{expected '#demo.range<lo, hi>' with two numbers}}
  %q = demo.quantize %x in #demo.range<low, 1.0> : f32 to !demo.fixed<8, 6>
  return
}

// -----

func.func @clamp_bound_type(%t: tensor<4xf32>, %lo: f64, %hi: f32) {
  // expected-error @+1 {{'demo.clamp' op expects 'lo' of the input's element type 'f32', but got 'f64'}}
  %c = "demo.clamp"(%t, %lo, %hi) : (tensor<4xf32>, f64, f32) -> tensor<4xf32>
  return
}

// -----

func.func @clamp_result_type(%t: tensor<4xf32>, %lo: f32) {
  // expected-error @+1 {{'demo.clamp' op expects the result type to be the input type}}
  %c = "demo.clamp"(%t, %lo, %lo) : (tensor<4xf32>, f32, f32) -> tensor<8xf32>
  return
}

// -----

func.func @clamp_missing_bound(%t: tensor<4xf32>, %lo: f32) {
  // expected-error @+1 {{expected ','}}
  %c = demo.clamp %t, %lo : tensor<4xf32>
  return
}

// -----

func.func @map_scalar(%x: f32) {
  // expected-error @+1 {{'demo.map' op operand #0 must be ranked tensor or vector, but got 'f32'}}
  %r = demo.map %x : f32 {
  ^bb0(%e: f32):
    demo.yield %e : f32
  }
  return
}

// -----

func.func @map_argument(%t: tensor<4xf32>) {
  // expected-error @+1 {{'demo.map' op expects its body to take one argument of the element type 'f32'}}
  %r = demo.map %t : tensor<4xf32> {
  ^bb0(%e: f64):
    demo.yield %e : f64
  }
  return
}

// -----

func.func @map_yield_type(%t: tensor<4xf32>, %i: i32) {
  %r = demo.map %t : tensor<4xf32> {
  ^bb0(%e: f32):
    // expected-error @+1 {{'demo.yield' op yields 'i32' but 'demo.map' expects its element type 'f32'}}
    demo.yield %i : i32
  }
  return
}

// -----

func.func @map_no_terminator(%t: tensor<4xf32>) {
  %r = demo.map %t : tensor<4xf32> {
  ^bb0(%e: f32):
    // expected-error @+1 {{block with no terminator}}
    %x = arith.addf %e, %e : f32
  }
  return
}

// -----

func.func @yield_outside_map(%x: f32) {
  // expected-error @+1 {{'demo.yield' op expects parent op 'demo.map'}}
  demo.yield %x : f32
}
