"""The arith dialect (mlir/docs/Dialects/ArithOps.md): integer and floating-point arithmetic, comparisons,
casts, select and constants on scalars, vectors and tensors.

Every op carries MLIR's operand/property names and assembly format, so generic and custom text match
``mlir-opt`` byte for byte. Integer ops are wrap-around on signless two's-complement values; the
``overflowFlags`` (``nsw``/``nuw``) and ``fastmath`` flags are kept and printed as MLIR does. Folds and
canonicalization patterns (MLIR's ArithOps.cpp and ArithCanonicalization.td) are in the last section of this file.
"""

from __future__ import annotations

import math
import types as _types
from fractions import Fraction
from typing import Any, ClassVar

from mlir_py.apfloat import SEMANTICS, from_bits, round_to, to_bits
from mlir_py.attributes import (
    Attribute,
    DenseElementsAttr,
    DenseResourceElementsAttr,
    FloatAttr,
    FloatType,
    IndexType,
    IntegerAttr,
    IntegerType,
    RankedTensorType,
    ShapedType,
    Type,
    UnrankedTensorType,
    VectorType,
    element_type,
    i1,
    np,  # lazy numpy proxy: imported on the first fold that needs it
    numpy_dtype,
)
from mlir_py.dialect import Dialect
from mlir_py.ir import Value
from mlir_py.opdef import (
    AnyType,
    BoolLike,
    Commutative,
    ConstantLike,
    Constraint,
    Elementwise,
    EnumSpec,
    FloatLike,
    Op,
    Pure,
    SameOperandsAndResultShape,
    SameOperandsAndResultType,
    SignlessIntegerLike,
    isa,
    operand,
    prop,
    result_def,
)
from mlir_py.rewrite import FunctionPattern, PatternRewriter, RewritePattern, constant_value, rewrite_pattern


class _FlagsAttr(Attribute):
    """A bit-enum attribute printed ``#arith.<mnemonic><flag,flag>`` (``none`` when empty)."""

    __slots__ = ("flags",)
    mnemonic: ClassVar[str] = ""
    ORDER: ClassVar[tuple[str, ...]] = ()
    SEPARATOR: ClassVar[str] = ","
    ALL: ClassVar[str | None] = None
    format_grammar: ClassVar[str] = "angle_ids"

    def __init__(self, flags: tuple[str, ...] | list[str] = ()):
        fl = set(flags) - {"none"}
        if self.ALL is not None and self.ALL in fl:
            fl = set(self.ORDER)
        unknown = fl - set(self.ORDER)
        if unknown:
            raise ValueError(f"unknown {self.mnemonic} flag(s): {', '.join(sorted(unknown))}")
        self.flags = tuple(f for f in self.ORDER if f in fl)

    def _key(self) -> tuple[Any, ...]:
        return self.flags

    def body(self) -> str:
        if not self.flags:
            return "none"
        if self.ALL is not None and set(self.flags) == set(self.ORDER):
            return self.ALL
        return self.SEPARATOR.join(self.flags)

    def print(self, p: Any) -> str:
        return f"#arith.{self.mnemonic}<{self.body()}>"

    @classmethod
    def parse_body(cls, body: str | None, parser: Any) -> _FlagsAttr:
        if body is None:
            raise ValueError("expected '<'")
        return cls(tuple(x.strip() for x in body.split(",")))

    @classmethod
    def from_format(cls, ids: list[str], d: Any) -> _FlagsAttr:
        return cls(tuple(ids))

    @classmethod
    def print_format(cls, a: Attribute, p: Any) -> str:
        assert isinstance(a, _FlagsAttr)
        return f"<{a.body()}>"


class FastMathFlagsAttr(_FlagsAttr):
    """``#arith.fastmath<...>``: LLVM fast-math flags (reassoc, nnan, ninf, nsz, arcp, contract, afn; ``fast``)."""

    __slots__ = ()
    mnemonic = "fastmath"
    ORDER = ("reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn")
    ALL = "fast"


class IntegerOverflowFlagsAttr(_FlagsAttr):
    """``#arith.overflow<nsw, nuw>``: poison on signed / unsigned wrap."""

    __slots__ = ()
    mnemonic = "overflow"
    ORDER = ("nsw", "nuw")
    SEPARATOR = ", "


CMPI_PREDICATE = EnumSpec("arith.cmpi_predicate", ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt",
                                                    "uge"])
CMPF_PREDICATE = EnumSpec("arith.cmpf_predicate", ["false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq",
                                                    "ugt", "uge", "ult", "ule", "une", "uno", "true"])
ROUNDING_MODE = EnumSpec("arith.rounding_mode", ["to_nearest_even", "downward", "upward", "toward_zero",
                                                  "to_nearest_away"], width=32)

NO_FASTMATH = FastMathFlagsAttr(())
NO_OVERFLOW = IntegerOverflowFlagsAttr(())


def _shape_of(t: Type) -> tuple[int, ...] | None:
    return t.shape if isinstance(t, ShapedType) else None


def _with_element(t: Type, et: Type) -> Type:
    """``t`` with its element type replaced (``getTypeWithShapeOf``-style, for i1 comparison results)."""
    if isinstance(t, VectorType):
        return VectorType(t.shape, et, t.scalable)
    if isinstance(t, RankedTensorType):
        return RankedTensorType(t.shape, et, t.encoding)
    if isinstance(t, UnrankedTensorType):
        return UnrankedTensorType(et)
    return et


class ArithOp(Op):
    """Common base: ops whose results/operands are elementwise over scalars, vectors or tensors."""

    __slots__ = ()


# ---------------------------------------------------------------------------------------------------------------
# binary ops (generated from tables: name, class, constraint, commutative, doc)
# ---------------------------------------------------------------------------------------------------------------

_BIN_FORMAT = "$lhs `,` $rhs attr-dict `:` type($result)"
_OVF_FORMAT = "$lhs `,` $rhs (`overflow` `` $overflowFlags^)? attr-dict `:` type($result)"
_FM_FORMAT = "$lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($result)"

_INT_BINARY = [
    ("addi", "AddIOp", True, True, "Wrap-around integer addition."),
    ("subi", "SubIOp", False, True, "Wrap-around integer subtraction."),
    ("muli", "MulIOp", True, True, "Wrap-around integer multiplication (low bits)."),
    ("shli", "ShLIOp", False, True, "Shift left; a shift amount >= bit width gives poison."),
    ("divsi", "DivSIOp", False, False, "Signed division rounding toward zero; division by zero is undefined."),
    ("divui", "DivUIOp", False, False, "Unsigned division."),
    ("ceildivsi", "CeilDivSIOp", False, False, "Signed division rounding toward positive infinity."),
    ("ceildivui", "CeilDivUIOp", False, False, "Unsigned division rounding toward positive infinity."),
    ("floordivsi", "FloorDivSIOp", False, False, "Signed division rounding toward negative infinity."),
    ("remsi", "RemSIOp", False, False, "Signed remainder (sign of the dividend)."),
    ("remui", "RemUIOp", False, False, "Unsigned remainder."),
    ("andi", "AndIOp", True, False, "Bitwise and."),
    ("ori", "OrIOp", True, False, "Bitwise or."),
    ("xori", "XOrIOp", True, False, "Bitwise exclusive or."),
    ("shrsi", "ShRSIOp", False, False, "Arithmetic shift right."),
    ("shrui", "ShRUIOp", False, False, "Logical shift right."),
    ("maxsi", "MaxSIOp", True, False, "Signed maximum."),
    ("maxui", "MaxUIOp", True, False, "Unsigned maximum."),
    ("minsi", "MinSIOp", True, False, "Signed minimum."),
    ("minui", "MinUIOp", True, False, "Unsigned minimum."),
]

_FLOAT_BINARY = [
    ("addf", "AddFOp", True, "IEEE addition."),
    ("subf", "SubFOp", False, "IEEE subtraction."),
    ("mulf", "MulFOp", True, "IEEE multiplication."),
    ("divf", "DivFOp", False, "IEEE division."),
    ("remf", "RemFOp", False, "Floating-point remainder (C fmod semantics)."),
    ("maximumf", "MaximumFOp", True, "IEEE 754-2019 maximum (NaN-propagating, -0 < +0)."),
    ("minimumf", "MinimumFOp", True, "IEEE 754-2019 minimum (NaN-propagating)."),
    ("maxnumf", "MaxNumFOp", True, "IEEE maxNum (returns the non-NaN operand)."),
    ("minnumf", "MinNumFOp", True, "IEEE minNum (returns the non-NaN operand)."),
]

_ops: list[type[Op]] = []
_g = globals()


def _make(clsname: str, opname: str, traits: list[Any], ns: dict[str, Any]) -> type[Op]:
    cls = _types.new_class(clsname, (ArithOp,), {"name": "arith." + opname, "traits": traits},
                           lambda d: d.update(ns))
    cls.__module__ = __name__
    _g[clsname] = cls
    _ops.append(cls)
    return cls


for _n, _c, _comm, _ovf, _doc in _INT_BINARY:
    _ns: dict[str, Any] = {"__doc__": _doc + "\n\nOperands: lhs, rhs and result of one signless-integer-like type.",
                           "lhs": operand(SignlessIntegerLike), "rhs": operand(SignlessIntegerLike),
                           "result": result_def(SignlessIntegerLike),
                           "assembly_format": _OVF_FORMAT if _ovf else _BIN_FORMAT}
    if _ovf:
        _ns["overflowFlags"] = prop(IntegerOverflowFlagsAttr, default=NO_OVERFLOW)
    _make(_c, _n, [Pure(), Elementwise(), SameOperandsAndResultType()] + ([Commutative()] if _comm else []), _ns)

for _n, _c, _comm, _doc in _FLOAT_BINARY:
    _make(_c, _n, [Pure(), Elementwise(), SameOperandsAndResultType()] + ([Commutative()] if _comm else []), {
        "__doc__": _doc + "\n\nOperands: lhs, rhs and result of one floating-point-like type.",
        "lhs": operand(FloatLike), "rhs": operand(FloatLike), "result": result_def(FloatLike),
        "fastmath": prop(FastMathFlagsAttr, default=NO_FASTMATH), "assembly_format": _FM_FORMAT})

_make("NegFOp", "negf", [Pure(), Elementwise(), SameOperandsAndResultType()], {
    "__doc__": "Floating-point negation (flips the sign bit).",
    "operand_": operand(FloatLike), "result": result_def(FloatLike),
    "fastmath": prop(FastMathFlagsAttr, default=NO_FASTMATH),
    "assembly_format": "$operand_ (`fastmath` `` $fastmath^)? attr-dict `:` type($result)"})


# ---------------------------------------------------------------------------------------------------------------
# extended arithmetic
# ---------------------------------------------------------------------------------------------------------------


class _ExtendedOp(ArithOp):
    """An integer op with two results, named in IR after their fields."""

    __slots__ = ()
    lhs = operand(SignlessIntegerLike)
    rhs = operand(SignlessIntegerLike)

    def asm_result_names(self) -> list[str]:
        return [d.name for d in self.result_defs]


class AddUIExtendedOp(_ExtendedOp, name="arith.addui_extended", traits=[Pure(), Commutative(), Elementwise()]):
    """Unsigned addition returning the sum and an i1-like overflow (carry) flag."""

    sum = result_def(SignlessIntegerLike)
    overflow = result_def(BoolLike)
    assembly_format = "$lhs `,` $rhs attr-dict `:` type($sum) `,` type($overflow)"
    all_types_match = [("lhs", "rhs", "sum")]


