// --mlir-timing prints MLIR's "Execution time report" on stderr: wall time per pass, nested like the pipeline
// (a line per nested pass manager), plus parsing, output, the rest and the total.

// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --pass-pipeline='builtin.module(func.func(test-func-pass,print-op-stats),symbol-dce)' --mlir-timing -o /dev/null 2>&1 | filecheck %s
// CHECK:      ===-------------------------------------------------------------------------===
// CHECK-NEXT:                          ... Execution time report ...
// CHECK-NEXT: ===-------------------------------------------------------------------------===
// CHECK-NEXT:   Total Execution Time: {{[0-9]+\.[0-9][0-9][0-9][0-9]}} seconds
// CHECK-EMPTY:
// CHECK-NEXT:   ----Wall Time----  ----Name----
// CHECK-NEXT:     {{[0-9]+\.[0-9][0-9][0-9][0-9]}} ({{ *[0-9]+\.[0-9]}}%)  Parser
// CHECK-NEXT:     {{[0-9]+\.[0-9][0-9][0-9][0-9]}} ({{ *[0-9]+\.[0-9]}}%)  'func.func' Pipeline
// CHECK-NEXT:     {{[0-9]+\.[0-9][0-9][0-9][0-9]}} ({{ *[0-9]+\.[0-9]}}%)    TestFuncPass
// CHECK-NEXT:     {{[0-9]+\.[0-9][0-9][0-9][0-9]}} ({{ *[0-9]+\.[0-9]}}%)    PrintOpStatsPass
// CHECK-NEXT:     {{[0-9]+\.[0-9][0-9][0-9][0-9]}} ({{ *[0-9]+\.[0-9]}}%)  SymbolDCEPass
// CHECK-NEXT:     {{[0-9]+\.[0-9][0-9][0-9][0-9]}} ({{ *[0-9]+\.[0-9]}}%)  Output
// CHECK-NEXT:     {{[0-9]+\.[0-9][0-9][0-9][0-9]}} ({{ *[0-9]+\.[0-9]}}%)  Rest
// CHECK-NEXT:     {{[0-9]+\.[0-9][0-9][0-9][0-9]}} (100.0%)  Total

// The list display merges lines by name and sorts them by time.
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --test-func-pass --symbol-dce --mlir-timing --mlir-timing-display=list -o /dev/null 2>&1 | filecheck %s --check-prefix=LIST
// LIST:     ----Wall Time----  ----Name----
// LIST-DAG: {{^ +[0-9]+\.[0-9][0-9][0-9][0-9] \( *[0-9]+\.[0-9]%\)  }}TestFuncPass
// LIST-DAG: {{^ +[0-9]+\.[0-9][0-9][0-9][0-9] \( *[0-9]+\.[0-9]%\)  }}SymbolDCEPass
// LIST-DAG: {{^ +[0-9]+\.[0-9][0-9][0-9][0-9] \( *[0-9]+\.[0-9]%\)  }}Parser
// LIST:     Rest
// LIST-NEXT: Total

func.func @f() {
  return
}
func.func private @g() {
  return
}
