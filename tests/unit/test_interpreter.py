"""The reference interpreter (mlir_py.interpreter) and its arith/func implementations.

Integer ops are checked against exact Python-int references on edge values (0, ±1, MIN, MAX, ...) for i1, i3,
i8, i16, i17, i32, i64 and index; float ops against f64 arithmetic rounded once to the type (exact for + - * /,
Figueroa's 2p+2 rule) for f16, bf16, f32 and f64 on ±0, ±inf, NaN, subnormals and the largest finite value;
roundings against an exact rational reference. Then the engine: calls, recursion limits, CFG branches, region
ops, diagnostics, input checking.
"""

from __future__ import annotations

import math
import struct
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlir_py import Context, verify
from mlir_py.attributes import FloatType, IndexType, IntegerType, numpy_dtype
from mlir_py.dialect import Dialect
from mlir_py.interpreter import (
    Branch,
    Exit,
    Interpreter,
    InterpreterError,
    float_bits,
    format_value,
    from_attribute,
    random_value,
    round_float,
    same_value,
    to_value,
)
from mlir_py.ir import Operation
from mlir_py.opdef import IsTerminator, Op, operand, region_def, result_def, successor_def, var_operand

CTX = Context(allow_unregistered_dialects=True)


def compile_module(text: str, ctx: Context = CTX) -> Operation:
    module = ctx.parser.parse(text, "test.mlir")
    verify(module)
    return module


def run(text: str, *args: Any, entry: str = "main") -> list[Any]:
    return Interpreter(compile_module(text)).call(entry, list(args))


def unary_fn(op: str, t_in: str, t_out: str, suffix: str = "") -> str:
    return (f"func.func @main(%a: {t_in}) -> {t_out} {{\n  %r = arith.{op} %a{suffix} : {t_in} to {t_out}\n"
            f"  return %r : {t_out}\n}}")


def binary_fn(op: str, t: str, t_out: str | None = None, pred: str = "") -> str:
    t_out = t_out or t
    return (f"func.func @main(%a: {t}, %b: {t}) -> {t_out} {{\n  %r = arith.{op} {pred}%a, %b : {t}\n"
            f"  return %r : {t_out}\n}}")


# ---------------------------------------------------------------------------------------------------------------
# integer references
# ---------------------------------------------------------------------------------------------------------------

INT_TYPES = ["i1", "i3", "i8", "i16", "i17", "i32", "i64", "index"]


def width(t: str) -> int:
    return 64 if t == "index" else int(t[1:])


def sgn(v: int, w: int) -> int:
    v &= (1 << w) - 1
    return v - (1 << w) if v >> (w - 1) else v


def uns(v: int, w: int) -> int:
    return v & ((1 << w) - 1)


def dtype_of(t: str) -> np.dtype:
    ty = IndexType() if t == "index" else IntegerType(width(t)) if t[0] == "i" else FloatType(t)
    return np.dtype(numpy_dtype(ty))


def int_array(vals: list[int], t: str) -> np.ndarray:
    w = width(t)
    if w == 1:
        return np.array([bool(v & 1) for v in vals])
    return np.array([sgn(v, w) for v in vals], dtype=dtype_of(t))


def edge_ints(w: int) -> list[int]:
    lo, hi = -(1 << (w - 1)), (1 << (w - 1)) - 1
    vals = {0, 1, -1, 2, -2, 3, -3, 5, -7, 100, -100, lo, hi, lo + 1, hi - 1, 0x5555555555555555, w, w - 1}
    return sorted({sgn(v, w) for v in vals})


def tdiv(a: int, b: int) -> int:
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def _shift_ref(kind: str) -> Any:
    def f(a: int, b: int, w: int) -> int:
        n = uns(b, w)
        if n >= w:
            return 0  # poison, represented as 0
        return {"shli": a << n, "shrsi": a >> n, "shrui": uns(a, w) >> n}[kind]

    return f


