// -o writes the output to a file (stdout stays empty); like mlir-opt, the file is kept only when the run
// succeeds: a failing run leaves no (or removes the) output file.
//
// RUN: mlir-py-opt %s -o %t.mlir > %t.stdout
// RUN: filecheck %s --input-file=%t.mlir
// RUN: filecheck %s --input-file=%t.stdout --check-prefix=EMPTY --allow-empty
// RUN: mlir-py-opt %t.mlir | filecheck %s
// RUN: not mlir-py-opt %S/Inputs/invalid.mlir -o %t.mlir 2>&1 | filecheck %s --check-prefix=ERR
// RUN: not cat %t.mlir
// RUN: mlir-py-opt %s -o - | filecheck %s

// CHECK: module {
// CHECK-NEXT: func.func @f(%arg0: i32) -> i32 {
// CHECK-NEXT: return %arg0 : i32
// EMPTY-NOT: {{.}}
// ERR: invalid.mlir:5:10: error: use of undeclared SSA value name
func.func @f(%a: i32) -> i32 {
  return %a : i32
}
