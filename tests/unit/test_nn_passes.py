"""nn-remove-dropout, nn-fold-batchnorm and nn-fold-constants keep the program's meaning: the interpreter's result
before each pass equals the result after it, on seeded random weights and inputs."""

from __future__ import annotations

import numpy as np
import pytest
from _helpers import light_model

from mlir_py import Context, verify
from mlir_py.interpreter import Interpreter
from mlir_py.pass_manager import PassManager, load_pass_plugins
from mlir_py.printer import print_op


def t(shape: tuple[int, ...]) -> str:
    return "tensor<" + "".join(f"{d}x" for d in shape) + "f32>"


def const(a: np.ndarray) -> str:
    """``nn.constant`` of ``a`` in MLIR's hex form."""
    a = np.ascontiguousarray(a, dtype="<f4")
    return f'nn.constant dense<"0x{a.tobytes().hex().upper()}"> : {t(a.shape)}'


def run_pass(text: str, pipeline: str) -> tuple[object, object, str]:
    load_pass_plugins(entry_points_too=False)
    ctx = Context()
    before = ctx.parser.parse(text, "t.mlir")
    verify(before)
    after = ctx.parser.parse(text, "t.mlir")
    PassManager.parse(f"builtin.module({pipeline})").run(after)
    verify(after)
    return before, after, print_op(after)  # type: ignore[arg-type]


def same(before: object, after: object, inputs: list[np.ndarray], rtol: float = 1e-5) -> None:
    want = Interpreter(before).call("main", inputs)  # type: ignore[arg-type]
    got = Interpreter(after).call("main", inputs)  # type: ignore[arg-type]
    for g, w in zip(got, want):
        np.testing.assert_allclose(g, w, rtol=rtol, atol=rtol)


CONVS = [  # (input shape, weight shape, props, bias)
    ((1, 3, 8, 8), (4, 3, 3, 3), "", True),
    ((2, 3, 9, 9), (6, 3, 3, 3), "strides = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>", False),
    ((1, 4, 7, 7), (8, 2, 3, 3), "group = 2, dilations = array<i64: 2, 1>", True),
    ((1, 4, 6, 6), (4, 1, 3, 3), "group = 4, pads = array<i64: 0, 1, 2, 1>", False),
]


@pytest.mark.parametrize("case", CONVS, ids=[f"conv{i}" for i in range(len(CONVS))])
def test_fold_batchnorm(case: tuple) -> None:
    xs, ws, props, has_bias = case
    rng = np.random.default_rng(len(props))
    m = ws[0]
    w = rng.standard_normal(ws).astype(np.float32)
    b = rng.standard_normal(m).astype(np.float32)
    scale, shift, mean = (rng.standard_normal(m).astype(np.float32) for _ in range(3))
    var = (np.abs(rng.standard_normal(m)) + 0.1).astype(np.float32)
    x = rng.standard_normal(xs).astype(np.float32)
    pd = f" <{props}>" if props else ""
    from dialects.nn import Conv2DOp
    from mlir_py.attributes import RankedTensorType, f32

    attrs = dict(Context().parser.parse_attribute("{" + props + "}").value) if props else {}  # type: ignore[attr-defined]
    out = tuple(Conv2DOp.infer_result_types([RankedTensorType(xs, f32), RankedTensorType(ws, f32)], attrs)[0].shape)  # type: ignore[attr-defined]
    operands = "%x, %w, %b" if has_bias else "%x, %w"
    types = f"{t(xs)}, {t(ws)}" + (f", {t((m,))}" if has_bias else "")
    c = t((m,))
    text = f"""
func.func @main(%x: {t(xs)}) -> {t(out)} {{
  %w = {const(w)}
  %b = {const(b)}
  %s = {const(scale)}
  %sh = {const(shift)}
  %mu = {const(mean)}
  %v = {const(var)}
  %0 = nn.conv2d {operands}{pd} : ({types}) -> {t(out)}
  %1 = nn.batch_norm %0, %s, %sh, %mu, %v <epsilon = 1.0e-3 : f32> : ({t(out)}, {c}, {c}, {c}, {c}) -> {t(out)}
  return %1 : {t(out)}
}}
"""
    before, after, printed = run_pass(text, "nn-fold-batchnorm")
    assert "nn.batch_norm" not in printed and printed.count("nn.conv2d") == 1
    same(before, after, [x], rtol=1e-4)


