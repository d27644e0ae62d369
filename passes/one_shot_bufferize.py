"""``one-shot-bufferize``: rewrite a tensor program into a memref program, in place wherever that is legal.

Follows MLIR's One-Shot Bufferize (mlir/docs/Bufferization.md): every tensor SSA value gets a buffer, and an op
that *writes* a tensor operand (a destination: ``outs`` of a linalg op, the ``dest`` of ``tensor.insert`` /
``tensor.insert_slice``, the ``iter_args`` inits of ``scf.for``, the operands of ``func.call``) writes into the
operand's buffer **in place** unless that would be observed. The decision is an analysis of reads after writes
(the doc's "RaW conflicts"), made op by op in program order, before any IR changes:

* aliases: a union-find over tensor values joins a view with its source (``extract_slice``, ``cast``,
  ``collapse_shape``, ``expand_shape``), an in-place result with its destination operand, ``scf.for`` results
  with their iter_args (and the init, when in place), ``scf.if`` results with the yielded values;
* a write to operand ``v`` at op ``W`` conflicts when some alias ``a`` of ``v`` that is not defined after ``W``
  (its old contents) has a use that may run after ``W``: later in the block, in a region of ``W``, or anywhere in
  a loop that encloses ``W`` but not the definition of ``a`` (the next iteration). ``tensor.dim`` only reads the
  shape and never conflicts, nor does an operand of an op enclosing ``W`` (a loop's init is read before the
  loop runs). Uses exempt as in MLIR: a use by ``W`` itself as an input when ``W`` is an elementwise linalg op
  with equal maps (each element is read before it is written), and an ``insert_slice`` at exactly the
  offsets/sizes/strides of an ``extract_slice`` from which its source derives in place (the matching
  extract/insert pair of tiled loops: the insertion is a no-op);
* a buffer that is not writable — a constant (``memref.global ... constant``) or a function argument marked
  ``{bufferization.writable = false}`` — is never written in place.

A conflicting write gets a fresh ``memref.alloc() {alignment = 64}`` (and a ``memref.copy`` of the old contents
when the op reads them: a linalg ``outs`` whose payload uses it, insert ops); otherwise it writes the existing
buffer. No ``dealloc`` is inserted (MLIR leaves that to the ownership-based deallocation pass).

Function boundaries, as MLIR's option ``bufferize-function-boundaries``:

* off (the default): signatures keep their tensors; each ranked tensor argument enters through
  ``bufferization.to_buffer`` with a fully dynamic layout (``memref<4x8xf32, strided<[?, ?], offset: ?>>``) and
  is not writable (a write to it goes to a copy), each returned tensor leaves through ``bufferization.to_tensor``;
  ``func.call`` with tensors is not bufferized (an error, as in MLIR);
* on: with ``function-boundary-type-conversion=identity-layout-map`` (our only choice; MLIR's default infers
  fully dynamic layouts for arguments), tensor arguments and results become identity-layout memrefs, a returned
  view is copied into a fresh buffer, function arguments are writable (MLIR's default), and a call may write the
  buffers it is passed.

Ops handled: ``func.func/return/call``; ``arith.constant`` of a ``dense`` or ``dense_resource`` tensor (a private
``memref.global`` ``__constant_<shape>x<type>[_N]`` initialized by the same attribute, and ``memref.get_global``);
``tensor.empty`` / ``extract`` / ``insert`` /
``extract_slice`` / ``insert_slice`` / ``cast`` / ``dim`` / ``rank`` / ``collapse_shape`` / ``expand_shape`` /
``from_elements`` / ``splat`` / ``pad`` (padding value defined outside its region); ``bufferization.alloc_tensor``
(a ``memref.alloc``, plus a ``memref.copy`` of ``copy``), ``bufferization.materialize_in_destination`` (a
``memref.copy`` into the destination's buffer), ``bufferization.to_tensor`` / ``to_buffer`` of the input (their
buffer is used directly); every linalg structured op on tensors; ``scf.for`` (tensor iter_args become memref
iter_args; a yielded buffer other than the iter_arg's is copied into it), ``scf.if`` (tensor results become memref results; a yielded view is copied to a fresh buffer)
and any op without tensor operands or results (its regions are bufferized). Anything else with tensor operands or
results is an error, ``'<op>' op was not bufferized`` at the op, and the pass fails (MLIR's message, without
``allow-unknown-ops``); so do ``scf.while`` / ``scf.parallel`` / ``scf.forall`` / ``scf.index_switch`` carrying
tensors, unranked tensors and ``tensor.pad`` with a computed padding value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from dialects import arith, func, memref, scf, tensor
from dialects.bufferization import AllocTensorOp, MaterializeInDestinationOp, ToBufferOp, ToTensorOp
from dialects.linalg import FillOp
from dialects.linalg_structured import PARALLEL, LinalgOp
from mlir_py.attributes import (
    DYNAMIC,
    Attribute,
    DenseElementsAttr,
    DenseResourceElementsAttr,
    FunctionType,
    IntegerAttr,
    MemRefType,
    RankedTensorType,
    StridedLayoutAttr,
    StringAttr,
    SymbolRefAttr,
    Type,
    TypeAttr,
    UnitAttr,
    UnrankedTensorType,
    i64,
    index,
)
from mlir_py.ir import BlockArgument, Operation, OpResult, Region, Value
from mlir_py.pass_manager import Pass, PassOption, register_pass

from .convert_linalg_to_loops import ARITH

TensorType = (RankedTensorType, UnrankedTensorType)

ALIGNMENT = 64

_VIEWS = (tensor.ExtractSliceOp, tensor.CastOp, tensor.CollapseShapeOp, tensor.ExpandShapeOp)


class BufferizationError(Exception):
    """An op the pass cannot bufferize (reported at the op)."""

    def __init__(self, op: Operation, message: str):
        super().__init__(message)
        self.op = op


def _is_tensor(v: Value) -> bool:
    return isinstance(v.type, TensorType)


def buffer_type(t: Type) -> MemRefType:
    """The identity-layout memref of a ranked tensor type (``memref<4x?xf32>`` for ``tensor<4x?xf32>``)."""
    assert isinstance(t, RankedTensorType)
    return MemRefType(t.shape, t.element_type)


# ---------------------------------------------------------------------------------------------------------------
# program order
# ---------------------------------------------------------------------------------------------------------------


def _ancestors(op: Operation) -> list[Operation]:
    out = []
    cur: Operation | None = op
    while cur is not None:
        out.append(cur)
        cur = cur.parent_op
    return out


def _def_op(v: Value) -> Operation | None:
    """The op whose execution defines ``v``: the result's op, or the op owning the block of an argument."""
    if isinstance(v, OpResult):
        return v.op
    assert isinstance(v, BlockArgument)
    return v.owner.parent_op


