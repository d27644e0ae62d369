"""The math dialect (mlir/docs/Dialects/MathOps.md): elementary functions on scalars, vectors and tensors.

Every op is elementwise (``ElementwiseMappable``) and pure, with MLIR's operand/property names and assembly
formats, so text moves byte for byte between mlir-py and ``mlir-opt``:

- floating-point ops take an optional ``fastmath`` property (``#arith.fastmath<...>``, default ``none``, reused from
  :mod:`dialects.arith`) printed as ``math.exp %x fastmath<fast> : f32``;
- integer ops (``absi``, ``ctlz``, ``cttz``, ``ctpop``, ``ipowi``) are on signless-integer-like types;
- classification ops (``isnan``, ``isinf``, ``isfinite``, ``isnormal``) return ``i1`` of the operand's shape.

Semantics are those of the C library / LLVM intrinsics named in MLIR's op documentation; the reference
interpreter evaluates them with numpy.
"""

from __future__ import annotations

import types as _types
from typing import Any

from mlir_py.attributes import Type
from mlir_py.dialect import Dialect
from mlir_py.opdef import (
    BoolLike,
    Constraint,
    Elementwise,
    FloatLike,
    Op,
    Pure,
    SameOperandsAndResultShape,
    SameOperandsAndResultType,
    SignlessIntegerLike,
    operand,
    prop,
    result_def,
)

from .arith import FastMathFlagsAttr
from .arith import i1_like as _i1_like

NO_FASTMATH = FastMathFlagsAttr(())

# MLIR's type-constraint summaries, as they appear in "operand #0 must be ..." diagnostics
FloatLikeT = Constraint(FloatLike.pred, "floating-point-like")
IntLikeT = Constraint(SignlessIntegerLike.pred, "signless-integer-like")
BoolLikeT = Constraint(BoolLike.pred, "bool-like")

_FM = "(`fastmath` `` $fastmath^)?"


class MathOp(Op):
    """Common base of the math ops."""

    __slots__ = ()


_ops: list[type[Op]] = []


def _make(clsname: str, opname: str, doc: str, ns: dict[str, Any], traits: list[Any]) -> type[Op]:
    ns = {"__doc__": doc, **ns}
    cls = _types.new_class(clsname, (MathOp,), {"name": "math." + opname, "traits": [Pure(), Elementwise(), *traits]},
                           lambda d: d.update(ns))
    cls.__module__ = __name__
    globals()[clsname] = cls
    _ops.append(cls)
    return cls


# name, class, doc (semantics; domain errors give NaN as in C99/LLVM)
_FLOAT_UNARY = [
    ("absf", "AbsFOp", "|x| (clears the sign bit)."),
    ("acos", "AcosOp", "Arc cosine, in radians [0, π]; NaN outside [-1, 1]."),
    ("acosh", "AcoshOp", "Inverse hyperbolic cosine; NaN for x < 1."),
    ("asin", "AsinOp", "Arc sine, in radians [-π/2, π/2]; NaN outside [-1, 1]."),
    ("asinh", "AsinhOp", "Inverse hyperbolic sine."),
    ("atan", "AtanOp", "Arc tangent, in radians (-π/2, π/2)."),
    ("atanh", "AtanhOp", "Inverse hyperbolic tangent; NaN outside [-1, 1]."),
    ("cbrt", "CbrtOp", "Cube root (defined for negative x)."),
    ("ceil", "CeilOp", "Smallest integral value >= x."),
    ("cos", "CosOp", "Cosine of x radians."),
    ("cosh", "CoshOp", "Hyperbolic cosine."),
    ("erf", "ErfOp", "Error function 2/√π ∫₀ˣ e^(-t²) dt."),
    ("erfc", "ErfcOp", "Complementary error function 1 - erf(x)."),
    ("exp", "ExpOp", "e^x."),
    ("exp2", "Exp2Op", "2^x."),
    ("expm1", "ExpM1Op", "e^x - 1, accurate near 0."),
    ("floor", "FloorOp", "Largest integral value <= x."),
    ("log", "LogOp", "Natural logarithm; NaN for x < 0, -inf at 0."),
    ("log10", "Log10Op", "Base-10 logarithm."),
    ("log1p", "Log1pOp", "ln(1 + x), accurate near 0."),
    ("log2", "Log2Op", "Base-2 logarithm."),
    ("round", "RoundOp", "Round to the nearest integral value, halfway cases away from zero."),
    ("roundeven", "RoundEvenOp", "Round to the nearest integral value, halfway cases to even."),
    ("rsqrt", "RsqrtOp", "1 / √x."),
    ("sin", "SinOp", "Sine of x radians."),
    ("sinh", "SinhOp", "Hyperbolic sine."),
    ("sqrt", "SqrtOp", "√x; NaN for x < 0."),
    ("tan", "TanOp", "Tangent of x radians."),
    ("tanh", "TanhOp", "Hyperbolic tangent."),
    ("trunc", "TruncOp", "Round toward zero to an integral value."),
]

