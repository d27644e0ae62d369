"""Interpreter implementations of the tensor dialect (mlir/docs/Dialects/TensorOps.md).

A tensor is an immutable ``numpy.ndarray`` (see :mod:`mlir_py.interpreter`): every op returns a fresh array and
never writes into an operand. Shapes follow MLIR's definitions:

- ``extract_slice``: result element ``j`` along dim ``d`` is ``source[offset[d] + j * stride[d]]``; a
  rank-reducing result drops unit dims (MLIR's ``computeRankReductionMask``). ``insert_slice`` writes the
  same window of ``dest``. A window outside the tensor is undefined behaviour, diagnosed.
- ``pad``: ``low[d]`` elements before and ``high[d]`` after each dim; a padding element is the value its region
  yields for its (result) indices. The region runs once on whole index arrays when it is elementwise (arith,
  math, ``tensor.extract``), else once per padding element. ``tensor.generate`` alike.
- ``collapse_shape`` / ``expand_shape`` / ``reshape``: row-major reshapes; ``concat`` along ``dim``;
  ``bitcast``: the same bit patterns.
- ``tensor.empty``'s contents are undefined in MLIR; here zeros (reproducible runs).
- ``cast`` to a type whose static sizes the runtime shape contradicts, ``dim`` out of range, ``extract`` /
  ``insert`` out of bounds, negative sizes or padding: diagnostics (undefined behaviour).
- ``parallel_insert_slice`` (in ``scf.forall.in_parallel``) writes into the enclosing ``scf.forall``'s result
  for its ``dest`` shared output (``interp.dialect_state["scf.forall"]``, see :mod:`.scf`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import numpy as np

from dialects import tensor as T
from dialects._shape import rank_reduction_mask, reassociation_groups
from mlir_py.attributes import DYNAMIC, RankedTensorType, ShapedType, Type, element_type
from mlir_py.interpreter import (
    Exit,
    Interpreter,
    InterpreterError,
    float_bits,
    float_from_bits,
    float_kind_or_none,
    impl,
    result,
    storage_dtype,
    wrap,
    zext,
)
from mlir_py.ir import Block, Operation, Value

from .linalg import eval_block, vectorizable


def _dims(interp: Interpreter, static: Sequence[int], values: Sequence[Value]) -> list[int]:
    """A result shape: static sizes, and the dynamic ones from ``values`` in order; negative sizes are UB."""
    it = iter(values)
    shape = [int(interp.env[next(it)]) if d == DYNAMIC else int(d) for d in static]
    if any(d < 0 for d in shape):
        raise InterpreterError(f"negative dynamic size in {shape} (undefined behavior)")
    return shape


def _mixed(interp: Interpreter, entries: Sequence[Any]) -> list[int]:
    return [int(interp.env[x]) if isinstance(x, Value) else int(x) for x in entries]


def _result_type(op: Operation) -> RankedTensorType:
    t = op.results[0].type
    assert isinstance(t, RankedTensorType)
    return t


def check_shape(a: np.ndarray, t: Type, what: str) -> np.ndarray:
    """Diagnose a runtime shape contradicting the static sizes of ``t`` (undefined behavior)."""
    if isinstance(t, RankedTensorType) and (a.ndim != t.rank or any(
            d != DYNAMIC and d != s for d, s in zip(t.shape, a.shape))):
        raise InterpreterError(f"{what}: runtime shape {list(a.shape)} does not match '{t}' (undefined behavior)")
    return a


# --- construction -----------------------------------------------------------------------------------------------


@impl(T.EmptyOp)
def _empty(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    t = _result_type(op)
    return [np.zeros(_dims(interp, t.shape, op.operands), storage_dtype(t))]


@impl(T.FromElementsOp)
def _from_elements(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    t = _result_type(op)
    return [np.array(args, dtype=storage_dtype(t)).reshape(t.shape)]


@impl(T.SplatOp)
def _splat(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    t = _result_type(op)
    return [np.full(_dims(interp, t.shape, op.operands[1:]), args[0], dtype=storage_dtype(t))]


def _fill_region(interp: Interpreter, block: Block, shape: Sequence[int], t: Type,
                 where: np.ndarray | None = None) -> np.ndarray:
    """The tensor of ``shape`` whose element at ``idx`` is the value ``block`` yields for the index arguments
    ``idx`` (only where ``where`` is true, zeros elsewhere, when given): one vectorized run of the block on index
    arrays when :func:`vectorizable`, else one run per element."""
    dt = storage_dtype(t)
    out = np.zeros(shape, dt)
    if 0 in shape:
        return out
    if vectorizable(block):
        if where is not None:  # evaluate only at the selected points (a region may trap elsewhere)
            sel = np.nonzero(where)
            (v,) = eval_block(interp, block, [np.asarray(i, dtype=np.int64) for i in sel])
            out[sel] = np.broadcast_to(np.asarray(v, dtype=dt), sel[0].shape)
        else:  # index arrays broadcasting to the whole shape
            idx = [np.arange(n, dtype=np.int64).reshape([n if k == d else 1 for k in range(len(shape))])
                   for d, n in enumerate(shape)]
            (v,) = eval_block(interp, block, idx)
            out[...] = np.broadcast_to(np.asarray(v, dtype=dt), tuple(shape))
        return out
    region = block.parent
    assert region is not None
    points = zip(*np.nonzero(where)) if where is not None else itertools.product(*(range(n) for n in shape))
    for p in points:
        (out[p],) = interp.run_region(region, [np.int64(i) for i in p])
    return out


@impl(T.GenerateOp)
def _generate(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    t = _result_type(op)
    shape = _dims(interp, t.shape, op.operands)
    return [_fill_region(interp, op.regions[0].blocks[0], shape, t)]


@impl(T.YieldOp)
def _yield(interp: Interpreter, op: Operation, args: list[Any]) -> Exit:
    return Exit(args)


# --- element access ---------------------------------------------------------------------------------------------


def _indices(a: np.ndarray, idx: Sequence[Any]) -> tuple[Any, ...]:
    """``idx`` (scalars, or index arrays when run vectorized in a payload) checked against ``a``'s shape."""
    out = tuple(np.asarray(i, dtype=np.int64) for i in idx)
    for d, (i, n) in enumerate(zip(out, a.shape)):
        bad = (i < 0) | (i >= n)
        if np.any(bad):
            at = int(i[bad].flat[0]) if i.ndim else int(i)
            raise InterpreterError(f"out-of-bounds access: index {at} in dimension {d} of a tensor of shape "
                                   f"{list(a.shape)} (undefined behavior)")
    return out


