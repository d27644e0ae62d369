"""``linalg-generalize-named-ops``: rewrite every named linalg op as the ``linalg.generic`` it stands for.

A named structured op (``linalg.matmul``, ``linalg.conv_2d_nhwc_hwcf``, ``linalg.fill``, ``linalg.map``,
``linalg.reduce``, ``linalg.transpose``, ``linalg.broadcast``, ...) is a ``linalg.generic`` whose indexing maps,
iterator types and payload are implied by its name and attributes. Generalization spells them out, so that later
transformations (fusion, tiling, lowering to loops) handle one op only. It follows MLIR's
``generalizeNamedOp`` (mlir/lib/Dialect/Linalg/Transforms/Generalization.cpp; mlir/docs/Passes.md,
"-linalg-generalize-named-ops"): same operands (inputs, then outputs), same result types, the op's
``indexing_maps()`` and ``iterator_types()``, and its payload region moved unchanged into the generic op. The
named op's discardable attributes are carried over (MLIR's ``getPrunedAttributeList``), including
``linalg.memoized_indexing_maps``. The rewrite runs in the greedy driver, as MLIR's pass does, so named ops on
tensors whose results are unused are erased as dead code rather than generalized.

``linalg.generic`` itself and the relayout ops ``linalg.pack`` / ``linalg.unpack`` (not structured ops) are left
alone. The output equals ``mlir-opt --linalg-generalize-named-ops`` byte for byte (tests/unit/test_linalg_passes.py
compares with ``iree-opt`` on every named op).
"""

from __future__ import annotations

from dialects.linalg import GenericOp
from dialects.linalg_structured import LinalgOp, affine_maps_attr, iterator_types_attr, structured_segments
from mlir_py.ir import Operation, Region
from mlir_py.pass_manager import Pass, register_pass
from mlir_py.rewrite import FrozenRewritePatternSet, PatternRewriter, RewritePattern, apply_patterns_greedily


def generalize(op: LinalgOp, rewriter: PatternRewriter) -> GenericOp:
    """Replace the named structured op ``op`` by the equivalent ``linalg.generic`` (built at ``op``) and return it.

    Errors: none for a verified op (every :class:`~dialects.linalg_structured.LinalgOp` has maps, iterators and a
    payload)."""
    props = {"indexing_maps": affine_maps_attr(op.indexing_maps()),
             "iterator_types": iterator_types_attr(op.iterator_types()),
             "operandSegmentSizes": structured_segments(len(op.inputs), len(op.outputs))}
    rewriter.set_insertion_point(op)
    generic: GenericOp = rewriter.create(GenericOp, [*op.inputs, *op.outputs], op.result_types, props,
                                         dict(op.attributes),
                                         [Region()], location=op.location)
    rewriter.inline_region_before(op.regions[0], generic.regions[0])
    rewriter.replace_op(op, generic.results)
    return generic


class GeneralizeNamedOp(RewritePattern):
    """A named structured op becomes a ``linalg.generic`` (``LinalgGeneralizationPattern``)."""

    def __init__(self) -> None:
        super().__init__(None)

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        if not isinstance(op, LinalgOp) or isinstance(op, GenericOp):
            return False
        generalize(op, rewriter)
        return True


@register_pass
class LinalgGeneralizeNamedOpsPass(Pass):
    """Convert named linalg ops (matmul, convolutions, pooling, fill, copy, map, reduce, transpose, broadcast, ...)
    into ``linalg.generic`` ops with the same maps, iterators and payload (see the module docstring)."""

    argument = "linalg-generalize-named-ops"
    summary = "Convert named ops into generic ops"
    name = "LinalgGeneralizeNamedOpsPass"
    statistic_defs = {"num-generalized": "Number of named ops generalized"}

    def run_on_operation(self, op: Operation) -> None:
        result = apply_patterns_greedily(op, generalize_patterns())
        self.statistics["num-generalized"] += result.num_rewrites


def generalize_patterns() -> FrozenRewritePatternSet:
    """The pattern set, for pipelines that mix generalization with other patterns."""
    return FrozenRewritePatternSet([GeneralizeNamedOp()])


__all__ = ["GeneralizeNamedOp", "LinalgGeneralizeNamedOpsPass", "generalize", "generalize_patterns"]