INT_REF: dict[str, Any] = {
    "addi": lambda a, b, w: a + b, "subi": lambda a, b, w: a - b, "muli": lambda a, b, w: a * b,
    "andi": lambda a, b, w: a & b, "ori": lambda a, b, w: a | b, "xori": lambda a, b, w: a ^ b,
    "maxsi": lambda a, b, w: max(a, b), "minsi": lambda a, b, w: min(a, b),
    "maxui": lambda a, b, w: max(uns(a, w), uns(b, w)), "minui": lambda a, b, w: min(uns(a, w), uns(b, w)),
    "shli": _shift_ref("shli"), "shrsi": _shift_ref("shrsi"), "shrui": _shift_ref("shrui"),
    "divsi": lambda a, b, w: tdiv(a, b), "floordivsi": lambda a, b, w: a // b,
    "ceildivsi": lambda a, b, w: -((-a) // b), "remsi": lambda a, b, w: a - tdiv(a, b) * b,
    "divui": lambda a, b, w: uns(a, w) // uns(b, w), "ceildivui": lambda a, b, w: -((-uns(a, w)) // uns(b, w)),
    "remui": lambda a, b, w: uns(a, w) % uns(b, w),
}
DIVISIONS = {"divsi", "floordivsi", "ceildivsi", "remsi", "divui", "ceildivui", "remui"}


def defined_pairs(op: str, w: int) -> tuple[list[int], list[int]]:
    vals = edge_ints(w)
    pairs = [(a, b) for a in vals for b in vals]
    if op in DIVISIONS:
        pairs = [(a, b) for a, b in pairs if b != 0]
    if op in ("divsi", "floordivsi", "ceildivsi"):
        pairs = [(a, b) for a, b in pairs if not (a == -(1 << (w - 1)) and b == -1)]
    return [a for a, _ in pairs], [b for _, b in pairs]


@pytest.mark.parametrize("t", INT_TYPES)
@pytest.mark.parametrize("op", sorted(INT_REF))
def test_integer_binary(op: str, t: str) -> None:
    w = width(t)
    a, b = defined_pairs(op, w)
    vt = f"vector<{len(a)}x{t}>"
    (got,) = run(binary_fn(op, vt), int_array(a, t), int_array(b, t))
    want = int_array([INT_REF[op](x, y, w) for x, y in zip(a, b)], t)
    assert got.dtype == want.dtype
    bad = [(x, y, g, e) for x, y, g, e in zip(a, b, got.tolist(), want.tolist()) if g != e]
    assert not bad, f"{op} {t}: (lhs, rhs, got, want) {bad[:5]}"


@pytest.mark.parametrize("t", INT_TYPES)
def test_scalars_are_numpy_scalars_of_the_storage_dtype(t: str) -> None:
    w = width(t)
    hi = (1 << (w - 1)) - 1
    (r,) = run(binary_fn("addi", t), int_array([hi], t)[0], int_array([1], t)[0])
    assert isinstance(r, np.generic) and r.dtype == dtype_of(t)
    assert r == int_array([hi + 1], t)[0]  # wraps to MIN (i1: 0 + 1 = true)


def test_wrap_around_examples() -> None:
    assert run(binary_fn("addi", "i8"), np.int8(127), np.int8(1)) == [-128]
    assert run(binary_fn("muli", "i3"), np.int8(3), np.int8(3)) == [1]  # 9 mod 8
    assert run(binary_fn("subi", "i17"), np.int32(-(1 << 16)), np.int32(1)) == [(1 << 16) - 1]
    assert run(binary_fn("addi", "i1"), np.True_, np.True_) == [False]
    assert run(binary_fn("muli", "i64"), np.int64(1 << 62), np.int64(4)) == [0]


@pytest.mark.parametrize("op", ["divsi", "divui", "ceildivsi", "ceildivui", "floordivsi", "remsi", "remui"])
def test_division_by_zero_is_a_located_diagnostic(op: str) -> None:
    with pytest.raises(InterpreterError) as e:
        run(binary_fn(op, "i32"), np.int32(7), np.int32(0))
    d = e.value.diagnostic
    assert d.message == f"'arith.{op}' op division by zero (undefined behavior)"
    assert (d.location.line, d.location.col) == (2, 8)  # type: ignore[union-attr]


def test_division_by_zero_names_the_element() -> None:
    vt = "vector<4xi8>"
    with pytest.raises(InterpreterError, match=r"division by zero \(undefined behavior\) at element \[2\]"):
        run(binary_fn("remui", vt), np.array([1, 2, 3, 4], np.int8), np.array([1, 1, 0, 1], np.int8))


@pytest.mark.parametrize("op", ["divsi", "ceildivsi", "floordivsi"])
@pytest.mark.parametrize("t", ["i1", "i8", "i64", "index"])
def test_signed_division_overflow_is_a_diagnostic(op: str, t: str) -> None:
    w = width(t)
    with pytest.raises(InterpreterError, match="signed division overflow"):
        run(binary_fn(op, t), int_array([-(1 << (w - 1))], t)[0], int_array([-1], t)[0])


def test_remsi_of_min_by_minus_one_is_zero() -> None:
    assert run(binary_fn("remsi", "i64"), np.int64(-(1 << 63)), np.int64(-1)) == [0]


def edge_pairs(t: str) -> tuple[int, list[int], list[int], str]:
    """(width, lhs, rhs, vector type): every pair of ``t``'s edge values, as two vectors of that type."""
    vals = edge_ints(width(t))
    a = [x for x in vals for _ in vals]
    return width(t), a, [y for _ in vals for y in vals], f"vector<{len(a)}x{t}>"


CMPI = ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"]


@pytest.mark.parametrize("t", INT_TYPES)
def test_cmpi(t: str) -> None:
    w, a, b, vt = edge_pairs(t)
    ref = {"eq": lambda x, y: x == y, "ne": lambda x, y: x != y, "slt": lambda x, y: x < y,
           "sle": lambda x, y: x <= y, "sgt": lambda x, y: x > y, "sge": lambda x, y: x >= y,
           "ult": lambda x, y: uns(x, w) < uns(y, w), "ule": lambda x, y: uns(x, w) <= uns(y, w),
           "ugt": lambda x, y: uns(x, w) > uns(y, w), "uge": lambda x, y: uns(x, w) >= uns(y, w)}
    for pred in CMPI:
        (got,) = run(binary_fn("cmpi", vt, f"vector<{len(a)}xi1>", pred + ", "), int_array(a, t), int_array(b, t))
        assert got.tolist() == [ref[pred](x, y) for x, y in zip(a, b)], pred


@pytest.mark.parametrize("t", INT_TYPES)
def test_extended_arithmetic(t: str) -> None:
    w, a, b, vt = edge_pairs(t)
    bt = f"vector<{len(a)}xi1>"
    text = (f"func.func @main(%a: {vt}, %b: {vt}) -> ({vt}, {bt}, {vt}, {vt}, {vt}, {vt}) {{\n"
            f"  %s, %o = arith.addui_extended %a, %b : {vt}, {bt}\n"
            f"  %l, %h = arith.mulsi_extended %a, %b : {vt}\n"
            f"  %ul, %uh = arith.mului_extended %a, %b : {vt}\n"
            f"  return %s, %o, %l, %h, %ul, %uh : {vt}, {bt}, {vt}, {vt}, {vt}, {vt}\n}}")
    s, o, lo, hi, ulo, uhi = run(text, int_array(a, t), int_array(b, t))
    usum = [uns(x, w) + uns(y, w) for x, y in zip(a, b)]
    sprod = [x * y for x, y in zip(a, b)]
    uprod = [uns(x, w) * uns(y, w) for x, y in zip(a, b)]
    assert s.tolist() == int_array(usum, t).tolist()
    assert o.tolist() == [v >> w == 1 for v in usum]
    assert lo.tolist() == int_array(sprod, t).tolist()
    assert hi.tolist() == int_array([p >> w for p in sprod], t).tolist()
    assert ulo.tolist() == int_array(uprod, t).tolist()
    assert uhi.tolist() == int_array([p >> w for p in uprod], t).tolist()


# ---------------------------------------------------------------------------------------------------------------
# integer casts
# ---------------------------------------------------------------------------------------------------------------

WIDTH_PAIRS = [("i1", "i8"), ("i3", "i17"), ("i8", "i16"), ("i8", "i64"), ("i17", "i32"), ("i32", "i64"),
               ("i1", "i64"), ("i16", "i17")]


@pytest.mark.parametrize("narrow,wide", WIDTH_PAIRS)
def test_extsi_extui_trunci(narrow: str, wide: str) -> None:
    wn, ww = width(narrow), width(wide)
    vals = edge_ints(wn)
    vn, vw = f"vector<{len(vals)}x{narrow}>", f"vector<{len(vals)}x{wide}>"
    (sx,) = run(unary_fn("extsi", vn, vw), int_array(vals, narrow))
    (zx,) = run(unary_fn("extui", vn, vw), int_array(vals, narrow))
    assert sx.tolist() == int_array(vals, wide).tolist()
    assert zx.tolist() == int_array([uns(v, wn) for v in vals], wide).tolist()
    wide_vals = edge_ints(ww)
    vw2, vn2 = f"vector<{len(wide_vals)}x{wide}>", f"vector<{len(wide_vals)}x{narrow}>"
    (tr,) = run(unary_fn("trunci", vw2, vn2), int_array(wide_vals, wide))
    assert tr.tolist() == int_array(wide_vals, narrow).tolist()


@pytest.mark.parametrize("t", ["i1", "i8", "i32", "i64"])
def test_index_casts(t: str) -> None:
    w = width(t)
    vals = edge_ints(w)
    n = len(vals)
    vi, vx = f"vector<{n}x{t}>", f"vector<{n}xindex>"
    (s,) = run(unary_fn("index_cast", vi, vx), int_array(vals, t))
    (u,) = run(unary_fn("index_castui", vi, vx), int_array(vals, t))
    assert s.tolist() == vals
    assert u.tolist() == int_array([uns(v, w) for v in vals], "index").tolist()
    big = edge_ints(64)
    bi, bx = f"vector<{len(big)}x{t}>", f"vector<{len(big)}xindex>"
    (back,) = run(unary_fn("index_cast", bx, bi), int_array(big, "index"))
    (back_u,) = run(unary_fn("index_castui", bx, bi), int_array(big, "index"))
    assert back.tolist() == back_u.tolist() == int_array(big, t).tolist()  # both truncate


# ---------------------------------------------------------------------------------------------------------------
# floats
# ---------------------------------------------------------------------------------------------------------------

FLOATS = ["f16", "bf16", "f32", "f64"]
MODES = ["to_nearest_even", "downward", "upward", "toward_zero", "to_nearest_away"]
# precision, minimum normal exponent, maximum exponent
FMT = {"f16": (11, -14, 15), "bf16": (8, -126, 127), "f32": (24, -126, 127), "f64": (53, -1022, 1023)}


def ref_round(x: float, kind: str, mode: str = "to_nearest_even") -> float:
    """Exact rational rounding of ``x`` to ``kind`` (independent of the implementation)."""
    if math.isnan(x) or math.isinf(x) or x == 0:
        return x
    p, emin, emax = FMT[kind]
    mag = abs(Fraction(x))
    e = mag.numerator.bit_length() - mag.denominator.bit_length()
    while Fraction(2) ** e > mag:
        e -= 1
    while Fraction(2) ** (e + 1) <= mag:
        e += 1
    q = Fraction(2) ** (max(e, emin) - p + 1)
    n = mag / q
    k = n.numerator // n.denominator
    rem = n - k
    up = {"toward_zero": False, "downward": rem != 0 and x < 0, "upward": rem != 0 and x > 0,
          "to_nearest_even": rem > Fraction(1, 2) or (rem == Fraction(1, 2) and k % 2 == 1),
          "to_nearest_away": rem >= Fraction(1, 2)}[mode]
    val = (k + up) * q
    largest = (2 - Fraction(2) ** (1 - p)) * Fraction(2) ** emax
    if val > largest:
        to_inf = mode in ("to_nearest_even", "to_nearest_away") or (mode == "upward") == (x > 0) and \
            mode != "toward_zero"
        return math.copysign(math.inf if to_inf else float(largest), x)
    return math.copysign(float(val), x)


def special_floats(kind: str) -> list[float]:
    p, emin, emax = FMT[kind]
    largest = float((2 - Fraction(2) ** (1 - p)) * Fraction(2) ** emax)
    vals = [0.0, -0.0, 1.0, -1.0, 0.5, 3.0, -2.75, 1 / 3, 1e-3, 7.0, largest, -largest, 2.0 ** emin,
            2.0 ** (emin - p + 1), -(2.0 ** (emin - p + 1)), math.inf, -math.inf, math.nan, 1.0 + 2.0 ** (1 - p)]
    out: dict[bytes, float] = {}
    for v in vals:
        r = ref_round(v, kind)
        out[struct.pack("<d", r)] = r
    return list(out.values())


def float_array(vals: list[float], kind: str) -> np.ndarray:
    return np.array(vals, dtype=np.float64).astype(dtype_of(kind))


def ref_maximum(a: float, b: float, nan_propagates: bool, larger: bool) -> float:
    if math.isnan(a) or math.isnan(b):
        if nan_propagates:
            return math.nan
        return b if math.isnan(a) else a
    if a == b == 0:
        neg = (math.copysign(1, a) < 0 and math.copysign(1, b) < 0) if larger else \
            (math.copysign(1, a) < 0 or math.copysign(1, b) < 0)
        return -0.0 if neg else 0.0
    return max(a, b) if larger else min(a, b)


def _f64(fn: Any) -> Any:
    def f(a: float, b: float) -> float:
        with np.errstate(all="ignore"):
            return float(fn(np.float64(a), np.float64(b)))

    return f


FLOAT_REF: dict[str, Any] = {
    "addf": _f64(np.add), "subf": _f64(np.subtract), "mulf": _f64(np.multiply), "divf": _f64(np.divide),
    "remf": _f64(np.fmod),
    "maximumf": lambda a, b: ref_maximum(a, b, True, True), "minimumf": lambda a, b: ref_maximum(a, b, True, False),
    "maxnumf": lambda a, b: ref_maximum(a, b, False, True), "minnumf": lambda a, b: ref_maximum(a, b, False, False),
}


@pytest.mark.parametrize("kind", FLOATS)
@pytest.mark.parametrize("op", sorted(FLOAT_REF))
def test_float_binary(op: str, kind: str) -> None:
    vals = special_floats(kind)
    a = [x for x in vals for _ in vals]
    b = [y for _ in vals for y in vals]
    vt = f"vector<{len(a)}x{kind}>"
    (got,) = run(binary_fn(op, vt), float_array(a, kind), float_array(b, kind))
    want = float_array([ref_round(FLOAT_REF[op](x, y), kind) for x, y in zip(a, b)], kind)
    assert got.dtype == want.dtype
    bad = [(x, y, g, e) for x, y, g, e in zip(a, b, got.tolist(), want.tolist()) if not same_value(g, e)
           or math.copysign(1, g) != math.copysign(1, e) and not math.isnan(e)]
    assert not bad, f"{op} {kind}: (lhs, rhs, got, want) {bad[:5]}"


@pytest.mark.parametrize("kind", FLOATS)
def test_float_scalars_and_negf(kind: str) -> None:
    x = float_array([1.5], kind)[0]
    (r,) = run(binary_fn("addf", kind), x, x)
    assert type(r) is np.dtype(dtype_of(kind)).type and float(r) == 3.0
    vals = special_floats(kind)
    vt = f"vector<{len(vals)}x{kind}>"
    text = f"func.func @main(%a: {vt}) -> {vt} {{\n  %r = arith.negf %a : {vt}\n  return %r : {vt}\n}}"
    (neg,) = run(text, float_array(vals, kind))
    sign = 1 << ((16 if kind == "bf16" else np.dtype(dtype_of(kind)).itemsize * 8) - 1)
    assert (float_bits(neg, FloatType(kind)) ^ float_bits(float_array(vals, kind), FloatType(kind)) == sign).all()


def test_bf16_division_is_rounded_once() -> None:
    (r,) = run(binary_fn("divf", "bf16"), np.float32(1.0), np.float32(3.0))
    assert float(r) == ref_round(1 / 3, "bf16") == 0.333984375


CMPF = ["false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule", "une", "uno",
        "true"]


def ref_cmpf(pred: str, a: float, b: float) -> bool:
    if pred in ("false", "true"):
        return pred == "true"
    unordered = math.isnan(a) or math.isnan(b)
    if pred == "ord":
        return not unordered
    if pred == "uno":
        return unordered
    rel = {"eq": a == b, "gt": a > b, "ge": a >= b, "lt": a < b, "le": a <= b, "ne": a != b}[pred[1:]]
    return (unordered or rel) if pred[0] == "u" else (not unordered and rel)


@pytest.mark.parametrize("kind", FLOATS)
def test_cmpf(kind: str) -> None:
    vals = special_floats(kind)
    a = [x for x in vals for _ in vals]
    b = [y for _ in vals for y in vals]
    vt = f"vector<{len(a)}x{kind}>"
    for pred in CMPF:
        (got,) = run(binary_fn("cmpf", vt, f"vector<{len(a)}xi1>", pred + ", "), float_array(a, kind),
                     float_array(b, kind))
        assert got.tolist() == [ref_cmpf(pred, x, y) for x, y in zip(a, b)], pred


# ---------------------------------------------------------------------------------------------------------------
# float casts
# ---------------------------------------------------------------------------------------------------------------


def ref_int_to_float(v: int, kind: str) -> float:
    p, _, emax = FMT[kind]
    m = abs(v)
    shift = max(m.bit_length() - p, 0)
    q, r = divmod(m, 1 << shift)
    if shift and (r > 1 << (shift - 1) or r == 1 << (shift - 1) and q & 1):
        q += 1
    val = q << shift
    f = math.inf if val >= 2 ** (emax + 1) else float(val)
    return -f if v < 0 else f


@pytest.mark.parametrize("kind", FLOATS)
@pytest.mark.parametrize("t", ["i1", "i8", "i17", "i32", "i64"])
def test_sitofp_uitofp(t: str, kind: str) -> None:
    w = width(t)
    vals = edge_ints(w)
    if w == 64:  # ties and double-rounding traps (through f64 or f32)
        vals += [2**53 + 1, 2**62 + 2**54 + 1, -(2**62 + 2**54 + 1), 2**24 + 1, 2**60 + 2**36 + 1, 65520, 65519]
    n = len(vals)
    (s,) = run(unary_fn("sitofp", f"vector<{n}x{t}>", f"vector<{n}x{kind}>"), int_array(vals, t))
    (u,) = run(unary_fn("uitofp", f"vector<{n}x{t}>", f"vector<{n}x{kind}>"), int_array(vals, t))
    assert s.tolist() == float_array([ref_int_to_float(sgn(v, w), kind) for v in vals], kind).tolist()
    assert u.tolist() == float_array([ref_int_to_float(uns(v, w), kind) for v in vals], kind).tolist()


def ref_float_to_int(x: float, w: int, signed: bool) -> int:
    if math.isnan(x):
        return 0
    lo, hi = (-(1 << (w - 1)), (1 << (w - 1)) - 1) if signed else (0, (1 << w) - 1)
    if math.isinf(x):
        return hi if x > 0 else lo
    return min(max(math.trunc(x), lo), hi)


@pytest.mark.parametrize("kind", FLOATS)
@pytest.mark.parametrize("t", ["i1", "i8", "i16", "i32", "i64"])
def test_fptosi_fptoui_truncate_and_saturate(t: str, kind: str) -> None:
    w = width(t)
    vals = [0.0, -0.0, 0.5, -0.5, 1.9, -1.9, 127.5, 128.0, -128.0, -129.0, 255.9, 256.0, 1e4, -1e4, 65504.0,
            3e9, -3e9, 2.0**63, -(2.0**63), 2.0**64, 1e30, math.inf, -math.inf, math.nan]
    vals = [ref_round(v, kind) for v in vals]
    n = len(vals)
    for op, signed in (("fptosi", True), ("fptoui", False)):
        (got,) = run(unary_fn(op, f"vector<{n}x{kind}>", f"vector<{n}x{t}>"), float_array(vals, kind))
        want = int_array([ref_float_to_int(v, w, signed) for v in vals], t)
        assert got.tolist() == want.tolist(), op


@pytest.mark.parametrize("src,dst", [("f16", "f32"), ("f16", "f64"), ("bf16", "f32"), ("bf16", "f64"),
                                     ("f32", "f64")])
def test_extf_is_exact(src: str, dst: str) -> None:
    vals = special_floats(src)
    n = len(vals)
    (got,) = run(unary_fn("extf", f"vector<{n}x{src}>", f"vector<{n}x{dst}>"), float_array(vals, src))
    assert same_value(got, float_array(vals, dst))
    assert (np.signbit(got) == np.signbit(float_array(vals, dst))).all()


TRUNC_VALUES = [1 / 3, -1 / 3, 2 / 3, 1.0 + 2.0**-8, 1.0 + 2.0**-8 + 2.0**-30, 1.0 + 3 * 2.0**-12, -(1.0 + 2.0**-11),
                65519.0, 65520.0, 70000.0, -70000.0, 1e-6, 2.0**-24, 2.0**-25, 3 * 2.0**-26, 1e-40, 2.0**-133,
                3.4e38, 3.5e38, -3.5e38, 1e300, 0.1, -0.1, 0.0, -0.0, math.inf, -math.inf, math.nan]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("src,dst", [("f64", "f32"), ("f64", "f16"), ("f64", "bf16"), ("f32", "f16"),
                                     ("f32", "bf16")])
def test_truncf_rounding_modes(src: str, dst: str, mode: str) -> None:
    vals = [ref_round(v, src) for v in TRUNC_VALUES]
    n = len(vals)
    text = unary_fn("truncf", f"vector<{n}x{src}>", f"vector<{n}x{dst}>",
                    "" if mode == "to_nearest_even" else " " + mode)
    (got,) = run(text, float_array(vals, src))
    want = float_array([ref_round(v, dst, mode) for v in vals], dst)
    bad = [(v, g, e) for v, g, e in zip(vals, got.tolist(), want.tolist()) if not same_value(g, e)]
    assert not bad, bad


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False), st.sampled_from(["f16", "bf16", "f32"]), st.sampled_from(MODES))
def test_round_float_matches_exact_rounding(x: float, kind: str, mode: str) -> None:
    got = float(round_float(x, kind, mode))
    want = ref_round(x, kind, mode)
    assert got == want and math.copysign(1, got) == math.copysign(1, want)


