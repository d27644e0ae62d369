"""``canonicalize``: fold and apply every registered canonicalization pattern until a fixpoint.

Follows mlir/lib/Transforms/Canonicalizer.cpp and mlir/docs/Canonicalization.md. The pattern set is every
``canonicalization_patterns()`` of every op of every dialect of the pass manager's context (or of the default
context, with all installed dialect plugins, when the pass runs without one), built once — at ``initialize`` — and
shared by every run. The greedy driver (:func:`mlir_py.rewrite.apply_patterns_greedily`) also folds ops through
their ``fold()`` hooks, uniques and hoists constants, and erases dead ops.

Options are MLIR's: ``top-down`` (default true: process ops in program order), ``region-simplify``
(``disabled`` | ``normal`` | ``aggressive``; normal runs region DCE, including dead block arguments of cf branches;
the block merging of the aggressive level is not implemented, so it acts as normal — docs/canonicalization.md;
unreachable blocks are erased at every iteration whatever the level, as in MLIR), ``max-iterations``,
``max-num-rewrites``, ``test-convergence`` (fail the pass when the fixpoint is not reached — otherwise
canonicalization is best effort, as in MLIR), ``disable-patterns`` / ``enable-patterns`` (pattern names, e.g.
``AddIAddConstant``).
"""

from __future__ import annotations

from typing import Any

from mlir_py.ir import Operation
from mlir_py.pass_manager import Pass, PassOption, register_pass
from mlir_py.rewrite import (
    FrozenRewritePatternSet,
    GreedyRewriteConfig,
    apply_patterns_greedily,
    collect_canonicalization_patterns,
)


def _region_level(text: str) -> str:
    if text not in ("disabled", "normal", "aggressive"):
        raise ValueError(text)
    return text


_DEFAULT_DIALECTS: list[Any] = []
_CACHE: dict[tuple[Any, ...], FrozenRewritePatternSet] = {}


def canonicalization_patterns(context: Any = None, disabled: tuple[str, ...] = (),
                              enabled: tuple[str, ...] | None = None) -> FrozenRewritePatternSet:
    """The frozen canonicalization pattern set of ``context``'s dialects (cached per dialect set and filter)."""
    if context is not None:
        dialects = list(context.dialects.values())
    else:
        if not _DEFAULT_DIALECTS:
            from mlir_py.dialect import Context

            _DEFAULT_DIALECTS.extend(Context().dialects.values())
        dialects = _DEFAULT_DIALECTS
    key = (tuple(id(d) for d in dialects), disabled, enabled)
    frozen = _CACHE.get(key)
    if frozen is None:
        frozen = _CACHE[key] = FrozenRewritePatternSet(collect_canonicalization_patterns(dialects), disabled, enabled)
    return frozen


@register_pass
class CanonicalizePass(Pass):
    """Canonicalize operations: apply every fold and canonicalization pattern of the loaded dialects greedily until
    nothing changes (MLIR's ``-canonicalize``); constants are uniqued and hoisted to the start of the enclosing
    isolated region, dead ops erased. Non-convergence fails the pass only with ``test-convergence``.
    Differences from MLIR: docs/canonicalization.md."""

    argument = "canonicalize"
    summary = "Canonicalize operations"
    name = "Canonicalizer"
    options = [
        PassOption("top-down", bool, True, "Seed the worklist in general top-down order"),
        PassOption("region-simplify", _region_level, "normal",
                   "Perform control flow optimizations to the region tree (disabled, normal, aggressive)"),
        PassOption("max-iterations", int, 10, "Max. iterations between applying patterns / simplifying regions"),
        PassOption("max-num-rewrites", int, -1, "Max. number of pattern rewrites within an iteration"),
        PassOption("test-convergence", bool, False, "Test only: Fail pass on non-convergence to detect cyclic pattern"),
        PassOption("disable-patterns", str, [], "Labels of patterns that should be filtered out during application",
                   is_list=True),
        PassOption("enable-patterns", str, [], "Labels of patterns that should be used during application, all "
                   "other patterns are filtered out", is_list=True),
    ]
    statistic_defs = {
        "num-folds": "Number of operations folded",
        "num-rewrites": "Number of pattern rewrites",
        "num-dce": "Number of trivially dead operations erased",
    }

    def initialize(self) -> None:
        enabled = tuple(self.option("enable-patterns")) or None
        self.patterns = canonicalization_patterns(getattr(self, "context", None),
                                                  tuple(self.option("disable-patterns")), enabled)

    def run_on_operation(self, op: Operation) -> None:
        if not hasattr(self, "patterns"):
            self.initialize()
        config = GreedyRewriteConfig(
            top_down=self.option("top-down"), max_iterations=self.option("max-iterations"),
            max_num_rewrites=self.option("max-num-rewrites"), region_simplification=self.option("region-simplify"))
        result = apply_patterns_greedily(op, self.patterns, config=config)
        self.statistics["num-folds"] += result.num_folds
        self.statistics["num-rewrites"] += result.num_rewrites
        self.statistics["num-dce"] += result.num_erased
        if self.option("test-convergence") and not result.converged:
            raise self.failure(f"canonicalization did not converge after {self.option('max-iterations')} "
                               "iterations", op)


def canonicalize(op: Operation, **options: Any) -> Operation:
    """Run ``canonicalize`` on ``op`` in place (options as keywords: ``max_iterations=3``); returns ``op``."""
    p = CanonicalizePass(**options)
    p.initialize()
    p.run_on_operation(op)
    return op
