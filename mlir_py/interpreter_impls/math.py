"""Interpreter implementations of the math dialect (mlir/docs/Dialects/MathOps.md), elementwise on scalars,
vectors and tensors.

Float functions are evaluated in f64 with numpy (C99 ``libm`` semantics: domain errors give NaN, poles ±inf)
and rounded once to the result type (f16, bf16, f32; f64 results are numpy's f64 values), so f16/bf16/f32 results
are correctly rounded whenever the f64 value is (numpy's f64 ``exp``/``log``/``sin``... are within 1 ulp of f64).
``erf``/``erfc`` use Python's ``math.erf``/``math.erfc`` (vectorized over the elements); ``round`` rounds
halfway cases away from zero (C ``round``), ``roundeven`` to even. ``fma`` is exact before its final rounding
for f16/bf16/f32 (the f64 product of two f32 values is exact); for f64 it is ``a * b + c`` with two roundings
(numpy has no fused multiply-add). ``clampf`` is ``minimumf(maximumf(x, lo), hi)`` (MLIR's expansion; NaN
propagates). ``fpowi`` is ``pow(x, double(n))``.

Integer ops work on N-bit two's-complement values: ``absi`` maps MIN to itself, ``ctlz``/``cttz`` give N for 0,
``ipowi`` wraps modulo 2**N; a negative exponent gives 0 except for bases 1 and -1 (MLIR's ``IPowIOp`` folder),
and ``0 ** negative`` (a division by zero) is a diagnostic.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from dialects import math as M
from mlir_py.interpreter import (
    Interpreter,
    InterpreterError,
    float_kind,
    impl,
    int_width,
    result,
    round_float,
    sext,
    wrap,
    zext,
)
from mlir_py.ir import Operation

Arr = np.ndarray
_erf = np.frompyfunc(math.erf, 1, 1)
_erfc = np.frompyfunc(math.erfc, 1, 1)


def _round_away(x: Arr) -> Arr:
    t = np.trunc(x)
    return np.where(np.abs(x - t) >= 0.5, t + np.copysign(1.0, x), t)


#: f64 -> f64 formulas of the float unary ops
FLOAT_UNARY: dict[str, Callable[[Arr], Arr]] = {
    "absf": np.abs, "acos": np.arccos, "acosh": np.arccosh, "asin": np.arcsin, "asinh": np.arcsinh,
    "atan": np.arctan, "atanh": np.arctanh, "cbrt": np.cbrt, "ceil": np.ceil, "cos": np.cos, "cosh": np.cosh,
    "erf": lambda x: _erf(x).astype(np.float64), "erfc": lambda x: _erfc(x).astype(np.float64),
    "exp": np.exp, "exp2": np.exp2, "expm1": np.expm1, "floor": np.floor, "log": np.log, "log10": np.log10,
    "log1p": np.log1p, "log2": np.log2, "round": _round_away, "roundeven": np.rint,
    "rsqrt": lambda x: 1.0 / np.sqrt(x), "sin": np.sin, "sinh": np.sinh, "sqrt": np.sqrt, "tan": np.tan,
    "tanh": np.tanh, "trunc": np.trunc,
}

FLOAT_BINARY: dict[str, Callable[[Arr, Arr], Arr]] = {
    "atan2": np.arctan2, "copysign": np.copysign, "powf": np.power,
}

#: the smallest normal magnitude of each float format (isnormal)
_MIN_NORMAL = {"f16": 2.0**-14, "bf16": 2.0**-126, "f32": 2.0**-126, "f64": 2.0**-1022}


def _f64(x: Any) -> Arr:
    return np.asarray(x).astype(np.float64)


def _float_result(y: Arr, op: Operation, index: int = 0) -> Any:
    t = op.results[index].type
    return result(round_float(y, float_kind(t)), t)


def _unary(fn: Callable[[Arr], Arr]) -> Callable[[Interpreter, Operation, list[Any]], list[Any]]:
    def run(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
        return [_float_result(fn(_f64(args[0])), op)]

    return run


def _binary(fn: Callable[[Arr, Arr], Arr]) -> Callable[[Interpreter, Operation, list[Any]], list[Any]]:
    def run(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
        return [_float_result(fn(_f64(args[0]), _f64(args[1])), op)]

    return run


for _name, _fn in FLOAT_UNARY.items():
    impl(M.DIALECT.ops["math." + _name])(_unary(_fn))
for _name, _fn2 in FLOAT_BINARY.items():
    impl(M.DIALECT.ops["math." + _name])(_binary(_fn2))


@impl(M.FmaOp)
def _fma(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    a, b, c = (_f64(x) for x in args)
    return [_float_result(a * b + c, op)]


@impl(M.ClampFOp)
def _clampf(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    x, lo, hi = (_f64(v) for v in args)
    return [_float_result(np.minimum(np.maximum(x, lo), hi), op)]


@impl(M.SincosOp)
def _sincos(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    x = _f64(args[0])
    return [_float_result(np.sin(x), op, 0), _float_result(np.cos(x), op, 1)]


@impl(M.FPowIOp)
def _fpowi(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    n = sext(args[1], op.operands[1].type).astype(np.float64)
    return [_float_result(np.power(_f64(args[0]), n), op)]


def _classify(fn: Callable[[Arr, str], Arr]) -> Callable[[Interpreter, Operation, list[Any]], list[Any]]:
    def run(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
        kind = float_kind(op.operands[0].type)
        return [result(fn(_f64(args[0]), kind).astype(np.bool_), op.results[0].type)]

    return run


impl(M.IsNaNOp)(_classify(lambda x, k: np.isnan(x)))  # type: ignore[attr-defined]
impl(M.IsInfOp)(_classify(lambda x, k: np.isinf(x)))  # type: ignore[attr-defined]
impl(M.IsFiniteOp)(_classify(lambda x, k: np.isfinite(x)))  # type: ignore[attr-defined]
impl(M.IsNormalOp)(_classify(lambda x, k: np.isfinite(x) & (np.abs(x) >= _MIN_NORMAL[k])))  # type: ignore[attr-defined]


# --- integers ---------------------------------------------------------------------------------------------------


def _bit_length(v: Arr, w: int) -> Arr:
    """Per element, the number of significant bits of the unsigned values ``v`` (uint64), 0 for 0."""
    n = np.zeros(v.shape, np.int64)
    for b in range(w):
        n = np.where((v >> np.uint64(b)) != 0, b + 1, n)
    return n


def _int_unary(fn: Callable[[Arr, Any, int], Arr]) -> Callable[[Interpreter, Operation, list[Any]], list[Any]]:
    def run(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
        t = op.results[0].type
        return [result(wrap(fn(np.asarray(args[0]), t, int_width(t)), t), t)]

    return run


impl(M.AbsIOp)(_int_unary(lambda x, t, w: np.abs(sext(x, t))))  # type: ignore[attr-defined]
impl(M.CountLeadingZerosOp)(_int_unary(lambda x, t, w: w - _bit_length(zext(x, t), w)))  # type: ignore[attr-defined]


def _ctpop(x: Arr, t: Any, w: int) -> Arr:
    v = zext(x, t)
    n = np.zeros(v.shape, np.int64)
    for b in range(w):
        n += ((v >> np.uint64(b)) & np.uint64(1)).astype(np.int64)
    return n


impl(M.CtPopOp)(_int_unary(_ctpop))  # type: ignore[attr-defined]


def _cttz(x: Arr, t: Any, w: int) -> Arr:
    v = zext(x, t)
    low = v & (np.uint64(0) - v)  # the lowest set bit
    return np.asarray(np.where(v == 0, w, _bit_length(low, w) - 1))


impl(M.CountTrailingZerosOp)(_int_unary(_cttz))  # type: ignore[attr-defined]


@impl(M.IPowIOp)
def _ipowi(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    t = op.results[0].type
    base, exp = sext(args[0], t), sext(args[1], t)
    if np.any((exp < 0) & (base == 0)):
        raise InterpreterError("math.ipowi of 0 to a negative power (division by zero, undefined behavior)")
    acc = np.ones(np.broadcast(base, exp).shape, np.uint64)
    b = np.broadcast_to(base, acc.shape).view(np.uint64).copy()
    e = np.where(exp < 0, 0, exp).astype(np.uint64)
    while np.any(e):  # square and multiply, modulo 2**64
        acc = np.where(e & np.uint64(1), acc * b, acc)
        b = b * b
        e = e >> np.uint64(1)
    neg = np.where(base == 1, 1, np.where(base == -1, np.where(exp % 2 == 0, 1, -1), 0)).astype(np.int64)
    out = np.where(exp < 0, neg.view(np.uint64), acc)
    return [result(wrap(out, t), t)]
