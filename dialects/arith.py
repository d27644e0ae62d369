"""The arith dialect (mlir/docs/Dialects/ArithOps.md): integer and floating-point arithmetic, comparisons,
casts, select and constants on scalars, vectors and tensors.

Every op carries MLIR's operand/property names and assembly format, so generic and custom text match
``mlir-opt`` byte for byte. Integer ops are wrap-around on signless two's-complement values; the
``overflowFlags`` (``nsw``/``nuw``) and ``fastmath`` flags are kept and printed as MLIR does. Folds live in
:mod:`dialects.arith_folds` (registered with the canonicalizer).
"""

from __future__ import annotations

import types as _types
from typing import Any, ClassVar

from mlir_py.attributes import (
    Attribute,
    DenseElementsAttr,
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
)
from mlir_py.dialect import Dialect
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


class AddUIExtendedOp(ArithOp, name="arith.addui_extended", traits=[Pure(), Commutative(), Elementwise()]):
    """Unsigned addition returning the sum and an i1-like overflow (carry) flag."""

    lhs = operand(SignlessIntegerLike)
    rhs = operand(SignlessIntegerLike)
    sum = result_def(SignlessIntegerLike)
    overflow = result_def(BoolLike)
    assembly_format = "$lhs `,` $rhs attr-dict `:` type($sum) `,` type($overflow)"
    all_types_match = [("lhs", "rhs", "sum")]

    def asm_result_names(self) -> list[str]:
        return ["sum", "overflow"]


class MulSIExtendedOp(ArithOp, name="arith.mulsi_extended", traits=[Pure(), Commutative(), Elementwise()]):
    """Signed full-width multiplication: the low and high halves of the 2N-bit product."""

    lhs = operand(SignlessIntegerLike)
    rhs = operand(SignlessIntegerLike)
    low = result_def(SignlessIntegerLike)
    high = result_def(SignlessIntegerLike)
    assembly_format = "$lhs `,` $rhs attr-dict `:` type($lhs)"
    all_types_match = [("lhs", "rhs", "low", "high")]

    def asm_result_names(self) -> list[str]:
        return ["low", "high"]


class MulUIExtendedOp(ArithOp, name="arith.mului_extended", traits=[Pure(), Commutative(), Elementwise()]):
    """Unsigned full-width multiplication: the low and high halves of the 2N-bit product."""

    lhs = operand(SignlessIntegerLike)
    rhs = operand(SignlessIntegerLike)
    low = result_def(SignlessIntegerLike)
    high = result_def(SignlessIntegerLike)
    assembly_format = "$lhs `,` $rhs attr-dict `:` type($lhs)"
    all_types_match = [("lhs", "rhs", "low", "high")]

    def asm_result_names(self) -> list[str]:
        return ["low", "high"]


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


for _n, _c, _ic, _oc, _rule, _doc in _CASTS:
    _make(_c, _n, [Pure(), Elementwise(), SameOperandsAndResultShape()], {
        "__doc__": _doc, "in_": operand(_ic), "out": result_def(_oc), "width_rule": _rule,
        "assembly_format": _CAST_FORMAT.replace("$in ", "$in_ ").replace("type($in)", "type($in_)"),
        "verify_": _verify_cast})

_make("TruncIOp", "trunci", [Pure(), Elementwise(), SameOperandsAndResultShape()], {
    "__doc__": "Truncate an integer to a narrower type (keeps the low bits).",
    "in_": operand(_IntLike), "out": result_def(_IntLike), "width_rule": "narrower",
    "overflowFlags": prop(IntegerOverflowFlagsAttr, default=NO_OVERFLOW),
    "assembly_format": "$in_ (`overflow` `` $overflowFlags^)? attr-dict `:` type($in_) `to` type($out)",
    "verify_": _verify_cast})
_make("ExtFOp", "extf", [Pure(), Elementwise(), SameOperandsAndResultShape()], {
    "__doc__": "Extend a float to a wider float type (exact).",
    "in_": operand(FloatLike), "out": result_def(FloatLike), "width_rule": "wider",
    "fastmath": prop(FastMathFlagsAttr, optional=True),
    "assembly_format": "$in_ (`fastmath` `` $fastmath^)? attr-dict `:` type($in_) `to` type($out)",
    "verify_": _verify_cast})