@impl(T.ExtractOp)
def _extract(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    a = np.asarray(args[0])
    v = a[_indices(a, args[1:])]
    return [result(v, op.results[0].type)]


@impl(T.InsertOp)
def _insert(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    out = np.array(args[1])
    out[_indices(out, args[2:])] = args[0]
    return [out]


@impl(T.DimOp)
def _dim(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    a, i = np.asarray(args[0]), int(args[1])
    if not 0 <= i < a.ndim:
        raise InterpreterError(f"dimension index {i} out of range for rank {a.ndim} (undefined behavior)")
    return [np.int64(a.shape[i])]


@impl(T.RankOp)
def _rank(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    return [np.int64(np.asarray(args[0]).ndim)]


# --- casts and reshapes -----------------------------------------------------------------------------------------


@impl(T.CastOp)
def _cast(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    return [check_shape(np.asarray(args[0]), op.results[0].type, "tensor.cast")]


@impl(T.BitcastOp)
def _bitcast(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    a = np.asarray(args[0])
    st, rt = op.operands[0].type, op.results[0].type
    bits = float_bits(a, st) if float_kind_or_none(st) else zext(a, st)
    out = float_from_bits(bits, rt) if float_kind_or_none(rt) else wrap(bits, element_type(rt))
    return [np.asarray(out)]


@impl(T.ReshapeOp)
def _reshape(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    a, shape = np.asarray(args[0]), [int(x) for x in np.asarray(args[1])]
    if any(d < 0 for d in shape) or int(np.prod(shape, dtype=np.int64)) != a.size:
        raise InterpreterError(f"tensor.reshape of {a.size} elements to shape {shape} (undefined behavior)")
    return [check_shape(a.reshape(shape).copy(), op.results[0].type, "tensor.reshape")]


def _groups(op: Operation) -> list[list[int]]:
    g = reassociation_groups(op.properties.get("reassociation"))
    assert g is not None
    return g


@impl(T.CollapseShapeOp)
def _collapse_shape(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    a = np.asarray(args[0])
    shape = [int(np.prod([a.shape[i] for i in g], dtype=np.int64)) for g in _groups(op)]
    return [a.reshape(shape).copy()]


@impl(T.ExpandShapeOp)
def _expand_shape(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    a = np.asarray(args[0])
    out = _dims(interp, op.properties["static_output_shape"].values, op.operands[1:])  # type: ignore[attr-defined]
    for d, g in enumerate(_groups(op)):
        if int(np.prod([out[i] for i in g], dtype=np.int64)) != a.shape[d]:
            raise InterpreterError(f"tensor.expand_shape: sizes {[out[i] for i in g]} do not multiply to source "
                                   f"dimension {d} of size {a.shape[d]} (undefined behavior)")
    return [a.reshape(out).copy()]


@impl(T.ConcatOp)
def _concat(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    dim = op.properties["dim"].value  # type: ignore[attr-defined]
    arrays = [np.asarray(a) for a in args]
    ref = arrays[0].shape
    for i, a in enumerate(arrays):
        if any(s != r for d, (s, r) in enumerate(zip(a.shape, ref)) if d != dim):
            raise InterpreterError(f"tensor.concat: input #{i} of shape {list(a.shape)} differs from "
                                   f"{list(ref)} outside dimension {dim} (undefined behavior)")
    return [check_shape(np.concatenate(arrays, axis=dim), op.results[0].type, "tensor.concat")]


# --- slices -----------------------------------------------------------------------------------------------------


def _window(interp: Interpreter, op: Operation, shape: Sequence[int]) -> tuple[tuple[np.ndarray, ...], list[int]]:
    """The numpy (open-mesh) index of an offsets/sizes/strides window on a tensor of ``shape`` — element ``j``
    along dim ``d`` at ``offset[d] + j * stride[d]``, any stride sign — and its sizes; a window reaching outside
    the tensor is diagnosed."""
    offs = _mixed(interp, op.mixed_offsets)  # type: ignore[attr-defined]
    sizes = _mixed(interp, op.mixed_sizes)  # type: ignore[attr-defined]
    strides = _mixed(interp, op.mixed_strides)  # type: ignore[attr-defined]
    for d, (o, n, s, dim) in enumerate(zip(offs, sizes, strides, shape)):
        last = o + (n - 1) * s
        if n < 0 or (n > 0 and (o < 0 or o >= dim or last < 0 or last >= dim)):
            raise InterpreterError(f"slice out of bounds along dimension {d}: offset {o}, size {n}, stride {s} in a "
                                   f"dimension of size {dim} (undefined behavior)")
    index = np.ix_(*(o + s * np.arange(n, dtype=np.int64) for o, n, s in zip(offs, sizes, strides)))
    return index, sizes


def _reduced(op: Operation, sizes: Sequence[int], t: Type) -> list[int]:
    """The shape the slice ``sizes`` take in the (possibly rank-reduced) type ``t``: MLIR's
    ``computeRankReductionMask`` of the op's static sizes (kDynamic matching kDynamic) against ``t``'s shape."""
    assert isinstance(t, ShapedType)
    if t.rank == len(sizes):
        return list(sizes)
    dropped = rank_reduction_mask(op.static_sizes, t.shape)  # type: ignore[attr-defined]
    if dropped is None:
        raise InterpreterError(f"slice sizes {list(sizes)} do not reduce to '{t}'")
    return [s for i, s in enumerate(sizes) if i not in dropped]


@impl(T.ExtractSliceOp)
def _extract_slice(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    a = np.asarray(args[0])
    index, sizes = _window(interp, op, a.shape)
    return [a[index].reshape(_reduced(op, sizes, op.results[0].type)).copy()]


def _insert_into(interp: Interpreter, op: Operation, src: Any, dest: np.ndarray) -> None:
    index, sizes = _window(interp, op, dest.shape)
    s = np.asarray(src)
    if s.size != int(np.prod(sizes, dtype=np.int64)) or s.ndim > len(sizes):
        raise InterpreterError(f"source of shape {list(s.shape)} does not fill the slice of sizes {sizes} "
                               "(undefined behavior)")
    dest[index] = s.reshape(sizes)


@impl(T.InsertSliceOp)
def _insert_slice(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    out = np.array(args[1])
    _insert_into(interp, op, args[0], out)
    return [out]


@impl(T.ParallelInsertSliceOp)
def _parallel_insert_slice(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    stack: list[dict[Value, np.ndarray]] = interp.dialect_state.get("scf.forall", [])
    dest = op.operands[1]
    if not stack or dest not in stack[-1]:
        raise InterpreterError("tensor.parallel_insert_slice outside a running scf.forall")
    _insert_into(interp, op, args[0], stack[-1][dest])
    return []


@impl(T.PadOp)
def _pad(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    a = np.asarray(args[0])
    low = _mixed(interp, op.mixed_low)  # type: ignore[attr-defined]
    high = _mixed(interp, op.mixed_high)  # type: ignore[attr-defined]
    if any(x < 0 for x in (*low, *high)):
        raise InterpreterError(f"negative padding low {low} high {high} (undefined behavior)")
    shape = [n + lo + hi for n, lo, hi in zip(a.shape, low, high)]
    inner = tuple(slice(lo, lo + n) for lo, n in zip(low, a.shape))
    block = op.regions[0].blocks[0]
    y = block.last_op
    t = _result_type(op)
    if y is not None and y.name == "tensor.yield" and y.operands[0].parent_block is not block:
        out = np.full(shape, interp.env[y.operands[0]], dtype=storage_dtype(t))  # a padding value from outside
    else:
        where = np.ones(shape, dtype=bool)
        where[inner] = False
        out = _fill_region(interp, block, shape, t, where)
    out[inner] = a
    return [check_shape(out, t, "tensor.pad")]
