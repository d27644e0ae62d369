"""``reconcile-unrealized-casts``: remove the ``builtin.unrealized_conversion_cast`` ops left by partial
conversions (MLIR's ReconcileUnrealizedCasts).

A cast whose inputs come, through a chain of casts, from values of exactly its result types is replaced by those
values (``A -> B -> A`` folds to ``A``); casts left without uses are erased. A cast that is still used and does not
fold is an error, as in MLIR: ``failed to legalize operation 'builtin.unrealized_conversion_cast' that was
explicitly marked illegal``, at the cast (a conversion is missing for one of its users).
"""

from __future__ import annotations

from mlir_py.diagnostics import Diagnostic
from mlir_py.ir import Operation, OpResult, Value
from mlir_py.pass_manager import Pass, register_pass

CAST = "builtin.unrealized_conversion_cast"


def _source(op: Operation) -> list[Value] | None:
    """The values at the start of the cast chain ending at ``op`` that have ``op``'s result types, or None."""
    want = op.result_types
    inputs = list(op.operands)
    seen = {op}
    while True:
        if [v.type for v in inputs] == want:
            return inputs
        if len(inputs) != 1 or not isinstance(inputs[0], OpResult):
            return None
        prev = inputs[0].op
        if prev.name != CAST or prev in seen or len(prev.results) != 1:
            return None
        seen.add(prev)
        inputs = list(prev.operands)


def reconcile(root: Operation) -> Operation | None:
    """Fold and erase the casts under ``root``; returns the first cast that stays used (None: all removed)."""
    casts = [o for o in root.walk() if o.name == CAST]
    for op in casts:
        src = _source(op)
        if src is not None:
            for r, v in zip(op.results, src):
                r.replace_all_uses_with(v)
    changed = True
    while changed:
        changed = False
        for op in reversed(casts):
            if op.parent is not None and not any(r.has_uses() for r in op.results):
                op.erase()
                changed = True
    return next((o for o in casts if o.parent is not None), None)


@register_pass
class ReconcileUnrealizedCastsPass(Pass):
    """Simplify and eliminate unrealized conversion casts (MLIR's ``reconcile-unrealized-casts``): chains of
    ``builtin.unrealized_conversion_cast`` that return to the original types fold away and dead casts are erased.
    Errors: a cast that is still used afterwards, ``failed to legalize operation
    'builtin.unrealized_conversion_cast' that was explicitly marked illegal`` (a conversion missing upstream)."""

    argument = "reconcile-unrealized-casts"
    summary = "Simplify and eliminate unrealized conversion casts"

    def run_on_operation(self, op: Operation) -> None:
        bad = reconcile(op)
        if bad is not None:
            from mlir_py.diagnostics import DiagnosticError

            raise DiagnosticError(Diagnostic(
                "error", f"failed to legalize operation '{CAST}' that was explicitly marked illegal", bad.location))


__all__ = ["ReconcileUnrealizedCastsPass", "reconcile"]
