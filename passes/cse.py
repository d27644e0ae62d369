"""``cse``: eliminate common sub-expressions, dominance-aware and effect-aware.

Follows mlir/lib/Transforms/CSE.cpp. Each region is walked along its dominator tree with a scoped hash table of the
ops seen so far (a scope per block, so an op only ever reuses a value that dominates it); ops nested in regions see
the enclosing scopes unless their parent is isolated from above, which starts a fresh table. Two ops are equal
when they have the same name, properties, attributes, result types and operands (operands as a multiset for
``Commutative`` ops) and structurally equal regions (MLIR's ``OperationEquivalence`` ignoring locations).

Effects (mlir_py.interfaces): memory-effect-free ops merge freely; ops that only read merge with an equal earlier
read of the same block when no op in between may write (unknown effects count as writes); any other op — writes,
allocations, unknown effects such as unregistered ops or calls — is never merged. Terminators are never merged,
ops with multi-block regions neither. Trivially dead ops met on the way are erased. In graph regions (no SSA
dominance, e.g. ``builtin.module``) only uses not yet visited are redirected, as MLIR does.
"""

from __future__ import annotations

from typing import Any

from mlir_py.attributes import UnknownLoc
from mlir_py.interfaces import (
    WRITE,
    get_effects_recursively,
    has_ssa_dominance,
    is_memory_effect_free,
    is_trivially_dead,
    only_reads,
)
from mlir_py.ir import Block, Operation, Region
from mlir_py.opdef import Commutative, IsolatedFromAbove, IsTerminator
from mlir_py.pass_manager import Pass, register_pass
from mlir_py.verifier import DominanceInfo

_MISSING = object()


class _ScopedMap:
    """A hash table with nested scopes; leaving a scope restores the entries it shadowed (``ScopedHashTable``)."""

    __slots__ = ("table", "undo")

    def __init__(self) -> None:
        self.table: dict[Any, Operation] = {}
        self.undo: list[list[tuple[Any, Any]]] = []

    def push(self) -> None:
        self.undo.append([])

    def pop(self) -> None:
        table = self.table
        for key, prev in reversed(self.undo.pop()):
            if prev is _MISSING:
                del table[key]
            else:
                table[key] = prev

    def insert(self, key: Any, op: Operation) -> None:
        self.undo[-1].append((key, self.table.get(key, _MISSING)))
        self.table[key] = op


class _RegionKey:
    """Hash/equality of an op's regions up to renaming of the values they define (``isRegionEquivalentTo``)."""

    __slots__ = ("op", "_h")

    def __init__(self, op: Operation):
        self.op = op
        self._h = hash(tuple((len(r.blocks), tuple(o.name for b in r.blocks for o in b.ops)) for r in op.regions))

    def __hash__(self) -> int:
        return self._h

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _RegionKey) and _regions_equivalent(self.op, other.op, {})


def _ops_equivalent(a: Operation, b: Operation, vmap: dict[Any, Any]) -> bool:
    if (a.name != b.name or a.properties != b.properties or a.attributes != b.attributes
            or a.result_types != b.result_types or len(a._operands) != len(b._operands)
            or len(a.regions) != len(b.regions)):
        return False
    for x, y in zip(a._operands, b._operands):
        if vmap.get(x.value, x.value) is not y.value:
            return False
    if [vmap.get(s, s) for s in a.successors] != b.successors:
        return False
    if not _regions_equivalent(a, b, vmap):
        return False
    for x, y in zip(a.results, b.results):  # type: ignore[assignment]
        vmap[x] = y
    return True


def _regions_equivalent(a: Operation, b: Operation, vmap: dict[Any, Any]) -> bool:
    for ra, rb in zip(a.regions, b.regions):
        if len(ra.blocks) != len(rb.blocks):
            return False
        for ba, bb in zip(ra.blocks, rb.blocks):
            if ba.arg_types != bb.arg_types or len(ba) != len(bb):
                return False
            vmap[ba] = bb
            for x, y in zip(ba.args, bb.args):
                vmap[x] = y
        for ba, bb in zip(ra.blocks, rb.blocks):
            for oa, ob in zip(ba.ops, bb.ops):
                if not _ops_equivalent(oa, ob, vmap):
                    return False
    return True


_COMMUTATIVE: dict[type, bool] = {}


def op_key(op: Operation) -> tuple[Any, ...]:
    """The CSE identity of ``op`` (locations ignored; commutative operands as a multiset)."""
    cls = type(op)
    comm = _COMMUTATIVE.get(cls)
    if comm is None:
        comm = _COMMUTATIVE[cls] = any(isinstance(t, Commutative) for t in getattr(cls, "traits", ()))
    props, attrs = op.properties, op.attributes
    p = tuple(props.items()) if len(props) < 2 else tuple(sorted(props.items(), key=lambda kv: kv[0]))
    a = tuple(attrs.items()) if len(attrs) < 2 else tuple(sorted(attrs.items(), key=lambda kv: kv[0]))
    operands = tuple([o.value for o in op._operands])
    if comm:
        operands = tuple(sorted(operands, key=id))
    key: tuple[Any, ...] = (op.name, p, a, tuple([r.type for r in op.results]), operands)
    if op._successors:
        key += (tuple(op.successors),)
    if op.regions:
        key += (_RegionKey(op),)
    return key


def dominator_tree(region: Region) -> dict[Block, list[Block]]:
    """Children lists of the dominator tree of ``region``'s reachable blocks, in reverse post-order (the
    verifier's :class:`~mlir_py.verifier.DominanceInfo`); the entry block is the root."""
    return DominanceInfo().children(region)


