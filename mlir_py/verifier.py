"""The IR verifier, after MLIR's ``OperationVerifier`` (mlir/lib/IR/Verifier.cpp) and ``DominanceInfo``.

Two passes over an operation, as MLIR does them:

1. **Structure** — a depth-first walk with an *entrance* and an *exit* visit per op and per block.
   Entering an op: registered ops check their declared fields, their (non-region) traits and ``verify_()``;
   registered ops with graph regions (``NoTerminator``) may have at most one block per region; an entry block may
   not have predecessors. Entering a block: it is empty only where no terminator is needed, and only its last op
   may have successors. Leaving a block: no branch into another region, and a terminator at the end unless the
   block may go without one (single-block region of a ``NoTerminator`` or unregistered op). Leaving an op: its
   isolated-from-above children are verified (structure, then dominance), then the region traits
   (``IsolatedFromAbove``, ``SymbolTable``) and the op's ``verify_regions_()`` hook (MLIR's ``verifyRegions``).
2. **Dominance** — in every reachable block, each operand must properly dominate its user. Regions of
   ``NoTerminator`` and unregistered ops are graph regions (MLIR's ``RegionKind::Graph``): any order inside the
   block, self-uses allowed. Dominator trees are computed per region by the Cooper–Harvey–Kennedy iterative
   algorithm ("A Simple, Fast Dominance Algorithm", 2001).

The first violation is raised as a :class:`~mlir_py.diagnostics.VerifyError` with MLIR's message text and notes.
"""

from __future__ import annotations

from .diagnostics import Diagnostic, VerifyError
from .ir import Block, BlockArgument, Operation, OpResult, Region, Value
from .opdef import IsolatedFromAbove, IsTerminator, NoTerminator, Op, SymbolTableTrait

#: traits that MLIR verifies after the op's regions (``verifyRegionTrait``)
_REGION_TRAITS = (IsolatedFromAbove, SymbolTableTrait)


def _error(op: Operation, message: str) -> VerifyError:
    """MLIR's ``op->emitError(message)``: at the op, without the ``'name' op`` prefix of ``emitOpError``."""
    err = VerifyError(message, None, op.location)
    err.diagnostic.op = op
    return err


def _has_ssa_dominance(region: Region) -> bool:
    """False for graph regions: those of ``NoTerminator`` ops (``builtin.module``) and of unregistered ops."""
    op = region.parent
    return op is None or (op.registered and not op.has_trait(NoTerminator))


def _may_lack_terminator(block: Block) -> bool:
    """MLIR's ``mayBeValidWithoutTerminator``: no region, or a single-block region of an op that might have
    ``NoTerminator`` (unregistered ops might have any trait)."""
    region = block.parent
    if region is None:
        return True
    if len(region.blocks) != 1:
        return False
    op = region.parent
    return op is None or not op.registered or op.has_trait(NoTerminator)


def _ancestor_in(op: Operation, region: Region) -> Operation | None:
    """The op in ``region`` that is or contains ``op`` (``Region::findAncestorOpInRegion``)."""
    cur: Operation | None = op
    while cur is not None:
        if cur.parent_region is region:
            return cur
        cur = cur.parent_op
    return None


def _ancestor_block_in(block: Block, region: Region) -> Block | None:
    """The block of ``region`` that is or contains ``block`` (``Region::findAncestorBlockInRegion``)."""
    cur: Block | None = block
    while cur is not None:
        if cur.parent is region:
            return cur
        op = cur.parent_op
        cur = op.parent if op is not None else None
    return None


def _is_proper_ancestor(a: Region, b: Region) -> bool:
    """Whether region ``a`` strictly contains region ``b``."""
    op = b.parent
    while op is not None:
        r = op.parent_region
        if r is a:
            return True
        if r is None:
            return False
        op = r.parent
    return False


