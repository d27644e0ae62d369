"""The ``demo`` dialect: a small fixed-point quantization dialect, written as an out-of-tree mlir-py plugin.

It shows each extension point a plugin has (docs/tutorials/dialect-plugin.md walks through this file):
a dialect type with a parse hook (``!demo.fixed<16, 8>``), a dialect attribute with a parse hook
(``#demo.range<-1.0, 1.0>``), ops with declarative assembly formats and verifiers (``demo.quantize``,
``demo.clamp``), a type-inference hook, and an op with a region and its terminator (``demo.map``, ``demo.yield``).

This module imports nothing but ``mlir_py``, so ``--load-dialect-plugin path/to/dialect.py`` works on the file
alone; ``pyproject.toml`` registers :data:`DIALECT` in the ``mlir_py.dialects`` entry-point group.
"""

from __future__ import annotations

from typing import Any

from mlir_py.attributes import (
    Attribute,
    AttrPrinter,
    FloatType,
    IndexType,
    IntegerType,
    RankedTensorType,
    Type,
    VectorType,
    element_type,
)
from mlir_py.dialect import Dialect
from mlir_py.opdef import (
    Constraint,
    Elementwise,
    HasParent,
    IsTerminator,
    Op,
    Pure,
    ReturnLike,
    SameOperandsAndResultType,
    SingleBlock,
    isa,
    operand,
    prop,
    region_def,
    result_def,
)

# ---------------------------------------------------------------------------------------------------------------
# A type and an attribute, each with a parse hook
# ---------------------------------------------------------------------------------------------------------------


class FixedType(Type):
    """``!demo.fixed<W, F>``: a signed two's-complement fixed-point number of ``W`` bits, ``F`` of them
    fractional (Q(W-F).F; ``!demo.fixed<16, 8>`` is Q8.8). A stored integer ``q`` means ``q * 2**-F``.

    Range: ``[-2**(W-1-F), 2**(W-1-F) - 2**-F]`` in steps of ``2**-F`` (R. Yates, "Fixed-Point Arithmetic:
    An Introduction", Digital Signal Labs, 2013, sec. 4). Errors: ``W`` outside 1..64, ``F >= W``.
    """

    __slots__ = ("width", "frac")

    def __init__(self, width: int, frac: int):
        if not 1 <= width <= 64:
            raise ValueError(f"width must be in 1..64, got {width}")
        if not 0 <= frac < width:
            raise ValueError(f"fraction bits ({frac}) must be in 0..width-1 ({width - 1})")
        self.width, self.frac = width, frac

    def _key(self) -> tuple[Any, ...]:
        return (self.width, self.frac)

    def print(self, p: AttrPrinter) -> str:
        return f"!demo.fixed<{self.width}, {self.frac}>"

    @property
    def min_value(self) -> float:
        return -(2.0 ** (self.width - 1 - self.frac))

    @property
    def max_value(self) -> float:
        return (2 ** (self.width - 1) - 1) / 2.0**self.frac

    @classmethod
    def parse(cls, body: str | None, parser: Any) -> FixedType:
        """Parse hook: ``body`` is the text between ``<`` and ``>`` (``"16, 8"``), ``None`` without brackets."""
        parts = [] if body is None else [s.strip() for s in body.split(",")]
        if len(parts) != 2 or not all(s.isdigit() for s in parts):
            raise parser.error("expected '!demo.fixed<width, fraction-bits>'")
        return cls(int(parts[0]), int(parts[1]))  # a ValueError becomes a located 'invalid type' error


class RangeAttr(Attribute):
    """``#demo.range<lo, hi>``: the closed interval of real values a tensor was calibrated to (bounds are f64).

    Errors: ``lo > hi`` (or a NaN bound).
    """

    __slots__ = ("lo", "hi")

    def __init__(self, lo: float, hi: float):
        if not lo <= hi:
            raise ValueError(f"lower bound {lo!r} exceeds upper bound {hi!r}")
        self.lo, self.hi = float(lo), float(hi)

    def _key(self) -> tuple[Any, ...]:
        return (self.lo, self.hi)

    def print(self, p: AttrPrinter) -> str:
        return f"#demo.range<{self.lo!r}, {self.hi!r}>"

    @classmethod
    def parse(cls, body: str | None, parser: Any) -> RangeAttr:
        """Parse hook for ``#demo.range<lo, hi>``."""
        try:
            lo, hi = (float(s) for s in (body or "").split(","))
        except ValueError:
            raise parser.error("expected '#demo.range<lo, hi>' with two numbers") from None
        return cls(lo, hi)