def _is_loop(op: Operation) -> bool:
    return isinstance(op, (scf.ForOp, scf.WhileOp, scf.ParallelOp, scf.ForallOp))


def _defined_after(v: Value, w: Operation) -> bool:
    """Whether ``v`` is defined by ``w``, inside ``w``, or after ``w``: its contents are not the old ones."""
    d = _def_op(v)
    if d is None:
        return False
    if isinstance(v, OpResult) and d.is_ancestor(w):
        return True  # a result of w or of an op enclosing w: defined once w (and its enclosing op) finished
    if isinstance(v, BlockArgument) and (d is w or w.is_ancestor(d)):
        return True
    if w.is_ancestor(d):
        return True
    anc = _ancestors(d)
    for x in _ancestors(w):
        for y in anc:
            if y.parent is not None and y.parent is x.parent:
                return x is not y and x.is_before_in_block(y)
    return False


def _may_run_after(u: Operation, w: Operation) -> bool:
    """Whether ``u`` may execute after ``w`` (same block later, inside ``w``, or another iteration of a loop that
    holds both in different regions)."""
    if w.is_ancestor(u):
        return u is not w
    wa = _ancestors(w)
    for x in _ancestors(u):
        for y in wa:
            if x.parent is not None and x.parent is y.parent:
                if x is y:
                    return _is_loop(x)
                return y.is_before_in_block(x)
    return False


# ---------------------------------------------------------------------------------------------------------------
# the analysis
# ---------------------------------------------------------------------------------------------------------------


def _slice_key(op: Any) -> tuple[Any, ...]:
    """What makes two slices the same region: static entries and the dynamic values (by identity)."""
    n = len(op.offsets) + len(op.sizes) + len(op.strides)
    dyn = tuple(id(v) for v in op.operands[len(op.operands) - n:]) if n else ()
    return (tuple(op.static_offsets), tuple(op.static_sizes), tuple(op.static_strides), dyn)


def destination_operands(op: Operation, is_tensor: Callable[[Value], bool] = _is_tensor) -> list[int]:
    """Indices of the tensor operands ``op`` writes (whose buffer its results may reuse); ``is_tensor`` tells
    which values are tensors (the bufferizer asks about the input program while it rewrites types)."""
    if isinstance(op, LinalgOp):
        base = op.num_operands - op.num_inits()
        return [base + i for i, v in enumerate(op.outputs) if is_tensor(v)]
    if isinstance(op, (tensor.InsertOp, tensor.InsertSliceOp)):
        return [1]
    if isinstance(op, MaterializeInDestinationOp):
        return [1] if is_tensor(op.operand(1)) else []
    if isinstance(op, scf.ForOp):
        return [3 + i for i, v in enumerate(op.init_values) if is_tensor(v)]
    if isinstance(op, func.CallOp):
        return [i for i, v in enumerate(op.operands) if is_tensor(v)]
    return []


