"""The ONNX importer (mlir_py/onnx_importer.py), mlir-py-translate --import-onnx and the resource sidecar
(mlir_py/resources.py) on small models built with ``onnx.helper``: numerics against onnxruntime, the emitted IR,
attribute resolution per opset, constant folding, locations, and located diagnostics for bad input."""

from __future__ import annotations

import os
from typing import Any

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
from onnx import TensorProto, helper, numpy_helper  # noqa: E402

from mlir_py import Context, verify  # noqa: E402
from mlir_py import resources as res  # noqa: E402
from mlir_py.diagnostics import DiagnosticError  # noqa: E402
from mlir_py.interpreter import Interpreter  # noqa: E402
from mlir_py.onnx_importer import import_model, randomize_weights, supported_ops  # noqa: E402
from mlir_py.printer import Printer  # noqa: E402
from tools import mlir_py_translate  # noqa: E402

F = TensorProto.FLOAT


def _model(nodes: list[Any], inputs: list[Any], outputs: list[Any], inits: tuple[tuple[str, np.ndarray], ...] | list[tuple[str, np.ndarray]] = (),
           opset: int = 17) -> Any:
    tensors = [numpy_helper.from_array(a, n) for n, a in inits]
    g = helper.make_graph(nodes, "g", inputs, outputs, initializer=tensors)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])
    m.ir_version = 8
    return m


