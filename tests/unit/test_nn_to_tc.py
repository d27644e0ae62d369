"""convert-nn-to-tc keeps the meaning of every nn op: the interpreter's result before the pass (the nn reference,
checked against onnxruntime in test_nn_interp.py) equals the result after it (tc.comprehension and tensor ops), on
seeded random inputs. Also: no nn op is left, and every statement is one the tc verifier accepts."""

from __future__ import annotations

import numpy as np
import pytest
from _helpers import light_model

from dialects import nn
from mlir_py import Context, verify
from mlir_py.attributes import RankedTensorType, f32
from mlir_py.interpreter import Interpreter
from mlir_py.pass_manager import PassManager, load_pass_plugins
from mlir_py.printer import print_op

A = "array<i64: {}>".format

# (id, op, operand shapes, properties, result shape when not inferable)
CASES: list[tuple[str, str, list[tuple[int, ...]], str, tuple[int, ...] | None]] = [
    ("conv", "conv2d", [(2, 3, 7, 7), (4, 3, 3, 3)], "", None),
    ("conv_bias_stride_pad", "conv2d", [(1, 3, 8, 8), (4, 3, 3, 3), (4,)],
     f"strides = {A('2, 2')}, pads = {A('1, 0, 2, 1')}", None),
    ("conv_dilated", "conv2d", [(1, 2, 9, 9), (3, 2, 3, 2)], f"dilations = {A('2, 3')}, strides = {A('1, 2')}", None),
    ("conv_group_bias", "conv2d", [(1, 4, 6, 6), (6, 2, 3, 3), (6,)], f"group = 2, pads = {A('1, 1, 1, 1')}", None),
    ("conv_depthwise", "conv2d", [(2, 4, 6, 6), (4, 1, 3, 3)], "group = 4", None),
    ("matmul", "matmul", [(5, 7), (7, 3)], "", None),
    ("matmul_batch_bcast", "matmul", [(2, 3, 5, 7), (3, 7, 4)], "", None),
    ("matmul_bcast1", "matmul", [(2, 1, 5, 7), (3, 7, 4)], "", None),
    ("matmul_1d_2d", "matmul", [(7,), (7, 3)], "", None),
    ("matmul_3d_1d", "matmul", [(2, 4, 7), (7,)], "", None),
    ("matmul_1d_1d", "matmul", [(7,), (7,)], "", None),
    ("gemm", "gemm", [(4, 6), (6, 5)], "", None),
    ("gemm_c", "gemm", [(4, 6), (6, 5), (5,)], "", None),
    ("gemm_trans_alpha_beta", "gemm", [(6, 4), (5, 6), (4, 1)],
     "trans_a = 1, trans_b = 1, alpha = 0.5 : f32, beta = 2.0 : f32", None),
    ("gemm_scalar_c", "gemm", [(4, 6), (6, 5), (1,)], "beta = 0.25 : f32", None),
    ("add", "add", [(2, 3, 4), (3, 1)], "", None),
    ("add_both_bcast", "add", [(2, 1), (1, 3)], "", None),
    ("sub", "sub", [(4,), (2, 3, 4)], "", None),
    ("mul", "mul", [(2, 1, 4), (3, 1)], "", None),
    ("div", "div", [(2, 3), (2, 3)], "", None),
    ("max", "max", [(2, 3, 4), (4,)], "", None),
    ("min", "min", [(2, 3, 4), (3, 1)], "", None),
    ("pow", "pow", [(3, 4), (4,)], "", None),
    ("sum", "sum", [(2, 3, 4), (3, 4), (1,)], "", None),
    ("sum1", "sum", [(2, 3)], "", None),
    ("relu", "relu", [(3, 5)], "", None),
    ("leaky_relu", "leaky_relu", [(3, 5)], "alpha = 0.1 : f32", None),
    ("clip", "clip", [(3, 5)], "min = -0.5 : f32, max = 0.7 : f32", None),
    ("clip_min", "clip", [(3, 5)], "min = 0.0 : f32", None),
    ("sigmoid", "sigmoid", [(3, 5)], "", None),
    ("tanh", "tanh", [(3, 5)], "", None),
    ("exp", "exp", [(3, 5)], "", None),
    ("sqrt", "sqrt", [(3, 5)], "", None),
    ("erf", "erf", [(3, 5)], "", None),
    ("gelu", "gelu", [(3, 5)], "", None),
    ("gelu_tanh", "gelu", [(3, 5)], 'approximate = "tanh"', None),
    ("dropout", "dropout", [(3, 5)], "", None),
    ("softmax", "softmax", [(2, 3, 6)], "", None),
    ("softmax_axis1", "softmax", [(2, 3, 6)], "axis = 1", None),
    ("softmax_1d", "softmax", [(6,)], "", None),
    ("log_softmax", "log_softmax", [(4, 6)], "axis = 0", None),
    ("maxpool", "maxpool2d", [(1, 2, 9, 9)], f"kernel_shape = {A('3, 3')}, strides = {A('2, 2')}, pads = {A('1, 1, 1, 1')}",
     None),
    ("maxpool_ceil", "maxpool2d", [(1, 2, 10, 10)], f"kernel_shape = {A('3, 3')}, strides = {A('2, 2')}, ceil_mode = 1",
     None),
    ("maxpool_dilated", "maxpool2d", [(1, 2, 9, 9)], f"kernel_shape = {A('2, 3')}, dilations = {A('2, 1')}, "
                                                     f"pads = {A('0, 1, 1, 0')}", None),
    ("avgpool", "avgpool2d", [(1, 2, 9, 9)], f"kernel_shape = {A('3, 3')}, strides = {A('2, 2')}", None),
    ("avgpool_pads_exclude", "avgpool2d", [(1, 2, 9, 9)], f"kernel_shape = {A('3, 3')}, pads = {A('1, 1, 1, 1')}", None),
    ("avgpool_pads_include", "avgpool2d", [(1, 2, 9, 9)],
     f"kernel_shape = {A('3, 3')}, pads = {A('1, 2, 0, 1')}, count_include_pad = 1", None),
    ("avgpool_ceil_include", "avgpool2d", [(1, 2, 10, 10)], f"kernel_shape = {A('3, 3')}, strides = {A('2, 2')}, "
                                                            f"pads = {A('1, 1, 1, 1')}, ceil_mode = 1, count_include_pad = 1",
     None),
    ("global_avgpool", "global_avgpool", [(2, 3, 5, 4)], "", None),
    ("batch_norm", "batch_norm", [(2, 4, 5, 5), (4,), (4,), (4,), (4,)], "epsilon = 1.0e-3 : f32", None),
    ("batch_norm_2d", "batch_norm", [(5, 4), (4,), (4,), (4,), (4,)], "", None),
    ("layer_norm", "layer_norm", [(2, 3, 8), (8,), (8,)], "", None),
    ("layer_norm_axis1", "layer_norm", [(2, 3, 8), (3, 8)], "axis = 1", None),
    ("layer_norm_axis0", "layer_norm", [(3, 8), (8,)], "axis = 0", None),
    ("lrn", "lrn", [(1, 5, 3, 3)], "size = 3, alpha = 1.0e-2 : f32, beta = 0.5 : f32, bias = 2.0 : f32", None),
    ("lrn_even", "lrn", [(2, 7, 3, 3)], "size = 4", None),
    ("flatten", "flatten", [(2, 3, 4, 5)], "", None),
    ("flatten_0", "flatten", [(2, 3, 4, 5)], "axis = 0", None),
    ("flatten_4", "flatten", [(2, 3, 4, 5)], "axis = 4", None),
    ("reshape_collapse", "reshape", [(1, 3, 8, 8)], "", (3, 64)),
    ("reshape_expand", "reshape", [(6, 20)], "", (2, 3, 4, 5)),
    ("reshape_both", "reshape", [(6, 4)], "", (4, 6)),
    ("reshape_unsqueeze", "reshape", [(3, 4)], "", (1, 3, 1, 4)),
    ("reshape_squeeze", "reshape", [(1, 3, 1, 4, 1)], "", (3, 4)),
    ("reshape_to_scalar", "reshape", [(1, 1)], "", ()),
    ("reshape_from_scalar", "reshape", [()], "", (1, 1)),
    ("transpose", "transpose", [(2, 3, 4, 5)], f"perm = {A('0, 2, 3, 1')}", None),
    ("transpose_default", "transpose", [(2, 3, 4)], "", None),
    ("concat", "concat", [(2, 3, 4), (2, 1, 4), (2, 2, 4)], "axis = 1", None),
    ("concat_neg", "concat", [(2, 3), (2, 2)], "axis = -1", None),
    ("pad_constant", "pad", [(2, 3, 4)], f"pads = {A('0, 1, 2, 1, 0, 3')}, value = 1.5 : f32", None),
    ("pad_negative", "pad", [(3, 6)], f"pads = {A('-1, 2, 0, -3')}", None),
    ("pad_reflect", "pad", [(1, 2, 5, 5)], f'pads = {A("0, 0, 2, 1, 0, 0, 1, 3")}, mode = "reflect"', None),
    ("pad_edge", "pad", [(1, 2, 5, 5)], f'pads = {A("0, 0, 2, 1, 0, 0, 1, 3")}, mode = "edge"', None),
    ("pad_wrap", "pad", [(2, 5)], f'pads = {A("1, 2, 0, 3")}, mode = "wrap"', None),
    ("reduce_mean", "reduce_mean", [(2, 3, 4, 5)], f"axes = {A('2, 3')}", None),
    ("reduce_mean_nokeep", "reduce_mean", [(2, 3, 4)], f"axes = {A('-1')}, keepdims = 0", None),
    ("reduce_sum_all", "reduce_sum", [(2, 3, 4)], "keepdims = 0", None),
    ("reduce_sum_keep", "reduce_sum", [(2, 3, 4)], f"axes = {A('1')}", None),
    ("reduce_max", "reduce_max", [(2, 3, 4)], f"axes = {A('0, 2')}", None),
]

