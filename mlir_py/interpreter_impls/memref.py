"""Interpreter implementations of the memref dialect (mlir/docs/Dialects/MemRef.md).

A memref value is a :class:`~mlir_py.interpreter.MemRef`: a strided window (offset, sizes, strides in elements)
on a :class:`~mlir_py.interpreter.Buffer` (one flat numpy array per allocation). Views — ``subview``, ``cast``,
``memory_space_cast``, ``reinterpret_cast``, ``collapse_shape``, ``expand_shape``, ``transpose``, ``view`` —
share their source's buffer, so a store through one is seen through every alias.

Undefined behaviour is a diagnostic: a load/store outside the memref's shape, a window outside its buffer, any
access after ``memref.dealloc`` (use after free) or a second dealloc, deallocating memory not from
``memref.alloc``, a store into a ``constant`` global, a runtime shape or layout contradicting a static type
(``cast``, ``copy`` of different shapes), a non-collapsible ``collapse_shape``. Fresh allocations are
zero-filled (their contents are undefined in MLIR; zeros make runs reproducible). ``alloca`` memory is not
released at the end of its scope (a use after the scope is not detected).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dialects import memref as M
from dialects._shape import memref_rank_reduction_mask, reassociation_groups, strides_and_offset
from mlir_py.attributes import (
    DYNAMIC,
    AffineMapAttr,
    DenseElementsAttr,
    MemRefType,
    RankedTensorType,
    SymbolRefAttr,
    Type,
)
from mlir_py.interpreter import (
    Buffer,
    Interpreter,
    InterpreterError,
    MemRef,
    contiguous_strides,
    from_attribute,
    impl,
    memref_layout,
    storage_dtype,
)
from mlir_py.ir import Operation, Value, lookup_symbol


def value_of(interp: Interpreter, x: Any) -> int:
    """A mixed static/dynamic entry (int or SSA value) as an int."""
    return int(interp.env[x]) if isinstance(x, Value) else int(x)


def writable(m: MemRef) -> np.ndarray:
    """The array of ``m`` for writing; a constant global cannot be written (undefined behavior)."""
    if m.buffer.kind == "constant global":
        raise InterpreterError("write to a constant memref.global (undefined behavior)")
    return m.array


def check_type(m: MemRef, t: Type, what: str) -> MemRef:
    """Diagnose a runtime shape or layout that contradicts the static type ``t`` (undefined behavior)."""
    if not isinstance(t, MemRefType):
        return m
    if len(t.shape) != len(m.shape) or any(d != DYNAMIC and d != s for d, s in zip(t.shape, m.shape)):
        raise InterpreterError(f"{what}: runtime shape {list(m.shape)} does not match '{t}' (undefined behavior)")
    so = strides_and_offset(t)
    if so is not None and t.layout is not None:
        strides, offset = so
        if offset != DYNAMIC and offset != m.offset or any(
                s != DYNAMIC and s != r and d != 1 for s, r, d in zip(strides, m.strides, m.shape)):
            raise InterpreterError(f"{what}: runtime layout (offset {m.offset}, strides {list(m.strides)}) does not "
                                   f"match '{t}' (undefined behavior)")
    elif so is not None and t.layout is None and m.strides != tuple(contiguous_strides(m.shape)) and all(
            d > 1 for d in m.shape):
        raise InterpreterError(f"{what}: runtime strides {list(m.strides)} are not the identity layout of '{t}' "
                               "(undefined behavior)")
    return m


# --- allocation -------------------------------------------------------------------------------------------------


@impl(M.AllocOp, M.AllocaOp)
def _alloc(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    t = op.results[0].type
    assert isinstance(t, MemRefType)
    dyn = iter(op.dynamicSizes)  # type: ignore[attr-defined]
    shape = [int(interp.env[next(dyn)]) if d == DYNAMIC else d for d in t.shape]
    if any(d < 0 for d in shape):
        raise InterpreterError(f"negative dynamic size in {shape}")
    kind = "alloc" if op.name == "memref.alloc" else "alloca"
    layout = memref_layout(t)
    if layout is None:
        return [MemRef.allocate(shape, storage_dtype(t), kind, op)]
    strides, offset = layout
    size = offset + sum(s * (d - 1) for s, d in zip(strides, shape)) + 1
    return [MemRef.allocate([size], storage_dtype(t), kind, op).view(offset, shape, strides)]


@impl(M.DeallocOp)
def _dealloc(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    m: MemRef = args[0]
    buf = m.buffer
    if buf.freed:
        raise InterpreterError("double free: the memref was already deallocated (undefined behavior)")
    if buf.kind != "alloc":
        raise InterpreterError(f"memref.dealloc of memory not allocated by memref.alloc ({buf.kind}) "
                               "(undefined behavior)")
    buf.freed = True
    return []


def _global(interp: Interpreter, op: Operation, name: str) -> MemRef:
    globals_: dict[Operation, MemRef] = interp.dialect_state.setdefault("memref.globals", {})
    g = lookup_symbol(op, name)
    if g is None or g.name != "memref.global":
        raise InterpreterError(f"'@{name}' does not reference a memref.global")
    m = globals_.get(g)
    if m is None:
        t = g.properties["type"].value  # type: ignore[attr-defined]
        init = g.properties.get("initial_value")
        kind = "constant global" if g.properties.get("constant") is not None else "global"
        m = MemRef.allocate(t.shape, storage_dtype(t), kind, g)
        if isinstance(init, DenseElementsAttr):
            m.array[...] = np.broadcast_to(from_attribute(init, _tensor_type(t), interp.module), t.shape)
        globals_[g] = m
    return m


def _tensor_type(t: MemRefType) -> Type:
    return RankedTensorType(t.shape, t.element_type)


@impl(M.GlobalOp)
def _global_op(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    return []  # a declaration: materialized by the first memref.get_global


@impl(M.GetGlobalOp)
def _get_global(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    ref = op.properties["name"]
    assert isinstance(ref, SymbolRefAttr)
    name = ref.root
    return [_global(interp, op, name)]


# --- access -----------------------------------------------------------------------------------------------------


@impl(M.LoadOp)
def _load(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    m: MemRef = args[0]
    idx = m.check_indices(args[1:])
    return [m.array[idx]]


@impl(M.StoreOp)
def _store(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    value, m = args[0], args[1]
    idx = m.check_indices(args[2:])
    writable(m)[idx] = value
    return []


@impl(M.CopyOp)
def _copy(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    src, dst = args
    if src.shape != dst.shape:
        raise InterpreterError(f"memref.copy between shapes {list(src.shape)} and {list(dst.shape)} (undefined "
                               "behavior)")
    np.copyto(writable(dst), src.array)  # numpy copies through a temporary when the two overlap
    return []


@impl(M.DimOp)
def _dim(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    m, i = args
    if not 0 <= int(i) < len(m.shape):
        raise InterpreterError(f"dimension index {int(i)} out of range for rank {len(m.shape)} (undefined behavior)")
    return [np.int64(m.shape[int(i)])]


@impl(M.RankOp)
def _rank(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    return [np.int64(len(args[0].shape))]


# --- views ------------------------------------------------------------------------------------------------------


@impl(M.CastOp, M.MemorySpaceCastOp)
def _cast(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    m: MemRef = args[0]
    return [check_type(m.view(m.offset, m.shape, m.strides), op.results[0].type, "memref.cast")]


@impl(M.SubViewOp)
def _subview(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    m: MemRef = args[0]
    offs = [value_of(interp, x) for x in op.mixed_offsets]  # type: ignore[attr-defined]
    sizes = [value_of(interp, x) for x in op.mixed_sizes]  # type: ignore[attr-defined]
    strides = [value_of(interp, x) for x in op.mixed_strides]  # type: ignore[attr-defined]
    for i, (o, n, s, d) in enumerate(zip(offs, sizes, strides, m.shape)):
        if o < 0 or n < 0 or (n > 0 and (o >= d or o + (n - 1) * s >= d or o + (n - 1) * s < 0)):
            raise InterpreterError(f"subview out of bounds along dimension {i}: offset {o}, size {n}, stride {s} "
                                   f"in a dimension of size {d} (undefined behavior)")
    offset = m.offset + sum(o * s for o, s in zip(offs, m.strides))
    new_strides = [a * b for a, b in zip(m.strides, strides)]
    rt = op.results[0].type
    assert isinstance(rt, MemRefType)
    if rt.rank < len(sizes):
        src_t = op.operand(0).type
        from dialects.memref import subview_result_type

        expected = subview_result_type(src_t, op.static_offsets, op.static_sizes,  # type: ignore[attr-defined,arg-type]
                                       op.static_strides)  # type: ignore[attr-defined]
        dropped = memref_rank_reduction_mask(expected, rt, op.static_sizes)  # type: ignore[attr-defined]
        if dropped is None:
            raise InterpreterError("cannot infer the dropped dimensions of the rank-reducing subview")
        keep = [i for i in range(len(sizes)) if i not in dropped]
        sizes, new_strides = [sizes[i] for i in keep], [new_strides[i] for i in keep]
    return [m.view(offset, sizes, new_strides)]


@impl(M.ReinterpretCastOp)
def _reinterpret_cast(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    m: MemRef = args[0]
    offs = [value_of(interp, x) for x in op.mixed_offsets]  # type: ignore[attr-defined]
    sizes = [value_of(interp, x) for x in op.mixed_sizes]  # type: ignore[attr-defined]
    strides = [value_of(interp, x) for x in op.mixed_strides]  # type: ignore[attr-defined]
    # the offset is relative to the buffer's base (MLIR: the source's aligned pointer)
    return [m.view(offs[0], sizes, strides)]


@impl(M.ViewOp)
def _view(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    m: MemRef = args[0]
    shift = int(args[1])
    rt = op.results[0].type
    assert isinstance(rt, MemRefType)
    dyn = iter(args[2:])
    shape = [int(next(dyn)) if d == DYNAMIC else d for d in rt.shape]
    dt = storage_dtype(rt)
    n = int(np.prod(shape, dtype=np.int64)) if shape else 1
    raw = m.array
    if raw.ndim != 1 or (raw.size and raw.strides[0] != 1):
        raise InterpreterError("memref.view source must be a contiguous 1-D i8 buffer")
    if shift < 0 or shift + n * dt.itemsize > raw.size:
        raise InterpreterError(f"memref.view of {n} x {dt.itemsize} bytes at byte {shift} exceeds the "
                               f"{raw.size}-byte buffer (undefined behavior)")
    data = raw[shift:shift + n * dt.itemsize].view(dt)
    return [MemRef(Buffer(data, m.buffer.kind, m.buffer.origin, m.buffer), 0, shape, contiguous_strides(shape))]


@impl(M.TransposeOp)
def _transpose(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    m: MemRef = args[0]
    perm_attr = op.properties["permutation"]
    assert isinstance(perm_attr, AffineMapAttr)
    perm = [r.position for r in perm_attr.value.results]  # type: ignore[attr-defined]
    return [m.view(m.offset, [m.shape[p] for p in perm], [m.strides[p] for p in perm])]


def _groups(op: Operation) -> list[list[int]]:
    g = reassociation_groups(op.properties.get("reassociation"))
    assert g is not None
    return g


@impl(M.CollapseShapeOp)
def _collapse_shape(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    m: MemRef = args[0]
    shape, strides = [], []
    for group in _groups(op):
        dims = [i for i in group if m.shape[i] != 1] or group[-1:]
        for a, b in zip(dims, dims[1:]):
            if m.strides[a] != m.strides[b] * m.shape[b]:
                raise InterpreterError(f"collapse_shape of non-contiguous dimensions {group} (strides "
                                       f"{list(m.strides)}, shape {list(m.shape)})")
        shape.append(int(np.prod([m.shape[i] for i in group], dtype=np.int64)))
        strides.append(m.strides[dims[-1]] if dims else 1)
    return [m.view(m.offset, shape, strides)]


@impl(M.ExpandShapeOp)
def _expand_shape(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    m: MemRef = args[0]
    dyn = iter(op.output_shape)  # type: ignore[attr-defined]
    out = [int(interp.env[next(dyn)]) if d == DYNAMIC else d
           for d in op.properties["static_output_shape"].values]  # type: ignore[attr-defined]
    strides = [0] * len(out)
    for src_dim, group in enumerate(_groups(op)):
        if int(np.prod([out[i] for i in group], dtype=np.int64)) != m.shape[src_dim]:
            raise InterpreterError(f"expand_shape: sizes {[out[i] for i in group]} do not multiply to source "
                                   f"dimension {src_dim} of size {m.shape[src_dim]} (undefined behavior)")
        running = m.strides[src_dim]
        for i in reversed(group):
            strides[i] = running
            running *= out[i]
    return [m.view(m.offset, out, strides)]
