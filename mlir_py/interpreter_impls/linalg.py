"""Interpreter implementations of the linalg dialect (mlir/docs/Dialects/Linalg/_index.md), vectorized.

Every structured op (``linalg.generic`` and the named ops, ``map``, ``reduce``, ``transpose``, ``broadcast``,
``fill``, ``copy``, whose payload regions the parser builds) runs through one engine. The meaning is the
sequential loop nest: for every point ``p`` of the iteration space, in lexicographic order, the payload gets the
elements ``operand[map(p)]`` and its yields replace the output elements ``out[out_map(p)]``. On tensors the
results are new tensors (copies of the ``outs`` updated); on memrefs the outputs are written in place.

The engine never loops over elements in Python when it can avoid it:

* operands are gathered as ``as_strided`` views of the iteration box — an affine index ``sum(c_j * d_j) + k``
  is a stride ``sum(c_j * stride)``; loops an operand does not use get extent 1 and broadcast — and the payload
  ops run once over whole arrays (the arith/math implementations are elementwise over arrays);
* a loop absent from the output map folds the payload into the output. Recognized folds — the yield is
  ``combine(out, r)`` with ``combine`` one of ``addf addi mulf muli maximumf minimumf maxnumf minnumf maxsi minsi
  maxui minui andi ori xori`` and the output element used nowhere else — are reduced at once: a contraction
  ``out + cast(a) * cast(b)`` (matmul, convolutions) with ``numpy.einsum`` (BLAS for f32/f64), the others with a
  tree of ``combine`` (``numpy`` ufunc ``reduce`` for f32/f64 ``addf``/``mulf``, integer sums in int64). Integer
  results are exact (wrapping arithmetic is associative); **float reductions are reassociated** (pairwise/BLAS
  order instead of sequential; relative error ~1e-6 in f32). Other payloads with reductions run sequentially over
  the reduction points, vectorized over the output points (exact);
* the iteration box is split along output loops so every chunk stays under :data:`BUDGET_BYTES`.

A payload the vectorizer does not handle (ops other than arith, math, ``tensor.extract``, ``linalg.index``;
non-affine or symbolic maps; outputs whose maps are not projected permutations; memref outputs aliasing inputs
read through other maps) runs on the exact scalar path, one point at a time.

Undefined behaviour is diagnosed: an access outside an operand (dynamic shapes disagreeing with the maps),
``linalg.pack`` tiles not covering the source without ``padding_value``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from dialects import linalg as L
from dialects._shape import _linear_coeffs
from dialects.linalg_structured import LinalgOp
from mlir_py.affine import AffineDimExpr, AffineMap
from mlir_py.attributes import DYNAMIC
from mlir_py.interpreter import (
    Exit,
    Interpreter,
    InterpreterError,
    MemRef,
    find_impl,
    float_kind_or_none,
    impl,
    sext,
    wrap,
    zext,
)
from mlir_py.ir import Block, Operation, OpResult, Value

from .memref import writable

#: the largest working set of one chunk of the iteration space
BUDGET_BYTES = 256 << 20

#: payload ops that work elementwise on whole arrays
VECTOR_OPS = {"linalg.index", "linalg.yield", "tensor.yield", "tensor.extract"}
VECTOR_DIALECTS = {"arith", "math"}
COMBINERS = {"arith.addf", "arith.addi", "arith.mulf", "arith.muli", "arith.maximumf", "arith.minimumf",
             "arith.maxnumf", "arith.minnumf", "arith.maxsi", "arith.minsi", "arith.maxui", "arith.minui",
             "arith.andi", "arith.ori", "arith.xori"}
_CASTS = {"arith.extf", "arith.truncf", "arith.extsi", "arith.extui", "arith.trunci", "arith.sitofp",
          "arith.uitofp", "arith.fptosi", "arith.fptoui", "arith.index_cast", "arith.index_castui",
          "arith.bitcast", "arith.negf"}


# ---------------------------------------------------------------------------------------------------------------
# vectorized evaluation of a payload block
# ---------------------------------------------------------------------------------------------------------------


def vectorizable(block: Block) -> bool:
    """Whether every op of ``block`` works elementwise on arrays (no regions, no control flow)."""
    return all(not op.regions and (op.name in VECTOR_OPS or op.name.split(".", 1)[0] in VECTOR_DIALECTS)
               for op in block.ops)


def eval_block(interp: Interpreter, block: Block, args: Sequence[Any],
               index: Callable[[int], Any] | None = None) -> list[Any]:
    """Run a single-block payload on arrays (broadcasting): binds ``args`` to the block arguments, runs the ops
    with their implementations (``arith.select`` per element, ``linalg.index d`` as ``index(d)``) and returns the
    terminator's operands."""
    env = interp.env
    for a, v in zip(block.args, args):
        env[a] = v
    for op in block.ops:
        name = op.name
        try:
            if name in ("linalg.yield", "tensor.yield"):
                return [env[v] for v in op.operands]
            if name == "linalg.index":
                assert index is not None
                env[op.results[0]] = index(op.properties["dim"].value)  # type: ignore[attr-defined]
                continue
            vals = [env[v] for v in op.operands]
            if name == "arith.select":
                env[op.results[0]] = np.where(vals[0], vals[1], vals[2])
                continue
            fn = find_impl(op)
            if fn is None:
                raise InterpreterError("has no interpreter implementation", op)
            res = fn(interp, op, vals)
            assert isinstance(res, (list, tuple))
            for r, v in zip(op.results, res):
                env[r] = v
        except InterpreterError as e:
            raise e.locate(op) from None
    return []


