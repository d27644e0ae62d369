"""``convert-scf-to-cf``: lower structured control flow (``scf.for``, ``scf.if``, ``scf.while``,
``scf.execute_region``, ``scf.index_switch``, ``scf.parallel``, ``scf.forall``) to a CFG of blocks joined by ``cf.br`` / ``cf.cond_br`` /
``cf.switch``.

Follows MLIR's SCFToControlFlow (mlir/lib/Conversion/SCFToControlFlow/SCFToControlFlow.cpp; mlir/docs/Passes.md
"-convert-scf-to-cf"), block for block, so the output has MLIR's shape:

* ``scf.for``: the block holding the loop is split at it; the loop's entry block (induction variable and
  iter_args as block arguments) becomes the *condition* block ``^cond(%iv, %iter...)`` testing
  ``arith.cmpi slt, %iv, %ub`` (``ult`` with ``unsignedCmp``), its ops move to a new first body block, the body's
  last block ends with ``%next = arith.addi %iv, %step`` and ``cf.br ^cond(%next, %yielded...)``, the block
  before the loop ends with ``cf.br ^cond(%lb, %inits...)``; the loop's results are the condition block's
  arguments after the induction variable;
* ``scf.if``: the then/else regions are inlined before a continuation block that takes the results as block
  arguments (and branches on to the rest of the original block when there are results); ``cf.cond_br`` on the
  condition selects the then block or the else block (or the continuation without else);
* ``scf.while``: the before region (ending in ``cf.cond_br`` from ``scf.condition`` to the after region with the
  forwarded values, or to the continuation) and the after region (``scf.yield`` becomes ``cf.br`` back to the
  before region); the results are the ``scf.condition`` arguments;
* ``scf.execute_region``: its entry block merged into the enclosing block, the others inlined after it, every
  ``scf.yield`` branching to the rest of the enclosing block, which takes the results as arguments;
* ``scf.index_switch``: ``arith.index_cast`` of the selector to ``i64`` and a ``cf.switch`` to the case blocks;
* ``scf.parallel``: a nest of ``scf.for`` carrying the reductions, each ``scf.reduce`` region inlined in the
  innermost body (MLIR's ``ParallelLowering``), then lowered as above;
* ``scf.forall`` on buffers (no ``shared_outs``): its static bounds become ``arith.constant`` ops and it is
  lowered as an ``scf.parallel`` (MLIR's ``ForallLowering``).

Ops are lowered outermost first, as the dialect-conversion driver does. An ``scf.forall`` with shared outputs
(tensors; bufferize first) fails the pass with MLIR's ``failed to legalize operation`` diagnostic at the op.
"""

from __future__ import annotations

from dialects import arith, cf, scf
from mlir_py.attributes import (
    DYNAMIC,
    Attribute,
    DenseArrayAttr,
    DenseElementsAttr,
    IntegerAttr,
    IntegerType,
    VectorType,
    i1,
    i32,
    index,
)
from mlir_py.ir import Block, Operation, Region, Value
from mlir_py.pass_manager import Pass, register_pass
from mlir_py.rewrite import PatternRewriter

from .convert_linalg_to_loops import ARITH

_LOWERED = (scf.ForOp, scf.IfOp, scf.WhileOp, scf.ExecuteRegionOp, scf.IndexSwitchOp, scf.ParallelOp, scf.ForallOp)


def _region(op: Operation) -> Region:
    block = op.parent
    assert block is not None and block.parent is not None
    return block.parent


def _replace_terminator(block: Block, operands: list[Value], dest: Block, location: object) -> None:
    """Replace ``block``'s terminator (an ``scf.yield``) by ``cf.br dest(operands)``."""
    t = block.last_op
    assert t is not None
    t.erase(safe=False)
    block.append(cf.BrOp.build_br(dest, operands, location=location))