BITCAST_PAIRS = [("i16", "f16"), ("i16", "bf16"), ("i32", "f32"), ("i64", "f64")]


@pytest.mark.parametrize("it,ft", BITCAST_PAIRS)
def test_bitcast_round_trips_every_bit_pattern_class(it: str, ft: str) -> None:
    w = width(it)
    exp_bits = {"f16": 5, "bf16": 8, "f32": 8, "f64": 11}[ft]
    mant = w - 1 - exp_bits
    inf = ((1 << exp_bits) - 1) << mant
    patterns = [0, 1, 1 << (w - 1), inf, inf | 1, inf | (1 << (mant - 1)), inf | 1 | (1 << (w - 1)),
                (1 << (w - 1)) - 1, 0x3C00 if w == 16 else 12345]
    n = len(patterns)
    (f,) = run(unary_fn("bitcast", f"vector<{n}x{it}>", f"vector<{n}x{ft}>"), int_array(patterns, it))
    assert float_bits(f, FloatType(ft)).tolist() == [uns(p, w) for p in patterns]
    (back,) = run(unary_fn("bitcast", f"vector<{n}x{ft}>", f"vector<{n}x{it}>"), f)
    assert back.tolist() == int_array(patterns, it).tolist()
    (one,) = run(unary_fn("bitcast", ft, it), np.asarray(f[0]).astype(dtype_of(ft))[()])
    assert int(one) == 0


def test_bitcast_f32_matches_struct() -> None:
    (r,) = run(unary_fn("bitcast", "f32", "i32"), np.float32(-1.5))
    assert int(r) == sgn(struct.unpack("<I", struct.pack("<f", -1.5))[0], 32)


# ---------------------------------------------------------------------------------------------------------------
# select, constants
# ---------------------------------------------------------------------------------------------------------------


def test_select_scalar_and_shaped_conditions() -> None:
    text = """
    func.func @main(%c: i1, %m: vector<3xi1>, %a: vector<3xf32>, %b: vector<3xf32>) -> (vector<3xf32>, vector<3xf32>) {
      %0 = arith.select %c, %a, %b : vector<3xf32>
      %1 = arith.select %m, %a, %b : vector<3xi1>, vector<3xf32>
      return %0, %1 : vector<3xf32>, vector<3xf32>
    }"""
    a, b = np.array([1, 2, 3], np.float32), np.array([4, 5, 6], np.float32)
    r0, r1 = run(text, np.False_, np.array([True, False, True]), a, b)
    assert r0.tolist() == [4, 5, 6] and r1.tolist() == [1, 5, 3]
    scalar = """
    func.func @main(%c: i1, %a: i32, %b: i32) -> i32 {
      %0 = arith.select %c, %a, %b : i32
      return %0 : i32
    }"""
    assert run(scalar, True, 1, 2) == [1] and run(scalar, False, 1, 2) == [2]


