// The out-of-tree demo dialect (examples/plugin_dialect), loaded by path without installing it: the forms of
// --load-dialect-plugin (package folder, a file of the package), then the plugin's own FileCheck suite.

// RUN: mlir-py-opt --show-dialects --load-dialect-plugin %{demo}/mlir_py_plugin_demo | filecheck %s
// RUN: mlir-py-opt --show-dialects --load-dialect-plugin=%{demo}/mlir_py_plugin_demo/dialect.py | filecheck %s
// CHECK: Available Dialects: {{.*}}demo

// RUN: mlir-py-opt %{demo}/test/ops.mlir --load-dialect-plugin %{demo}/mlir_py_plugin_demo \
// RUN:   | mlir-py-opt --load-dialect-plugin %{demo}/mlir_py_plugin_demo/dialect.py | filecheck %{demo}/test/ops.mlir

// RUN: %lit -q %{demo}/test
