"""math ops in the reference interpreter (mlir_py/interpreter_impls/math.py): float functions on f32 tensors
against f64 references rounded to f32 (relative error <= 1e-6, erf against Python's math.erf), on f16 and bf16
scalars, and integer ops exact against Python ints (two's complement edge values)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from _helpers import interpret as run

from mlir_py.interpreter import InterpreterError, round_float

X = np.array([-3.5, -1.0, -0.5, -1e-3, 0.0, 0.25, 0.5, 0.999, 2.5, 7.0], np.float32)
POS = np.abs(X) + np.float32(0.125)


def unary(name: str, t: str = "tensor<10xf32>") -> str:
    return f"""func.func @main(%x: {t}) -> {t} {{
  %r = math.{name} %x : {t}
  return %r : {t}
}}"""


def _erf(x: np.ndarray) -> np.ndarray:
    return np.array([math.erf(v) for v in x.astype(np.float64)])


REF: dict[str, tuple[Any, np.ndarray]] = {
    "exp": (np.exp, X), "log": (np.log, POS), "log1p": (np.log1p, POS), "log2": (np.log2, POS),
    "tanh": (np.tanh, X), "sqrt": (np.sqrt, POS), "rsqrt": (lambda x: 1 / np.sqrt(x), POS),
    "erf": (_erf, X), "absf": (np.abs, X), "floor": (np.floor, X), "ceil": (np.ceil, X), "sin": (np.sin, X),
    "cos": (np.cos, X), "atan": (np.arctan, X), "sinh": (np.sinh, X), "cosh": (np.cosh, X), "exp2": (np.exp2, X),
    "expm1": (np.expm1, X), "log10": (np.log10, POS), "cbrt": (np.cbrt, X), "trunc": (np.trunc, X),
    "round": (lambda x: np.array([math.copysign(math.floor(abs(v) + 0.5), v) for v in x]), X),
    "roundeven": (np.rint, X), "tan": (np.tan, X), "asinh": (np.arcsinh, X),
}


@pytest.mark.parametrize("name", sorted(REF))
def test_float_unary_f32(name: str) -> None:
    fn, x = REF[name]
    (r,) = run(unary(name), x)
    want = np.asarray(fn(x.astype(np.float64))).astype(np.float32)
    assert r.dtype == np.float32
    np.testing.assert_allclose(r, want, rtol=1e-6, atol=0)


def test_binary_and_ternary() -> None:
    text = """func.func @main(%a: tensor<10xf32>, %b: tensor<10xf32>, %c: tensor<10xf32>)
    -> (tensor<10xf32>, tensor<10xf32>, tensor<10xf32>, tensor<10xf32>, tensor<10xf32>) {
  %p = math.powf %b, %a : tensor<10xf32>
  %t = math.atan2 %a, %b : tensor<10xf32>
  %s = math.copysign %b, %a : tensor<10xf32>
  %f = math.fma %a, %b, %c : tensor<10xf32>
  %k = math.clampf %a to [%c, %b] : tensor<10xf32>
  return %p, %t, %s, %f, %k : tensor<10xf32>, tensor<10xf32>, tensor<10xf32>, tensor<10xf32>, tensor<10xf32>
}"""
    a, b, c = X, POS, X[::-1].copy()
    p, t, s, f, k = run(text, a, b, c)
    a64, b64, c64 = (v.astype(np.float64) for v in (a, b, c))
    np.testing.assert_allclose(p, np.power(b64, a64).astype(np.float32), rtol=1e-6)
    np.testing.assert_allclose(t, np.arctan2(a64, b64).astype(np.float32), rtol=1e-6)
    np.testing.assert_array_equal(s, np.copysign(b, a))
    np.testing.assert_array_equal(f, (a64 * b64 + c64).astype(np.float32))
    np.testing.assert_array_equal(k, np.minimum(np.maximum(a, c), b))


def test_f16_bf16_scalars_round_once() -> None:
    for t, kind in (("f16", "f16"), ("bf16", "bf16")):
        text = f"""func.func @main(%x: {t}) -> ({t}, {t}) {{
  %e = math.exp %x : {t}
  %s, %c = math.sincos %x : {t}
  return %e, %c : {t}, {t}
}}"""
        x = 0.75
        e, c = run(text, x)
        assert float(e) == float(round_float(math.exp(float(round_float(x, kind))), kind))
        assert float(c) == float(round_float(math.cos(float(round_float(x, kind))), kind))


def test_classification() -> None:
    text = """func.func @main(%x: tensor<6xf32>) -> (tensor<6xi1>, tensor<6xi1>, tensor<6xi1>, tensor<6xi1>) {
  %a = math.isnan %x : tensor<6xf32>
  %b = math.isinf %x : tensor<6xf32>
  %c = math.isfinite %x : tensor<6xf32>
  %d = math.isnormal %x : tensor<6xf32>
  return %a, %b, %c, %d : tensor<6xi1>, tensor<6xi1>, tensor<6xi1>, tensor<6xi1>
}"""
    x = np.array([np.nan, -np.inf, 0.0, 1e-40, 1.0, -3e38], np.float32)
    a, b, c, d = run(text, x)
    np.testing.assert_array_equal(a, [1, 0, 0, 0, 0, 0])
    np.testing.assert_array_equal(b, [0, 1, 0, 0, 0, 0])
    np.testing.assert_array_equal(c, [0, 0, 1, 1, 1, 1])
    np.testing.assert_array_equal(d, [0, 0, 0, 0, 1, 1])


I8 = np.array([-128, -127, -1, 0, 1, 2, 3, 64, 100, 127], np.int8)


def test_integer_ops_exact() -> None:
    text = """func.func @main(%x: tensor<10xi8>, %y: tensor<10xi8>)
    -> (tensor<10xi8>, tensor<10xi8>, tensor<10xi8>, tensor<10xi8>, tensor<10xi8>) {
  %a = math.absi %x : tensor<10xi8>
  %l = math.ctlz %x : tensor<10xi8>
  %t = math.cttz %x : tensor<10xi8>
  %p = math.ctpop %x : tensor<10xi8>
  %w = math.ipowi %x, %y : tensor<10xi8>
  return %a, %l, %t, %p, %w : tensor<10xi8>, tensor<10xi8>, tensor<10xi8>, tensor<10xi8>, tensor<10xi8>
}"""
    y = np.array([3, 2, 5, 0, -2, 7, 4, 2, 1, 2], np.int8)
    a, lz, tz, pc, w = run(text, I8, y)

    def s8(v: int) -> int:
        v &= 0xFF
        return v - 256 if v >= 128 else v

    u = [int(v) & 0xFF for v in I8]
    np.testing.assert_array_equal(a, [s8(abs(int(v))) for v in I8])
    np.testing.assert_array_equal(lz, [8 - v.bit_length() for v in u])
    np.testing.assert_array_equal(tz, [8 if v == 0 else (v & -v).bit_length() - 1 for v in u])
    np.testing.assert_array_equal(pc, [bin(v).count("1") for v in u])
    want = [s8(int(b) ** int(e)) if e >= 0 else (1 if b == 1 else 0) for b, e in zip(I8, y)]
    np.testing.assert_array_equal(w, want)


def test_ipowi_zero_to_negative_is_diagnosed() -> None:
    text = """func.func @main(%x: i32, %y: i32) -> i32 {
  %w = math.ipowi %x, %y : i32
  return %w : i32
}"""
    assert run(text, -1, -3)[0] == -1
    with pytest.raises(InterpreterError, match="0 to a negative power"):
        run(text, 0, -1)