# ---------------------------------------------------------------------------------------------------------------
# plans: what the engine does with an op (computed once per op)
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class Plan:
    maps: list[AffineMap]
    #: per operand, per result: (coefficients per loop, constant); None when some map is not linear
    linear: list[list[tuple[list[int], int]]] | None
    #: "elementwise" | "contract" | "reduce" | "sequential" | "scalar"
    kind: str
    #: loops in the outputs' maps (sorted), and the others (folded into the outputs)
    out_loops: list[int] = field(default_factory=list)
    red_loops: list[int] = field(default_factory=list)
    #: per output: the combiner op and the reduced value (kinds "contract" and "reduce")
    combiners: list[Operation] = field(default_factory=list)
    reduced: list[Value] = field(default_factory=list)
    #: "contract": per factor, (input index, cast chain ops)
    factors: list[tuple[int, list[Operation]]] = field(default_factory=list)


def _chain(v: Value, block: Block, n_in: int) -> tuple[int, list[Operation]] | None:
    """``v`` as a chain of casts of one input block argument: (input index, ops from the argument outward)."""
    ops: list[Operation] = []
    while True:
        if v in block.args:
            i = list(block.args).index(v)
            return (i, ops[::-1]) if i < n_in else None
        op = v.owner if isinstance(v, OpResult) else None
        if op is None or op.name not in _CASTS or len(op.operands) != 1 or not v.has_one_use():
            return None
        ops.append(op)
        v = op.operands[0]


def make_plan(op: LinalgOp) -> Plan:
    maps = op.indexing_maps()
    n_loops = op.num_loops
    n_in = len(op.inputs)
    linear: list[list[tuple[list[int], int]]] | None = []
    for m in maps:
        rows = []
        for e in m.results:
            lc = _linear_coeffs(e, n_loops)
            if lc is None or lc[1] == DYNAMIC or DYNAMIC in lc[0] or m.num_symbols:
                linear = None
                break
            rows.append(lc)
        if linear is None:
            break
        linear.append(rows)
    plan = Plan(maps, linear, "scalar")
    block = op.body
    out_maps = maps[n_in:]
    if linear is None or not vectorizable(block) or not out_maps:
        return plan
    dim_sets = []
    for m in out_maps:
        dims = [r.position for r in m.results if isinstance(r, AffineDimExpr)]
        if len(dims) != len(m.results) or len(set(dims)) != len(dims):
            return plan
        dim_sets.append(set(dims))
    if any(s != dim_sets[0] for s in dim_sets):
        return plan
    plan.out_loops = sorted(dim_sets[0])
    plan.red_loops = [d for d in range(n_loops) if d not in dim_sets[0]]
    if not plan.red_loops:
        plan.kind = "elementwise"
        return plan
    plan.kind = "sequential"
    yields = op.yield_values
    out_args = list(block.args[n_in:])
    if len(out_args) != len(yields):
        return plan
    for arg, y in zip(out_args, yields):
        comb = y.owner if isinstance(y, OpResult) else None
        if (comb is None or comb.name not in COMBINERS or not arg.has_one_use() or arg.users[0] is not comb
                or not y.has_one_use() or comb.parent is not block):
            return plan
        a, b = comb.operands
        other = b if a is arg else a
        if other is arg:
            return plan
        plan.combiners.append(comb)
        plan.reduced.append(other)
    plan.kind = "reduce"
    if len(out_args) == 1 and plan.combiners[0].name in ("arith.addf", "arith.addi"):
        r = plan.reduced[0]
        mul = r.owner if isinstance(r, OpResult) else None
        kind = float_kind_or_none(r.type)
        if (mul is not None and mul.name in ("arith.mulf", "arith.muli") and r.has_one_use()
                and kind in (None, "f32", "f64")):
            factors = [_chain(v, block, n_in) for v in mul.operands]
            if all(f is not None for f in factors):
                used = set()
                for f in factors:
                    assert f is not None
                    used |= {d for c, _ in plan.linear[f[0]] for d, k in enumerate(c) if k}  # type: ignore[index]
                if set(plan.red_loops) <= used:
                    plan.kind = "contract"
                    plan.factors = [f for f in factors if f is not None]
    return plan


