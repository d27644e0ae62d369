"""``strength-reduce-mul-by-pow2``: ``arith.muli %x, 2^k`` becomes ``arith.shli %x, k``.

Why: a shift is cheaper than a multiplication on most targets (the classic strength reduction, Cocke & Kennedy,
"An algorithm for reduction of operator strength", CACM 1977). It is exact for MLIR's wrap-around integers:
``x * 2^k == x << k (mod 2^w)`` for every ``x`` when ``0 < k < w``, signed or not — so a constant whose ``w``-bit
pattern is a single set bit qualifies (``-128 : i8`` is ``2^7``). Scalars of signless integer or index type only;
overflow flags are dropped (``nsw`` has a different meaning on ``shli``).

The pass is one pattern run by the greedy driver (:func:`mlir_py.rewrite.apply_patterns_greedily`), which also
folds constants and erases the multiplier constants left dead.
"""

from __future__ import annotations

from dialects.arith import ConstantOp, MulIOp, ShLIOp
from mlir_py.attributes import IndexType, IntegerAttr, IntegerType
from mlir_py.ir import Operation
from mlir_py.pass_manager import Pass, PassOption, register_pass
from mlir_py.rewrite import (
    FrozenRewritePatternSet,
    PatternRewriter,
    RewritePattern,
    apply_patterns_greedily,
    constant_value,
)


def log2_exact(value: int, width: int) -> int | None:
    """``k`` when the ``width``-bit pattern of ``value`` is ``2^k`` with ``k > 0``, else None."""
    bits = value & ((1 << width) - 1)
    if bits < 2 or bits & (bits - 1):
        return None
    return bits.bit_length() - 1


class MulByPow2ToShl(RewritePattern):
    """``arith.muli %x, %c`` with ``%c = arith.constant 2^k`` (either operand) -> ``arith.shli %x, k``."""

    root = MulIOp

    def __init__(self, max_shift: int = 64):
        super().__init__()
        self.max_shift = max_shift
        self.num_rewritten = 0

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        t = op.result_types[0]
        if isinstance(t, IntegerType):
            width = t.width
        elif isinstance(t, IndexType):
            width = 64
        else:
            return rewriter.notify_match_failure(op, "not a scalar integer")
        for x, c in ((op.operand(0), op.operand(1)), (op.operand(1), op.operand(0))):
            a = constant_value(c)
            k = log2_exact(a.value, width) if isinstance(a, IntegerAttr) else None
            if k is not None and k <= self.max_shift:
                amount = rewriter.create(ConstantOp, [], [t], properties={"value": IntegerAttr(k, t)},
                                         location=op.location)
                rewriter.replace_op_with_new_op(op, ShLIOp, [x, amount.result])
                self.num_rewritten += 1
                return True
        return rewriter.notify_match_failure(op, "no power-of-two constant operand")


@register_pass
class StrengthReduceMulByPow2Pass(Pass):
    """Rewrite `arith.muli` by a constant power of two into `arith.shli` (`x * 2^k == x << k` in wrap-around
    arithmetic), through one rewrite pattern and the greedy driver. Scalar signless integers and `index`; the
    constant may be either operand; a `w`-bit constant counts as `2^k` when its bit pattern has one set bit."""

    argument = "strength-reduce-mul-by-pow2"
    summary = "Rewrite arith.muli by a power of two into arith.shli"
    options = [PassOption("max-shift", int, 64, "Largest shift amount to introduce")]
    statistic_defs = {"num-rewritten": "Number of multiplications rewritten"}

    def initialize(self) -> None:
        # built once per pass instance, not per op (the pattern set is frozen and indexed by op name)
        self.pattern = MulByPow2ToShl(self.option("max-shift"))
        self.patterns = FrozenRewritePatternSet([self.pattern])

    def run_on_operation(self, op: Operation) -> None:
        before = self.pattern.num_rewritten
        result = apply_patterns_greedily(op, self.patterns)
        self.statistics["num-rewritten"] += self.pattern.num_rewritten - before
        if result.diagnostic is not None:
            self.diagnostics.append(result.diagnostic)
