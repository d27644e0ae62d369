"""The nn interpreter implementations against onnxruntime: every op, on a variety of attributes.

Each case builds a single-node ONNX model with ``onnx.helper``, runs it with onnxruntime on seeded random inputs,
writes the same computation as one nn op (generic syntax, so the test does not depend on the custom formats), runs
it in the interpreter and compares (rtol 1e-5). The nn result type is ONNX's output shape, so the verifier also
checks nn's shape inference against onnxruntime.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from mlir_py import Context, verify  # noqa: E402
from mlir_py.interpreter import Interpreter  # noqa: E402


@dataclass
class Case:
    """``onnx_op`` on ``inputs`` (graph inputs, also the nn operands) and ``consts`` (ONNX-only initializer
    inputs, e.g. Clip's min/max; ``None`` leaves an optional input out), as ``nn_op`` with ``props``."""

    id: str
    onnx_op: str
    inputs: list[np.ndarray]
    attrs: dict[str, Any]
    nn_op: str
    props: str = ""
    opset: int = 17
    consts: list[np.ndarray | None] = field(default_factory=list)
    nn_inputs: list[int] | None = None  # which inputs the nn op takes (default: all)


def rnd(*shape: int, seed: int = 0, positive: bool = False) -> np.ndarray:
    x = np.random.default_rng(seed + 7 * len(shape) + sum(shape)).standard_normal(shape).astype(np.float32)
    return np.abs(x) + np.float32(0.1) if positive else x


def arr(*vals: int) -> str:
    return "array<i64: " + ", ".join(map(str, vals)) + ">"


X4 = rnd(2, 4, 9, 9)
CASES = [
    # --- conv ---
    Case("conv_basic", "Conv", [X4, rnd(6, 4, 3, 3, seed=1)], {}, "conv2d"),
    Case("conv_stride_pad_bias", "Conv", [X4, rnd(6, 4, 3, 3, seed=1), rnd(6, seed=2)],
         {"strides": [2, 2], "pads": [1, 1, 1, 1]}, "conv2d",
         f"strides = {arr(2, 2)}, pads = {arr(1, 1, 1, 1)}"),
    Case("conv_dilation_asym_pads", "Conv", [X4, rnd(5, 4, 3, 2, seed=3)],
         {"dilations": [2, 3], "pads": [0, 2, 1, 1], "strides": [1, 2]}, "conv2d",
         f"dilations = {arr(2, 3)}, pads = {arr(0, 2, 1, 1)}, strides = {arr(1, 2)}"),
    Case("conv_group", "Conv", [X4, rnd(6, 2, 3, 3, seed=4), rnd(6, seed=5)], {"group": 2, "pads": [1, 1, 1, 1]},
         "conv2d", f"group = 2, pads = {arr(1, 1, 1, 1)}"),
    Case("conv_depthwise", "Conv", [X4, rnd(8, 1, 3, 3, seed=6)], {"group": 4, "strides": [2, 2]}, "conv2d",
         f"group = 4, strides = {arr(2, 2)}"),
    Case("conv_1x1", "Conv", [X4, rnd(3, 4, 1, 1, seed=7)], {}, "conv2d"),
    Case("conv_stem_7x7", "Conv", [rnd(1, 3, 32, 32), rnd(8, 3, 7, 7, seed=8), rnd(8, seed=9)],
         {"strides": [2, 2], "pads": [3, 3, 3, 3]}, "conv2d", f"strides = {arr(2, 2)}, pads = {arr(3, 3, 3, 3)}"),
    # --- matmul / gemm ---
    Case("matmul_2d", "MatMul", [rnd(5, 7), rnd(7, 3, seed=1)], {}, "matmul"),
    Case("matmul_batch_bcast", "MatMul", [rnd(2, 3, 5, 7), rnd(3, 7, 4, seed=1)], {}, "matmul"),
    Case("matmul_1d_2d", "MatMul", [rnd(7), rnd(7, 3, seed=1)], {}, "matmul"),
    Case("matmul_2d_1d", "MatMul", [rnd(4, 7), rnd(7, seed=1)], {}, "matmul"),
    Case("matmul_3d_1d", "MatMul", [rnd(2, 4, 7), rnd(7, seed=1)], {}, "matmul"),
    Case("gemm_bias", "Gemm", [rnd(4, 6), rnd(6, 5, seed=1), rnd(5, seed=2)], {}, "gemm"),
    Case("gemm_trans_alpha_beta", "Gemm", [rnd(6, 4), rnd(5, 6, seed=1), rnd(4, 1, seed=2)],
         {"transA": 1, "transB": 1, "alpha": 0.5, "beta": 2.0}, "gemm",
         "trans_a = 1, trans_b = 1, alpha = 0.5 : f32, beta = 2.0 : f32"),
    Case("gemm_no_c", "Gemm", [rnd(4, 6), rnd(5, 6, seed=1)], {"transB": 1}, "gemm", "trans_b = 1"),
    # --- binary elementwise ---
    Case("add_bcast", "Add", [rnd(2, 3, 4), rnd(3, 1, seed=1)], {}, "add"),
    Case("sub_bcast", "Sub", [rnd(4), rnd(2, 3, 4, seed=1)], {}, "sub"),
    Case("mul_bcast", "Mul", [rnd(2, 1, 4), rnd(3, 1, seed=1)], {}, "mul"),
    Case("div", "Div", [rnd(2, 3), rnd(2, 3, seed=1, positive=True)], {}, "div"),
    Case("max", "Max", [rnd(2, 3, 4), rnd(4, seed=1)], {}, "max", opset=13),
    Case("min", "Min", [rnd(2, 3, 4), rnd(3, 1, seed=1)], {}, "min", opset=13),
    Case("pow", "Pow", [rnd(3, 4, positive=True), rnd(4, seed=1)], {}, "pow", opset=15),
    Case("sum3", "Sum", [rnd(2, 3, 4), rnd(3, 4, seed=1), rnd(1, seed=2)], {}, "sum", opset=13),
    Case("sum1", "Sum", [rnd(2, 3)], {}, "sum", opset=13),
    # --- unary elementwise ---
    Case("relu", "Relu", [rnd(3, 5)], {}, "relu"),
    Case("leaky_relu", "LeakyRelu", [rnd(3, 5)], {"alpha": 0.1}, "leaky_relu", "alpha = 0.1 : f32"),
    Case("leaky_relu_default", "LeakyRelu", [rnd(3, 5)], {}, "leaky_relu"),
    Case("clip", "Clip", [rnd(3, 5)], {}, "clip", "min = -0.5 : f32, max = 0.7 : f32", opset=13,
         consts=[np.array(-0.5, np.float32), np.array(0.7, np.float32)]),
    Case("clip_min_only", "Clip", [rnd(3, 5)], {}, "clip", "min = 0.0 : f32", opset=13,
         consts=[np.array(0.0, np.float32)]),
    Case("clip_max_only", "Clip", [rnd(3, 5)], {}, "clip", "max = 6.0 : f32", opset=13,
         consts=[None, np.array(6.0, np.float32)]),
    Case("sigmoid", "Sigmoid", [rnd(3, 5) * 10], {}, "sigmoid"),
    Case("tanh", "Tanh", [rnd(3, 5) * 3], {}, "tanh"),
    Case("exp", "Exp", [rnd(3, 5) * 3], {}, "exp"),
    Case("sqrt", "Sqrt", [rnd(3, 5, positive=True)], {}, "sqrt"),
    Case("erf", "Erf", [rnd(4, 50) * 2], {}, "erf"),
    Case("gelu", "Gelu", [rnd(4, 50) * 3], {}, "gelu", opset=20),
    Case("gelu_tanh", "Gelu", [rnd(4, 50) * 3], {"approximate": "tanh"}, "gelu", 'approximate = "tanh"', opset=20),
    Case("dropout", "Dropout", [rnd(3, 5)], {}, "dropout", opset=13),
    # --- softmax ---
    Case("softmax_last", "Softmax", [rnd(2, 3, 10) * 5], {}, "softmax", opset=13),
    Case("softmax_axis1", "Softmax", [rnd(2, 3, 10) * 5], {"axis": 1}, "softmax", "axis = 1", opset=13),
    Case("log_softmax", "LogSoftmax", [rnd(2, 10) * 5], {"axis": -1}, "log_softmax", opset=13),
    Case("log_softmax_axis0", "LogSoftmax", [rnd(4, 10)], {"axis": 0}, "log_softmax", "axis = 0", opset=13),
    # --- pooling ---
    Case("maxpool_3x3_s2_p1", "MaxPool", [X4], {"kernel_shape": [3, 3], "strides": [2, 2], "pads": [1, 1, 1, 1]},
         "maxpool2d", f"kernel_shape = {arr(3, 3)}, strides = {arr(2, 2)}, pads = {arr(1, 1, 1, 1)}"),
    Case("maxpool_ceil", "MaxPool", [rnd(1, 2, 10, 10)], {"kernel_shape": [3, 3], "strides": [2, 2],
                                                          "ceil_mode": 1},
         "maxpool2d", f"kernel_shape = {arr(3, 3)}, strides = {arr(2, 2)}, ceil_mode = 1"),
    Case("maxpool_ceil_pads", "MaxPool", [rnd(1, 2, 9, 9)], {"kernel_shape": [2, 2], "strides": [2, 2],
                                                             "pads": [1, 1, 1, 1], "ceil_mode": 1},
         "maxpool2d", f"kernel_shape = {arr(2, 2)}, strides = {arr(2, 2)}, pads = {arr(1, 1, 1, 1)}, ceil_mode = 1"),
    Case("maxpool_dilated_asym", "MaxPool", [X4], {"kernel_shape": [2, 3], "dilations": [2, 1],
                                                  "pads": [0, 1, 1, 0]},
         "maxpool2d", f"kernel_shape = {arr(2, 3)}, dilations = {arr(2, 1)}, pads = {arr(0, 1, 1, 0)}"),
    Case("avgpool", "AveragePool", [X4], {"kernel_shape": [3, 3], "strides": [2, 2]}, "avgpool2d",
         f"kernel_shape = {arr(3, 3)}, strides = {arr(2, 2)}"),
    Case("avgpool_pads_exclude", "AveragePool", [X4], {"kernel_shape": [3, 3], "pads": [1, 1, 1, 1]}, "avgpool2d",
         f"kernel_shape = {arr(3, 3)}, pads = {arr(1, 1, 1, 1)}"),
    Case("avgpool_pads_include", "AveragePool", [X4],
         {"kernel_shape": [3, 3], "pads": [1, 2, 0, 1], "count_include_pad": 1},
         "avgpool2d", f"kernel_shape = {arr(3, 3)}, pads = {arr(1, 2, 0, 1)}, count_include_pad = 1"),
    Case("avgpool_ceil", "AveragePool", [rnd(1, 2, 10, 10)], {"kernel_shape": [3, 3], "strides": [2, 2],
                                                              "ceil_mode": 1},
         "avgpool2d", f"kernel_shape = {arr(3, 3)}, strides = {arr(2, 2)}, ceil_mode = 1"),
    Case("avgpool_ceil_include", "AveragePool", [rnd(1, 2, 10, 10)],
         {"kernel_shape": [3, 3], "strides": [2, 2], "pads": [1, 1, 1, 1], "ceil_mode": 1, "count_include_pad": 1},
         "avgpool2d", f"kernel_shape = {arr(3, 3)}, strides = {arr(2, 2)}, pads = {arr(1, 1, 1, 1)}, ceil_mode = 1, "
                      "count_include_pad = 1"),
    Case("global_avgpool", "GlobalAveragePool", [X4], {}, "global_avgpool"),
    # --- normalization ---
    Case("batch_norm", "BatchNormalization",
         [X4, rnd(4, seed=1), rnd(4, seed=2), rnd(4, seed=3), rnd(4, seed=4, positive=True)],
         {"epsilon": 1e-3}, "batch_norm", "epsilon = 1.0e-03 : f32", opset=15),
    Case("batch_norm_2d", "BatchNormalization",
         [rnd(5, 4), rnd(4, seed=1), rnd(4, seed=2), rnd(4, seed=3), rnd(4, seed=4, positive=True)],
         {}, "batch_norm", opset=15),
    Case("layer_norm", "LayerNormalization", [rnd(2, 3, 8), rnd(8, seed=1), rnd(8, seed=2)], {}, "layer_norm"),
    Case("layer_norm_axis1_no_b", "LayerNormalization", [rnd(2, 3, 8), rnd(3, 8, seed=1)], {"axis": 1},
         "layer_norm", "axis = 1"),
    Case("lrn", "LRN", [X4], {"size": 3, "alpha": 1e-2, "beta": 0.5, "bias": 2.0}, "lrn",
         "size = 3, alpha = 1.0e-02 : f32, beta = 0.5 : f32, bias = 2.0 : f32"),
    # --- shapes ---
    Case("flatten_1", "Flatten", [X4], {}, "flatten"),
    Case("flatten_0", "Flatten", [X4], {"axis": 0}, "flatten", "axis = 0"),
    Case("flatten_neg", "Flatten", [X4], {"axis": -1}, "flatten", "axis = -1"),
    Case("reshape", "Reshape", [X4], {}, "reshape", consts=[np.array([2, -1, 9], np.int64)]),
    Case("transpose", "Transpose", [X4], {"perm": [0, 2, 3, 1]}, "transpose", f"perm = {arr(0, 2, 3, 1)}"),
    Case("transpose_default", "Transpose", [rnd(2, 3, 4)], {}, "transpose"),
    Case("concat", "Concat", [rnd(2, 3, 4), rnd(2, 1, 4, seed=1), rnd(2, 2, 4, seed=2)], {"axis": 1}, "concat",
         "axis = 1"),
    Case("concat_neg", "Concat", [rnd(2, 3), rnd(2, 2, seed=1)], {"axis": -1}, "concat", "axis = -1"),
    Case("pad_constant", "Pad", [rnd(2, 3, 4)], {}, "pad", f"pads = {arr(0, 1, 2, 1, 0, 3)}, value = 1.5 : f32",
         opset=13, consts=[np.array([0, 1, 2, 1, 0, 3], np.int64), np.array(1.5, np.float32)]),
    Case("pad_reflect", "Pad", [rnd(1, 2, 5, 5)], {"mode": "reflect"}, "pad",
         f'pads = {arr(0, 0, 2, 1, 0, 0, 1, 3)}, mode = "reflect"', opset=13,
         consts=[np.array([0, 0, 2, 1, 0, 0, 1, 3], np.int64)]),
    Case("pad_edge", "Pad", [rnd(1, 2, 5, 5)], {"mode": "edge"}, "pad",
         f'pads = {arr(0, 0, 2, 1, 0, 0, 1, 3)}, mode = "edge"', opset=13,
         consts=[np.array([0, 0, 2, 1, 0, 0, 1, 3], np.int64)]),
    Case("pad_negative", "Pad", [rnd(3, 6)], {}, "pad", f"pads = {arr(-1, 2, 0, -3)}", opset=13,
         consts=[np.array([-1, 2, 0, -3], np.int64)]),
    Case("reduce_mean", "ReduceMean", [X4], {"axes": [2, 3]}, "reduce_mean", f"axes = {arr(2, 3)}", opset=13),
    Case("reduce_mean_nokeep", "ReduceMean", [X4], {"axes": [-1], "keepdims": 0}, "reduce_mean",
         f"axes = {arr(-1)}, keepdims = 0", opset=13),
    Case("reduce_sum", "ReduceSum", [X4], {}, "reduce_sum", f"axes = {arr(1)}", opset=13,
         consts=[np.array([1], np.int64)]),
    Case("reduce_sum_all", "ReduceSum", [X4], {"keepdims": 0}, "reduce_sum", "keepdims = 0", opset=13),
    Case("reduce_max", "ReduceMax", [X4], {"axes": [0, 2]}, "reduce_max", f"axes = {arr(0, 2)}", opset=13),
    Case("reduce_max_all_keep", "ReduceMax", [X4], {}, "reduce_max", opset=13),
]


def _ttype(shape: tuple[int, ...], dtype: Any = np.float32) -> str:
    et = {np.dtype(np.float32): "f32", np.dtype(np.int64): "i64"}[np.dtype(dtype)]
    return "tensor<" + "".join(f"{d}x" for d in shape) + et + ">"


def run_onnx(case: Case) -> np.ndarray:
    names = [f"x{i}" for i in range(len(case.inputs))]
    inits, init_names = [], []
    for j, c in enumerate(case.consts):
        if c is None:
            init_names.append("")
        else:
            init_names.append(f"c{j}")
            inits.append(numpy_helper.from_array(c, f"c{j}"))
    node = helper.make_node(case.onnx_op, names + init_names, ["y"], **case.attrs)
    graph = helper.make_graph(
        [node], "g", [helper.make_tensor_value_info(n, TensorProto.FLOAT, list(x.shape))
                      for n, x in zip(names, case.inputs)],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, None)], initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", case.opset)])
    model.ir_version = 8
    sess = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return sess.run(None, dict(zip(names, case.inputs)))[0]