class Analysis:
    """In-place decisions for every destination operand of the ops under a module (see the module docstring).

    ``inplace``: the set of ``(op, operand index)`` written in place. Computed in program order (pre-order walk)."""

    def __init__(self, root: Operation, function_boundaries: bool = True):
        self.function_boundaries = function_boundaries
        self.parent: dict[Value, Value] = {}
        self.members: dict[Value, list[Value]] = {}
        self.inplace: set[tuple[int, int]] = set()
        self.not_writable: set[Value] = set()
        for op in root.walk(post_order=False):
            self._visit(op)

    # union-find ------------------------------------------------------------------------------------------------
    def find(self, v: Value) -> Value:
        p = self.parent.get(v, v)
        if p is v:
            return v
        r = self.find(p)
        self.parent[v] = r
        return r

    def union(self, a: Value, b: Value) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra is rb:
            return
        ma = self.members.pop(ra, [ra])
        mb = self.members.get(rb, [rb])
        self.parent[ra] = rb
        self.members[rb] = mb + ma

    def aliases(self, v: Value) -> list[Value]:
        return self.members.get(self.find(v), [v])

    # decisions ---------------------------------------------------------------------------------------------------
    def is_inplace(self, op: Operation, i: int) -> bool:
        return (id(op), i) in self.inplace

    def _visit(self, op: Operation) -> None:
        if isinstance(op, arith.ConstantOp) and _is_tensor(op.results[0]):
            self.not_writable.add(op.results[0])
        if isinstance(op, func.FuncOp) and op.regions[0].blocks:
            arg_attrs = op.properties.get("arg_attrs")
            for i, a in enumerate(op.regions[0].blocks[0].args):
                d = arg_attrs[i] if arg_attrs is not None else None  # type: ignore[index]
                w = d.value.get("bufferization.writable") if d is not None else None  # type: ignore[union-attr]
                if isinstance(w, IntegerAttr) and not w.value or not self.function_boundaries:
                    self.not_writable.add(a)
        if isinstance(op, _VIEWS):
            self.union(op.results[0], op.operands[0])
        for i in destination_operands(op):
            v = op.operand(i)
            if self._can_write(op, i, v):
                self.inplace.add((id(op), i))
                self._tie(op, i)
        if isinstance(op, scf.ForOp):
            for arg, res in zip(op.region_iter_args, op.results):
                if _is_tensor(res):
                    self.union(arg, res)
        if isinstance(op, scf.IfOp):
            for region in op.regions:
                if region.blocks and region.blocks[0].last_op is not None:
                    for v, res in zip(region.blocks[0].last_op.operands, op.results):
                        if _is_tensor(res):
                            self.union(v, res)

    def _tie(self, op: Operation, i: int) -> None:
        v = op.operand(i)
        if isinstance(op, LinalgOp):
            r = op.tied_result(i - (op.num_operands - op.num_inits()))
            if r is not None:
                self.union(r, v)
        elif isinstance(op, (tensor.InsertOp, tensor.InsertSliceOp, MaterializeInDestinationOp)):
            self.union(op.results[0], v)
        elif isinstance(op, scf.ForOp):
            self.union(op.body.args[1 + i - 3], v)
        elif isinstance(op, func.CallOp):
            for r in op.results:
                if _is_tensor(r):
                    self.union(r, v)

    def _slice_origins(self, v: Value) -> list[Operation]:
        """The ``extract_slice`` ops ``v`` derives from through in-place writes and views."""
        out: list[Operation] = []
        seen: set[int] = set()
        while isinstance(v, OpResult) and id(v) not in seen:
            seen.add(id(v))
            op = v.op
            if isinstance(op, tensor.ExtractSliceOp):
                out.append(op)
                v = op.operands[0]
            elif isinstance(op, _VIEWS):
                v = op.operands[0]
            elif isinstance(op, LinalgOp):
                k = [r for r in op.results].index(v)
                outs = [j for j in destination_operands(op)]
                if k >= len(outs) or not self.is_inplace(op, outs[k]):
                    break
                v = op.operand(outs[k])
            elif isinstance(op, (tensor.InsertOp, tensor.InsertSliceOp)) and self.is_inplace(op, 1):
                v = op.operands[1]
            else:
                break
        return out

    def _can_write(self, w: Operation, i: int, v: Value) -> bool:
        group = self.aliases(v)
        if any(a in self.not_writable for a in group):
            return False
        origins = self._slice_origins(v)
        loops = [x for x in _ancestors(w)[1:] if _is_loop(x)]
        for a in group:
            if a is not v and _defined_after(a, w):
                continue
            d = _def_op(a)
            outer_loops = [lp for lp in loops if d is None or not lp.is_ancestor(d)]
            for use in a.uses:
                u = use.owner
                if isinstance(u, (tensor.DimOp, tensor.RankOp)):
                    continue
                if u is w:
                    if use.index == i or self._elementwise_same(w, i, use.index) or self._matching_insert(w, use.index,
                                                                                                         group):
                        if use.index == i and a is not v and any(lp.is_ancestor(u) for lp in outer_loops):
                            return False
                        continue
                    return False
                if u.is_ancestor(w):
                    continue  # an operand of an op enclosing w (a loop init): read before w runs
                if any(lp.is_ancestor(u) for lp in outer_loops):
                    return False
                if not _may_run_after(u, w):
                    continue
                if (isinstance(u, tensor.InsertSliceOp) and use.index == 1
                        and any(e.operands[0] is a and _slice_key(e) == _slice_key(u) for e in origins)):
                    continue
                return False
            if a is v and outer_loops and any(lp.is_ancestor(w) for lp in outer_loops):
                return False
        return True

    def _matching_insert(self, w: Operation, src_i: int, group: list[Value]) -> bool:
        """``w`` is an ``insert_slice`` whose source is (derived in place from) an ``extract_slice`` of the
        destination at the same offsets/sizes/strides: writing the slice back is a no-op."""
        if not isinstance(w, tensor.InsertSliceOp) or src_i != 0:
            return False
        return any(e.operands[0] in group and _slice_key(e) == _slice_key(w)
                   for e in self._slice_origins(w.operands[0]))

    @staticmethod
    def _elementwise_same(w: Operation, out_i: int, in_i: int) -> bool:
        if not isinstance(w, LinalgOp) or in_i >= w.num_operands - w.num_inits():
            return False
        if any(k != PARALLEL for k in w.iterator_types()):
            return False
        maps = w.indexing_maps()
        return maps[out_i] == maps[in_i] and w.operand(in_i).type == w.operand(out_i).type