_OPS: dict[str, type[nn.NnOp]] = {cls.OPERATION_NAME: cls for cls in nn._OPS}  # type: ignore[attr-defined, misc]


def _t(shape: tuple[int, ...]) -> str:
    return "tensor<" + "".join(f"{d}x" for d in shape) + "f32>"


def module_text(op: str, shapes: list[tuple[int, ...]], props: str, out: tuple[int, ...] | None) -> str:
    if out is None:
        attrs = dict(Context().parser.parse_attribute("{" + props + "}").value) if props else {}  # type: ignore[attr-defined]
        rt = _OPS["nn." + op].infer_result_types([RankedTensorType(s, f32) for s in shapes], attrs)[0]
        out = tuple(rt.shape)  # type: ignore[attr-defined]
    args = ", ".join(f"%a{i}: {_t(s)}" for i, s in enumerate(shapes))
    pd = f" <{{{props}}}>" if props else ""
    return (f"func.func @main({args}) -> {_t(out)} {{\n"
            f"  %0 = \"nn.{op}\"({', '.join(f'%a{i}' for i in range(len(shapes)))}){pd} : "
            f"({', '.join(_t(s) for s in shapes)}) -> {_t(out)}\n"
            f"  return %0 : {_t(out)}\n}}\n")


def inputs_for(op: str, shapes: list[tuple[int, ...]], seed: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    xs = [rng.standard_normal(s).astype(np.float32) for s in shapes]
    if op in ("sqrt", "pow") or op == "batch_norm":
        xs = [np.abs(x) + np.float32(0.1) for x in xs] if op != "batch_norm" else \
            xs[:4] + [np.abs(xs[4]) + np.float32(0.1)]
    if op == "div":
        xs[1] = np.abs(xs[1]) + np.float32(0.5)
    return xs


def lower(text: str) -> tuple[object, object]:
    load_pass_plugins(entry_points_too=False)
    ctx = Context()
    before = ctx.parser.parse(text, "t.mlir")
    verify(before)
    after = ctx.parser.parse(text, "t.mlir")
    PassManager.parse("builtin.module(convert-nn-to-tc)").run(after)
    verify(after)
    return before, after


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_same_result_after_lowering(case: tuple) -> None:
    _, op, shapes, props, out = case
    before, after = lower(module_text(op, shapes, props, out))
    printed = print_op(after)  # type: ignore[arg-type]
    assert "nn." not in printed, printed
    for seed in (0, 1):
        xs = inputs_for(op, shapes, seed)
        want = Interpreter(before).call("main", xs)[0]  # type: ignore[arg-type]
        got = Interpreter(after).call("main", xs)[0]  # type: ignore[arg-type]
        assert got.shape == want.shape and got.dtype == want.dtype
        np.testing.assert_allclose(got, want, rtol=2e-5, atol=2e-6, err_msg=printed)


def test_every_op_is_covered() -> None:
    covered = {"nn." + c[1] for c in CASES} | {"nn.constant"}
    assert set(_OPS) == covered


def test_constants_and_chain() -> None:
    """A small network (conv, batch norm, relu, pool, flatten, gemm, softmax) with constant weights, lowered as a
    whole: same result, nn.constant -> arith.constant."""
    rng = np.random.default_rng(3)
    w = rng.standard_normal((4, 3, 3, 3)).astype(np.float32)
    fc = rng.standard_normal((10, 16)).astype(np.float32)

    def dense(a: np.ndarray) -> str:
        return "dense<" + np.array2string(a, separator=", ", threshold=10**6, floatmode="unique").replace(
            "\n", "") + ">"

    text = f"""
func.func @main(%x: tensor<1x3x8x8xf32>, %s: tensor<4xf32>, %v: tensor<4xf32>) -> tensor<1x10xf32> {{
  %w = nn.constant {dense(w)} : tensor<4x3x3x3xf32>
  %fc = nn.constant {dense(fc)} : tensor<10x16xf32>
  %0 = nn.conv2d %x, %w <pads = array<i64: 1, 1, 1, 1>> : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x8x8xf32>
  %1 = nn.batch_norm %0, %s, %s, %s, %v : (tensor<1x4x8x8xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> tensor<1x4x8x8xf32>
  %2 = nn.relu %1 : tensor<1x4x8x8xf32>
  %3 = nn.maxpool2d %2 <kernel_shape = array<i64: 4, 4>, strides = array<i64: 4, 4>> : (tensor<1x4x8x8xf32>) -> tensor<1x4x2x2xf32>
  %4 = nn.flatten %3 : (tensor<1x4x2x2xf32>) -> tensor<1x16xf32>
  %5 = nn.gemm %4, %fc <trans_b = 1> : (tensor<1x16xf32>, tensor<10x16xf32>) -> tensor<1x10xf32>
  %6 = nn.softmax %5 : tensor<1x10xf32>
  return %6 : tensor<1x10xf32>
}}
"""
    before, after = lower(text)
    printed = print_op(after)  # type: ignore[arg-type]
    assert "nn." not in printed and printed.count("arith.constant dense") == 2
    xs = [rng.standard_normal((1, 3, 8, 8)).astype(np.float32), rng.standard_normal(4).astype(np.float32),
          np.abs(rng.standard_normal(4)).astype(np.float32) + np.float32(0.1)]
    want = Interpreter(before).call("main", xs)[0]  # type: ignore[arg-type]
    got = Interpreter(after).call("main", xs)[0]  # type: ignore[arg-type]
    np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)


@pytest.mark.slow
@pytest.mark.parametrize("model", ["squeezenet", "shufflenet", "inception_v1"])
def test_onnx_model_end_to_end(model: str) -> None:
    """onnx's light models with seeded random weights: import, nn-remove-dropout, nn-fold-batchnorm,
    convert-nn-to-tc; the tc program computes the nn program's logits (the final softmax is removed first: random
    weights saturate it) to f32 relative error <= 1e-5 of the largest logit."""
    load_pass_plugins(entry_points_too=False)
    before, after = light_model(model), light_model(model)
    PassManager.parse("builtin.module(nn-remove-dropout,nn-fold-batchnorm,convert-nn-to-tc)").run(after)
    verify(after)
    assert not any(op.name.startswith("nn.") for op in after.walk())
    x = np.random.default_rng(0).standard_normal((1, 3, 224, 224)).astype(np.float32)
    want = Interpreter(before).call("main", [x])[0]
    got = Interpreter(after).call("main", [x])[0]
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-5 * float(np.abs(want).max()))