def test_remove_dropout() -> None:
    x = np.random.default_rng(0).standard_normal((3, 4)).astype(np.float32)
    text = f"""
func.func @main(%x: {t((3, 4))}) -> {t((3, 4))} {{
  %0 = nn.dropout %x <ratio = 0.2 : f32> : {t((3, 4))}
  %1 = nn.tanh %0 : {t((3, 4))}
  %2 = nn.dropout %1 : {t((3, 4))}
  return %2 : {t((3, 4))}
}}
"""
    before, after, printed = run_pass(text, "nn-remove-dropout")
    assert "nn.dropout" not in printed and "nn.tanh" in printed
    same(before, after, [x])


def test_fold_constants_whole_subgraph() -> None:
    """A constant subgraph (conv, relu, pool, flatten, gemm, softmax on constants) folds to one constant, stored as
    a dense_resource blob; the function result is unchanged."""
    rng = np.random.default_rng(5)
    img = rng.standard_normal((1, 3, 8, 8)).astype(np.float32)
    w = rng.standard_normal((4, 3, 3, 3)).astype(np.float32)
    fc = rng.standard_normal((16, 80)).astype(np.float32)
    x = rng.standard_normal((1, 80)).astype(np.float32)
    text = f"""
func.func @main(%x: tensor<1x80xf32>) -> tensor<1x80xf32> {{
  %img = {const(img)}
  %w = {const(w)}
  %fc = {const(fc)}
  %0 = nn.conv2d %img, %w <pads = array<i64: 1, 1, 1, 1>> : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  %1 = nn.relu %0 : tensor<1x4x8x8xf32>
  %2 = nn.maxpool2d %1 <kernel_shape = array<i64: 4, 4>, strides = array<i64: 4, 4>> : (tensor<1x4x8x8xf32>) -> tensor<1x4x2x2xf32>
  %3 = nn.flatten %2 : (tensor<1x4x2x2xf32>) -> tensor<1x16xf32>
  %4 = nn.gemm %3, %fc : (tensor<1x16xf32>, tensor<16x80xf32>) -> tensor<1x80xf32>
  %5 = nn.softmax %4 : tensor<1x80xf32>
  %6 = nn.add %x, %5 : (tensor<1x80xf32>, tensor<1x80xf32>) -> tensor<1x80xf32>
  return %6 : tensor<1x80xf32>
}}
"""
    before, after, printed = run_pass(text, "nn-fold-constants")
    ops = [line.split("=")[1].split()[0] for line in printed.splitlines() if " = " in line and "%" in line.split("=")[0]]
    assert ops == ["nn.constant", "nn.add"], printed
    assert "dense_resource<softmax_folded>" in printed
    same(before, after, [x])


def test_fold_constants_size_limit() -> None:
    text = f"""
func.func @main() -> {t((4, 4))} {{
  %a = {const(np.arange(16, dtype=np.float32).reshape(4, 4))}
  %0 = nn.exp %a : {t((4, 4))}
  return %0 : {t((4, 4))}
}}
"""
    _, _, printed = run_pass(text, "nn-fold-constants{size-limit=8}")
    assert "nn.exp" in printed
    before, after, printed = run_pass(text, "nn-fold-constants{size-limit=16}")
    assert "nn.exp" not in printed
    same(before, after, [])


@pytest.mark.slow
def test_fold_batchnorm_resnet50() -> None:
    """onnx's light ResNet-50 with seeded random weights: all 53 batch norms fold into their convolutions and the
    logits (final softmax removed: random weights saturate it) stay within f32 rounding of the unfolded model's."""
    load_pass_plugins(entry_points_too=False)
    before, after = light_model("resnet50"), light_model("resnet50")
    assert sum(op.name == "nn.batch_norm" for op in before.walk()) == 53
    PassManager.parse("builtin.module(nn-fold-batchnorm)").run(after)
    verify(after)
    assert not any(op.name == "nn.batch_norm" for op in after.walk())
    x = np.random.default_rng(0).standard_normal((1, 3, 224, 224)).astype(np.float32)
    want = Interpreter(before).call("main", [x])[0]
    got = Interpreter(after).call("main", [x])[0]
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-4 * float(np.abs(want).max()))
