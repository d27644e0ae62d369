"""Regenerate the small ONNX models of these lit tests: ``python make_inputs.py`` (onnx.helper, fixed seeds)."""

from __future__ import annotations

import os

import numpy as np
from onnx import TensorProto, helper, numpy_helper, save

F = TensorProto.FLOAT
HERE = os.path.dirname(os.path.abspath(__file__))


def model(nodes: list, inputs: list, outputs: list, inits: dict[str, np.ndarray] | None = None,
          opset: int = 13) -> object:
    g = helper.make_graph(nodes, "g", inputs, outputs,
                          initializer=[numpy_helper.from_array(a, n) for n, a in (inits or {}).items()])
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)], producer_name="make_inputs.py")
    m.ir_version = 8
    return m


def main() -> None:
    rng = np.random.default_rng(0)
    cnn = model(
        [helper.make_node("Conv", ["x", "w", "b"], ["c"], name="conv1", auto_pad="SAME_UPPER"),
         helper.make_node("Relu", ["c"], ["r"], name="relu1"),
         helper.make_node("MaxPool", ["r"], ["p"], name="pool1", kernel_shape=[2, 2], strides=[2, 2]),
         helper.make_node("Flatten", ["p"], ["f"], name="flatten"),
         helper.make_node("Gemm", ["f", "fc_w", "fc_b"], ["y"], name="fc", transB=1)],
        [helper.make_tensor_value_info("x", F, [1, 1, 8, 8])], [helper.make_tensor_value_info("y", F, [1, 10])],
        {"w": rng.standard_normal((4, 1, 3, 3)).astype(np.float32), "b": np.zeros(4, np.float32),
         "fc_w": rng.standard_normal((10, 64)).astype(np.float32), "fc_b": np.full(10, 0.5, np.float32)})
    save(cnn, os.path.join(HERE, "cnn.onnx"))
    save(model([helper.make_node("Elu", ["x"], ["y"], name="act3")], [helper.make_tensor_value_info("x", F, [4])],
               [helper.make_tensor_value_info("y", F, [4])]), os.path.join(HERE, "unsupported.onnx"))
    save(model([helper.make_node("Relu", ["x"], ["y"], name="relu")],
               [helper.make_tensor_value_info("x", F, ["N", 4])], [helper.make_tensor_value_info("y", F, ["N", 4])]),
         os.path.join(HERE, "dynamic.onnx"))
    save(model([helper.make_node("Softmax", ["x"], ["y"], name="sm", axis=1)],
               [helper.make_tensor_value_info("x", F, [2, 3, 4])], [helper.make_tensor_value_info("y", F, [2, 3, 4])],
               opset=11), os.path.join(HERE, "softmax_opset11.onnx"))
    save(model([helper.make_node("Conv", ["x", "w"], ["y"], name="badconv")],
               [helper.make_tensor_value_info("x", F, [1, 3, 8, 8])], [helper.make_tensor_value_info("y", F, None)],
               {"w": np.zeros((4, 2, 3, 3), np.float32)}), os.path.join(HERE, "badconv.onnx"))
    with open(os.path.join(HERE, "garbage.onnx"), "wb") as f:
        f.write(b"\x08\x07this is not an ONNX model\xff\xff")


if __name__ == "__main__":
    main()
