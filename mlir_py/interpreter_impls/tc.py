"""Interpreter implementation of ``tc.comprehension``, vectorized with numpy.

The statement is evaluated over its whole iteration box at once: the box has one axis per index variable (the
left-hand indices, then the reduction indices, :attr:`mlir_py.tc_lang.Comprehension.indices`), an index variable is
an ``arange`` along its axis, and a tensor read whose subscripts are affine in the indices (``I(n, c, 2*h + r)``) is
an ``as_strided`` view of the operand (a subscript ``sum(a_v * v) + k`` is the stride ``sum(a_v * stride)``; an axis
the read does not use has extent 1 and broadcasts), so no element is copied. Reads with other subscripts
(``A(i % 2)``) gather with numpy fancy indexing, bounds checked. The right-hand side then runs as numpy array
operations, and the reduction axes are folded with ``sum`` / ``prod`` / ``max`` / ``min``. A ``+`` reduction whose
right-hand side is a sum of products of reads and scalars (``A(m, k) * B(k, n)``, convolutions, ``X(i, k) * s +
B(i)``) runs as one ``numpy.einsum`` per term on the views (BLAS for f32/f64), never materializing the box. Boxes larger than :data:`BUDGET` elements are split along the longest left-hand index.

Semantics (TC ``semantics.rst``): the result starts as the reduction's identity (``!``), the ``init`` operand
(a reduction without ``!``), or zeros (``=``); the right-hand side is evaluated at every point of the ranges and
combined into the element the left-hand side names. Float reductions are reassociated (pairwise/BLAS order);
integer arithmetic wraps in the element width, ``/`` and ``%`` truncate toward zero (C); float-to-integer casts
saturate (``mlir_py.interpreter.float_to_int``). ``min``/``max`` propagate NaN (``arith.minimumf``), ``fmin``/
``fmax`` ignore it (``arith.minnumf``).

Runtime errors (:class:`~mlir_py.interpreter.InterpreterError`, located at the op): ranges that the runtime shapes
make empty, ambiguous or out of bounds (dynamic shapes), an out-of-bounds gather, integer division by zero.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import numpy as np

from dialects.tc import ComprehensionOp
from mlir_py.attributes import FloatType, IntegerType, RankedTensorType, Type
from mlir_py.interpreter import Interpreter, InterpreterError, float_to_int, impl, storage_dtype
from mlir_py.interpreter_impls.nn import erf as _erf64
from mlir_py.ir import Operation
from mlir_py.tc_lang import (
    CASTS,
    Binary,
    Call,
    Comprehension,
    Dim,
    Expr,
    Lin,
    Name,
    Num,
    Select,
    TcError,
    Unary,
    affine_form,
    format_expr,
    identity,
    is_float,
    operand_shape,
)


def _erf(x: Any) -> Any:
    """The error function in ``x``'s float dtype (the nn interpreter's float64 evaluation, rounded once): scipy
    is not a runtime dependency."""
    a = np.asarray(x)
    return _erf64(a).astype(a.dtype if a.dtype.kind == "f" else np.float64)

#: the largest iteration box (elements) evaluated at once
BUDGET = 1 << 23

Box = dict[str, tuple[int, int]]

_UNARY: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "exp": np.exp, "log": np.log, "sqrt": np.sqrt, "tanh": np.tanh, "erf": _erf, "abs": np.abs,
    "fabs": np.abs, "floor": np.floor, "ceil": np.ceil, "sin": np.sin, "cos": np.cos,
    "rsqrt": lambda x: np.asarray(1, x.dtype) / np.sqrt(x)}
_BINARY: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "min": np.minimum, "max": np.maximum, "fmin": np.fmin, "fmax": np.fmax, "pow": np.power, "powf": np.power}
_CMP: dict[str, Callable[[Any, Any], Any]] = {
    "==": np.equal, "!=": np.not_equal, "<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal}
_REDUCE: dict[str, Callable[..., np.ndarray]] = {"+": np.sum, "*": np.prod, "max": np.max, "min": np.min}
_COMBINE: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "+": np.add, "*": np.multiply, "max": np.maximum, "min": np.minimum}


class _Eval:
    """Evaluates one comprehension over one box of its iteration space."""

    def __init__(self, c: Comprehension, values: dict[str, Any], box: Box):
        self.c, self.values, self.box = c, values, box
        self.axis = {v: i for i, v in enumerate(c.indices)}
        self.n = len(c.indices)

    def dtype(self, e: Expr) -> np.dtype:
        return storage_dtype(self.c.type_of(e))

    def iota(self, v: str) -> np.ndarray:
        lo, hi = self.box[v]
        shape = [1] * self.n
        shape[self.axis[v]] = hi - lo
        return np.arange(lo, hi, dtype=np.int64).reshape(shape)

    def lin(self, e: Expr) -> Lin | None:
        return affine_form(e, self.axis, lambda t, d: int(np.shape(self.values[t])[d]))

    def view(self, x: Call, squeeze: bool = False) -> tuple[np.ndarray, list[str]] | None:
        """An ``as_strided`` view of the read ``x`` over the box (``None`` if a subscript is not affine); with
        ``squeeze`` only the axes of the indices the read uses, which are returned too."""
        arr = np.ascontiguousarray(self.values[x.name])
        forms = [self.lin(s) for s in x.args]
        if any(f is None for f in forms):
            return None
        start, strides, used = [], [0] * self.n, set()
        for d, f in enumerate(forms):
            assert f is not None
            at = f.get(None, 0)
            for v, a in f.items():
                if v is None or a == 0:
                    continue
                at += a * self.box[v][0]
                strides[self.axis[v]] += a * arr.strides[d]
                used.add(v)
            start.append(at)
        shape = [self.box[v][1] - self.box[v][0] if v in used else 1 for v in self.c.indices]
        base = arr[tuple(slice(s, s + 1) for s in start)] if arr.ndim else arr
        out = np.lib.stride_tricks.as_strided(base, shape, strides, writeable=False)
        if not squeeze:
            return out, []
        keep = [v for v in self.c.indices if v in used]
        return out.reshape([shape[self.axis[v]] for v in keep]), keep

    def ev(self, e: Expr) -> Any:
        t = self.c.type_of(e)
        if isinstance(e, Num):
            return np.asarray(e.value).astype(storage_dtype(t))
        if isinstance(e, Name):
            if e.name in self.axis:
                return _cast_int(self.iota(e.name), t)
            return np.asarray(self.values[e.name]).astype(storage_dtype(t))
        if isinstance(e, Dim):
            return np.asarray(np.shape(self.values[e.tensor])[e.dim]).astype(storage_dtype(t))
        if isinstance(e, Call):
            if e.name in self.values:
                return self.read(e)
            args = [self.ev(a) for a in e.args]
            if e.name in CASTS:
                return _cast(args[0], self.c.type_of(e.args[0]), t)
            if e.name in _UNARY:
                return _UNARY[e.name](args[0]).astype(storage_dtype(t))
            return _BINARY[e.name](args[0], args[1]).astype(storage_dtype(t))
        if isinstance(e, Unary):
            x = self.ev(e.x)
            return np.logical_not(x) if e.op == "!" else np.negative(x)
        if isinstance(e, Select):
            return np.where(self.ev(e.cond), self.ev(e.a), self.ev(e.b))
        a, b = self.ev(e.a), self.ev(e.b)
        if e.op in _CMP:
            return _CMP[e.op](a, b)
        if e.op == "&&":
            return np.logical_and(a, b)
        if e.op == "||":
            return np.logical_or(a, b)
        if is_float(t) or e.op in "+-*":
            with np.errstate(all="ignore"):
                r = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "%": np.fmod}[e.op](a, b)
            return np.asarray(r).astype(storage_dtype(t))
        if np.any(b == 0):
            raise InterpreterError(f"integer division by zero in '{format_expr(e)}'")
        q = np.fmod(a, b) if e.op == "%" else _trunc_div(a, b)
        return np.asarray(q).astype(storage_dtype(t))

    def read(self, x: Call) -> np.ndarray:
        arr = np.asarray(self.values[x.name])
        got = self.view(x)
        if got is not None:
            return got[0]
        subs = [np.asarray(self.ev(s)).astype(np.int64) for s in x.args]
        for d, s in enumerate(subs):
            if s.size and (s.min() < 0 or s.max() >= arr.shape[d]):
                raise InterpreterError(f"read '{format_expr(x)}' is out of bounds: subscript "
                                       f"'{format_expr(x.args[d])}' ranges over [{s.min()}, {s.max()}] but the "
                                       f"size is {arr.shape[d]}")
        out = arr[tuple(subs)]
        return out.reshape(out.shape + (1,) * (self.n - out.ndim)) if out.ndim < self.n else out

    def einsum(self) -> np.ndarray | None:
        """The reduced value of a ``+`` reduction whose right-hand side is a sum of products of reads and scalars
        (``A(m, k) * B(k, n)``, ``X(i, j) * s + B(i)``), one ``numpy.einsum`` per term; else ``None``."""
        elem = self.c.element_type
        terms: list[tuple[int, list[Expr]]] = []  # (sign, factors)
        stack: list[tuple[int, Expr]] = [(1, self.c.stmt.rhs)]
        while stack:
            sign, e = stack.pop()
            if self.c.type_of(e) != elem:
                return None
            if isinstance(e, Binary) and e.op in "+-":
                stack += [(sign, e.a), (sign if e.op == "+" else -sign, e.b)]
            elif isinstance(e, Unary) and e.op == "-":
                stack.append((-sign, e.x))
            else:
                factors: list[Expr] = []
                inner = [e]
                while inner:
                    f = inner.pop()
                    if self.c.type_of(f) != elem:
                        return None
                    if isinstance(f, Binary) and f.op == "*":
                        inner += [f.a, f.b]
                    elif isinstance(f, Call) and f.name in self.values or isinstance(f, (Num, Name, Dim)):
                        if isinstance(f, Name) and f.name in self.axis:
                            return None  # an index used as a value
                        factors.append(f)
                    else:
                        return None
                terms.append((sign, factors))
        if len(terms) > 8:
            return None
        letters = {v: chr(ord("a") + i) for i, v in enumerate(self.c.indices)}
        par = self.c.indices[:self.c.n_parallel]
        ext = {v: self.box[v][1] - self.box[v][0] for v in self.c.indices}
        total: Any = None
        for sign, factors in terms:
            ops, subs = [], []
            coef: Any = np.asarray(sign).astype(storage_dtype(elem))
            for f in factors:
                if isinstance(f, Call):
                    got = self.view(f, squeeze=True)
                    if got is None:
                        return None
                    ops.append(got[0])
                    subs.append("".join(letters[v] for v in got[1]))
                else:
                    coef = coef * self.ev(f)
            used = set("".join(subs))
            out = "".join(letters[v] for v in par if letters[v] in used)
            r = np.asarray(np.einsum(",".join(subs) + "->" + out, *ops, optimize=True)) if ops else np.asarray(1)
            r = r.astype(storage_dtype(elem)) * coef
            # reduction indices the term does not use repeat its value; left-hand ones broadcast it
            repeat = math.prod(ext[v] for v in self.c.indices[self.c.n_parallel:] if letters[v] not in used)
            r = r * np.asarray(repeat).astype(storage_dtype(elem)) if repeat != 1 else r
            r = r.reshape([ext[v] if letters[v] in used else 1 for v in par])
            total = r if total is None else total + r
        return np.broadcast_to(total, [ext[v] for v in par])


def _trunc_div(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    q = np.floor_divide(a, b)
    return np.where((np.remainder(a, b) != 0) & ((a < 0) != (b < 0)), q + 1, q)


def _cast_int(x: np.ndarray, t: Type) -> np.ndarray:
    return x.astype(storage_dtype(t))


def _cast(x: Any, src: Type, dst: Type) -> np.ndarray:
    """TC's C-style conversion ``dst(x)``: int→float rounds, float→int truncates (saturating), to bool is ``!= 0``."""
    x = np.asarray(x)
    if isinstance(dst, IntegerType) and dst.width == 1:
        return x != 0
    if isinstance(dst, FloatType):
        return x.astype(storage_dtype(dst))
    if isinstance(src, FloatType):
        return float_to_int(x, dst, True)
    return x.astype(storage_dtype(dst))