def lower_for(op: scf.ForOp, rw: PatternRewriter) -> None:
    """``scf.for`` -> condition block + body blocks (see the module docstring)."""
    loc = op.location
    init_block = op.parent
    assert init_block is not None
    end_block = rw.split_block(init_block, op.next_op)
    region = _region(op)
    cond_block = op.regions[0].blocks[0]
    first_body = rw.split_block(cond_block, cond_block.first_op)
    last_body = op.regions[0].blocks[-1]
    rw.inline_region_before(op.regions[0], region, end_block)
    iv = cond_block.args[0]
    term = last_body.last_op
    assert term is not None
    yielded = list(term.operands)
    step = ARITH["AddIOp"].create([iv, op.operand(2)], [iv.type], location=loc)
    last_body.insert_before(step, term)
    term.erase(safe=False)
    last_body.append(cf.BrOp.build_br(cond_block, [step.results[0], *yielded], location=loc))
    init_block.append(cf.BrOp.build_br(cond_block, [op.operand(0), *op.init_values], location=loc))
    pred = "ult" if "unsignedCmp" in op.properties else "slt"
    cmp = arith.CmpIOp.create([iv, op.operand(1)], [i1], {"predicate": arith.CMPI_PREDICATE.attr(pred)},
                              location=loc)
    cond_block.append(cmp)
    cond_block.append(cf.CondBrOp.build_cond_br(cmp.results[0], first_body, [], end_block, [], location=loc))
    rw.replace_op(op, list(cond_block.args[1:]))


def _continuation(op: Operation, rw: PatternRewriter) -> tuple[Block, Block]:
    """Split ``op``'s block after ``op``: (block holding op, the block where results arrive)."""
    cond_block = op.parent
    assert cond_block is not None
    remaining = rw.split_block(cond_block, op.next_op)
    if not op.results:
        return cond_block, remaining
    cont = Block([r.type for r in op.results])
    _region(op).insert_block_before(cont, remaining)
    cont.append(cf.BrOp.build_br(remaining, [], location=op.location))
    return cond_block, cont


def _inline_yielding(region: Region, cont: Block, rw: PatternRewriter, location: object) -> Block:
    """Inline ``region`` (its last block ends with ``scf.yield``) before ``cont``; returns its entry block."""
    entry = region.blocks[0]
    last = region.blocks[-1]
    t = last.last_op
    assert t is not None
    _replace_terminator(last, list(t.operands), cont, location)
    rw.inline_region_before(region, cont.parent, cont)  # type: ignore[arg-type]
    return entry


def lower_if(op: scf.IfOp, rw: PatternRewriter) -> None:
    """``scf.if`` -> ``cf.cond_br`` to the inlined then/else blocks joining in a continuation block."""
    loc = op.location
    cond_block, cont = _continuation(op, rw)
    then_block = _inline_yielding(op.regions[0], cont, rw, loc)
    else_block = cont
    if op.regions[1].blocks:
        else_block = _inline_yielding(op.regions[1], cont, rw, loc)
    cond_block.append(cf.CondBrOp.build_cond_br(op.operand(0), then_block, [], else_block, [], location=loc))
    rw.replace_op(op, list(cont.args))


def lower_while(op: scf.WhileOp, rw: PatternRewriter) -> None:
    """``scf.while`` -> before blocks ending in ``cf.cond_br`` and after blocks branching back."""
    loc = op.location
    current = op.parent
    assert current is not None
    continuation = rw.split_block(current, op.next_op)
    before, after = op.regions[0], op.regions[1]
    before_entry, after_entry = before.blocks[0], after.blocks[0]
    before_last, after_last = before.blocks[-1], after.blocks[-1]
    region = _region(op)
    rw.inline_region_before(after, region, continuation)
    rw.inline_region_before(before, region, after_entry)
    current.append(cf.BrOp.build_br(before_entry, list(op.operands), location=loc))
    cond = before_last.last_op
    assert cond is not None
    flag, args = cond.operands[0], list(cond.operands[1:])
    cond.erase(safe=False)
    before_last.append(cf.CondBrOp.build_cond_br(flag, after_entry, args, continuation, [], location=loc))
    y = after_last.last_op
    assert y is not None
    _replace_terminator(after_last, list(y.operands), before_entry, loc)
    rw.replace_op(op, args)