# ---------------------------------------------------------------------------------------------------------------
# the rewrite
# ---------------------------------------------------------------------------------------------------------------


def _const_index(b: _Builder, value: int) -> Value:
    return b.add(arith.ConstantOp.create([], [index], {"value": IntegerAttr(value, index)})).results[0]


class _Builder:
    """Inserts new ops before an anchor op."""

    def __init__(self, anchor: Operation):
        self.anchor = anchor

    def add(self, op: Operation) -> Operation:
        block = self.anchor.parent
        assert block is not None
        block.insert_before(op, self.anchor)
        op.location = self.anchor.location
        return op


class Bufferizer:
    """Rewrites the functions of a module with the decisions of an :class:`Analysis`."""

    def __init__(self, module: Operation, analysis: Analysis):
        self.module = module
        self.an = analysis
        self.boundaries = analysis.function_boundaries
        # tensor-ness is decided on the input program (block argument types change during the rewrite)
        self.tensors: set[Value] = {v for o in module.walk() for v in (*o.results, *(
            a for r in o.regions for blk in r.blocks for a in blk.args)) if _is_tensor(v)}
        self.types: dict[Value, Type] = {v: v.type for v in self.tensors}
        self.bufs: dict[Value, Value] = {}
        self.dead: list[Operation] = []
        self.globals: dict[Attribute, str] = {}
        self.global_names: set[str] = set()

    # helpers -------------------------------------------------------------------------------------------------------
    def is_t(self, v: Value) -> bool:
        return v in self.tensors

    def buf(self, v: Value) -> Value:
        return self.bufs[v] if v in self.bufs else v

    def sizes_of(self, b: _Builder, buf: Value) -> list[Value]:
        t = buf.type
        assert isinstance(t, MemRefType)
        return [b.add(memref.DimOp.create([buf, _const_index(b, d)], [index])).results[0]
                for d, s in enumerate(t.shape) if s == DYNAMIC]

    def alloc(self, b: _Builder, t: MemRefType, dyn: Sequence[Value]) -> Value:
        return b.add(memref.AllocOp.build_alloc(t, list(dyn), alignment=ALIGNMENT)).results[0]

    def alloc_like(self, b: _Builder, buf: Value, copy: bool) -> Value:
        t = buf.type
        assert isinstance(t, MemRefType)
        new = self.alloc(b, MemRefType(t.shape, t.element_type, None, t.memory_space), self.sizes_of(b, buf))
        if copy:
            b.add(memref.CopyOp.create([buf, new], []))
        return new

    def identity(self, b: _Builder, buf: Value) -> Value:
        """``buf`` itself when its layout is the identity, else a fresh identity-layout copy."""
        t = buf.type
        if isinstance(t, MemRefType) and t.layout is None:
            return buf
        return self.alloc_like(b, buf, True)

    def dest(self, b: _Builder, op: Operation, i: int, reads: bool) -> Value:
        """The buffer ``op`` writes for its destination operand ``i``: in place or a fresh (copied) one."""
        buf = self.buf(op.operand(i))
        if self.an.is_inplace(op, i):
            return buf
        return self.alloc_like(b, buf, reads)

    def fail(self, op: Operation) -> BufferizationError:
        return BufferizationError(op, "op was not bufferized")

    # driver ------------------------------------------------------------------------------------------------------
    def run(self) -> None:
        for op in list(self.module.regions[0].blocks[0].ops) if self.module.regions else []:
            if isinstance(op, func.FuncOp):
                self.function(op)
            elif self._has_tensors(op):
                raise self.fail(op)
        for op in reversed(self.dead):
            op.drop_all_references()
        for op in reversed(self.dead):
            op.erase(safe=False)

    def _has_tensors(self, op: Operation) -> bool:
        return any(self.is_t(v) for v in op.operands) or any(self.is_t(v) for v in op.results)

    def function(self, fn: func.FuncOp) -> None:
        ft = fn.type
        if not self.boundaries:
            # the signature keeps its tensors: each tensor argument's buffer is a (read-only) to_buffer of it
            if fn.regions[0].blocks:
                entry = fn.regions[0].blocks[0]
                first = entry.first_op
                for a in entry.args:
                    t = a.type
                    if isinstance(t, RankedTensorType):
                        layout = StridedLayoutAttr([DYNAMIC] * len(t.shape), DYNAMIC)
                        conv_op = ToBufferOp.create([a], [MemRefType(t.shape, t.element_type, layout)],
                                                    location=fn.location)
                        if first is None:
                            entry.append(conv_op)
                        else:
                            entry.insert_before(conv_op, first)
                        self.bufs[a] = conv_op.results[0]
                self.region(fn.regions[0])
            return
        conv = [buffer_type(t) if isinstance(t, RankedTensorType) else t for t in ft.inputs]
        res = [buffer_type(t) if isinstance(t, RankedTensorType) else t for t in ft.results]
        for t in (*ft.inputs, *ft.results):
            if isinstance(t, TensorType) and not isinstance(t, RankedTensorType):
                raise BufferizationError(fn, f"cannot bufferize the unranked tensor type '{t}' of the signature")
        fn.properties["function_type"] = TypeAttr(FunctionType(conv, res))
        if fn.regions[0].blocks:
            for a, t in zip(fn.regions[0].blocks[0].args, conv):
                a.type = t
            self.region(fn.regions[0])

    def region(self, region: Region) -> None:
        for block in region.blocks:
            for op in list(block.ops):
                self.op(op)

    def op(self, op: Operation) -> None:
        b = _Builder(op)
        if isinstance(op, func.ReturnOp) and not self.boundaries:
            for i, v in enumerate(op.operands):
                if self.is_t(v):
                    op.set_operand(i, b.add(ToTensorOp.create([self.buf(v)], [self.types[v]])).results[0])
            return
        if isinstance(op, func.ReturnOp) or isinstance(op, scf.YieldOp) and isinstance(op.parent_op, scf.IfOp):
            for i, v in enumerate(op.operands):
                if self.is_t(v):
                    op.set_operand(i, self.identity(b, self.buf(v)))
            return
        if isinstance(op, scf.YieldOp) and isinstance(op.parent_op, scf.ForOp):
            loop = op.parent_op
            for i, v in enumerate(op.operands):
                if isinstance(loop.results[i].type, MemRefType) and self.is_t(v):
                    target = loop.body.args[1 + i]
                    src = self.buf(v)
                    if src is not target:
                        b.add(memref.CopyOp.create([src, target], []))
                    op.set_operand(i, target)
            return
        handler = _HANDLERS.get(type(op))
        if handler is None:
            for base, h in _BASE_HANDLERS:
                if isinstance(op, base):
                    handler = h
                    break
        if handler is not None:
            handler(self, op, b)
            return
        if self._has_tensors(op):
            raise self.fail(op)
        for r in op.regions:
            self.region(r)

    def replace(self, op: Operation, values: Sequence[Value]) -> None:
        for r, v in zip(op.results, values):
            if self.is_t(r):
                self.bufs[r] = v
            else:
                r.replace_all_uses_with(v)
        self.dead.append(op)

    # handlers ------------------------------------------------------------------------------------------------------
    def h_constant(self, op: Operation, b: _Builder) -> None:
        if not self.is_t(op.results[0]):
            return
        value = op.properties["value"]
        t = op.results[0].type
        if not isinstance(value, (DenseElementsAttr, DenseResourceElementsAttr)) or \
                not isinstance(t, RankedTensorType):
            raise self.fail(op)
        name = self.globals.get(value)
        mt = buffer_type(t)
        if name is None:
            base = "__constant_" + "".join(f"{d}x" for d in t.shape) + str(t.element_type)
            name, k = base, 0
            while name in self.global_names or self._symbol_taken(name):
                name = f"{base}_{k}"
                k += 1
            self.globals[value] = name
            self.global_names.add(name)
            g = memref.GlobalOp.create([], [], {"sym_name": StringAttr(name), "sym_visibility": StringAttr("private"),
                                                "type": TypeAttr(mt), "initial_value": value,
                                                "constant": UnitAttr(),
                                                "alignment": IntegerAttr(ALIGNMENT, i64)},
                                       location=op.location)
            body = self.module.regions[0].blocks[0]
            first = body.first_op
            idx = sum(1 for o in body.ops if isinstance(o, memref.GlobalOp) and str(  # type: ignore[misc]
                o.properties["sym_name"].value).startswith("__constant_"))  # type: ignore[attr-defined]
            anchor = first
            for _ in range(idx):
                anchor = anchor.next_op if anchor is not None else None
            if anchor is None:
                body.append(g)
            else:
                body.insert_before(g, anchor)
        get = b.add(memref.GetGlobalOp.create([], [mt], {"name": SymbolRefAttr(name)}))
        self.replace(op, get.results)

    def _symbol_taken(self, name: str) -> bool:
        body = self.module.regions[0].blocks[0]
        return any(isinstance(o.properties.get("sym_name"), StringAttr)
                   and o.properties["sym_name"].value == name for o in body.ops)  # type: ignore[attr-defined]

    def h_empty(self, op: Operation, b: _Builder) -> None:
        self.replace(op, [self.alloc(b, buffer_type(op.results[0].type), op.operands)])

    def h_linalg(self, op: Operation, b: _Builder) -> None:
        assert isinstance(op, LinalgOp)
        if not self._has_tensors(op):
            return
        base = op.num_operands - op.num_inits()
        body = op.body
        operands = [self.buf(v) for v in op.inputs]
        results = []
        for k, v in enumerate(op.outputs):
            if not self.is_t(v):
                operands.append(v)
                continue
            reads = body.args[base + k].has_uses()
            d = self.dest(b, op, base + k, reads)
            operands.append(d)
            results.append(d)
        for v in operands:
            if isinstance(v.type, TensorType):
                raise self.fail(op)
        new = type(op).create(operands, [], dict(op.properties), dict(op.attributes), [Region()],
                              location=op.location)
        new.regions[0].take_body(op.regions[0])
        b.add(new)
        new.location = op.location
        self.replace(op, results)

    def h_extract(self, op: Operation, b: _Builder) -> None:
        ld = b.add(memref.LoadOp.create([self.buf(op.operands[0]), *op.operands[1:]], [op.results[0].type]))
        self.replace(op, ld.results)

    def h_insert(self, op: Operation, b: _Builder) -> None:
        d = self.dest(b, op, 1, True)
        b.add(memref.StoreOp.create([op.operands[0], d, *op.operands[2:]], []))
        self.replace(op, [d])

    def _subview(self, b: _Builder, src: Value, op: Any, rank: int) -> Value:
        st = src.type
        assert isinstance(st, MemRefType)
        sv = memref.SubViewOp.build_subview(src, op.mixed_offsets, op.mixed_sizes, op.mixed_strides)
        full = sv.results[0].type
        assert isinstance(full, MemRefType)
        if len(full.shape) != rank:
            sv.results[0].type = _rank_reduce(full, rank, op.static_sizes)
        return b.add(sv).results[0]

    def h_extract_slice(self, op: Operation, b: _Builder) -> None:
        rt = op.results[0].type
        assert isinstance(rt, RankedTensorType)
        self.replace(op, [self._subview(b, self.buf(op.operands[0]), op, len(rt.shape))])

    def h_insert_slice(self, op: Operation, b: _Builder) -> None:
        d = self.dest(b, op, 1, True)
        src = self.buf(op.operands[0])
        st = self.types[op.operands[0]]
        assert isinstance(st, RankedTensorType)
        sdef = src.defining_op if isinstance(src, OpResult) else None
        if not (isinstance(sdef, memref.SubViewOp) and sdef.operands[0] is d
                and _slice_key(sdef) == _slice_key(op)):
            target = self._subview(b, d, op, len(st.shape))
            b.add(memref.CopyOp.create([src, target], []))
        self.replace(op, [d])

    def h_cast(self, op: Operation, b: _Builder) -> None:
        src = self.buf(op.operands[0])
        rt = op.results[0].type
        st = src.type
        if not isinstance(rt, RankedTensorType) or not isinstance(st, MemRefType):
            raise self.fail(op)
        layout = None
        if st.layout is not None:
            if len(st.shape) != len(rt.shape):
                raise self.fail(op)
            layout = st.layout
        t = MemRefType(rt.shape, rt.element_type, layout, st.memory_space)
        self.replace(op, [b.add(memref.CastOp.create([src], [t])).results[0]] if t != st else [src])

    def h_dim(self, op: Operation, b: _Builder) -> None:
        d = b.add(memref.DimOp.create([self.buf(op.operands[0]), op.operands[1]], [index]))
        self.replace(op, d.results)

    def h_rank(self, op: Operation, b: _Builder) -> None:
        self.replace(op, b.add(memref.RankOp.create([self.buf(op.operands[0])], [index])).results)

    def h_reshape(self, op: Operation, b: _Builder) -> None:
        src = self.identity(b, self.buf(op.operands[0]))
        rt = op.results[0].type
        assert isinstance(rt, RankedTensorType)
        cls = memref.CollapseShapeOp if isinstance(op, tensor.CollapseShapeOp) else memref.ExpandShapeOp
        r = cls.create([src, *op.operands[1:]], [buffer_type(rt)], dict(op.properties))
        self.replace(op, b.add(r).results)

    def h_from_elements(self, op: Operation, b: _Builder) -> None:
        rt = op.results[0].type
        assert isinstance(rt, RankedTensorType)
        buf = self.alloc(b, buffer_type(rt), [])
        import itertools

        for k, idx in enumerate(itertools.product(*(range(d) for d in rt.shape))):
            b.add(memref.StoreOp.create([op.operands[k], buf, *(_const_index(b, i) for i in idx)], []))
        self.replace(op, [buf])

    def h_splat(self, op: Operation, b: _Builder) -> None:
        rt = op.results[0].type
        assert isinstance(rt, RankedTensorType)
        buf = self.alloc(b, buffer_type(rt), op.operands[1:])
        b.add(FillOp.build_named([op.operands[0]], [buf]))
        self.replace(op, [buf])

    def h_pad(self, op: Operation, b: _Builder) -> None:
        assert isinstance(op, tensor.PadOp)
        y = op.regions[0].blocks[0].last_op
        assert y is not None
        pad = y.operands[0]
        inner = pad.defining_op if isinstance(pad, OpResult) else None
        if isinstance(pad, BlockArgument) and pad.owner is op.regions[0].blocks[0]:
            raise self.fail(op)
        if inner is not None and op.is_ancestor(inner):
            if not isinstance(inner, arith.ConstantOp) or inner.operands:
                raise self.fail(op)
            pad = b.add(inner.clone()).results[0]
        rt = op.results[0].type
        assert isinstance(rt, RankedTensorType)
        src = self.buf(op.source)
        lows = _mixed(op.static_low.values, op.low)  # type: ignore[attr-defined]
        highs = _mixed(op.static_high.values, op.high)  # type: ignore[attr-defined]
        dyn = []
        st = src.type
        assert isinstance(st, MemRefType)
        src_sizes: list[Any] = []
        for d, s in enumerate(st.shape):
            src_sizes.append(s if s != DYNAMIC else b.add(memref.DimOp.create([src, _const_index(b, d)],
                                                                              [index])).results[0])
        for d, s in enumerate(rt.shape):
            if s == DYNAMIC:
                total = src_sizes[d]
                for extra in (lows[d], highs[d]):
                    ev = extra if isinstance(extra, Value) else _const_index(b, extra)
                    tv = total if isinstance(total, Value) else _const_index(b, total)
                    total = b.add(ARITH["AddIOp"].create([tv, ev], [index])).results[0]
                dyn.append(total)
        buf = self.alloc(b, buffer_type(rt), dyn)
        b.add(FillOp.build_named([pad], [buf]))
        sv = memref.SubViewOp.build_subview(buf, lows, src_sizes, [1] * len(st.shape))
        target = b.add(sv).results[0]
        b.add(memref.CopyOp.create([src, target], []))
        self.replace(op, [buf])

    def h_for(self, op: Operation, b: _Builder) -> None:
        assert isinstance(op, scf.ForOp)
        for i in destination_operands(op, self.is_t):
            op.set_operand(i, self.identity(b, self.dest(b, op, i, True)))
            arg, res = op.body.args[1 + i - 3], op.results[i - 3]
            arg.type = res.type = op.operand(i).type
        self.region(op.regions[0])

    def h_if(self, op: Operation, b: _Builder) -> None:
        for r in op.results:
            if isinstance(r.type, RankedTensorType):
                r.type = buffer_type(r.type)
            elif isinstance(r.type, TensorType):
                raise self.fail(op)
        for region in op.regions:
            self.region(region)

    def h_call(self, op: Operation, b: _Builder) -> None:
        if not self.boundaries:
            raise self.fail(op)
        for i in destination_operands(op, self.is_t):
            op.set_operand(i, self.identity(b, self.dest(b, op, i, True)))
        for r in op.results:
            if isinstance(r.type, RankedTensorType):
                r.type = buffer_type(r.type)
            elif isinstance(r.type, TensorType):
                raise self.fail(op)

    def h_alloc_tensor(self, op: Operation, b: _Builder) -> None:
        assert isinstance(op, AllocTensorOp)
        if op.copy is not None:
            self.replace(op, [self.alloc_like(b, self.buf(op.copy), True)])
        else:
            self.replace(op, [self.alloc(b, buffer_type(op.results[0].type), op.dynamic_sizes)])

    def h_materialize(self, op: Operation, b: _Builder) -> None:
        src = self.buf(op.operands[0])
        if self.is_t(op.operands[1]):
            d = self.dest(b, op, 1, False)
            b.add(memref.CopyOp.create([src, d], []))
            self.replace(op, [d])
        else:
            b.add(memref.CopyOp.create([src, op.operands[1]], []))
            self.dead.append(op)

    def h_to_tensor(self, op: Operation, b: _Builder) -> None:
        self.replace(op, [op.operands[0]])

    def h_to_buffer(self, op: Operation, b: _Builder) -> None:
        src, r = self.buf(op.operands[0]), op.results[0]
        if src is op.operands[0] or self.bufs.get(op.operands[0]) is r:
            return  # a function argument's buffer (made by this pass) or a tensor that stays a tensor
        if src.type != r.type:
            src = b.add(memref.CastOp.create([src], [r.type])).results[0]
        r.replace_all_uses_with(src)
        op.erase()

    def h_reject(self, op: Operation, b: _Builder) -> None:
        if self._has_tensors(op) or any(self.is_t(a) for r in op.regions for blk in r.blocks for a in blk.args):
            raise self.fail(op)
        for r in op.regions:
            self.region(r)