def _plan(interp: Interpreter, op: LinalgOp) -> Plan:
    plans: dict[Operation, Plan] = interp.dialect_state.setdefault("linalg.plans", {})
    p = plans.get(op)
    if p is None:
        p = plans[op] = make_plan(op)
    return p


# ---------------------------------------------------------------------------------------------------------------
# strided views of the iteration box
# ---------------------------------------------------------------------------------------------------------------

Box = list[tuple[int, int]]  # per loop: (start, size)


def _view(arr: np.ndarray, rows: list[tuple[list[int], int]], box: Box, keep: Sequence[int] | None = None,
          writeable: bool = False) -> np.ndarray:
    """``arr[map(p)]`` for ``p`` in ``box`` as a view of rank ``len(box)``: loops with a zero coefficient in every
    result (or outside ``keep``) get extent 1."""
    first = [k + sum(c * s for c, (s, _) in zip(cs, box)) for cs, k in rows]
    base = arr[tuple(slice(i, None) for i in first)] if rows else arr
    shape, strides = [], []
    for j, (_, size) in enumerate(box):
        st = sum(cs[j] * arr.strides[r] for r, (cs, _) in enumerate(rows))
        used = any(cs[j] for cs, _ in rows) if keep is None else j in keep
        shape.append(size if used else 1)
        strides.append(st if used else 0)
    return np.lib.stride_tricks.as_strided(base, shape, strides, writeable=writeable)


def _check_bounds(op: Operation, plan: Plan, arrays: Sequence[np.ndarray], ranges: Sequence[int]) -> None:
    assert plan.linear is not None
    for i, (arr, rows) in enumerate(zip(arrays, plan.linear)):
        for r, (cs, k) in enumerate(rows):
            lo = k + sum(min(0, c * (n - 1)) for c, n in zip(cs, ranges))
            hi = k + sum(max(0, c * (n - 1)) for c, n in zip(cs, ranges))
            if lo < 0 or hi >= arr.shape[r]:
                raise InterpreterError(f"operand #{i} is accessed at index {lo if lo < 0 else hi} of dimension {r} "
                                       f"(size {arr.shape[r]}) (out of bounds, undefined behavior)", op)