def test_constants() -> None:
    text = """
    func.func @main() -> (i3, i1, index, f32, bf16, f16, vector<3xi3>, tensor<2x2xf32>, vector<2xi1>, f32, i64) {
      %0 = arith.constant 3 : i3
      %1 = arith.constant true
      %2 = arith.constant -5 : index
      %3 = arith.constant 0.1 : f32
      %4 = arith.constant 0.1 : bf16
      %5 = arith.constant 0x7C01 : f16
      %6 = arith.constant dense<[3, -4, 1]> : vector<3xi3>
      %7 = arith.constant dense<2.5> : tensor<2x2xf32>
      %8 = arith.constant dense<[true, false]> : vector<2xi1>
      %9 = arith.constant 0x7FC00001 : f32
      %10 = arith.constant -9223372036854775808 : i64
      return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10 : i3, i1, index, f32, bf16, f16, vector<3xi3>, tensor<2x2xf32>, vector<2xi1>, f32, i64
    }"""
    r = run(text)
    assert r[0] == 3 and r[0].dtype == np.int8
    assert r[1] is np.True_
    assert r[2] == -5 and r[2].dtype == np.int64
    assert r[3] == np.float32(0.1)
    assert float(r[4]) == 0.10009765625 and r[4].dtype == np.float32
    assert np.asarray(r[5]).view(np.uint16) == 0x7C01  # a signalling NaN keeps its bits
    assert r[6].tolist() == [3, -4, 1] and r[6].dtype == np.int8
    assert r[7].shape == (2, 2) and (r[7] == 2.5).all() and r[7].flags.writeable
    assert r[8].tolist() == [True, False]
    assert np.asarray(r[9]).view(np.uint32) == 0x7FC00001
    assert r[10] == -(2**63)


