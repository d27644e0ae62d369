"""``dce``: erase dead operations and dead block arguments (region DCE).

Runs MLIR's ``runRegionDCE`` (mlir/lib/Transforms/Utils/RegionUtils.cpp) on the regions of the op: a backward
liveness fixpoint over each region's CFG in which terminators and ops with memory effects (or unknown effects, such
as unregistered ops) are live, and so is everything a live op uses. Everything else is erased — including dead
cycles through block arguments, which op-by-op dead-code removal cannot see. Unreachable blocks are erased first.
MLIR has no ``-dce`` flag (the canonicalizer does this as region simplification); xDSL's ``dce`` is this pass.
"""

from __future__ import annotations

from mlir_py.ir import Operation
from mlir_py.pass_manager import Pass, register_pass
from mlir_py.rewrite import PatternRewriter, erase_unreachable_blocks, run_region_dce


@register_pass
class DCEPass(Pass):
    """Erase unreachable blocks, dead operations and dead block arguments (see the module docstring)."""

    argument = "dce"
    summary = "Eliminate dead operations and block arguments"
    name = "DCE"

    def run_on_operation(self, op: Operation) -> None:
        rewriter = PatternRewriter()
        erase_unreachable_blocks(rewriter, op.regions)
        run_region_dce(rewriter, op.regions)