def _boxes(ranges: Sequence[int], splittable: Sequence[int], cost: Callable[[Box], int], limit: int) -> Iterator[Box]:
    """Split the box ``ranges`` along ``splittable`` loops (in order) until each piece costs at most ``limit``."""

    def split(box: Box, dims: Sequence[int]) -> Iterator[Box]:
        c = cost(box)
        if c <= limit or not dims:
            yield box
            return
        d, rest = dims[0], dims[1:]
        start, size = box[d]
        step = max(1, int(size * limit // max(c, 1)))
        if step >= size:
            yield from split(box, rest)
            return
        for s in range(start, start + size, step):
            sub = list(box)
            sub[d] = (s, min(step, start + size - s))
            yield from split(sub, rest)

    yield from split([(0, n) for n in ranges], list(splittable))


def _index_fn(box: Box) -> Callable[[int], np.ndarray]:
    def index(d: int) -> np.ndarray:
        shape = [1] * len(box)
        shape[d] = box[d][1]
        return np.arange(box[d][0], box[d][0] + box[d][1], dtype=np.int64).reshape(shape)

    return index


# ---------------------------------------------------------------------------------------------------------------
# the engine
# ---------------------------------------------------------------------------------------------------------------


def _array(v: Any) -> np.ndarray:
    return v.array if isinstance(v, MemRef) else np.asarray(v)


def _loop_ranges(op: LinalgOp, arrays: Sequence[np.ndarray]) -> list[int]:
    inv = op.shapes_to_loops_map()
    if inv is None:
        raise InterpreterError("indexing maps are not invertible: the loop ranges are unknown", op)
    sizes = [d for a in arrays for d in a.shape]
    return [sizes[r.position] for r in inv.results]  # type: ignore[attr-defined]


def run_structured(interp: Interpreter, op: LinalgOp, args: list[Any]) -> list[Any]:
    n_in = len(op.inputs)
    ins = [_array(v) for v in args[:n_in]]
    outs: list[np.ndarray] = []
    for v in args[n_in:]:
        outs.append(writable(v) if isinstance(v, MemRef) else np.array(v))
    plan = _plan(interp, op)
    arrays = [*ins, *outs]
    ranges = _loop_ranges(op, arrays)
    kind = plan.kind
    if kind != "scalar" and 0 not in ranges:
        _check_bounds(op, plan, arrays, ranges)
        if any(isinstance(v, MemRef) for v in args[n_in:]) and _aliased(plan, ins, outs, n_in):
            kind = "scalar"
    if 0 not in ranges:
        if kind == "scalar":
            _run_scalar(interp, op, plan, ins, outs, ranges)
        else:
            _run_vector(interp, op, plan, kind, ins, outs, ranges)
    return [o for o, v in zip(outs, args[n_in:]) if not isinstance(v, MemRef)]


def _aliased(plan: Plan, ins: Sequence[np.ndarray], outs: Sequence[np.ndarray], n_in: int) -> bool:
    """Whether an output may share memory with an input read through another map, or with another output (then
    the order of reads and writes matters: the scalar path keeps the sequential one)."""
    for k, o in enumerate(outs):
        om = plan.maps[n_in + k]
        for i, a in enumerate(ins):
            if a.ndim and np.may_share_memory(o, a) and (plan.maps[i] != om or plan.kind != "elementwise"):
                return True
        if any(np.may_share_memory(o, o2) for o2 in outs[k + 1:]):
            return True
    return False


def _run_vector(interp: Interpreter, op: LinalgOp, plan: Plan, kind: str, ins: Sequence[np.ndarray],
                outs: list[np.ndarray], ranges: list[int]) -> None:
    assert plan.linear is not None
    n_in = len(ins)
    block = op.body
    itemsize = 8
    n_ops = max(4, sum(1 for _ in block.ops))

    def size(box: Box, dims: Sequence[int]) -> int:
        return int(np.prod([box[d][1] for d in dims], dtype=np.int64)) if dims else 1

    if kind == "contract":
        def cost(box: Box) -> int:
            used = [{d for cs, _ in plan.linear[i] for d, c in enumerate(cs) if c}  # type: ignore[index]
                    for i, _ in plan.factors]
            return sum(size(box, sorted(u)) for u in used) + size(box, plan.out_loops)
        limit = BUDGET_BYTES // itemsize
    elif kind == "sequential":
        def cost(box: Box) -> int:
            return size(box, plan.out_loops) * n_ops
        limit = BUDGET_BYTES // itemsize
    else:
        def cost(box: Box) -> int:
            return size(box, range(len(box))) * n_ops
        limit = BUDGET_BYTES // itemsize
    for box in _boxes(ranges, plan.out_loops, cost, limit):
        out_views = [_view(o, plan.linear[n_in + k], box, plan.out_loops, writeable=True)
                     for k, o in enumerate(outs)]
        shape = tuple(n if d in plan.out_loops else 1 for d, (_, n) in enumerate(box))
        if kind == "elementwise":
            vals = eval_block(interp, block, [_view(a, plan.linear[i], box) for i, a in enumerate(ins)]
                              + [v.copy() for v in out_views], _index_fn(box))
            for view, v in zip(out_views, vals):
                view[...] = np.broadcast_to(v, shape)
        elif kind == "contract":
            _contract(interp, op, plan, ins, box, out_views)
        elif kind == "reduce":
            _reduce(interp, op, plan, ins, box, out_views)
        else:
            _sequential(interp, op, plan, ins, box, out_views)


def _contract(interp: Interpreter, op: LinalgOp, plan: Plan, ins: Sequence[np.ndarray], box: Box,
              out_views: list[np.ndarray]) -> None:
    """``out += sum over the reduction loops of x * y`` with ``numpy.einsum`` (x, y: cast chains of inputs)."""
    assert plan.linear is not None
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    operands, subs = [], []
    comb = plan.combiners[0]
    t = comb.results[0].type
    is_int = float_kind_or_none(t) is None
    for i, chain in plan.factors:
        rows = plan.linear[i]
        used = sorted({d for cs, _ in rows for d, c in enumerate(cs) if c})
        src = ins[i]
        if chain:  # casts over the operand (only the box's part of it would suffice; casts cannot trap)
            v: Any = src
            for cop in chain:
                fn = find_impl(cop)
                assert fn is not None
                res = fn(interp, cop, [v])
                assert isinstance(res, (list, tuple))
                v = res[0]
            src = np.ascontiguousarray(v)
        view = _view(src, rows, box)
        view = view.reshape([box[d][1] for d in used]) if used else view.reshape(())
        if is_int:
            view = sext(view, chain[-1].results[0].type if chain else op.body.args[i].type)
        operands.append(view)
        subs.append("".join(letters[d] for d in used))
    present = sorted(set("".join(subs)))
    out_sub = "".join(letters[d] for d in plan.out_loops if letters[d] in present)
    r = np.einsum(",".join(subs) + "->" + out_sub, *operands, optimize=len(operands) > 1)
    full = [box[d][1] for d in plan.out_loops]
    r = r.reshape([box[d][1] if letters[d] in present else 1 for d in plan.out_loops])
    r = np.broadcast_to(r, full)
    view = out_views[0]
    shape = view.shape
    init = view.reshape(full)
    if is_int:
        val = wrap(sext(init, t) + r, t)
    else:
        val = (init + r.astype(init.dtype)).astype(init.dtype)
    view[...] = val.reshape(shape)


def _tree(interp: Interpreter, comb: Operation, x: np.ndarray, axes: Sequence[int]) -> np.ndarray:
    """``x`` folded over ``axes`` (kept with extent 1) by the combiner ``comb``: numpy's pairwise ufunc reduce for
    f32/f64 add/mul and int64 sums/products/bitwise ops of integers; a halving tree of the combiner otherwise."""
    if not axes:
        return x
    t = comb.results[0].type
    kind = float_kind_or_none(t)
    name = comb.name
    ax = tuple(axes)
    if kind in ("f32", "f64") and name in ("arith.addf", "arith.mulf"):
        fuf: Any = np.add if name == "arith.addf" else np.multiply
        return np.asarray(fuf.reduce(x, axis=ax, keepdims=True))
    if kind is None and name in ("arith.addi", "arith.muli", "arith.andi", "arith.ori", "arith.xori",
                                 "arith.maxsi", "arith.minsi", "arith.maxui", "arith.minui"):
        uf = {"arith.addi": np.add, "arith.muli": np.multiply, "arith.andi": np.bitwise_and,
              "arith.ori": np.bitwise_or, "arith.xori": np.bitwise_xor, "arith.maxsi": np.maximum,
              "arith.minsi": np.minimum, "arith.maxui": np.maximum, "arith.minui": np.minimum}[name]
        v = zext(x, t) if name in ("arith.maxui", "arith.minui") else sext(x, t)
        return wrap(uf.reduce(v, axis=ax, keepdims=True), t)
    fn = find_impl(comb)
    assert fn is not None
    # move the reduced axes last and flatten them, then halve
    keep = [a for a in range(x.ndim) if a not in ax]
    y = np.transpose(x, keep + list(ax))
    lead = y.shape[:len(keep)]
    y = y.reshape(*lead, -1)
    while y.shape[-1] > 1:
        n = y.shape[-1]
        h = n // 2
        res = fn(interp, comb, [y[..., :h], y[..., h:2 * h]])
        assert isinstance(res, (list, tuple))
        z = np.asarray(res[0])
        y = np.concatenate([z, y[..., 2 * h:]], axis=-1) if n % 2 else z
    out_shape = [x.shape[a] if a in keep else 1 for a in range(x.ndim)]
    return y.reshape(out_shape)


def _reduce(interp: Interpreter, op: LinalgOp, plan: Plan, ins: Sequence[np.ndarray], box: Box,
            out_views: list[np.ndarray]) -> None:
    assert plan.linear is not None
    block = op.body
    full = tuple(n for _, n in box)
    vals = eval_block(interp, block, [_view(a, plan.linear[i], box) for i, a in enumerate(ins)]
                      + [v.copy() for v in out_views], _index_fn(box))
    del vals  # the yields fold the (unreduced) outputs; recompute from the reduced operands instead
    for k, (comb, r) in enumerate(zip(plan.combiners, plan.reduced)):
        x = np.broadcast_to(interp.env[r], full)
        folded = _tree(interp, comb, x, plan.red_loops)
        fn = find_impl(comb)
        assert fn is not None
        a, b = comb.operands
        init = out_views[k].copy()
        res = fn(interp, comb, [init, folded] if b is r else [folded, init])
        assert isinstance(res, (list, tuple))
        out_views[k][...] = np.broadcast_to(res[0], out_views[k].shape)


def _sequential(interp: Interpreter, op: LinalgOp, plan: Plan, ins: Sequence[np.ndarray], box: Box,
                out_views: list[np.ndarray]) -> None:
    """Reduction loops one point at a time (lexicographic), all output points of the box at once: exact."""
    assert plan.linear is not None
    block = op.body
    views = [_view(a, plan.linear[i], box) for i, a in enumerate(ins)]
    acc = [v.copy() for v in out_views]
    red = plan.red_loops
    base_index = _index_fn(box)
    for point in itertools.product(*(range(box[d][0], box[d][0] + box[d][1]) for d in red)):
        sel: list[Any] = [slice(None)] * len(box)
        for d, p in zip(red, point):
            sel[d] = slice(p - box[d][0], p - box[d][0] + 1)
        at = dict(zip(red, point))
        args = [v[tuple(s if v.shape[d] > 1 else slice(None) for d, s in enumerate(sel))] for v in views]

        def index(d: int, at: dict[int, int] = at) -> Any:
            return np.int64(at[d]) if d in at else base_index(d)

        vals = eval_block(interp, block, args + acc, index)
        acc = [np.array(np.broadcast_to(v, a.shape)) for v, a in zip(vals, acc)]
    for view, a in zip(out_views, acc):
        view[...] = a


def _run_scalar(interp: Interpreter, op: LinalgOp, plan: Plan, ins: Sequence[np.ndarray],
                outs: list[np.ndarray], ranges: list[int]) -> None:
    """The definition: every point in lexicographic order, the payload run by the interpreter."""
    region = op.payload_region
    maps = plan.maps
    n_in = len(ins)
    arrays = [*ins, *outs]
    stack: list[tuple[int, ...]] = interp.dialect_state.setdefault("linalg.points", [])
    stack.append(())
    try:
        for point in itertools.product(*(range(n) for n in ranges)):
            stack[-1] = point
            idx = []
            for i, (m, a) in enumerate(zip(maps, arrays)):
                ix = m.evaluate(point)
                if any(not 0 <= x < d for x, d in zip(ix, a.shape)):
                    raise InterpreterError(f"operand #{i} is accessed at {list(ix)}, outside its shape "
                                           f"{list(a.shape)} (undefined behavior)", op)
                idx.append(ix)
            vals = interp.run_region(region, [a[ix] for a, ix in zip(arrays, idx)][:len(op.body.args)])
            for k, v in enumerate(vals):
                outs[k][idx[n_in + k]] = v
    finally:
        stack.pop()


_STRUCTURED = [c for c in L._OPS if issubclass(c, LinalgOp)]
impl(*_STRUCTURED)(run_structured)  # type: ignore[arg-type]


@impl(L.YieldOp)
def _yield(interp: Interpreter, op: Operation, args: list[Any]) -> Exit:
    return Exit(args)


@impl(L.IndexOp)
def _index(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    stack = interp.dialect_state.get("linalg.points")
    if not stack:
        raise InterpreterError("linalg.index outside a running structured op")
    return [np.int64(stack[-1][op.properties["dim"].value])]  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------------------------
# pack / unpack
# ---------------------------------------------------------------------------------------------------------------


def _tiles(interp: Interpreter, op: Operation) -> list[int]:
    dyn = iter(op.inner_tiles)  # type: ignore[attr-defined]
    return [int(interp.env[next(dyn)]) if t == DYNAMIC else int(t)
            for t in op.properties["static_inner_tiles"].values]  # type: ignore[attr-defined]


def _perm(op: Operation, name: str) -> list[int]:
    a = op.properties.get(name)
    return list(a.values) if a is not None else []  # type: ignore[attr-defined]


@impl(L.PackOp)
def _pack(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    """MLIR's pack: pad each tiled dim up to a multiple of its tile (``padding_value``), split it into
    (outer, tile), permute the outer dims by ``outer_dims_perm`` and append the tiles in ``inner_dims_pos``
    order."""
    src, dst = _array(args[0]), args[1]
    has_pad = op.padding_value is not None  # type: ignore[attr-defined]
    pad_value = args[2] if has_pad else None
    tiles, inner, outer = _tiles(interp, op), _perm(op, "inner_dims_pos"), _perm(op, "outer_dims_perm")
    padded = list(src.shape)
    for t, d in zip(tiles, inner):
        if t <= 0:
            raise InterpreterError(f"inner tile size {t} is not positive")
        padded[d] = -(-src.shape[d] // t) * t
    dst_arr = _array(dst)
    rank = src.ndim
    outer_shape = [padded[d] // dict(zip(inner, tiles)).get(d, 1) for d in range(rank)]
    if outer:
        outer_shape = [outer_shape[p] for p in outer]
    if list(dst_arr.shape) != outer_shape + tiles:
        raise InterpreterError(f"destination shape {list(dst_arr.shape)} is not the packed shape "
                               f"{outer_shape + tiles} (undefined behavior)")
    if padded != list(src.shape):
        if pad_value is None:
            raise InterpreterError("the tiles do not divide the source and no padding_value is given (undefined "
                                   "behavior)")
        full = np.full(padded, pad_value, dtype=src.dtype)
        full[tuple(slice(0, n) for n in src.shape)] = src
        src = full
    split_shape: list[int] = []
    axis_of_outer, axis_of_tile = {}, {}
    tile_of = dict(zip(inner, tiles))
    for d in range(rank):
        axis_of_outer[d] = len(split_shape)
        if d in tile_of:
            split_shape += [padded[d] // tile_of[d], tile_of[d]]
            axis_of_tile[d] = len(split_shape) - 1
        else:
            split_shape.append(padded[d])
    x = src.reshape(split_shape)
    order = [axis_of_outer[d] for d in (outer or range(rank))] + [axis_of_tile[d] for d in inner]
    packed = np.transpose(x, order)
    return _store_result(dst, packed)


@impl(L.UnPackOp)
def _unpack(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    """The inverse of pack: undo the permutation, merge (outer, tile) pairs, drop the padding."""
    src, dst = _array(args[0]), args[1]
    tiles, inner, outer = _tiles(interp, op), _perm(op, "inner_dims_pos"), _perm(op, "outer_dims_perm")
    dst_arr = _array(dst)
    rank = dst_arr.ndim
    tile_of = dict(zip(inner, tiles))
    if list(src.shape[rank:]) != tiles:
        raise InterpreterError(f"source tiles {list(src.shape[rank:])} differ from inner_tiles {tiles}")
    perm = outer or list(range(rank))
    outer_sizes = [0] * rank
    for pos, d in enumerate(perm):
        outer_sizes[d] = src.shape[pos]
    # axes of src: outer dims in perm order, then tiles in inner order -> (d0[, t0], d1[, t1], ...)
    order: list[int] = []
    for d in range(rank):
        order.append(perm.index(d))
        if d in tile_of:
            order.append(rank + inner.index(d))
    x = np.transpose(src, order)
    merged = x.reshape([outer_sizes[d] * tile_of.get(d, 1) for d in range(rank)])
    if any(m < n for m, n in zip(merged.shape, dst_arr.shape)):
        raise InterpreterError(f"unpacked shape {list(merged.shape)} is smaller than the destination "
                               f"{list(dst_arr.shape)} (undefined behavior)")
    return _store_result(dst, merged[tuple(slice(0, n) for n in dst_arr.shape)])


def _store_result(dst: Any, value: np.ndarray) -> list[Any]:
    if isinstance(dst, MemRef):
        writable(dst)[...] = value
        return []
    return [np.array(value, dtype=np.asarray(dst).dtype)]

