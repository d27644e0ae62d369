"""mlir-py-plugin-demo: the ``demo`` dialect, an out-of-tree mlir-py plugin (docs/tutorials/dialect-plugin.md)."""

from .dialect import DIALECT, ClampOp, FixedType, MapOp, QuantizeOp, RangeAttr, YieldOp

__all__ = ["DIALECT", "ClampOp", "FixedType", "MapOp", "QuantizeOp", "RangeAttr", "YieldOp"]
