// Diagnostics as mlir-opt prints them: `file:line:col: severity: message`, the source line and a caret (tabs
// expanded), notes at their own locations (the source line only when it differs from the previous one), the
// generic form of the failing op in a `see current operation` note, and `<unknown>:0` for locations without a
// file position. All on stderr; the exit code is 1.
//
// RUN: not mlir-py-opt %s --split-input-file 2>&1 >/dev/null | filecheck %s --strict-whitespace

// CHECK:      diagnostics.mlir:[[# @LINE + 8]]:8: error: operand #0 does not dominate this use
// CHECK-NEXT: {{^}}  %0 = arith.addi %1, %1 : i32{{$}}
// CHECK-NEXT: {{^}}       ^{{$}}
// CHECK-NEXT: diagnostics.mlir:[[# @LINE + 5]]:8: note: see current operation: %0 = "arith.addi"(%1, %1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32
// CHECK-NEXT: diagnostics.mlir:[[# @LINE + 5]]:8: note: operand defined here (op in the same block)
// CHECK-NEXT: {{^}}  %1 = arith.constant 0 : i32{{$}}
// CHECK-NEXT: {{^}}       ^{{$}}
func.func @notes() {
  %0 = arith.addi %1, %1 : i32
  %1 = arith.constant 0 : i32
  return
}

// -----

// CHECK:      diagnostics.mlir:[[# @LINE + 11]]:1: error: redefinition of symbol named 'twice'
// CHECK-NEXT: {{^}}func.func @twice() {{[{]}}{{$}}
// CHECK-NEXT: {{^}}^{{$}}
// CHECK-NEXT: diagnostics.mlir:[[# @LINE + 8]]:1: note: see current operation: {{$}}
// CHECK-NEXT: {{^}}"func.func"() <{function_type = () -> (), sym_name = "twice"}> {{[(][{]}}{{$}}
// CHECK-NEXT: {{^}}  "func.return"() : () -> (){{$}}
// CHECK-NEXT: {{^}}}) : () -> (){{$}}
// CHECK-NEXT: diagnostics.mlir:[[# @LINE + 1]]:1: note: see existing symbol definition here
func.func @twice() {
  return
}
func.func @twice() {
  return
}

// -----

// The column counts a tab as one character; the source line shows it expanded to 8-column stops.
// CHECK:      diagnostics.mlir:[[# @LINE + 4]]:9: error: use of undeclared SSA value name
// CHECK-NEXT: {{^}}        return %undefined : i32{{$}}
// CHECK-NEXT: {{^}}               ^{{$}}
func.func @tab() -> i32 {
	return %undefined : i32
}

// -----

// A name location shows the file position inside it (no source line: that file is not the input); a location
// without any file position prints as <unknown>:0 and quotes the location.
// CHECK:      other.mlir:3:4: error: 'func.return' op has 0 operands, but enclosing function (@named) returns 1
// CHECK-NEXT: other.mlir:3:4: note: see current operation: "func.return"() : () -> ()
func.func @named() -> i32 {
  return loc("here"("other.mlir":3:4))
}

// -----

// CHECK:      <unknown>:0: error: loc("nowhere"): 'func.return' op has 0 operands, but enclosing function (@unnamed) returns 1
// CHECK-NEXT: <unknown>:0: note: loc("nowhere"): see current operation: "func.return"() : () -> ()
func.func @unnamed() -> i32 {
  return loc("nowhere")
}