def nn_module(op: str, inputs: list[np.ndarray], props: str, out_shape: tuple[int, ...]) -> str:
    args = ", ".join(f"%a{i}: {_ttype(x.shape)}" for i, x in enumerate(inputs))
    ins = ", ".join(_ttype(x.shape) for x in inputs)
    rt = _ttype(out_shape)
    operands = ", ".join(f"%a{i}" for i in range(len(inputs)))
    pd = f" <{{{props}}}>" if props else ""
    return (f"func.func @main({args}) -> {rt} {{\n"
            f"  %0 = \"nn.{op}\"({operands}){pd} : ({ins}) -> {rt}\n"
            f"  return %0 : {rt}\n}}\n")


def run_nn(op: str, inputs: list[np.ndarray], props: str, out_shape: tuple[int, ...]) -> np.ndarray:
    module = Context().parser.parse(nn_module(op, inputs, props, out_shape), "test.mlir")
    verify(module)
    return Interpreter(module).call("main", inputs)[0]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_against_onnxruntime(case: Case) -> None:
    expected = run_onnx(case)
    got = run_nn(case.nn_op, case.inputs, case.props, expected.shape)
    assert got.dtype == np.float32 and got.shape == expected.shape
    # onnxruntime itself sums float32 products in float32: allow its rounding (about 1e-6 of the magnitude)
    np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)