def test_dense_resource_constant() -> None:
    from mlir_py.attributes import DenseResourceElementsAttr, RankedTensorType

    module = compile_module("""
    module {}
    {-#
      dialect_resources: {
        builtin: {
          blob1: "0x04000000010000000200000003000000FFFFFFFF"
        }
      }
    #-}""")
    t = RankedTensorType([2, 2], IntegerType(32))
    assert from_attribute(DenseResourceElementsAttr("blob1", t), t, module).tolist() == [[1, 2], [3, -1]]
    with pytest.raises(InterpreterError, match="no data for dense_resource 'nope'"):
        from_attribute(DenseResourceElementsAttr("nope", t), t, module)


# ---------------------------------------------------------------------------------------------------------------
# the engine: calls, control flow, regions, diagnostics
# ---------------------------------------------------------------------------------------------------------------

CALLS = """
func.func @fib(%n: i64) -> i64 {
  %c2 = arith.constant 2 : i64
  %c1 = arith.constant 1 : i64
  %small = arith.cmpi slt, %n, %c2 : i64
  %n1 = arith.subi %n, %c1 : i64
  %n2 = arith.subi %n, %c2 : i64
  %a0 = arith.select %small, %c1, %n1 : i64
  %b0 = arith.select %small, %c1, %n2 : i64
  %stop = arith.cmpi slt, %n, %c1 : i64
  %r = func.call @fib_step(%stop, %small, %n, %a0, %b0) : (i1, i1, i64, i64, i64) -> i64
  return %r : i64
}
func.func @fib_step(%stop: i1, %small: i1, %n: i64, %a: i64, %b: i64) -> i64 {
  %r = func.call @pick(%small, %n, %a, %b) : (i1, i64, i64, i64) -> i64
  return %r : i64
}
func.func @pick(%small: i1, %n: i64, %a: i64, %b: i64) -> i64 {
  %r = arith.select %small, %n, %a : i64
  return %r : i64
}
func.func @forever(%x: i32) -> i32 {
  %r = func.call @forever(%x) : (i32) -> i32
  return %r : i32
}
func.func @indirect(%x: i32) -> i32 {
  %f = func.constant @twice : (i32) -> i32
  %r = func.call_indirect %f(%x) : (i32) -> i32
  return %r : i32
}
func.func @twice(%x: i32) -> i32 {
  %r = arith.addi %x, %x : i32
  return %r : i32
}
func.func @multi(%x: i32, %y: f64) -> (f64, i32) {
  return %y, %x : f64, i32
}
func.func private @external(i32) -> i32
func.func @calls_external(%x: i32) -> i32 {
  %r = func.call @external(%x) : (i32) -> i32
  return %r : i32
}
"""


