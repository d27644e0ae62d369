"""``nn-remove-dropout``: erase ``nn.dropout``, the identity at inference.

ONNX ``Dropout`` with ``training_mode`` false (the only mode ``nn.dropout`` models) returns its input unchanged
(onnx/docs/Operators.md, Dropout: "If training_mode is false ... the output is the input"), so every use of the
result is replaced by the operand and the op erased. First step of ``lower-to-dsa`` (DESIGN.md, "The pipelines").
"""

from __future__ import annotations

from dialects.nn import DropoutOp
from mlir_py.ir import Operation
from mlir_py.pass_manager import Pass, register_pass
from mlir_py.rewrite import FrozenRewritePatternSet, PatternRewriter, RewritePattern, apply_patterns_greedily


class RemoveDropout(RewritePattern):
    """``%y = nn.dropout %x`` -> uses of ``%y`` use ``%x``."""

    root = DropoutOp

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        rewriter.replace_op(op, [op.operand(0)])
        return True


@register_pass
class NnRemoveDropoutPass(Pass):
    """Replace every `nn.dropout` by its input (dropout is the identity at inference, ONNX `Dropout` with
    `training_mode` false) and erase it."""

    argument = "nn-remove-dropout"
    summary = "Erase nn.dropout (the identity at inference)"
    statistic_defs = {"num-removed": "Number of nn.dropout ops erased"}

    def initialize(self) -> None:
        self.patterns = FrozenRewritePatternSet([RemoveDropout()])

    def run_on_operation(self, op: Operation) -> None:
        n = sum(1 for o in op.walk() if isinstance(o, DropoutOp))
        result = apply_patterns_greedily(op, self.patterns, fold=False)
        self.statistics["num-removed"] += n - sum(1 for o in op.walk() if isinstance(o, DropoutOp))
        if result.diagnostic is not None:
            self.diagnostics.append(result.diagnostic)
