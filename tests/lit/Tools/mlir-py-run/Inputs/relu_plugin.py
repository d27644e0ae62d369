"""A dialect plugin that brings its own interpreter implementation (used by ../plugin.mlir)."""

from typing import Any

import numpy as np

from mlir_py.dialect import Dialect
from mlir_py.interpreter import Interpreter, impl, result
from mlir_py.ir import Operation
from mlir_py.opdef import FloatLike, Op, Pure, operand, result_def


class ReluOp(Op, name="runplugin.relu", traits=[Pure()]):
    """max(x, 0), elementwise."""

    x = operand(FloatLike)
    y = result_def(FloatLike)


DIALECT = Dialect("runplugin", [ReluOp])


@impl(ReluOp)
def _relu(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    x = np.asarray(args[0])
    return [result(np.where(x > 0, x, np.zeros_like(x)), op.results[0].type)]