def _ort(model: Any, feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    return ort.InferenceSession(model.SerializeToString(), opts, providers=["CPUExecutionProvider"]).run(None, feeds)


def _run(model: Any, *args: np.ndarray) -> list[np.ndarray]:
    module = import_model(model, Context(), "m.onnx")
    verify(module)
    return [np.asarray(r) for r in Interpreter(module).call("main", list(args))]


def _text(model: Any, debuginfo: bool = False, **kw: Any) -> str:
    module = import_model(model, Context(), "m.onnx", **kw)
    verify(module)
    return str(Printer(debuginfo=debuginfo).print_top(module))


def _cnn(opset: int = 11) -> Any:
    rng = np.random.default_rng(0)
    w = rng.standard_normal((4, 2, 3, 3)).astype(np.float32)
    b = rng.standard_normal(4).astype(np.float32)
    bn = [rng.uniform(0.5, 1.5, 4).astype(np.float32) for _ in range(4)]
    fc = rng.standard_normal((10, 4 * 3 * 3)).astype(np.float32)
    nodes = [
        helper.make_node("Conv", ["x", "w", "b"], ["c"], name="conv1", auto_pad="SAME_UPPER", strides=[2, 2]),
        helper.make_node("BatchNormalization", ["c", "s", "bb", "m", "v"], ["n"], name="bn1", epsilon=1e-3),
        helper.make_node("Relu", ["n"], ["r"], name="relu1"),
        helper.make_node("MaxPool", ["r"], ["p"], name="pool1", kernel_shape=[2, 2], pads=[0, 0, 1, 1],
                         strides=[1, 1]),
        helper.make_node("Flatten", ["p"], ["f"], name="flat"),
        helper.make_node("Gemm", ["f", "fc"], ["g"], name="fc1", transB=1, alpha=0.5),
        helper.make_node("Softmax", ["g"], ["y"], name="softmax"),
    ]
    return _model(nodes, [helper.make_tensor_value_info("x", F, [1, 2, 5, 6])],
                  [helper.make_tensor_value_info("y", F, [1, 10])],
                  [("w", w), ("b", b), ("s", bn[0]), ("bb", bn[1]), ("m", bn[2]), ("v", bn[3]), ("fc", fc)],
                  opset)


# --- numerics and IR ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("opset", [11, 13, 17])
def test_small_cnn_matches_onnxruntime(opset: int) -> None:
    m = _cnn(opset)
    x = np.random.default_rng(1).standard_normal((1, 2, 5, 6)).astype(np.float32)
    (got,) = _run(m, x)
    (ref,) = _ort(m, {"x": x})
    np.testing.assert_allclose(got, ref, rtol=1e-5, atol=1e-7)


def test_ir_names_locations_and_resources() -> None:
    text = _text(_cnn(), debuginfo=True)
    assert "func.func @main(%arg0: tensor<1x2x5x6xf32>" in text and "-> tensor<1x10xf32>" in text
    # SAME_UPPER on 5x6 with stride 2 and a 3x3 kernel: total padding 2 and 1 -> [1, 0] begin, [1, 1] end
    assert "pads = array<i64: 1, 0, 1, 1>" in text and "strides = array<i64: 2, 2>" in text
    for name in ("conv1", "bn1", "relu1", "pool1", "flat", "fc1", "softmax"):
        assert f'loc("{name}")' in text
    assert 'loc("x")' in text  # the argument is named after the graph input
    # w (72 elements) stays dense, fc (360) becomes a blob in {-# dialect_resources #-}
    assert "dense_resource<fc> : tensor<10x36xf32>" in text and "dialect_resources" in text
    assert "nn.batch_norm" in text and "nn.gemm" in text and "trans_b = 1" in text


def test_legacy_softmax_is_flatten_softmax_reshape() -> None:
    node = helper.make_node("Softmax", ["x"], ["y"], name="sm", axis=1)
    m = _model([node], [helper.make_tensor_value_info("x", F, [2, 3, 4])], [helper.make_tensor_value_info("y", F,
                                                                                                         [2, 3, 4])],
               opset=11)
    text = _text(m)
    assert text.index("nn.flatten") < text.index("nn.softmax") < text.index("nn.reshape")
    x = np.random.default_rng(2).standard_normal((2, 3, 4)).astype(np.float32)
    np.testing.assert_allclose(_run(m, x)[0], _ort(m, {"x": x})[0], rtol=1e-6)
    m13 = _model([node], m.graph.input, m.graph.output, opset=13)
    assert "nn.flatten" not in _text(m13) and "axis = 1" in _text(m13)


def test_shape_subgraph_is_folded() -> None:
    """Shape → Gather → Unsqueeze → Concat → Reshape (a PyTorch flatten export) folds to one nn.reshape."""
    nodes = [
        helper.make_node("Shape", ["x"], ["s"]),
        helper.make_node("Constant", [], ["i0"], value=numpy_helper.from_array(np.array(0, np.int64))),
        helper.make_node("Gather", ["s", "i0"], ["n"], axis=0),
        helper.make_node("Constant", [], ["ax"], value=numpy_helper.from_array(np.array([0], np.int64))),
        helper.make_node("Unsqueeze", ["n", "ax"], ["n1"]),
        helper.make_node("Constant", [], ["m1"], value=numpy_helper.from_array(np.array([-1], np.int64))),
        helper.make_node("Concat", ["n1", "m1"], ["shape"], axis=0),
        helper.make_node("Reshape", ["x", "shape"], ["y"], name="view"),
    ]
    m = _model(nodes, [helper.make_tensor_value_info("x", F, [2, 3, 4])], [helper.make_tensor_value_info("y", F,
                                                                                                         [2, 12])])
    text = _text(m)
    assert text.count("nn.") == 1 and "nn.reshape %arg0" in text and "-> tensor<2x12xf32>" in text
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    np.testing.assert_array_equal(_run(m, x)[0], x.reshape(2, 12))


def test_clip_inputs_become_properties_and_variadic_max_chains() -> None:
    lo, hi = np.array(-0.5, np.float32), np.array(0.25, np.float32)
    nodes = [helper.make_node("Clip", ["x", "lo", "hi"], ["c"], name="clip"),
             helper.make_node("Max", ["c", "x", "z"], ["y"], name="max3"),
             helper.make_node("Identity", ["y"], ["out"])]
    vi = [helper.make_tensor_value_info(n, F, [3, 4]) for n in ("x", "z")]
    m = _model(nodes, vi, [helper.make_tensor_value_info("out", F, [3, 4])], [("lo", lo), ("hi", hi)], opset=13)
    text = _text(m)
    assert "min = -5.000000e-01 : f32" in text and "max = 2.500000e-01 : f32" in text
    assert text.count("nn.max") == 2 and "nn.constant" not in text
    rng = np.random.default_rng(3)
    x, z = (rng.standard_normal((3, 4)).astype(np.float32) for _ in range(2))
    np.testing.assert_array_equal(_run(m, x, z)[0], _ort(m, {"x": x, "z": z})[0])


def test_conv1d_and_pool1d_run_as_2d() -> None:
    w = np.random.default_rng(4).standard_normal((3, 2, 3)).astype(np.float32)
    nodes = [helper.make_node("Conv", ["x", "w"], ["c"], name="c1", pads=[1, 2], strides=[2], dilations=[2]),
             helper.make_node("MaxPool", ["c"], ["y"], name="p1", kernel_shape=[2], ceil_mode=1)]
    m = _model(nodes, [helper.make_tensor_value_info("x", F, [1, 2, 11])],
               [helper.make_tensor_value_info("y", F, None)], [("w", w)])
    x = np.random.default_rng(5).standard_normal((1, 2, 11)).astype(np.float32)
    np.testing.assert_allclose(_run(m, x)[0], _ort(m, {"x": x})[0], rtol=1e-5, atol=1e-6)


def test_random_weights_are_seeded_and_shape_preserving() -> None:
    m = _cnn()
    a, b, c = randomize_weights(m, 7), randomize_weights(m, 7), randomize_weights(m, 8)
    arr = {i.name: numpy_helper.to_array(i) for i in a.graph.initializer}
    for i in m.graph.initializer:
        assert arr[i.name].shape == numpy_helper.to_array(i).shape and arr[i.name].dtype == np.float32
    assert all(np.array_equal(numpy_helper.to_array(x), numpy_helper.to_array(y))
               for x, y in zip(a.graph.initializer, b.graph.initializer))
    assert not np.array_equal(numpy_helper.to_array(a.graph.initializer[0]),
                              numpy_helper.to_array(c.graph.initializer[0]))
    assert np.all(arr["v"] > 0)  # rank-1 weights stay positive (batch-norm variances)
    x = np.random.default_rng(1).standard_normal((1, 2, 5, 6)).astype(np.float32)
    np.testing.assert_allclose(_run(a, x)[0], _ort(a, {"x": x})[0], rtol=1e-5, atol=1e-7)


def test_supported_ops_cover_the_nn_spec() -> None:
    ops = set(supported_ops())
    for op in ("Conv", "MatMul", "Gemm", "Add", "Sum", "Relu", "LeakyRelu", "Clip", "Gelu", "Softmax", "LogSoftmax",
               "MaxPool", "AveragePool", "GlobalAveragePool", "BatchNormalization", "LayerNormalization", "LRN",
               "Dropout", "Flatten", "Reshape", "Squeeze", "Unsqueeze", "Transpose", "Concat", "Pad", "ReduceMean",
               "ReduceSum", "ReduceMax", "Constant", "ConstantOfShape", "Identity", "Shape"):
        assert op in ops, op


# --- diagnostics ----------------------------------------------------------------------------------------------
def _error(model: Any) -> DiagnosticError:
    with pytest.raises(DiagnosticError) as e:
        import_model(model, Context(), "m.onnx")
    return e.value


def test_unsupported_op_is_located_at_the_node() -> None:
    m = _model([helper.make_node("Elu", ["x"], ["y"], name="act3")], [helper.make_tensor_value_info("x", F, [2])],
               [helper.make_tensor_value_info("y", F, [2])])
    d = _error(m).diagnostic
    assert d.message == "'Elu' node 'act3': op type 'Elu' is not supported"
    assert 'loc("act3"' in str(d.location) or "act3" in repr(d.location)


def test_dynamic_shape_is_an_error() -> None:
    m = _model([helper.make_node("Relu", ["x"], ["y"], name="r")],
               [helper.make_tensor_value_info("x", F, ["batch", 3])], [helper.make_tensor_value_info("y", F, None)])
    assert "dynamic dimension 'batch'" in _error(m).diagnostic.message


def test_training_outputs_are_errors() -> None:
    m = _model([helper.make_node("Dropout", ["x"], ["y", "mask"], name="drop")],
               [helper.make_tensor_value_info("x", F, [4])],
               [helper.make_tensor_value_info("y", F, [4]), helper.make_tensor_value_info("mask", TensorProto.BOOL,
                                                                                        [4])])
    assert "the mask output is not supported" in _error(m).diagnostic.message


def _tool(argv: list[str], capsys: Any) -> tuple[int, str, str]:
    rc = mlir_py_translate.main(argv)
    out, err = capsys.readouterr()
    return rc, out, err


def test_tool_errors_exit_1_without_traceback(tmp_path: Any, capsys: Any) -> None:
    rc, _, err = _tool(["--import-onnx", str(tmp_path / "missing.onnx")], capsys)
    assert rc == 1 and "cannot open input file" in err and "Traceback" not in err
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"\x08\x07not a protobuf at all\xff\xff")
    rc, _, err = _tool(["--import-onnx", str(bad)], capsys)
    assert rc == 1 and "error:" in err and "Traceback" not in err
    m = _model([helper.make_node("Elu", ["x"], ["y"], name="act3")], [helper.make_tensor_value_info("x", F, [2])],
               [helper.make_tensor_value_info("y", F, [2])])
    onnx.save(m, str(tmp_path / "elu.onnx"))
    rc, _, err = _tool(["--import-onnx", str(tmp_path / "elu.onnx")], capsys)
    assert rc == 1 and "error: 'Elu' node 'act3': op type 'Elu' is not supported" in err
    rc, _, err = _tool(["--import-onnx", str(tmp_path / "elu.onnx"), "--seed", "3"], capsys)
    assert rc == 1 and "--seed applies only with --random-weights" in err


