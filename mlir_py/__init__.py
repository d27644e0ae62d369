"""mlir-py: an MLIR-style compiler framework in Python (IR, lark parser, printer, verifier, dialect plugins).

Quick start::

    from mlir_py import Context, parse_module, print_op, verify
    ctx = Context()
    module = parse_module(open("in.mlir").read(), ctx, "in.mlir")
    verify(module)
    print(print_op(module))
"""

from .diagnostics import Diagnostic, DiagnosticError, ParseError, VerifyError
from .dialect import Context, Dialect
from .ir import Block, BlockArgument, Operation, OpResult, Region, Value
from .parser import parse_module
from .printer import Printer, print_op
from .verifier import verify

__version__ = "0.1.0"

__all__ = ["Block", "BlockArgument", "Context", "Diagnostic", "DiagnosticError", "Dialect", "OpResult",
           "Operation", "ParseError", "Printer", "Region", "Value", "VerifyError", "parse_module", "print_op",
           "verify", "__version__"]
