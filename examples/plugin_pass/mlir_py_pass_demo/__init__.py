"""mlir-py-pass-demo: an out-of-tree pass package for mlir-py (the code of docs/tutorials/writing-a-pass.md).

Importing the package registers its passes; ``mlir-py-opt`` finds them through the ``mlir_py.passes`` entry
point when the package is installed, or with ``--load-pass-plugin examples/plugin_pass/mlir_py_pass_demo``."""

from .strength_reduce import MulByPow2ToShl, StrengthReduceMulByPow2Pass

__all__ = ["MulByPow2ToShl", "StrengthReduceMulByPow2Pass"]
