"""The TC language (mlir_py/tc_lang.py): parsing, printing, range inference, types; the .tc front end and runtime
diagnostics of the tc interpreter."""

from __future__ import annotations

import numpy as np
import pytest

from mlir_py import Context, verify
from mlir_py.attributes import DYNAMIC, RankedTensorType, f32, i32
from mlir_py.diagnostics import DiagnosticError
from mlir_py.interpreter import Interpreter, InterpreterError
from mlir_py.tc_frontend import import_tc, parse_sizes
from mlir_py.tc_lang import TcError, analyze, format_stmt, parse_file, parse_statement


def t(*shape: int) -> RankedTensorType:
    return RankedTensorType(list(shape), f32)


@pytest.mark.parametrize("text", [
    "C(m, n) +=! A(m, k) * B(k, n)",
    "O(n, f, h, w) +=! I(n, c, 2 * h + r, 2 * w + s) * W(f, c, r, s)",
    "O(i) max= A(i, j) where j in 0:A.1 - 1",
    "Y(i) = X(i) > 0.0 ? X(i) : -X(i)",
    "Y(i) = (X(i) + 1.0) * (X(i) - 1.0) / 2.0",
    "Y(i) = i < 2 && !(i == 0) || i >= 3 ? 1 : 0 where i in 0:4",
    "S() +=! float(A(i)) where exists B(i)",
    "Y(i) = X(i) - (X(i) - X(i))",
])
def test_format_round_trips(text: str) -> None:
    s = parse_statement(text)
    assert format_stmt(s) == text
    assert format_stmt(parse_statement(format_stmt(s))) == text


def test_parse_reduction_operators() -> None:
    for op in ("+", "*", "max", "min"):
        s = parse_statement(f"C(i) {op}=! A(i, j)")
        assert (s.op, s.bang, s.is_reduction, s.accumulates) == (op, True, True, False)
        s = parse_statement(f"C(i) {op}= A(i, j)")
        assert (s.op, s.bang, s.accumulates) == (op, False, True)
    assert not parse_statement("C(i) = A(i)").is_reduction


@pytest.mark.parametrize("text, line_col, message", [
    ("C(i) = ", (1, 8), "unexpected end of input"),
    ("C(i) =! A(i)", (1, 6), "'=!' is not an operator"),
    ("C(i) = A(i) $ 2", (1, 13), "unexpected character '$'"),
    ("C(i) += A(i) where k 0:3", (1, 22), "unexpected '0'"),
])
def test_syntax_errors_are_located(text: str, line_col: tuple[int, int], message: str) -> None:
    with pytest.raises(TcError, match=message.replace("$", r"\$")) as e:
        parse_statement(text)
    assert e.value.pos == line_col


def test_range_inference() -> None:
    c = analyze(parse_statement("O(n, f, h, w) +=! I(n, c, 2 * h + r, 2 * w + s) * W(f, c, r, s)"),
                {"I": t(1, 3, 9, 9), "W": t(4, 3, 3, 3)})
    assert c.indices == ["n", "f", "h", "w", "c", "r", "s"]
    assert c.reduction_indices == ["c", "r", "s"]
    assert c.shape == (1, 4, 4, 4)
    assert c.ranges["h"] == (0, 4)
    # bounds of one round intersect: the smaller tensor wins
    c = analyze(parse_statement("C(i) = A(i) + B(i)"), {"A": t(5), "B": t(3)})
    assert c.shape == (3,)
    # a where range resolves first, then the reads bound the rest
    c = analyze(parse_statement("S(i) +=! A(i + k) where k in 0:3"), {"A": t(8)})
    assert c.shape == (6,)
    # offsets shift the range
    c = analyze(parse_statement("B(i) = A(i - 1) where i in 1:5"), {"A": t(4)})
    assert c.ranges["i"] == (1, 5) and c.shape == (5,)
    # dynamic sizes leave the range open
    c = analyze(parse_statement("C(m, n) +=! A(m, k) * B(k, n)"),
                {"A": RankedTensorType([DYNAMIC, 8], f32), "B": t(8, 5)})
    assert c.shape == (None, 5)


