"""``loop-invariant-code-motion``: hoist loop-invariant, side-effect-free, speculatable ops out of loops.

Follows MLIR's LICM (mlir/lib/Transforms/LoopInvariantCodeMotion.cpp and
mlir/lib/Transforms/Utils/LoopInvariantCodeMotionUtils.cpp, ``moveLoopInvariantCode``): every op implementing
the loop interface (``scf.for``, ``scf.while``, ``scf.parallel``, ``scf.forall``: ``get_loop_regions``) is
visited in post order — inner loops first, so code hoisted out of an inner loop can leave the outer one too. For
each loop region a worklist starts with the region's top-level ops; an op moves right before the loop when

* it is not a terminator and every value it uses (nested regions included) is defined outside the region, and
* it is memory-effect free and speculatable (``mlir_py.interfaces.is_memory_effect_free``, nested ops included,
  and the ``speculatable()`` hook: ``arith.divsi`` by a value that may be zero stays in the loop, since a loop
  that runs zero times must not trap).

When an op moves, its users at the top level of the region are queued again.
"""

from __future__ import annotations

from collections import deque

from mlir_py.attributes import IntegerAttr
from mlir_py.interfaces import is_loop_like, is_memory_effect_free
from mlir_py.ir import Operation, Region, Value
from mlir_py.opdef import IsTerminator
from mlir_py.pass_manager import Pass, register_pass
from mlir_py.rewrite import constant_value

# integer division and remainder trap on a zero divisor (signed ones also on MIN / -1): MLIR's
# ``getDivUISpeculatability`` / ``getDivSISpeculatability`` (mlir/lib/Dialect/Arith/IR/ArithOps.cpp)
_DIV_UNSIGNED = {"arith.divui", "arith.ceildivui", "arith.remui"}
_DIV_SIGNED = {"arith.divsi", "arith.ceildivsi", "arith.floordivsi", "arith.remsi"}


def _speculatable(op: Operation) -> bool:
    """MLIR's ``isSpeculatable`` (recursively for ops with regions)."""
    spec = getattr(op, "speculatable", None)
    if callable(spec) and not spec():
        return False
    if op.name in _DIV_UNSIGNED or op.name in _DIV_SIGNED:
        c = constant_value(op.operands[1])
        if not isinstance(c, IntegerAttr) or c.value == 0:
            return False
        if op.name in _DIV_SIGNED and c.value == -1:
            return False
    return all(_speculatable(n) for r in op.regions for b in r.blocks for n in b.ops)


def _defined_outside(v: Value, region: Region) -> bool:
    blk = v.parent_block
    while blk is not None:
        if blk.parent is region:
            return False
        owner = blk.parent_op
        if owner is None:
            return True
        blk = owner.parent
    return True


def _uses_only_outside(op: Operation, region: Region) -> bool:
    """Every operand of ``op`` and of its nested ops that is defined outside ``op`` comes from outside ``region``."""
    for nested in op.walk():
        for v in nested.operands:
            blk = v.parent_block
            inside_op = False
            while blk is not None:
                owner = blk.parent_op
                if owner is op:
                    inside_op = True
                    break
                if owner is None:
                    break
                blk = owner.parent
            if not inside_op and not _defined_outside(v, region):
                return False
    return True


def move_loop_invariant_code(loop: Operation) -> int:
    """Hoist the invariant ops of every loop region of ``loop`` before it; returns how many moved."""
    moved = 0
    for region in loop.get_loop_regions():  # type: ignore[attr-defined]
        work: deque[Operation] = deque(op for b in region.blocks for op in b.ops)
        while work:
            op = work.popleft()
            blk = op.parent
            if blk is None or blk.parent is not region or region is None:
                continue
            if op.has_trait(IsTerminator) or not _uses_only_outside(op, region):
                continue
            if not is_memory_effect_free(op) or not _speculatable(op):
                continue
            op.move_before(loop)
            moved += 1
            for r in op.results:
                for use in r.uses:
                    u = use.owner
                    if u.parent is not None and u.parent.parent is region:
                        work.append(u)
    return moved


@register_pass
class LoopInvariantCodeMotionPass(Pass):
    """Hoist loop-invariant, memory-effect-free and speculatable ops out of every loop, inner loops first (see the
    module docstring)."""

    argument = "loop-invariant-code-motion"
    summary = "Hoist loop invariant instructions outside of the loop"
    name = "LoopInvariantCodeMotion"
    statistic_defs = {"num-hoisted": "Number of ops hoisted out of loops"}

    def run_on_operation(self, op: Operation) -> None:
        for o in list(op.walk()):
            if is_loop_like(o) and o is not op:
                self.statistics["num-hoisted"] += move_loop_invariant_code(o)


__all__ = ["LoopInvariantCodeMotionPass", "move_loop_invariant_code"]
