"""``convert-arith-to-llvm``: arith ops on scalars and vectors to the llvm dialect (MLIR's ArithToLLVM).

One op each (mlir/lib/Conversion/ArithToLLVM): integer and float arithmetic keep their overflow and fast-math
flags (``arith.addi ... overflow<nsw>`` -> ``llvm.add ... overflow<nsw>``); ``maximumf/minimumf/maxnumf/minnumf``
and ``maxsi/minsi/maxui/minui`` become the LLVM intrinsics ``llvm.intr.maximum/minimum/maxnum/minnum`` and
``smax/smin/umax/umin``; ``cmpi``/``cmpf`` become ``llvm.icmp``/``llvm.fcmp`` (the predicates are numbered alike);
casts map to ``sext/zext/trunc/sitofp/uitofp/fptosi/fptoui/fpext/fptrunc/bitcast``; ``index_cast[ui]`` is a
``sext``/``zext``/``trunc`` to or from ``i64`` (``index`` is ``i64``) or nothing. ``ceildivsi``/``floordivsi``/
``ceildivui`` are expanded as in MLIR's ``arith-expand`` (division, remainder test, correction).

Types follow :mod:`passes._llvm_common` (``index`` -> ``i64``); ops on tensors are left alone (their types do not
convert), so a later pass or the translation reports them.
"""

from __future__ import annotations

from typing import Any

from dialects import llvm
from dialects.arith import FastMathFlagsAttr, IntegerOverflowFlagsAttr
from mlir_py.attributes import (
    Attribute,
    DenseElementsAttr,
    FloatAttr,
    IntegerAttr,
    IntegerType,
    Type,
    VectorType,
    element_type,
    i1,
)
from mlir_py.conversion import ConversionPattern, ConversionPatternRewriter, ConversionTarget
from mlir_py.ir import Operation, Value
from mlir_py.pass_manager import Pass, register_pass

from ._llvm_common import TYPE_CONVERTER, const, run_conversion

#: arith op -> llvm op for the ops that map one to one (operands and flags carried over)
ONE_TO_ONE: dict[str, str] = {
    "addi": "add", "subi": "sub", "muli": "mul", "shli": "shl", "divsi": "sdiv", "divui": "udiv",
    "remsi": "srem", "remui": "urem", "andi": "and", "ori": "or", "xori": "xor", "shrsi": "ashr",
    "shrui": "lshr", "addf": "fadd", "subf": "fsub", "mulf": "fmul", "divf": "fdiv", "remf": "frem",
    "negf": "fneg", "select": "select", "cmpi": "icmp", "cmpf": "fcmp",
    "extsi": "sext", "extui": "zext", "trunci": "trunc", "sitofp": "sitofp", "uitofp": "uitofp",
    "fptosi": "fptosi", "fptoui": "fptoui", "extf": "fpext", "truncf": "fptrunc", "bitcast": "bitcast",
    "maximumf": "intr.maximum", "minimumf": "intr.minimum", "maxnumf": "intr.maxnum", "minnumf": "intr.minnum",
    "maxsi": "intr.smax", "minsi": "intr.smin", "maxui": "intr.umax", "minui": "intr.umin",
}


def llvm_op_class(name: str) -> type[Operation]:
    """The llvm op class named ``llvm.<name>`` (``intr.fma`` for intrinsics)."""
    if name.startswith("intr."):
        return llvm.INTRINSIC_OPS[name[5:]]
    cls = llvm.BINARY_OPS.get(name) or llvm.CAST_OPS.get(name)
    if cls is None:
        cls = {"fneg": llvm.FNegOp, "select": llvm.SelectOp, "icmp": llvm.ICmpOp, "fcmp": llvm.FCmpOp}[name]
    return cls


