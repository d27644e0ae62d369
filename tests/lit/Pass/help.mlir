// --help lists the registered passes and pipelines with their summaries and options (mlir-opt's "Compiler
// passes to run" section); --list-passes prints one line per pass.

// RUN: mlir-py-opt --help | filecheck %s
// RUN: mlir-py-opt --load-pass-plugin %S/Inputs/test_passes.py --help | filecheck %s --check-prefix=PLUGIN
// RUN: mlir-py-opt --list-passes | filecheck %s --check-prefix=LIST

// CHECK:      --pass-pipeline PIPELINE
// CHECK:      --verify-each BOOL
// CHECK:      --mlir-print-ir-after-all
// CHECK:      --mlir-timing
// CHECK:      --mlir-pass-statistics
// CHECK:      Compiler passes to run:
// CHECK-NEXT:   Passes:
// CHECK:          --inline {{ +}}-   Inline function calls
// CHECK-NEXT:       --default-pipeline=<string> {{ +}}- The optimizer pipeline
// CHECK:          --print-op-stats {{ +}}-   Print statistics of operations
// CHECK-NEXT:       --json {{ +}}- print the stats as JSON
// CHECK:          --symbol-dce {{ +}}-   Eliminate dead symbols
// CHECK:          --view-op-graph {{ +}}-   Print Graphviz visualization of an operation
// CHECK-NEXT:       --max-label-len=<int> {{ +}}- Limit attribute/type length to number of chars
// CHECK:        Pass Pipelines:

// PLUGIN:      --test-options {{ +}}-   Test pass options
// PLUGIN-NEXT:   --i=<int> {{ +}}- an integer
// PLUGIN-NEXT:   --f=<number> {{ +}}- a number
// PLUGIN-NEXT:   --s=<string> {{ +}}- a string
// PLUGIN-NEXT:   --flag {{ +}}- a flag
// PLUGIN-NEXT:   --list=<int> {{ +}}- a list of integers
// PLUGIN:      Pass Pipelines:
// PLUGIN:        --test-pipeline {{ +}}-   Test named pipeline
// PLUGIN-NEXT:   --test-pipeline-opts {{ +}}-   Test pipeline with options
// PLUGIN-NEXT:     --times=<int> {{ +}}- how many times to run test-func-pass

// LIST:      Passes:
// LIST:        inline {{ +}}Inline function calls
// LIST:        symbol-dce {{ +}}Eliminate dead symbols
// LIST:      Pass Pipelines:
