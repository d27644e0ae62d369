"""Train a small CNN on scikit-learn's bundled digits (8×8 grey images, 10 classes) with numpy only, and export it
to ONNX with ``onnx.helper``: ``python examples/digits/train.py`` writes ``examples/digits/digits.onnx`` (committed)
and prints the test accuracy.

Network (NCHW, float32, batch 1 — the importer and the DSA take static shapes)::

    image 1×1×8×8 → Conv 8×1×3×3 pad 1 → Relu → MaxPool 2×2 → Conv 16×8×3×3 pad 1 → Relu → MaxPool 2×2
          → Flatten (1×64) → Gemm 10×64 (transB) → logits 1×10

Data: ``sklearn.datasets.load_digits`` (1797 images, pixel values 0..16, scaled to [0, 1]), split by
``train_test_split(test_size=0.25, random_state=0, stratify=y)`` — :func:`split` gives the same split to the test.
Training: softmax cross-entropy, Adam (Kingma & Ba 2015, lr 1e-2, β = 0.9 / 0.999), mini-batches of 32, 15 epochs,
He-normal initialization, seed 0. Convolutions are im2col matmuls; the backward pass is written out by hand
(``conv_backward``, ``maxpool_backward``). Deterministic: the same file is produced on every run of one numpy.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ONNX_PATH = os.path.join(HERE, "digits.onnx")


def split() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``x_train, x_test, y_train, y_test``: images as float32 N×1×8×8 in [0, 1], labels as int64."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    d = load_digits()
    x = (d.images / 16.0).astype(np.float32)[:, None, :, :]
    y = d.target.astype(np.int64)
    xtr, xte, ytr, yte = train_test_split(x, y, test_size=0.25, random_state=0, stratify=y)
    return xtr, xte, ytr, yte


# --- layers (forward and backward) ---------------------------------------------------------------------------------
def im2col(x: np.ndarray, k: int, pad: int) -> np.ndarray:
    """N×C×H×W → (N·H·W)×(C·k·k) patches of a stride-1 'same' convolution."""
    n, c, h, w = x.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    cols = np.empty((n, c, k, k, h, w), x.dtype)
    for i in range(k):
        for j in range(k):
            cols[:, :, i, j] = xp[:, :, i:i + h, j:j + w]
    return cols.transpose(0, 4, 5, 1, 2, 3).reshape(n * h * w, c * k * k)


def col2im(cols: np.ndarray, shape: tuple[int, ...], k: int, pad: int) -> np.ndarray:
    n, c, h, w = shape
    cols = cols.reshape(n, h, w, c, k, k).transpose(0, 3, 4, 5, 1, 2)
    xp = np.zeros((n, c, h + 2 * pad, w + 2 * pad), cols.dtype)
    for i in range(k):
        for j in range(k):
            xp[:, :, i:i + h, j:j + w] += cols[:, :, i, j]
    return xp[:, :, pad:pad + h, pad:pad + w]


def conv_forward(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n, _, h, wd = x.shape
    m, _, k, _ = w.shape
    cols = im2col(x, k, k // 2)
    y = cols @ w.reshape(m, -1).T + b
    return y.reshape(n, h, wd, m).transpose(0, 3, 1, 2), cols


def conv_backward(dy: np.ndarray, cols: np.ndarray, x_shape: tuple[int, ...], w: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    m, _, k, _ = w.shape
    d = dy.transpose(0, 2, 3, 1).reshape(-1, m)
    dw = (d.T @ cols).reshape(w.shape)
    db = d.sum(axis=0)
    dx = col2im(d @ w.reshape(m, -1), x_shape, k, k // 2)
    return dx, dw, db


def maxpool_forward(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n, c, h, w = x.shape
    win = x.reshape(n, c, h // 2, 2, w // 2, 2).transpose(0, 1, 2, 4, 3, 5).reshape(n, c, h // 2, w // 2, 4)
    arg = win.argmax(axis=-1)
    return np.take_along_axis(win, arg[..., None], axis=-1)[..., 0], arg


def maxpool_backward(dy: np.ndarray, arg: np.ndarray, shape: tuple[int, ...]) -> np.ndarray:
    n, c, h, w = shape
    win = np.zeros((n, c, h // 2, w // 2, 4), dy.dtype)
    np.put_along_axis(win, arg[..., None], dy[..., None], axis=-1)
    return win.reshape(n, c, h // 2, w // 2, 2, 2).transpose(0, 1, 2, 4, 3, 5).reshape(shape)


def init_params(rng: np.random.Generator) -> dict[str, np.ndarray]:
    def he(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * np.sqrt(2.0 / np.prod(shape[1:]))).astype(np.float32)

    return {"conv1_w": he(8, 1, 3, 3), "conv1_b": np.zeros(8, np.float32),
            "conv2_w": he(16, 8, 3, 3), "conv2_b": np.zeros(16, np.float32),
            "fc_w": he(10, 64), "fc_b": np.zeros(10, np.float32)}


def forward(p: dict[str, np.ndarray], x: np.ndarray) -> tuple[np.ndarray, dict[str, Any]]:
    c1, cols1 = conv_forward(x, p["conv1_w"], p["conv1_b"])
    r1 = np.maximum(c1, 0)
    p1, arg1 = maxpool_forward(r1)
    c2, cols2 = conv_forward(p1, p["conv2_w"], p["conv2_b"])
    r2 = np.maximum(c2, 0)
    p2, arg2 = maxpool_forward(r2)
    f = p2.reshape(len(x), -1)
    logits = f @ p["fc_w"].T + p["fc_b"]
    return logits, dict(x=x, c1=c1, cols1=cols1, r1=r1, p1=p1, arg1=arg1, c2=c2, cols2=cols2, r2=r2, p2=p2,
                        arg2=arg2, f=f)


def backward(p: dict[str, np.ndarray], cache: dict[str, Any], dlogits: np.ndarray) -> dict[str, np.ndarray]:
    g: dict[str, np.ndarray] = {"fc_w": dlogits.T @ cache["f"], "fc_b": dlogits.sum(axis=0)}
    dp2 = (dlogits @ p["fc_w"]).reshape(cache["p2"].shape)
    dc2 = maxpool_backward(dp2, cache["arg2"], cache["r2"].shape) * (cache["c2"] > 0)
    dp1, g["conv2_w"], g["conv2_b"] = conv_backward(dc2, cache["cols2"], cache["p1"].shape, p["conv2_w"])
    dc1 = maxpool_backward(dp1, cache["arg1"], cache["r1"].shape) * (cache["c1"] > 0)
    _, g["conv1_w"], g["conv1_b"] = conv_backward(dc1, cache["cols1"], cache["x"].shape, p["conv1_w"])
    return g


def train(epochs: int = 15, batch: int = 32, lr: float = 1e-2, seed: int = 0) -> dict[str, np.ndarray]:
    xtr, xte, ytr, yte = split()
    rng = np.random.default_rng(seed)
    p = init_params(rng)
    m = {k: np.zeros_like(v) for k, v in p.items()}
    v = {k: np.zeros_like(a) for k, a in p.items()}
    t = 0
    for epoch in range(epochs):
        order = rng.permutation(len(xtr))
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            logits, cache = forward(p, xtr[idx])
            e = np.exp(logits - logits.max(axis=1, keepdims=True))
            prob = e / e.sum(axis=1, keepdims=True)
            prob[np.arange(len(idx)), ytr[idx]] -= 1.0
            grads = backward(p, cache, (prob / len(idx)).astype(np.float32))
            t += 1
            for k in p:  # Adam
                m[k] = 0.9 * m[k] + 0.1 * grads[k]
                v[k] = 0.999 * v[k] + 0.001 * grads[k] ** 2
                mh, vh = m[k] / (1 - 0.9 ** t), v[k] / (1 - 0.999 ** t)
                p[k] = (p[k] - lr * mh / (np.sqrt(vh) + 1e-8)).astype(np.float32)
        acc = float(np.mean(forward(p, xte)[0].argmax(axis=1) == yte))
        print(f"epoch {epoch + 1:2d}: test accuracy {acc:.4f}")
    return p


def export(p: dict[str, np.ndarray], path: str = ONNX_PATH) -> Any:
    """The trained network as an ONNX model (opset 13, batch 1), saved to ``path``."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    nodes = [
        helper.make_node("Conv", ["image", "conv1_w", "conv1_b"], ["c1"], name="conv1", pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["c1"], ["r1"], name="relu1"),
        helper.make_node("MaxPool", ["r1"], ["p1"], name="pool1", kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Conv", ["p1", "conv2_w", "conv2_b"], ["c2"], name="conv2", pads=[1, 1, 1, 1]),
        helper.make_node("Relu", ["c2"], ["r2"], name="relu2"),
        helper.make_node("MaxPool", ["r2"], ["p2"], name="pool2", kernel_shape=[2, 2], strides=[2, 2]),
        helper.make_node("Flatten", ["p2"], ["flat"], name="flatten"),
        helper.make_node("Gemm", ["flat", "fc_w", "fc_b"], ["logits"], name="fc", transB=1),
    ]
    graph = helper.make_graph(
        nodes, "digits_cnn", [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 1, 8, 8])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 10])],
        initializer=[numpy_helper.from_array(a, k) for k, a in p.items()])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="mlir-py digits")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, path)
    return model


if __name__ == "__main__":
    params = train()
    export(params)
    print(f"wrote {ONNX_PATH}")
    sys.exit(0)
