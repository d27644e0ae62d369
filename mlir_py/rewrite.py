"""Pattern rewriting: patterns, a notifying rewriter, and the greedy worklist driver.

This mirrors MLIR's rewrite infrastructure:

- :class:`RewritePattern` (mlir/include/mlir/IR/PatternMatch.h): a root op name (or any op), a benefit, and
  ``match_and_rewrite(op, rewriter) -> bool``. :func:`rewrite_pattern` turns a function into one.
- :class:`PatternRewriter` (``RewriterBase`` in mlir/lib/IR/PatternMatch.cpp): builds ops at an insertion point and
  performs every IR mutation — create, replace, erase, modify in place, inline/merge/split blocks, move ops — and
  notifies a :class:`Listener` of each. Patterns must mutate the IR only through it.
- :class:`FrozenRewritePatternSet` (mlir/lib/Rewrite/FrozenRewritePatternSet.cpp): patterns indexed by root op name
  once, sorted by benefit; the per-op lookup is one dictionary access (``PatternApplicator``'s merge of op-specific
  and any-op patterns is cached per op name).
- :func:`apply_patterns_greedily` (mlir/lib/Transforms/Utils/GreedyPatternRewriteDriver.cpp): a LIFO worklist with
  set semantics (an insertion-ordered dict: O(1) push, pop and removal). Each iteration walks the region, hoists and
  de-duplicates existing constants to the start of the enclosing isolated region (:class:`OperationFolder`,
  mlir/lib/Transforms/Utils/FoldUtils.cpp), then pops ops: erases trivially dead ones, folds through the ``fold()``
  hooks (constant operands passed as attributes; attribute results materialized by the op's dialect), then tries the
  patterns. Replaced ops re-enqueue their users, erased ops the defining ops of their operands. Iterations repeat
  until nothing changes or ``max_iterations`` is reached, which is reported as a non-convergence diagnostic.
- Region simplification (mlir/lib/Transforms/Utils/RegionUtils.cpp): unreachable-block erasure and region DCE.

Processing order, constant placement and use-list order follow MLIR exactly, so ``canonicalize`` output matches
``mlir-opt``'s op for op (tests/unit/test_against_mlir_canon.py checks this against ``iree-opt``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ClassVar

from .attributes import Attribute, LocationAttr, Type
from .diagnostics import Diagnostic, DiagnosticEngine
from .interfaces import BranchOpInterface, has_ssa_dominance, would_op_be_trivially_dead
from .interfaces import _info as _effect_info
from .ir import Block, IRError, Operation, OpOperand, Region, Value
from .opdef import Commutative, ConstantLike, IsolatedFromAbove, Op

NO_LIMIT = -1
_MISSING: Any = object()

# ---------------------------------------------------------------------------------------------------------------
# Per-class facts used on every processed op (computed once per op class)
# ---------------------------------------------------------------------------------------------------------------


class _OpInfo:
    __slots__ = ("const_like", "commutative", "has_fold", "isolated", "dialect")

    def __init__(self, cls: type) -> None:
        traits = getattr(cls, "traits", ())
        self.const_like = any(isinstance(t, ConstantLike) for t in traits)
        self.commutative = any(isinstance(t, Commutative) for t in traits)
        fold = getattr(cls, "fold", None)
        self.has_fold = fold is not None and fold is not Op.fold
        registered = getattr(cls, "registered", False)
        # an unregistered op might be isolated from above (MLIR's ``mightHaveTrait``)
        self.isolated = not registered or any(isinstance(t, IsolatedFromAbove) for t in traits)
        self.dialect = getattr(cls, "dialect", None)


_OP_INFO: dict[type, _OpInfo] = {}


def _op_info(cls: type) -> _OpInfo:
    info = _OP_INFO.get(cls)
    if info is None:
        info = _OP_INFO[cls] = _OpInfo(cls)
    return info


def is_constant_like(op: Operation) -> bool:
    return _op_info(type(op)).const_like


def constant_value(v: Value) -> Attribute | None:
    """The attribute of a value defined by a ``ConstantLike`` op, else ``None`` (MLIR's ``m_Constant``).

    A constant-like op keeps its value in the ``value`` property (:class:`mlir_py.opdef.ConstantLike`); ops that
    do not are asked through ``fold([])``."""
    op = getattr(v, "op", None)
    if op is None:
        return None
    info = _OP_INFO.get(type(op)) or _op_info(type(op))
    if not info.const_like:
        return None
    a = op.properties.get("value")
    if a is not None:
        return a
    res = op.fold([]) if info.has_fold else None  # type: ignore[attr-defined]
    return res[0] if res and isinstance(res[0], Attribute) else None


def constant_operands(op: Operation) -> list[Attribute | None]:
    return [constant_value(o.value) for o in op._operands]


def fold_operation(op: Operation, constants: list[Attribute | None] | None = None) -> list[Any] | None:
    """Fold ``op`` through its ``fold()`` hook, then its traits (MLIR's ``Operation::fold``).

    Returns ``None`` when nothing folds, ``[]`` when the op was updated in place, else one entry per result: an
    :class:`Attribute` (to materialize as a constant) or an existing :class:`Value`. A ``fold()`` that returns the
    op's own results means "updated in place". The ``Commutative`` trait fold moves constant operands to the end
    (``OpTrait::impl::foldCommutative``)."""
    info = _OP_INFO.get(type(op)) or _op_info(type(op))
    if constants is None:
        constants = [constant_value(o.value) for o in op._operands]
    in_place = False
    if info.has_fold:
        res = op.fold(constants)  # type: ignore[attr-defined]
        if res is not None:
            results = op.results
            if len(res) == len(results) and all(r is x for r, x in zip(res, results)):
                in_place = True
            elif len(res) == len(results) and all(r is not None for r in res):
                return list(res)
    if info.commutative and _fold_commutative(op, constants):
        return []
    return [] if in_place else None


def _fold_commutative(op: Operation, constants: list[Attribute | None]) -> bool:
    n = len(constants)
    first = 0
    while first < n and constants[first] is None:
        first += 1
    j = first + 1
    while j < n and constants[j] is not None:
        j += 1
    if j >= n:  # no constant, or all constants already at the end
        return False
    operands = op._operands
    vals = [o.value for o in operands]
    order = [i for i in range(first, n) if constants[i] is None] + [i for i in range(first, n) if constants[i] is not None]
    for pos, src in zip(range(first, n), order):
        if operands[pos].value is not vals[src]:
            operands[pos].set(vals[src])
    return True


# ---------------------------------------------------------------------------------------------------------------
# Listener and rewriter
# ---------------------------------------------------------------------------------------------------------------

InsertPoint = tuple[Block, Operation | None]


class Listener:
    """Receives every IR mutation made through a :class:`PatternRewriter` (MLIR's ``RewriterBase::Listener``).

    ``previous`` of an inserted op is its former ``(block, next op)`` when it was moved, ``None`` when new."""

    def notify_operation_inserted(self, op: Operation, previous: InsertPoint | None) -> None:
        pass

    def notify_operation_modified(self, op: Operation) -> None:
        pass

    def notify_operation_replaced(self, op: Operation, values: Sequence[Value]) -> None:
        pass

    def notify_operation_erased(self, op: Operation) -> None:
        pass

    def notify_block_inserted(self, block: Block, previous: Region | None) -> None:
        pass

    def notify_block_erased(self, block: Block) -> None:
        pass

    def notify_match_failure(self, op: Operation, reason: str) -> None:
        pass

    def notify_pattern_begin(self, pattern: RewritePattern, op: Operation) -> None:
        pass

    def notify_pattern_end(self, pattern: RewritePattern, success: bool) -> None:
        pass


class PatternRewriter:
    """Builds and mutates IR, notifying ``listener`` of every change (MLIR's ``RewriterBase``/``OpBuilder``).

    The insertion point is a block and the op to insert before (``None``: the end of the block). During pattern
    application the driver sets it right before the matched op."""

    __slots__ = ("listener", "block", "before")

    def __init__(self, listener: Listener | None = None):
        self.listener = listener
        self.block: Block | None = None
        self.before: Operation | None = None

    # --- insertion point -------------------------------------------------------------------------------------
    def set_insertion_point(self, op: Operation) -> None:
        """Insert before ``op``."""
        self.block, self.before = op.parent, op

    def set_insertion_point_after(self, op: Operation) -> None:
        self.block, self.before = op.parent, op._next

    def set_insertion_point_to_start(self, block: Block) -> None:
        self.block, self.before = block, block._first

    def set_insertion_point_to_end(self, block: Block) -> None:
        self.block, self.before = block, None

    @property
    def insertion_point(self) -> InsertPoint | None:
        return None if self.block is None else (self.block, self.before)

    def restore_insertion_point(self, ip: InsertPoint | None) -> None:
        self.block, self.before = (None, None) if ip is None else ip

    @contextmanager
    def insertion_guard(self) -> Iterator[None]:
        """Restore the insertion point on exit (MLIR's ``OpBuilder::InsertionGuard``)."""
        saved = (self.block, self.before)
        try:
            yield
        finally:
            self.block, self.before = saved

    # --- creation ----------------------------------------------------------------------------------------------
    def insert(self, op: Operation) -> Operation:
        """Insert a detached op at the insertion point and notify (nested ops are not notified, as MLIR)."""
        blk = self.block
        if blk is None:
            raise IRError("the rewriter has no insertion point")
        if self.before is None:
            blk.append(op)
        else:
            blk.insert_before(op, self.before)
        if self.listener is not None:
            self.listener.notify_operation_inserted(op, None)
        return op

    def create(self, cls: type[Operation], operands: Sequence[Value] = (), result_types: Sequence[Type] = (),
               properties: dict[str, Attribute] | None = None, attributes: dict[str, Attribute] | None = None,
               regions: Sequence[Region] | int = 0, successors: Sequence[Block] = (),
               location: LocationAttr | None = None) -> Any:
        """``cls.create(...)`` inserted at the insertion point."""
        return self.insert(cls.create(operands, result_types, properties, attributes, regions,  # type: ignore[attr-defined]
                                      successors, location))

    def build(self, cls: type[Operation], operands: Sequence[Any] = (), result_types: Sequence[Any] = (),
              **kw: Any) -> Any:
        """``cls.build(...)`` (operands and result types per field) inserted at the insertion point."""
        return self.insert(cls.build(operands, result_types, **kw))  # type: ignore[attr-defined]

    def clone(self, op: Operation, mapping: dict[Any, Any] | None = None) -> Operation:
        """Insert a deep copy of ``op``; the copy and its nested ops are notified in pre-order."""
        new = op.clone(mapping)
        blk = self.block
        if blk is None:
            raise IRError("the rewriter has no insertion point")
        if self.before is None:
            blk.append(new)
        else:
            blk.insert_before(new, self.before)
        if self.listener is not None:
            for o in new.walk(post_order=False):
                self.listener.notify_operation_inserted(o, None)
        return new

    def create_block(self, region: Region, insert_before: Block | None = None, arg_types: Sequence[Type] = (),
                     arg_locs: Sequence[LocationAttr] | None = None) -> Block:
        """A new block in ``region`` (before ``insert_before`` or at the end); the insertion point moves to its end."""
        blk = Block(arg_types, arg_locs)
        if insert_before is None:
            region.add_block(blk)
        else:
            region.insert_block_before(blk, insert_before)
        if self.listener is not None:
            self.listener.notify_block_inserted(blk, None)
        self.block, self.before = blk, None
        return blk

    # --- uses --------------------------------------------------------------------------------------------------
    def replace_all_uses_with(self, old: Value, new: Value) -> None:
        """Redirect every use of ``old``; each user is notified as modified (in MLIR's use-list order: newest use
        first)."""
        if old is new or not old._uses:
            return
        listener = self.listener
        for use in list(reversed(old._uses)):
            use.set(new)
            if listener is not None:
                listener.notify_operation_modified(use.owner)

    def replace_uses_with_if(self, old: Value, new: Value, pred: Callable[[OpOperand], bool]) -> None:
        listener = self.listener
        for use in list(reversed(old._uses)):
            if pred(use):
                use.set(new)
                if listener is not None:
                    listener.notify_operation_modified(use.owner)

    def replace_all_op_uses_with(self, op: Operation, values: Sequence[Value]) -> None:
        if len(values) != len(op.results):
            raise IRError(f"replacing {len(op.results)} results of '{op.name}' with {len(values)} values")
        if self.listener is not None:
            self.listener.notify_operation_replaced(op, values)
        for r, v in zip(op.results, values):
            self.replace_all_uses_with(r, v)

    # --- replacement and erasure ---------------------------------------------------------------------------------
    def replace_op(self, op: Operation, new: Operation | Sequence[Value]) -> None:
        """Replace every result of ``op`` by ``new`` (an op's results or values), then erase ``op``."""
        values = new.results if isinstance(new, Operation) else new
        self.replace_all_op_uses_with(op, values)
        self.erase_op(op)

    def replace_op_with_new_op(self, op: Operation, cls: type[Operation], operands: Sequence[Value] = (),
                               result_types: Sequence[Type] | None = None, **kw: Any) -> Any:
        """Create ``cls`` right before ``op`` (result types default to ``op``'s) and replace ``op`` by it."""
        with self.insertion_guard():
            self.set_insertion_point(op)
            kw.setdefault("location", op.location)
            new = self.create(cls, operands, op.result_types if result_types is None else result_types, **kw)
        self.replace_op(op, new)
        return new

    def erase_op(self, op: Operation) -> None:
        """Erase ``op`` (its results must be unused); nested ops are notified and erased first, users before
        definitions (MLIR's ``RewriterBase::eraseOp``)."""
        for r in op.results:
            if r._uses:
                users = sorted({u.owner.name for u in r._uses})
                raise IRError(f"cannot erase '{op.name}': result #{r.index} still used by {users}")
        if self.listener is None:
            op.erase(safe=False)
            return
        self._erase_tree(op)

    def _erase_tree(self, op: Operation) -> None:
        listener = self.listener
        assert listener is not None
        for region in reversed(op.regions):
            for blk in reversed(list(region.blocks)):
                cur = blk._last
                while cur is not None:
                    prev = cur._prev
                    for r in cur.results:
                        for u in list(r._uses):
                            u.drop()
                    self._erase_tree(cur)
                    cur = prev
                for a in blk.args:
                    for u in list(a._uses):
                        u.drop()
                listener.notify_block_erased(blk)
            region.blocks = []
        listener.notify_operation_erased(op)
        op.erase(safe=False)

    def erase_block(self, block: Block) -> None:
        """Erase ``block`` and its ops (remaining uses of its values are dropped)."""
        cur = block._last
        while cur is not None:
            prev = cur._prev
            for r in cur.results:
                for u in list(r._uses):
                    u.drop()
            if self.listener is not None:
                self._erase_tree(cur)
            else:
                cur.erase(safe=False)
            cur = prev
        for a in block.args:
            for u in list(a._uses):
                u.drop()
        for pu in list(block._pred_uses):
            pu.drop()
        if self.listener is not None:
            self.listener.notify_block_erased(block)
        if block.parent is not None:
            block.parent.blocks.remove(block)
            block.parent = None

    # --- in-place modification --------------------------------------------------------------------------------
    def start_op_modification(self, op: Operation) -> None:
        """Announce an in-place change of ``op`` (attributes, operands, successors); end it with
        :meth:`finalize_op_modification` (or :meth:`cancel_op_modification` if nothing changed)."""

    def finalize_op_modification(self, op: Operation) -> None:
        if self.listener is not None:
            self.listener.notify_operation_modified(op)

    def cancel_op_modification(self, op: Operation) -> None:
        pass

    @contextmanager
    def modify_op_in_place(self, op: Operation) -> Iterator[Operation]:
        """``with rewriter.modify_op_in_place(op): op.set_operand(0, v)`` — notifies on exit."""
        self.start_op_modification(op)
        yield op
        self.finalize_op_modification(op)

    # --- moving ops and blocks -------------------------------------------------------------------------------
    def move_op_before(self, op: Operation, anchor: Operation | None, block: Block | None = None) -> None:
        """Move ``op`` before ``anchor`` (or to the end of ``block`` when ``anchor`` is None)."""
        prev = (op.parent, op._next) if op.parent is not None else None
        op.detach()
        if anchor is None:
            assert block is not None
            block.append(op)
        else:
            assert anchor.parent is not None
            anchor.parent.insert_before(op, anchor)
        if self.listener is not None:
            self.listener.notify_operation_inserted(op, prev)  # type: ignore[arg-type]

    def move_op_after(self, op: Operation, anchor: Operation) -> None:
        assert anchor.parent is not None
        self.move_op_before(op, anchor._next, anchor.parent)

    def inline_region_before(self, region: Region, dest: Region, before: Block | None = None) -> None:
        """Move every block of ``region`` into ``dest`` before ``before`` (or at its end)."""
        blocks = list(region.blocks)
        region.blocks = []
        for b in blocks:
            b.parent = None
            if before is None:
                dest.add_block(b)
            else:
                dest.insert_block_before(b, before)
            if self.listener is not None:
                self.listener.notify_block_inserted(b, region)

    def inline_block_before(self, source: Block, dest: Block, before: Operation | None = None,
                            arg_values: Sequence[Value] = ()) -> None:
        """Move the ops of ``source`` into ``dest`` before ``before`` (or at the end), replacing the arguments of
        ``source`` by ``arg_values``, then erase ``source`` (MLIR's ``inlineBlockBefore``)."""
        if len(arg_values) != len(source.args):
            raise IRError(f"inlining a block of {len(source.args)} arguments with {len(arg_values)} values")
        for a, v in zip(source.args, arg_values):
            self.replace_all_uses_with(a, v)
        cur = source._first
        while cur is not None:
            nxt = cur._next
            self.move_op_before(cur, before, dest)
            cur = nxt
        if self.block is source:
            self.block, self.before = dest, before
        self.erase_block(source)

    def merge_blocks(self, source: Block, dest: Block, arg_values: Sequence[Value] = ()) -> None:
        """Append the ops of ``source`` to ``dest`` and erase ``source`` (MLIR's ``mergeBlocks``)."""
        self.inline_block_before(source, dest, None, arg_values)

    def split_block(self, block: Block, before: Operation | None) -> Block:
        """Move ``before`` and every later op into a new block right after ``block``."""
        assert block.parent is not None
        new = Block()
        block.parent.insert_block_after(new, block)
        if self.listener is not None:
            self.listener.notify_block_inserted(new, None)
        cur = before
        while cur is not None:
            nxt = cur._next
            self.move_op_before(cur, None, new)
            cur = nxt
        return new

    def notify_match_failure(self, op: Operation, reason: str) -> bool:
        """Report why a pattern did not apply; returns ``False`` so patterns can ``return rewriter.notify_...``."""
        if self.listener is not None:
            self.listener.notify_match_failure(op, reason)
        return False


# ---------------------------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------------------------


class RewritePattern:
    """A rewrite rooted at ops named ``root`` (an op name or op class; ``None`` for any op).

    Subclass and override :meth:`match_and_rewrite`, which returns ``True`` iff it changed the IR (then only
    through the rewriter). ``benefit`` orders the patterns that match one op (highest first; ties keep the order
    in which patterns were added, as MLIR's stable sort)."""

    root: ClassVar[str | type | None] = None
    benefit: int = 1

    def __init__(self, root: Any = ..., benefit: int | None = None, name: str | None = None):
        r = type(self).root if root is ... else root
        self.root_name: str | None = r if r is None or isinstance(r, str) else r.OPERATION_NAME  # type: ignore[union-attr]
        if benefit is not None:
            self.benefit = benefit
        self.name = name or type(self).__name__

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{self.name} on {self.root_name or '*'} benefit {self.benefit}>"


class FunctionPattern(RewritePattern):
    """A pattern whose ``match_and_rewrite`` is a plain function ``f(op, rewriter) -> bool``."""

    def __init__(self, fn: Callable[[Any, PatternRewriter], bool], root: str | type | None, benefit: int = 1,
                 name: str | None = None):
        super().__init__(root, benefit, name or fn.__name__)
        self.fn = fn
        self.__doc__ = fn.__doc__
        self.match_and_rewrite = fn  # type: ignore[assignment, method-assign]  # one call instead of two per attempt


def rewrite_pattern(root: str | type | None, benefit: int = 1) -> Callable[[Callable[[Any, PatternRewriter], bool]],
                                                                           FunctionPattern]:
    """Decorator: ``@rewrite_pattern("arith.addi", benefit=2) def fold_x(op, rewriter) -> bool: ...``."""

    def deco(fn: Callable[[Any, PatternRewriter], bool]) -> FunctionPattern:
        return FunctionPattern(fn, root, benefit)

    return deco


class FrozenRewritePatternSet:
    """Patterns indexed by root op name once (MLIR's ``FrozenRewritePatternSet`` + ``PatternApplicator``).

    :meth:`patterns_for` gives the op-specific patterns merged with the any-op patterns by benefit (an op-specific
    pattern wins ties, as ``PatternApplicator::matchAndRewrite``); the merge is cached per op name."""

    __slots__ = ("by_name", "any_op", "_merged", "patterns")

    def __init__(self, patterns: Iterable[RewritePattern] = (), disabled: Iterable[str] = (),
                 enabled: Iterable[str] | None = None):
        off = set(disabled)
        on = set(enabled) if enabled is not None else None
        self.patterns = [p for p in patterns if p.name not in off and (on is None or p.name in on)]
        ordered = sorted(self.patterns, key=lambda p: -p.benefit)  # stable
        self.by_name: dict[str, tuple[RewritePattern, ...]] = {}
        for p in ordered:
            if p.root_name is not None:
                self.by_name[p.root_name] = self.by_name.get(p.root_name, ()) + (p,)
        self.any_op = tuple(p for p in ordered if p.root_name is None)
        self._merged: dict[str, tuple[RewritePattern, ...]] = dict(self.by_name) if not self.any_op else {}

    def patterns_for(self, name: str) -> tuple[RewritePattern, ...]:
        try:
            return self._merged[name]
        except KeyError:
            pass
        specific = self.by_name.get(name, ())
        merged: list[RewritePattern] = []
        i = j = 0
        while i < len(specific) or j < len(self.any_op):
            if j >= len(self.any_op) or (i < len(specific) and specific[i].benefit >= self.any_op[j].benefit):
                merged.append(specific[i])
                i += 1
            else:
                merged.append(self.any_op[j])
                j += 1
        res = self._merged[name] = tuple(merged)
        return res

    def __len__(self) -> int:
        return len(self.patterns)


def freeze(patterns: FrozenRewritePatternSet | Iterable[RewritePattern]) -> FrozenRewritePatternSet:
    return patterns if isinstance(patterns, FrozenRewritePatternSet) else FrozenRewritePatternSet(patterns)


# ---------------------------------------------------------------------------------------------------------------
# Constant uniquing (MLIR's OperationFolder)
# ---------------------------------------------------------------------------------------------------------------


def insertion_region(block: Block) -> Region:
    """The region folded constants of ``block`` go to: the nearest one whose parent op is isolated from above (or
    unregistered, or top-level) — MLIR's ``getInsertionRegion``. Op classes may opt in to receiving constants with
    ``materialize_constants_into = True`` (MLIR's ``DialectFoldInterface::shouldMaterializeInto``)."""
    while True:
        region = block.parent
        if region is None:
            raise IRError("block is not in a region")
        parent = region.parent
        if parent is None or parent.parent is None:
            return region
        cls = type(parent)
        if _op_info(cls).isolated or getattr(cls, "materialize_constants_into", False):
            return region
        block = parent.parent


class OperationFolder:
    """Uniques constants per insertion region and keeps them at the start of its entry block (MLIR's
    ``OperationFolder``). Constants it created or adopted are "folder-owned"."""

    def __init__(self, rewriter: PatternRewriter | None = None):
        self.rewriter = rewriter or PatternRewriter()
        self.scopes: dict[Region, dict[tuple[Any, Attribute, Type], Operation]] = {}
        self.owned: dict[Operation, list[Any]] = {}

    def insert_known_constant(self, op: Operation, value: Attribute | None = None) -> bool:
        """Adopt the constant ``op``: hoist it to the front of its insertion region, or replace it by an existing
        equal constant (then return ``False``: ``op`` was erased)."""
        blk = op.parent
        assert blk is not None
        owned = self.owned
        if op in owned:
            if blk._first is not op and op._prev not in owned:
                op.move_before(blk._first)  # type: ignore[arg-type]
            return True
        if value is None:
            value = constant_value(op.results[0])
            assert value is not None, "expected a constant op"
        region = insertion_region(blk)
        dialect = _op_info(type(op)).dialect
        scope = self.scopes.get(region)
        if scope is None:
            scope = self.scopes[region] = {}
        key = (dialect, value, op.results[0].type)
        existing = scope.get(key)
        if existing is not None:
            self.notify_removal(op)
            self.rewriter.replace_op(op, existing.results)
            return False
        entry = region.blocks[0]
        if blk is not entry or (entry._first is not op and op._prev not in owned):
            op.move_before(entry._first)  # type: ignore[arg-type]
        scope[key] = op
        owned[op] = [dialect]
        return True

    def notify_removal(self, op: Operation) -> None:
        dialects = self.owned.pop(op, None)
        if dialects is None or op.parent is None:
            return
        value = constant_value(op.results[0])
        scope = self.scopes.get(insertion_region(op.parent), {})
        for d in dialects:
            scope.pop((d, value, op.results[0].type), None)  # type: ignore[arg-type]

    def get_or_create_constant(self, block: Block, dialect: Any, value: Attribute, type: Type,
                               location: LocationAttr | None = None) -> Value | None:
        """A constant of ``value`` at the start of ``block``'s insertion region, reusing an existing one."""
        region = insertion_region(block)
        scope = self.scopes.setdefault(region, {})
        key = (dialect, value, type)
        op = scope.get(key)
        if op is None:
            mat = getattr(dialect, "materialize_constant", None)
            op = mat(value, type, location) if mat is not None else None
            if op is None:
                return None
            with self.rewriter.insertion_guard():
                self.rewriter.set_insertion_point_to_start(region.blocks[0])
                self.rewriter.insert(op)
            scope[key] = op
            self.owned[op] = [dialect]
        return op.results[0]

    def try_to_fold(self, op: Operation) -> bool:
        """Fold ``op``; attribute results become (uniqued, hoisted) constants. Returns whether it folded."""
        if op in self.owned:
            blk = op.parent
            if blk is not None and blk._first is not op and op._prev not in self.owned:
                op.move_before(blk._first)  # type: ignore[arg-type]
            return False
        res = fold_operation(op)
        if res is None:
            return False
        if not res:
            if self.rewriter.listener is not None:
                self.rewriter.listener.notify_operation_modified(op)
            return True
        dialect = _op_info(type(op)).dialect
        values: list[Value] = []
        for r, x in zip(op.results, res):
            if isinstance(x, Value):
                values.append(x)
                continue
            assert op.parent is not None
            v = self.get_or_create_constant(op.parent, dialect, x, r.type, op.location)
            if v is None:
                return False
            values.append(v)
        self.rewriter.replace_op(op, values)
        return True


# ---------------------------------------------------------------------------------------------------------------
# Region simplification (mlir/lib/Transforms/Utils/RegionUtils.cpp)
# ---------------------------------------------------------------------------------------------------------------


def _reachable_blocks(region: Region) -> set[Block]:
    seen: set[Block] = set()
    if not region.blocks:
        return seen
    stack = [region.blocks[0]]
    while stack:
        b = stack.pop()
        if b in seen:
            continue
        seen.add(b)
        last = b._last
        if last is not None:
            for s in last._successors:
                if s.block.parent is region and s.block not in seen:
                    stack.append(s.block)
    return seen


def erase_unreachable_blocks(rewriter: PatternRewriter, regions: Iterable[Region]) -> bool:
    """Erase blocks not reachable from their region's entry, in all nested regions (``eraseUnreachableBlocks``)."""
    erased = False
    work = list(regions)
    while work:
        region = work.pop()
        blocks = region.blocks
        if not blocks:
            continue
        if len(blocks) == 1:
            for op in blocks[0].ops:
                if op.regions:
                    work.extend(op.regions)
            continue
        live = _reachable_blocks(region)
        for b in list(blocks):
            if b not in live:
                rewriter.erase_block(b)
                erased = True
                continue
            for op in b.ops:
                if op.regions:
                    work.extend(op.regions)
    return erased


def _post_order(region: Region) -> list[Block]:
    """Blocks reachable from the entry in post-order (successors first)."""
    out: list[Block] = []
    if not region.blocks:
        return out
    seen = {region.blocks[0]}
    stack: list[tuple[Block, Iterator[Block]]] = [(region.blocks[0], iter(region.blocks[0].successors))]
    while stack:
        b, it = stack[-1]
        for s in it:
            if s not in seen and s.parent is region:
                seen.add(s)
                stack.append((s, iter(s.successors)))
                break
        else:
            stack.pop()
            out.append(b)
    return out


class _Liveness:
    __slots__ = ("live", "changed", "cyclic", "_succ_args")

    def __init__(self) -> None:
        self.live: set[Any] = set()
        self.changed = False
        #: a multi-block or graph region was seen: liveness may need more than one backward pass
        self.cyclic = False
        self._succ_args: dict[Operation, dict[OpOperand, Any]] = {}

    def mark(self, x: Any) -> None:
        if x not in self.live:
            self.live.add(x)
            self.changed = True

    def successor_arg(self, use: OpOperand) -> Any:
        """The block argument a branch operand is forwarded to (``None`` if it is no successor operand)."""
        term = use.owner
        m = self._succ_args.get(term)
        if m is None:
            m = self._succ_args[term] = {}
            for i, s in enumerate(term._successors):
                fwd = term.get_successor_operands(i)  # type: ignore[attr-defined]
                produced = len(s.block.args) - len(fwd)
                for j, o in enumerate(fwd):
                    m[o] = s.block.args[produced + j]
        return m.get(use)

    def used_live(self, v: Value) -> bool:
        """``v`` has a use by a live op that is not a branch operand forwarded to a dead block argument (MLIR's
        ``isUseSpeciallyKnownDead``: each successor operand is an operand of a separate phi node)."""
        live = self.live
        for u in v._uses:
            owner = u.owner
            if owner not in live:
                continue
            if owner._successors and isinstance(owner, BranchOpInterface):
                arg = self.successor_arg(u)
                if arg is not None and arg not in live:
                    continue
            return True
        return False


_DCE_SIMPLE, _DCE_TERMINATOR, _DCE_OTHER = 0, 1, 2
_DCE_KIND: dict[type, int] = {}


def _dce_kind(op: Operation) -> int:
    info = _effect_info(op)
    if info.terminator:
        kind = _DCE_TERMINATOR
    elif info.kind == 0 and not info.recursive and not info.symbol:  # no effects of its own, none nested
        kind = _DCE_SIMPLE
    else:
        kind = _DCE_OTHER
    _DCE_KIND[type(op)] = kind
    return kind


def _propagate_region(region: Region, lv: _Liveness) -> None:
    live = lv.live
    blocks = region.blocks
    if not blocks:
        return
    if len(blocks) > 1 or not has_ssa_dominance(region) or blocks[0]._last is not None and blocks[0]._last._successors:
        lv.cyclic = True
    for blk in _post_order(region) if len(blocks) > 1 else blocks:
        cur = blk._last
        while cur is not None:
            for r in cur.regions:
                _propagate_region(r, lv)
            if cur not in live:
                kind = _DCE_KIND.get(type(cur))
                if kind is None:
                    kind = _dce_kind(cur)
                if kind == _DCE_SIMPLE:  # pure, not a terminator: live iff a result is used by something live
                    for res in cur.results:
                        for u in res._uses:
                            owner = u.owner
                            if owner in live and (not owner._successors or lv.used_live(res)):
                                lv.mark(res)
                                lv.mark(cur)
                                break
                        else:
                            continue
                        break
                elif kind == _DCE_TERMINATOR:
                    lv.mark(cur)
                    branch = isinstance(cur, BranchOpInterface)
                    for i, s in enumerate(cur._successors):
                        args = s.block.args
                        # arguments the terminator produces itself (not forwarded operands) are always live
                        n = len(args) - len(cur.get_successor_operands(i)) if branch else len(args)  # type: ignore[attr-defined]
                        for a in args[:n]:
                            lv.mark(a)
                elif not would_op_be_trivially_dead(cur):
                    lv.mark(cur)
                else:
                    for res in cur.results:
                        if res not in live and lv.used_live(res):
                            lv.mark(res)
                            lv.mark(cur)
            cur = cur._prev
        if blk is not blocks[0]:
            for a in blk.args:
                if a not in live and lv.used_live(a):
                    lv.mark(a)


def _delete_dead(rewriter: PatternRewriter, regions: Iterable[Region], lv: _Liveness) -> bool:
    erased = False
    live = lv.live
    for region in regions:
        if not region.blocks:
            continue
        multi = len(region.blocks) > 1
        for blk in _post_order(region) if multi else region.blocks:
            term = blk._last
            if multi and term is not None and isinstance(term, BranchOpInterface):
                # drop the operands forwarded to dead block arguments (``eraseTerminatorSuccessorOperands``)
                for i in reversed(range(len(term._successors))):
                    succ = term._successors[i].block
                    fwd = term.get_successor_operands(i)
                    produced = len(succ.args) - len(fwd)
                    for j in reversed(range(len(fwd))):
                        if succ.args[produced + j] not in live:
                            term.erase_successor_operand(i, j)
                            erased = True
            cur = blk._last
            while cur is not None:
                prev = cur._prev
                if cur not in live:
                    for r in cur.results:
                        for u in list(r._uses):
                            u.drop()
                    rewriter.erase_op(cur)
                    erased = True
                elif cur.regions:
                    erased |= _delete_dead(rewriter, cur.regions, lv)
                cur = prev
        for blk in region.blocks[1:]:
            for j in reversed(range(len(blk.args))):
                if blk.args[j] not in live:
                    for u in list(blk.args[j]._uses):
                        u.drop()
                    blk.erase_argument(j)
                    erased = True
    return erased


def run_region_dce(rewriter: PatternRewriter, regions: Sequence[Region]) -> bool:
    """Erase ops and non-entry block arguments that nothing live uses, by a backward liveness fixpoint over the
    CFG (MLIR's ``runRegionDCE``): terminators and ops with effects are live, and so is whatever a live op uses —
    except that a branch operand only keeps its value alive if the block argument it feeds is live. Terminators
    implementing :class:`BranchOpInterface` lose the operands of dead arguments. Single-block SSA regions converge
    in one backward pass, so the fixpoint loop is skipped for them."""
    lv = _Liveness()
    while True:
        lv.changed = False
        for r in regions:
            _propagate_region(r, lv)
        if not (lv.changed and lv.cyclic):
            break
    return _delete_dead(rewriter, regions, lv)


def simplify_regions(rewriter: PatternRewriter, regions: Sequence[Region], merge_blocks: bool = False) -> bool:
    """Unreachable-block erasure and region DCE (MLIR's ``simplifyRegions``). ``merge_blocks`` (MLIR's aggressive
    level: merging identical blocks) is not implemented yet: it needs the cf dialect's branch ops to test."""
    a = erase_unreachable_blocks(rewriter, regions)
    b = run_region_dce(rewriter, regions)
    return a or b


# ---------------------------------------------------------------------------------------------------------------
# The greedy driver
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class GreedyRewriteConfig:
    """Options of :func:`apply_patterns_greedily` (MLIR's ``GreedyRewriteConfig``).

    ``top_down``: seed the worklist in pre-order and process ops in program order (default: post-order walk,
    processing from the end); ``max_iterations`` / ``max_num_rewrites``: bounds (:data:`NO_LIMIT` = -1);
    ``fold``: use ``fold()`` hooks; ``cse_constants``: hoist and unique constants at each iteration start;
    ``region_simplification``: ``"disabled"``, ``"normal"`` (unreachable blocks + region DCE) or ``"aggressive"``;
    ``strictness``: ``"any"`` op, ``"existing-and-new"`` or ``"existing"`` ops only; ``listener``: also notified of
    every change."""

    top_down: bool = False
    max_iterations: int = 10
    max_num_rewrites: int = NO_LIMIT
    fold: bool = True
    cse_constants: bool = True
    region_simplification: str = "normal"
    strictness: str = "any"
    scope: Region | None = None
    listener: Listener | None = None


@dataclass
class GreedyRewriteResult:
    """``converged``: the last iteration changed nothing; ``changed``: the IR was modified; ``diagnostic``: the
    non-convergence warning, if any."""

    converged: bool
    changed: bool
    iterations: int
    num_rewrites: int = 0
    num_folds: int = 0
    num_erased: int = 0
    diagnostic: Diagnostic | None = None

    def __bool__(self) -> bool:
        return self.converged


class GreedyPatternRewriteDriver(Listener):
    """The worklist driver (see the module docstring). Use :func:`apply_patterns_greedily`."""

    def __init__(self, patterns: FrozenRewritePatternSet, config: GreedyRewriteConfig):
        self.patterns = patterns
        self.config = config
        self.rewriter = PatternRewriter(self)
        self.wl: dict[Operation, None] = {}
        self.scope = config.scope
        self.strict: set[Operation] | None = None if config.strictness == "any" else set()
        self.num_rewrites = self.num_folds = self.num_erased = 0
        self._check_reachability = False
        self._reachable: dict[Region, set[Block]] = {}
        self._chains: dict[Block, tuple[Operation, ...] | None] = {}

    # --- worklist ------------------------------------------------------------------------------------------------
    def add_to_worklist(self, op: Operation) -> None:
        """Enqueue ``op`` and its ancestors inside the scope (MLIR's ``addToWorklist``); nothing if ``op`` is not
        nested in the scope."""
        blk = op.parent
        if blk is None:
            return
        chain = self._chains.get(blk, _MISSING)
        if chain is _MISSING:
            chain = self._chain(blk)
        if chain is None:
            return
        strict = self.strict
        wl = self.wl
        if strict is None:
            wl.setdefault(op)
            for a in chain:
                wl.setdefault(a)
        else:
            for a in (op, *chain):
                if a in strict:
                    wl.setdefault(a)

    def _chain(self, blk: Block) -> tuple[Operation, ...] | None:
        """The ancestor ops of ``blk`` strictly inside the scope, innermost first (``None``: not in the scope).
        Cached per block; the cache is dropped whenever blocks or region-holding ops move."""
        anc: list[Operation] = []
        region: Region | None = blk.parent
        result: tuple[Operation, ...] | None = None
        while True:
            if region is self.scope:  # a scope of None means "up to the top-level op", as in MLIR
                result = tuple(anc)
                break
            cur = region.parent if region is not None else None
            if cur is None:
                break
            anc.append(cur)
            region = cur.parent.parent if cur.parent is not None else None
        self._chains[blk] = result
        return result

    def _add_operands(self, op: Operation) -> None:
        for o in op._operands:
            v = o.value
            d = getattr(v, "op", None)
            if d is None:
                continue
            other: Operation | None = None
            more = False
            for u in v._uses:
                user = u.owner
                if user is op or user is other:
                    continue
                if other is None:
                    other = user
                    continue
                more = True
                break
            if not more:
                self.add_to_worklist(d)

    # --- listener ------------------------------------------------------------------------------------------------
    def notify_operation_inserted(self, op: Operation, previous: InsertPoint | None) -> None:
        if self.config.listener is not None:
            self.config.listener.notify_operation_inserted(op, previous)
        if op._successors or op.regions:
            self._cfg_changed()
            if op.regions:
                self._chains.clear()
        if self.strict is not None and self.config.strictness == "existing-and-new":
            self.strict.add(op)
        self.add_to_worklist(op)

    def notify_operation_modified(self, op: Operation) -> None:
        if self.config.listener is not None:
            self.config.listener.notify_operation_modified(op)
        if op._successors:
            self._cfg_changed()
        self.add_to_worklist(op)

    def notify_operation_replaced(self, op: Operation, values: Sequence[Value]) -> None:
        if self.config.listener is not None:
            self.config.listener.notify_operation_replaced(op, values)

    def notify_operation_erased(self, op: Operation) -> None:
        if self.config.listener is not None:
            self.config.listener.notify_operation_erased(op)
        if op._successors:
            self._cfg_changed()
        self._add_operands(op)
        self.wl.pop(op, None)
        if self.strict is not None:
            self.strict.discard(op)

    def notify_block_inserted(self, block: Block, previous: Region | None) -> None:
        if self.config.listener is not None:
            self.config.listener.notify_block_inserted(block, previous)
        self._cfg_changed()
        self._chains.clear()

    def notify_block_erased(self, block: Block) -> None:
        if self.config.listener is not None:
            self.config.listener.notify_block_erased(block)
        self._cfg_changed()

    def notify_match_failure(self, op: Operation, reason: str) -> None:
        if self.config.listener is not None:
            self.config.listener.notify_match_failure(op, reason)

    # --- reachability (ops in unreachable blocks are skipped, as MLIR's ReachabilityListener) --------------------
    def _cfg_changed(self) -> None:
        self._check_reachability = True
        if self._reachable:
            self._reachable.clear()

    def _is_reachable(self, op: Operation) -> bool:
        while True:
            blk = op.parent
            if blk is None:
                return True
            region = blk.parent
            if region is None:
                return True
            if region.blocks[0] is not blk:
                live = self._reachable.get(region)
                if live is None:
                    live = self._reachable[region] = _reachable_blocks(region)
                if blk not in live:
                    return False
            if region is self.scope or region.parent is None:
                return True
            op = region.parent

    # --- processing ----------------------------------------------------------------------------------------------
    def process_worklist(self) -> bool:
        """Pop and simplify ops until the worklist is empty (or the rewrite budget is spent)."""
        config = self.config
        rewriter = self.rewriter
        patterns = self.patterns
        do_fold = config.fold
        max_rewrites = config.max_num_rewrites
        listener = config.listener
        op_info = _OP_INFO
        cv = constant_value
        changed = False
        rewrites = 0  # the budget is per worklist pass, as MLIR's ``numRewrites``
        while self.wl:
            if max_rewrites != NO_LIMIT and rewrites >= max_rewrites:
                break
            op = self.wl.popitem()[0]
            if self._check_reachability and not self._is_reachable(op):
                continue
            # trivially dead?
            for r in op.results:
                if r._uses:
                    break
            else:
                if would_op_be_trivially_dead(op):
                    rewriter.erase_op(op)
                    self.num_erased += 1
                    changed = True
                    continue
            cls = type(op)
            info = op_info.get(cls) or _op_info(cls)
            if do_fold and not info.const_like and (info.has_fold or info.commutative):
                consts: list[Any] = []
                for o in op._operands:  # inlined ``constant_value`` (the hottest call of the driver)
                    d = getattr(o.value, "op", None)
                    if d is None:
                        consts.append(None)
                        continue
                    dinfo = op_info.get(type(d)) or _op_info(type(d))
                    if not dinfo.const_like:
                        consts.append(None)
                        continue
                    a = d.properties.get("value")
                    consts.append(a if a is not None else cv(o.value))
                res = fold_operation(op, consts)
                if res is not None:
                    if not res:
                        self.notify_operation_modified(op)
                        self.num_folds += 1
                        changed = True
                        continue
                    if self._replace_with_fold_results(op, res):
                        self.num_folds += 1
                        changed = True
                        continue
            pats = patterns.patterns_for(op.name)
            for p in pats:
                rewriter.block, rewriter.before = op.parent, op
                if listener is not None:
                    listener.notify_pattern_begin(p, op)
                ok = p.match_and_rewrite(op, rewriter)
                if listener is not None:
                    listener.notify_pattern_end(p, ok)
                if ok:
                    changed = True
                    rewrites += 1
                    self.num_rewrites += 1
                    break
        return changed

    def _replace_with_fold_results(self, op: Operation, res: list[Any]) -> bool:
        rewriter = self.rewriter
        rewriter.block, rewriter.before = op.parent, op
        dialect = _op_info(type(op)).dialect
        mat = getattr(dialect, "materialize_constant", None)
        values: list[Value] = []
        created: list[Operation] = []
        for r, x in zip(op.results, res):
            if isinstance(x, Value):
                values.append(x)
                continue
            c = mat(x, r.type, op.location) if mat is not None else None
            if c is None:
                for cop in created:
                    rewriter.erase_op(cop)
                return False
            rewriter.insert(c)
            created.append(c)
            values.append(c.results[0])
        rewriter.replace_op(op, values)
        return True

    # --- iterations ----------------------------------------------------------------------------------------------
    def _seed(self, region: Region, folder: OperationFolder | None) -> None:
        """Fill the worklist for one iteration; constants are adopted by ``folder`` instead (MLIR's
        ``insertKnownConstant``)."""
        self._chains.clear()
        top_down = self.config.top_down
        multi = False
        add = self.add_to_worklist
        op_info = _OP_INFO

        def visit(op: Operation) -> bool:
            if folder is not None:
                info = op_info.get(type(op)) or _op_info(type(op))
                if info.const_like and op.results:
                    value = constant_value(op.results[0])
                    if value is not None and not folder.insert_known_constant(op, value):
                        return False
            add(op)
            return True

        if top_down:
            # explicit pre-order: visit an op, then its regions, then its next sibling
            def pre(r: Region) -> None:
                nonlocal multi
                if len(r.blocks) > 1:
                    multi = True
                for b in r.blocks:
                    cur = b._first
                    while cur is not None:
                        nxt = cur._next
                        if visit(cur):
                            for nr in cur.regions:
                                pre(nr)
                        cur = nxt

            pre(region)
            self.wl = dict.fromkeys(reversed(self.wl))
        else:
            def post(r: Region) -> None:
                nonlocal multi
                if len(r.blocks) > 1:
                    multi = True
                for b in r.blocks:
                    cur = b._first
                    while cur is not None:
                        nxt = cur._next
                        for nr in cur.regions:
                            post(nr)
                        visit(cur)
                        cur = nxt

            post(region)
        self._check_reachability = multi
        self._reachable.clear()

    def simplify_region(self, region: Region) -> tuple[bool, bool, int]:
        """Iterate on ``region`` until fixpoint; returns (converged, changed, iterations)."""
        config = self.config
        if self.strict is not None:
            for op in region.walk():
                self.strict.add(op)
        iteration = 0
        again = False
        any_change = False
        while True:
            iteration += 1
            if config.max_iterations != NO_LIMIT and iteration > config.max_iterations:
                iteration -= 1
                break
            self.wl.clear()
            folder = OperationFolder(self.rewriter) if config.cse_constants else None
            self._seed(region, folder)
            # only a region with several blocks can have an unreachable one (the seeding walk knows)
            again = self._check_reachability and erase_unreachable_blocks(self.rewriter, [region])
            again |= self.process_worklist()
            if config.region_simplification != "disabled":
                again |= simplify_regions(self.rewriter, [region], config.region_simplification == "aggressive")
            any_change |= again
            if not again:
                break
        return not again, any_change or iteration > 1, iteration


def apply_patterns_greedily(root: Operation | Region, patterns: FrozenRewritePatternSet | Iterable[RewritePattern],
                            max_iterations: int = 10, fold: bool = True, config: GreedyRewriteConfig | None = None,
                            diagnostics: DiagnosticEngine | None = None) -> GreedyRewriteResult:
    """Apply ``patterns`` and folds to everything nested in ``root`` (its regions; the op itself is not rewritten)
    until a fixpoint, as MLIR's ``applyPatternsGreedily``. ``root``'s regions must be isolated from above.

    Non-convergence after ``max_iterations`` yields a warning diagnostic (in the result, and emitted to
    ``diagnostics`` when given); canonicalization treats it as best effort, as MLIR does."""
    if config is None:
        config = GreedyRewriteConfig(max_iterations=max_iterations, fold=fold)
    frozen = freeze(patterns)
    regions = [root] if isinstance(root, Region) else list(root.regions)
    converged, changed, iterations = True, False, 0
    drv: GreedyPatternRewriteDriver | None = None
    for region in regions:
        parent = region.parent
        if parent is not None and parent.registered and not parent.has_trait(IsolatedFromAbove):
            raise IRError(f"patterns can only be applied to the regions of ops isolated from above, not "
                          f"'{parent.name}'")
        cfg = config if config.scope is not None else _with_scope(config, region)
        drv = GreedyPatternRewriteDriver(frozen, cfg)
        c, ch, it = drv.simplify_region(region)
        converged, changed, iterations = converged and c, changed or ch, max(iterations, it)
    result = GreedyRewriteResult(converged, changed, iterations,
                                 drv.num_rewrites if drv else 0, drv.num_folds if drv else 0,
                                 drv.num_erased if drv else 0)
    if not converged:
        where = root if isinstance(root, Operation) else root.parent
        result.diagnostic = Diagnostic(
            "warning", f"greedy pattern rewrite did not converge after {config.max_iterations} iterations",
            where.location if where is not None else None, op=where)
        if diagnostics is not None:
            diagnostics.emit(result.diagnostic)
    return result


def _with_scope(config: GreedyRewriteConfig, region: Region) -> GreedyRewriteConfig:
    from dataclasses import replace

    return replace(config, scope=region)


def apply_op_patterns_greedily(ops: Sequence[Operation], patterns: FrozenRewritePatternSet | Iterable[RewritePattern],
                               config: GreedyRewriteConfig | None = None) -> GreedyRewriteResult:
    """Simplify only ``ops`` (and, by default, ops created or changed while doing so) — MLIR's
    ``applyOpPatternsGreedily``; converged means the worklist emptied within the rewrite budget."""
    from dataclasses import replace

    config = config or GreedyRewriteConfig(strictness="existing-and-new")
    if not ops:
        return GreedyRewriteResult(True, False, 0)
    scope = config.scope
    if scope is None:
        scope = _common_region(ops)
    drv = GreedyPatternRewriteDriver(freeze(patterns), replace(config, scope=scope))
    if drv.strict is not None:
        drv.strict.update(ops)
    for op in ops:
        if drv.strict is None or op in drv.strict:
            drv.wl.setdefault(op)
    changed = drv.process_worklist()
    return GreedyRewriteResult(not drv.wl, changed, 1, drv.num_rewrites, drv.num_folds, drv.num_erased)


def _common_region(ops: Sequence[Operation]) -> Region | None:
    def chain(op: Operation) -> list[Region]:
        out = []
        r = op.parent_region
        while r is not None:
            out.append(r)
            p = r.parent
            r = p.parent_region if p is not None else None
        return out

    common = chain(ops[0])
    for op in ops[1:]:
        cs = set(chain(op))
        common = [r for r in common if r in cs]
    return common[0] if common else None


def collect_canonicalization_patterns(dialects: Iterable[Any]) -> list[RewritePattern]:
    """Every canonicalization pattern of the ops of ``dialects`` (and dialect-level ones, from a dialect's
    ``canonicalization_patterns`` attribute), as MLIR's canonicalizer collects them."""
    out: list[RewritePattern] = []
    for d in dialects:
        extra = getattr(d, "canonicalization_patterns", None)
        if extra:
            out.extend(extra() if callable(extra) else extra)
        for cls in d.ops.values():
            out.extend(cls.canonicalization_patterns())
    return out


__all__ = [
    "NO_LIMIT", "FrozenRewritePatternSet", "FunctionPattern", "GreedyPatternRewriteDriver", "GreedyRewriteConfig",
    "GreedyRewriteResult", "Listener", "OperationFolder", "PatternRewriter", "RewritePattern",
    "apply_op_patterns_greedily", "apply_patterns_greedily", "collect_canonicalization_patterns", "constant_operands",
    "constant_value", "erase_unreachable_blocks", "fold_operation", "freeze", "insertion_region", "is_constant_like",
    "rewrite_pattern", "run_region_dce", "simplify_regions",
]
