"""examples/digits: the committed CNN (``digits.onnx``, trained by ``examples/digits/train.py`` on scikit-learn's
digits) imported by ``mlir-py-translate --import-onnx`` and run in the interpreter predicts exactly onnxruntime's
classes on the whole test split (450 images), and its logits agree to float32 rounding."""

from __future__ import annotations

import importlib.util
import os
from typing import Any

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")
pytest.importorskip("sklearn")

from mlir_py import Context, verify  # noqa: E402
from mlir_py.interpreter import Interpreter  # noqa: E402
from tools import mlir_py_translate  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIGITS = os.path.join(ROOT, "examples", "digits")


def _train_module() -> Any:
    spec = importlib.util.spec_from_file_location("digits_train", os.path.join(DIGITS, "train.py"))
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.slow  # 450 interpreter runs: about 10 s on a loaded machine
def test_digits_interpreter_predicts_as_onnxruntime(tmp_path: Any) -> None:
    path = os.path.join(DIGITS, "digits.onnx")
    out = str(tmp_path / "digits.mlir")
    assert mlir_py_translate.main(["--import-onnx", path, "-o", out]) == 0
    with open(out, encoding="utf-8") as f:
        text = f.read()
    for op in ("nn.conv2d", "nn.relu", "nn.maxpool2d", "nn.flatten", "nn.gemm"):
        assert op in text
    module = Context().parser.parse(text, out)
    verify(module)

    _, x_test, _, y_test = _train_module().split()
    assert x_test.shape == (450, 1, 8, 8)
    opts = ort.SessionOptions()
    opts.log_severity_level = 3
    sess = ort.InferenceSession(path, opts, providers=["CPUExecutionProvider"])
    interp = Interpreter(module)
    ref = np.concatenate([sess.run(None, {"image": x[None]})[0] for x in x_test])
    got = np.concatenate([np.asarray(interp.call("main", [x[None]])[0]) for x in x_test])
    np.testing.assert_array_equal(got.argmax(axis=1), ref.argmax(axis=1))
    np.testing.assert_allclose(got, ref, rtol=1e-5, atol=1e-5)
    assert np.mean(ref.argmax(axis=1) == y_test) > 0.95  # the committed model is trained
