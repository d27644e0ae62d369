"""``nn-fold-batchnorm``: fold an inference ``nn.batch_norm`` into the ``nn.conv2d`` that feeds it.

At inference batch normalization is a per-channel affine map, ``y = (x - mean) / sqrt(var + eps) * scale + B``
(ONNX ``BatchNormalization``), so after a convolution ``x = W * I + b`` it folds into new weights and bias
(Ioffe & Szegedy 2015, section 3.2; the "BN folding" of Jacob et al., "Quantization and Training of Neural
Networks for Efficient Integer-Arithmetic-Only Inference", CVPR 2018, eq. 14)::

    s[m]   = scale[m] / sqrt(var[m] + eps)
    W'[m]  = W[m] * s[m]                     (every input channel and kernel position of output channel m)
    b'[m]  = (b[m] - mean[m]) * s[m] + B[m]  (b = 0 without a conv bias)

computed at compile time in float64 and rounded once to the element type. The fold applies when the conv's only
use is the batch norm and the conv's weight and bias and the four batch-norm parameters are constants (new weights
larger than ``dialects.nn.RESOURCE_THRESHOLD`` elements become ``dense_resource`` blobs). A batch norm whose
producing conv has a non-constant weight, bias or parameter cannot be folded: it stays, with a warning (the
``lower-to-dsa`` pipeline expects it folded). Batch norms after other ops are left alone.
"""

from __future__ import annotations

from dialects import nn
from mlir_py.ir import Operation
from mlir_py.pass_manager import Pass, register_pass
from mlir_py.rewrite import (
    FrozenRewritePatternSet,
    PatternRewriter,
    RewritePattern,
    apply_patterns_greedily,
    constant_value,
)
from passes.nn_fold_constants import top_module


class FoldBatchNormIntoConv(RewritePattern):
    """``nn.batch_norm(nn.conv2d(X, W, b?), scale, B, mean, var)`` -> ``nn.conv2d(X, W', b')``."""

    root = nn.BatchNormOp

    def __init__(self, pass_: NnFoldBatchnormPass):
        super().__init__()
        self.pass_ = pass_
        self.num_folded = 0
        self.warned: set[int] = set()

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        import numpy as np

        from mlir_py.interpreter import from_attribute  # the interpreter (and numpy) load only when a pass runs
        conv = op.operand(0).owner
        if not isinstance(conv, nn.Conv2DOp):
            return rewriter.notify_match_failure(op, "the input is not an nn.conv2d result")
        if not conv.results[0].has_one_use():
            return rewriter.notify_match_failure(op, "the conv has other uses")
        named = [("weight", conv.operand(1))] + ([("bias", conv.operand(2))] if len(conv.operands) == 3 else [])
        named += list(zip(("scale", "B", "mean", "var"), op.operands[1:]))
        attrs = {name: constant_value(v) for name, v in named}
        missing = [name for name, a in attrs.items() if a is None]
        if missing:
            if id(op) not in self.warned:
                self.warned.add(id(op))
                self.pass_.emit_warning(f"cannot fold into the preceding 'nn.conv2d': its {', '.join(missing)} "
                                        f"{'is' if len(missing) == 1 else 'are'} not constant", op)
            return False
        module = top_module(op)
        vals = {name: np.asarray(from_attribute(attrs[name], v.type, module), dtype=np.float64) for name, v in named}
        eps = nn._Props(nn.BatchNormOp, op.properties).float("epsilon")
        assert eps is not None
        w = vals["weight"]
        s = vals["scale"] / np.sqrt(vals["var"] + float(np.float32(eps)))
        bias = vals.get("bias", np.zeros(w.shape[0]))
        wt, bt = conv.operand(1).type, op.operand(4).type
        new_w = rewriter.create(nn.ConstantOp, [], [wt], properties={
            "value": nn.elements_attr(w * s.reshape(-1, 1, 1, 1), wt, module, "conv_bn_weight")},  # type: ignore[arg-type]
            location=conv.location)
        new_b = rewriter.create(nn.ConstantOp, [], [bt], properties={
            "value": nn.elements_attr((bias - vals["mean"]) * s + vals["B"], bt, module, "conv_bn_bias")},  # type: ignore[arg-type]
            location=op.location)
        rewriter.replace_op_with_new_op(op, nn.Conv2DOp, [conv.operand(0), new_w.results[0], new_b.results[0]],
                                        [op.results[0].type], properties=dict(conv.properties))
        self.num_folded += 1
        return True


@register_pass
class NnFoldBatchnormPass(Pass):
    """Fold every inference `nn.batch_norm` that follows an `nn.conv2d` (its only use, with constant weight, bias
    and batch-norm parameters) into the convolution: `W' = W·s`, `b' = (b - mean)·s + B` with
    `s = scale / sqrt(var + epsilon)` per output channel, computed at compile time. A batch norm after a conv with
    non-constant parameters stays, with a warning."""

    argument = "nn-fold-batchnorm"
    summary = "Fold inference batch normalization into the preceding convolution"
    statistic_defs = {"num-folded": "Number of nn.batch_norm ops folded into convolutions"}

    def initialize(self) -> None:
        self.pattern = FoldBatchNormIntoConv(self)
        self.patterns = FrozenRewritePatternSet([self.pattern])

    def run_on_operation(self, op: Operation) -> None:
        before = self.pattern.num_folded
        result = apply_patterns_greedily(op, self.patterns)
        self.statistics["num-folded"] += self.pattern.num_folded - before
        if result.diagnostic is not None:
            self.diagnostics.append(result.diagnostic)