def lower_execute_region(op: scf.ExecuteRegionOp, rw: PatternRewriter) -> None:
    """``scf.execute_region`` -> its blocks, every ``scf.yield`` branching to the continuation."""
    loc = op.location
    cond_block = op.parent
    assert cond_block is not None
    cont = rw.split_block(cond_block, op.next_op)
    for r in op.results:
        cont.add_argument(r.type, loc)  # type: ignore[arg-type]
    region = op.regions[0]
    entry = region.blocks[0]
    for b in list(region.blocks):
        t = b.last_op
        if isinstance(t, scf.YieldOp):
            _replace_terminator(b, list(t.operands), cont, loc)
    rw.inline_region_before(region, _region(op), cont)
    rw.merge_blocks(entry, cond_block)
    rw.replace_op(op, list(cont.args))


def lower_index_switch(op: scf.IndexSwitchOp, rw: PatternRewriter) -> None:
    """``scf.index_switch`` -> ``arith.index_cast`` to ``i64`` + ``cf.switch`` to the inlined case regions."""
    loc = op.location
    cond_block, cont = _continuation(op, rw)
    cases = [_inline_yielding(r, cont, rw, loc) for r in op.regions[1:]]
    default = _inline_yielding(op.regions[0], cont, rw, loc)
    i64 = IntegerType(64)
    cast = ARITH["IndexCastOp"].create([op.operand(0)], [i64], location=loc)
    cond_block.append(cast)
    values = [int(v) for v in op.properties["cases"].values]  # type: ignore[attr-defined]
    props: dict[str, Attribute] = {"operandSegmentSizes": DenseArrayAttr(i32, [1, 0, 0]),
                                   "case_operand_segments": DenseArrayAttr(i32, [0] * len(cases))}
    if values:
        props["case_values"] = DenseElementsAttr(VectorType([len(values)], i64), values)
    cond_block.append(cf.SwitchOp.create([cast.results[0]], [], props, None, [], [default, *cases], location=loc))
    rw.replace_op(op, list(cont.args))


def parallel_to_for(op: scf.ParallelOp, rw: PatternRewriter) -> None:
    """``scf.parallel`` -> a nest of ``scf.for`` carrying the reductions as ``iter_args`` (MLIR's
    ``ParallelLowering``): in the innermost body each ``scf.reduce`` region is inlined with its left argument the
    running value and its right one the iteration's contribution; outer loops yield the inner results."""
    lbs, ubs, steps, inits = (list(getattr(op, n)) for n in ("lowerBound", "upperBound", "step", "initVals"))
    _loop_nest(op, lbs, ubs, steps, inits, rw)


def forall_to_for(op: scf.ForallOp, rw: PatternRewriter) -> None:
    """``scf.forall`` without shared outputs -> a nest of ``scf.for`` (MLIR's ``ForallLowering`` through
    ``scf.parallel``); static bounds become ``arith.constant`` ops (lower bounds, upper bounds, then steps)."""
    block = op.parent
    assert block is not None
    dyn = iter(op.operands)
    groups = []
    for name in ("staticLowerBound", "staticUpperBound", "staticStep"):
        vals = []
        for v in op.properties[name].values:  # type: ignore[attr-defined]
            if v == DYNAMIC:
                vals.append(next(dyn))
            else:
                c = arith.ConstantOp.create([], [index], {"value": IntegerAttr(v, index)}, location=op.location)
                block.insert_before(c, op)
                vals.append(c.results[0])
        groups.append(vals)
    _loop_nest(op, groups[0], groups[1], groups[2], [], rw)