_FLOAT_BINARY = [
    ("atan2", "Atan2Op", "atan(lhs / rhs) using the signs of both to pick the quadrant, in (-π, π]."),
    ("copysign", "CopySignOp", "|lhs| with the sign of rhs."),
    ("powf", "PowFOp", "lhs^rhs (C ``pow``)."),
]

_INT_UNARY = [
    ("absi", "AbsIOp", "|x| of a two's-complement integer (the minimum value maps to itself)."),
    ("ctlz", "CountLeadingZerosOp", "Number of leading zero bits (the bit width for 0)."),
    ("ctpop", "CtPopOp", "Number of set bits."),
    ("cttz", "CountTrailingZerosOp", "Number of trailing zero bits (the bit width for 0)."),
]

_CLASSIFY = [
    ("isfinite", "IsFiniteOp", "Whether x is neither infinite nor NaN."),
    ("isinf", "IsInfOp", "Whether x is +inf or -inf."),
    ("isnan", "IsNaNOp", "Whether x is NaN."),
    ("isnormal", "IsNormalOp", "Whether x is a normal number (not zero, subnormal, infinite or NaN)."),
]

_UNARY_DOC = "\n\nOperand and result: one floating-point-like type (float, or vector/tensor of floats)."

for _n, _c, _d in _FLOAT_UNARY:
    _make(_c, _n, _d + _UNARY_DOC, {
        "operand_": operand(FloatLikeT), "result": result_def(FloatLikeT),
        "fastmath": prop(FastMathFlagsAttr, default=NO_FASTMATH),
        "assembly_format": f"$operand_ {_FM} attr-dict `:` type($result)"}, [SameOperandsAndResultType()])

for _n, _c, _d in _FLOAT_BINARY:
    _make(_c, _n, _d + "\n\nOperands and result: one floating-point-like type.", {
        "lhs": operand(FloatLikeT), "rhs": operand(FloatLikeT), "result": result_def(FloatLikeT),
        "fastmath": prop(FastMathFlagsAttr, default=NO_FASTMATH),
        "assembly_format": f"$lhs `,` $rhs {_FM} attr-dict `:` type($result)"}, [SameOperandsAndResultType()])

for _n, _c, _d in _INT_UNARY:
    _make(_c, _n, _d + "\n\nOperand and result: one signless-integer-like type.", {
        "operand_": operand(IntLikeT), "result": result_def(IntLikeT),
        "assembly_format": "$operand_ attr-dict `:` type($result)"}, [SameOperandsAndResultType()])


