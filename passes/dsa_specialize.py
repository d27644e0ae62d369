"""``dsa-specialize``: stage 0 of ``--lower-to-dsa`` — recognize ``linalg.generic`` contractions as the named
ops the DSA stages map onto engines (what ``convert-tc-to-linalg`` produces from ``nn``/``tc`` programs).

MLIR's ``linalg-specialize-generic-ops`` (mlir/lib/Dialect/Linalg/Transforms/Specialize.cpp) does this for
matmul-like ops; here the candidates are ``linalg.matmul`` (also with the ``A · Bᵀ`` indexing maps of ONNX
``Gemm`` with ``transB``), ``linalg.batch_matmul``,
``linalg.conv_2d_nchw_fchw`` (any strides and dilations) and ``linalg.pooling_nchw_max``/``_sum``. A generic is
replaced by a named op when

* the named op built on the same operands (for convs and poolings with the strides and dilations read off the
  input map: the coefficients of the output and window dimensions in its H and W subscripts) has exactly the
  generic's indexing maps and iterator types, and
* the payload is the named op's: ``out + a·b`` (``arith.mulf`` then ``arith.addf``) for contractions,
  ``maximumf(out, a)`` / ``addf(out, a)`` for poolings.

The rewrite keeps the semantics (same maps, same payload); discardable attributes are carried over.
A generic producing a contraction's init from a 1-D tensor broadcast along ``d1`` (how ``convert-nn-to-tc``
writes a bias) is left alone: ``dsa-fuse`` reads it as the layer's bias.
"""

from __future__ import annotations

from typing import Any

from dialects.linalg import (
    BatchMatmulOp,
    Conv2DNchwFchwOp,
    GenericOp,
    MatmulOp,
    PoolingNchwMaxOp,
    PoolingNchwSumOp,
)
from mlir_py.attributes import DenseElementsAttr, IntegerType, RankedTensorType, i64
from mlir_py.ir import Operation
from mlir_py.pass_manager import Pass, register_pass
from mlir_py.rewrite import FrozenRewritePatternSet, PatternRewriter, RewritePattern, apply_patterns_greedily


def payload_kind(op: GenericOp) -> str | None:
    """``"mac"`` (out + a·b), ``"max"`` (max(out, a)), ``"add"`` (out + a) or None."""
    body = op.body
    args = list(body.args)
    ops = [o for o in body.ops if o.name != "linalg.yield"]
    term = body.terminator
    if term is None or len(term.operands) != 1:
        return None
    y = term.operand(0).defining_op
    out = args[-1]
    if y is None or out not in y.operands:
        return None
    other = y.operand(1) if y.operand(0) is out else y.operand(0)
    if len(ops) == 2 and y.name == "arith.addf":
        m = other.defining_op
        if m is not None and m.name == "arith.mulf" and set(m.operands) == set(args[:2]) and len(args) == 3:
            return "mac"
    if len(ops) == 1 and other is args[0]:
        return {"arith.maximumf": "max", "arith.addf": "add"}.get(y.name)
    return None


def _i64x2(a: int, b: int) -> DenseElementsAttr:
    return DenseElementsAttr(RankedTensorType([2], i64), [a, b])


def window_params(op: GenericOp) -> dict[str, Any] | None:
    """Strides and dilations of an NCHW window read ``(d0, dc, d2·sh + dk·dh, d3·sw + dl·dw)``: the coefficients
    of the input map's H/W subscripts (dims 2, 3 and the first two reduction dims after the parallel ones)."""
    m = op.indexing_maps()[0]
    if m.num_dims not in (6, 7) or len(m.results) != 4:
        return None
    n = m.num_dims
    unit = [[1 if i == j else 0 for i in range(n)] for j in range(n)]
    h, w = m.results[2], m.results[3]
    kh, kw = n - 2, n - 1
    sh, sw = h.evaluate(unit[2]), w.evaluate(unit[3])
    dh, dw = h.evaluate(unit[kh]), w.evaluate(unit[kw])
    if min(sh, sw, dh, dw) <= 0:
        return None
    return {"strides": _i64x2(sh, sw), "dilations": _i64x2(dh, dw)}


class SpecializeContraction(RewritePattern):
    """A ``linalg.generic`` equal to a named matmul / batch_matmul / conv_2d_nchw_fchw / pooling → that op."""

    root = GenericOp

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        assert isinstance(op, GenericOp)
        if len(op.inputs) != 2 or len(op.outputs) != 1 or len(op.results) != 1:
            return rewriter.notify_match_failure(op, "not a two-input contraction on tensors")
        if any(isinstance(getattr(v.type, "element_type", None), IntegerType) for v in op.operands):
            return rewriter.notify_match_failure(op, "integer data")
        kind = payload_kind(op)
        if kind is None:
            return rewriter.notify_match_failure(op, "payload is not a contraction or pooling")
        cands: list[tuple[Any, dict[str, Any]]] = []
        maps, iters = op.indexing_maps(), op.iterator_types()
        if kind == "mac":
            cands = [(MatmulOp, {}), (BatchMatmulOp, {})]
            if [str(m) for m in maps] == ["(d0, d1, d2) -> (d0, d2)", "(d0, d1, d2) -> (d1, d2)",
                                          "(d0, d1, d2) -> (d0, d1)"]:
                cands.append((MatmulOp, {"indexing_maps": op.properties["indexing_maps"]}))  # A · Bᵀ
            wp = window_params(op)
            if wp is not None:
                cands.append((Conv2DNchwFchwOp, wp))
        else:
            wp = window_params(op)
            if wp is not None:
                cands.append((PoolingNchwMaxOp if kind == "max" else PoolingNchwSumOp, wp))
        for cls, props in cands:
            try:
                named = cls.build_named(list(op.inputs), list(op.outputs), list(op.result_types), props,
                                        location=op.location)
            except (ValueError, TypeError, AssertionError):
                continue
            if named.indexing_maps() == maps and named.iterator_types() == iters:
                for k, v in op.attributes.items():
                    named.set_attr(k, v)
                rewriter.insert(named)
                rewriter.replace_op(op, named.results)
                return True
            named.drop_all_references()  # a detached candidate must not keep uses of the operands
        return rewriter.notify_match_failure(op, "no named op has these maps")


@register_pass
class DsaSpecializePass(Pass):
    """Turn ``linalg.generic`` contractions and poolings back into named linalg ops (see the module docstring)."""

    argument = "dsa-specialize"
    summary = "Specialize linalg.generic contractions/poolings into named ops for the DSA stages"
    statistic_defs = {"num-specialized": "Number of generic ops specialized"}

    def run_on_operation(self, op: Operation) -> None:
        result = apply_patterns_greedily(op, FrozenRewritePatternSet([SpecializeContraction()]))
        self.statistics["num-specialized"] += result.num_rewrites


__all__ = ["DsaSpecializePass", "SpecializeContraction", "payload_kind", "window_params"]