def convert_flags(op: Operation, dst: type[Operation]) -> dict[str, Attribute]:
    """arith's ``overflowFlags``/``fastmath``/``predicate`` as the llvm op's properties."""
    props: dict[str, Attribute] = {}
    names = dst.property_names()
    ovf = op.properties.get("overflowFlags")
    if isinstance(ovf, IntegerOverflowFlagsAttr) and "overflowFlags" in names:
        props["overflowFlags"] = llvm.OVERFLOW.attr(*ovf.flags)
    fm = op.properties.get("fastmath")
    if isinstance(fm, FastMathFlagsAttr) and "fastmathFlags" in names:
        props["fastmathFlags"] = llvm.LLVMFastMathFlagsAttr(fm.flags)
    if "predicate" in op.properties:
        props["predicate"] = op.properties["predicate"]
    return props


class OneToOnePattern(ConversionPattern):
    """``arith.<x>`` -> ``llvm.<y>`` with the operands converted and the flags carried over."""

    def __init__(self, src: str, dst: str):
        super().__init__(src, type_converter=TYPE_CONVERTER)
        self.dst = llvm_op_class(dst)

    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        results = TYPE_CONVERTER.convert_types(op.result_types)
        if results is None:
            return False
        new = rw.create(self.dst, operands, results, convert_flags(op, self.dst), location=op.location)
        rw.replace_op(op, new)
        return True


def convert_constant_attr(value: Attribute, t: Type) -> Attribute | None:
    """An arith constant's value for ``llvm.mlir.constant`` of type ``t`` (index integers become i64)."""
    if isinstance(value, IntegerAttr) and isinstance(t, IntegerType):
        return IntegerAttr(value.value, t)
    if isinstance(value, FloatAttr):
        return value
    if isinstance(value, DenseElementsAttr) and isinstance(t, VectorType):
        return DenseElementsAttr(t, value.values())
    return None


class ConstantPattern(ConversionPattern):
    root = "arith.constant"

    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        t = TYPE_CONVERTER.convert_type(op.result_types[0])
        v = convert_constant_attr(op.properties["value"], t) if t is not None else None
        if v is None or t is None:
            return False
        rw.replace_op(op, rw.create(llvm.ConstantOp, [], [t], {"value": v}, location=op.location))
        return True


class IndexCastPattern(ConversionPattern):
    """``arith.index_cast[ui]``: sign (zero) extension or truncation between ``i64`` and the other width."""

    def __init__(self, src: str, signed: bool):
        super().__init__(src, type_converter=TYPE_CONVERTER)
        self.signed = signed

    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        t = TYPE_CONVERTER.convert_type(op.result_types[0])
        if t is None:
            return False
        x = operands[0]
        src_w, dst_w = _width(x.type), _width(t)
        if src_w == dst_w:
            rw.replace_op(op, [x])
            return True
        name = "trunc" if dst_w < src_w else ("sext" if self.signed else "zext")
        rw.replace_op(op, rw.create(llvm.CAST_OPS[name], [x], [t], location=op.location))
        return True


def _width(t: Type) -> int:
    e = element_type(t)
    assert isinstance(e, IntegerType)
    return e.width


def _bin(rw: Any, name: str, a: Value, b: Value, loc: Any) -> Value:
    r: Value = rw.create(llvm.BINARY_OPS[name], [a, b], [a.type], location=loc).results[0]
    return r


def _bool_type(t: Type) -> Type:
    """``i1``, or ``vector<...xi1>`` of the shape of a vector ``t`` (the type of a comparison of ``t`` values)."""
    return VectorType(t.shape, i1, t.scalable) if isinstance(t, VectorType) else i1


def _icmp(rw: Any, pred: str, a: Value, b: Value, loc: Any) -> Value:
    r: Value = rw.create(llvm.ICmpOp, [a, b], [_bool_type(a.type)], {"predicate": llvm.ICMP_PREDICATE.attr(pred)},
                         location=loc).results[0]
    return r


