// --split-input-file: the input is cut wherever the marker occurs and the chunks are processed independently;
// the outputs are joined by the marker line (as mlir-opt prints them), a failed chunk contributes an empty output,
// diagnostics carry the lines and columns of the original file, and a near miss of the marker is a warning.
//
// RUN: not mlir-py-opt %s --split-input-file > %t.out 2> %t.err
// RUN: filecheck %s --input-file=%t.out --check-prefix=OUT --match-full-lines --strict-whitespace
// RUN: filecheck %s --input-file=%t.err --check-prefix=ERR
// RUN: echo 'func.func @a() { return } ;; func.func @b() { return }' | mlir-py-opt - --split-input-file=';;' | filecheck %s --check-prefix=MARKER
// RUN: echo 'func.func @a() { return } ;; func.func @b() { return }' | mlir-py-opt - --split-input-file=';;' --output-split-marker='##' | filecheck %s --check-prefix=OUTMARKER

//      OUT:module {
// OUT-NEXT:  func.func @first() {
// OUT-NEXT:    return
// OUT-NEXT:  }
// OUT-NEXT:  func.func @near_miss() {
// OUT-NEXT:    return
// OUT-NEXT:  }
// OUT-NEXT:}
// OUT-EMPTY:
// OUT-NEXT:{{//}} -----
// OUT-NEXT:{{//}} -----
// OUT-NEXT:module {
// OUT-NEXT:  func.func @third() {
// OUT-NEXT:    return
// OUT-NEXT:  }
// OUT-NEXT:  func.func @before_marker() {
// OUT-NEXT:    return
// OUT-NEXT:  }
// OUT-NEXT:}
// OUT-EMPTY:
// OUT-NEXT:{{//}} -----
//  OUT-NOT:{{.}}

func.func @first() {
  return
}

// ERR: split-input-file.mlir:[[# @LINE + 1]]:7: warning: near miss with file split marker
// ---- this is no marker: @near_miss stays in the first chunk
func.func @near_miss() {
  return
}

// -----

// ERR: split-input-file.mlir:[[# @LINE + 2]]:10: error: use of undeclared SSA value name
func.func @second() -> i32 {
  return %undefined : i32
}

// -----

func.func @third() {
  return
}

// A marker splits wherever it is, also after code on a line; columns stay those of the file:
// ERR: split-input-file.mlir:[[# @LINE + 1]]:79: error: use of undeclared SSA value name
func.func @before_marker() { return } // ----- func.func @g() -> i32 { return %undefined : i32 }

// Another marker can be given (here `;;`, fed through stdin); the outputs are still joined by the default marker, unless
// --output-split-marker says otherwise.
// MARKER: func.func @a()
// MARKER: {{^//}} -----{{$}}
// MARKER: func.func @b()
// OUTMARKER: func.func @a()
// OUTMARKER: {{^##$}}
// OUTMARKER: func.func @b()
