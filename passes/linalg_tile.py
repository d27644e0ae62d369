"""``linalg-tile``: tile linalg structured ops into ``scf.for`` loops over tiles of the iteration space.

Follows MLIR's ``tileLinalgOp`` (mlir/lib/Dialect/Linalg/Transforms/Tiling.cpp, the former ``-linalg-tile`` pass,
now ``transform.structured.tile_using_for``; mlir/docs/Dialects/Linalg/_index.md "Tiling"). With
``tile-sizes=t0,t1,...`` (one per loop of the op, outermost first; missing trailing sizes and ``0`` mean "not
tiled", sizes beyond the op's loop count are ignored), every tiled loop ``k`` becomes ``scf.for %ivk = %c0 to %ubk step %ctk``. Inside the nest:

* the tile of loop ``k`` starts at ``%ivk`` and has size ``tk`` — or ``arith.minsi(tk, ub - iv)`` when ``tk``
  does not divide a static trip count, or the trip count is dynamic (a partial last tile);
* each operand is sliced (``tensor.extract_slice`` / ``memref.subview``, unit strides) at its indexing map
  applied to the tile: a result ``dj`` takes the tile of loop ``j``; any other affine result ``e`` (a strided or
  dilated convolution's ``d1 * 2 + d4``) takes offset ``e(offsets)`` and size ``e(sizes - 1) + 1`` (MLIR's
  ``computeSliceParameters``, exact for the non-negative coefficients of linalg's named ops); an operand whose
  slice is the whole operand is used as is;
* a copy of the op runs on the slices; ``linalg.index`` results are shifted by the tile offsets
  (``offsetIndices``);
* on tensors the loops carry the outputs as ``iter_args`` and the tile result goes back with
  ``tensor.insert_slice``; on buffers the op writes the subviews in place.

Errors (reported at the op, the pass fails): a negative tile size. ``tile-sizes`` all zero, or empty, leaves the
IR unchanged. Ops whose indexing maps are not invertible are left untouched (no loop bound can be derived).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dialects import memref, scf, tensor
from dialects._mixed import dispatch_slice_lists, segments
from dialects.linalg import IndexOp
from dialects.linalg_structured import LinalgOp
from mlir_py.affine import AffineConstantExpr, AffineDimExpr, AffineExpr
from mlir_py.attributes import DYNAMIC, MemRefType, RankedTensorType, index
from mlir_py.ir import Operation, Value
from mlir_py.pass_manager import Pass, PassOption, register_pass

from .convert_linalg_to_loops import ARITH, IndexBuilder

Mixed = Any  # int (static) or Value (dynamic)


def _eval(b: IndexBuilder, e: AffineExpr, dims: Sequence[Mixed]) -> Mixed:
    """``e`` on mixed static/dynamic dims: an int when every used dim is static, else arith ops."""
    try:
        return e.evaluate([d if isinstance(d, int) else _Dyn.fail() for d in dims])
    except _Dyn:
        return b.expr(e, [d if isinstance(d, Value) else b.const(d) for d in dims])


class _Dyn(Exception):
    @staticmethod
    def fail() -> int:
        raise _Dyn


def _static_size(v: Mixed) -> int:
    return v if isinstance(v, int) else DYNAMIC


def tile_op(op: LinalgOp, sizes: Sequence[int]) -> list[scf.ForOp]:
    """Tile ``op`` with ``sizes`` (one per loop; 0 = untiled) and replace it; returns the loops, outermost first.

    Errors: ``ValueError`` for a negative size or non-invertible maps."""
    if any(s < 0 for s in sizes):
        raise ValueError("tile sizes must be non-negative")
    n = op.num_loops
    ts = [*sizes[:n], *([0] * max(0, n - len(sizes)))]
    if not any(ts):
        return []
    if op.shapes_to_loops_map() is None:
        raise ValueError("indexing maps are not invertible")
    block = op.parent
    assert block is not None
    outer = IndexBuilder(block, op, op.location)
    inv = op.shapes_to_loops_map()
    assert inv is not None
    where = [(v, d) for v in op.operands for d in range(len(getattr(v.type, "shape", ())))]
    ubs: list[Mixed] = []
    for r in inv.results:
        v, d = where[r.position]  # type: ignore[attr-defined]
        s = v.type.shape[d]  # type: ignore[attr-defined]
        if s != DYNAMIC:
            ubs.append(s)
        else:
            dim_cls = tensor.DimOp if isinstance(v.type, RankedTensorType) else memref.DimOp
            ubs.append(outer.add(dim_cls.create([v, outer.const(d)], [index])).results[0])
    on_tensors = any(isinstance(r.type, RankedTensorType) for r in op.results)
    base = op.num_operands - op.num_inits()
    carried = list(op.operands[base:]) if on_tensors else []
    loops: list[scf.ForOp] = []
    b = outer
    offsets: list[Mixed] = [0] * n
    tsizes: list[Mixed] = list(ubs)
    zero = outer.const(0)
    # every bound and step exists before the outermost loop
    ub_vals = [u if isinstance(u, Value) else outer.const(u) if t else None for u, t in zip(ubs, ts)]
    steps = [outer.const(t) if t else None for t in ts]
    for k in range(n):
        if not ts[k]:
            continue
        ub = ub_vals[k]
        step = steps[k]
        assert ub is not None and step is not None
        loop = scf.ForOp.build_loop(zero, ub, step, carried, location=op.location)
        b.add(loop)
        if loops and on_tensors:
            b.add(scf.YieldOp.create(list(loop.results), [], location=op.location))
        loops.append(loop)
        consts = b.consts
        b = IndexBuilder(loop.body, None if on_tensors else loop.body.last_op, op.location)
        b.consts = consts
        carried = list(loop.region_iter_args)
        offsets[k] = loop.induction_var
        if isinstance(ubs[k], int) and ubs[k] % ts[k] == 0:
            tsizes[k] = ts[k]
        else:
            rest = b.binary(ARITH["SubIOp"], ub, loop.induction_var)
            tsizes[k] = b.binary(ARITH["MinSIOp"], b.const(ts[k]), rest)
    # slices of every operand
    maps = op.indexing_maps()
    new_operands: list[Value] = []
    slice_params: list[tuple[list[Mixed], list[Mixed]] | None] = []
    for i, (v, m) in enumerate(zip(op.operands, maps)):
        t = v.type
        if i >= base and on_tensors:
            v = carried[i - base]
        if not isinstance(t, (RankedTensorType, MemRefType)) or not m.results:
            new_operands.append(v)
            slice_params.append(None)
            continue
        offs: list[Mixed] = []
        szs: list[Mixed] = []
        for e in m.results:
            if isinstance(e, AffineDimExpr):
                offs.append(offsets[e.position])
                szs.append(tsizes[e.position])
            elif isinstance(e, AffineConstantExpr):
                offs.append(e.value)
                szs.append(1)
            else:
                offs.append(_eval(b, e, offsets))
                last = [s - 1 if isinstance(s, int) else b.binary(ARITH["SubIOp"], s, b.const(1)) for s in tsizes]
                hi = _eval(b, e, last)
                szs.append(hi + 1 if isinstance(hi, int) else b.binary(ARITH["AddIOp"], hi, b.const(1)))
        if all(o == 0 for o in offs) and list(szs) == list(t.shape):
            new_operands.append(v)
            slice_params.append(None)
            continue
        strides = [1] * len(offs)
        if isinstance(t, RankedTensorType):
            s_op: Operation = tensor.ExtractSliceOp.build_slice(v, offs, szs, strides, location=op.location)
        else:
            s_op = memref.SubViewOp.build_subview(v, offs, szs, strides, location=op.location)
        new_operands.append(b.add(s_op).results[0])
        slice_params.append((offs, szs))
    result_types = [new_operands[base + k].type for k, r in enumerate(op.outputs)
                    if isinstance(r.type, RankedTensorType)]
    tiled = op.clone()
    for i, v in enumerate(new_operands):
        tiled.set_operand(i, v)
    for res_value, t in zip(tiled.results, result_types):
        res_value.type = t
    b.add(tiled)
    _offset_indices(tiled, offsets)  # type: ignore[arg-type]
    if on_tensors:
        yielded = []
        k = 0
        for i in range(base, op.num_operands):
            if not isinstance(op.operand(i).type, RankedTensorType):
                continue
            res = tiled.results[k]
            k += 1
            params = slice_params[i]
            if params is None:
                yielded.append(res)
                continue
            offs, szs = params
            vals, counts, props = dispatch_slice_lists(offs, szs, [1] * len(offs))
            props["operandSegmentSizes"] = segments(1, 1, *counts)
            ins = tensor.InsertSliceOp.create([res, carried[i - base], *vals], [carried[i - base].type], props,
                                              location=op.location)
            yielded.append(b.add(ins).results[0])
        b.add(scf.YieldOp.create(yielded, [], location=op.location))
        for old, new in zip(op.results, loops[0].results):
            old.replace_all_uses_with(new)
    op.erase()
    return loops


def _offset_indices(op: LinalgOp, offsets: Sequence[Mixed]) -> None:
    """``linalg.index d`` + the tile offset of loop ``d`` (MLIR's ``offsetIndices``)."""
    for idx in [o for o in op.body.ops if isinstance(o, IndexOp)]:
        d = int(idx.properties["dim"].value)  # type: ignore[attr-defined]
        off = offsets[d]
        if isinstance(off, int) and off == 0:
            continue
        block = idx.parent
        assert block is not None
        after = idx.next_op
        b = IndexBuilder(block, after, idx.location)
        v = off if isinstance(off, Value) else b.const(off)
        add = ARITH["AddIOp"].create([idx.results[0], v], [index], location=idx.location)
        b.add(add)
        for use in list(idx.results[0].uses):
            if use.owner is not add:
                use.owner.set_operand(use.index, add.results[0])


@register_pass
class LinalgTilePass(Pass):
    """Tile every linalg structured op into an ``scf.for`` nest over tiles of ``tile-sizes`` (see the module
    docstring). Errors: a negative tile size."""

    argument = "linalg-tile"
    summary = "Tile operations in the linalg dialect"
    name = "LinalgTilePass"
    options = [PassOption("tile-sizes", int, [], "Tile sizes, one per loop of the op (0: not tiled)", is_list=True)]
    statistic_defs = {"num-tiled": "Number of linalg ops tiled"}

    def run_on_operation(self, op: Operation) -> None:
        sizes = list(self.option("tile-sizes"))
        todo = [o for o in op.walk() if isinstance(o, LinalgOp)]
        for o in todo:
            assert isinstance(o, LinalgOp)
            if any(s < 0 for s in sizes):
                raise self.failure(f"expected non-negative tile sizes, got {sizes}", o)
            if o.shapes_to_loops_map() is None:
                continue
            if tile_op(o, sizes):
                self.statistics["num-tiled"] += 1


__all__ = ["LinalgTilePass", "tile_op"]
