"""Interpreter implementations of the scf dialect (mlir/docs/Dialects/SCFDialect.md).

Regions are run with :meth:`~mlir_py.interpreter.Interpreter.run_region` in the enclosing function's frame (they
see outer values); their terminators (``scf.yield``, ``scf.condition``, ``scf.reduce``, ``scf.reduce.return``,
``scf.forall.in_parallel``) return :class:`~mlir_py.interpreter.Exit` with their operands.

- ``scf.for``: ``for (iv = lb; iv < ub; iv += step)`` on exact integers (no wrap-around of the induction
  variable), compared signed, or unsigned with ``unsignedCmp``; the body's ``iv`` is the N-bit value. A step
  that is not positive is a diagnostic (MLIR: "required to be positive", undefined behaviour otherwise).
- ``scf.parallel`` and ``scf.forall`` run their iterations sequentially in lexicographic order (one legal
  schedule of a parallel loop). ``scf.parallel`` folds each ``scf.reduce`` operand into its accumulator (the
  ``initVals``, in iteration order) with the reduction region. ``scf.forall``'s ``shared_outs`` block arguments
  hold the initial outputs; each ``tensor.parallel_insert_slice`` of ``scf.forall.in_parallel`` writes into the
  loop's results (state in ``interp.dialect_state["scf.forall"]``, see :mod:`.tensor`).
- ``scf.while`` alternates ``before`` (ending in ``scf.condition``) and ``after``; ``scf.if``,
  ``scf.index_switch`` and ``scf.execute_region`` run one region once.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

from dialects import scf as S
from mlir_py.attributes import IndexType
from mlir_py.interpreter import Exit, Interpreter, InterpreterError, impl, result, sext, wrap, zext
from mlir_py.ir import Operation, Value


@impl(S.YieldOp, S.ConditionOp, S.ReduceReturnOp, S.ReduceOp)
def _exit(interp: Interpreter, op: Operation, args: list[Any]) -> Exit:
    return Exit(args)


@impl(S.ForOp)
def _for(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    t = op.operands[0].type
    unsigned = "unsignedCmp" in op.properties
    lb, ub, step = (int(zext(a, t) if unsigned else sext(a, t)) for a in args[:3])
    if step <= 0:
        raise InterpreterError(f"step {step} is not positive (undefined behavior)")
    carried: Sequence[Any] = args[3:]
    region = op.regions[0]
    index_type = isinstance(t, IndexType)
    for iv in range(lb, ub, step):
        ivv = np.int64(iv) if index_type else result(wrap(np.uint64(iv & ((1 << 64) - 1)), t), t)
        carried = interp.run_region(region, [ivv, *carried])
    return list(carried)


@impl(S.IfOp)
def _if(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    region = op.regions[0] if bool(args[0]) else op.regions[1]
    if not region.blocks:
        return []
    return list(interp.run_region(region, []))


@impl(S.WhileOp)
def _while(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    before, after = op.regions
    values: Sequence[Any] = args
    while True:
        cond, *forwarded = interp.run_region(before, values)
        if not bool(cond):
            return forwarded
        values = interp.run_region(after, forwarded)


@impl(S.ExecuteRegionOp)
def _execute_region(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    return list(interp.run_region(op.regions[0], []))


@impl(S.IndexSwitchOp)
def _index_switch(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    cases = list(op.properties["cases"].values)  # type: ignore[attr-defined]
    k = int(args[0])
    region = op.regions[1 + cases.index(k)] if k in cases else op.regions[0]
    return list(interp.run_region(region, []))


def _points(lbs: Sequence[int], ubs: Sequence[int], steps: Sequence[int]) -> Iterator[tuple[int, ...]]:
    """The iteration points of a loop nest in lexicographic order (MLIR: steps must be positive)."""
    for s in steps:
        if s <= 0:
            raise InterpreterError(f"parallel loop step {s} is not positive (undefined behavior)")
    return itertools.product(*(range(lo, hi, s) for lo, hi, s in zip(lbs, ubs, steps)))


@impl(S.ParallelOp)
def _parallel(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    n = len(op.regions[0].blocks[0].args)
    lbs, ubs, steps = ([int(a) for a in args[k * n:(k + 1) * n]] for k in range(3))
    acc = list(args[3 * n:])
    region = op.regions[0]
    reduce = region.blocks[0].last_op
    for p in _points(lbs, ubs, steps):
        vals = interp.run_region(region, [np.int64(i) for i in p])
        if acc:
            assert reduce is not None
            acc = [interp.run_region(reduce.regions[k], [a, v])[0] for k, (a, v) in enumerate(zip(acc, vals))]
    return acc


@impl(S.ForallOp)
def _forall(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    env = interp.env
    bounds = [[int(env[x]) if isinstance(x, Value) else int(x) for x in op.mixed(k)]  # type: ignore[attr-defined]
              for k in range(3)]
    rank = len(bounds[0])
    n_out = len(op.results)
    inits = args[len(args) - n_out:]
    body = op.regions[0].blocks[0]
    outs: dict[Value, np.ndarray] = {a: np.array(v) for a, v in zip(body.args[rank:], inits)}
    stack: list[dict[Value, np.ndarray]] = interp.dialect_state.setdefault("scf.forall", [])
    stack.append(outs)
    try:
        for p in _points(*bounds):
            interp.run_region(op.regions[0], [*(np.int64(i) for i in p), *inits])
    finally:
        stack.pop()
    return [outs[a] for a in body.args[rank:]]


@impl(S.InParallelOp)
def _in_parallel(interp: Interpreter, op: Operation, args: list[Any]) -> Exit:
    interp.run_region(op.regions[0], [])
    return Exit([])
