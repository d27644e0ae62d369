"""Shared pieces of the conversions to the llvm dialect (MLIR's ``LLVMTypeConverter`` and ``MemRefDescriptor``).

Type conversion (mlir/docs/TargetLLVMIR.md): ``index`` -> ``i64``; signless integers, floats and vectors of them
stay; a ranked memref with an identity or strided layout becomes its descriptor
``!llvm.struct<(ptr, ptr, i64, array<R x i64>, array<R x i64>)>`` — allocated pointer, aligned pointer, offset,
sizes, strides (``!llvm.struct<(ptr, ptr, i64)>`` for rank 0), all in elements. Unconvertible types (tensors,
unranked memrefs) give ``None``: the patterns then do not match and the op stays, to be reported by the pass.
Values whose type changes are bridged by ``builtin.unrealized_conversion_cast``, removed at the end by
``reconcile-unrealized-casts``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from dialects.llvm import (
    PTR,
    ConstantOp,
    ExtractValueOp,
    InsertValueOp,
    LLVMArrayType,
    LLVMStructType,
    LLVMType,
    UndefOp,
)
from mlir_py.attributes import (
    DYNAMIC,
    DenseArrayAttr,
    FloatType,
    IndexType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    StridedLayoutAttr,
    Type,
    VectorType,
    i64,
)
from mlir_py.conversion import (
    ConversionPattern,
    ConversionPatternRewriter,
    ConversionTarget,
    TypeConverter,
    apply_partial_conversion,
)
from mlir_py.ir import Operation, Value
from mlir_py.pass_manager import Pass


def strides_and_offset(t: MemRefType) -> tuple[list[int], int] | None:
    """The strides and offset of a memref type in elements (``DYNAMIC`` when not static), or None for a layout
    other than identity and ``strided<...>`` (MLIR's ``getStridesAndOffset``)."""
    if t.layout is None:
        strides, acc = [], 1
        for d in reversed(t.shape):
            strides.append(acc)
            acc = DYNAMIC if d == DYNAMIC or acc == DYNAMIC else acc * d
        return list(reversed(strides)), 0
    if isinstance(t.layout, StridedLayoutAttr):
        return list(t.layout.strides), t.layout.offset
    return None


def descriptor_type(t: MemRefType) -> LLVMStructType | None:
    """``!llvm.struct<(ptr, ptr, i64, array<R x i64>, array<R x i64>)>`` for a ranked strided memref."""
    if strides_and_offset(t) is None or convert_element(t.element_type) is None:
        return None
    r = len(t.shape)
    body: list[Type] = [PTR, PTR, i64]
    if r:
        body += [LLVMArrayType(r, i64), LLVMArrayType(r, i64)]
    return LLVMStructType(body)


def convert_element(t: Type) -> Type | None:
    if isinstance(t, IndexType):
        return i64
    if isinstance(t, IntegerType):
        return IntegerType(t.width) if t.is_signless else None
    if isinstance(t, FloatType) or isinstance(t, LLVMType):
        return t
    if isinstance(t, VectorType):
        e = convert_element(t.element_type)
        return VectorType(t.shape, e, t.scalable) if e is not None else None
    return None


class LLVMTypeConverter(TypeConverter):
    """MLIR's ``LLVMTypeConverter`` for the types mlir-py lowers (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self.add_conversion(lambda t: descriptor_type(t) if isinstance(t, MemRefType) else convert_element(t))


#: one shared converter: conversions are cached per type
TYPE_CONVERTER = LLVMTypeConverter()


def const(rw: Any, value: int | float, t: Type, loc: Any = None) -> Value:
    """``llvm.mlir.constant(value : t) : t`` at the rewriter's insertion point (a splat ``dense<value>`` for a
    vector type)."""
    from mlir_py.attributes import Attribute, DenseElementsAttr, FloatAttr

    attr: Attribute
    if isinstance(t, VectorType):
        attr = DenseElementsAttr(t, [value])
    else:
        attr = IntegerAttr(int(value), t) if isinstance(t, IntegerType) else FloatAttr(float(value), t)
    res: Value = rw.create(ConstantOp, [], [t], {"value": attr}, location=loc).results[0]
    return res


def extract(rw: Any, agg: Value, pos: Sequence[int], t: Type, loc: Any = None) -> Value:
    res: Value = rw.create(ExtractValueOp, [agg], [t], {"position": DenseArrayAttr(i64, list(pos))},
                           location=loc).results[0]
    return res


def insert(rw: Any, agg: Value, v: Value, pos: Sequence[int], loc: Any = None) -> Value:
    res: Value = rw.create(InsertValueOp, [agg, v], [agg.type], {"position": DenseArrayAttr(i64, list(pos))},
                           location=loc).results[0]
    return res


class MemRefDescriptor:
    """Accessors on a memref descriptor value (MLIR's ``MemRefDescriptor``): fields are read with
    ``llvm.extractvalue`` and a new descriptor is built from ``llvm.mlir.undef`` with ``llvm.insertvalue``."""

    def __init__(self, rw: Any, value: Value, loc: Any = None):
        self.rw, self.value, self.loc = rw, value, loc

    @classmethod
    def build(cls, rw: Any, t: LLVMStructType, allocated: Value, aligned: Value, offset: Value,
              sizes: Sequence[Value], strides: Sequence[Value], loc: Any = None) -> MemRefDescriptor:
        v = rw.create(UndefOp, [], [t], location=loc).results[0]
        v = insert(rw, v, allocated, [0], loc)
        v = insert(rw, v, aligned, [1], loc)
        v = insert(rw, v, offset, [2], loc)
        for i, s in enumerate(sizes):
            v = insert(rw, v, s, [3, i], loc)
        for i, s in enumerate(strides):
            v = insert(rw, v, s, [4, i], loc)
        return cls(rw, v, loc)

    def allocated(self) -> Value:
        return extract(self.rw, self.value, [0], PTR, self.loc)

    def aligned(self) -> Value:
        return extract(self.rw, self.value, [1], PTR, self.loc)

    def offset(self) -> Value:
        return extract(self.rw, self.value, [2], i64, self.loc)

    def size(self, i: int) -> Value:
        return extract(self.rw, self.value, [3, i], i64, self.loc)

    def stride(self, i: int) -> Value:
        return extract(self.rw, self.value, [4, i], i64, self.loc)

    def fields(self, rank: int) -> list[Value]:
        """allocated, aligned, offset, sizes..., strides... (the expanded calling convention)."""
        return [self.allocated(), self.aligned(), self.offset(), *(self.size(i) for i in range(rank)),
                *(self.stride(i) for i in range(rank))]


def run_conversion(pass_: Pass, op: Operation, target: ConversionTarget,
                   patterns: Iterable[ConversionPattern]) -> None:
    """Apply a partial conversion with the shared type converter; a :class:`ConversionError` (located at the op
    that stayed illegal) stops the pipeline as the pass's error."""
    apply_partial_conversion(op, target, patterns, TYPE_CONVERTER)


def cast_value(rw: ConversionPatternRewriter, v: Value, t: Type, loc: Any = None) -> Value:
    """``v`` as type ``t`` through an unrealized cast (left for reconcile-unrealized-casts)."""
    from dialects.builtin import UnrealizedConversionCastOp

    if v.type == t:
        return v
    res: Value = rw.create(UnrealizedConversionCastOp, [v], [t], location=loc).results[0]
    return res


__all__ = ["LLVMTypeConverter", "MemRefDescriptor", "TYPE_CONVERTER", "cast_value", "const", "descriptor_type",
           "extract", "insert", "run_conversion", "strides_and_offset"]
