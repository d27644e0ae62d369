"""Interpreter implementations of the cf dialect (mlir/docs/Dialects/ControlFlowDialect.md).

The branches are terminators: they return :class:`~mlir_py.interpreter.Branch` (the successor block and the values
bound to its arguments), and :meth:`~mlir_py.interpreter.Interpreter.run_region` continues there.

- ``cf.br``: the one successor with ``destOperands``;
- ``cf.cond_br``: ``trueDest`` when the ``i1`` condition is true, else ``falseDest``;
- ``cf.switch``: the case whose value equals ``flag`` (compared as N-bit patterns, so ``-1 : i8`` matches a case
  ``255``), else ``defaultDestination``;
- ``cf.assert``: a false ``arg`` is a diagnostic ``assertion failed: <msg>`` (MLIR lowers it to ``abort()``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from dialects import cf as C
from mlir_py.interpreter import Branch, Interpreter, InterpreterError, impl, zext
from mlir_py.ir import Operation


def _branch(op: Operation, args: list[Any], index: int) -> Branch:
    lo, hi = op.successor_operand_ranges()[index]  # type: ignore[attr-defined]
    return Branch(op.successors[index], args[lo:hi])


@impl(C.BrOp)
def _br(interp: Interpreter, op: Operation, args: list[Any]) -> Branch:
    return _branch(op, args, 0)


@impl(C.CondBrOp)
def _cond_br(interp: Interpreter, op: Operation, args: list[Any]) -> Branch:
    return _branch(op, args, 0 if bool(args[0]) else 1)


@impl(C.SwitchOp)
def _switch(interp: Interpreter, op: Operation, args: list[Any]) -> Branch:
    t = op.operands[0].type
    flag = int(zext(args[0], t))
    width_mask = int(zext(np.int64(-1), t))  # 2**N - 1
    for i, v in enumerate(op.case_value_list()):  # type: ignore[attr-defined]
        if v & width_mask == flag:
            return _branch(op, args, i + 1)
    return _branch(op, args, 0)


@impl(C.AssertOp)
def _assert(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    if not bool(args[0]):
        msg = op.properties["msg"].value  # type: ignore[attr-defined]
        raise InterpreterError(f"assertion failed: {msg}")
    return []