def _mixed(static: Sequence[int], values: Sequence[Value]) -> list[Any]:
    it = iter(values)
    return [next(it) if s == DYNAMIC else s for s in static]


def _rank_reduce(t: MemRefType, rank: int, sizes: Sequence[int]) -> MemRefType:
    """Drop unit dimensions (from the left, as MLIR's ``computeRankReductionMask``) until ``rank`` remain."""
    layout = t.layout
    assert isinstance(layout, StridedLayoutAttr)
    drop = len(t.shape) - rank
    keep_shape, keep_strides = [], []
    for s, st in zip(t.shape, layout.strides):
        if s == 1 and drop > 0:
            drop -= 1
            continue
        keep_shape.append(s)
        keep_strides.append(st)
    return MemRefType(keep_shape, t.element_type, StridedLayoutAttr(keep_strides, layout.offset), t.memory_space)


_HANDLERS: dict[type, Any] = {
    arith.ConstantOp: Bufferizer.h_constant,
    tensor.EmptyOp: Bufferizer.h_empty,
    tensor.ExtractOp: Bufferizer.h_extract,
    tensor.InsertOp: Bufferizer.h_insert,
    tensor.ExtractSliceOp: Bufferizer.h_extract_slice,
    tensor.InsertSliceOp: Bufferizer.h_insert_slice,
    tensor.CastOp: Bufferizer.h_cast,
    tensor.DimOp: Bufferizer.h_dim,
    tensor.RankOp: Bufferizer.h_rank,
    tensor.CollapseShapeOp: Bufferizer.h_reshape,
    tensor.ExpandShapeOp: Bufferizer.h_reshape,
    tensor.FromElementsOp: Bufferizer.h_from_elements,
    tensor.SplatOp: Bufferizer.h_splat,
    tensor.PadOp: Bufferizer.h_pad,
    scf.ForOp: Bufferizer.h_for,
    scf.IfOp: Bufferizer.h_if,
    scf.WhileOp: Bufferizer.h_reject,
    scf.ParallelOp: Bufferizer.h_reject,
    scf.ForallOp: Bufferizer.h_reject,
    scf.IndexSwitchOp: Bufferizer.h_reject,
    scf.ExecuteRegionOp: Bufferizer.h_reject,
    func.CallOp: Bufferizer.h_call,
    ToTensorOp: Bufferizer.h_to_tensor,
    AllocTensorOp: Bufferizer.h_alloc_tensor,
    MaterializeInDestinationOp: Bufferizer.h_materialize,
    ToBufferOp: Bufferizer.h_to_buffer,
}
_BASE_HANDLERS: list[tuple[type, Any]] = [(LinalgOp, Bufferizer.h_linalg)]