def _infer_i1(cls: type, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
    t = types.get("operand_")
    if t:
        types["result"] = [_i1_like(t[0])]


def _verify_classify(self: Op) -> None:
    t = self.operand(0).type
    if self.results[0].type != _i1_like(t):
        raise self.emit_error("failed to verify that result type has i1 element type and same shape as operands")


for _n, _c, _d in _CLASSIFY:
    _make(_c, _n, _d + "\n\nOperand: floating-point-like; result: i1 of the operand's shape.", {
        "operand_": operand(FloatLikeT), "result": result_def(BoolLikeT),
        "fastmath": prop(FastMathFlagsAttr, default=NO_FASTMATH),
        "assembly_format": f"$operand_ {_FM} attr-dict `:` type($operand_)",
        "infer_format_types": classmethod(_infer_i1), "verify_": _verify_classify}, [])


class IPowIOp(MathOp, name="math.ipowi", traits=[Pure(), Elementwise(), SameOperandsAndResultType()]):
    """lhs^rhs on signless integers (wrap-around; a negative exponent gives 0 except for bases ±1).

    Operands and result: one signless-integer-like type."""

    lhs = operand(IntLikeT)
    rhs = operand(IntLikeT)
    result = result_def(IntLikeT)
    assembly_format = "$lhs `,` $rhs attr-dict `:` type($result)"


class FPowIOp(MathOp, name="math.fpowi", traits=[Pure(), Elementwise(), SameOperandsAndResultShape()]):
    """lhs^rhs for a floating-point base and a signless integer exponent (LLVM ``powi``).

    Syntax: ``math.fpowi %x, %n : f32, i32``. Errors: lhs and result of different types, operands of different
    shapes."""

    lhs = operand(FloatLikeT)
    rhs = operand(IntLikeT)
    result = result_def(FloatLikeT)
    fastmath = prop(FastMathFlagsAttr, default=NO_FASTMATH)
    assembly_format = f"$lhs `,` $rhs {_FM} attr-dict `:` type($lhs) `,` type($rhs)"
    all_types_match = [("lhs", "result")]

    def verify_(self) -> None:
        if self.operand(0).type != self.results[0].type:
            raise self.emit_error("failed to verify that all of {lhs, result} have same type")


class FmaOp(MathOp, name="math.fma", traits=[Pure(), Elementwise(), SameOperandsAndResultType()]):
    """Fused multiply-add a·b + c with a single rounding.

    Operands and result: one floating-point-like type."""

    a = operand(FloatLikeT)
    b = operand(FloatLikeT)
    c = operand(FloatLikeT)
    result = result_def(FloatLikeT)
    fastmath = prop(FastMathFlagsAttr, default=NO_FASTMATH)
    assembly_format = f"$a `,` $b `,` $c {_FM} attr-dict `:` type($result)"


class ClampFOp(MathOp, name="math.clampf", traits=[Pure(), Elementwise(), SameOperandsAndResultType()]):
    """min(max(value, min), max): ``math.clampf %x to [%lo, %hi] : f32``.

    Operands and result: one floating-point-like type."""

    value = operand(FloatLikeT)
    min = operand(FloatLikeT)
    max = operand(FloatLikeT)
    result = result_def(FloatLikeT)
    fastmath = prop(FastMathFlagsAttr, default=NO_FASTMATH)
    assembly_format = f"$value `to` ` ` `[` $min `,` $max `]` {_FM} attr-dict `:` type($result)"


class SincosOp(MathOp, name="math.sincos", traits=[Pure(), Elementwise()]):
    """Sine and cosine of x radians in one op: ``%s, %c = math.sincos %x : f32``.

    Operand and both results: one floating-point-like type."""

    operand_ = operand(FloatLikeT)
    sin = result_def(FloatLikeT)
    cos = result_def(FloatLikeT)
    fastmath = prop(FastMathFlagsAttr, default=NO_FASTMATH)
    assembly_format = f"$operand_ {_FM} attr-dict `:` type($operand_)"
    all_types_match = [("operand_", "sin", "cos")]

    def asm_result_names(self) -> list[str]:
        return ["sin", "cos"]

    def verify_(self) -> None:
        t = self.operand(0).type
        if self.results[0].type != t or self.results[1].type != t:
            raise self.emit_error("failed to verify that all of {operand, sin, cos} have same type")


_ops += [IPowIOp, FPowIOp, FmaOp, ClampFOp, SincosOp]

DIALECT = Dialect("math", _ops, description=__doc__ or "")
