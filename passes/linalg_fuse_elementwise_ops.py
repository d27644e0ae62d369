"""``linalg-fuse-elementwise-ops``: fuse an elementwise ``linalg.generic`` producer into its ``linalg.generic``
consumer on tensors.

Follows MLIR's producer/consumer fusion (mlir/lib/Dialect/Linalg/Transforms/ElementwiseOpFusion.cpp,
``areElementwiseOpsFusable`` and ``fuseElementwiseOps``; mlir/docs/Passes.md "-linalg-fuse-elementwise-ops").
A producer ``P`` fuses into the consumer ``C`` through the input operand ``x = P(...)`` of ``C`` when

* both are ``linalg.generic`` on tensors, every loop of ``P`` is parallel, and ``x`` is an input (not an init)
  of ``C``;
* ``P``'s indexing map for the fused result is a permutation (so producer loops are consumer coordinates);
* ``x`` has no other use (MLIR's default control function: the producer has a single use);
* ``P``'s payload does not read its init values, and each ``linalg.index`` of ``P`` maps to one loop of ``C``;
* when ``C`` has reduction loops, every loop of the fused op is still given a size by some input.

The fused op has ``C``'s loops, iterator types, inits and results. Its inputs are ``C``'s inputs before ``x``,
then ``P``'s inputs — with maps ``P_in ∘ P_out^-1 ∘ C_x`` (``getIndexingMapOfProducerOperandsInCoordinatesOfFusedOp``)
— then ``C``'s inputs after ``x``. Its payload is ``P``'s payload (without its yield) followed by ``C``'s, the
block argument of ``x`` replaced by the value ``P`` yields. Fusion is repeated until no pair qualifies (the
greedy driver, which also hoists constants and erases the dead producer). Named ops are not fused: run
``linalg-generalize-named-ops`` first.
"""

from __future__ import annotations

from dialects.linalg import GenericOp, IndexOp, YieldOp
from dialects.linalg_structured import PARALLEL, affine_maps_attr, inverse_permutation, structured_segments
from mlir_py.affine import AffineDimExpr, AffineMap
from mlir_py.attributes import RankedTensorType
from mlir_py.ir import Block, Operation, Region, Value
from mlir_py.pass_manager import Pass, register_pass
from mlir_py.rewrite import FrozenRewritePatternSet, PatternRewriter, RewritePattern, apply_patterns_greedily


def _fusable(producer: Operation, consumer: GenericOp, k: int) -> AffineMap | None:
    """Whether the producer of input ``k`` of ``consumer`` fuses; returns ``P_out^-1 ∘ C_x`` (producer loops in
    consumer coordinates) when it does."""
    if not isinstance(producer, GenericOp) or producer is consumer:
        return None
    if not producer.has_tensor_semantics() or not consumer.has_tensor_semantics():
        return None
    if any(t != PARALLEL for t in producer.iterator_types()):
        return None
    x = consumer.operand(k)
    if len(list(x.uses)) != 1:
        return None
    res_index = [r for r in producer.results].index(x)  # type: ignore[arg-type]
    p_base = producer.num_operands - producer.num_inits()
    p_out_map = producer.indexing_maps()[p_base + res_index]
    inv = inverse_permutation(p_out_map)
    if inv is None or not p_out_map.is_permutation():
        return None
    if any(a.has_uses() for a in producer.region_output_args):
        return None
    to_consumer = inv.compose(consumer.indexing_maps()[k])
    for op in producer.body.ops:
        if isinstance(op, IndexOp):
            d = int(op.properties["dim"].value)  # type: ignore[attr-defined]
            if not isinstance(to_consumer.results[d], AffineDimExpr):
                return None
    if any(t != PARALLEL for t in consumer.iterator_types()):
        # every loop must keep an input that defines its size
        maps = _fused_input_maps(producer, consumer, k, to_consumer)
        covered = {r.position for m in maps for r in m.results if isinstance(r, AffineDimExpr)}
        if len(covered) < consumer.num_loops:
            return None
    return to_consumer


