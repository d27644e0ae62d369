// Usage errors and --help are reported by the option parser, never as an internal error.
// RUN: mlir-py-translate --help | filecheck %s --check-prefix=HELP
// RUN: not mlir-py-translate --no-such-flag %s 2>&1 | filecheck %s --check-prefix=BAD
// RUN: not mlir-py-translate --mlir-to-llvmir --import-onnx %s 2>&1 | filecheck %s --check-prefix=TWO

// HELP: usage: mlir-py-translate [options] --<translation> [input] [-o output]
// HELP: Translations to perform:
// HELP: --mlir-to-llvmir
// BAD: usage: mlir-py-translate
// BAD: error: unrecognized arguments: --no-such-flag
// BAD-NOT: internal error
// TWO: error: argument --import-onnx: not allowed with argument --mlir-to-llvmir