Numeric = Constraint(lambda t: isinstance(element_type(t), (IntegerType, IndexType, FloatType, FixedType)),
                     "integer, index, float or fixed-point (or a vector/tensor of them)")

# ---------------------------------------------------------------------------------------------------------------
# Ops
# ---------------------------------------------------------------------------------------------------------------


class QuantizeOp(Op, name="demo.quantize", traits=[Pure()]):
    """Round a float to the nearest value of a fixed-point type, saturating at the type's bounds.

    Syntax: ``%q = demo.quantize %x in #demo.range<-1.0, 1.0> : f32 to !demo.fixed<8, 6>``; the calibration
    ``range`` is optional. Errors: a range the result type cannot represent.
    """

    input = operand(isa(FloatType, description="float"))
    range = prop(RangeAttr, optional=True)
    result = result_def(isa(FixedType, description="fixed-point type"))
    assembly_format = "$input (`in` $range^)? attr-dict `:` type($input) `to` type($result)"

    def asm_result_names(self) -> list[str]:
        return ["q"]

    def verify_(self) -> None:
        r, t = self.range, self.result.type
        if r is not None and not t.min_value <= r.lo <= r.hi <= t.max_value:
            raise self.emit_error(f"range [{r.lo!r}, {r.hi!r}] does not fit in '{t}', whose values are in "
                                  f"[{t.min_value!r}, {t.max_value!r}]")


class ClampOp(Op, name="demo.clamp", traits=[Pure(), Elementwise()]):
    """``min(max(x, lo), hi)`` for every element ``x`` of ``input``.

    Syntax: ``demo.clamp %x, %lo, %hi : tensor<4xf32>``: only the input's type is written; ``lo`` and ``hi``
    are scalars of its element type and the result has its type (:meth:`infer_format_types`).
    Errors: bounds whose type is not the element type (possible in the generic form).
    """

    input = operand(Numeric)
    lo = operand(Numeric)
    hi = operand(Numeric)
    result = result_def(Numeric)
    assembly_format = "$input `,` $lo `,` $hi attr-dict `:` type($input)"

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        (t,) = types["input"]
        types.setdefault("lo", [element_type(t)])
        types.setdefault("hi", [element_type(t)])
        types.setdefault("result", [t])

    def verify_(self) -> None:
        et = element_type(self.input.type)
        for name, v in (("lo", self.lo), ("hi", self.hi)):
            if v.type != et:
                raise self.emit_error(f"expects '{name}' of the input's element type '{et}', but got '{v.type}'")
        if self.result.type != self.input.type:
            raise self.emit_error("expects the result type to be the input type")


class MapOp(Op, name="demo.map", traits=[SingleBlock(), SameOperandsAndResultType()]):
    """Apply the body to every element: ``result[i] = body(input[i])``.

    Syntax: ``%r = demo.map %x : tensor<4xf32> { ^bb0(%e: f32): ... demo.yield %v : f32 }``; the body is one
    block taking one element and yielding one. Errors: a body argument that is not the element type.
    """

    input = operand(isa(RankedTensorType, VectorType, description="ranked tensor or vector"))
    body = region_def(single_block=True)
    result = result_def(isa(RankedTensorType, VectorType, description="ranked tensor or vector"))
    assembly_format = "$input attr-dict `:` type($input) $body"

    def verify_(self) -> None:
        et = element_type(self.input.type)
        args = [a.type for a in self.body.blocks[0].args] if self.body.blocks else []
        if args != [et]:
            raise self.emit_error(f"expects its body to take one argument of the element type '{et}'")


class YieldOp(Op, name="demo.yield", traits=[HasParent("demo.map"), Pure(), IsTerminator(), ReturnLike()]):
    """Terminate a ``demo.map`` body with the element it computes.

    Errors: a value whose type is not the enclosing map's element type.
    """

    value = operand(Numeric)
    assembly_format = "$value attr-dict `:` type($value)"

    def verify_(self) -> None:
        parent = self.parent_op
        et = element_type(parent.input.type) if isinstance(parent, MapOp) else self.value.type
        if self.value.type != et:
            raise self.emit_error(f"yields '{self.value.type}' but 'demo.map' expects its element type '{et}'")


DIALECT = Dialect("demo", [QuantizeOp, ClampOp, MapOp, YieldOp], description=__doc__ or "",
                  attribute_parsers={"range": RangeAttr.parse}, type_parsers={"fixed": FixedType.parse})
