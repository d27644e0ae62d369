"""tc.comprehension in the interpreter and after convert-tc-to-linalg, against numpy references.

Each case is one statement over seeded random operands; its result must equal an independent numpy computation
(einsum or explicit loops) both when the tc op runs (mlir_py/interpreter_impls/tc.py) and when the function has been
lowered by ``convert-tc-to-linalg`` (linalg.generic in mlir_py/interpreter_impls/linalg.py). f32 relative error
<= 1e-5, integers exact.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import passes.convert_tc_to_linalg  # noqa: F401  (registers the pass)
from mlir_py import Context, verify
from mlir_py.interpreter import Interpreter
from mlir_py.pass_manager import PassManager
from mlir_py.printer import print_op

F = np.float32
Ref = Callable[..., np.ndarray]


def _conv(x: np.ndarray, w: np.ndarray, stride: int, dil: int) -> np.ndarray:
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    oh, ow = (h - dil * (kh - 1) - 1) // stride + 1, (wd - dil * (kw - 1) - 1) // stride + 1
    out = np.zeros((n, f, oh, ow), F)
    for i in range(oh):
        for j in range(ow):
            patch = x[:, :, i * stride:i * stride + dil * (kh - 1) + 1:dil, j * stride:j * stride + dil * (kw - 1) + 1:dil]
            out[:, :, i, j] = np.einsum("ncrs,fcrs->nf", patch, w)
    return out


def _pool_max(x: np.ndarray, k: int, s: int) -> np.ndarray:
    n, c, h, w = x.shape
    oh, ow = (h - k) // s + 1, (w - k) // s + 1
    out = np.full((n, c, oh, ow), -np.inf, F)
    for i in range(oh):
        for j in range(ow):
            out[:, :, i, j] = x[:, :, i * s:i * s + k, j * s:j * s + k].max(axis=(2, 3))
    return out


# (id, statement, operands name -> shape (() for a scalar) or dtype-tagged tuple, numpy reference, init shape?)
CASES: list[tuple[str, str, dict[str, Any], Ref, bool]] = [
    ("matmul", "C(m, n) +=! A(m, k) * B(k, n)", {"A": (4, 8), "B": (8, 5)}, lambda A, B: A @ B, False),
    ("batch_matmul", "C(b, m, n) +=! A(b, m, k) * B(b, k, n)", {"A": (3, 4, 6), "B": (3, 6, 5)},
     lambda A, B: np.einsum("bmk,bkn->bmn", A, B), False),
    ("matmul_transposed_b", "C(m, n) +=! A(m, k) * B(n, k)", {"A": (4, 6), "B": (5, 6)}, lambda A, B: A @ B.T, False),
    ("matvec", "y(i) +=! A(i, j) * x(j)", {"A": (5, 7), "x": (7,)}, lambda A, x: A @ x, False),
    ("dot", "d() +=! a(i) * b(i)", {"a": (9,), "b": (9,)}, lambda a, b: np.asarray(a @ b), False),
    ("outer", "O(i, j) = a(i) * b(j)", {"a": (4,), "b": (6,)}, lambda a, b: np.outer(a, b), False),
    ("transpose", "T(j, i) = A(i, j)", {"A": (3, 5)}, lambda A: A.T, False),
    ("permute3", "T(k, i, j) = A(i, j, k)", {"A": (2, 3, 4)}, lambda A: A.transpose(2, 0, 1), False),
    ("row_sum", "s(i) +=! A(i, j)", {"A": (4, 7)}, lambda A: A.sum(1), False),
    ("col_max", "m(j) max=! A(i, j)", {"A": (6, 5)}, lambda A: A.max(0), False),
    ("row_min", "m(i) min=! A(i, j)", {"A": (6, 5)}, lambda A: A.min(1), False),
    ("row_prod", "p(i) *=! A(i, j)", {"A": (3, 4)}, lambda A: A.prod(1), False),
    ("conv_strided", "O(n, f, h, w) +=! I(n, c, 2 * h + r, 2 * w + s) * W(f, c, r, s)",
     {"I": (2, 3, 9, 9), "W": (4, 3, 3, 3)}, lambda x, w: _conv(x, w, 2, 1), False),
    ("conv_dilated", "O(n, f, h, w) +=! I(n, c, h + 2 * r, w + 2 * s) * W(f, c, r, s)",
     {"I": (1, 2, 8, 8), "W": (3, 2, 3, 3)}, lambda x, w: _conv(x, w, 1, 2), False),
    ("conv_strided_dilated", "O(n, f, h, w) +=! I(n, c, 2 * h + 2 * r, 2 * w + 2 * s) * W(f, c, r, s)",
     {"I": (1, 2, 11, 11), "W": (2, 2, 3, 3)}, lambda x, w: _conv(x, w, 2, 2), False),
    ("maxpool", "O(n, c, h, w) max=! I(n, c, 2 * h + r, 2 * w + s) where r in 0:2, s in 0:2",
     {"I": (1, 2, 6, 6)}, lambda x: _pool_max(x, 2, 2), False),
    ("softmax_max", "mx(i) max=! X(i, j)", {"X": (4, 6)}, lambda X: X.max(1), False),
    ("softmax_exp_sum", "e(i) +=! exp(X(i, j) - mx(i))", {"X": (4, 6), "mx": (4,)},
     lambda X, mx: np.exp(X - mx[:, None]).sum(1), False),
    ("softmax_div", "Y(i, j) = exp(X(i, j) - mx(i)) / e(i)", {"X": (4, 6), "mx": (4,), "e": (4,)},
     lambda X, mx, e: np.exp(X - mx[:, None]) / e[:, None], False),
    ("where_prefix_sum", "s(i) +=! A(i, k) where k in 0:3", {"A": (4, 7)}, lambda A: A[:, :3].sum(1), False),
    ("where_window", "S(i) +=! A(i + k) where i in 0:6, k in 0:3", {"A": (8,)},
     lambda A: np.array([A[i:i + 3].sum() for i in range(6)], F), False),
    ("where_offset_lhs", "B(i) = A(i - 1) where i in 1:5", {"A": (4,)}, lambda A: np.concatenate([[0], A]).astype(F),
     False),
    ("accumulate", "C(m, n) += A(m, k) * B(k, n)", {"A": (3, 4), "B": (4, 2)}, lambda A, B, init: init + A @ B, True),
    ("accumulate_max", "C(i) max= A(i, j)", {"A": (5, 3)}, lambda A, init: np.maximum(init, A.max(1)), True),
    ("bias_relu", "Y(i, j) = max(X(i, j) + b(j), 0.0)", {"X": (3, 4), "b": (4,)},
     lambda X, b: np.maximum(X + b, 0), False),
    ("scale_scalar", "Y(i) = alpha * X(i) + 1.0", {"alpha": (), "X": (5,)}, lambda alpha, X: alpha * X + 1, False),
    ("select_cmp", "Y(i, j) = X(i, j) > 0.0 ? X(i, j) : 0.1 * X(i, j)", {"X": (3, 5)},
     lambda X: np.where(X > 0, X, F(0.1) * X), False),
    ("tanh_sqrt", "Y(i) = tanh(X(i)) + sqrt(X(i) * X(i) + 1.0)", {"X": (7,)},
     lambda X: np.tanh(X) + np.sqrt(X * X + 1), False),
    ("index_as_value", "Y(i, j) = float(i) * 10.0 + float(j) + X(i, j)", {"X": (3, 4)},
     lambda X: np.arange(3)[:, None] * 10.0 + np.arange(4)[None, :] + X, False),
    ("triangular_mask", "Y(i, j) = j <= i ? X(i, j) : 0.0", {"X": (4, 4)}, lambda X: np.tril(X), False),
    ("diag", "d(i) = A(i, i)", {"A": (5, 5)}, lambda A: np.diag(A).copy(), False),
    ("mean_via_size", "m(i) +=! A(i, j) / float(A.1)", {"A": (3, 8)}, lambda A: (A / 8).sum(1), False),
    ("sum_of_products", "C(m, n) +=! A(m, k) * B(k, n) * 2.0 - A(m, k) + s", {"A": (3, 4), "B": (4, 5), "s": ()},
     lambda A, B, s: 2 * A @ B - A.sum(1)[:, None] + 4 * s, False),
    ("reduce_then_broadcast", "O(i, j) +=! X(i, k) where j in 0:2", {"X": (3, 4)},
     lambda X: np.repeat(X.sum(1)[:, None], 2, 1), False),
    ("upsample_nearest", "Y(i) = X(i / 2) where i in 0:8", {"X": (4,)}, lambda X: np.repeat(X, 2), False),
]


def _type(shape: Any) -> str:
    return "f32" if shape == () else "tensor<" + "x".join(map(str, shape)) + "xf32>"


def _module(stmt: str, operands: dict[str, Any], out_shape: tuple[int, ...], init: bool) -> str:
    args = [f"%{n}_: {_type(s)}" for n, s in operands.items()]
    ins = ", ".join(f"{n} = %{n}_ : {_type(s)}" for n, s in operands.items())
    rt = "tensor<" + "".join(f"{d}x" for d in out_shape) + "f32>"
    init_s = ""
    if init:
        args.append(f"%init: {rt}")
        init_s = f" init(%init : {rt})"
    return (f"func.func @main({', '.join(args)}) -> {rt} {{\n"
            f"  %r = tc.comprehension \"{stmt}\" ins({ins}){init_s} -> {rt}\n"
            f"  return %r : {rt}\n}}\n")


@pytest.mark.parametrize("name, stmt, operands, ref, init", CASES, ids=[c[0] for c in CASES])
def test_comprehension_matches_numpy(name: str, stmt: str, operands: dict[str, Any], ref: Ref, init: bool) -> None:
    rng = np.random.default_rng(abs(hash(name)) % 2**32)
    vals: list[Any] = [F(rng.standard_normal()) if s == () else rng.standard_normal(s).astype(F)
                       for s in operands.values()]
    if name == "softmax_exp_sum" or name == "softmax_div":
        vals[1] = vals[0].max(1)
    if name == "softmax_div":
        vals[2] = np.exp(vals[0] - vals[1][:, None]).sum(1).astype(F)
    want_args = list(vals)
    if init:
        shape = ref(*vals, np.zeros(1, F)).shape
        init_v = rng.standard_normal(shape).astype(F)
        vals.append(init_v)
        want_args.append(init_v)
    want = np.asarray(ref(*want_args), F)
    text = _module(stmt, operands, want.shape, init)
    ctx = Context()
    m = ctx.parser.parse(text, f"{name}.mlir")
    verify(m)
    got = Interpreter(m).call("main", vals)[0]
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5, err_msg=f"tc interpreter: {stmt}")
    PassManager.parse("builtin.module(convert-tc-to-linalg)", ctx).run(m)
    verify(m)
    assert "tc.comprehension" not in str(m)
    got2 = Interpreter(m).call("main", vals)[0]
    np.testing.assert_allclose(got2, want, rtol=1e-5, atol=1e-5, err_msg=f"after convert-tc-to-linalg: {stmt}")


INT_CASES = [
    ("int_matmul", "C(m, n) +=! A(m, k) * B(k, n)", lambda A, B: A @ B),
    ("int_div_rem", "C(m, n) = A(m, n) / 3 + A(m, n) % 3 + B(m, n) * 0", lambda A, B: np.trunc(A / 3).astype(np.int32)
     + np.fmod(A, 3)),
    ("int_max", "m(i) max=! A(i, j) + B(j, i)", lambda A, B: (A + B.T).max(1)),
]


@pytest.mark.parametrize("name, stmt, ref", INT_CASES, ids=[c[0] for c in INT_CASES])
def test_integer_comprehension(name: str, stmt: str, ref: Ref) -> None:
    rng = np.random.default_rng(7)
    a = rng.integers(-50, 50, (4, 4)).astype(np.int32)
    b = rng.integers(-50, 50, (4, 4)).astype(np.int32)
    want = np.asarray(ref(a, b)).astype(np.int32)
    rt = "tensor<" + "x".join(map(str, want.shape)) + "xi32>"
    text = (f"func.func @main(%a: tensor<4x4xi32>, %b: tensor<4x4xi32>) -> {rt} {{\n"
            f"  %r = tc.comprehension \"{stmt}\" ins(A = %a : tensor<4x4xi32>, B = %b : tensor<4x4xi32>) -> {rt}\n"
            f"  return %r : {rt}\n}}\n")
    ctx = Context()
    m = ctx.parser.parse(text, "int.mlir")
    verify(m)
    np.testing.assert_array_equal(Interpreter(m).call("main", [a, b])[0], want)
    PassManager.parse("builtin.module(convert-tc-to-linalg)", ctx).run(m)
    verify(m)
    np.testing.assert_array_equal(Interpreter(m).call("main", [a, b])[0], want)


def test_import_tc_function_runs() -> None:
    """A .tc def with several statements (softmax) imported, specialized, run and lowered."""
    from mlir_py.tc_frontend import import_tc

    src = """
    # softmax over rows, three statements
    def softmax(float(N, C) X) -> (Y) {
        mx(n) max=! X(n, c)
        e(n) +=! exp(X(n, c) - mx(n))
        Y(n, c) = exp(X(n, c) - mx(n)) / e(n)
    }
    """
    ctx = Context()
    m = import_tc(src, ctx, "softmax.tc", {"N": 3, "C": 5})
    verify(m)
    x = np.random.default_rng(1).standard_normal((3, 5)).astype(F)
    want = np.exp(x - x.max(1, keepdims=True))
    want /= want.sum(1, keepdims=True)
    np.testing.assert_allclose(Interpreter(m).call("softmax", [x])[0], want, rtol=1e-5)
    PassManager.parse("builtin.module(convert-tc-to-linalg)", ctx).run(m)
    verify(m)
    np.testing.assert_allclose(Interpreter(m).call("softmax", [x])[0], want, rtol=1e-5)


def test_dynamic_shapes_run_in_the_interpreter() -> None:
    from mlir_py.tc_frontend import import_tc

    ctx = Context()
    m = import_tc("def mm(float(M,K) A, float(K,N) B) -> (C) { C(m,n) +=! A(m,k) * B(k,n) }", ctx, "mm.tc")
    verify(m)
    rng = np.random.default_rng(2)
    a, b = rng.standard_normal((3, 6)).astype(F), rng.standard_normal((6, 2)).astype(F)
    np.testing.assert_allclose(Interpreter(m).call("mm", [a, b])[0], a @ b, rtol=1e-5)


def test_large_matmul_is_vectorized() -> None:
    import time

    ctx = Context()
    text = _module("C(m, n) +=! A(m, k) * B(k, n)", {"A": (128, 128), "B": (128, 128)}, (128, 128), False)
    m = ctx.parser.parse(text, "big.mlir")
    rng = np.random.default_rng(3)
    a, b = rng.standard_normal((128, 128)).astype(F), rng.standard_normal((128, 128)).astype(F)
    it = Interpreter(m)
    it.call("main", [a, b])
    t = time.perf_counter()
    got = it.call("main", [a, b])[0]
    assert time.perf_counter() - t < 0.5
    np.testing.assert_allclose(got, a @ b, rtol=1e-4, atol=1e-4)


@pytest.mark.skipif(shutil.which("iree-opt") is None, reason="iree-opt (iree-base-compiler) is not installed")
def test_lowered_ir_verifies_in_upstream_mlir() -> None:
    """Every lowered case, printed in generic form, is accepted by upstream MLIR's verifier (iree-opt)."""
    ctx = Context()
    funcs = []
    for name, stmt, operands, ref, init in CASES:
        rng = np.random.default_rng(0)
        vals = [F(0) if s == () else rng.standard_normal(s).astype(F) for s in operands.values()]
        shape = np.asarray(ref(*vals, *([np.zeros(1, F)] if init else []))).shape
        funcs.append(_module(stmt, operands, shape, init).replace("@main", f"@{name}"))
    m = ctx.parser.parse("\n".join(funcs), "all.mlir")
    verify(m)
    PassManager.parse("builtin.module(convert-tc-to-linalg)", ctx).run(m)
    generic = print_op(m, generic=True)
    r = subprocess.run(["iree-opt", "--verify-each", "-"], input=generic, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[:2000]
    assert r.stdout.count("linalg.generic") == len(CASES)


DYNAMIC_DEFS = """
def softmax(float(N, C) X) -> (Y) {
    mx(n) max=! X(n, c)
    e(n) +=! exp(X(n, c) - mx(n))
    Y(n, c) = exp(X(n, c) - mx(n)) / e(n)
}
def gemm(float(M, K) A, float(K, N) B, float(M, N) C, float alpha, float beta) -> (O) {
    O(m, n) = beta * C(m, n)
    O(m, n) += alpha * A(m, k) * B(k, n)
}
def mean_prefix(float(M, K) A) -> (S, P) {
    S(m) +=! A(m, k) / float(K) where k in 0:K
    P(m) +=! A(m, k) where k in 0:K - 2
}
def shifted(float(N) A) -> (B) {
    B(i) = A(i + 1) - A(i) where i in 0:N - 1
}
"""


def test_dynamic_shapes_lower_to_linalg() -> None:
    """Without --tc-sizes the shapes are dynamic; the lowering reads sizes with tensor.dim and gives the same
    results as the tc interpreter and numpy."""
    from mlir_py.tc_frontend import import_tc

    ctx = Context()
    m = import_tc(DYNAMIC_DEFS, ctx, "dyn.tc")
    verify(m)
    rng = np.random.default_rng(5)
    x, a, b, c = (rng.standard_normal(s).astype(F) for s in [(3, 5), (4, 6), (6, 2), (4, 2)])
    alpha, beta = F(0.5), F(-2.0)
    e = np.exp(x - x.max(1, keepdims=True))
    cases: dict[str, tuple[list[Any], list[Any]]] = {"softmax": ([x], [e / e.sum(1, keepdims=True)]),
             "gemm": ([a, b, c, alpha, beta], [alpha * a @ b + beta * c]),
             "mean_prefix": ([a], [a.mean(1), a[:, :4].sum(1)]),
             "shifted": ([x[0]], [np.diff(x[0])])}
    before = {k: Interpreter(m).call(k, args) for k, (args, _) in cases.items()}
    PassManager.parse("builtin.module(convert-tc-to-linalg)", ctx).run(m)
    verify(m)
    assert "tc.comprehension" not in str(m)
    for k, (args, want) in cases.items():
        after = Interpreter(m).call(k, args)
        for w, r1, r2 in zip(want, before[k], after):
            np.testing.assert_allclose(r1, w, rtol=1e-5, atol=1e-6, err_msg=k)
            np.testing.assert_allclose(r2, w, rtol=1e-5, atol=1e-6, err_msg=k)


def _random_expr(rng: np.random.Generator, depth: int) -> str:
    leaves = ["A(i, j)", "B(j)", "s", "float(i)", "float(j)", f"{rng.uniform(-2, 2):.3f}", "A(i, 3 - j)"]
    if depth == 0 or rng.random() < 0.25:
        return str(rng.choice(leaves))
    a, b = _random_expr(rng, depth - 1), _random_expr(rng, depth - 1)
    form = int(rng.integers(0, 9))
    return [f"({a} + {b})", f"({a} - {b})", f"({a} * {b})", f"{a} / (1.5 + {b} * {b})", f"max({a}, {b})",
            f"min({a}, {b})", f"tanh({a})", f"exp(-({a}) * ({a}))", f"({a} < {b} ? {a} : -{b})"][form]


def test_random_statements_agree_before_and_after_lowering() -> None:
    """Random pointwise/reduction statements: the tc interpreter and the lowered linalg.generic agree."""
    rng = np.random.default_rng(11)
    heads = [("C(i, j) =", "tensor<3x4xf32>"), ("C(i) +=!", "tensor<3xf32>"), ("C(i) max=!", "tensor<3xf32>"),
             ("C(j) min=!", "tensor<4xf32>"), ("C(j, i) *=!", "tensor<4x3xf32>")]
    funcs = []
    for n in range(24):
        head, rt = heads[n % len(heads)]
        stmt = f"{head} {_random_expr(rng, 3)} + 0.0 * A(i, j)"  # the read bounds i and j
        funcs.append(f"func.func @f{n}(%a: tensor<3x4xf32>, %b: tensor<4xf32>, %s: f32) -> {rt} {{\n"
                     f"  %r = tc.comprehension \"{stmt}\" ins(A = %a : tensor<3x4xf32>, B = %b : tensor<4xf32>, "
                     f"s = %s : f32) -> {rt}\n  return %r : {rt}\n}}\n")
    ctx = Context()
    m = ctx.parser.parse("\n".join(funcs), "random.mlir")
    verify(m)
    args = [rng.standard_normal((3, 4)).astype(F), rng.standard_normal(4).astype(F), F(0.75)]
    before = [Interpreter(m).call(f"f{n}", args)[0] for n in range(len(funcs))]
    PassManager.parse("builtin.module(convert-tc-to-linalg)", ctx).run(m)
    verify(m)
    for n in range(len(funcs)):
        np.testing.assert_allclose(Interpreter(m).call(f"f{n}", args)[0], before[n], rtol=1e-5, atol=1e-6,
                                   err_msg=funcs[n])