# --- sidecar ---------------------------------------------------------------------------------------------------
def test_sidecar_round_trip(tmp_path: Any, capsys: Any) -> None:
    onnx.save(_cnn(), str(tmp_path / "cnn.onnx"))
    out = str(tmp_path / "cnn.mlir")
    rc, _, err = _tool(["--import-onnx", str(tmp_path / "cnn.onnx"), "--sidecar", "-o", out], capsys)
    assert rc == 0, err
    text = open(out, encoding="utf-8").read()
    assert 'sidecar: "cnn.mlir.npz"' in text and "dialect_resources" not in text
    with np.load(out + ".npz") as z:  # one typed, shaped array per blob
        fc = numpy_helper.to_array(next(i for i in _cnn().graph.initializer if i.name == "fc"))
        np.testing.assert_array_equal(z["fc"], fc)
    x = np.random.default_rng(1).standard_normal((1, 2, 5, 6)).astype(np.float32)
    module = Context().parser.parse(text, out)
    verify(module)
    got = Interpreter(module).call("main", [x])[0]
    np.testing.assert_allclose(got, _ort(_cnn(), {"x": x})[0], rtol=1e-5, atol=1e-7)
    # inline hex still works, and gives the same module
    rc, _, _ = _tool(["--import-onnx", str(tmp_path / "cnn.onnx"), "--inline-weights", "-o", out + ".inline"],
                     capsys)
    inline = open(out + ".inline", encoding="utf-8").read()
    assert rc == 0 and "dialect_resources" in inline and "external_resources" not in inline
    assert not os.path.exists(out + ".inline.npz")
    module2 = Context().parser.parse(inline, out + ".inline")
    np.testing.assert_array_equal(Interpreter(module2).call("main", [x])[0], got)


def test_sidecar_missing_is_a_diagnostic(tmp_path: Any) -> None:
    text = 'module {\n}\n' + res.sidecar_section("nowhere.npz")
    with pytest.raises(DiagnosticError) as e:
        Context().parser.parse(text, str(tmp_path / "a.mlir"))
    assert "cannot read resource sidecar" in e.value.diagnostic.message


def test_blob_encoding() -> None:
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    blob = res.blob_from_array(a)
    assert blob[:4] == b"\x04\x00\x00\x00" and blob[4:] == a.tobytes()
    from mlir_py.attributes import RankedTensorType, f32

    np.testing.assert_array_equal(res.array_of_blob(blob, RankedTensorType([2, 3], f32)), a)
    assert res.array_of_blob(blob, None).dtype == np.uint8
