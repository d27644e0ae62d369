"""Interpreter implementations of the bufferization dialect (mlir/docs/Dialects/BufferizationOps.md).

A tensor is an immutable numpy array and a memref a :class:`~mlir_py.interpreter.MemRef`, so the boundary ops
copy: ``to_buffer`` gives a fresh buffer holding the tensor's elements (writing it cannot change the tensor),
``to_tensor`` snapshots the buffer's current elements, ``alloc_tensor`` is a zero-filled tensor (its contents are
undefined in MLIR; zeros make runs reproducible) or a copy of ``copy``, and ``materialize_in_destination`` stores
the source into a memref destination (or returns it, for a tensor destination).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dialects import bufferization as B
from mlir_py.attributes import RankedTensorType
from mlir_py.interpreter import Interpreter, InterpreterError, MemRef, impl, storage_dtype
from mlir_py.ir import Operation


@impl(B.ToBufferOp)
def _to_buffer(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    return [MemRef.wrap_array(np.array(args[0], copy=True), "to_buffer")]


@impl(B.ToTensorOp)
def _to_tensor(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    return [np.array(args[0].array, copy=True)]


@impl(B.AllocTensorOp)
def _alloc_tensor(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    t = op.results[0].type
    assert isinstance(t, RankedTensorType)
    alloc = op  # type: Any
    if alloc.copy is not None:
        return [np.array(interp.env[alloc.copy], copy=True)]
    dyn = iter(int(interp.env[v]) for v in alloc.dynamic_sizes)
    shape = [next(dyn) if s < 0 else s for s in t.shape]
    return [np.zeros(shape, storage_dtype(t.element_type))]


@impl(B.MaterializeInDestinationOp)
def _materialize(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    src, dest = args
    if isinstance(dest, MemRef):
        if tuple(dest.shape) != tuple(np.shape(src)):
            raise InterpreterError(f"materialize_in_destination of shape {list(np.shape(src))} into a memref of "
                                   f"shape {list(dest.shape)} (undefined behavior)")
        np.copyto(dest.array, src)
        return []
    return [np.array(src, copy=True)]