class _MulExtendedOp(_ExtendedOp):
    """Full-width multiplication: the low and high halves of the 2N-bit product."""

    __slots__ = ()
    low = result_def(SignlessIntegerLike)
    high = result_def(SignlessIntegerLike)
    assembly_format = "$lhs `,` $rhs attr-dict `:` type($lhs)"
    all_types_match = [("lhs", "rhs", "low", "high")]


class MulSIExtendedOp(_MulExtendedOp, name="arith.mulsi_extended", traits=[Pure(), Commutative(), Elementwise()]):
    """Signed full-width multiplication: the low and high halves of the 2N-bit product."""


class MulUIExtendedOp(_MulExtendedOp, name="arith.mului_extended", traits=[Pure(), Commutative(), Elementwise()]):
    """Unsigned full-width multiplication: the low and high halves of the 2N-bit product."""


_ops += [AddUIExtendedOp, MulSIExtendedOp, MulUIExtendedOp]

# ---------------------------------------------------------------------------------------------------------------
# casts
# ---------------------------------------------------------------------------------------------------------------

_CAST_FORMAT = "$in attr-dict `:` type($in) `to` type($out)"


def _width(t: Type) -> int:
    et = element_type(t)
    if isinstance(et, IndexType):
        return 64
    return getattr(et, "width", 0)


def _is_int(t: Type) -> bool:
    return isinstance(element_type(t), IntegerType)


def _is_float(t: Type) -> bool:
    return isinstance(element_type(t), FloatType)


def _is_index(t: Type) -> bool:
    return isinstance(element_type(t), IndexType)


_IntLike = Constraint(lambda t: _is_int(t), "signless-integer-like")
_FloatLikeC = FloatLike
_AnyScalarLike = Constraint(lambda t: _is_int(t) or _is_float(t) or _is_index(t), "integer, index or float like")

# name, class, in-constraint, out-constraint, width rule (None | "wider" | "narrower"), extra props, doc
_CASTS = [
    ("extsi", "ExtSIOp", _IntLike, _IntLike, "wider", "Sign-extend an integer to a wider type."),
    ("extui", "ExtUIOp", _IntLike, _IntLike, "wider", "Zero-extend an integer to a wider type."),
    ("sitofp", "SIToFPOp", _IntLike, FloatLike, None, "Signed integer to float (round to nearest)."),
    ("uitofp", "UIToFPOp", _IntLike, FloatLike, None, "Unsigned integer to float (round to nearest)."),
    ("fptosi", "FPToSIOp", FloatLike, _IntLike, None, "Float to signed integer (truncating)."),
    ("fptoui", "FPToUIOp", FloatLike, _IntLike, None, "Float to unsigned integer (truncating)."),
    ("index_cast", "IndexCastOp", _AnyScalarLike, _AnyScalarLike, None,
     "Cast between index and integer (sign-extending or truncating)."),
    ("index_castui", "IndexCastUIOp", _AnyScalarLike, _AnyScalarLike, None,
     "Cast between index and integer (zero-extending or truncating)."),
    ("bitcast", "BitcastOp", _AnyScalarLike, _AnyScalarLike, "equal", "Reinterpret the bits as another type of equal width."),
]


def _verify_cast(self: Op) -> None:
    src, dst = self.operand(0).type, self.results[0].type
    if _shape_of(src) != _shape_of(dst) or type(src) is not type(dst) and (isinstance(src, ShapedType) or
                                                                        isinstance(dst, ShapedType)):
        raise self.emit_error(f"operand type '{src}' and result type '{dst}' are cast incompatible")
    rule = getattr(self, "width_rule", None)
    if rule == "wider" and not _width(dst) > _width(src):
        raise self.emit_error(f"result type '{dst}' must be wider than operand type '{src}'")
    if rule == "narrower" and not _width(dst) < _width(src):
        raise self.emit_error(f"result type '{dst}' must be shorter than operand type '{src}'")
    if rule == "equal" and _width(dst) != _width(src):
        raise self.emit_error(f"operand type '{src}' and result type '{dst}' are cast incompatible")
    if self.name in ("arith.index_cast", "arith.index_castui") and _is_index(src) == _is_index(dst):
        raise self.emit_error(f"operand type '{src}' and result type '{dst}' are cast incompatible")


def _cast(clsname: str, opname: str, doc: str, in_c: Any, out_c: Any, rule: str | None, fmt: str,
          **props: Any) -> None:
    """Define ``arith.<opname>``: operand ``in_``, result ``out``, the width rule and any extra properties."""
    _make(clsname, opname, [Pure(), Elementwise(), SameOperandsAndResultShape()], {
        "__doc__": doc, "in_": operand(in_c), "out": result_def(out_c), "width_rule": rule, **props,
        "assembly_format": fmt, "verify_": _verify_cast})


for _n, _c, _ic, _oc, _rule, _doc in _CASTS:
    _cast(_c, _n, _doc, _ic, _oc, _rule, _CAST_FORMAT.replace("$in ", "$in_ ").replace("type($in)", "type($in_)"))

_cast("TruncIOp", "trunci", "Truncate an integer to a narrower type (keeps the low bits).", _IntLike, _IntLike,
      "narrower", "$in_ (`overflow` `` $overflowFlags^)? attr-dict `:` type($in_) `to` type($out)",
      overflowFlags=prop(IntegerOverflowFlagsAttr, default=NO_OVERFLOW))
_cast("ExtFOp", "extf", "Extend a float to a wider float type (exact).", FloatLike, FloatLike, "wider",
      "$in_ (`fastmath` `` $fastmath^)? attr-dict `:` type($in_) `to` type($out)",
      fastmath=prop(FastMathFlagsAttr, optional=True))
_cast("TruncFOp", "truncf",
      "Truncate a float to a narrower float type, rounding per ``roundingmode`` (default: nearest even).",
      FloatLike, FloatLike, "narrower",
      "$in_ ($roundingmode^)? (`fastmath` `` $fastmath^)? attr-dict `:` type($in_) `to` type($out)",
      roundingmode=prop(ROUNDING_MODE, optional=True), fastmath=prop(FastMathFlagsAttr, optional=True))

# ---------------------------------------------------------------------------------------------------------------
# comparison, select, constant
# ---------------------------------------------------------------------------------------------------------------