class DominanceInfo:
    """Dominator trees of the CFG regions under an operation, computed lazily per region."""

    def __init__(self) -> None:
        self._idom: dict[Region, dict[Block, Block | None]] = {}

    def _tree(self, region: Region) -> dict[Block, Block | None]:
        """Immediate dominators of the blocks reachable from the entry (the entry maps to None)."""
        got = self._idom.get(region)
        if got is not None:
            return got
        entry = region.blocks[0]
        order: list[Block] = []
        seen = {entry}
        stack: list[tuple[Block, int]] = [(entry, 0)]
        while stack:  # iterative DFS post-order
            b, i = stack.pop()
            succ = b.successors
            if i < len(succ):
                stack.append((b, i + 1))
                s = succ[i]
                if s not in seen and s.parent is region:
                    seen.add(s)
                    stack.append((s, 0))
            else:
                order.append(b)
        rpo = list(reversed(order))
        index = {b: i for i, b in enumerate(rpo)}
        idom: dict[Block, Block] = {entry: entry}
        preds = {b: [p for p in b.predecessors if p in index] for b in rpo}
        changed = True
        while changed:
            changed = False
            for b in rpo[1:]:
                new: Block | None = None
                for p in preds[b]:
                    if p not in idom:
                        continue
                    if new is None:
                        new = p
                        continue
                    x, y = p, new
                    while x is not y:
                        while index[x] > index[y]:
                            x = idom[x]
                        while index[y] > index[x]:
                            y = idom[y]
                    new = x
                if new is not None and idom.get(b) is not new:
                    idom[b] = new
                    changed = True
        tree: dict[Block, Block | None] = dict(idom)
        tree[entry] = None
        self._idom[region] = tree
        return tree

    def children(self, region: Region) -> dict[Block, list[Block]]:
        """Children lists of the dominator tree of ``region``'s reachable blocks, each list in reverse post-order
        (Cooper, Harvey and Kennedy, "A Simple, Fast Dominance Algorithm"); the entry block is the root."""
        tree = self._tree(region)
        out: dict[Block, list[Block]] = {b: [] for b in tree}
        for b, parent in tree.items():
            if parent is not None:
                out[parent].append(b)
        return out

    def is_reachable(self, block: Block) -> bool:
        region = block.parent
        return region is None or block in self._tree(region)

    def _tree_properly_dominates(self, a: Block, b: Block) -> bool:
        """Same region, ``a`` is not ``b``: an unreachable ``b`` is dominated by everything, an unreachable ``a``
        dominates nothing (LLVM's ``DominatorTree``)."""
        assert a.parent is not None
        tree = self._tree(a.parent)
        if b not in tree:
            return True
        if a not in tree:
            return False
        cur = tree[b]
        while cur is not None:
            if cur is a:
                return True
            cur = tree[cur]
        return False

    def block_properly_dominates(self, a: Block, b: Block) -> bool:
        if a is b:
            return a.parent is not None and not _has_ssa_dominance(a.parent)
        region = a.parent
        if region is None:
            return False
        if region is not b.parent:
            anc = _ancestor_block_in(b, region)
            if anc is None:
                return False
            if anc is a:
                return True
            b = anc
        return self._tree_properly_dominates(a, b)

    def block_dominates(self, a: Block, b: Block) -> bool:
        return a is b or self.block_properly_dominates(a, b)

    def op_properly_dominates(self, a: Operation, b: Operation, enclosing_ok: bool = True) -> bool:
        a_block, b_block = a.parent, b.parent
        if a_block is None or b_block is None or a_block.parent is None:
            return False
        if a is b:
            return not _has_ssa_dominance(a_block.parent)
        region = a_block.parent
        if b_block.parent is not region:
            anc = _ancestor_in(b, region)
            if anc is None:
                return False
            if anc is a:
                return enclosing_ok
            b, b_block = anc, anc.parent  # type: ignore[assignment]
        if a_block is b_block:
            return a.is_before_in_block(b) if _has_ssa_dominance(region) else True
        return self._tree_properly_dominates(a_block, b_block)  # type: ignore[arg-type]

    def value_properly_dominates(self, v: Value, user: Operation) -> bool:
        if isinstance(v, BlockArgument):
            return user.parent is not None and self.block_dominates(v.block, user.parent)
        if isinstance(v, OpResult):
            return self.op_properly_dominates(v.op, user, enclosing_ok=False)
        return False


def _dominance_error(user: Operation, index: int, v: Value) -> VerifyError:
    """MLIR's ``diagnoseInvalidOperandDominance``: the error and a note saying where the operand comes from."""
    err = _error(user, f"operand #{index} does not dominate this use")
    diag: Diagnostic = err.diagnostic
    r1 = user.parent_region
    if isinstance(v, OpResult):
        d = v.op
        r2 = d.parent_region
        if d.parent is not None and d.parent is user.parent:
            where = "op in the same block"
        elif r1 is not None and r1 is r2:
            where = "op in the same region"
        elif r1 is not None and r2 is not None and _is_proper_ancestor(r2, r1):
            where = "op in a parent region"
        elif r1 is not None and r2 is not None and _is_proper_ancestor(r1, r2):
            where = "op in a child region"
        else:
            where = "op is neither in a parent nor in a child region"
        diag.attach_note(f"operand defined here ({where})", d.location)
    elif isinstance(v, BlockArgument):
        owner = v.block
        r2 = owner.parent
        owner_op = owner.parent_op
        note_loc = owner_op.location if owner_op is not None else None
        if r2 is None:
            diag.attach_note(" (block without parent)", note_loc)
        else:
            if r1 is r2:
                where = "in the same region"
            elif r1 is not None and _is_proper_ancestor(r2, r1):
                where = "in a parent region"
            elif r1 is not None and _is_proper_ancestor(r1, r2):
                where = "in a child region"
            else:
                where = "neither in a parent nor in a child region"
            diag.attach_note(f"operand defined as a block argument (block #{r2.blocks.index(owner)} {where})",
                             note_loc)
    return err


