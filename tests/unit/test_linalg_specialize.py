"""linalg-specialize-generic-ops: the named ops compute what the generic ops did (interpreter, random inputs),
generalize then specialize gives every named op back, and the nn -> tc -> linalg chain reaches named convolutions,
poolings and matmuls with unchanged results."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import passes.convert_nn_to_tc
import passes.convert_tc_to_linalg
import passes.linalg_generalize_named_ops
import passes.linalg_specialize_generic_ops  # noqa: F401  (register the passes)
from mlir_py import Context, verify
from mlir_py.attributes import FloatType, IntegerType, MemRefType, RankedTensorType, Type
from mlir_py.interpreter import Interpreter
from mlir_py.pass_manager import PassManager

LIT = Path(__file__).resolve().parents[1] / "lit" / "Transforms"
CHUNKS = [c for f in ("linalg-specialize-generic-ops.mlir", "linalg-specialize-generic-ops-negative.mlir")
          for c in re.split(r"^// -----$", (LIT / f).read_text(), flags=re.M)]


def _run(text: str, pipeline: str) -> tuple[Any, str]:
    ctx = Context()
    m = ctx.parser.parse(text, "test.mlir")
    verify(m)
    if pipeline:
        PassManager.parse(f"builtin.module({pipeline})", ctx).run(m)
        verify(m)
    return m, str(m)


def _random(t: Type, rng: np.random.Generator) -> Any:
    if isinstance(t, (RankedTensorType, MemRefType)):
        et, shape = t.element_type, tuple(t.shape)
    else:
        et, shape = t, ()
    if isinstance(et, IntegerType):
        a = rng.integers(-100, 100, shape).astype({8: np.int8, 32: np.int32, 64: np.int64}[et.width])
    else:
        assert isinstance(et, FloatType)
        a = rng.standard_normal(shape).astype({16: np.float16, 32: np.float32, 64: np.float64}[et.width])
    return a if shape else a[()]


def _compare(text: str, pipeline: str, seed: int = 0) -> str:
    """Run every function before and after ``pipeline`` on the same random inputs; returns the output text."""
    before, _ = _run(text, "")
    after, out = _run(text, pipeline)
    for fn in before.regions[0].blocks[0].ops:
        name = fn.attributes["sym_name"].value if "sym_name" in fn.attributes else fn.properties["sym_name"].value
        rng = np.random.default_rng(seed)
        inputs = fn.properties["function_type"].value.inputs if "function_type" in fn.properties \
            else fn.attributes["function_type"].value.inputs
        args = [_random(t, rng) for t in inputs]
        want_args, got_args = [np.copy(a) for a in args], [np.copy(a) for a in args]
        want = Interpreter(before).call(name, want_args)
        got = Interpreter(after).call(name, got_args)
        want, got = [*want, *want_args], [*got, *got_args]  # memref arguments are written in place
        assert len(want) == len(got)
        for w, g in zip(want, got):
            np.testing.assert_allclose(np.asarray(g, np.float64), np.asarray(w, np.float64), rtol=1e-5, atol=1e-5,
                                       err_msg=f"@{name}")
    return out


@pytest.mark.parametrize("chunk", CHUNKS, ids=[re.search(r"func\.func @(\w+)", c).group(1) for c in CHUNKS])  # type: ignore[union-attr]
def test_lit_cases_compute_the_same(chunk: str) -> None:
    _compare(chunk, "linalg-specialize-generic-ops")


NAMED = """
func.func @named(%a: tensor<4x6xf32>, %b: tensor<6x5xf32>, %c: tensor<4x5xf32>, %ba: tensor<2x4x6xf32>,
                 %bb: tensor<2x6x5xf32>, %bc: tensor<2x4x5xf32>, %v: tensor<6xf32>, %vc: tensor<4xf32>,
                 %x: tensor<1x3x9x9xf32>, %w: tensor<4x3x3x3xf32>, %o: tensor<1x4x3x3xf32>,
                 %xh: tensor<1x9x9x3xf32>, %wh: tensor<3x3x3x4xf32>, %oh: tensor<1x3x3x4xf32>,
                 %wd: tensor<3x3x3xf32>, %od: tensor<1x3x3x3xf32>, %odh: tensor<1x3x3x3xf32>,
                 %k: tensor<3x3xf32>, %s: f32, %t: tensor<5x4xf32>, %r: tensor<5xf32>)
    -> (tensor<4x5xf32>, tensor<4x5xf32>, tensor<2x4x5xf32>, tensor<4xf32>, tensor<1x4x3x3xf32>,
        tensor<1x3x3x4xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>,
        tensor<4x5xf32>, tensor<4x5xf32>, tensor<4x5xf32>, tensor<4x5xf32>) {
  %0 = linalg.matmul ins(%a, %b : tensor<4x6xf32>, tensor<6x5xf32>) outs(%c : tensor<4x5xf32>) -> tensor<4x5xf32>
  %1 = linalg.matmul indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>] ins(%a, %b : tensor<4x6xf32>, tensor<6x5xf32>) outs(%c : tensor<4x5xf32>) -> tensor<4x5xf32>
  %2 = linalg.batch_matmul ins(%ba, %bb : tensor<2x4x6xf32>, tensor<2x6x5xf32>) outs(%bc : tensor<2x4x5xf32>) -> tensor<2x4x5xf32>
  %3 = linalg.matvec ins(%a, %v : tensor<4x6xf32>, tensor<6xf32>) outs(%vc : tensor<4xf32>) -> tensor<4xf32>
  %4 = linalg.conv_2d_nchw_fchw {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<[2, 1]> : tensor<2xi64>} ins(%x, %w : tensor<1x3x9x9xf32>, tensor<4x3x3x3xf32>) outs(%o : tensor<1x4x3x3xf32>) -> tensor<1x4x3x3xf32>
  %5 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<3> : tensor<2xi64>} ins(%xh, %wh : tensor<1x9x9x3xf32>, tensor<3x3x3x4xf32>) outs(%oh : tensor<1x3x3x4xf32>) -> tensor<1x3x3x4xf32>
  %6 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<3> : tensor<2xi64>} ins(%x, %wd : tensor<1x3x9x9xf32>, tensor<3x3x3xf32>) outs(%od : tensor<1x3x3x3xf32>) -> tensor<1x3x3x3xf32>
  %7 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<3> : tensor<2xi64>} ins(%xh, %wd : tensor<1x9x9x3xf32>, tensor<3x3x3xf32>) outs(%odh : tensor<1x3x3x3xf32>) -> tensor<1x3x3x3xf32>
  %8 = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<3> : tensor<2xi64>} ins(%x, %k : tensor<1x3x9x9xf32>, tensor<3x3xf32>) outs(%od : tensor<1x3x3x3xf32>) -> tensor<1x3x3x3xf32>
  %9 = linalg.pooling_nhwc_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<3> : tensor<2xi64>} ins(%xh, %k : tensor<1x9x9x3xf32>, tensor<3x3xf32>) outs(%odh : tensor<1x3x3x3xf32>) -> tensor<1x3x3x3xf32>
  %10 = linalg.fill ins(%s : f32) outs(%c : tensor<4x5xf32>) -> tensor<4x5xf32>
  %11 = linalg.copy ins(%0 : tensor<4x5xf32>) outs(%c : tensor<4x5xf32>) -> tensor<4x5xf32>
  %transposed = linalg.transpose ins(%t : tensor<5x4xf32>) outs(%c : tensor<4x5xf32>) permutation = [1, 0]
  %broadcasted = linalg.broadcast ins(%r : tensor<5xf32>) outs(%c : tensor<4x5xf32>) dimensions = [0]
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %transposed, %broadcasted : tensor<4x5xf32>, tensor<4x5xf32>, tensor<2x4x5xf32>, tensor<4xf32>, tensor<1x4x3x3xf32>, tensor<1x3x3x4xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>, tensor<4x5xf32>, tensor<4x5xf32>, tensor<4x5xf32>, tensor<4x5xf32>
}
"""


def _named_ops(text: str) -> list[str]:
    return re.findall(r"= (linalg\.\w+)", text)


def test_generalize_then_specialize_gives_the_named_ops_back() -> None:
    _, original = _run(NAMED, "")
    _, general = _run(NAMED, "linalg-generalize-named-ops")
    assert set(_named_ops(general)) == {"linalg.generic"}
    out = _compare(NAMED, "linalg-generalize-named-ops,linalg-specialize-generic-ops", seed=1)
    assert _named_ops(out) == _named_ops(original)
    # matmul with its default maps spelled out prints as the plain matmul (as mlir-opt)
    assert "indexing_maps" not in out.split("linalg.batch_matmul")[0]


NET = """
func.func @net(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>, %g: tensor<5x64xf32>,
               %gb: tensor<5xf32>, %a: tensor<2x4x6xf32>, %c: tensor<2x6x3xf32>) -> (tensor<1x5xf32>, tensor<2x4x3xf32>) {
  %0 = nn.conv2d %x, %w, %b <pads = array<i64: 1, 1, 1, 1>> : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  %1 = nn.relu %0 : tensor<1x4x8x8xf32>
  %2 = nn.maxpool2d %1 <kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>> : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
  %3 = nn.flatten %2 : (tensor<1x4x4x4xf32>) -> tensor<1x64xf32>
  %4 = nn.gemm %3, %g, %gb <trans_b = 1> : (tensor<1x64xf32>, tensor<5x64xf32>, tensor<5xf32>) -> tensor<1x5xf32>
  %5 = nn.matmul %a, %c : (tensor<2x4x6xf32>, tensor<2x6x3xf32>) -> tensor<2x4x3xf32>
  return %4, %5 : tensor<1x5xf32>, tensor<2x4x3xf32>
}
"""


def test_nn_chain_reaches_named_ops() -> None:
    _, lowered = _run(NET, "convert-nn-to-tc,convert-tc-to-linalg")
    assert set(_named_ops(lowered)) <= {"linalg.generic", "linalg.fill"}
    out = _compare(lowered, "linalg-specialize-generic-ops", seed=2)
    ops = _named_ops(out)
    for name in ("linalg.conv_2d_nchw_fchw", "linalg.pooling_nchw_max", "linalg.matmul", "linalg.batch_matmul",
                 "linalg.broadcast"):
        assert name in ops, (name, ops)
    assert ops.count("linalg.generic") == 1  # the relu (MLIR: linalg.elementwise)
    assert "strides = dense<2> : tensor<2xi64>" in out


def test_named_ops_feed_lower_to_dsa() -> None:
    """With ``ops`` limited to what the DSA lowering maps onto engines, the chain reaches dsa.matmul/maxpool."""
    from passes import load_builtin_passes

    load_builtin_passes()  # the lower-to-dsa pipeline and its stages
    text = NET.replace("%w: tensor<4x3x3x3xf32>, ", "").replace("%g: tensor<5x64xf32>,\n               ", "")
    text = text.replace("-> (tensor<1x5xf32>, tensor<2x4x3xf32>) {", "-> (tensor<1x5xf32>, tensor<2x4x3xf32>) {\n"
                        "  %w = nn.constant dense<0.5> : tensor<4x3x3x3xf32>\n"
                        "  %g = nn.constant dense<0.25> : tensor<5x64xf32>")
    _, lowered = _run(text, "convert-nn-to-tc,convert-tc-to-linalg,"
                            "linalg-specialize-generic-ops{ops=matmul,batch_matmul,conv_2d_nchw_fchw,pooling_nchw_max}")
    assert {"linalg.conv_2d_nchw_fchw", "linalg.pooling_nchw_max", "linalg.matmul"} <= set(_named_ops(lowered))
    assert "linalg.broadcast" not in lowered
    _, out = _run(lowered, "lower-to-dsa")
    assert out.count("dsa.matmul") >= 2 and "dsa.maxpool" in out