def _fused_input_maps(producer: GenericOp, consumer: GenericOp, k: int, to_consumer: AffineMap) -> list[AffineMap]:
    c_maps = consumer.indexing_maps()
    p_maps = producer.indexing_maps()[: len(producer.inputs)]
    n_in = len(consumer.inputs)
    return [*c_maps[:k], *(m.compose(to_consumer) for m in p_maps), *c_maps[k + 1: n_in]]


def fuse(producer: GenericOp, consumer: GenericOp, k: int, to_consumer: AffineMap,
         rewriter: PatternRewriter) -> GenericOp:
    """Build the fused generic right before ``consumer`` and replace ``consumer`` by it (see the module docstring).
    The producer is left for the caller (the greedy driver erases it once dead)."""
    n_in = len(consumer.inputs)
    inputs = [*consumer.inputs[:k], *producer.inputs, *consumer.inputs[k + 1:]]
    outputs = list(consumer.outputs)
    maps = [*_fused_input_maps(producer, consumer, k, to_consumer), *consumer.indexing_maps()[n_in:]]
    props = dict(consumer.properties)
    props["indexing_maps"] = affine_maps_attr(maps)
    props["operandSegmentSizes"] = structured_segments(len(inputs), len(outputs))
    c_args, p_args = consumer.body.args, producer.body.args
    arg_sources = [*c_args[:k], *p_args[: len(producer.inputs)], *c_args[k + 1:]]
    block = Block([a.type for a in arg_sources])
    mapping: dict[Value | Block, object] = dict(zip(arg_sources, block.args))
    for op in producer.body.ops:
        if isinstance(op, YieldOp):
            res_index = [r for r in producer.results].index(consumer.operand(k))  # type: ignore[arg-type]
            mapping[c_args[k]] = mapping.get(op.operands[res_index], op.operands[res_index])
            break
        if isinstance(op, IndexOp):
            d = int(op.properties["dim"].value)  # type: ignore[attr-defined]
            pos = to_consumer.results[d].position  # type: ignore[attr-defined]
            new_index = op.clone(mapping)  # type: ignore[arg-type]
            new_index.properties["dim"] = type(op.properties["dim"])(pos, op.properties["dim"].type)  # type: ignore
            block.append(new_index)
            mapping[op.results[0]] = new_index.results[0]
            continue
        block.append(op.clone(mapping))  # type: ignore[arg-type]
    for op in consumer.body.ops:
        block.append(op.clone(mapping))  # type: ignore[arg-type]
    rewriter.set_insertion_point(consumer)
    fused: GenericOp = rewriter.create(GenericOp, [*inputs, *outputs], consumer.result_types, props,
                                       dict(consumer.attributes), [Region([block])], location=consumer.location)
    rewriter.replace_op(consumer, fused.results)
    return fused


class FuseElementwiseOps(RewritePattern):
    """A producer generic of one input of a consumer generic is merged into it (MLIR's ``FuseElementwiseOps``)."""

    root = GenericOp

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        assert isinstance(op, GenericOp)
        for k, v in enumerate(op.inputs):
            producer = v.defining_op
            if producer is None or not isinstance(v.type, RankedTensorType):
                continue
            to_consumer = _fusable(producer, op, k)
            if to_consumer is not None:
                assert isinstance(producer, GenericOp)
                fuse(producer, op, k, to_consumer, rewriter)
                return True
        return rewriter.notify_match_failure(op, "no fusable producer")


@register_pass
class LinalgFuseElementwiseOpsPass(Pass):
    """Fuse elementwise ``linalg.generic`` producers into their ``linalg.generic`` consumers on tensors, until
    none is left (see the module docstring)."""

    argument = "linalg-fuse-elementwise-ops"
    summary = "Fuse elementwise operations on tensors"
    name = "LinalgElementwiseOpFusionPass"
    statistic_defs = {"num-fused": "Number of producer/consumer pairs fused"}

    def run_on_operation(self, op: Operation) -> None:
        result = apply_patterns_greedily(op, FrozenRewritePatternSet([FuseElementwiseOps()]))
        self.statistics["num-fused"] += result.num_rewrites


__all__ = ["FuseElementwiseOps", "LinalgFuseElementwiseOpsPass", "fuse"]