_make("TruncFOp", "truncf", [Pure(), Elementwise(), SameOperandsAndResultShape()], {
    "__doc__": "Truncate a float to a narrower float type, rounding per ``roundingmode`` (default: nearest even).",
    "in_": operand(FloatLike), "out": result_def(FloatLike), "width_rule": "narrower",
    "roundingmode": prop(ROUNDING_MODE, optional=True),
    "fastmath": prop(FastMathFlagsAttr, optional=True),
    "assembly_format": "$in_ ($roundingmode^)? (`fastmath` `` $fastmath^)? attr-dict `:` type($in_) `to` type($out)",
    "verify_": _verify_cast})

# ---------------------------------------------------------------------------------------------------------------
# comparison, select, constant
# ---------------------------------------------------------------------------------------------------------------


def _infer_cmp(cls: Any, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
    lhs = types.get("lhs")
    if lhs:
        types.setdefault("rhs", lhs)
        types.setdefault("result", [_with_element(lhs[0], i1)])


class CmpIOp(ArithOp, name="arith.cmpi", traits=[Pure(), Elementwise()]):
    """Integer comparison with a predicate (eq, ne, slt, sle, sgt, sge, ult, ule, ugt, uge) giving i1-like."""

    predicate = prop(CMPI_PREDICATE)
    lhs = operand(SignlessIntegerLike)
    rhs = operand(SignlessIntegerLike)
    result = result_def(BoolLike)
    assembly_format = "$predicate `,` $lhs `,` $rhs attr-dict `:` type($lhs)"
    infer_format_types = classmethod(_infer_cmp)

    def verify_(self) -> None:
        if self.operand(0).type != self.operand(1).type:
            raise self.emit_error("requires all operands to have the same type")
        if _shape_of(self.results[0].type) != _shape_of(self.operand(0).type):
            raise self.emit_error("result type must have the shape of the operands")


class CmpFOp(ArithOp, name="arith.cmpf", traits=[Pure(), Elementwise()]):
    """Float comparison: ordered (o*) predicates are false on NaN, unordered (u*) true."""

    predicate = prop(CMPF_PREDICATE)
    lhs = operand(FloatLike)
    rhs = operand(FloatLike)
    result = result_def(BoolLike)
    fastmath = prop(FastMathFlagsAttr, default=NO_FASTMATH)
    assembly_format = "$predicate `,` $lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($lhs)"
    infer_format_types = classmethod(_infer_cmp)

    def verify_(self) -> None:
        if self.operand(0).type != self.operand(1).type:
            raise self.emit_error("requires all operands to have the same type")
        if _shape_of(self.results[0].type) != _shape_of(self.operand(0).type):
            raise self.emit_error("result type must have the shape of the operands")


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
    if isinstance(value, DenseElementsAttr):
        return value.type == t and isinstance(t, (RankedTensorType, VectorType))
    return False


class ConstantOp(ArithOp, name="arith.constant", traits=[Pure(), ConstantLike()]):
    """A constant integer, index, float, or dense vector/tensor value; the result type is the value's type.

    Syntax: ``arith.constant 42 : i32``, ``arith.constant dense<1.0> : tensor<4xf32>``, ``arith.constant true``.
    Errors: a value whose type differs from the result type, signed/unsigned integer types."""

    value = prop(isa(IntegerAttr, FloatAttr, DenseElementsAttr, description="integer, float or dense elements"))
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
        t = getattr(value, "type")
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
        if isinstance(t, IntegerType) and t.signedness != "signless":
            raise self.emit_error("integer return type must be signless")
        if not _valid_constant(v, t):  # type: ignore[arg-type]
            raise self.emit_error(f"value must be an integer, float, or elements attribute")
        if getattr(v, "type", None) != t:
            raise self.emit_error(f"failed to verify that result and attribute have the same type")


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
