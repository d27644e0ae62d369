"""Interpreter implementations of the nn dialect: numpy references of the ONNX operators at inference.

Each function follows the operator's definition in onnx/docs/Operators.md (and, where the spec leaves a choice,
onnxruntime's CPU kernels, against which ``tests/unit/test_nn_interp.py`` checks every op). Everything is
vectorized: convolution is im2col through ``numpy.lib.stride_tricks.as_strided`` windows and one batched matmul
per group (Chellapilla et al., "High Performance Convolutional Neural Networks for Document Processing", 2006);
pooling reduces the same windows. Results have the result type's element dtype; normalizations and softmax
accumulate in float64 and round once.

``erf`` (numpy has none) is W. J. Cody's rational Chebyshev approximation ("Rational Chebyshev approximations for
the error function", Math. Comp. 23 (1969) 631–637; the coefficients of his CALERF, netlib specfun), accurate to
about 1e-16 relative in float64.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from numpy.lib.stride_tricks import as_strided

from dialects import nn
from mlir_py.interpreter import Interpreter, InterpreterError, from_attribute, impl, storage_dtype
from mlir_py.ir import Operation

Arr = np.ndarray

# --- helpers ----------------------------------------------------------------------------------------------------


def _props(op: Operation) -> nn._Props:
    return nn._Props(type(op), op.properties)  # type: ignore[arg-type]


def _out(x: Any, op: Operation, i: int = 0) -> Arr:
    """``x`` as an array of the result's storage dtype and shape."""
    t = op.results[i].type
    a = np.asarray(x).astype(storage_dtype(t), copy=False).reshape(t.shape)  # type: ignore[attr-defined]
    # not np.ascontiguousarray alone: it turns a 0-d result into shape (1,)
    return a if a.flags.c_contiguous else np.ascontiguousarray(a)


# --- erf (Cody 1969) --------------------------------------------------------------------------------------------

_A = (3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02, 3.20937758913846947e03,
      1.85777706184603153e-1)
_B = (2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03)
_C = (5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01, 2.98635138197400131e02,
      8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03,
      2.15311535474403846e-8)
_D = (1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03,
      3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03)
_P = (3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2,
      6.58749161529837803e-4, 1.63153871373020978e-2)
_Q = (2.56852019228982242e00, 1.87295284992346725e00, 5.27905102951428412e-1, 6.05183413124413191e-2,
      2.33520497626869185e-3)
_SQRPI = 5.6418958354775628695e-1  # 1/sqrt(pi)


def erf(x: Any) -> Arr:
    """The error function of an array, in float64, by Cody's three rational approximations: ``x·R(x²)`` for
    ``|x| <= 0.46875``; ``1 - exp(-x²)·R(|x|)`` for ``|x| <= 4``; ``1 - exp(-x²)/|x|·(1/√π + R(1/x²)/x²)`` beyond
    (sign restored). NaN propagates; ±inf give ±1."""
    x = np.asarray(x, dtype=np.float64)
    y = np.abs(x)
    with np.errstate(all="ignore"):
        z = y * y
        num, den = _A[4] * z, z.copy()
        for i in range(3):
            num, den = (num + _A[i]) * z, (den + _B[i]) * z
        small = x * (num + _A[3]) / (den + _B[3])
        num, den = _C[8] * y, y.copy()
        for i in range(7):
            num, den = (num + _C[i]) * y, (den + _D[i]) * y
        # exp(-y²) split as exp(-ysq²)·exp(-(y-ysq)(y+ysq)) with ysq = trunc(16y)/16, as Cody does (less rounding)
        ysq = np.trunc(y * 16.0) / 16.0
        scale = np.exp(-ysq * ysq) * np.exp(-(y - ysq) * (y + ysq))
        mid = scale * (num + _C[7]) / (den + _D[7])
        zi = 1.0 / np.where(y > 0, z, 1.0)
        num, den = _P[5] * zi, zi.copy()
        for i in range(4):
            num, den = (num + _P[i]) * zi, (den + _Q[i]) * zi
        tail = zi * (num + _P[4]) / (den + _Q[4])
        big = scale * (_SQRPI - tail) / np.where(y > 0, y, 1.0)
        erfc = np.where(y <= 4.0, mid, np.where(y < 26.7, big, 0.0))
        res = np.where(y <= 0.46875, small, np.copysign(1.0 - erfc, x))
    return np.where(np.isnan(x), x, res)


# --- constants, elementwise -------------------------------------------------------------------------------------


