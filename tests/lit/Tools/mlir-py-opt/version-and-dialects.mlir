// --version and --show-dialects print and exit 0 without reading any input; --help lists the options.
//
// RUN: mlir-py-opt --version | filecheck %s --check-prefix=VERSION
// RUN: mlir-py-opt --show-dialects | filecheck %s --check-prefix=DIALECTS
// RUN: mlir-py-opt --help | filecheck %s --check-prefix=HELP

// VERSION: mlir-py-opt {{[0-9]+\.[0-9]+\.[0-9]+}}
// DIALECTS: Available Dialects: {{.*}}arith{{.*}}builtin{{.*}}func
// HELP: usage: mlir-py-opt
// HELP-DAG: --split-input-file
// HELP-DAG: --verify-diagnostics
// HELP-DAG: --allow-unregistered-dialect
// HELP-DAG: --mlir-print-op-generic
