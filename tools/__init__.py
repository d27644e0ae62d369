"""Command-line drivers: mlir-py-opt, mlir-py-translate, mlir-py-run."""