@impl(nn.ConstantOp)
def _constant(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    return [from_attribute(op.properties["value"], op.results[0].type, interp.module)]


def _int_div(a: Arr, b: Arr) -> Arr:
    if np.any(b == 0):
        raise InterpreterError("integer division by zero")
    q = np.abs(a) // np.abs(b)
    return np.where((a < 0) != (b < 0), -q, q)


def _nan_max(a: Arr, b: Arr) -> Arr:
    return np.maximum(a, b)


_BINARY: dict[type, Callable[[Arr, Arr], Arr]] = {
    nn.AddOp: np.add, nn.SubOp: np.subtract, nn.MulOp: np.multiply, nn.MaxOp: np.maximum, nn.MinOp: np.minimum,
}


def _binary(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    a, b = np.asarray(args[0]), np.asarray(args[1])
    if isinstance(op, nn.DivOp):
        r = _int_div(a, b) if np.issubdtype(a.dtype, np.integer) else np.divide(a, b)
    elif isinstance(op, nn.PowOp):
        r = np.power(a.astype(np.float64), b.astype(np.float64)) if a.dtype.kind == "f" or b.dtype.kind == "f" \
            else np.power(a, b)
    else:
        r = _BINARY[type(op)](a, b)
    return [_out(np.broadcast_to(r, op.results[0].type.shape), op)]  # type: ignore[attr-defined]


impl(*_BINARY, nn.DivOp, nn.PowOp)(_binary)


@impl(nn.SumOp)
def _sum(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    acc = np.asarray(args[0])
    for a in args[1:]:
        acc = acc + np.asarray(a)
    return [_out(np.broadcast_to(acc, op.results[0].type.shape), op)]  # type: ignore[attr-defined]


def _sigmoid(x: Arr) -> Arr:
    # exp of a non-positive argument only: no overflow
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _gelu(x: Arr, approximate: str) -> Arr:
    if approximate == "tanh":
        return 0.5 * x * (1.0 + np.tanh(np.sqrt(2.0 / np.pi) * (x + 0.044715 * x ** 3)))
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


@impl(nn.ReluOp, nn.SigmoidOp, nn.TanhOp, nn.ExpOp, nn.SqrtOp, nn.ErfOp, nn.LeakyReluOp, nn.ClipOp, nn.GeluOp,
      nn.DropoutOp)
def _unary(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    x = np.asarray(args[0])
    p = _props(op)
    if isinstance(op, nn.ReluOp):
        r = np.maximum(x, np.zeros((), x.dtype))  # NaN propagates, as ONNX's reference max(0, x)
    elif isinstance(op, nn.LeakyReluOp):
        alpha = np.asarray(p.float("alpha"), dtype=x.dtype)
        r = np.where(x >= 0, x, x * alpha)
    elif isinstance(op, nn.ClipOp):
        r = x
        lo, hi = p.float("min"), p.float("max")
        if lo is not None:
            r = np.where(r < lo, np.asarray(lo, dtype=x.dtype), r)
        if hi is not None:
            r = np.where(r > hi, np.asarray(hi, dtype=x.dtype), r)
    elif isinstance(op, nn.DropoutOp):
        r = x
    else:
        x64 = x.astype(np.float64)
        fn: dict[type, Callable[[Arr], Arr]] = {nn.SigmoidOp: _sigmoid, nn.TanhOp: np.tanh, nn.ExpOp: np.exp,
                                                nn.SqrtOp: np.sqrt, nn.ErfOp: erf,
                                                nn.GeluOp: lambda v: _gelu(v, p.str("approximate"))}
        r = fn[type(op)](x64)
    return [_out(r, op)]


@impl(nn.SoftmaxOp, nn.LogSoftmaxOp)
def _softmax(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    x = np.asarray(args[0]).astype(np.float64)
    axis = nn.normalize_axis(_props(op).int("axis"), x.ndim)
    s = x - np.max(x, axis=axis, keepdims=True)
    e = np.exp(s)
    total = np.sum(e, axis=axis, keepdims=True)
    r = s - np.log(total) if isinstance(op, nn.LogSoftmaxOp) else e / total
    return [_out(r, op)]


@impl(nn.LrnOp)
def _lrn(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    x = np.asarray(args[0]).astype(np.float64)
    p = _props(op)
    size = p.int("size")
    lo, hi = (size - 1) // 2, -(-(size - 1) // 2)
    c = x.shape[1]
    sq = x * x
    # window sums over channels [c - lo, c + hi] by a prefix sum over the zero-padded channel axis
    pad = [(0, 0)] * x.ndim
    pad[1] = (lo + 1, hi)
    cs = np.cumsum(np.pad(sq, pad), axis=1)
    idx = np.arange(c)
    window = np.take(cs, idx + lo + hi + 1, axis=1) - np.take(cs, idx, axis=1)
    alpha, beta, bias = p.float("alpha"), p.float("beta"), p.float("bias")
    assert alpha is not None and beta is not None and bias is not None
    return [_out(x / (bias + alpha / size * window) ** beta, op)]


# --- matrix products, convolution -------------------------------------------------------------------------------


@impl(nn.MatMulOp)
def _matmul(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    return [_out(np.matmul(args[0], args[1]), op)]


@impl(nn.GemmOp)
def _gemm(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    p = _props(op)
    a, b = np.asarray(args[0]), np.asarray(args[1])
    a = a.T if p.int("trans_a") else a
    b = b.T if p.int("trans_b") else b
    alpha, beta = np.float32(p.float("alpha")), np.float32(p.float("beta"))
    y = a @ b
    if alpha != 1:
        y = y * alpha.astype(y.dtype)
    if len(args) == 3:
        y = y + beta.astype(y.dtype) * np.asarray(args[2])
    return [_out(y, op)]


def windows(x: Arr, kernel: tuple[int, int], strides: list[int], dilations: list[int],
            out: tuple[int, int]) -> Arr:
    """A read-only (N, C, OH, OW, kH, kW) view of the (already padded) NCHW array ``x``: element
    ``[n, c, i, j, a, b] = x[n, c, i·sh + a·dh, j·sw + b·dw]``."""
    sn, sc, sh, sw = x.strides
    return as_strided(x, (*x.shape[:2], *out, *kernel),
                      (sn, sc, sh * strides[0], sw * strides[1], sh * dilations[0], sw * dilations[1]),
                      writeable=False)


@impl(nn.Conv2DOp)
def _conv2d(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    p = _props(op)
    x, w = np.asarray(args[0]), np.asarray(args[1])
    strides, pads, dil = p.ints("strides"), p.ints("pads"), p.ints("dilations")
    assert strides is not None and pads is not None and dil is not None
    g = p.int("group")
    n, c = x.shape[:2]
    m, cg, kh, kw = w.shape
    oh, ow = op.results[0].type.shape[2:]  # type: ignore[attr-defined]
    xp = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])))
    win = windows(xp, (kh, kw), strides, dil, (oh, ow))  # N, C, OH, OW, kH, kW
    # im2col: (G, N·OH·OW, C/G·kH·kW) @ (G, C/G·kH·kW, M/G)
    cols = win.reshape(n, g, cg, oh, ow, kh, kw).transpose(1, 0, 3, 4, 2, 5, 6).reshape(g, n * oh * ow, cg * kh * kw)
    wm = w.reshape(g, m // g, cg * kh * kw).transpose(0, 2, 1)
    if x.dtype.kind == "f":  # accumulate in float64, round once (a reference independent of BLAS summation order)
        cols, wm = cols.astype(np.float64), wm.astype(np.float64)
    y = np.matmul(cols, wm)  # G, N·OH·OW, M/G
    y = y.reshape(g, n, oh, ow, m // g).transpose(1, 0, 4, 2, 3).reshape(n, m, oh, ow)
    if len(args) == 3:
        y = y + np.asarray(args[2]).reshape(1, m, 1, 1)
    return [_out(y, op)]


# --- pooling, normalization -------------------------------------------------------------------------------------


def _pool_geometry(op: Operation, x: Arr) -> tuple[tuple[int, int], list[int], list[int], list[int],
                                                    tuple[int, int], tuple[tuple[int, int], ...]]:
    """kernel, strides, pads, dilations, output size and the numpy padding that covers every window."""
    p = _props(op)
    kernel = p.ints("kernel_shape")
    strides, pads = p.ints("strides"), p.ints("pads")
    dil = p.ints("dilations") if isinstance(op, nn.MaxPool2DOp) else [1, 1]
    assert kernel is not None and strides is not None and pads is not None and dil is not None
    oh, ow = op.results[0].type.shape[2:]  # type: ignore[attr-defined]
    extra = []
    for i, o in enumerate((oh, ow)):
        need = (o - 1) * strides[i] + dil[i] * (kernel[i] - 1) + 1  # padded length the windows read
        have = x.shape[2 + i] + pads[i] + pads[i + 2]
        extra.append(max(0, need - have))
    padding = ((0, 0), (0, 0), (pads[0], pads[2] + extra[0]), (pads[1], pads[3] + extra[1]))
    return (kernel[0], kernel[1]), strides, pads, dil, (oh, ow), padding


@impl(nn.MaxPool2DOp)
def _maxpool(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    x = np.asarray(args[0])
    kernel, strides, _, dil, out, padding = _pool_geometry(op, x)
    xp = np.pad(x, padding, constant_values=-np.inf)
    return [_out(windows(xp, kernel, strides, dil, out).max(axis=(4, 5)), op)]


@impl(nn.AvgPool2DOp)
def _avgpool(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    x = np.asarray(args[0])
    kernel, strides, pads, dil, out, padding = _pool_geometry(op, x)
    h, w = x.shape[2:]
    xp = np.pad(x.astype(np.float64), padding)
    total = windows(xp, kernel, strides, dil, out).sum(axis=(4, 5))
    # divisor: the input elements of each window, or (count_include_pad) its elements inside the explicit pads
    mask = np.zeros((1, 1, h + padding[2][0] + padding[2][1], w + padding[3][0] + padding[3][1]))
    if _props(op).int("count_include_pad"):
        mask[:, :, :h + pads[0] + pads[2], :w + pads[1] + pads[3]] = 1
    else:
        mask[:, :, pads[0]:pads[0] + h, pads[1]:pads[1] + w] = 1
    count = windows(mask, kernel, strides, dil, out).sum(axis=(4, 5))
    return [_out(total / count, op)]


@impl(nn.GlobalAvgPoolOp)
def _global_avgpool(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    x = np.asarray(args[0])
    return [_out(x.astype(np.float64).mean(axis=tuple(range(2, x.ndim)), keepdims=True), op)]


@impl(nn.BatchNormOp)
def _batch_norm(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    x = np.asarray(args[0])
    shape = (1, -1) + (1,) * (x.ndim - 2)
    scale, b, mean, var = (np.asarray(a, dtype=np.float64).reshape(shape) for a in args[1:])
    eps = _props(op).float("epsilon")
    assert eps is not None
    return [_out((x - mean) / np.sqrt(var + eps) * scale + b, op)]


@impl(nn.LayerNormOp)
def _layer_norm(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    x = np.asarray(args[0]).astype(np.float64)
    p = _props(op)
    axes = tuple(range(nn.normalize_axis(p.int("axis"), x.ndim), x.ndim))
    mean = x.mean(axis=axes, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=axes, keepdims=True)
    eps = p.float("epsilon")
    assert eps is not None
    y = (x - mean) / np.sqrt(var + eps) * np.asarray(args[1], dtype=np.float64)
    if len(args) == 3:
        y = y + np.asarray(args[2], dtype=np.float64)
    return [_out(y, op)]


# --- shapes -----------------------------------------------------------------------------------------------------


@impl(nn.FlattenOp, nn.ReshapeOp)
def _reshape(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    return [_out(args[0], op)]


@impl(nn.TransposeOp)
def _transpose(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    assert isinstance(op, nn.TransposeOp)
    return [_out(np.transpose(args[0], op.permutation()), op)]


@impl(nn.ConcatOp)
def _concat(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    axis = nn.normalize_axis(_props(op).int("axis"), np.ndim(args[0]))
    return [_out(np.concatenate([np.asarray(a) for a in args], axis=axis), op)]


@impl(nn.PadOp)
def _pad(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    x = np.asarray(args[0])
    p = _props(op)
    pads = p.ints("pads")
    assert pads is not None
    r = x.ndim
    # negative pads crop first
    x = x[tuple(slice(max(0, -pads[d]), x.shape[d] - max(0, -pads[d + r])) for d in range(r))]  # type: ignore[misc]
    width = [(max(0, pads[d]), max(0, pads[d + r])) for d in range(r)]
    mode = p.str("mode")
    if mode == "constant":
        y = np.pad(x, width, constant_values=np.asarray(p.float("value")).astype(x.dtype))
    else:
        if any(n == 0 for n in x.shape):
            raise InterpreterError(f"cannot '{mode}'-pad an empty dimension")
        y = np.pad(x, width, mode=mode)  # type: ignore[call-overload]
    return [_out(y, op)]


@impl(nn.ReduceMeanOp, nn.ReduceSumOp, nn.ReduceMaxOp)
def _reduce(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    x = np.asarray(args[0])
    axes = tuple(nn._Reduce.reduced_axes(x.ndim, _props(op).ints("axes")))
    if isinstance(op, nn.ReduceMaxOp):
        r = x.max(axis=axes) if x.size else np.full(op.results[0].type.shape, -np.inf)  # type: ignore[attr-defined]
    else:
        acc = x.astype(np.float64) if x.dtype.kind == "f" else x
        r = acc.mean(axis=axes) if isinstance(op, nn.ReduceMeanOp) else acc.sum(axis=axes)
    return [_out(r, op)]