class CSEDriver:
    """One CSE run (MLIR's ``CSEDriver``); ``num_cse`` / ``num_dce`` count merged and erased ops."""

    def __init__(self) -> None:
        self.to_erase: list[Operation] = []
        self.num_cse = 0
        self.num_dce = 0
        # per block: existing read op -> (op scanned up to, a write was found)
        self._mem_cache: dict[Operation, tuple[Operation | None, bool]] = {}
        self._info: dict[type, tuple[bool, bool]] = {}

    def run(self, op: Operation) -> bool:
        known = _ScopedMap()
        for r in op.regions:
            self.simplify_region(known, r)
        for dead in self.to_erase:
            dead.erase(safe=False)
        return bool(self.to_erase)

    def simplify_region(self, known: _ScopedMap, region: Region) -> None:
        if not region.blocks:
            return
        ssa = has_ssa_dominance(region)
        if len(region.blocks) == 1:
            known.push()
            self.simplify_block(known, region.blocks[0], ssa)
            known.pop()
            return
        if not ssa:
            return
        children = dominator_tree(region)
        stack: list[tuple[Block, int]] = [(region.blocks[0], 0)]
        known.push()
        self.simplify_block(known, region.blocks[0], ssa)
        while stack:
            blk, i = stack[-1]
            kids = children[blk]
            if i < len(kids):
                stack[-1] = (blk, i + 1)
                child = kids[i]
                stack.append((child, 0))
                known.push()
                self.simplify_block(known, child, ssa)
            else:
                stack.pop()
                known.pop()

    def simplify_block(self, known: _ScopedMap, blk: Block, ssa: bool) -> None:
        info = self._info
        cur = blk._first
        while cur is not None:
            nxt = cur._next
            if cur.regions:
                cls_info = self._class_info(cur)
                if cls_info[1]:
                    nested = _ScopedMap()
                    for r in cur.regions:
                        self.simplify_region(nested, r)
                else:
                    for r in cur.regions:
                        self.simplify_region(known, r)
            ci = info.get(type(cur)) or self._class_info(cur)
            if not ci[0]:
                self.simplify_operation(known, cur, ssa)
            cur = nxt
        self._mem_cache.clear()

    def _class_info(self, op: Operation) -> tuple[bool, bool]:
        """(terminator, isolated from above) — unregistered ops might be either."""
        cls = type(op)
        traits = getattr(cls, "traits", ())
        reg = getattr(cls, "registered", False)
        ci = (reg and any(isinstance(t, IsTerminator) for t in traits),
              not reg or any(isinstance(t, IsolatedFromAbove) for t in traits))
        self._info[cls] = ci
        return ci

    def simplify_operation(self, known: _ScopedMap, op: Operation, ssa: bool) -> bool:
        if is_trivially_dead(op):
            self.to_erase.append(op)
            self.num_dce += 1
            return True
        for r in op.regions:
            if len(r.blocks) > 1:
                return False
        if not is_memory_effect_free(op):
            # only ops that merely read are merged, and only across ops that cannot write
            if not only_reads(op):
                return False
            key = op_key(op)
            existing = known.table.get(key)
            if existing is not None and existing.parent is op.parent and not self._write_between(existing, op):
                self._replace(known, op, existing, ssa)
                return True
            known.insert(key, op)
            return False
        key = op_key(op)
        existing = known.table.get(key)
        if existing is not None:
            self._replace(known, op, existing, ssa)
            return True
        known.insert(key, op)
        return False

    def _write_between(self, first: Operation, last: Operation) -> bool:
        """Whether an op strictly between ``first`` and ``last`` (same block) may write (``hasOtherSideEffecting
        OpInBetween``, with its per-block cache so that scans do not repeat)."""
        cached = self._mem_cache.get(first)
        cur: Operation | None
        if cached is not None:
            start, wrote = cached
            if wrote:
                return True
            cur = start
        else:
            cur = first._next
        while cur is not None and cur is not last:
            effects = get_effects_recursively(cur)
            if effects is None or any(e.kind == WRITE for e in effects):
                self._mem_cache[first] = (cur, True)
                return True
            cur = cur._next
        self._mem_cache[first] = (last, False)
        return False

    def _replace(self, known: _ScopedMap, op: Operation, existing: Operation, ssa: bool) -> None:
        if ssa:
            for r, e in zip(op.results, existing.results):
                for use in list(r._uses):
                    use.set(e)
            self.to_erase.append(op)
        else:
            visited = set(known.table.values())
            for r, e in zip(op.results, existing.results):
                for use in list(r._uses):
                    if use.owner not in visited:
                        use.set(e)
            if not any(r._uses for r in op.results):
                self.to_erase.append(op)
        if isinstance(existing.location, UnknownLoc) and not isinstance(op.location, UnknownLoc):
            existing.location = op.location
        self.num_cse += 1


def eliminate_common_subexpressions(op: Operation) -> CSEDriver:
    """Run CSE on everything nested in ``op``; returns the driver (``num_cse``, ``num_dce``)."""
    drv = CSEDriver()
    drv.run(op)
    return drv


@register_pass
class CSEPass(Pass):
    """Eliminate common sub-expressions (MLIR's ``-cse``): see the module docstring for what may merge."""

    argument = "cse"
    summary = "Eliminate common sub-expressions"
    name = "CSE"
    statistic_defs = {"num-cse": "Number of operations CSE'd", "num-dce": "Number of operations DCE'd"}

    def run_on_operation(self, op: Operation) -> None:
        drv = eliminate_common_subexpressions(op)
        self.statistics["num-cse"] += drv.num_cse
        self.statistics["num-dce"] += drv.num_dce