def _infer_cmp(cls: Any, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
    lhs = types.get("lhs")
    if lhs:
        types.setdefault("rhs", lhs)
        types.setdefault("result", [_with_element(lhs[0], i1)])


def _verify_cmp(self: Op) -> None:
    if self.operand(0).type != self.operand(1).type:
        raise self.emit_error("requires all operands to have the same type")
    if _shape_of(self.results[0].type) != _shape_of(self.operand(0).type):
        raise self.emit_error("result type must have the shape of the operands")


class CmpIOp(ArithOp, name="arith.cmpi", traits=[Pure(), Elementwise()]):
    """Integer comparison with a predicate (eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge) giving i1-like."""

    predicate = prop(CMPI_PREDICATE)
    lhs = operand(SignlessIntegerLike)
    rhs = operand(SignlessIntegerLike)
    result = result_def(BoolLike)
    assembly_format = "$predicate `,` $lhs `,` $rhs attr-dict `:` type($lhs)"
    infer_format_types = classmethod(_infer_cmp)
    verify_ = _verify_cmp


class CmpFOp(ArithOp, name="arith.cmpf", traits=[Pure(), Elementwise()]):
    """Float comparison: ordered (o*) predicates are false on NaN, unordered (u*) true."""

    predicate = prop(CMPF_PREDICATE)
    lhs = operand(FloatLike)
    rhs = operand(FloatLike)
    result = result_def(BoolLike)
    fastmath = prop(FastMathFlagsAttr, default=NO_FASTMATH)
    assembly_format = "$predicate `,` $lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($lhs)"
    infer_format_types = classmethod(_infer_cmp)
    verify_ = _verify_cmp


class SelectOp(ArithOp, name="arith.select", traits=[Pure(), Elementwise()]):
    """``cond ? true_value : false_value``; the condition is i1 or an i1 container of the values' shape.

    Syntax: ``arith.select %c, %a, %b : i32`` or ``: vector<4xi1>, vector<4xi32>`` for a shaped condition."""

    condition = operand(BoolLike)
    true_value = operand(AnyType)
    false_value = operand(AnyType)
    result = result_def(AnyType)
    custom_grammar = 'VALUE_ID "," VALUE_ID "," VALUE_ID [attr_dict] ":" type_list'

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> SelectOp:
        cond, a, b, attrs, ts = c
        if len(ts) == 1:
            ct, vt = i1, ts[0]
        elif len(ts) == 2:
            ct, vt = ts
        else:
            raise st.error("expected one or two types after ':'", kw)
        vals = [st.use(cond, ct), st.use(a, vt), st.use(b, vt)]
        op: SelectOp = cls.create(vals, [vt], {}, dict(attrs or {}), location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        c, a, b = self.operands
        s = f"{p.op_name(self)} {p.value(c)}, {p.value(a)}, {p.value(b)}"
        if self.attributes:
            s += " " + p.attr_dict(self.attributes)
        t = p.type(self.results[0].type)
        return s + (f" : {p.type(c.type)}, {t}" if isinstance(c.type, ShapedType) else f" : {t}")

    def verify_(self) -> None:
        c, a, b = self.operand_types
        r = self.results[0].type
        if a != r or b != r:
            raise self.emit_error("requires the same type for all operands and results")
        if isinstance(c, ShapedType) and _shape_of(c) != _shape_of(r):
            raise self.emit_error("expected condition type to have the same shape as the result type, expected "
                                  f"'{_with_element(r, i1)}', but got '{c}'")


def _valid_constant(value: Attribute, t: Type) -> bool:
    if isinstance(value, IntegerAttr):
        return value.type == t and isinstance(t, (IntegerType, IndexType)) and (
            not isinstance(t, IntegerType) or t.signedness == "signless")
    if isinstance(value, FloatAttr):
        return value.type == t
    if isinstance(value, (DenseElementsAttr, DenseResourceElementsAttr)):
        return value.type == t and isinstance(t, (RankedTensorType, VectorType))
    return False


class ConstantOp(ArithOp, name="arith.constant", traits=[Pure(), ConstantLike()]):
    """A constant integer, index, float, or dense vector/tensor value; the result type is the value's type.

    Syntax: ``arith.constant 42 : i32``, ``arith.constant dense<1.0> : tensor<4xf32>``, ``arith.constant true``.
    Errors: a value whose type differs from the result type, signed/unsigned integer types."""

    value = prop(isa(IntegerAttr, FloatAttr, DenseElementsAttr, DenseResourceElementsAttr,
                     description="integer, float or elements attribute"))
    result = result_def(AnyType)
    assembly_format = "attr-dict $value"

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: dict[str, Attribute],
                           st: Any) -> None:
        v = props.get("value")
        t = getattr(v, "type", None)
        if t is not None:
            types["result"] = [t]

    @classmethod
    def from_value(cls, value: Attribute, location: Any = None) -> ConstantOp:
        t = value.type  # type: ignore[attr-defined]
        op: ConstantOp = cls.create([], [t], {"value": value}, location=location)
        return op

    def asm_result_names(self) -> list[str]:
        v = self.properties.get("value")
        t = self.results[0].type
        if isinstance(v, IntegerAttr):
            if isinstance(t, IntegerType) and t.width == 1:
                return ["true" if v.value else "false"]
            return [f"c{v.value}" + (f"_{t}" if isinstance(t, IntegerType) else "")]
        return ["cst"]

    def verify_(self) -> None:
        v = self.properties.get("value")
        t = self.results[0].type
        if isinstance(element_type(t), IntegerType) and element_type(t).signedness != "signless":  # type: ignore[attr-defined]
            raise self.emit_error("integer return type must be signless")
        if not _valid_constant(v, t):  # type: ignore[arg-type]
            raise self.emit_error("value must be an integer, float, or elements attribute")
        if getattr(v, "type", None) != t:
            raise self.emit_error("failed to verify that result and attribute have the same type")


_ops += [CmpIOp, CmpFOp, SelectOp, ConstantOp]


def materialize_constant(value: Attribute, type: Type, location: Any = None) -> Op | None:
    """Build an ``arith.constant`` for a folded value (MLIR's ``ArithDialect::materializeConstant``)."""
    if isinstance(value, (IntegerAttr, FloatAttr, DenseElementsAttr)) and _valid_constant(value, type):
        return ConstantOp.from_value(value, location)
    return None


DIALECT = Dialect("arith", _ops, description=__doc__ or "",
                  attribute_parsers={"fastmath": FastMathFlagsAttr.parse_body,
                                     "overflow": IntegerOverflowFlagsAttr.parse_body},
                  materialize_constant=materialize_constant)


# ---------------------------------------------------------------------------------------------------------------
# Folding and canonicalization, mirroring mlir/lib/Dialect/Arith/IR/ArithOps.cpp (``fold`` hooks, C++ patterns)
# and ArithCanonicalization.td (DRR patterns; a DRR pattern's benefit is the number of ops it matches).
#
# Integer values are handled as APInt does: an unsigned ``int`` of the type's width (``index`` is 64 bits), viewed
# as signed where the operation is signed. Float results are computed in binary64 and rounded once to the result
# type, which is exact for + - * / and fmod of f16/bf16/f32 (binary64 has more than 2p+2 bits of precision).
# Constant folds are elementwise over splat and dense constants, as MLIR's ``constFoldBinaryOp``/``CastOp``.
# ---------------------------------------------------------------------------------------------------------------

_C: dict[str, Any] = {c.OPERATION_NAME: c for c in _ops}


def _iwidth(t: Type) -> int:
    et = element_type(t)
    return 64 if isinstance(et, IndexType) else et.width  # type: ignore[attr-defined]


def _sx(v: int, w: int) -> int:
    """Two's-complement signed view of the ``w``-bit unsigned ``v`` (i1: 1 is -1, as APInt)."""
    return v - (1 << w) if v >> (w - 1) else v


def _is_static_shaped(t: Type) -> bool:
    return isinstance(t, (VectorType, RankedTensorType)) and t.has_static_shape


def _splat(a: DenseElementsAttr) -> Any:
    """The splat element of a dense attribute (``None`` unless all elements are equal)."""
    arr = a.array
    if arr.ndim == 0:
        return arr.item()
    flat = arr.ravel()
    if not flat.size or arr.dtype.kind not in "biuf":
        return None
    bits = flat.view(f"u{flat.dtype.itemsize}") if arr.dtype.kind == "f" else flat  # -0.0 is not 0.0
    return flat[0].item() if bool((bits == bits[0]).all()) else None


def _dense(t: ShapedType, values: Any) -> DenseElementsAttr:
    """A dense attribute of ``t`` from a scalar (splat) or a flat list: ints as unsigned bit patterns, floats as
    Python floats (rounded to the element type)."""
    et = t.element_type
    if isinstance(et, FloatType):
        kind = et.kind
        conv: Any = (lambda x: round_to(x, kind)) if kind in ("f16", "bf16", "f32", "f64") else float
    else:
        w = _iwidth(et)
        conv = (lambda x: bool(x & 1)) if w == 1 else (lambda x: _sx(x & ((1 << w) - 1), w))
    if isinstance(values, list):
        arr = np.array([conv(x) for x in values], dtype=numpy_dtype(et)).reshape(t.shape)
    else:
        arr = np.array(conv(values), dtype=numpy_dtype(et))
    return DenseElementsAttr(t, arr)


def _scalar_attr(t: Type, v: Any, nan_bits: int | None = None) -> Attribute:
    """An ``IntegerAttr``/``FloatAttr`` of ``t``; a NaN keeps its exact bit pattern (``nan_bits``, default: the bits of
    ``v`` in ``t``), so that it compares equal to the same NaN written in hexadecimal."""
    if not isinstance(t, FloatType):
        return IntegerAttr(v, t)
    if v != v and nan_bits is None and t.kind in SEMANTICS:
        nan_bits = to_bits(v, t.kind)
    return FloatAttr(v, t, nan_bits)


def _like(t: Type, v: Any) -> Attribute | None:
    """A scalar attribute of ``t``, or a splat when ``t`` is a static vector/tensor (``None`` otherwise)."""
    if isinstance(t, (IntegerType, IndexType, FloatType)):
        return _scalar_attr(t, v)
    return _dense(t, v) if _is_static_shaped(t) else None  # type: ignore[arg-type]


def _zero_attr(t: Type) -> Attribute | None:
    """``Builder::getZeroAttr``."""
    return _like(t, 0.0 if isinstance(element_type(t), FloatType) else 0)


def _bool_attr(t: Type, v: bool) -> Attribute | None:
    """MLIR's ``getBoolAttribute``: ``true``/``false``, or a splat of an i1 vector/tensor of static shape."""
    return _like(_with_element(t, i1), int(v))


def i1_like(t: Type) -> Type:
    """``i1`` with the shape of ``t``: ``t`` itself scalar, a vector or (ranked or unranked) tensor of ``i1``
    otherwise (MLIR's ``getI1SameShape``)."""
    return _with_element(t, i1)


# --- constant matchers (MLIR's m_ConstantInt, m_Zero, m_One, float matchers) on folded operand attributes ----


def _int_of(a: Attribute | None) -> int | None:
    """Unsigned value of an integer constant or integer splat (``m_ConstantInt``)."""
    if isinstance(a, IntegerAttr):
        w = _iwidth(a.type)
        return a.value & ((1 << w) - 1)
    if isinstance(a, DenseElementsAttr) and isinstance(a.type.element_type, (IntegerType, IndexType)):
        s = _splat(a)
        if s is None:
            return None
        w = _iwidth(a.type)
        return int(s) & ((1 << w) - 1)
    return None


def _float_of(a: Attribute | None) -> float | None:
    """Value of a float constant or float splat."""
    if isinstance(a, FloatAttr):
        return a.value
    if isinstance(a, DenseElementsAttr) and isinstance(a.type.element_type, FloatType):
        s = _splat(a)
        return None if s is None else float(s)
    return None


def _is_zero(a: Attribute | None) -> bool:
    return _int_of(a) == 0


def _is_one(a: Attribute | None) -> bool:
    return _int_of(a) == 1


def _is_all_ones(a: Attribute | None) -> bool:
    v = _int_of(a)
    return v is not None and v == (1 << _iwidth(a.type)) - 1  # type: ignore[union-attr]


def _cv(v: Value) -> Attribute | None:
    return constant_value(v)


def _def(v: Value, name: str) -> Any:
    """The op defining ``v`` when it is named ``name`` (``getDefiningOp<OpTy>``)."""
    op = getattr(v, "op", None)
    return op if op is not None and op.name == name else None


# --- elementwise constant folding (mlir/include/mlir/Dialect/CommonFolders.h) ---------------------------------


def _elems(a: DenseElementsAttr) -> list[Any]:
    vals = a.values().ravel().tolist()
    et = a.type.element_type
    if isinstance(et, FloatType):
        return [float(x) for x in vals]
    m = (1 << _iwidth(et)) - 1
    return [int(x) & m for x in vals]


def _fold_binary(operands: list[Attribute | None], fn: Any, result_type: Type | None = None) -> Attribute | None:
    """``constFoldBinaryOp``: ``fn(a, b)`` per element (``None`` aborts the fold); both operands must be
    constants of one type. Integers reach ``fn`` as unsigned values, floats as Python floats."""
    a, b = operands
    if a is None or b is None:
        return None
    if isinstance(a, (IntegerAttr, FloatAttr)) and type(a) is type(b):
        if a.type != b.type:  # type: ignore[union-attr]
            return None
        if isinstance(a, IntegerAttr):
            m = (1 << _iwidth(a.type)) - 1
            r = fn(a.value & m, b.value & m)  # type: ignore[operator, union-attr]
        else:
            r = fn(a.value, b.value)  # type: ignore[union-attr]
        return None if r is None else _scalar_attr(result_type or a.type, r)
    if isinstance(a, DenseElementsAttr) and isinstance(b, DenseElementsAttr):
        if a.type != b.type:
            return None
        rt = result_type or a.type
        is_int = not isinstance(a.type.element_type, FloatType)
        sa, sb = _splat(a), _splat(b)
        if sa is not None and sb is not None:
            if is_int:
                m = (1 << _iwidth(a.type)) - 1
                r = fn(int(sa) & m, int(sb) & m)
            else:
                r = fn(float(sa), float(sb))
            return None if r is None else _dense(rt, r)  # type: ignore[arg-type]
        out = []
        for x, y in zip(_elems(a), _elems(b)):
            r = fn(x, y)
            if r is None:
                return None
            out.append(r)
        return _dense(rt, out)  # type: ignore[arg-type]
    return None


def _fold_cast(operand: Attribute | None, result_type: Type, fn: Any) -> Attribute | None:
    """``constFoldCastOp`` / ``constFoldUnaryOp``: ``fn(x)`` per element into ``result_type``."""
    if operand is None:
        return None
    if isinstance(operand, IntegerAttr):
        r = fn(operand.value & ((1 << _iwidth(operand.type)) - 1))
        return None if r is None else _scalar_attr(result_type, r)
    if isinstance(operand, FloatAttr):
        r = fn(operand.value)
        return None if r is None else _scalar_attr(result_type, r)
    if isinstance(operand, DenseElementsAttr) and isinstance(result_type, ShapedType):
        s = _splat(operand)
        if s is not None:
            x = float(s) if isinstance(operand.type.element_type, FloatType) else \
                int(s) & ((1 << _iwidth(operand.type)) - 1)
            r = fn(x)
            return None if r is None else _dense(result_type, r)
        out = []
        for x in _elems(operand):
            r = fn(x)
            if r is None:
                return None
            out.append(r)
        return _dense(result_type, out)
    return None


# --- integer semantics (llvm/ADT/APInt.h) ---------------------------------------------------------------------


def _int_ops(w: int) -> dict[str, Any]:
    """APInt operations on ``w``-bit unsigned values; ``None`` means "do not fold" (division by zero, signed
    overflow of sdiv, out-of-range results of ceil/floor division)."""
    m = (1 << w) - 1
    smin, smax = -(1 << (w - 1)), (1 << (w - 1)) - 1

    def s(v: int) -> int:
        return v - (1 << w) if v >> (w - 1) else v

    def tdiv(a: int, b: int) -> int:  # signed division truncating toward zero
        q = abs(a) // abs(b)
        return q if (a < 0) == (b < 0) else -q

    def divsi(a: int, b: int) -> int | None:
        if b == 0:
            return None
        q = tdiv(s(a), s(b))
        return None if q > smax else q & m

    def ceildivsi(a: int, b: int) -> int | None:  # exact; only INT_MIN / -1 overflows
        if b == 0:
            return None
        sa, sb = s(a), s(b)
        if sa == smin and sb == -1:
            return None
        return (-((-sa) // sb)) & m

    def floordivsi(a: int, b: int) -> int | None:
        if b == 0:
            return None
        sa, sb = s(a), s(b)
        if sa == smin and sb == -1:
            return None
        return (sa // sb) & m

    def remsi(a: int, b: int) -> int | None:
        if b == 0:
            return None
        sa, sb = s(a), s(b)
        r = abs(sa) % abs(sb)
        return (-r if sa < 0 else r) & m

    return {
        "arith.addi": lambda a, b: (a + b) & m,
        "arith.subi": lambda a, b: (a - b) & m,
        "arith.muli": lambda a, b: (a * b) & m,
        "arith.divui": lambda a, b: None if b == 0 else a // b,
        "arith.divsi": divsi,
        "arith.ceildivui": lambda a, b: None if b == 0 else -(-a // b),
        "arith.ceildivsi": ceildivsi,
        "arith.floordivsi": floordivsi,
        "arith.remui": lambda a, b: None if b == 0 else a % b,
        "arith.remsi": remsi,
        "arith.andi": lambda a, b: a & b,
        "arith.ori": lambda a, b: a | b,
        "arith.xori": lambda a, b: a ^ b,
        "arith.maxsi": lambda a, b: a if s(a) >= s(b) else b,
        "arith.minsi": lambda a, b: a if s(a) <= s(b) else b,
        "arith.maxui": max,
        "arith.minui": min,
        # APInt shifts by >= the width give 0 (shl, lshr) or the sign fill (ashr)
        "arith.shli": lambda a, b: (a << b) & m if b < w else 0,
        "arith.shrui": lambda a, b: a >> b if b < w else 0,
        "arith.shrsi": lambda a, b: (s(a) >> min(b, w)) & m,
        "mulhs": lambda a, b: ((s(a) * s(b)) >> w) & m,
        "mulhu": lambda a, b: ((a * b) >> w) & m,
    }


_INT_OPS_CACHE: dict[int, dict[str, Any]] = {}


def _iops(t: Type) -> dict[str, Any]:
    w = _iwidth(t)
    ops = _INT_OPS_CACHE.get(w)
    if ops is None:
        ops = _INT_OPS_CACHE[w] = _int_ops(w)
    return ops


def _int_binary_fold(name: str) -> Any:
    def fold(self: Op, operands: list[Attribute | None]) -> Attribute | None:
        return _fold_binary(operands, _iops(self.operand(0).type)[name])
    return fold


def _shift_fold(name: str) -> Any:
    """``0 << x -> 0``, ``x >> 0 -> x``, ``x >> x -> 0``, ``-1 >>s x -> -1``; constants fold unless the shift amount is >= the bit width (MLIR checks
    the last element only)."""

    def fold(self: Op, operands: list[Attribute | None]) -> Any:
        if _is_zero(operands[0]):  # 0 << x, 0 >> x -> 0
            return [self.operand(0)]
        if name != "arith.shli" and self.operand(0) is self.operand(1):  # x >> x is 0 (or poison)
            z = _zero_attr(self.results[0].type)
            if z is not None:
                return [z]
        if _is_zero(operands[1]) or name == "arith.shrsi" and _is_all_ones(operands[0]):  # x >> 0, -1 >>s x
            return [self.operand(0)]
        w = _iwidth(self.operand(0).type)
        last = [0]

        def track(a: int, b: int) -> int:
            last[0] = b
            return _iops(self.operand(0).type)[name](a, b)  # type: ignore[no-any-return]

        r = _fold_binary(operands, track)
        return [r] if r is not None and last[0] < w else None
    return fold


# --- float semantics (llvm/ADT/APFloat.h) ---------------------------------------------------------------------


def _fdiv(a: float, b: float) -> float:
    with np.errstate(all="ignore"):
        return float(np.float64(a) / np.float64(b))


def _fmod(a: float, b: float) -> float:
    with np.errstate(all="ignore"):
        return float(np.fmod(np.float64(a), np.float64(b)))


def _extremum(larger: bool, nan_wins: bool) -> Any:
    """APFloat's ``maximum``/``minimum`` (``nan_wins``: a NaN operand is the result) and ``maxnum``/``minnum`` (the
    other operand is); for equal zeros ``+0`` is the larger (llvm/ADT/APFloat.h)."""

    def f(a: float, b: float) -> float:
        if math.isnan(a):
            return a if nan_wins else b
        if math.isnan(b):
            return b if nan_wins else a
        if a == b == 0.0:
            a_neg = math.copysign(1.0, a) < 0
            return (b if a_neg else a) if larger else (a if a_neg else b)
        return (a if a > b else b) if larger else (a if a < b else b)

    return f


_maximum, _minimum = _extremum(True, True), _extremum(False, True)
_maxnum, _minnum = _extremum(True, False), _extremum(False, False)


def _ieee(fn: Any) -> Any:
    """APFloat NaN rules: a NaN operand propagates (the host does that too), but an invalid operation on
    non-NaN operands (0/0, inf-inf, fmod(x, 0)) gives the positive default NaN, not the host's negative one."""

    def op(a: float, b: float) -> float:
        r = fn(a, b)
        return math.nan if math.isnan(r) and not math.isnan(a) and not math.isnan(b) else r

    return op


_FLOAT_FNS: dict[str, Any] = {
    "arith.addf": _ieee(lambda a, b: a + b), "arith.subf": _ieee(lambda a, b: a - b),
    "arith.mulf": _ieee(lambda a, b: a * b), "arith.divf": _ieee(_fdiv), "arith.remf": _ieee(_fmod),
    "arith.maximumf": _maximum, "arith.minimumf": _minimum, "arith.maxnumf": _maxnum, "arith.minnumf": _minnum,
}


def _kind(t: Type) -> str:
    return element_type(t).kind  # type: ignore[attr-defined, no-any-return]


def _float_bits(kind: str) -> tuple[int, int]:
    """(mantissa width incl. the implicit bit, max exponent) — ``getFPMantissaWidth`` and ``ilogb(largest)``."""
    return {"f16": (11, 15), "bf16": (8, 127), "f32": (24, 127), "f64": (53, 1023)}.get(kind, (0, 0))


def _int_to_float(n: int, kind: str) -> float:
    """``APFloat::convertFromAPInt`` with round-to-nearest-even: the integer ``n`` correctly rounded to ``kind``
    (``float(n)`` rounds to binary64 first, so the neighbours of that candidate are checked exactly)."""
    if n == 0 or kind not in SEMANTICS:
        return float(n)
    v = round_to(float(n), kind) if abs(n) < 1 << 1000 else math.copysign(math.inf, n)
    if not math.isfinite(v):
        return v
    bits = to_bits(v, kind)
    best, err = v, abs(Fraction(v) - n)
    for nb in (bits - 1, bits + 1):
        c = from_bits(nb, kind)
        if not math.isfinite(c) or (c < 0) != (n < 0):
            continue
        e = abs(Fraction(c) - n)
        if e < err or e == err and nb % 2 == 0:
            best, err = c, e
    return best


def _exact_float(x: float, kind: str) -> float | None:
    """``convertFloatValue``: ``x`` in ``kind`` if representable without loss (NaN and infinities convert)."""
    if kind not in SEMANTICS:
        return None
    if math.isnan(x) or math.isinf(x):
        return x
    r = round_to(x, kind)
    return r if r == x else None


def _float_to_int(x: float, w: int, unsigned: bool) -> int | None:
    """``APFloat::convertToInteger`` toward zero; ``None`` when invalid (NaN, infinite, out of range)."""
    if not math.isfinite(x):
        return None
    n = int(x)  # truncates toward zero
    lo, hi = (0, (1 << w) - 1) if unsigned else (-(1 << (w - 1)), (1 << (w - 1)) - 1)
    if not lo <= n <= hi:
        return None
    return n & ((1 << w) - 1)


# --- fold hooks --------------------------------------------------------------------------------------------------

_FOLDS: dict[str, Any] = {}


def _folds(*names: str) -> Any:
    def deco(fn: Any) -> Any:
        for n in names:
            _FOLDS[n] = fn
        return fn
    return deco


def _wrap(r: Any) -> list[Any] | None:
    return None if r is None else [r]


@_folds("arith.constant")
def _fold_constant(self: Op, operands: list[Attribute | None]) -> Any:
    return [self.properties["value"]]


@_folds("arith.addi")
def _fold_addi(self: Op, operands: list[Attribute | None]) -> Any:
    lhs, rhs = self.operands
    if _is_zero(operands[1]):  # addi(x, 0) -> x
        return [lhs]
    sub = _def(lhs, "arith.subi")  # addi(subi(a, b), b) -> a
    if sub is not None and rhs is sub.operand(1):
        return [sub.operand(0)]
    sub = _def(rhs, "arith.subi")  # addi(b, subi(a, b)) -> a
    if sub is not None and lhs is sub.operand(1):
        return [sub.operand(0)]
    return _wrap(_fold_binary(operands, _iops(lhs.type)["arith.addi"]))


@_folds("arith.subi")
def _fold_subi(self: Op, operands: list[Attribute | None]) -> Any:
    lhs, rhs = self.operands
    if lhs is rhs:  # subi(x, x) -> 0 (not for dynamically shaped tensors)
        z = _zero_attr(self.results[0].type)
        if z is not None:
            return [z]
    if _is_zero(operands[1]):
        return [lhs]
    add = _def(lhs, "arith.addi")
    if add is not None:
        if rhs is add.operand(1):  # subi(addi(a, b), b) -> a
            return [add.operand(0)]
        if rhs is add.operand(0):  # subi(addi(a, b), a) -> b
            return [add.operand(1)]
    return _wrap(_fold_binary(operands, _iops(lhs.type)["arith.subi"]))


@_folds("arith.muli")
def _fold_muli(self: Op, operands: list[Attribute | None]) -> Any:
    if _is_zero(operands[1]):  # muli(x, 0) -> 0
        return [self.operand(1)]
    if _is_one(operands[1]):  # muli(x, 1) -> x
        return [self.operand(0)]
    return _wrap(_fold_binary(operands, _iops(self.operand(0).type)["arith.muli"]))


def _fold_div_mul(lhs: Value, rhs: Value, flag: str) -> Value | None:
    """``(a * b) / b -> a`` when the multiplication has the overflow flag ``flag`` (nuw/nsw)."""
    mul = _def(lhs, "arith.muli")
    if mul is None or flag not in mul.properties["overflowFlags"].flags:
        return None
    if mul.operand(0) is rhs:
        return mul.operand(1)  # type: ignore[no-any-return]
    if mul.operand(1) is rhs:
        return mul.operand(0)  # type: ignore[no-any-return]
    return None


def _div_fold(name: str, mul_flag: str | None) -> Any:
    def fold(self: Op, operands: list[Attribute | None]) -> Any:
        lhs, rhs = self.operands
        if _is_one(operands[1]):  # x / 1 -> x
            return [lhs]
        if mul_flag is not None:
            v = _fold_div_mul(lhs, rhs, mul_flag)
            if v is not None:
                return [v]
        if _is_zero(operands[0]):  # 0 / x -> 0 (x = 0 is undefined behaviour)
            return [lhs]
        if lhs is rhs:  # x / x -> 1
            one = _like(self.results[0].type, 1)
            if one is not None:
                return [one]
        return _wrap(_fold_binary(operands, _iops(lhs.type)[name]))
    return fold


for _n, _flag in (("divui", "nuw"), ("divsi", "nsw"), ("ceildivui", None), ("ceildivsi", None),
                  ("floordivsi", None)):
    _FOLDS["arith." + _n] = _div_fold("arith." + _n, _flag)


@_folds("arith.remui", "arith.remsi")
def _fold_rem(self: Op, operands: list[Attribute | None]) -> Any:
    if _is_one(operands[1]) or self.operand(0) is self.operand(1) or _is_zero(operands[0]):
        # x % 1, x % x, 0 % x -> 0
        return _wrap(_zero_attr(self.results[0].type))
    return _wrap(_fold_binary(operands, _iops(self.operand(0).type)[self.name]))


def _is_not_of(v: Value, x: Value) -> bool:
    """``v`` is ``xori(x, all-ones)``."""
    xo = _def(v, "arith.xori")
    return xo is not None and xo.operand(0) is x and _is_all_ones(_cv(xo.operand(1)))


def _fold_idempotent(self: Op, operands: list[Attribute | None]) -> Any:
    """Constant operands fold; else ``op(x, x) -> x`` (the Idempotent trait)."""
    lhs, rhs = self.operands
    r = _fold_binary(operands, _iops(lhs.type)[self.name])
    if r is not None:
        return [r]
    return [lhs] if lhs is rhs else None


@_folds("arith.andi")
def _fold_andi(self: Op, operands: list[Attribute | None]) -> Any:
    lhs, rhs = self.operands
    if _is_zero(operands[1]):  # and(x, 0) -> 0
        return [rhs]
    if _is_all_ones(operands[1]):  # and(x, -1) -> x
        return [lhs]
    if _is_not_of(rhs, lhs) or _is_not_of(lhs, rhs):  # and(x, not(x)) -> 0
        return _wrap(_zero_attr(self.results[0].type))
    for prev_v, other in ((lhs, rhs), (rhs, lhs)):  # and(a, and(a, b)) -> and(a, b)
        prev = _def(prev_v, "arith.andi")
        if prev is not None and (other is prev.operand(0) or other is prev.operand(1)):
            return [prev.results[0]]
    return _fold_idempotent(self, operands)


@_folds("arith.ori")
def _fold_ori(self: Op, operands: list[Attribute | None]) -> Any:
    lhs, rhs = self.operands
    c = _int_of(operands[1])
    if c is not None:
        if c == 0:  # or(x, 0) -> x
            return [lhs]
        if c == (1 << _iwidth(lhs.type)) - 1:  # or(x, -1) -> -1
            return [operands[1]]
    if _is_not_of(rhs, lhs):  # or(x, xor(x, -1)) -> -1
        return [_def(rhs, "arith.xori").operand(1)]
    if _is_not_of(lhs, rhs):
        return [_def(lhs, "arith.xori").operand(1)]
    return _fold_idempotent(self, operands)


@_folds("arith.xori")
def _fold_xori(self: Op, operands: list[Attribute | None]) -> Any:
    lhs, rhs = self.operands
    if _is_zero(operands[1]):  # xor(x, 0) -> x
        return [lhs]
    if lhs is rhs:  # xor(x, x) -> 0
        return _wrap(_zero_attr(self.results[0].type))
    prev = _def(lhs, "arith.xori")  # xor(xor(x, a), a) -> x, xor(xor(a, x), a) -> x
    if prev is not None:
        if prev.operand(1) is rhs:
            return [prev.operand(0)]
        if prev.operand(0) is rhs:
            return [prev.operand(1)]
    prev = _def(rhs, "arith.xori")  # xor(a, xor(x, a)) -> x, xor(a, xor(a, x)) -> x
    if prev is not None:
        if prev.operand(1) is lhs:
            return [prev.operand(0)]
        if prev.operand(0) is lhs:
            return [prev.operand(1)]
    return _wrap(_fold_binary(operands, _iops(lhs.type)["arith.xori"]))


for _n in ("arith.shli", "arith.shrui", "arith.shrsi"):
    _FOLDS[_n] = _shift_fold(_n)


def _minmax_int_fold(name: str) -> Any:
    """``x op x -> x``; the absorbing bound gives the bound, the neutral bound gives ``x``."""

    def fold(self: Op, operands: list[Attribute | None]) -> Any:
        lhs, rhs = self.operands
        if lhs is rhs:
            return [rhs]
        c = _int_of(operands[1])
        if c is not None:
            w = _iwidth(lhs.type)
            umax, smax, smin = (1 << w) - 1, (1 << (w - 1)) - 1, 1 << (w - 1)
            absorbing, neutral = {"arith.maxsi": (smax, smin), "arith.maxui": (umax, 0),
                                  "arith.minsi": (smin, smax), "arith.minui": (0, umax)}[name]
            if c == absorbing:
                return [rhs]
            if c == neutral:
                return [lhs]
        return _wrap(_fold_binary(operands, _iops(lhs.type)[name]))
    return fold


for _n in ("arith.maxsi", "arith.maxui", "arith.minsi", "arith.minui"):
    _FOLDS[_n] = _minmax_int_fold(_n)


def _float_fold(name: str) -> Any:
    fn = _FLOAT_FNS[name]

    def fold(self: Op, operands: list[Attribute | None]) -> Any:
        lhs, rhs = self.operands
        c = _float_of(operands[1])
        if name in ("arith.maximumf", "arith.minimumf", "arith.maxnumf", "arith.minnumf") and lhs is rhs:
            return [rhs]
        if c is not None:
            neg = math.copysign(1.0, c) < 0
            if name == "arith.addf" and c == 0.0 and neg:  # addf(x, -0) -> x
                return [lhs]
            if name == "arith.subf" and c == 0.0 and not neg:  # subf(x, +0) -> x
                return [lhs]
            if name in ("arith.mulf", "arith.divf") and c == 1.0:  # x * 1, x / 1 -> x
                return [lhs]
            if name == "arith.mulf" and c == 0.0 and {"nnan", "nsz"} <= set(self.properties["fastmath"].flags):  # type: ignore[attr-defined]
                return [rhs]
            if name == "arith.maximumf" and c == -math.inf or name == "arith.minimumf" and c == math.inf:
                return [lhs]
            if name in ("arith.maxnumf", "arith.minnumf") and math.isnan(c):
                return [lhs]
        if _kind(lhs.type) not in SEMANTICS:
            return None
        return _wrap(_fold_binary(operands, fn))
    return fold


for _n in _FLOAT_FNS:
    _FOLDS[_n] = _float_fold(_n)


@_folds("arith.negf")
def _fold_negf(self: Op, operands: list[Attribute | None]) -> Any:
    inner = _def(self.operand(0), "arith.negf")  # negf(negf(x)) -> x
    if inner is not None:
        return [inner.operand(0)]
    if _kind(self.results[0].type) not in SEMANTICS:
        return None
    return _wrap(_fold_cast(operands[0], self.results[0].type, lambda a: -a))


@_folds("arith.addui_extended")
def _fold_addui_extended(self: Op, operands: list[Attribute | None]) -> Any:
    lhs = self.operand(0)
    ovf_t = self.results[1].type
    if _is_zero(operands[1]):  # addui_extended(x, 0) -> x, false
        z = _zero_attr(ovf_t)
        return None if z is None else [lhs, z]
    ops = _iops(lhs.type)
    total = _fold_binary(operands, ops["arith.addi"])
    if total is None:
        return None
    carry = _fold_binary([total, operands[0]], lambda s, a: int(s < a), i1_like(total.type))  # type: ignore[attr-defined]
    return None if carry is None else [total, carry]


@_folds("arith.mulsi_extended", "arith.mului_extended")
def _fold_mul_extended(self: Op, operands: list[Attribute | None]) -> Any:
    lhs = self.operand(0)
    if _is_zero(operands[1]):  # mul*_extended(x, 0) -> 0, 0
        return [operands[1], operands[1]]
    if self.name == "arith.mului_extended" and _is_one(operands[1]):  # mului_extended(x, 1) -> x, 0
        z = _zero_attr(lhs.type)
        return None if z is None else [lhs, z]
    ops = _iops(lhs.type)
    low = _fold_binary(operands, ops["arith.muli"])
    if low is None:
        return None
    high = _fold_binary(operands, ops["mulhs" if self.name == "arith.mulsi_extended" else "mulhu"])
    return [low, high]


@_folds("arith.extui", "arith.extsi")
def _fold_ext(self: Op, operands: list[Attribute | None]) -> Any:
    inner = _def(self.operand(0), self.name)  # ext(ext(x)) -> ext(x), in place
    if inner is not None:
        self.set_operand(0, inner.operand(0))
        return [self.results[0]]
    wi = _iwidth(self.operand(0).type)
    if self.name == "arith.extui":
        return _wrap(_fold_cast(operands[0], self.results[0].type, lambda a: a))
    return _wrap(_fold_cast(operands[0], self.results[0].type, lambda a: _sx(a, wi)))


@_folds("arith.trunci")
def _fold_trunci(self: Op, operands: list[Attribute | None]) -> Any:
    src_op = getattr(self.operand(0), "op", None)
    if src_op is not None and src_op.name in ("arith.extui", "arith.extsi"):
        src = src_op.operand(0)
        ws, wd = _iwidth(src.type), _iwidth(self.results[0].type)
        if ws > wd:  # trunci(ext(a)) -> trunci(a)
            self.set_operand(0, src)
            return [self.results[0]]
        if element_type(src.type) == element_type(self.results[0].type):  # trunci(ext(a)) -> a
            return [src]
    if src_op is not None and src_op.name == "arith.trunci":  # trunci(trunci(a)) -> trunci(a)
        self.set_operand(0, src_op.operand(0))
        return [self.results[0]]
    return _wrap(_fold_cast(operands[0], self.results[0].type, lambda a: a))


@_folds("arith.extf")
def _fold_extf(self: Op, operands: list[Attribute | None]) -> Any:
    tr = _def(self.operand(0), "arith.truncf")  # extf(truncf(x)) -> x under `contract` on both
    if tr is not None and tr.operand(0).type == self.results[0].type:
        tf = tr.properties.get("fastmath")
        ef = self.properties.get("fastmath")
        if tf is not None and ef is not None and "contract" in tf.flags and "contract" in ef.flags:  # type: ignore[attr-defined]
            return [tr.operand(0)]
    kind = _kind(self.results[0].type)
    return _wrap(_fold_cast(operands[0], self.results[0].type, lambda a: _exact_float(a, kind)))


@_folds("arith.truncf")
def _fold_truncf(self: Op, operands: list[Attribute | None]) -> Any:
    # Only exact conversions fold, and those are the same in every rounding mode. (Newer MLIR also folds
    # truncf(extf(a)); the MLIR this project is checked against does not, so neither do we.)
    rkind = _kind(self.results[0].type)
    return _wrap(_fold_cast(operands[0], self.results[0].type, lambda a: _exact_float(a, rkind)))


@_folds("arith.sitofp", "arith.uitofp")
def _fold_itofp(self: Op, operands: list[Attribute | None]) -> Any:
    wi = _iwidth(self.operand(0).type)
    kind = _kind(self.results[0].type)
    if self.name == "arith.sitofp":
        return _wrap(_fold_cast(operands[0], self.results[0].type, lambda a: _int_to_float(_sx(a, wi), kind)))
    return _wrap(_fold_cast(operands[0], self.results[0].type, lambda a: _int_to_float(a, kind)))


@_folds("arith.fptosi", "arith.fptoui")
def _fold_fptoi(self: Op, operands: list[Attribute | None]) -> Any:
    w = _iwidth(self.results[0].type)
    unsigned = self.name == "arith.fptoui"
    return _wrap(_fold_cast(operands[0], self.results[0].type, lambda a: _float_to_int(a, w, unsigned)))


@_folds("arith.index_cast", "arith.index_castui")
def _fold_index_cast(self: Op, operands: list[Attribute | None]) -> Any:
    wi, wo = _iwidth(self.operand(0).type), _iwidth(self.results[0].type)
    if self.name == "arith.index_cast":
        r = _fold_cast(operands[0], self.results[0].type, lambda a: _sx(a, wi) & ((1 << wo) - 1))
    else:
        r = _fold_cast(operands[0], self.results[0].type, lambda a: a & ((1 << wo) - 1))
    if r is not None:
        return [r]
    inner = _def(self.operand(0), self.name)  # index_cast(index_cast(x : A) : B) : A -> x if B >= A
    if inner is not None:
        x = inner.operand(0)
        if x.type == self.results[0].type and _iwidth(inner.results[0].type) >= _iwidth(x.type):
            return [x]
    return None


def _to_bits(x: Any, t: Type) -> int:
    if isinstance(t, FloatType):
        return to_bits(float(x), t.kind)
    return int(x) & ((1 << _iwidth(t)) - 1)


def _from_bits(b: int, t: Type) -> Any:
    return from_bits(b, t.kind) if isinstance(t, FloatType) else b


@_folds("arith.bitcast")
def _fold_bitcast(self: Op, operands: list[Attribute | None]) -> Any:
    a = operands[0]
    rt = self.results[0].type
    if a is None:
        return None
    if isinstance(a, DenseElementsAttr):
        if not isinstance(rt, ShapedType):
            return None
        st, dt = a.type.element_type, rt.element_type
        s = _splat(a)
        vals = [s] if s is not None else a.values().ravel().tolist()
        out = [_from_bits(_to_bits(x, st), dt) for x in vals]
        return [_dense(rt, out[0] if s is not None else out)]
    if isinstance(rt, ShapedType):
        return None
    if isinstance(a, (IntegerAttr, FloatAttr)):
        bits = a.nan_bits if isinstance(a, FloatAttr) and a.nan_bits is not None else _to_bits(a.value, a.type)
        v = _from_bits(bits, rt)
        return [_scalar_attr(rt, v, bits if v != v else None)]
    return None


_CMPI_EQUAL = {"eq": True, "sle": True, "sge": True, "ule": True, "uge": True,
               "ne": False, "slt": False, "sgt": False, "ult": False, "ugt": False}
_CMPI_SWAP = {"slt": "sgt", "sgt": "slt", "sle": "sge", "sge": "sle", "ult": "ugt", "ugt": "ult", "ule": "uge",
              "uge": "ule", "eq": "eq", "ne": "ne"}
_CMPI_INVERT = {"eq": "ne", "ne": "eq", "slt": "sge", "sle": "sgt", "sgt": "sle", "sge": "slt", "ult": "uge",
                "ule": "ugt", "ugt": "ule", "uge": "ult"}


def _cmpi_fn(pred: str, w: int) -> Any:
    def s(v: int) -> int:
        return v - (1 << w) if v >> (w - 1) else v

    return {
        "eq": lambda a, b: int(a == b), "ne": lambda a, b: int(a != b),
        "slt": lambda a, b: int(s(a) < s(b)), "sle": lambda a, b: int(s(a) <= s(b)),
        "sgt": lambda a, b: int(s(a) > s(b)), "sge": lambda a, b: int(s(a) >= s(b)),
        "ult": lambda a, b: int(a < b), "ule": lambda a, b: int(a <= b),
        "ugt": lambda a, b: int(a > b), "uge": lambda a, b: int(a >= b),
    }[pred]


def _int_width_or_none(t: Type) -> int | None:
    """``getIntegerWidth``: integer scalars and integer vectors only."""
    if isinstance(t, IntegerType):
        return t.width
    if isinstance(t, VectorType) and isinstance(t.element_type, IntegerType):
        return t.element_type.width
    return None


@_folds("arith.cmpi")
def _fold_cmpi(self: Op, operands: list[Attribute | None]) -> Any:
    lhs, rhs = self.operands
    pred = CMPI_PREDICATE.case_of(self.properties["predicate"])
    if lhs is rhs:  # cmpi(pred, x, x)
        return _wrap(_bool_attr(self.results[0].type, _CMPI_EQUAL[pred]))
    is_i1 = element_type(lhs.type) == i1
    if _is_zero(operands[1]):
        for ext_name in ("arith.extsi", "arith.extui"):  # ext(%x : i1) != 0 -> %x
            ext = _def(lhs, ext_name)
            if ext is not None and _int_width_or_none(ext.operand(0).type) == 1 and pred == "ne":
                return [ext.operand(0)]
        if is_i1 and pred == "ne":  # cmpi ne, %x, false -> %x
            return [lhs]
    if _is_one(operands[1]) and is_i1 and pred == "eq":  # cmpi eq, %x, true -> %x
        return [lhs]
    if operands[0] is not None and operands[1] is None:  # move the constant to the right
        self.properties["predicate"] = CMPI_PREDICATE.attr(_CMPI_SWAP[pred])
        self.set_operand(0, rhs)
        self.set_operand(1, lhs)
        return [self.results[0]]
    a = operands[0]
    if a is not None and hasattr(a, "type"):
        return _wrap(_fold_binary(operands, _cmpi_fn(pred, _iwidth(lhs.type)), i1_like(a.type)))  # type: ignore[attr-defined]
    return None


def _cmpf(pred: str, a: float, b: float) -> bool:
    """``applyCmpPredicate`` on APFloat: ordered predicates are false on NaN, unordered ones true."""
    unordered = math.isnan(a) or math.isnan(b)
    lt, eq, gt = (not unordered and a < b), (not unordered and a == b), (not unordered and a > b)
    return {
        "false": False, "oeq": eq, "ogt": gt, "oge": gt or eq, "olt": lt, "ole": lt or eq,
        "one": not unordered and not eq, "ord": not unordered, "ueq": unordered or eq, "ugt": unordered or gt,
        "uge": unordered or gt or eq, "ult": unordered or lt, "ule": unordered or lt or eq, "une": not eq,
        "uno": unordered, "true": True,
    }[pred]


@_folds("arith.cmpf")
def _fold_cmpf(self: Op, operands: list[Attribute | None]) -> Any:
    a = operands[0] if isinstance(operands[0], FloatAttr) else None
    b = operands[1] if isinstance(operands[1], FloatAttr) else None
    if a is not None and math.isnan(a.value):  # one NaN operand decides every predicate
        b = a
    if b is not None and math.isnan(b.value):
        a = b
    if a is None or b is None:
        return None
    return [IntegerAttr(int(_cmpf(CMPF_PREDICATE.case_of(self.properties["predicate"]), a.value, b.value)), i1)]


@_folds("arith.select")
def _fold_select(self: Op, operands: list[Attribute | None]) -> Any:
    cond, tv, fv = self.operands
    if tv is fv:
        return [tv]
    if _is_one(operands[0]):  # select true, a, b -> a
        return [tv]
    if _is_zero(operands[0]):  # select false, a, b -> b
        return [fv]
    if self.results[0].type == i1 and _is_one(operands[1]) and _is_zero(operands[2]):  # select c, true, false -> c
        return [cond]
    cmp = _def(cond, "arith.cmpi")
    if cmp is not None:
        pred = CMPI_PREDICATE.case_of(cmp.properties["predicate"])
        if pred in ("eq", "ne"):
            a, b = cmp.operands
            if a is tv and b is fv or b is tv and a is fv:  # select(cmpi eq a b, a, b) -> b; ne -> a
                return [tv if pred == "ne" else fv]
    c, t, f = operands
    if isinstance(c, DenseElementsAttr) and isinstance(t, DenseElementsAttr) and isinstance(f, DenseElementsAttr):
        cs = c.values().ravel().tolist()
        tvals, fvals = _elems(t), _elems(f)
        return [_dense(t.type, [x if k else y for k, x, y in zip(cs, tvals, fvals)])]
    return None


for _name, _fold in _FOLDS.items():
    _C[_name].fold = _fold


# --- canonicalization patterns -----------------------------------------------------------------------------------


def _flags(op: Op) -> Any:
    return op.properties.get("overflowFlags", NO_OVERFLOW)


def _merge_flags(a: Op, b: Op) -> IntegerOverflowFlagsAttr:
    """``mergeOverflowFlags``: the flags both ops carry."""
    fb = set(_flags(b).flags)
    return IntegerOverflowFlagsAttr(tuple(f for f in _flags(a).flags if f in fb))


def _const(rw: PatternRewriter, value: Attribute, loc: Any) -> Value:
    return rw.insert(ConstantOp.from_value(value, loc)).results[0]  # type: ignore[union-attr]


def _new(rw: PatternRewriter, name: str, operands: list[Value], result_type: Type, loc: Any,
         props: dict[str, Attribute] | None = None) -> Value:
    return rw.create(_C[name], operands, [result_type], props, location=loc).results[0]  # type: ignore[no-any-return]


def _apint(v: Value) -> IntegerAttr | None:
    """A scalar ``IntegerAttr`` constant (DRR's ``ConstantLikeMatcher APIntAttr``)."""
    a = _cv(v)
    return a if isinstance(a, IntegerAttr) else None


def _binop_const_pattern(root: str, inner: str, const_on_left_inner: bool, const_on_left_root: bool,
                         out: str, combine: Any, out_const_left: bool, merge: bool) -> Any:
    """The DRR shape ``root(inner(x, c0), c1) -> out(x, combine(c0, c1))`` with the constant positions given."""

    def rewrite(op: Op, rw: PatternRewriter) -> bool:
        inner_v, c1v = (op.operand(1), op.operand(0)) if const_on_left_root else (op.operand(0), op.operand(1))
        inner_op = _def(inner_v, inner)
        if inner_op is None:
            return False
        c1 = _apint(c1v)
        if c1 is None:
            return False
        x, c0v = (inner_op.operand(1), inner_op.operand(0)) if const_on_left_inner else \
            (inner_op.operand(0), inner_op.operand(1))
        c0 = _apint(c0v)
        if c0 is None:
            return False
        t = op.results[0].type
        cst = _const(rw, IntegerAttr(combine(c0.value, c1.value), t), op.location)
        flags = _merge_flags(inner_op, op) if merge else NO_OVERFLOW
        operands = [cst, x] if out_const_left else [x, cst]
        rw.replace_op(op, [_new(rw, out, operands, t, op.location, {"overflowFlags": flags})])
        return True

    return rewrite


def _drr(root: str, benefit: int, name: str, fn: Any) -> FunctionPattern:
    return FunctionPattern(fn, root, benefit, name)


def _add(a: int, b: int) -> int:
    return a + b


def _sub_01(a: int, b: int) -> int:
    return a - b


def _sub_10(a: int, b: int) -> int:
    return b - a


_ADDI_PATTERNS = [
    # addi(addi(x, c0), c1) -> addi(x, c0 + c1)
    _drr("arith.addi", 2, "AddIAddConstant",
         _binop_const_pattern("arith.addi", "arith.addi", False, False, "arith.addi", _add, False, True)),
    # addi(subi(x, c0), c1) -> addi(x, c1 - c0)
    _drr("arith.addi", 2, "AddISubConstantRHS",
         _binop_const_pattern("arith.addi", "arith.subi", False, False, "arith.addi", _sub_10, False, True)),
    # addi(subi(c0, x), c1) -> subi(c0 + c1, x)
    _drr("arith.addi", 2, "AddISubConstantLHS",
         _binop_const_pattern("arith.addi", "arith.subi", True, False, "arith.subi", _add, True, True)),
]


def _is_neg_one(v: Value) -> bool:
    """``IsScalarOrSplatNegativeOne``."""
    return _is_all_ones(_cv(v))


def _addi_mul_negative_one(k: int, name: str, doc: str) -> FunctionPattern:
    """addi with operand ``k`` a muli(v, -1) -> subi(other operand, v)."""

    def rewrite(op: Op, rw: PatternRewriter) -> bool:
        mul = _def(op.operand(k), "arith.muli")
        if mul is None or not _is_neg_one(mul.operand(1)):
            return False
        rw.replace_op(op, [_new(rw, "arith.subi", [op.operand(1 - k), mul.operand(0)], op.results[0].type,
                                op.location)])
        return True

    rewrite.__name__, rewrite.__doc__ = name, doc
    return rewrite_pattern("arith.addi", benefit=2)(rewrite)


AddIMulNegativeOneRhs = _addi_mul_negative_one(1, "AddIMulNegativeOneRhs", "addi(x, muli(y, -1)) -> subi(x, y)")
AddIMulNegativeOneLhs = _addi_mul_negative_one(0, "AddIMulNegativeOneLhs", "addi(muli(x, -1), y) -> subi(y, x)")


_SUBI_PATTERNS = [
    # subi(addi(x, c0), c1) -> addi(x, c0 - c1)  (overflow flags dropped)
    _drr("arith.subi", 2, "SubIRHSAddConstant",
         _binop_const_pattern("arith.subi", "arith.addi", False, False, "arith.addi", _sub_01, False, False)),
    # subi(c1, addi(x, c0)) -> subi(c1 - c0, x)
    _drr("arith.subi", 2, "SubILHSAddConstant",
         _binop_const_pattern("arith.subi", "arith.addi", False, True, "arith.subi", _sub_10, True, True)),
    # subi(subi(x, c0), c1) -> subi(x, c0 + c1)
    _drr("arith.subi", 2, "SubIRHSSubConstantRHS",
         _binop_const_pattern("arith.subi", "arith.subi", False, False, "arith.subi", _add, False, True)),
    # subi(subi(c0, x), c1) -> subi(c0 - c1, x)
    _drr("arith.subi", 2, "SubIRHSSubConstantLHS",
         _binop_const_pattern("arith.subi", "arith.subi", True, False, "arith.subi", _sub_01, True, True)),
    # subi(c1, subi(x, c0)) -> subi(c0 + c1, x)
    _drr("arith.subi", 2, "SubILHSSubConstantRHS",
         _binop_const_pattern("arith.subi", "arith.subi", False, True, "arith.subi", _add, True, True)),
    # subi(c1, subi(c0, x)) -> addi(x, c1 - c0)
    _drr("arith.subi", 2, "SubILHSSubConstantLHS",
         _binop_const_pattern("arith.subi", "arith.subi", True, True, "arith.addi", _sub_10, False, True)),
]


@rewrite_pattern("arith.subi", benefit=2)
def SubISubILHSRHSLHS(op: Op, rw: PatternRewriter) -> bool:
    """subi(subi(x, y), x) -> subi(0, y)"""
    inner = _def(op.operand(0), "arith.subi")
    if inner is None or inner.operand(0) is not op.operand(1):
        return False
    y = inner.operand(1)
    zero = _zero_attr(y.type)
    if zero is None:
        return False
    cst = _const(rw, zero, op.location)
    rw.replace_op(op, [_new(rw, "arith.subi", [cst, y], op.results[0].type, op.location,
                            {"overflowFlags": _merge_flags(inner, op)})])
    return True


@rewrite_pattern("arith.muli", benefit=2)
def MulIMulIConstant(op: Op, rw: PatternRewriter) -> bool:
    """muli(muli(x, c0), c1) -> muli(x, c0 * c1)"""
    c1 = _apint(op.operand(1))
    inner = _def(op.operand(0), "arith.muli")
    if c1 is None or inner is None:
        return False
    c0 = _apint(inner.operand(1))
    t = op.results[0].type
    if c0 is None or c0.type != t or c1.type != t:
        return False
    cst = _const(rw, IntegerAttr(c0.value * c1.value, t), op.location)
    rw.replace_op(op, [_new(rw, "arith.muli", [inner.operand(0), cst], t, op.location,
                            {"overflowFlags": _merge_flags(inner, op)})])
    return True


def _extended_to_plain(plain: str) -> Any:
    """addui/mulsi/mului_extended(x, y) with the second result unused -> [plain(x, y), x]."""

    def rewrite(op: Op, rw: PatternRewriter) -> bool:
        if op.results[1].has_uses():
            return False
        x, y = op.operands
        rw.replace_op(op, [_new(rw, plain, [x, y], op.results[0].type, op.location), x])
        return True

    return rewrite


@rewrite_pattern("arith.mulsi_extended")
def MulSIExtendedRHSOne(op: Op, rw: PatternRewriter) -> bool:
    """mulsi_extended(x, 1) -> [x, extsi(cmpi slt, x, 0)]"""
    x = op.operand(0)
    if _int_of(_cv(op.operand(1))) != 1 or _iwidth(x.type) == 1 or isinstance(element_type(x.type), IndexType):
        return False
    zero = _zero_attr(x.type)
    if zero is None:
        return False
    cst = _const(rw, zero, op.location)
    cmp = _new(rw, "arith.cmpi", [x, cst], i1_like(x.type), op.location, {"predicate": CMPI_PREDICATE.attr("slt")})
    rw.replace_op(op, [x, _new(rw, "arith.extsi", [cmp], x.type, op.location)])
    return True


@rewrite_pattern("arith.xori", benefit=2)
def XOrINotCmpI(op: Op, rw: PatternRewriter) -> bool:
    """xori(cmpi(pred, a, b), true) -> cmpi(~pred, a, b)"""
    cmp = _def(op.operand(0), "arith.cmpi")
    if cmp is None or _cv(op.operand(1)) != IntegerAttr(1, i1):
        return False
    pred = CMPI_PREDICATE.case_of(cmp.properties["predicate"])
    rw.replace_op(op, [_new(rw, "arith.cmpi", list(cmp.operands), op.results[0].type, op.location,
                            {"predicate": CMPI_PREDICATE.attr(_CMPI_INVERT[pred])})])
    return True


def _ext_of_ext_pattern(root: str, ext: str) -> Any:
    """root(ext(x), ext(y)) -> ext(root(x, y)) when x and y have one type (and/or/xor of extensions)."""

    def rewrite(op: Op, rw: PatternRewriter) -> bool:
        a, b = _def(op.operand(0), ext), _def(op.operand(1), ext)
        if a is None or b is None or a.operand(0).type != b.operand(0).type:
            return False
        x, y = a.operand(0), b.operand(0)
        inner = _new(rw, root, [x, y], x.type, op.location)
        rw.replace_op(op, [_new(rw, ext, [inner], op.results[0].type, op.location)])
        return True

    return rewrite


def _cast_of_cast_pattern(root: str, inner: str, out: str) -> Any:
    """root(inner(x)) -> out(x) with root's result type."""

    def rewrite(op: Op, rw: PatternRewriter) -> bool:
        i = _def(op.operand(0), inner)
        if i is None:
            return False
        rw.replace_op(op, [_new(rw, out, [i.operand(0)], op.results[0].type, op.location)])
        return True

    return rewrite


def _cmpi_of_ext(ext: str) -> Any:
    """cmpi(eq|ne, ext(a), ext(b)) -> cmpi(eq|ne, a, b)"""

    def rewrite(op: Op, rw: PatternRewriter) -> bool:
        a, b = _def(op.operand(0), ext), _def(op.operand(1), ext)
        if a is None or b is None or a.operand(0).type != b.operand(0).type:
            return False
        if CMPI_PREDICATE.case_of(op.properties["predicate"]) not in ("eq", "ne"):
            return False
        rw.replace_op(op, [_new(rw, "arith.cmpi", [a.operand(0), b.operand(0)], op.results[0].type, op.location,
                                {"predicate": op.properties["predicate"]})])
        return True

    return rewrite


def _trunc_of_ext(ext: str) -> Any:
    """trunci(ext(x)) -> ext(x) when only extension bits are truncated (ext wider than trunc wider than x)."""

    def rewrite(op: Op, rw: PatternRewriter) -> bool:
        e = _def(op.operand(0), ext)
        if e is None:
            return False
        x = e.operand(0)
        we, wt, wx = _iwidth(e.results[0].type), _iwidth(op.results[0].type), _iwidth(x.type)
        if not (we > wt > wx > 0):
            return False
        rw.replace_op(op, [_new(rw, ext, [x], op.results[0].type, op.location)])
        return True

    return rewrite


@rewrite_pattern("arith.trunci", benefit=2)
def TruncIShrSIToTrunciShrUI(op: Op, rw: PatternRewriter) -> bool:
    """trunci(shrsi(x, c)) -> trunci(shrui(x, c)) when c = width(x) - width(result)"""
    sh = _def(op.operand(0), "arith.shrsi")
    if sh is None:
        return False
    c = _cv(sh.operand(1))
    x = sh.operand(0)
    amount = _int_of(c)
    if amount is None or _iwidth(x.type) - _iwidth(op.results[0].type) != amount:
        return False
    cst = _const(rw, c, op.location)  # type: ignore[arg-type]
    shr = _new(rw, "arith.shrui", [x, cst], x.type, op.location)
    rw.replace_op(op, [_new(rw, "arith.trunci", [shr], op.results[0].type, op.location,
                            {"overflowFlags": _flags(op)})])
    return True


def _truncf_of_itofp(itofp: str) -> Any:
    """truncf(sitofp|uitofp(x)) -> sitofp|uitofp(x) under the default rounding mode."""

    def rewrite(op: Op, rw: PatternRewriter) -> bool:
        i = _def(op.operand(0), itofp)
        if i is None or op.properties.get("roundingmode") is not None:
            return False
        rw.replace_op(op, [_new(rw, itofp, [i.operand(0)], op.results[0].type, op.location)])
        return True

    return rewrite


def _neg_neg_pattern(name: str) -> Any:
    """mulf|divf(negf(x), negf(y)) -> mulf|divf(x, y), keeping the fastmath flags."""

    def rewrite(op: Op, rw: PatternRewriter) -> bool:
        a, b = _def(op.operand(0), "arith.negf"), _def(op.operand(1), "arith.negf")
        if a is None or b is None or a.operand(0).type != b.operand(0).type:
            return False
        rw.replace_op(op, [_new(rw, name, [a.operand(0), b.operand(0)], op.results[0].type, op.location,
                                {"fastmath": op.properties["fastmath"]})])
        return True

    return rewrite


def _redundant_select(k: int, name: str, doc: str) -> FunctionPattern:
    """select(p, ..., select(p, x, y), ...) at operand ``k``: the inner select's operand ``k`` replaces it."""

    def rewrite(op: Op, rw: PatternRewriter) -> bool:
        inner = _def(op.operand(k), "arith.select")
        if inner is None or inner.operand(0) is not op.operand(0):
            return False
        operands = list(op.operands)
        operands[k] = inner.operand(k)
        rw.replace_op(op, [_new(rw, "arith.select", operands, op.results[0].type, op.location)])
        return True

    rewrite.__name__, rewrite.__doc__ = name, doc
    return rewrite_pattern("arith.select", benefit=2)(rewrite)


RedundantSelectFalse = _redundant_select(2, "RedundantSelectFalse", "select(p, a, select(p, b, c)) -> select(p, a, c)")
RedundantSelectTrue = _redundant_select(1, "RedundantSelectTrue", "select(p, select(p, a, b), c) -> select(p, a, c)")


@rewrite_pattern("arith.select", benefit=2)
def SelectNotCond(op: Op, rw: PatternRewriter) -> bool:
    """select(xori(p, -1), a, b) -> select(p, b, a)"""
    x = _def(op.operand(0), "arith.xori")
    if x is None or _apint(x.operand(1)) is None or not _is_neg_one(x.operand(1)):
        return False
    rw.replace_op(op, [_new(rw, "arith.select", [x.operand(0), op.operand(2), op.operand(1)],
                            op.results[0].type, op.location)])
    return True


@rewrite_pattern("arith.select", benefit=1)
def SelectI1ToNot(op: Op, rw: PatternRewriter) -> bool:
    """select(p, false, true) -> xori(p, true)"""
    if _cv(op.operand(1)) != IntegerAttr(0, i1) or _cv(op.operand(2)) != IntegerAttr(1, i1):
        return False
    p = op.operand(0)
    cst = _const(rw, IntegerAttr(1, i1), op.location)
    rw.replace_op(op, [_new(rw, "arith.xori", [p, cst], p.type, op.location)])
    return True


@rewrite_pattern("arith.select", benefit=1)
def SelectToExtUI(op: Op, rw: PatternRewriter) -> bool:
    """select(c, 1, 0) -> extui(c); select(c, 0, 1) -> extui(xori(c, 1)) for integer results wider than i1"""
    t = op.results[0].type
    if not isinstance(t, IntegerType) or t.width == 1:
        return False
    tv, fv = _cv(op.operand(1)), _cv(op.operand(2))
    c = op.operand(0)
    if _is_one(tv) and _is_zero(fv):
        rw.replace_op(op, [_new(rw, "arith.extui", [c], t, op.location)])
        return True
    if _is_zero(tv) and _is_one(fv):
        cst = _const(rw, IntegerAttr(1, c.type), op.location)
        x = _new(rw, "arith.xori", [c, cst], c.type, op.location)
        rw.replace_op(op, [_new(rw, "arith.extui", [x], t, op.location)])
        return True
    return False


def _replace_cmp_with_bool(op: Op, rw: PatternRewriter, v: bool) -> bool:
    rw.replace_op(op, [_const(rw, IntegerAttr(int(v), i1), op.location)])
    return True


def _ilogb(x: float) -> int:
    if x == 0.0:
        return -(2**31) + 1
    if math.isinf(x):
        return 2**31 - 1
    return math.frexp(x)[1] - 1


@rewrite_pattern("arith.cmpf")
def CmpFIntToFPConst(op: Op, rw: PatternRewriter) -> bool:
    """cmpf(sitofp|uitofp(i), C) -> cmpi(pred', i, int(C)) (or a constant), when the conversion cannot change the
    comparison (llvm's InstCombine ``foldFCmpIntToFPConst``)."""
    flt = _cv(op.operand(1))
    if not isinstance(flt, FloatAttr) or math.isnan(flt.value):
        return False
    rhs = flt.value
    kind = _kind(op.operand(1).type)
    mant, max_exp = _float_bits(kind)
    if mant <= 0:
        return False
    si, ui = _def(op.operand(0), "arith.sitofp"), _def(op.operand(0), "arith.uitofp")
    if si is None and ui is None:
        return False
    unsigned = si is None
    iv = (ui if unsigned else si).operand(0)
    if not isinstance(iv.type, IntegerType):
        return False
    w = iv.type.width
    value_bits = w if unsigned else w - 1
    if w > mant:
        e = _ilogb(rhs)
        if math.isinf(rhs):
            if max_exp < value_bits:
                return False
        elif mant <= e <= value_bits:
            return False
    fpred = CMPF_PREDICATE.case_of(op.properties["predicate"])
    if fpred == "ord":
        return _replace_cmp_with_bool(op, rw, True)
    if fpred == "uno":
        return _replace_cmp_with_bool(op, rw, False)
    if fpred in ("false", "true"):
        return False
    base = {"eq": "eq", "gt": "gt", "ge": "ge", "lt": "lt", "le": "le", "ne": "ne"}[fpred[1:]]
    pred = base if base in ("eq", "ne") else ("u" if unsigned else "s") + base
    if not unsigned:
        if _int_to_float((1 << (w - 1)) - 1, kind) < rhs:
            return _replace_cmp_with_bool(op, rw, pred in ("ne", "slt", "sle"))
        if _int_to_float(-(1 << (w - 1)), kind) > rhs:
            return _replace_cmp_with_bool(op, rw, pred in ("ne", "sgt", "sge"))
    else:
        if _int_to_float((1 << w) - 1, kind) < rhs:
            return _replace_cmp_with_bool(op, rw, pred in ("ne", "ult", "ule"))
        if rhs < 0.0:
            return _replace_cmp_with_bool(op, rw, pred in ("ne", "ugt", "uge"))
    rhs_int = _float_to_int(rhs, w, unsigned)
    if rhs_int is None:
        return False
    if rhs != 0.0:
        back = _int_to_float(rhs_int if unsigned else _sx(rhs_int, w), kind)
        if back != rhs:
            neg = rhs < 0
            if pred == "ne":
                return _replace_cmp_with_bool(op, rw, True)
            if pred == "eq":
                return _replace_cmp_with_bool(op, rw, False)
            if pred == "ule" and neg:
                return _replace_cmp_with_bool(op, rw, False)
            if pred == "sle" and neg:
                pred = "slt"
            elif pred == "ult":
                if neg:
                    return _replace_cmp_with_bool(op, rw, False)
                pred = "ule"
            elif pred == "slt" and not neg:
                pred = "sle"
            elif pred == "ugt" and neg:
                return _replace_cmp_with_bool(op, rw, True)
            elif pred == "sgt" and neg:
                pred = "sge"
            elif pred == "uge":
                if neg:
                    return _replace_cmp_with_bool(op, rw, True)
                pred = "ugt"
            elif pred == "sge" and not neg:
                pred = "sgt"
    cst = _const(rw, IntegerAttr(rhs_int, iv.type), op.location)
    rw.replace_op(op, [_new(rw, "arith.cmpi", [iv, cst], op.results[0].type, op.location,
                            {"predicate": CMPI_PREDICATE.attr(pred)})])
    return True


_PATTERNS: dict[str, list[RewritePattern]] = {
    "arith.addi": _ADDI_PATTERNS + [AddIMulNegativeOneRhs, AddIMulNegativeOneLhs],  # type: ignore[dict-item]
    "arith.addui_extended": [_drr("arith.addui_extended", 1, "AddUIExtendedToAddI", _extended_to_plain("arith.addi"))],
    "arith.subi": _SUBI_PATTERNS + [SubISubILHSRHSLHS],  # type: ignore[dict-item]
    "arith.muli": [MulIMulIConstant],
    "arith.mulsi_extended": [_drr("arith.mulsi_extended", 1, "MulSIExtendedToMulI",
                                  _extended_to_plain("arith.muli")), MulSIExtendedRHSOne],
    "arith.mului_extended": [_drr("arith.mului_extended", 1, "MulUIExtendedToMulI",
                                  _extended_to_plain("arith.muli"))],
    "arith.xori": [XOrINotCmpI,
                   _drr("arith.xori", 3, "XOrIOfExtUI", _ext_of_ext_pattern("arith.xori", "arith.extui")),
                   _drr("arith.xori", 3, "XOrIOfExtSI", _ext_of_ext_pattern("arith.xori", "arith.extsi"))],
    "arith.andi": [_drr("arith.andi", 3, "AndOfExtUI", _ext_of_ext_pattern("arith.andi", "arith.extui")),
                   _drr("arith.andi", 3, "AndOfExtSI", _ext_of_ext_pattern("arith.andi", "arith.extsi"))],
    "arith.ori": [_drr("arith.ori", 3, "OrOfExtUI", _ext_of_ext_pattern("arith.ori", "arith.extui")),
                  _drr("arith.ori", 3, "OrOfExtSI", _ext_of_ext_pattern("arith.ori", "arith.extsi"))],
    "arith.mulf": [_drr("arith.mulf", 3, "MulFOfNegF", _neg_neg_pattern("arith.mulf"))],
    "arith.divf": [_drr("arith.divf", 3, "DivFOfNegF", _neg_neg_pattern("arith.divf"))],
    "arith.extsi": [_drr("arith.extsi", 2, "ExtSIOfExtUI",
                         _cast_of_cast_pattern("arith.extsi", "arith.extui", "arith.extui"))],
    "arith.trunci": [_drr("arith.trunci", 2, "TruncIExtSIToExtSI", _trunc_of_ext("arith.extsi")),
                     _drr("arith.trunci", 2, "TruncIExtUIToExtUI", _trunc_of_ext("arith.extui")),
                     TruncIShrSIToTrunciShrUI],
    "arith.truncf": [_drr("arith.truncf", 2, "TruncFSIToFPToSIToFP", _truncf_of_itofp("arith.sitofp")),
                     _drr("arith.truncf", 2, "TruncFUIToFPToUIToFP", _truncf_of_itofp("arith.uitofp"))],
    "arith.uitofp": [_drr("arith.uitofp", 2, "UIToFPOfExtUI",
                          _cast_of_cast_pattern("arith.uitofp", "arith.extui", "arith.uitofp"))],
    "arith.sitofp": [_drr("arith.sitofp", 2, "SIToFPOfExtSI",
                          _cast_of_cast_pattern("arith.sitofp", "arith.extsi", "arith.sitofp")),
                     _drr("arith.sitofp", 2, "SIToFPOfExtUI",
                          _cast_of_cast_pattern("arith.sitofp", "arith.extui", "arith.uitofp"))],
    "arith.index_cast": [_drr("arith.index_cast", 2, "IndexCastOfExtSI",
                              _cast_of_cast_pattern("arith.index_cast", "arith.extsi", "arith.index_cast"))],
    "arith.index_castui": [_drr("arith.index_castui", 2, "IndexCastUIOfExtUI",
                                _cast_of_cast_pattern("arith.index_castui", "arith.extui", "arith.index_castui"))],
    "arith.bitcast": [_drr("arith.bitcast", 2, "BitcastOfBitcast",
                           _cast_of_cast_pattern("arith.bitcast", "arith.bitcast", "arith.bitcast"))],
    "arith.cmpi": [_drr("arith.cmpi", 3, "CmpIExtSI", _cmpi_of_ext("arith.extsi")),
                   _drr("arith.cmpi", 3, "CmpIExtUI", _cmpi_of_ext("arith.extui"))],
    "arith.cmpf": [CmpFIntToFPConst],
    "arith.select": [RedundantSelectFalse, RedundantSelectTrue, SelectNotCond, SelectI1ToNot, SelectToExtUI],
}


def _patterns_of(name: str) -> Any:
    pats = tuple(_PATTERNS[name])
    return classmethod(lambda cls: list(pats))


for _name in _PATTERNS:
    _C[_name].canonicalization_patterns = _patterns_of(_name)