def _loop_nest(op: Operation, lbs: list[Value], ubs: list[Value], steps: list[Value], inits: list[Value],
               rw: PatternRewriter) -> None:
    loc = op.location
    block = op.parent
    assert block is not None
    body = op.regions[0].blocks[0]
    carried: list[Value] = inits
    loops: list[scf.ForOp] = []
    anchor: Operation | None = op
    target = block
    for lb, ub, st in zip(lbs, ubs, steps):
        loop = scf.ForOp.build_loop(lb, ub, st, carried, location=loc)
        if anchor is None:
            target.append(loop)
        else:
            target.insert_before(loop, anchor)
        if loops and inits:
            target.append(scf.YieldOp.create(list(loop.results), [], location=loc))
        loops.append(loop)
        carried = list(loop.region_iter_args)
        target, anchor = loop.body, (loop.body.last_op if not inits else None)
    reduce = body.last_op
    assert reduce is not None
    ivs = [lp.induction_var for lp in loops]
    for a, iv in zip(list(body.args), ivs):
        a.replace_all_uses_with(iv)
    for inner in [o for o in body.ops if o is not reduce]:
        inner.detach()
        if anchor is None:
            target.append(inner)
        else:
            target.insert_before(inner, anchor)
    if inits:
        new_vals = []
        for acc, v, region in zip(carried, reduce.operands, reduce.regions):
            rb = region.blocks[0]
            mapping: dict[Value | Block, object] = {rb.args[0]: acc, rb.args[1]: v}
            ret = rb.last_op
            assert ret is not None
            for ro in rb.ops:
                if ro is ret:
                    break
                target.append(ro.clone(mapping))  # type: ignore[arg-type]
            rv = ret.operands[0]
            new_vals.append(mapping.get(rv, rv))  # type: ignore[arg-type]
        target.append(scf.YieldOp.create(new_vals, [], location=loc))  # type: ignore[arg-type]
    rw.replace_op(op, list(loops[0].results))


def lower(op: Operation, rw: PatternRewriter) -> None:
    """Lower one scf op (``op`` must be one of the supported ones)."""
    if isinstance(op, scf.ForOp):
        lower_for(op, rw)
    elif isinstance(op, scf.IfOp):
        lower_if(op, rw)
    elif isinstance(op, scf.WhileOp):
        lower_while(op, rw)
    elif isinstance(op, scf.ExecuteRegionOp):
        lower_execute_region(op, rw)
    elif isinstance(op, scf.ParallelOp):
        parallel_to_for(op, rw)
    elif isinstance(op, scf.ForallOp):
        forall_to_for(op, rw)
    else:
        assert isinstance(op, scf.IndexSwitchOp)
        lower_index_switch(op, rw)


@register_pass
class SCFToControlFlowPass(Pass):
    """Convert ``scf.for``/``if``/``while``/``execute_region``/``index_switch``/``parallel``/``forall`` into blocks
    and ``cf`` branches, outermost first, with MLIR's block structure (see the module docstring). Errors:
    ``scf.forall`` with shared outputs (``failed to legalize operation``)."""

    argument = "convert-scf-to-cf"
    summary = "Convert SCF dialect to ControlFlow dialect, replacing structured control flow with a CFG"
    name = "SCFToControlFlowPass"
    statistic_defs = {"num-lowered": "Number of scf ops lowered"}

    def run_on_operation(self, op: Operation) -> None:
        rw = PatternRewriter()
        for o in op.walk():
            if isinstance(o, scf.ForallOp) and o.results:
                raise self.failure(f"failed to legalize operation '{o.name}'", o)
        while True:  # outermost first: one pre-order walk, again only after ops that build new loops
            todo = [o for o in op.walk(post_order=False) if isinstance(o, _LOWERED)]
            if not todo:
                return
            for o in todo:
                lower(o, rw)
                self.statistics["num-lowered"] += 1
                if isinstance(o, (scf.ParallelOp, scf.ForallOp)):  # replaced by (cloned) scf.for nests
                    break


__all__ = ["SCFToControlFlowPass", "lower", "lower_for", "lower_if", "lower_while"]