def evaluate(c: Comprehension, values: dict[str, Any], init: np.ndarray | None, out_shape: tuple[int, ...],
             out_dtype: np.dtype) -> np.ndarray:
    """The result of comprehension ``c`` (ranges resolved for the runtime shapes) over operand ``values``."""
    st = c.stmt
    if init is not None:
        out = np.array(init, dtype=out_dtype, copy=True)
    elif st.is_reduction:
        out = np.full(out_shape, identity(st.op, c.element_type), dtype=out_dtype)
    else:
        out = np.zeros(out_shape, dtype=out_dtype)
    ranges: Box = {v: (int(lo or 0), int(hi or 0)) for v, (lo, hi) in c.ranges.items() if v in c.indices}
    if any(hi <= lo for lo, hi in ranges.values()):
        return out
    total = math.prod(hi - lo for lo, hi in ranges.values())
    par = c.indices[:c.n_parallel]
    split = max(par, key=lambda v: ranges[v][1] - ranges[v][0]) if par and total > BUDGET else None
    chunk = max(1, BUDGET * (ranges[split][1] - ranges[split][0]) // total) if split else 0
    boxes = [ranges] if split is None else [
        {**ranges, split: (s, min(s + chunk, ranges[split][1]))} for s in range(*ranges[split], chunk)]
    red_axes = tuple(range(c.n_parallel, len(c.indices)))
    for box in boxes:
        ev = _Eval(c, values, box)
        full = [hi - lo for lo, hi in (box[v] for v in c.indices)]
        val = ev.einsum() if st.op == "+" and red_axes else None
        if val is None:
            with np.errstate(all="ignore"):
                x = np.broadcast_to(np.asarray(ev.ev(st.rhs)).astype(out_dtype), full)
                val = _REDUCE[st.op](x, axis=red_axes) if st.is_reduction else x
        sl = tuple(slice(*box[v]) for v in par)
        val = np.asarray(val).astype(out_dtype).reshape([box[v][1] - box[v][0] for v in par])
        with np.errstate(all="ignore"):
            out[sl] = _COMBINE[st.op](out[sl], val) if st.is_reduction else val
    return out


@impl(ComprehensionOp)
def _comprehension(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    assert isinstance(op, ComprehensionOp)
    names = op.input_names()
    values = dict(zip(names, args[:len(names)]))
    init = np.asarray(args[len(names)]) if op.init is not None else None
    shapes = {n: np.shape(a) for n, a, v in zip(names, args, op.inputs) if isinstance(v.type, RankedTensorType)}
    try:
        c = op.comprehension(shapes)
    except TcError as e:
        raise InterpreterError(e.message) from None
    rt = op.result.type
    assert isinstance(rt, RankedTensorType)
    out_shape = tuple(init.shape) if init is not None else tuple(
        int(s if s is not None else 0) for s in c.shape)
    for d, (s, want) in enumerate(zip(out_shape, operand_shape(rt))):
        if want is not None and s != want:
            raise InterpreterError(f"result dimension {d} has size {s} at run time but the type says {want}")
    return [evaluate(c, values, init, out_shape, storage_dtype(rt))]