@register_pass
class OneShotBufferizePass(Pass):
    """Bufferize a module's tensor program into memrefs, in place where no read-after-write conflict forbids it
    (see the module docstring; MLIR's mlir/docs/Bufferization.md)."""

    argument = "one-shot-bufferize"
    anchor = "builtin.module"
    summary = "One-Shot Bufferize"
    name = "OneShotBufferizePass"
    options = [
        PassOption("bufferize-function-boundaries", bool, False,
                   "Bufferize function boundaries (experimental)."),
        PassOption("function-boundary-type-conversion", str, "identity-layout-map",
                   "Layout of memref function arguments and results (only identity-layout-map)"),
    ]
    statistic_defs = {"num-inplace": "Number of destination operands written in place",
                      "num-out-of-place": "Number of destination operands given a new buffer"}

    def run_on_operation(self, op: Operation) -> None:
        if (self.option("bufferize-function-boundaries")
                and self.option("function-boundary-type-conversion") != "identity-layout-map"):
            raise self.failure("only function-boundary-type-conversion=identity-layout-map is supported", op)
        analysis = Analysis(op, self.option("bufferize-function-boundaries"))
        total = sum(len(destination_operands(o)) for o in op.walk())
        self.statistics["num-inplace"] += len(analysis.inplace)
        self.statistics["num-out-of-place"] += total - len(analysis.inplace)
        try:
            Bufferizer(op, analysis).run()
        except BufferizationError as e:
            raise self.failure(str(e), e.op) from None


def bufferize(module: Operation, function_boundaries: bool = True) -> Operation:
    """Run the pass on ``module`` in place and return it. Raises :class:`BufferizationError` on unsupported ops."""
    Bufferizer(module, Analysis(module, function_boundaries)).run()
    return module


__all__ = ["Analysis", "BufferizationError", "Bufferizer", "OneShotBufferizePass", "buffer_type", "bufferize",
           "destination_operands"]
