// The out-of-tree pass package (examples/plugin_pass), loaded with --load-pass-plugin in its three forms
// (package folder, module file, module name), then the plugin's own FileCheck suite (lit.cfg.py built on
// mlir_py.lit.config.configure with pass_plugins=[...]).

// RUN: mlir-py-opt %S/../../../examples/plugin_pass/example.mlir --load-pass-plugin %S/../../../examples/plugin_pass/mlir_py_pass_demo --strength-reduce-mul-by-pow2 | filecheck %s
// RUN: mlir-py-opt %S/../../../examples/plugin_pass/example.mlir --load-pass-plugin=%S/../../../examples/plugin_pass/mlir_py_pass_demo/strength_reduce.py --pass-pipeline='builtin.module(func.func(strength-reduce-mul-by-pow2))' | filecheck %s
// RUN: env PYTHONPATH=%S/../../../examples/plugin_pass:%S/../../.. mlir-py-opt %S/../../../examples/plugin_pass/example.mlir --load-pass-plugin mlir_py_pass_demo --strength-reduce-mul-by-pow2 | filecheck %s
// CHECK-LABEL: func.func @scale
//       CHECK:   arith.shli %arg0, %{{.*}} : i32
//       CHECK:   arith.shli %arg1, %{{.*}} : index

// Without the plugin the pass is unknown.
// RUN: not mlir-py-opt %S/../../../examples/plugin_pass/example.mlir --pass-pipeline='builtin.module(strength-reduce-mul-by-pow2)' 2>&1 | filecheck %s --check-prefix=UNKNOWN
// UNKNOWN: error: 'strength-reduce-mul-by-pow2' does not refer to a registered pass or pass pipeline

// A plugin that registers nothing, or does not import, is an error.
// RUN: not mlir-py-opt --list-passes --load-pass-plugin %S/Inputs/no_passes.py 2>&1 | filecheck %s --check-prefix=NOTHING
// NOTHING: error: could not load plugin: pass plugin '{{.*}}no_passes.py' registers no pass or pass pipeline

// RUN: %lit -q %S/../../../examples/plugin_pass/test
