"""The IR verifier (MLIR's ``OperationVerifier``, mlir/lib/IR/Verifier.cpp).

For every operation: registered ops check their declared fields, traits and ``verify_()``; regions of ops that
need terminators must end every block with one; in SSACFG regions every operand's definition must dominate its
use (dominator trees by the Cooper–Harvey–Kennedy iterative algorithm, "A Simple, Fast Dominance Algorithm",
2001); graph regions (single-block, no terminator, e.g. ``builtin.module``) only need visibility.
Errors are raised as :class:`~mlir_py.diagnostics.VerifyError` with the op's location and notes.
"""

from __future__ import annotations

from .diagnostics import VerifyError
from .ir import Block, BlockArgument, Operation, OpResult, Region, Value
from .opdef import IsTerminator, NoTerminator, Op


class DominanceInfo:
    """Dominator trees of the CFG regions under an operation, computed lazily per region."""

    def __init__(self) -> None:
        self._idom: dict[Region, dict[Block, Block | None]] = {}
        self._rpo: dict[Region, dict[Block, int]] = {}

    def _compute(self, region: Region) -> dict[Block, Block | None]:
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
        idom: dict[Block, Block | None] = {entry: entry}
        preds = {b: [p for p in b.predecessors if p in index] for b in rpo}
        changed = True
        while changed:
            changed = False
            for b in rpo[1:]:
                new = None
                for p in preds[b]:
                    if p in idom:
                        if new is None:
                            new = p
                        else:
                            a, c = p, new
                            while a is not c:
                                while index[a] > index[c]:
                                    a = idom[a]  # type: ignore[assignment]
                                while index[c] > index[a]:
                                    c = idom[c]  # type: ignore[assignment]
                            new = a
                if new is not None and idom.get(b) is not new:
                    idom[b] = new
                    changed = True
        idom[entry] = None
        self._idom[region] = idom
        self._rpo[region] = index
        return idom

    def block_dominates(self, a: Block, b: Block) -> bool:
        """Whether block ``a`` dominates block ``b`` (same region); unreachable ``b`` is dominated by all."""
        if a is b:
            return True
        region = a.parent
        assert region is not None
        idom = self._compute(region)
        if b not in idom:
            return True
        cur: Block | None = b
        while cur is not None:
            if cur is a:
                return True
            cur = idom.get(cur)
        return False


def _is_graph_region(op: Operation) -> bool:
    return op.has_trait(NoTerminator) or not op.registered


def _ancestor_in(op: Operation, region: Region) -> Operation | None:
    cur: Operation | None = op
    while cur is not None and cur.parent_region is not region:
        cur = cur.parent_op
    return cur


class Verifier:
    def __init__(self) -> None:
        self.dom = DominanceInfo()

    def verify(self, root: Operation) -> None:
        """Raise the first :class:`VerifyError` found under ``root`` (pre-order, operands before regions)."""
        for op in root.walk(post_order=False):
            self.verify_op(op)

    def verify_op(self, op: Operation) -> None:
        if isinstance(op, Op) and op.registered:
            op.verify_fields()
            for t in op.traits:
                t.verify(op)
            op.verify_()
        for i, u in enumerate(op.op_operands):
            self._check_dominance(op, i, u.value)
        needs_term = op.registered and not op.has_trait(NoTerminator)
        for region in op.regions:
            for b in region.blocks:
                if b.parent is not region:
                    raise VerifyError("block has an invalid parent region", op)
                last = b.last_op
                if needs_term:
                    if last is None:
                        raise VerifyError("empty block: expect at least a terminator", op)
                    if last.registered and not last.has_trait(IsTerminator):
                        from .printer import Printer

                        text = Printer(generic=True).generic_op(last, 0) if not last.regions else last.name
                        raise VerifyError(f"block with no terminator, has {_result_prefix(last)}{text}", None,
                                          last.location)
                for o in b.ops:
                    if o is not last and o.has_trait(IsTerminator):
                        raise VerifyError("must be the last operation in the parent block", o)
            if len(region.blocks) > 1 and op.registered and op.has_trait(NoTerminator):
                raise VerifyError(f"expects graph region #{op.regions.index(region)} to have 0 or 1 blocks", op)
            for b in region.blocks[1:]:
                pass

    def _check_dominance(self, user: Operation, index: int, v: Value) -> None:
        if isinstance(v, OpResult):
            def_block = v.op.parent
            if def_block is None or def_block.parent is None:
                raise VerifyError(f"operand #{index} does not dominate this use", user)
            region = def_block.parent
            anc = _ancestor_in(user, region)
            if anc is None or anc is v.op:
                raise VerifyError(f"operand #{index} does not dominate this use", user)
            if region.parent is not None and _is_graph_region(region.parent):
                return
            if anc.parent is def_block:
                if not v.op.is_before_in_block(anc):
                    err = VerifyError(f"operand #{index} does not dominate this use", user)
                    err.diagnostic.attach_note("operand defined here (op in the same block)", v.op.location)
                    raise err
                return
            assert anc.parent is not None
            if not self.dom.block_dominates(def_block, anc.parent):
                err = VerifyError(f"operand #{index} does not dominate this use", user)
                err.diagnostic.attach_note("operand defined here (op in a parent region)" if False else
                                           "operand defined here (op in another block)", v.op.location)
                raise err
        elif isinstance(v, BlockArgument):
            blk = v.block
            if blk.parent is None:
                raise VerifyError(f"operand #{index} does not dominate this use", user)
            anc = _ancestor_in(user, blk.parent)
            if anc is None:
                raise VerifyError(f"operand #{index} does not dominate this use", user)
            if blk.parent.parent is not None and _is_graph_region(blk.parent.parent):
                return
            assert anc.parent is not None
            if not self.dom.block_dominates(blk, anc.parent):
                raise VerifyError(f"operand #{index} does not dominate this use", user)
        else:
            raise VerifyError(f"operand #{index} is not a valid value", user)


def _result_prefix(op: Operation) -> str:
    return "%0 = " if op.results else ""


def verify(op: Operation) -> None:
    """Verify ``op`` and everything nested in it; raises :class:`VerifyError`."""
    Verifier().verify(op)