def _verify_all_types_match(op: Op) -> None:
    """The ``all_types_match`` groups of an op definition (MLIR's ``AllTypesMatch`` constraint): the named
    operands and results have one type."""
    for group in getattr(op, "all_types_match", ()):
        types = []
        for name in group:
            v = getattr(op, name, None)
            for x in v if isinstance(v, list) else [v]:
                if isinstance(x, Value):
                    types.append(x.type)
        if any(t != types[0] for t in types[1:]):
            raise VerifyError(f"failed to verify that all of {{{', '.join(group)}}} have same type", op)


class Verifier:
    def __init__(self) -> None:
        self.dom = DominanceInfo()

    def verify(self, root: Operation) -> None:
        """Raise the first :class:`VerifyError` found under ``root`` (structure first, then dominance)."""
        self._verify_structure(root)
        if root.regions:
            self._verify_dominance(root)

    # --- structure ----------------------------------------------------------------------------------------------
    def _verify_structure(self, root: Operation) -> None:
        # work items: (op or block, is_exit)
        work: list[tuple[Operation | Block, bool]] = [(root, False)]
        while work:
            item, is_exit = work.pop()
            if isinstance(item, Block):
                if is_exit:
                    self._exit_block(item)
                    continue
                self._enter_block(item)
                work.append((item, True))
                for o in reversed(list(item.ops)):
                    if not (o.regions and o.has_trait(IsolatedFromAbove)):
                        work.append((o, False))
                continue
            if is_exit:
                self._exit_op(item)
                continue
            self._enter_op(item)
            work.append((item, True))
            for region in reversed(item.regions):
                for b in reversed(region.blocks):
                    work.append((b, False))

    def _enter_op(self, op: Operation) -> None:
        if op.registered and isinstance(op, Op):
            op.verify_fields()
            _verify_all_types_match(op)
            for t in op.traits:
                if not isinstance(t, _REGION_TRAITS):
                    t.verify(op)
            op.verify_()
        graph = op.registered and op.has_trait(NoTerminator)
        for i, region in enumerate(op.regions):
            if graph and len(region.blocks) > 1:
                raise VerifyError(f"expects graph region #{i} to have 0 or 1 blocks", op)
            for b in region.blocks:
                if b.parent is not region:
                    raise VerifyError("block has an invalid parent region", op)
            if region.blocks and region.blocks[0].predecessors:
                raise _error(op, "entry block of region may not have predecessors")

    def _enter_block(self, block: Block) -> None:
        for i, a in enumerate(block.args):
            if a.block is not block or a.index != i:
                raise VerifyError("block argument not owned by block", None, a.location)
        last = block.last_op
        if last is None:
            if _may_lack_terminator(block):
                return
            assert block.parent is not None and block.parent.parent is not None
            raise _error(block.parent.parent, "empty block: expect at least a terminator")
        for o in block.ops:
            if o.successors and o is not last:
                raise _error(o, "operation with block successors must terminate its parent block")

    def _exit_block(self, block: Block) -> None:
        last = block.last_op
        if last is None:
            return
        for s in last.successors:
            if s.parent is not block.parent:
                raise VerifyError("branching to block of a different region", last)
        if _may_lack_terminator(block):
            return
        if last.registered and not last.has_trait(IsTerminator):
            from .diagnostics import op_in_context

            raise _error(last, f"block with no terminator, has {op_in_context(last)}")

    def _exit_op(self, op: Operation) -> None:
        for region in op.regions:
            for b in region.blocks:
                for o in b.ops:
                    if o.regions and o.has_trait(IsolatedFromAbove):
                        self.verify(o)
        if op.registered:
            for t in op.traits:
                if isinstance(t, _REGION_TRAITS):
                    t.verify(op)
            # MLIR's ``verifyRegions()`` / interfaces with ``verifyWithRegions``: after the nested ops
            hook = getattr(op, "verify_regions_", None)
            if hook is not None:
                hook()

    # --- dominance ----------------------------------------------------------------------------------------------
    def _verify_dominance(self, root: Operation) -> None:
        dom = self.dom
        work = [root]
        while work:
            op = work.pop()
            for region in op.regions:
                ssa = _has_ssa_dominance(region)
                for block in region.blocks:
                    reachable = dom.is_reachable(block) if ssa and len(region.blocks) > 1 else True
                    for o in block.ops:
                        if reachable:
                            for i, u in enumerate(o.op_operands):
                                v = u.value
                                # fast path: a value of an earlier op of the same block, or an argument of the block
                                if isinstance(v, OpResult):
                                    d = v.op
                                    if d.parent is block and d is not o and (not ssa or d.is_before_in_block(o)):
                                        continue
                                elif isinstance(v, BlockArgument) and v.block is block:
                                    continue
                                if not dom.value_properly_dominates(v, o):
                                    raise _dominance_error(o, i, v)
                        if o.regions and not o.has_trait(IsolatedFromAbove):
                            work.append(o)


def verify(op: Operation) -> None:
    """Verify ``op`` and everything nested in it; raises :class:`VerifyError`."""
    Verifier().verify(op)


__all__ = ["DominanceInfo", "Verifier", "verify"]