def test_calls_and_multiple_results() -> None:
    interp = Interpreter(compile_module(CALLS))
    assert interp.call("fib", [np.int64(1)]) == [1]
    assert interp.call("indirect", [21]) == [42]
    y, x = interp.call("multi", [7, 2.5])
    assert (y, x) == (2.5, 7) and x.dtype == np.int32 and y.dtype == np.float64


def test_runaway_recursion_hits_the_call_depth_limit() -> None:
    interp = Interpreter(compile_module(CALLS), max_call_depth=50)
    with pytest.raises(InterpreterError) as e:
        interp.call("forever", [1])
    d = e.value.diagnostic
    assert d.message == "'func.call' op call depth limit (50) exceeded calling '@forever'"
    assert [n.message for n in d.notes] == ["called from"]  # repeated call sites are noted once


def test_calling_a_declaration_is_a_diagnostic() -> None:
    interp = Interpreter(compile_module(CALLS))
    with pytest.raises(InterpreterError, match="cannot call '@external': it is a declaration"):
        interp.call("calls_external", [1])
    with pytest.raises(InterpreterError, match="cannot run '@external': it is a declaration"):
        interp.call("external", [1])
    with pytest.raises(InterpreterError, match="entry function '@nope' not found"):
        interp.call("nope", [])


def test_error_in_a_callee_notes_the_call_site() -> None:
    text = """
    func.func @div(%a: i32, %b: i32) -> i32 {
      %r = arith.divui %a, %b : i32
      return %r : i32
    }
    func.func @main(%a: i32) -> i32 {
      %z = arith.constant 0 : i32
      %r = func.call @div(%a, %z) : (i32, i32) -> i32
      return %r : i32
    }"""
    with pytest.raises(InterpreterError) as e:
        run(text, 1)
    d = e.value.diagnostic
    assert d.location.line == 3  # type: ignore[union-attr]
    assert [(n.message, n.location.line) for n in d.notes] == [("called from", 8)]  # type: ignore[union-attr]


@pytest.mark.parametrize("args,message", [
    ([1], "'@main' expects 2 arguments, got 1"),
    ([np.int64(1), 2.0], "argument #0 of '@main': expected dtype int32 for 'i32', got int64"),
    ([1, np.zeros(3, np.float32)], "argument #1 of '@main': expected shape (4,) for 'tensor<4xf32>', got (3,)"),
    ([1, np.zeros(4, np.float64)], "argument #1 of '@main': expected dtype float32 for 'tensor<4xf32>', got float64"),
    ([1, 2.0], "argument #1 of '@main': expected an array for 'tensor<4xf32>', got float"),
    ([2**32, np.zeros(4, np.float32)], "argument #0 of '@main': 4294967296 is out of range for 'i32'"),
])
def test_bad_inputs_are_diagnostics(args: list[Any], message: str) -> None:
    text = "func.func @main(%a: i32, %b: tensor<4xf32>) -> i32 {\n  return %a : i32\n}"
    with pytest.raises(InterpreterError) as e:
        run(text, *args)
    assert e.value.diagnostic.message == f"'func.func' op {message}"


def test_input_checks() -> None:
    i3, bf16 = IntegerType(3), FloatType("bf16")
    with pytest.raises(InterpreterError, match="not in the range of i3"):
        to_value(np.int8(5), i3)  # 5 is not a sign-extended 3-bit pattern
    assert to_value(7, i3) == -1 and to_value(-4, i3) == -4  # Python ints: signed or unsigned range
    with pytest.raises(InterpreterError, match="not representable in bf16"):
        to_value(np.float32(0.1), bf16)
    assert to_value(0.1, bf16) == np.float32(0.10009765625)  # Python floats are rounded
    from mlir_py.attributes import RankedTensorType

    dyn = RankedTensorType([-(2**63), 2], FloatType("f32"))
    assert to_value(np.zeros((5, 2), np.float32), dyn).shape == (5, 2)
    with pytest.raises(InterpreterError, match="wider than 64 bits"):
        to_value(1, IntegerType(128))


def test_unsupported_ops_are_diagnostics() -> None:
    text = """
    func.func @main(%a: i32) -> i32 {
      %0 = "foo.bar"(%a) : (i32) -> i32
      return %0 : i32
    }"""
    with pytest.raises(InterpreterError, match=r"'foo.bar' op has no interpreter implementation "
                                               r"\(unregistered operation\)"):
        run(text, 1)


def test_random_values_are_seeded_and_in_range() -> None:
    from mlir_py.attributes import VectorType

    t = VectorType([1000], IntegerType(8))
    a = random_value(t, np.random.default_rng(1))
    b = random_value(t, np.random.default_rng(1))
    assert (a == b).all() and a.dtype == np.int8 and a.min() == -128 and a.max() == 127
    big = random_value(VectorType([1000], IntegerType(32)), np.random.default_rng(2))
    assert -100 <= big.min() and big.max() <= 100
    idx = random_value(VectorType([1000], IndexType()), np.random.default_rng(3))
    assert 0 <= idx.min() and idx.max() < 100
    f = random_value(VectorType([100], FloatType("bf16")), np.random.default_rng(4))
    assert same_value(round_float(f, "bf16"), f)
    assert isinstance(random_value(IntegerType(1), np.random.default_rng(5)), np.bool_)


