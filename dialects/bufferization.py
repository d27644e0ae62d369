"""The bufferization dialect (mlir/docs/Dialects/BufferizationOps.md): the ops at the tensor/buffer boundary.

``one-shot-bufferize`` (passes/one_shot_bufferize.py) turns tensor SSA values into memrefs; these ops mark where
the two worlds meet — a tensor argument whose buffer is needed (``to_buffer``), a buffer returned as a tensor
(``to_tensor``), an explicit allocation of a new tensor (``alloc_tensor``) and a tensor that must be stored in a
given destination (``materialize_in_destination``). Op names, operand/property names, custom and generic syntax
are MLIR's (checked against ``iree-opt``: tests/lit/Dialect/bufferization/).
"""

from __future__ import annotations

from typing import Any

from mlir_py.attributes import (
    MemRefType,
    RankedTensorType,
    Type,
    UnitAttr,
    UnrankedMemRefType,
    UnrankedTensorType,
    element_type,
    index,
)
from mlir_py.diagnostics import Diagnostic, DiagnosticError
from mlir_py.dialect import Dialect
from mlir_py.opdef import (
    AnyAttr,
    MemoryEffects,
    Op,
    Pure,
    isa,
    operand,
    opt_operand,
    opt_result,
    prop,
    result_def,
    var_operand,
)

AnyTensor = isa(RankedTensorType, UnrankedTensorType, description="tensor of any type values")
AnyRankedTensor = isa(RankedTensorType, description="ranked tensor of any type values")
AnyMemRef = isa(MemRefType, UnrankedMemRefType, description="ranked or unranked memref of any type values")
TensorOrMemRef = isa(RankedTensorType, UnrankedTensorType, MemRefType, UnrankedMemRefType,
                     description="tensor of any type values or ranked or unranked memref of any type values")
Index = isa(type(index), description="index")


def _shape(t: Type) -> tuple[int, ...] | None:
    return tuple(t.shape) if isinstance(t, (RankedTensorType, MemRefType)) else None


def _check_match(op: Op, tensor_t: Type, buffer_t: Type, what: str) -> None:
    """Same shape, then same element type: MLIR reports ``TensorType::verifyCompatibleBufferType``'s "shapes do not
    match" / "element types do not match", then the op's ``TensorAndBufferMatch`` failure."""
    problem = ("shapes do not match" if _shape(tensor_t) != _shape(buffer_t) else
               "element types do not match" if element_type(tensor_t) != element_type(buffer_t) else None)
    if problem is not None:
        err = op.emit_error("failed to verify that specified tensor and buffer types match")
        assert isinstance(err, DiagnosticError)
        err.diagnostic.preceding.append(Diagnostic("error", problem, op.location))
        raise err


class ToBufferOp(Op, name="bufferization.to_buffer", traits=[Pure()]):
    """The buffer of a tensor: ``%m = bufferization.to_buffer %t read_only : tensor<4xf32> to memref<4xf32>``.

    ``read_only``: the buffer is not written. Errors: tensor and buffer of different shape or element type."""

    tensor = operand(AnyTensor)
    read_only = prop(UnitAttr, optional=True)
    buffer = result_def(AnyMemRef)
    assembly_format = "$tensor (`read_only` $read_only^)? attr-dict `:` type($tensor) `to` type($buffer)"

    def verify_(self) -> None:
        _check_match(self, self.tensor.type, self.buffer.type, "tensor and buffer")


class ToTensorOp(Op, name="bufferization.to_tensor", traits=[]):
    """A tensor whose contents are those of a buffer: ``bufferization.to_tensor %m restrict writable : memref<4xf32>
    to tensor<4xf32>``. ``restrict``: no other op accesses the buffer through another to_tensor; ``writable``: the
    bufferization may write it in place. Errors: buffer and tensor of different shape or element type."""

    buffer = operand(AnyMemRef)
    restrict = prop(UnitAttr, optional=True)
    writable = prop(UnitAttr, optional=True)
    result = result_def(AnyTensor)
    assembly_format = ("$buffer (`restrict` $restrict^)? (`writable` $writable^)? attr-dict `:` type($buffer) `to` "
                       "type($result)")

    def verify_(self) -> None:
        _check_match(self, self.result.type, self.buffer.type, "buffer and tensor")