class DivExpandPattern(ConversionPattern):
    """``ceildivsi``/``floordivsi``/``ceildivui`` (scalars and vectors, elementwise): ``q = a / b`` corrected by
    one when the remainder is nonzero and the exact quotient lies on the rounding side (MLIR's ``arith-expand``
    formulas, branch-free)."""

    def __init__(self, src: str):
        super().__init__(src, type_converter=TYPE_CONVERTER)
        self.kind = src.split(".")[1]

    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        a, b = operands
        t = a.type
        if not isinstance(element_type(t), IntegerType):
            return False
        loc, bt = op.location, _bool_type(t)
        zero, one = const(rw, 0, t, loc), const(rw, 1, t, loc)
        if self.kind == "ceildivui":
            q = _bin(rw, "udiv", a, b, loc)
            r = _bin(rw, "urem", a, b, loc)
            bump = _icmp(rw, "ne", r, zero, loc)
            res = rw.create(llvm.SelectOp, [bump, _bin(rw, "add", q, one, loc), q], [t], location=loc).results[0]
        else:
            q = _bin(rw, "sdiv", a, b, loc)
            r = _bin(rw, "srem", a, b, loc)
            nonzero = _icmp(rw, "ne", r, zero, loc)
            # the signs of r and b agree: the exact quotient is positive (ceil bumps up), else negative (floor down)
            same = _icmp(rw, "eq", _icmp(rw, "slt", r, zero, loc), _icmp(rw, "slt", b, zero, loc), loc)
            if self.kind == "ceildivsi":
                cond = _bin(rw, "and", nonzero, same, loc)
                adj = _bin(rw, "add", q, one, loc)
            else:
                diff = _bin(rw, "xor", same, const(rw, 1, bt, loc), loc)
                cond = _bin(rw, "and", nonzero, diff, loc)
                adj = _bin(rw, "sub", q, one, loc)
            res = rw.create(llvm.SelectOp, [cond, adj, q], [t], location=loc).results[0]
        rw.replace_op(op, [res])
        return True


def arith_to_llvm_patterns() -> list[ConversionPattern]:
    """The patterns of this conversion (reused by ``lower-to-llvm``)."""
    pats: list[ConversionPattern] = [OneToOnePattern("arith." + s, d) for s, d in ONE_TO_ONE.items()]
    pats += [ConstantPattern(type_converter=TYPE_CONVERTER), IndexCastPattern("arith.index_cast", True),
             IndexCastPattern("arith.index_castui", False)]
    pats += [DivExpandPattern("arith." + k) for k in ("ceildivsi", "floordivsi", "ceildivui")]
    return pats


def legal_unless_converted(op: Operation) -> bool:
    """Ops whose types do not convert (tensors) stay legal: partial conversion leaves them."""
    return not all(TYPE_CONVERTER.convert_type(v.type) is not None for v in (*op.operands, *op.results))


@register_pass
class ConvertArithToLLVMPass(Pass):
    """Convert arith ops on scalars and vectors to the llvm dialect (MLIR's ``convert-arith-to-llvm``,
    mlir/lib/Conversion/ArithToLLVM): one llvm op per arith op with the overflow and fast-math flags kept,
    min/max as LLVM intrinsics, ``index`` as ``i64``, ``ceildivsi``/``floordivsi``/``ceildivui`` expanded.
    Values whose type changes are bridged by ``builtin.unrealized_conversion_cast`` (see
    ``reconcile-unrealized-casts``). Arith ops on tensors are left unchanged."""

    argument = "convert-arith-to-llvm"
    summary = "Convert arith ops to the llvm dialect"

    def initialize(self) -> None:
        self.patterns = arith_to_llvm_patterns()

    def run_on_operation(self, op: Operation) -> None:
        target = ConversionTarget()
        target.add_legal_dialect("llvm")
        target.add_dynamically_legal_dialect("arith", legal_unless_converted)
        run_conversion(self, op, target, self.patterns)


__all__ = ["ConvertArithToLLVMPass", "OneToOnePattern", "arith_to_llvm_patterns", "convert_flags", "llvm_op_class",
           "legal_unless_converted"]
