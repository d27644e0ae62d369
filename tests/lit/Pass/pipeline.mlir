// Pipelines: textual pipelines, pass flags with implicit nesting, named pipelines, command-line order.

// The IR after each pass shows the order and each pass's full option spelling (printAsTextualPipeline).
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --test-func-pass --symbol-dce --pass-pipeline='builtin.module(test-module-pass)' --test-options --mlir-print-ir-after-all -o /dev/null 2>&1 | filecheck %s --check-prefix=ORDER
// ORDER:     IR Dump After TestFuncPass: test-func-pass //----- //
// ORDER:     IR Dump After TestFuncPass: test-func-pass //----- //
// ORDER:     IR Dump After SymbolDCEPass: symbol-dce //----- //
// ORDER:     IR Dump After TestModulePass: test-module-pass //----- //
// ORDER:     IR Dump After TestOptionsPass: test-options{f=0.5 flag=false i=0 s=dflt} //----- //
// ORDER-NOT: IR Dump

// A textual pipeline nests on op names; `any` runs on every isolated op; flags nest implicitly.
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --pass-pipeline='builtin.module(func.func(test-func-pass))' | filecheck %s --check-prefix=VISITED
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --pass-pipeline='builtin.module(any(test-func-pass))' | filecheck %s --check-prefix=VISITED
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --test-func-pass | filecheck %s --check-prefix=VISITED
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py -test-func-pass | filecheck %s --check-prefix=VISITED
// VISITED: func.func @f() attributes {test.visited}
// VISITED: func.func private @g() attributes {test.visited}

// Named pipelines are used like passes, as flags and inside pipelines, with options.
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --test-pipeline | filecheck %s --check-prefix=NAMED
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --pass-pipeline='builtin.module(test-pipeline)' | filecheck %s --check-prefix=NAMED
// NAMED: module attributes {test.module = "done"}
// NAMED: func.func @f() attributes {test.visited}
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --pass-pipeline='builtin.module(test-pipeline-opts{times=3})' --mlir-pass-statistics -o /dev/null 2>&1 | filecheck %s --check-prefix=NAMEDOPTS
// NAMEDOPTS:      'func.func' Pipeline
// NAMEDOPTS-NEXT:   TestFuncPass
// NAMEDOPTS:        TestFuncPass
// NAMEDOPTS:        TestFuncPass
// NAMEDOPTS-NEXT:     (S) 0 extra       - Another counter
// NAMEDOPTS-NEXT:     (S) 2 num-visited - Number of functions visited

// Pass options: typed values, lists, bare bool flags, quoted and braced values, defaults.
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --pass-pipeline='builtin.module(test-options{i=0x10 f=2.5 flag list=1,2,3 s={a b}})' -o /dev/null 2>&1 | filecheck %s --check-prefix=OPTS
// OPTS: remark: {{.*}}test-options: i=16 f=2.5 s={a b} flag=true list=1,2,3
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --test-options='i=-3 flag=false s="x,y"' -o /dev/null 2>&1 | filecheck %s --check-prefix=FLAGOPTS
// FLAGOPTS: remark: {{.*}}test-options: i=-3 f=0.5 s={x,y} flag=false list=
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py --test-options=i=7 -o /dev/null 2>&1 | filecheck %s --check-prefix=ONEOPT
// ONEOPT: remark: {{.*}}test-options: i=7 f=0.5 s=dflt flag=false list=

// Several --pass-pipeline flags and pass flags run in command-line order.
// RUN: mlir-py-opt %s --load-pass-plugin %S/Inputs/test_passes.py -p 'builtin.module(test-options{i=1})' --test-options=i=2 --pass-pipeline='builtin.module(test-options{i=3})' -o /dev/null 2>&1 | filecheck %s --check-prefix=SEQ
// SEQ: remark: {{.*}}test-options: i=1
// SEQ: remark: {{.*}}test-options: i=2
// SEQ: remark: {{.*}}test-options: i=3

func.func @f() {
  return
}
func.func private @g() {
  return
}