def test_every_op_is_checked() -> None:
    from dialects import nn

    checked = {"nn." + c.nn_op for c in CASES} | {"nn.constant"}
    assert {cls.OPERATION_NAME for cls in nn._OPS} == checked  # type: ignore[attr-defined]


def test_lrn_even_size_against_spec() -> None:
    """LRN with an even ``size`` (onnxruntime accepts odd sizes only; onnx 1.23's reference LRN loops over the
    batch instead of the channels): an explicit loop over the Operators.md formula, channels
    ``[c - floor((size-1)/2), c + ceil((size-1)/2)]`` clipped to the tensor."""
    x, size, alpha, beta, bias = rnd(2, 7, 3, 3), 4, 0.3, 0.75, 1.5
    ref = np.empty_like(x, dtype=np.float64)
    for c in range(x.shape[1]):
        lo, hi = max(0, c - (size - 1) // 2), min(x.shape[1] - 1, c + math.ceil((size - 1) / 2))
        sq = (x[:, lo:hi + 1].astype(np.float64) ** 2).sum(axis=1)
        ref[:, c] = x[:, c] / (bias + alpha / size * sq) ** beta
    got = run_nn("lrn", [x], "size = 4, alpha = 0.3 : f32, beta = 0.75 : f32, bias = 1.5 : f32", x.shape)
    np.testing.assert_allclose(got, ref, rtol=1e-5, atol=1e-6)


def test_erf_against_math() -> None:
    from mlir_py.interpreter_impls.nn import erf

    x = np.concatenate([np.linspace(-8, 8, 40001), [0.0, -0.0, 5e-300, np.inf, -np.inf, 27.0, -40.0]])
    ref = np.array([math.erf(v) for v in x])
    np.testing.assert_allclose(erf(x), ref, rtol=1e-15, atol=1e-16)
    assert np.isnan(erf(np.array([np.nan])))[0]


def test_constant_and_chain() -> None:
    """nn.constant (dense and dense_resource) feeding other ops, in custom syntax."""
    text = """
func.func @main(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %c = nn.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %r = nn.constant dense_resource<blob> : tensor<3xf32>
  %0 = nn.mul %x, %c : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %1 = nn.add %0, %r : (tensor<2x3xf32>, tensor<3xf32>) -> tensor<2x3xf32>
  %2 = nn.relu %1 : tensor<2x3xf32>
  return %2 : tensor<2x3xf32>
}
{-#
  dialect_resources: {
    builtin: {
      blob: "0x040000000000803F0000000000000040"
    }
  }
#-}
"""
    text = text.replace("0x040000000000803F0000000000000040", "0x04000000" + np.array(
        [1.0, 0.0, -10.0], np.float32).tobytes().hex().upper())
    module = Context().parser.parse(text, "t.mlir")
    verify(module)
    x = rnd(2, 3)
    got = Interpreter(module).call("main", [x])[0]
    np.testing.assert_array_equal(got, np.maximum(x * np.array([1, 2, 3], np.float32)
                                                   + np.array([1, 0, -10], np.float32), 0))


@pytest.mark.slow
def test_resnet_sized_conv_is_fast() -> None:
    """A ResNet-50 stage-2 3x3 convolution (1x64x56x56, 64 filters) against onnxruntime, in well under a second."""
    import time

    case = Case("r50", "Conv", [rnd(1, 64, 56, 56), rnd(64, 64, 3, 3, seed=1), rnd(64, seed=2)],
                {"pads": [1, 1, 1, 1]}, "conv2d", f"pads = {arr(1, 1, 1, 1)}")
    expected = run_onnx(case)
    t = time.perf_counter()
    got = run_nn(case.nn_op, case.inputs, case.props, expected.shape)
    assert time.perf_counter() - t < 5.0
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=1e-4)
