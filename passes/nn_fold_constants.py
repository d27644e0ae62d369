"""``nn-fold-constants``: evaluate at compile time every nn op whose operands are all constants.

An nn op (other than ``nn.constant``) whose operands are all defined by constant-like ops (``nn.constant``,
``arith.constant``) is run through its interpreter implementation (``mlir_py/interpreter_impls/nn.py``, the
ONNX-semantics numpy reference) and replaced by an ``nn.constant`` of the result; the greedy driver then erases the
operand constants left dead. This is constant propagation in the sense of Wegman & Zadeck ("Constant propagation
with conditional branches", TOPLAS 1991) restricted to straight-line tensor code, and what ONNX graph optimizers
call constant folding (onnxruntime's ``ConstantFolding`` transformer). Results of more than
``dialects.nn.RESOURCE_THRESHOLD`` elements (not splats) are stored as ``dense_resource`` blobs of the module.

Ops the reference rejects at run time (an integer division by zero) are left in place with a warning. Results of
more than ``size-limit`` elements are not folded when the option is positive.
"""

from __future__ import annotations

from dialects import nn
from mlir_py.ir import Operation
from mlir_py.pass_manager import Pass, PassOption, register_pass
from mlir_py.rewrite import (
    FrozenRewritePatternSet,
    PatternRewriter,
    RewritePattern,
    apply_patterns_greedily,
    constant_value,
)


def top_module(op: Operation) -> Operation:
    """The outermost op containing ``op`` (the module whose ``resources`` hold the blobs)."""
    while op.parent_op is not None:
        op = op.parent_op
    return op


class FoldConstantNnOp(RewritePattern):
    """An nn op with constant operands -> ``nn.constant`` of its interpreted result."""

    root = None

    def __init__(self, pass_: NnFoldConstantsPass, size_limit: int = 0):
        super().__init__()
        self.pass_, self.size_limit = pass_, size_limit
        self.num_folded = 0
        self.warned: set[int] = set()

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        from mlir_py.interpreter import (  # the interpreter (and numpy) load only when a pass runs
            Interpreter,
            InterpreterError,
            find_impl,
            from_attribute,
        )
        if not isinstance(op, nn.NnOp) or isinstance(op, nn.ConstantOp) or not op.operands:
            return False
        attrs = [constant_value(v) for v in op.operands]
        if any(a is None for a in attrs):
            return rewriter.notify_match_failure(op, "an operand is not constant")
        t = op.results[0].type
        if self.size_limit > 0 and t.num_elements > self.size_limit:  # type: ignore[attr-defined]
            return rewriter.notify_match_failure(op, "result larger than size-limit")
        fn = find_impl(op)
        if fn is None:
            return False
        module = top_module(op)
        try:
            args = [from_attribute(a, v.type, module) for a, v in zip(attrs, op.operands)]
            (value,) = fn(Interpreter(module), op, args)  # type: ignore[misc]
        except InterpreterError as e:
            if id(op) not in self.warned:
                self.warned.add(id(op))
                self.pass_.emit_warning(f"not folded: {e.message}", op)
            return False
        attr = nn.elements_attr(value, t, module, hint=f"{op.name.split('.')[1]}_folded")  # type: ignore[arg-type]
        rewriter.replace_op_with_new_op(op, nn.ConstantOp, [], [t], properties={"value": attr})
        self.num_folded += 1
        return True


@register_pass
class NnFoldConstantsPass(Pass):
    """Replace every nn op whose operands are all constants (`nn.constant`, `arith.constant`) by an `nn.constant`
    of its value, computed by the op's interpreter implementation (ONNX semantics). Large results become
    `dense_resource` blobs. An op the reference cannot evaluate (integer division by zero) stays, with a
    warning."""

    argument = "nn-fold-constants"
    summary = "Evaluate nn ops with constant operands at compile time"
    options = [PassOption("size-limit", int, 0, "Do not fold results with more elements than this (0: no limit)")]
    statistic_defs = {"num-folded": "Number of nn ops folded into constants"}

    def initialize(self) -> None:
        self.pattern = FoldConstantNnOp(self, self.option("size-limit"))
        self.patterns = FrozenRewritePatternSet([self.pattern])

    def run_on_operation(self, op: Operation) -> None:
        before = self.pattern.num_folded
        result = apply_patterns_greedily(op, self.patterns)
        self.statistics["num-folded"] += self.pattern.num_folded - before
        if result.diagnostic is not None:
            self.diagnostics.append(result.diagnostic)