class AllocTensorOp(Op, name="bufferization.alloc_tensor", traits=[MemoryEffects(("allocate", "default"))]):
    """A new tensor with undefined contents (or a copy of ``copy``) that bufferizes to a new allocation.

    Operands: ``dynamic_sizes`` — one ``index`` per ``?`` of the result; ``copy`` — a tensor of the result type to
    copy from (then no dynamic sizes); ``size_hint`` — an ``index`` for sparse tensors. ``memory_space``: the
    memory space of the buffer. Errors: a dynamic-size count other than the number of ``?`` of the result, a copy
    of another type, dynamic sizes together with a copy."""

    dynamic_sizes = var_operand(Index)
    copy = opt_operand(AnyRankedTensor)
    size_hint = opt_operand(Index)
    memory_space = prop(AnyAttr, optional=True)
    result = result_def(AnyRankedTensor)
    assembly_format = ("`(` $dynamic_sizes `)` (`copy` `(` $copy^ `)`)? (`size_hint` `` `=` `` $size_hint^)? attr-dict "
                       "`:` type($result)")

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        types["dynamic_sizes"] = [index] * len(names.get("dynamic_sizes", []))
        types["size_hint"] = [index] * len(names.get("size_hint", []))
        if names.get("copy"):
            types["copy"] = list(types["result"])

    def asm_result_names(self) -> list[str]:
        return []

    def verify_(self) -> None:
        t = self.result.type
        assert isinstance(t, RankedTensorType)
        if self.copy is not None and self.dynamic_sizes:
            raise self.emit_error("dynamic sizes not needed when copying a tensor")
        if self.copy is None and len(self.dynamic_sizes) != sum(1 for s in t.shape if s < 0):
            raise self.emit_error(f"incorrect number of dynamic sizes, has {len(self.dynamic_sizes)}, expected "
                                  f"{sum(1 for s in t.shape if s < 0)}")
        if self.copy is not None and self.copy.type != t:
            raise self.emit_error("expected that `copy` and return type match")


_WRITABLE = "'writable' must be specified if and only if the destination is of memref type"


class MaterializeInDestinationOp(Op, name="bufferization.materialize_in_destination", traits=[]):
    """Store ``source`` into ``dest``: a tensor destination gives the result tensor; a memref destination (with
    ``restrict writable``) is written and there is no result.

    Errors: a memref destination without ``writable``, a tensor destination with ``restrict``/``writable``, a
    result whose presence or type does not match the destination, source and destination of different shapes."""

    source = operand(AnyTensor)
    dest = operand(TensorOrMemRef)
    restrict = prop(UnitAttr, optional=True)
    writable = prop(UnitAttr, optional=True)
    result = opt_result(AnyTensor)
    assembly_format = ("$source `in` (`restrict` $restrict^)? (`writable` $writable^)? $dest attr-dict `:` "
                       "functional-type(operands, results)")

    def verify_(self) -> None:
        d = self.dest.type
        is_tensor = isinstance(d, (RankedTensorType, UnrankedTensorType))
        if is_tensor:
            if self.writable is not None:
                raise self.emit_error(_WRITABLE)
            if self.restrict is not None:
                raise self.emit_error("'restrict' is valid only for memref destinations")
            if not self.results or self.results[0].type != d:
                raise self.emit_error("result and 'dest' types must match")
        else:
            if self.writable is None:
                raise self.emit_error(_WRITABLE)
            if self.results:
                raise self.emit_error("memref 'dest' implies zero results")
        if _shape(self.source.type) != _shape(d) or element_type(self.source.type) != element_type(d):
            raise self.emit_error("source/destination shapes are incompatible")


_OPS: list[type[Op]] = [ToBufferOp, ToTensorOp, AllocTensorOp, MaterializeInDestinationOp]

DIALECT = Dialect("bufferization", _OPS, description=__doc__ or "")

__all__ = ["DIALECT", "AllocTensorOp", "MaterializeInDestinationOp", "ToBufferOp", "ToTensorOp"]
