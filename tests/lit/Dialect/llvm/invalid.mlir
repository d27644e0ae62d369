// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics

// llvm dialect errors: operand constraints, aggregates, returns, calls and syntax.

llvm.func @fadd_on_integers(%a: i32) -> i32 {
  // expected-error @+1 {{'llvm.fadd' op operand #0 must be floating point or vector of floats, but got 'i32'}}
  %0 = "llvm.fadd"(%a, %a) : (i32, i32) -> i32
  llvm.return %0 : i32
}

// -----

llvm.func @extract_type(%s: !llvm.struct<(ptr, i64)>) -> i32 {
  // expected-error @+1 {{'llvm.extractvalue' op result type 'i32' does not match the type at position [1] of '!llvm.struct<(ptr, i64)>'}}
  %0 = "llvm.extractvalue"(%s) <{position = array<i64: 1>}> : (!llvm.struct<(ptr, i64)>) -> i32
  llvm.return %0 : i32
}

// -----

llvm.func @extract_position(%s: !llvm.struct<(ptr, i64)>) -> i64 {
  // expected-error @+1 {{custom op 'llvm.extractvalue' invalid position [2] in '!llvm.struct<(ptr, i64)>'}}
  %0 = llvm.extractvalue %s[2] : !llvm.struct<(ptr, i64)>
  llvm.return %0 : i64
}

// -----

llvm.func @return_type(%a: i32) -> i64 {
  // expected-error @+1 {{'llvm.return' op mismatching result types}}
  llvm.return %a : i32
}

// -----

llvm.func @call_unknown(%a: i32) {
  // expected-error @+1 {{'llvm.call' op 'nowhere' does not reference a valid LLVM function}}
  llvm.call @nowhere(%a) : (i32) -> ()
  llvm.return
}

// -----

llvm.func @callee(i64)

llvm.func @call_types(%a: i32) {
  // expected-error @+1 {{'llvm.call' op operand types ['i32'] do not match the callee's ['i64']}}
  llvm.call @callee(%a) : (i32) -> ()
  llvm.return
}

// -----

llvm.func @load_from_int(%a: i64) -> f32 {
  // expected-error @+1 {{'llvm.load' op operand #0 must be LLVM pointer type, but got 'i64'}}
  %0 = "llvm.load"(%a) <{ordering = 0 : i64}> : (i64) -> f32
  llvm.return %0 : f32
}

// -----

// expected-error @+1 {{custom op 'llvm.mlir.global' unexpected keyword 'sometimes'}}
llvm.mlir.global sometimes @g(0 : i32) : i32

// -----

llvm.func @intrinsic_arity(%a: f32) -> f32 {
  // expected-error @+1 {{'llvm.intr.fmuladd' op expects 3 operand(s), got 2}}
  %0 = llvm.intr.fmuladd(%a, %a) : (f32, f32) -> f32
  llvm.return %0 : f32
}