def test_format_value() -> None:
    assert format_value(np.int8(-3), IntegerType(3)) == "-3"
    assert format_value(np.True_, IntegerType(1)) == "true"
    assert format_value(np.float32(0.1), FloatType("f32")) == "0.1"
    assert format_value(np.float32(0.10009765625), FloatType("bf16")) == "0.1"  # shortest that reads back
    assert format_value(np.float32(0.333984375), FloatType("bf16")) == "0.334"
    assert format_value(np.float16(np.inf), FloatType("f16")) == "inf"
    from mlir_py.attributes import VectorType

    assert format_value(np.array([[1, 2], [3, 4]], np.float32), VectorType([2, 2], FloatType("f32"))) == \
        "[[1.0, 2.0],\n [3.0, 4.0]]"
    assert format_value(np.array([True, False]), VectorType([2], IntegerType(1))) == "[true, false]"


def test_same_value_is_bitwise_but_nan_aware() -> None:
    assert same_value(np.float32(np.nan), np.float32(-np.nan))
    assert not same_value(np.float32(0.0), np.float32(-0.0))
    assert not same_value(np.int32(1), np.int64(1))
    assert same_value(np.array([1.0, np.nan]), np.array([1.0, np.nan]))


# --- a test dialect: CFG branches and a region-holding op ------------------------------------------------------


class BrOp(Op, name="test_interp.br", traits=[IsTerminator()]):
    """Jump to ``dest`` with the operands as its block arguments."""

    args = var_operand()
    dest = successor_def()


class CondBrOp(Op, name="test_interp.cond_br", traits=[IsTerminator()]):
    """Jump to the first successor when the i1 condition holds, else to the second."""

    cond = operand()
    then = successor_def()
    otherwise = successor_def()


class RepeatOp(Op, name="test_interp.repeat"):
    """Run the body ``count`` times, threading a value through it: ``x = body(i, x)``."""

    count = operand()
    init = operand()
    res = result_def()
    body = region_def()


class YieldOp(Op, name="test_interp.yield", traits=[IsTerminator()]):
    vals = var_operand()


class NoImplOp(Op, name="test_interp.no_impl"):
    res = result_def()


TEST_DIALECT = Dialect("test_interp", [BrOp, CondBrOp, RepeatOp, YieldOp, NoImplOp])


@pytest.fixture(scope="module")
def test_ctx() -> Context:
    from mlir_py.interpreter import impl

    @impl(BrOp)
    def _br(interp: Interpreter, op: Operation, args: list[Any]) -> Branch:
        return Branch(op.successors[0], args)

    @impl(CondBrOp)
    def _cond_br(interp: Interpreter, op: Operation, args: list[Any]) -> Branch:
        return Branch(op.successors[0 if args[0] else 1], [])

    @impl(YieldOp)
    def _yield(interp: Interpreter, op: Operation, args: list[Any]) -> Exit:
        return Exit(args)

    @impl(RepeatOp)
    def _repeat(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
        x = args[1]
        for i in range(int(args[0])):
            (x,) = interp.run_region(op.regions[0], [np.int32(i), x])
        return [x]

    ctx = Context()
    ctx.register_dialect(TEST_DIALECT)
    return ctx


CFG = """
func.func @sum_to(%n: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  "test_interp.br"(%c0, %c0)[^loop] : (i32, i32) -> ()
^loop(%i: i32, %acc: i32):
  %done = arith.cmpi sgt, %i, %n : i32
  "test_interp.cond_br"(%done)[^exit, ^body] : (i1) -> ()
^body:
  %acc2 = arith.addi %acc, %i : i32
  %i2 = arith.addi %i, %c1 : i32
  "test_interp.br"(%i2, %acc2)[^loop] : (i32, i32) -> ()
^exit:
  return %acc : i32
}
func.func @powers(%n: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %c3 = arith.constant 3 : i32
  %r = "test_interp.repeat"(%n, %c1) ({
  ^bb0(%i: i32, %x: i32):
    %y = arith.muli %x, %c3 : i32
    "test_interp.yield"(%y) : (i32) -> ()
  }) : (i32, i32) -> i32
  return %r : i32
}
func.func @no_impl() -> i32 {
  %0 = "test_interp.no_impl"() : () -> i32
  return %0 : i32
}
"""


def test_cfg_branches_and_region_ops(test_ctx: Context) -> None:
    interp = Interpreter(compile_module(CFG, test_ctx))
    assert interp.call("sum_to", [100]) == [5050]
    assert interp.call("powers", [5]) == [243]  # the body reads %c3 from the enclosing function's frame
    with pytest.raises(InterpreterError, match="'test_interp.no_impl' op has no interpreter implementation$"):
        interp.call("no_impl", [])


def test_i0_holds_only_zero() -> None:
    text = """
    func.func @main(%a: i0, %b: vector<2xi0>) -> (i0, vector<2xi0>, i1) {
      %0 = arith.addi %a, %a : i0
      %1 = arith.subi %b, %b : vector<2xi0>
      %2 = arith.cmpi slt, %a, %a : i0
      return %0, %1, %2 : i0, vector<2xi0>, i1
    }"""
    a, b, c = run(text, 0, np.zeros(2, np.int8))
    assert a == 0 and b.tolist() == [0, 0] and c is np.False_
    assert random_value(IntegerType(0), np.random.default_rng(0)) == 0
