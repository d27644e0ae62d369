// --mlir-pass-statistics prints MLIR's "Pass statistics report": declared statistics (zero included) sorted by
// name as "(S) value name - description", nested like the pipeline, or merged per pass with the list display.

// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --pass-pipeline='builtin.module(func.func(test-func-pass),symbol-dce,func.func(test-func-pass))' --mlir-pass-statistics -o /dev/null 2>&1 | filecheck %s
// CHECK:      ===-------------------------------------------------------------------------===
// CHECK-NEXT:                          ... Pass statistics report ...
// CHECK-NEXT: ===-------------------------------------------------------------------------===
// CHECK-NEXT: 'func.func' Pipeline
// CHECK-NEXT:   TestFuncPass
// CHECK-NEXT:     (S) 0 extra       - Another counter
// CHECK-NEXT:     (S) 4 num-visited - Number of functions visited
// CHECK-NEXT: SymbolDCEPass
// CHECK-NEXT:   (S) 1 num-dce'd - Number of symbols DCE'd
// CHECK-NEXT: 'func.func' Pipeline
// CHECK-NEXT:   TestFuncPass
// CHECK-NEXT:     (S) 0 extra       - Another counter
// CHECK-NEXT:     (S) 3 num-visited - Number of functions visited

// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --pass-pipeline='builtin.module(func.func(test-func-pass),symbol-dce,func.func(test-func-pass))' --mlir-pass-statistics --mlir-pass-statistics-display=list -o /dev/null 2>&1 | filecheck %s --check-prefix=LIST
// LIST:      ... Pass statistics report ...
// LIST-NEXT: ===-------------------------------------------------------------------------===
// LIST-NEXT:   SymbolDCEPass
// LIST-NEXT:     (S) 1 num-dce'd - Number of symbols DCE'd
// LIST-NEXT:   TestFuncPass
// LIST-NEXT:     (S) 0 extra       - Another counter
// LIST-NEXT:     (S) 7 num-visited - Number of functions visited

// One report per chunk of a split file (each chunk gets a fresh pass manager, as mlir-opt).
// RUN: mlir-py-opt %s --split-input-file --load-pass-plugin %S/Inputs/test_passes.py --test-func-pass --mlir-pass-statistics -o /dev/null 2>&1 | filecheck %s --check-prefix=SPLIT
// SPLIT:     (S) 3 num-visited
// SPLIT:     (S) 1 num-visited
// SPLIT-NOT: num-visited

func.func @f() {
  return
}
func.func private @g() {
  return
}
func.func @h() {
  return
}

// -----

func.func @k() {
  return
}
