"""Interfaces that transformations query: memory effects, speculation, region control flow, loops.

MLIR models these as op interfaces (mlir/include/mlir/Interfaces/SideEffectInterfaces.td,
ControlFlowInterfaces.td, LoopLikeInterface.td; mlir/lib/Interfaces/SideEffectInterfaces.cpp). mlir-py derives
them from traits, with an optional per-op hook where a trait cannot say enough:

- **Memory effects** — a list of :class:`EffectInstance` (``read`` / ``write`` / ``allocate`` / ``free`` on a named
  resource, optionally on a value). ``Pure`` / ``NoMemoryEffect`` ops have none; a ``MemoryEffects(...)`` trait
  declares them; an op class may define ``get_effects(self) -> list[EffectInstance]`` when effects depend on
  operands (``memref.load`` reads *its* memref); :class:`RecursiveMemoryEffects` ops have the union of the effects
  of their nested ops (``scf.for``, ``scf.if``). Anything else — unregistered ops, ``func.call`` — has *unknown*
  effects (:func:`get_memory_effects` returns ``None``) and is treated as reading and writing everything.
- **Trivial deadness** (MLIR's ``wouldOpBeTriviallyDead``): not a terminator, not a symbol, and every effect —
  recursively — is a read or an allocation of one of its own results.
- **Region control flow and loops** — light :class:`typing.Protocol` s that ops implement by defining the methods
  (``scf.if``/``scf.for`` later); passes test for them with :func:`is_region_branch_op` / :func:`is_loop_like`.

Classification of an op *class* is computed once and cached, so the per-op queries that the greedy driver, CSE
and DCE make on every operation cost a dictionary lookup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple, Protocol, runtime_checkable

from .opdef import IsTerminator, MemoryEffects, OpTrait, Pure, Symbol

if TYPE_CHECKING:
    from .ir import Block, Operation, OpOperand, Region, Value

READ, WRITE, ALLOCATE, FREE = "read", "write", "allocate", "free"
EFFECT_KINDS = (READ, WRITE, ALLOCATE, FREE)
#: the resource of effects that do not name one (MLIR's ``DefaultResource``)
DEFAULT_RESOURCE = "default"


class EffectInstance(NamedTuple):
    """One memory effect: ``kind`` on ``resource``, on ``value`` when the affected value is known."""

    kind: str
    resource: str = DEFAULT_RESOURCE
    value: Value | None = None


class RecursiveMemoryEffects(OpTrait):
    """The op's effects are those of the ops nested in its regions (MLIR's ``RecursiveMemoryEffects``)."""


# --- classification of op classes ------------------------------------------------------------------------------

_NONE, _STATIC, _HOOK, _UNKNOWN = 0, 1, 2, 3


class _ClassInfo(NamedTuple):
    kind: int  # _NONE (no own effects), _STATIC (declared), _HOOK (get_effects), _UNKNOWN
    effects: tuple[EffectInstance, ...]
    recursive: bool
    terminator: bool
    symbol: bool


_CLASS_INFO: dict[type, _ClassInfo] = {}


def _classify(cls: type) -> _ClassInfo:
    traits: Sequence[OpTrait] = getattr(cls, "traits", ())
    recursive = any(isinstance(t, RecursiveMemoryEffects) for t in traits)
    terminator = any(isinstance(t, IsTerminator) for t in traits)
    symbol = any(isinstance(t, Symbol) for t in traits)
    declared = [t for t in traits if isinstance(t, MemoryEffects)]
    effects: tuple[EffectInstance, ...] = ()
    if callable(getattr(cls, "get_effects", None)):
        kind = _HOOK
    elif declared:
        kind = _STATIC
        effects = tuple(EffectInstance(k, r) for t in declared for k, r in t.effects)
        if not effects:
            kind = _NONE
    elif any(isinstance(t, Pure) for t in traits):
        kind = _NONE
    elif recursive:
        kind = _NONE
    else:
        kind = _UNKNOWN
    if not getattr(cls, "registered", False):
        kind, terminator = _UNKNOWN, True  # an unregistered op might be anything (MLIR's ``mightHaveTrait``)
    info = _ClassInfo(kind, effects, recursive, terminator, symbol)
    _CLASS_INFO[cls] = info
    return info


def _info(op: Operation) -> _ClassInfo:
    cls = type(op)
    info = _CLASS_INFO.get(cls)
    return info if info is not None else _classify(cls)


def _own_effects(op: Operation, info: _ClassInfo) -> list[EffectInstance] | None:
    if info.kind == _NONE:
        return []
    if info.kind == _STATIC:
        return list(info.effects)
    if info.kind == _HOOK:
        return list(op.get_effects())  # type: ignore[attr-defined]
    return None


# --- queries ---------------------------------------------------------------------------------------------------


def has_recursive_memory_effects(op: Operation) -> bool:
    return _info(op).recursive


def get_memory_effects(op: Operation) -> list[EffectInstance] | None:
    """The op's own effects (nested ops excluded), or ``None`` when unknown (MLIR's ``getEffects`` on the
    ``MemoryEffectOpInterface``, absent interface = unknown)."""
    return _own_effects(op, _info(op))


def get_effects_recursively(op: Operation) -> list[EffectInstance] | None:
    """The op's effects including those of nested ops of :class:`RecursiveMemoryEffects` ops, ``None`` if any is
    unknown (MLIR's ``getEffectsRecursively``)."""
    out: list[EffectInstance] = []
    stack = [op]
    while stack:
        cur = stack.pop()
        info = _info(cur)
        if info.recursive:
            for r in cur.regions:
                for b in r.blocks:
                    stack.extend(b.ops)
        own = _own_effects(cur, info)
        if own is None:
            if not info.recursive:
                return None
        else:
            out.extend(own)
    return out


def is_memory_effect_free(op: Operation) -> bool:
    """No effects, nested ones included for :class:`RecursiveMemoryEffects` ops (MLIR's ``isMemoryEffectFree``)."""
    info = _info(op)
    if info.kind == _UNKNOWN:
        if not info.recursive:
            return False
    elif info.kind != _NONE and _own_effects(op, info):
        return False
    if not info.recursive:
        return True
    for r in op.regions:
        for b in r.blocks:
            for nested in b.ops:
                if not is_memory_effect_free(nested):
                    return False
    return True


def only_has_effect(op: Operation, kind: str) -> bool:
    """The op's own effects are known and all of ``kind`` (MLIR's ``onlyHasEffect<...>``)."""
    effects = get_memory_effects(op)
    return effects is not None and all(e.kind == kind for e in effects)


def only_reads(op: Operation) -> bool:
    """The op declares its own effects (a ``MemoryEffects`` trait or ``get_effects``), has no recursive ones, and
    every effect is a read — what CSE may merge across ops that do not write (MLIR: a
    ``MemoryEffectOpInterface`` whose ``onlyHasEffect<Read>()``)."""
    info = _info(op)
    if info.kind not in (_STATIC, _HOOK) or info.recursive:
        return False
    effects = _own_effects(op, info)
    return effects is not None and all(e.kind == READ for e in effects)


def has_effect(op: Operation, kind: str, resource: str | None = None) -> bool:
    """The op may have an effect of ``kind`` (on ``resource`` when given); unknown effects count as all."""
    effects = get_effects_recursively(op)
    if effects is None:
        return True
    return any(e.kind == kind and (resource is None or e.resource == resource) for e in effects)


def is_pure(op: Operation) -> bool:
    """Memory-effect free and speculatable (MLIR's ``isPure``); ops may refine speculation with a
    ``speculatable(self) -> bool`` method (``arith.divsi`` by a non-constant is not)."""
    if not is_memory_effect_free(op):
        return False
    spec = getattr(op, "speculatable", None)
    return bool(spec()) if callable(spec) else True


def would_op_be_trivially_dead(op: Operation) -> bool:
    """Erasable if its results were unused: not a terminator or symbol, and every effect — nested ones of
    :class:`RecursiveMemoryEffects` ops included — is a read or allocates one of its own results (MLIR's
    ``wouldOpBeTriviallyDead``)."""
    info = _info(op)
    if info.terminator or info.symbol:
        return False
    if info.kind == _NONE and not info.recursive:
        return True
    stack = [op]
    while stack:
        cur = stack.pop()
        ci = _info(cur)
        if ci.recursive:
            for r in cur.regions:
                for b in r.blocks:
                    stack.extend(b.ops)
        effects = _own_effects(cur, ci)
        if effects is None:
            if ci.recursive:
                continue
            return False
        allocated = {id(e.value) for e in effects
                     if e.kind == ALLOCATE and e.value is not None and getattr(e.value, "op", None) is cur}
        if not all(e.kind == READ or (e.value is not None and id(e.value) in allocated) for e in effects):
            return False
    return True


def is_trivially_dead(op: Operation) -> bool:
    """No result is used and :func:`would_op_be_trivially_dead` (MLIR's ``isOpTriviallyDead``)."""
    for r in op.results:
        if r._uses:
            return False
    return would_op_be_trivially_dead(op)


# --- regions: SSA dominance ------------------------------------------------------------------------------------


def has_ssa_dominance(region: Region) -> bool:
    """Whether values in ``region`` obey SSA dominance. Graph regions (MLIR's ``RegionKind::Graph``) do not:
    ``builtin.module``'s body, and regions of ops whose class sets ``region_kind = "graph"``."""
    op = region.parent
    if op is None:
        return True
    if op.name == "builtin.module":
        return False
    return getattr(type(op), "region_kind", "ssacfg") != "graph"


# --- control-flow interfaces (light protocols) -----------------------------------------------------------------


class RegionSuccessor(NamedTuple):
    """Where control goes from a region-branch point: a region of the op, or ``None`` for the op's results;
    ``inputs`` are the values that receive the forwarded operands (block arguments or the op's results)."""

    region: Region | None
    inputs: Sequence[Value]


@runtime_checkable
class RegionBranchOpInterface(Protocol):
    """An op with regions whose control flow it defines (MLIR's ``RegionBranchOpInterface``: ``scf.if``,
    ``scf.for``, ``scf.while``). ``point`` is ``None`` for entry from the parent op, else the region whose
    terminator branches."""

    def get_successor_regions(self, point: Region | None) -> list[RegionSuccessor]: ...

    def get_entry_successor_operands(self, successor: Region | None) -> list[Value]: ...


@runtime_checkable
class RegionBranchTerminatorOpInterface(Protocol):
    """A terminator that forwards operands to a region successor (``scf.yield``, ``scf.condition``)."""

    def get_successor_operands(self, successor: Region | None) -> list[Value]: ...


@runtime_checkable
class BranchOpInterface(Protocol):
    """A CFG terminator forwarding operands to successor blocks (MLIR's ``BranchOpInterface``: ``cf.br``,
    ``cf.cond_br``). ``get_successor_operands(i)`` are the operands passed to successor ``i``'s arguments in
    order; ``erase_successor_operand(i, j)`` drops the ``j``-th of them (used by region DCE)."""

    def get_successor_operands(self, index: int) -> list[OpOperand]: ...

    def erase_successor_operand(self, index: int, position: int) -> None: ...


@runtime_checkable
class LoopLikeOpInterface(Protocol):
    """A loop (MLIR's ``LoopLikeOpInterface``): its body regions; invariant code may move out of it."""

    def get_loop_regions(self) -> list[Region]: ...


def is_region_branch_op(op: Operation) -> bool:
    return isinstance(op, RegionBranchOpInterface)


def is_loop_like(op: Operation) -> bool:
    return isinstance(op, LoopLikeOpInterface)


def is_defined_outside_of_loop(loop: Operation, value: Value) -> bool:
    """``value`` is defined outside every region of ``loop`` (the interface's default
    ``isDefinedOutsideOfLoop``)."""
    blk: Block | None = value.parent_block
    while blk is not None:
        owner = blk.parent_op
        if owner is loop:
            return False
        if owner is None:
            return True
        blk = owner.parent
    return True


def move_out_of_loop(loop: Operation, op: Operation) -> None:
    """Hoist ``op`` right before ``loop`` (the interface's default ``moveOutOfLoop``)."""
    op.move_before(loop)


def region_kind(op: Operation, index: int = 0) -> str:
    """``"graph"`` or ``"ssacfg"`` (MLIR's ``RegionKindInterface::getRegionKind``)."""
    return "ssacfg" if has_ssa_dominance(op.regions[index]) else "graph"


__all__ = [
    "ALLOCATE", "DEFAULT_RESOURCE", "EFFECT_KINDS", "FREE", "READ", "WRITE", "BranchOpInterface",
    "EffectInstance", "LoopLikeOpInterface", "RecursiveMemoryEffects", "RegionBranchOpInterface",
    "RegionBranchTerminatorOpInterface", "RegionSuccessor", "get_effects_recursively", "get_memory_effects",
    "has_effect", "has_recursive_memory_effects", "has_ssa_dominance", "is_defined_outside_of_loop",
    "is_loop_like", "is_memory_effect_free", "is_pure", "is_region_branch_op", "is_trivially_dead",
    "move_out_of_loop", "only_has_effect", "only_reads", "region_kind", "would_op_be_trivially_dead",
]
