func.func @combine(%c: i1, %x: f32) -> (f32, f32) {
  %r = scf.if %c -> (f32) {
    %a = arith.addf %x, %x : f32
    scf.yield %a : f32
  } else {
    scf.yield %x : f32
  }
  %s = scf.if %c -> (f32) {
    %b = arith.mulf %r, %r : f32
    scf.yield %b : f32
  } else {
    %b = arith.subf %r, %x : f32
    scf.yield %b : f32
  }
  return %r, %s : f32, f32
}
func.func @combine_not(%c: i1, %x: f32) {
  %t = arith.constant true
  %n = arith.xori %c, %t : i1
  scf.if %c {
    "test.a"() : () -> ()
  }
  scf.if %n {
    "test.b"() : () -> ()
  }
  return
}
func.func @propagate(%c: i1, %x: f32) -> (i1, i1) {
  %r:2 = scf.if %c -> (i1, i1) {
    "test.a"(%c) : (i1) -> ()
    %q = "test.q"(%c) : (i1) -> i1
    scf.yield %q, %c : i1, i1
  } else {
    %q = "test.q"(%c) : (i1) -> i1
    scf.yield %c, %q : i1, i1
  }
  return %r#0, %r#1 : i1, i1
}
func.func @nested(%a: i1, %b: i1, %x: f32, %y: f32) -> (f32, f32) {
  %r:2 = scf.if %a -> (f32, f32) {
    %i = scf.if %b -> (f32) {
      %z = arith.addf %x, %y : f32
      "test.a"() : () -> ()
      scf.yield %z : f32
    } else {
      scf.yield %y : f32
    }
    scf.yield %i, %x : f32, f32
  } else {
    scf.yield %y, %y : f32, f32
  }
  return %r#0, %r#1 : f32, f32
}
func.func @nested_noresult(%a: i1, %b: i1) {
  scf.if %a {
    scf.if %b {
      "test.a"() : () -> ()
    }
  }
  return
}
