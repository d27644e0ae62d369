// RUN: mlir-py-opt %s --split-input-file --verify-diagnostics

// llvm dialect errors: operand constraints, aggregates, returns, calls and syntax.

llvm.func @fadd_on_integers(%a: i32) -> i32 {
  // expected-error @+1 {{'llvm.fadd' op operand #0 must be floating point LLVM type or LLVM dialect-compatible vector of floating point LLVM type, but got 'i32'}}
  %0 = "llvm.fadd"(%a, %a) : (i32, i32) -> i32
  llvm.return %0 : i32
}

// -----

llvm.func @extract_type(%s: !llvm.struct<(ptr, i64)>) -> i32 {
  // expected-error @+1 {{'llvm.extractvalue' op Type mismatch: extracting from '!llvm.struct<(ptr, i64)>' should produce 'i64' but this op returns 'i32'}}
  %0 = "llvm.extractvalue"(%s) <{position = array<i64: 1>}> : (!llvm.struct<(ptr, i64)>) -> i32
  llvm.return %0 : i32
}

// -----

// expected-note @+1 {{when returning from function}}
llvm.func @return_type(%a: i32) -> i64 {
  // expected-error @+1 {{'llvm.return' op mismatching result types}}
  llvm.return %a : i32
}

// -----

llvm.func @call_unknown(%a: i32) {
  // expected-error @+1 {{'llvm.call' op 'nowhere' does not reference a symbol in the current scope}}
  llvm.call @nowhere(%a) : (i32) -> ()
  llvm.return
}

// -----

llvm.func @callee(i64)

llvm.func @call_types(%a: i32) {
  // expected-error @+1 {{'llvm.call' op operand type mismatch: expected operand type 'i64', but provided 'i32' for operand number 0}}
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

// expected-error @+1 {{custom op 'llvm.mlir.global' expected valid '@'-identifier for symbol name}}
llvm.mlir.global sometimes @g(0 : i32) : i32

// -----

llvm.func @intrinsic_arity(%a: f32) -> f32 {
  // expected-error @+1 {{'llvm.intr.fmuladd' op expected 3 operands, but found 2}}
  %0 = llvm.intr.fmuladd(%a, %a) : (f32, f32) -> f32
  llvm.return %0 : f32
}
