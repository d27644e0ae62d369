"""``convert-linalg-to-loops``: lower linalg structured ops on buffers to a nest of ``scf.for`` loops.

Follows MLIR's ``LinalgToLoops`` (mlir/lib/Dialect/Linalg/Transforms/Loops.cpp, ``linalgOpToLoopsImpl`` and
``emitScalarImplementation``; mlir/docs/Passes.md "-convert-linalg-to-loops"): one ``scf.for %iv = %c0 to %n step
%c1`` per loop of the op, outermost first, in the order of its iteration domain; the trip counts come from the
operand shapes through the inverse of the concatenated indexing maps (``shapes_to_loops_map``; a ``memref.dim``
for a dynamic size). In the innermost body every shaped operand is loaded with ``memref.load`` at its indexing
map applied to the induction variables, the payload region is cloned with its block arguments replaced by the
loaded values (a scalar operand, such as the value of ``linalg.fill``, is used directly), ``linalg.index d`` by
the ``d``-th induction variable, and each yielded value is stored into its output with ``memref.store``.

Difference from MLIR: an index that is not a plain loop variable (``d0 * 2 + d1`` of a strided convolution) is
computed with ``arith`` ops (``muli``, ``addi``, ``floordivsi``, ``ceildivsi``, and ``remsi`` corrected to a
non-negative remainder for ``mod``) instead of ``affine.apply``, because mlir-py has no affine dialect; this is
what ``lower-affine`` would produce. Ops on tensors (and the relayout ops ``linalg.pack``/``linalg.unpack``) are
left unchanged, as in MLIR: bufferize first (``one-shot-bufferize``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dialects import arith, memref, scf
from dialects.linalg import IndexOp, YieldOp
from dialects.linalg_structured import LinalgOp
from mlir_py.affine import (
    ADD,
    CEILDIV,
    FLOORDIV,
    MOD,
    MUL,
    AffineBinaryExpr,
    AffineConstantExpr,
    AffineDimExpr,
    AffineExpr,
    AffineMap,
)
from mlir_py.attributes import DYNAMIC, IntegerAttr, MemRefType, i1, index
from mlir_py.ir import Block, Operation, Value
from mlir_py.pass_manager import Pass, register_pass

# arith's binary ops are made at import time (dialects/arith.py): looked up by name for the type checker
ARITH: dict[str, Any] = {n: getattr(arith, n) for n in (
    "AddIOp", "SubIOp", "MulIOp", "FloorDivSIOp", "CeilDivSIOp", "RemSIOp", "MinSIOp", "IndexCastOp")}


class IndexBuilder:
    """Inserts ops before ``anchor`` (or at the end of ``block``); index constants are made once per builder."""

    def __init__(self, block: Block, anchor: Operation | None, location: object = None):
        self.block, self.anchor, self.location = block, anchor, location
        self.consts: dict[int, Value] = {}

    def add(self, op: Operation) -> Operation:
        if self.anchor is None:
            self.block.append(op)
        else:
            self.block.insert_before(op, self.anchor)
        op.location = self.location  # type: ignore[assignment]
        return op

    def const(self, v: int) -> Value:
        c = self.consts.get(v)
        if c is None:
            c = self.consts[v] = self.add(arith.ConstantOp.create([], [index], {"value": IntegerAttr(v, index)}))\
                .results[0]
        return c

    def const_of(self, v: Value) -> int | None:
        """The value of an index constant made by this builder (None for anything else)."""
        return next((k for k, c in self.consts.items() if c is v), None)

    def binary(self, cls: Any, a: Value, b: Value) -> Value:
        return self.add(cls.create([a, b], [index])).results[0]

    def expr(self, e: AffineExpr, dims: Sequence[Value], syms: Sequence[Value] = ()) -> Value:
        """``e`` evaluated on ``dims``/``syms`` with arith ops on ``index`` (MLIR's ``lower-affine`` rules)."""
        if isinstance(e, AffineDimExpr):
            return dims[e.position]
        if isinstance(e, AffineConstantExpr):
            return self.const(e.value)
        if isinstance(e, AffineBinaryExpr):
            a, b = self.expr(e.lhs, dims, syms), self.expr(e.rhs, dims, syms)
            ca, cb = self.const_of(a), self.const_of(b)
            if ca is not None and cb is not None:
                return self.const(_fold(e.kind, ca, cb))
            if e.kind == ADD and (ca == 0 or cb == 0):
                return b if ca == 0 else a
            if e.kind == MUL and (ca == 1 or cb == 1):
                return b if ca == 1 else a
            if e.kind == ADD:
                return self.binary(ARITH["AddIOp"], a, b)
            if e.kind == MUL:
                return self.binary(ARITH["MulIOp"], a, b)
            if e.kind == FLOORDIV:
                return self.binary(ARITH["FloorDivSIOp"], a, b)
            if e.kind == CEILDIV:
                return self.binary(ARITH["CeilDivSIOp"], a, b)
            assert e.kind == MOD
            r = self.binary(ARITH["RemSIOp"], a, b)
            neg = self.add(arith.CmpIOp.create([r, self.const(0)], [i1],
                                               {"predicate": arith.CMPI_PREDICATE.attr("slt")})).results[0]
            fixed = self.binary(ARITH["AddIOp"], r, b)
            return self.add(arith.SelectOp.create([neg, fixed, r], [index])).results[0]
        return syms[e.position]  # type: ignore[attr-defined]

    def apply(self, m: AffineMap, dims: Sequence[Value]) -> list[Value]:
        return [self.expr(e, dims) for e in m.results]


def _fold(kind: str, a: int, b: int) -> int:
    """``a kind b`` with affine semantics (floor division, non-negative modulo)."""
    if kind == ADD:
        return a + b
    if kind == MUL:
        return a * b
    if kind == FLOORDIV:
        return a // b
    if kind == CEILDIV:
        return -(-a // b)
    return a % b


def loop_bounds(op: LinalgOp, b: IndexBuilder) -> list[Value]:
    """The upper bound of each loop of ``op`` (static sizes as constants, dynamic ones as ``memref.dim``).

    Errors: ``ValueError`` when the indexing maps are not invertible (no operand dimension gives a loop's size)."""
    inv = op.shapes_to_loops_map()
    if inv is None:
        raise ValueError("indexing maps are not invertible")
    where = [(v, d) for v in op.operands for d in range(len(getattr(v.type, "shape", ())))]
    out = []
    for r in inv.results:
        v, d = where[r.position]  # type: ignore[attr-defined]
        t = v.type
        assert isinstance(t, MemRefType)
        if t.shape[d] != DYNAMIC:
            out.append(b.const(t.shape[d]))
        else:
            out.append(b.add(memref.DimOp.create([v, b.const(d)], [index])).results[0])
    return out


def lower_to_loops(op: LinalgOp) -> list[scf.ForOp]:
    """Replace the buffer-semantics structured op ``op`` by its loop nest; returns the loops, outermost first.

    Errors: ``ValueError`` for non-invertible indexing maps (the pass reports it at the op)."""
    block = op.parent
    assert block is not None
    b = IndexBuilder(block, op, op.location)
    ubs = loop_bounds(op, b)
    loops: list[scf.ForOp] = []
    ivs: list[Value] = []
    zero, one = b.const(0), b.const(1)
    inner = b
    for ub in ubs:
        loop = scf.ForOp.build_loop(zero, ub, one, location=op.location)
        inner.add(loop)
        loops.append(loop)
        ivs.append(loop.induction_var)
        consts = inner.consts
        inner = IndexBuilder(loop.body, loop.body.last_op, op.location)
        inner.consts = consts  # constants are made once, before the nest
    maps = op.indexing_maps()
    mapping: dict[Value | Block, object] = {}
    for k, (v, m) in enumerate(zip(op.operands, maps)):
        arg = op.body.args[k]
        if isinstance(v.type, MemRefType):
            idx = inner.apply(m, ivs)
            mapping[arg] = inner.add(memref.LoadOp.create([v, *idx], [v.type.element_type])).results[0]
        else:
            mapping[arg] = v
    yields: list[Value] = []
    for inner_op in op.body.ops:
        if isinstance(inner_op, YieldOp):
            yields = [mapping.get(y, y) for y in inner_op.operands]  # type: ignore[misc]
            break
        if isinstance(inner_op, IndexOp):
            mapping[inner_op.results[0]] = ivs[int(inner_op.properties["dim"].value)]  # type: ignore[attr-defined]
            continue
        inner.add(inner_op.clone(mapping))
    base = op.num_operands - op.num_inits()
    for k, y in enumerate(yields):
        out = op.operand(base + k)
        idx = inner.apply(maps[base + k], ivs)
        inner.add(memref.StoreOp.create([y, out, *idx], []))
    op.erase()
    return loops


@register_pass
class ConvertLinalgToLoopsPass(Pass):
    """Lower every linalg structured op with buffer semantics to ``scf.for`` loops with ``memref.load`` /
    ``memref.store`` around its cloned payload (see the module docstring). Ops on tensors are left alone.
    Errors: a structured op whose indexing maps are not invertible (no loop bound can be derived)."""

    argument = "convert-linalg-to-loops"
    summary = "Convert the operations from the linalg dialect into loops"
    name = "ConvertLinalgToLoopsPass"
    statistic_defs = {"num-lowered": "Number of linalg ops lowered to loops"}

    def run_on_operation(self, op: Operation) -> None:
        todo = [o for o in op.walk() if isinstance(o, LinalgOp) and o.has_buffer_semantics()]
        for o in todo:
            assert isinstance(o, LinalgOp)
            if o.shapes_to_loops_map() is None:
                raise self.failure("indexing maps are not invertible: cannot compute the loop bounds", o)
            lower_to_loops(o)
            self.statistics["num-lowered"] += 1


__all__ = ["ARITH", "ConvertLinalgToLoopsPass", "IndexBuilder", "loop_bounds", "lower_to_loops"]
