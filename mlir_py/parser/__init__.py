"""The MLIR text parser (lark LALR, IR built during the parse). See :mod:`mlir_py.parser.parser`."""

from .parser import MLIRParser, parse_module

__all__ = ["MLIRParser", "parse_module"]
