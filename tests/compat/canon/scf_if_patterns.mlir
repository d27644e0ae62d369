func.func @if_bool(%c: i1, %x: f32) -> (i1, i1, f32) {
  %t = arith.constant true
  %f = arith.constant false
  %r:3 = scf.if %c -> (i1, i1, f32) {
    "test.op"() : () -> ()
    scf.yield %t, %f, %x : i1, i1, f32
  } else {
    "test.op"() : () -> ()
    scf.yield %f, %t, %x : i1, i1, f32
  }
  return %r#0, %r#1, %r#2 : i1, i1, f32
}
func.func @if_empty_else(%c: i1, %x: f32) {
  scf.if %c {
    "test.store"(%x) : (f32) -> ()
  } else {
  }
  return
}
func.func @if_all_unused(%c: i1, %x: f32) {
  %r = scf.if %c -> (f32) {
    "test.store"(%x) : (f32) -> ()
    scf.yield %x : f32
  } else {
    %y = arith.addf %x, %x : f32
    scf.yield %y : f32
  }
  return
}
func.func @for_in_if(%c: i1, %x: f32, %lb: index, %ub: index, %s: index) -> f32 {
  %r = scf.if %c -> (f32) {
    %l = scf.for %i = %lb to %ub step %s iter_args(%a = %x) -> (f32) {
      %y = arith.addf %a, %a : f32
      scf.yield %y : f32
    }
    scf.yield %l : f32
  } else {
    scf.yield %x : f32
  }
  return %r : f32
}
func.func @if_outside(%c: i1, %a: f32, %b: f32) -> (f32, f32) {
  %r:2 = scf.if %c -> (f32, f32) {
    %s = arith.addf %a, %b : f32
    scf.yield %a, %s : f32, f32
  } else {
    scf.yield %b, %b : f32, f32
  }
  return %r#0, %r#1 : f32, f32
}
func.func @if_unused(%c: i1, %a: f32, %b: f32) -> f32 {
  %r:2 = scf.if %c -> (f32, f32) {
    %s = arith.addf %a, %b : f32
    scf.yield %s, %s : f32, f32
  } else {
    scf.yield %b, %b : f32, f32
  }
  return %r#0 : f32
}