@pytest.mark.parametrize("text, operands, message", [
    ("C(i) +=! A(i + k)", {"A": t(8)}, "ranges of indices 'i', 'k' are ambiguous"),
    ("C(i, j) = A(i)", {"A": t(8)}, "range of index 'j' is not bounded by any read"),
    ("C(i) = A(i + 1) where i in 0:8", {"A": t(8)}, "out of bounds"),
    ("C(i) = A(i, k)", {"A": t(4, 8)}, "a reduction operator (+=!, max=!, ...) is required"),
    ("C(i) = A(i) + N(i)", {"A": t(4), "N": RankedTensorType([4], i32)}, "mismatched types 'f32' and 'i32'"),
    ("C(i) = N(i) * 0.5", {"N": RankedTensorType([4], i32)}, "a float literal is used with 'i32'"),
    ("C(i) = exp(N(i))", {"N": RankedTensorType([4], i32)}, "'exp' expects a float"),
    ("C(i) = D(i)", {"A": t(4)}, "use of undefined tensor or function 'D'"),
])
def test_analysis_errors(text: str, operands: dict, message: str) -> None:
    with pytest.raises(TcError, match=message.replace("(", r"\(").replace(")", r"\)").replace("+", r"\+")):
        analyze(parse_statement(text), operands)


def test_weak_types() -> None:
    c = analyze(parse_statement("Y(i) = N(i) * 2 + i"), {"N": RankedTensorType([4], i32)})
    assert c.element_type == i32
    c = analyze(parse_statement("Y(i) = float(i) * 0.5 where i in 0:4"), {})
    assert c.element_type == f32


def test_parse_file_and_comments() -> None:
    defs = parse_file("# a comment\ndef f(float(M, K) A, float s) -> (B, C) {  # trailing\n"
                      "  B(m) +=! A(m, k)\n  C(m) = B(m) * s\n}\ndef g() -> (O) { O(i) = 1.0 where i in 0:2 }\n")
    assert [d.name for d in defs] == ["f", "g"]
    f = defs[0]
    assert [(p.type_name, p.dims, p.name) for p in f.params] == [("float", ("M", "K"), "A"), ("float", (), "s")]
    assert [o for o, _ in f.outputs] == ["B", "C"]
    assert len(f.stmts) == 2 and f.stmts[1].pos == (4, 3)


def test_parse_sizes() -> None:
    assert parse_sizes("M=4, K=8") == {"M": 4, "K": 8}
    assert parse_sizes(None) == {}
    for bad in ("M", "M=x", "1=2", "M=-1"):
        with pytest.raises(ValueError):
            parse_sizes(bad)


def test_frontend_specializes_and_reports_locations() -> None:
    ctx = Context()
    m = import_tc("def mm(float(M,K) A, float(K,N) B) -> (C) {\n  C(m,n) +=! A(m,k) * B(k,n)\n}\n", ctx, "mm.tc",
                  {"M": 2, "K": 3, "N": 4})
    verify(m)
    assert "-> tensor<2x4xf32>" in str(m)
    with pytest.raises(DiagnosticError) as e:
        import_tc("def f(float(N) A) -> (B) {\n  B(i) +=! A(i + k)\n}\n", ctx, "bad.tc")
    loc = e.value.diagnostic.location
    assert (loc.filename, loc.line, loc.col) == ("bad.tc", 2, 14)  # type: ignore[union-attr]


def _run(text: str, args: list) -> list:
    m = Context().parser.parse(text, "rt.mlir")
    verify(m)
    return Interpreter(m).call("main", args)


