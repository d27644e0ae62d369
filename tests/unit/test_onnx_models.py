"""The 9 models of onnx's ``backend/test/data/light/`` (AlexNet, DenseNet-121, Inception v1/v2, ResNet-50,
ShuffleNet, SqueezeNet, VGG-19, ZFNet-512) through the ONNX importer and the interpreter.

- With their own weights (constant fills built by ``ConstantOfShape``), on the input onnx's backend runner feeds
  them (``arange(n).reshape(shape) / n``, ``onnx.backend.test.runner.Runner.generate_dummy_data``), the output
  equals the shipped ``light_<model>_output_0.pb`` (relative error ≤ 1e-4 of its largest magnitude).
- With random weights (:func:`mlir_py.onnx_importer.randomize_weights`, seed 0, as ``mlir-py-translate
  --import-onnx --random-weights``), written with the weights in the ``.npz`` sidecar and parsed back from the file,
  the output equals onnxruntime's on the same randomized model and a seeded random input. Random logits of
  He-initialized networks saturate a final Softmax (a one-hot output), so the logits are compared as well.

Every test is ``slow`` (VGG-19 with random weights carries 550 MB of weights: about 1 minute, 3 GB).
"""

from __future__ import annotations

import os

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
from onnx import numpy_helper  # noqa: E402

from mlir_py import Context, resources, verify  # noqa: E402
from mlir_py.interpreter import Interpreter  # noqa: E402
from mlir_py.onnx_importer import import_model, randomize_weights  # noqa: E402
from mlir_py.printer import Printer  # noqa: E402

LIGHT = os.path.join(os.path.dirname(onnx.__file__), "backend", "test", "data", "light")
MODELS = ["bvlc_alexnet", "densenet121", "inception_v1", "inception_v2", "resnet50", "shufflenet", "squeezenet",
          "vgg19", "zfnet512"]
RTOL = 1e-4


def _path(name: str) -> str:
    return os.path.join(LIGHT, f"light_{name}.onnx")


def _input_info(model: object) -> tuple[str, list[int]]:
    g = model.graph  # type: ignore[attr-defined]
    inits = {i.name for i in g.initializer}
    x = next(i for i in g.input if i.name not in inits)
    return x.name, [d.dim_value for d in x.type.tensor_type.shape.dim]


def _rel_err(got: np.ndarray, expected: np.ndarray) -> float:
    assert got.shape == expected.shape and got.dtype == expected.dtype
    return float(np.max(np.abs(got.astype(np.float64) - expected))) / max(float(np.max(np.abs(expected))), 1e-30)


@pytest.mark.slow
@pytest.mark.parametrize("name", MODELS)
def test_own_weights_match_shipped_output(name: str) -> None:
    model = onnx.load(_path(name))
    module = import_model(model, Context(), _path(name))
    verify(module)
    _, shape = _input_info(model)
    n = int(np.prod(shape))
    x = (np.arange(n).reshape(shape) / n).astype(np.float32)
    (got,) = Interpreter(module).call("main", [x])
    expected = numpy_helper.to_array(onnx.load_tensor(os.path.join(LIGHT, f"light_{name}_output_0.pb")))
    assert _rel_err(np.asarray(got), expected) <= RTOL


@pytest.mark.slow
@pytest.mark.parametrize("name", MODELS)
def test_random_weights_match_onnxruntime(name: str, tmp_path: object) -> None:
    model = randomize_weights(onnx.load(_path(name)), 0)
    last = model.graph.node[-1]
    if last.op_type == "Softmax":  # random logits saturate the softmax: compare the logits too
        model.graph.output.append(onnx.ValueInfoProto())
        model.graph.output[-1].CopyFrom(model.graph.output[0])
        model.graph.output[-1].name = last.input[0]
    module = import_model(model, Context(), _path(name))
    out = os.path.join(str(tmp_path), f"{name}.mlir")  # through the sidecar, as mlir-py-translate -o writes it
    with open(out, "w", encoding="utf-8") as f:
        f.write(resources.print_module(module, Printer(), out, "always"))
    del module
    assert os.path.exists(out + ".npz")
    with open(out, encoding="utf-8") as f:
        text = f.read()
    assert "dense_resource<" in text and len(text) < 1_000_000  # the weights are in the sidecar, not the text
    module = Context().parser.parse(text, out)
    verify(module)

    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    sess = ort.InferenceSession(model.SerializeToString(), opts, providers=["CPUExecutionProvider"])
    input_name, shape = _input_info(model)
    del model
    x = np.random.default_rng(1).random(shape, dtype=np.float32)
    expected = sess.run(None, {input_name: x})
    del sess
    got = Interpreter(module).call("main", [x])
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert _rel_err(np.asarray(g), e) <= RTOL
