"""An ONNX model on the CPU: the digits CNN (examples/digits/digits.onnx: conv, relu, max pooling, gemm) imported
with its weights inline, lowered with ``lower-to-llvm`` and JIT-compiled, equals onnxruntime (single thread) to a
relative error of 1e-4 of the largest output magnitude; prints both latencies."""

from __future__ import annotations

import os
import time
from pathlib import Path

import numpy as np
import pytest

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")

from mlir_py import Context  # noqa: E402
from mlir_py.cpu_runner import compile_function  # noqa: E402
from mlir_py.onnx_importer import import_model  # noqa: E402

DIGITS = Path(__file__).resolve().parents[2] / "examples" / "digits" / "digits.onnx"


@pytest.mark.slow
def test_digits_cnn_matches_onnxruntime() -> None:
    model = onnx.load(str(DIGITS))
    module = import_model(model, Context(), str(DIGITS), resource_threshold=1 << 30)
    f = compile_function(module, "main")
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = opts.inter_op_num_threads = 1
    sess = ort.InferenceSession(str(DIGITS), opts, providers=["CPUExecutionProvider"])
    name = sess.get_inputs()[0].name
    rng = np.random.default_rng(0)
    for _ in range(3):
        x = rng.random((1, 1, 8, 8), dtype=np.float32) * 16
        (got,) = f(x)
        (want,) = sess.run(None, {name: x})
        err = float(np.max(np.abs(got - want)) / np.max(np.abs(want)))
        assert err <= 1e-4, err
    t = time.perf_counter()
    for _ in range(20):
        sess.run(None, {name: x})
    ort_s = (time.perf_counter() - t) / 20
    print(f"digits: cpu {min(f.run_seconds) * 1e6:.1f} us, onnxruntime {ort_s * 1e6:.1f} us, "
          f"compile {f.compile_seconds:.2f} s")


#: onnx's light models, all run in CI: together about 8 min of CPU, compiling (lower-to-llvm + LLVM O3) 5-15 s each
#: for AlexNet, ZFNet, VGG-19, SqueezeNet, 35-45 s for ShuffleNet, Inception v1, ResNet-50, ~80 s for Inception v2
#: and ~230 s for DenseNet-121 (mostly LLVM O3) — benchmarks/cpu_models.md has the per-model figures
LIGHT_MODELS = ["bvlc_alexnet", "densenet121", "inception_v1", "inception_v2", "resnet50", "shufflenet", "squeezenet",
                "vgg19", "zfnet512"]


@pytest.mark.slow
@pytest.mark.parametrize("name", LIGHT_MODELS)
def test_light_model_random_weights_matches_onnxruntime(name: str) -> None:
    """onnx's ``backend/test/data/light`` models with seeded random weights (as ``--random-weights``): the JIT's
    outputs equal single-thread onnxruntime's on a seeded random input (relative error <= 1e-4 of the largest
    magnitude). A final Softmax of random logits saturates to one-hot, so the logits before it are an extra
    output and are checked too. The weights are imported as ``dense_resource`` blobs (the importer's default),
    bufferized to globals and handed to the JIT as numpy memory (``cpu_runner.EXTERNALIZE``), not as IR literals."""
    from mlir_py.onnx_importer import randomize_weights

    light = os.path.join(os.path.dirname(onnx.__file__), "backend", "test", "data", "light")
    model = randomize_weights(onnx.load(os.path.join(light, f"light_{name}.onnx")), 0)
    g = model.graph
    if g.node[-1].op_type == "Softmax":
        g.output.append(onnx.ValueInfoProto())
        g.output[-1].CopyFrom(g.output[0])
        g.output[-1].name = g.node[-1].input[0]
    f = compile_function(import_model(model, Context(), name), "main")
    inits = {i.name for i in g.initializer}
    x = next(i for i in g.input if i.name not in inits)
    xin = np.random.default_rng(0).random([d.dim_value for d in x.type.tensor_type.shape.dim], dtype=np.float32)
    got = f(xin)
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    sess = ort.InferenceSession(model.SerializeToString(), opts, providers=["CPUExecutionProvider"])
    want = sess.run(None, {x.name: xin})
    t = time.perf_counter()
    sess.run(None, {x.name: xin})
    ort_s = time.perf_counter() - t
    assert len(got) == len(want) == len(g.output)
    for a, b in zip(got, want):
        err = float(np.max(np.abs(a.astype(np.float64) - b)) / max(float(np.max(np.abs(b))), 1e-30))
        assert err <= 1e-4, f"{name}: relative error {err}"
    print(f"{name}: cpu {min(f.run_seconds) * 1e3:.1f} ms, onnxruntime {ort_s * 1e3:.1f} ms, "
          f"compile {f.compile_seconds:.1f} s")