def test_runtime_out_of_bounds_with_dynamic_shapes() -> None:
    text = ("func.func @main(%a: tensor<?xf32>) -> tensor<4xf32> {\n"
            "  %r = tc.comprehension \"B(i) = A(i + 2) where i in 0:4\" ins(A = %a : tensor<?xf32>) -> tensor<4xf32>\n"
            "  return %r : tensor<4xf32>\n}\n")
    np.testing.assert_array_equal(_run(text, [np.arange(6, dtype=np.float32)])[0], [2, 3, 4, 5])
    with pytest.raises(InterpreterError, match="out of bounds"):
        _run(text, [np.arange(5, dtype=np.float32)])


def test_runtime_integer_division_by_zero() -> None:
    text = ("func.func @main(%a: tensor<3xi32>) -> tensor<3xi32> {\n"
            "  %r = tc.comprehension \"B(i) = 6 / A(i)\" ins(A = %a : tensor<3xi32>) -> tensor<3xi32>\n"
            "  return %r : tensor<3xi32>\n}\n")
    np.testing.assert_array_equal(_run(text, [np.array([1, -4, 5], np.int32)])[0], [6, -1, 1])
    with pytest.raises(InterpreterError, match="division by zero"):
        _run(text, [np.array([1, 0, 5], np.int32)])


def test_identity_outside_the_written_range() -> None:
    """``!`` initialises every element; ``=`` leaves unwritten elements zero."""
    text = ("func.func @main(%a: tensor<3x2xf32>) -> (tensor<4xf32>, tensor<4xf32>) {\n"
            "  %m = tc.comprehension \"M(i) max=! A(i - 1, j) where i in 1:4\" ins(A = %a : tensor<3x2xf32>)"
            " -> tensor<4xf32>\n"
            "  %c = tc.comprehension \"C(i) = A(i - 1, 0) where i in 1:4\" ins(A = %a : tensor<3x2xf32>)"
            " -> tensor<4xf32>\n"
            "  return %m, %c : tensor<4xf32>, tensor<4xf32>\n}\n")
    a = np.arange(6, dtype=np.float32).reshape(3, 2)
    m, c = _run(text, [a])
    np.testing.assert_array_equal(m, [-np.inf, 1, 3, 5])
    np.testing.assert_array_equal(c, [0, 0, 2, 4])


def test_function_call_statement_runs() -> None:
    """``H = mm(A, W)`` calls an earlier def (func.call); the result feeds later statements."""
    import passes.convert_tc_to_linalg  # noqa: F401  (registers the pass)
    from mlir_py.pass_manager import PassManager

    src = ("def mm(float(M,K) A, float(K,N) B) -> (C) { C(m, n) +=! A(m, k) * B(k, n) }\n"
           "def mlp(float(M,K) A, float(K,N) W) -> (O, H) {\n  H = mm(A, W)\n  O(m, n) = max(H(m, n), 0.0)\n}\n")
    ctx = Context()
    m = import_tc(src, ctx, "mlp.tc", {"M": 2, "K": 3, "N": 4})
    verify(m)
    rng = np.random.default_rng(4)
    a, w = rng.standard_normal((2, 3)).astype(np.float32), rng.standard_normal((3, 4)).astype(np.float32)
    o, h = Interpreter(m).call("mlp", [a, w])
    np.testing.assert_allclose(h, a @ w, rtol=1e-5)
    np.testing.assert_allclose(o, np.maximum(a @ w, 0), rtol=1e-5)
    PassManager.parse("builtin.module(convert-tc-to-linalg)", ctx).run(m)
    o2, _ = Interpreter(m).call("mlp", [a, w])
    np.testing.assert_allclose(o2, o, rtol=1e-6)
    with pytest.raises(DiagnosticError, match="argument #0 of 'mm' has type 'tensor<3x2xf32>'"):
        import_tc("def mm(float(M,K) A) -> (C) { C(m) +=! A(m, k) }\n"
                  "def g(float(K,M) B) -> (D) { D = mm(B) }\n", ctx, "g.tc", {"M": 2, "K": 3})
