"""Interpreter implementations of the arith dialect, elementwise over scalars, vectors and tensors.

Semantics follow mlir/docs/Dialects/ArithOps.md and, where it defers to the LLVM lowering, the LLVM LangRef;
docs/interpreter.md lists every choice. In short: integers wrap mod 2**N; ``nsw``/``nuw``/``fastmath`` flags are
not checked (an IEEE or wrapped result is a valid refinement of their poison); shift amounts >= N (poison) give
0; division by zero and signed ``MIN / -1`` (undefined behaviour) are diagnostics, ``remsi MIN, -1`` is 0 (MLIR's
folder); ``fptosi``/``fptoui`` saturate (poison when out of range; NaN gives 0); ``maxnumf``/``minnumf`` order
-0 < +0 like ``maximumf``/``minimumf`` (LLVM's APFloat ``maxnum``); bf16 results are computed in f64 and
rounded once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from dialects import arith as A
from mlir_py.attributes import Type
from mlir_py.interpreter import (
    Impl,
    Interpreter,
    InterpreterError,
    float_bits,
    float_from_bits,
    float_kind,
    float_to_int,
    from_attribute,
    impl,
    int_to_float,
    int_width,
    is_shaped,
    result,
    round_float,
    sext,
    storage_dtype,
    wrap,
    zext,
)
from mlir_py.ir import Operation

Arr = np.ndarray


def _arith(*mnemonics: str) -> Callable[[Impl], Impl]:
    """:func:`impl` for arith ops named by mnemonic (most arith op classes are generated from tables)."""
    return impl(*(A.DIALECT.ops["arith." + m] for m in mnemonics))


def _elementwise(fn: Callable[..., Arr], n: int = 2) -> Callable[[Interpreter, Operation, list[Any]], list[Any]]:
    """An implementation applying ``fn(*args, t)`` (``t``: the first operand's type) to give the one result."""

    def run(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
        rt = op.results[0].type
        return [result(fn(*args[:n], op.operand(0).type), rt)]

    return run


def _register(table: dict[str, Callable[..., Arr]], n: int = 2) -> None:
    for name, fn in table.items():
        _arith(name)(_elementwise(fn, n))


def _first_index(mask: Arr) -> str:
    return f" at element {list(map(int, np.argwhere(mask)[0]))}" if mask.ndim else ""


# --- integer arithmetic -----------------------------------------------------------------------------------------


def _shift(kind: str) -> Callable[[Arr, Arr, Type], Arr]:
    """shli / shrsi / shrui; an amount (unsigned) >= the bit width is poison, represented as 0."""

    def f(a: Arr, b: Arr, t: Type) -> Arr:
        amount = zext(b, t)
        poison = amount >= np.uint64(int_width(t))
        amount = np.where(poison, np.uint64(0), amount)
        if kind == "shli":
            r = sext(a, t) << amount.astype(np.int64)
        elif kind == "shrsi":
            r = sext(a, t) >> amount.astype(np.int64)
        else:
            r = zext(a, t) >> amount
        out = wrap(r, t)
        return np.where(poison, np.zeros_like(out), out)

    return f


def _divisor(a: Arr, b: Arr, t: Type, signed: bool) -> None:
    """Diagnose undefined division: a zero divisor; signed ``MIN / -1`` (the quotient overflows)."""
    zero = b == 0
    if zero.any():
        raise InterpreterError("division by zero (undefined behavior)" + _first_index(zero))
    if signed:
        ovf = (a == -(1 << (int_width(t) - 1))) & (b == -1)
        if ovf.any():
            raise InterpreterError("signed division overflow: minimum value divided by -1 (undefined behavior)"
                                   + _first_index(ovf))


def _signed_div(kind: str) -> Callable[[Arr, Arr, Type], Arr]:
    def f(x: Arr, y: Arr, t: Type) -> Arr:
        a, b = sext(x, t), sext(y, t)
        if kind == "remsi":
            _divisor(a, b, t, signed=False)  # MIN rem -1 is 0, as MLIR's folder (APInt::srem)
            return wrap(np.fmod(a, b), t)  # C remainder: the sign of the dividend
        _divisor(a, b, t, signed=True)
        if kind == "divsi":  # toward zero: subtracting the C remainder makes the division exact
            q = (a - np.fmod(a, b)) // b
        elif kind == "floordivsi":
            q = a // b
        else:  # ceildivsi
            q = a // b + (np.remainder(a, b) != 0)
        return wrap(q, t)

    return f


def _unsigned_div(kind: str) -> Callable[[Arr, Arr, Type], Arr]:
    def f(x: Arr, y: Arr, t: Type) -> Arr:
        a, b = zext(x, t), zext(y, t)
        _divisor(a, b, t, signed=False)
        if kind == "divui":
            q = a // b
        elif kind == "ceildivui":
            q = a // b + (a % b != 0).astype(np.uint64)
        else:  # remui
            q = a % b
        return wrap(q, t)

    return f


_register({
    "addi": lambda a, b, t: wrap(sext(a, t) + sext(b, t), t),
    "subi": lambda a, b, t: wrap(sext(a, t) - sext(b, t), t),
    "muli": lambda a, b, t: wrap(sext(a, t) * sext(b, t), t),
    "andi": lambda a, b, t: wrap(sext(a, t) & sext(b, t), t),
    "ori": lambda a, b, t: wrap(sext(a, t) | sext(b, t), t),
    "xori": lambda a, b, t: wrap(sext(a, t) ^ sext(b, t), t),
    "maxsi": lambda a, b, t: wrap(np.maximum(sext(a, t), sext(b, t)), t),
    "minsi": lambda a, b, t: wrap(np.minimum(sext(a, t), sext(b, t)), t),
    "maxui": lambda a, b, t: wrap(np.maximum(zext(a, t), zext(b, t)), t),
    "minui": lambda a, b, t: wrap(np.minimum(zext(a, t), zext(b, t)), t),
    "shli": _shift("shli"),
    "shrsi": _shift("shrsi"),
    "shrui": _shift("shrui"),
    "divsi": _signed_div("divsi"),
    "floordivsi": _signed_div("floordivsi"),
    "ceildivsi": _signed_div("ceildivsi"),
    "remsi": _signed_div("remsi"),
    "divui": _unsigned_div("divui"),
    "ceildivui": _unsigned_div("ceildivui"),
    "remui": _unsigned_div("remui"),
})


@_arith("addui_extended")
def _addui_extended(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    """The N-bit sum and the carry out of the (N+1)-bit sum of the zero-extended operands."""
    t = op.results[0].type
    a, b = zext(args[0], t), zext(args[1], t)
    total = wrap(a + b, t)
    return [result(total, t), result(zext(total, t) < a, op.results[1].type)]


def _mul_u64(a: Arr, b: Arr) -> tuple[Arr, Arr]:
    """The (high, low) 64-bit halves of the 128-bit products of uint64 arrays (32-bit limbs)."""
    m, s = np.uint64(0xFFFFFFFF), np.uint64(32)
    a0, a1, b0, b1 = a & m, a >> s, b & m, b >> s
    p00, p01, p10, p11 = a0 * b0, a0 * b1, a1 * b0, a1 * b1
    mid = (p00 >> s) + (p01 & m) + (p10 & m)
    return p11 + (p01 >> s) + (p10 >> s) + (mid >> s), (mid << s) | (p00 & m)


def _mul_extended(signed: bool) -> Callable[[Interpreter, Operation, list[Any]], list[Any]]:
    """The low and high N-bit halves of the 2N-bit product of the sign- (zero-) extended operands."""

    def run(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
        t = op.results[0].type
        w = int_width(t)
        ext = sext if signed else zext
        a, b = ext(args[0], t), ext(args[1], t)
        if w <= 32:  # the product fits in 64 bits
            lo, hi = a * b, (a * b) >> w
        else:
            ua, ub = a.view(np.uint64), b.view(np.uint64)
            hi, lo = _mul_u64(ua, ub)
            if signed:  # two's complement correction of the unsigned 128-bit product
                hi = hi - np.where(a < 0, ub, np.uint64(0)) - np.where(b < 0, ua, np.uint64(0))
            if w < 64:
                hi = (lo >> np.uint64(w)) | (hi << np.uint64(64 - w))
        return [result(wrap(lo, t), t), result(wrap(hi, t), t)]

    return run


_arith("mulsi_extended")(_mul_extended(signed=True))
_arith("mului_extended")(_mul_extended(signed=False))

_CMPI: dict[str, tuple[Callable[[Arr, Arr], Arr], Callable[[Any, Type], Arr]]] = {
    "eq": (np.equal, sext), "ne": (np.not_equal, sext),
    "slt": (np.less, sext), "sle": (np.less_equal, sext), "sgt": (np.greater, sext), "sge": (np.greater_equal, sext),
    "ult": (np.less, zext), "ule": (np.less_equal, zext), "ugt": (np.greater, zext), "uge": (np.greater_equal, zext),
}


@_arith("cmpi")
def _cmpi(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    cmp, ext = _CMPI[A.CMPI_PREDICATE.case_of(op.properties["predicate"])]
    t = op.operand(0).type
    return [result(cmp(ext(args[0], t), ext(args[1], t)), op.results[0].type)]


# --- floating point ---------------------------------------------------------------------------------------------


def _float(fn: Callable[[Arr, Arr], Arr]) -> Callable[[Arr, Arr, Type], Arr]:
    """An IEEE operation in the type's precision; bf16 is computed in f64 and rounded once (exact for
    + - * / since 53 >= 2*8+2, Figueroa 1995)."""

    def f(a: Arr, b: Arr, t: Type) -> Arr:
        if float_kind(t) == "bf16":
            return round_float(fn(np.asarray(a, np.float64), np.asarray(b, np.float64)), "bf16")
        return fn(np.asarray(a), np.asarray(b))

    return f


def _signed_zero_order(fn: Callable[[Arr, Arr], Arr], larger: bool) -> Callable[[Arr, Arr], Arr]:
    """``fn`` with -0 < +0 (IEEE 754-2019 maximum/minimum; LLVM's APFloat maxnum/minnum)."""

    def f(a: Arr, b: Arr) -> Arr:
        both_zero = (a == 0) & (b == 0)
        pick_b = np.signbit(a) if larger else np.signbit(b)
        return np.where(both_zero, np.where(pick_b, b, a), fn(a, b))

    return f


_register({
    "addf": _float(np.add),
    "subf": _float(np.subtract),
    "mulf": _float(np.multiply),
    "divf": _float(np.divide),
    "remf": _float(np.fmod),  # the sign of the dividend, exact (C fmod)
    "maximumf": _float(_signed_zero_order(np.maximum, larger=True)),  # NaN-propagating
    "minimumf": _float(_signed_zero_order(np.minimum, larger=False)),
    "maxnumf": _float(_signed_zero_order(np.fmax, larger=True)),  # the non-NaN operand
    "minnumf": _float(_signed_zero_order(np.fmin, larger=False)),
})
_register({"negf": lambda a, t: np.negative(a)}, n=1)  # exact: flips the sign bit

_CMPF: dict[str, Callable[[Arr, Arr, Arr], Arr]] = {  # (lhs, rhs, unordered) -> i1
    "false": lambda a, b, u: np.zeros(u.shape, np.bool_), "true": lambda a, b, u: np.ones(u.shape, np.bool_),
    "oeq": lambda a, b, u: a == b, "ogt": lambda a, b, u: a > b, "oge": lambda a, b, u: a >= b,
    "olt": lambda a, b, u: a < b, "ole": lambda a, b, u: a <= b, "one": lambda a, b, u: (a != b) & ~u,
    "ord": lambda a, b, u: ~u, "uno": lambda a, b, u: u, "ueq": lambda a, b, u: (a == b) | u,
    "ugt": lambda a, b, u: ~(a <= b), "uge": lambda a, b, u: ~(a < b), "ult": lambda a, b, u: ~(a >= b),
    "ule": lambda a, b, u: ~(a > b), "une": lambda a, b, u: a != b,
}


@_arith("cmpf")
def _cmpf(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    """Ordered predicates (o*) are false and unordered ones (u*) true when an operand is NaN."""
    a, b = np.asarray(args[0]), np.asarray(args[1])
    unordered = np.isnan(a) | np.isnan(b)
    pred = _CMPF[A.CMPF_PREDICATE.case_of(op.properties["predicate"])]
    return [result(pred(a, b, unordered), op.results[0].type)]


# --- casts ------------------------------------------------------------------------------------------------------


def _cast(fn: Callable[[Any, Type, Type], Arr]) -> Callable[[Interpreter, Operation, list[Any]], list[Any]]:
    def run(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
        t_out = op.results[0].type
        return [result(fn(args[0], op.operand(0).type, t_out), t_out)]

    return run


def _rounding_mode(op: Operation) -> str:
    mode = op.properties.get("roundingmode")
    return A.ROUNDING_MODE.case_of(mode) if mode is not None else "to_nearest_even"


def _bitcast(x: Any, t_in: Type, t_out: Type) -> Arr:
    """Reinterpret the bits (logical, endianness-independent, as MLIR's folder)."""
    bits = zext(x, t_in) if _is_int(t_in) else float_bits(x, t_in)
    return wrap(bits, t_out) if _is_int(t_out) else float_from_bits(bits, t_out)


def _is_int(t: Type) -> bool:
    return storage_dtype(t).kind in "iub"


for _name, _fn in {
    "extsi": lambda x, ti, to: wrap(sext(x, ti), to),
    "extui": lambda x, ti, to: wrap(zext(x, ti), to),
    "trunci": lambda x, ti, to: wrap(sext(x, ti), to),  # keeps the low bits
    "index_cast": lambda x, ti, to: wrap(sext(x, ti), to),  # sign-extends or truncates
    "index_castui": lambda x, ti, to: wrap(zext(x, ti), to),  # zero-extends or truncates
    "sitofp": lambda x, ti, to: int_to_float(x, ti, to, signed=True),
    "uitofp": lambda x, ti, to: int_to_float(x, ti, to, signed=False),
    "fptosi": lambda x, ti, to: float_to_int(x, to, signed=True),
    "fptoui": lambda x, ti, to: float_to_int(x, to, signed=False),
    "extf": lambda x, ti, to: np.asarray(x).astype(storage_dtype(to)),  # exact
    "bitcast": _bitcast,
}.items():
    _arith(_name)(_cast(_fn))


@_arith("truncf")
def _truncf(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    t_out = op.results[0].type
    return [result(round_float(args[0], float_kind(t_out), _rounding_mode(op)), t_out)]


# --- select, constant -------------------------------------------------------------------------------------------


@_arith("select")
def _select(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    """A scalar i1 picks a whole value; a shaped condition picks elementwise."""
    cond, a, b = args
    if not is_shaped(op.operand(0).type):
        return [a if cond else b]
    return [np.where(cond, a, b)]


@_arith("constant")
def _constant(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
    return [from_attribute(op.properties["value"], op.results[0].type, interp.module)]
