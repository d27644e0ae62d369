// A small program in the func and arith dialects: a clamped, scaled dot step.
#map = affine_map<(d0, d1)[s0] -> (d0 * 4 + d1 + s0)>
module attributes {test.origin = "examples"} {
  func.func private @external(i32) -> i32

  func.func @scale_clamp(%x: i32, %scale: i32, %lo: i32, %hi: i32) -> i32 attributes {test.map = #map} {
    %p = arith.muli %x, %scale overflow<nsw> : i32
    %c = func.call @external(%p) : (i32) -> i32
    %a = arith.maxsi %c, %lo : i32
    %b = arith.minsi %a, %hi : i32
    return %b : i32
  }

  func.func @blend(%a: f32, %b: f32, %t: f32) -> f32 {
    %one = arith.constant 1.0 : f32
    %u = arith.subf %one, %t : f32
    %x = arith.mulf %a, %u fastmath<contract> : f32
    %y = arith.mulf %b, %t fastmath<contract> : f32
    %r = arith.addf %x, %y : f32
    %big = arith.cmpf ogt, %r, %one : f32
    %s = arith.select %big, %one, %r : f32
    return %s : f32
  }
}
