"""CPU back end benchmark: ``lower-to-llvm`` + llvmlite JIT (O3, host CPU) against numpy, single thread.

    python benchmarks/cpu.py [--n 512] [--elements 4194304] [--repeat 10]

1. a ``512 x 512 x 512`` f32 ``linalg.matmul`` on tensors (fill + matmul) against ``numpy.matmul`` (OpenBLAS/MKL
   restricted to one thread: the ``*_NUM_THREADS`` variables are set before numpy is imported);
   GFLOP/s = ``2 n^3 / seconds``;
2. the fused chain ``relu(x * a + b)`` on 4M f32 elements (one ``linalg.generic``, scalars ``a`` and ``b``)
   against numpy's three passes ``np.maximum(x * a + b, 0)``; GB/s counts the 8 bytes per element a fused pass
   must move (read x, write the result). Two rows: the function on tensors and the same kernel written by hand
   in destination-passing style on memrefs. The tensor function's result is an out-parameter
   (``buffer-results-to-out-params`` in :func:`mlir_py.cpu_runner.compile_function`): every call writes into the
   same ``out=`` array, so the 16 MiB result is neither allocated nor page-faulted per call;
3. a ResNet-style 3x3 convolution (64 -> 64 channels, 56 x 56, pads 1) imported from ONNX, against
   single-thread onnxruntime on the same model, with the convolution register-blocked by ``linalg-cpu-tile``
   (8 output channels x 8 output columns) and, for comparison, without (``conv-tile-j=0``).

Tensor results of the JIT'd functions go to preallocated ``out=`` arrays reused by every call.
Each figure is the best of ``--repeat`` calls (the JIT's ``run_seconds`` excludes argument marshalling); the ratios
are taken in the same run. Correctness is checked against numpy before timing. Prints a table.
"""

from __future__ import annotations

import os

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_v] = "1"

import argparse  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from mlir_py import Context  # noqa: E402
from mlir_py.cpu_runner import compile_function  # noqa: E402

MATMUL = """func.func @main(%a: tensor<{n}x{n}xf32>, %b: tensor<{n}x{n}xf32>) -> tensor<{n}x{n}xf32> {{
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<{n}x{n}xf32>
  %z = linalg.fill ins(%cst : f32) outs(%e : tensor<{n}x{n}xf32>) -> tensor<{n}x{n}xf32>
  %r = linalg.matmul ins(%a, %b : tensor<{n}x{n}xf32>, tensor<{n}x{n}xf32>) outs(%z : tensor<{n}x{n}xf32>)
    -> tensor<{n}x{n}xf32>
  return %r : tensor<{n}x{n}xf32>
}}
"""

FUSED = """#id = affine_map<(d0) -> (d0)>
func.func @main(%x: tensor<{m}xf32>, %a: f32, %b: f32) -> tensor<{m}xf32> {{
  %e = tensor.empty() : tensor<{m}xf32>
  %r = linalg.generic {{indexing_maps = [#id, #id], iterator_types = ["parallel"]}}
      ins(%x : tensor<{m}xf32>) outs(%e : tensor<{m}xf32>) {{
  ^bb0(%v: f32, %o: f32):
    %zero = arith.constant 0.0 : f32
    %0 = arith.mulf %v, %a : f32
    %1 = arith.addf %0, %b : f32
    %2 = arith.maximumf %1, %zero : f32
    linalg.yield %2 : f32
  }} -> tensor<{m}xf32>
  return %r : tensor<{m}xf32>
}}
"""


FUSED_DPS = """#id = affine_map<(d0) -> (d0)>
func.func @main(%x: memref<{m}xf32> {{llvm.noalias}}, %y: memref<{m}xf32> {{llvm.noalias}}, %a: f32, %b: f32) {{
  linalg.generic {{indexing_maps = [#id, #id], iterator_types = ["parallel"]}}
      ins(%x : memref<{m}xf32>) outs(%y : memref<{m}xf32>) {{
  ^bb0(%v: f32, %o: f32):
    %zero = arith.constant 0.0 : f32
    %0 = arith.mulf %v, %a : f32
    %1 = arith.addf %0, %b : f32
    %2 = arith.maximumf %1, %zero : f32
    linalg.yield %2 : f32
  }}
  return
}}
"""


def best(fn: object, repeat: int) -> float:
    ts = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        ts.append(time.perf_counter() - t)
    return min(ts)


def conv_model(c: int, f: int, h: int) -> tuple[object, np.ndarray]:
    """A ResNet-style 3x3 convolution (stride 1, pads 1, no bias) ``1 x c x h x h -> 1 x f x h x h`` as an ONNX
    model with random weights (its initializer)."""
    from onnx import TensorProto, helper, numpy_helper

    w = np.random.default_rng(1).standard_normal((f, c, 3, 3), dtype=np.float32) * np.float32(0.1)
    node = helper.make_node("Conv", ["x", "w"], ["y"], pads=[1, 1, 1, 1], kernel_shape=[3, 3])
    g = helper.make_graph([node], "conv", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, c, h, h])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, f, h, h])],
                          initializer=[numpy_helper.from_array(w, "w")])
    return helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)], ir_version=8), w


def conv_row(label: str, pipeline: str, repeat: int, rng: np.random.Generator, c: int = 64, f: int = 64,
             h: int = 56) -> tuple[str, float, float, float, float, str]:
    """The convolution imported from ONNX through ``pipeline`` against single-thread onnxruntime (GFLOP/s =
    ``2 f c 9 h^2 / seconds``); checked against onnxruntime (relative error <= 1e-4) first."""
    import onnxruntime as ort

    from mlir_py.onnx_importer import import_model

    model, _ = conv_model(c, f, h)
    so = ort.SessionOptions()
    so.intra_op_num_threads = so.inter_op_num_threads = 1
    sess = ort.InferenceSession(model.SerializeToString(), so, providers=["CPUExecutionProvider"])  # type: ignore[attr-defined]
    x = rng.standard_normal((1, c, h, h), dtype=np.float32)
    ref = sess.run(None, {"x": x})[0]
    k = compile_function(import_model(model, Context(), "conv", resource_threshold=1 << 40), "main",
                         pipeline=pipeline)
    outs = k.new_outputs()
    (y,) = k(x, out=outs)
    err = float(np.abs(y - ref).max() / np.abs(ref).max())
    assert err < 1e-4, f"conv mismatch: relative error {err}"
    k.run_seconds.clear()
    for _ in range(repeat):
        k(x, out=outs)
    ours = min(k.run_seconds)
    theirs = best(lambda: sess.run(None, {"x": x}), repeat)
    flops = 2 * f * c * 9 * h * h
    return (label, k.compile_seconds, flops / ours / 1e9, flops / theirs / 1e9, theirs / ours, "GFLOP/s (ort)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=512, help="matmul size (default 512)")
    ap.add_argument("--elements", type=int, default=4 * 1024 * 1024, help="fused chain length (default 4M)")
    ap.add_argument("--repeat", type=int, default=10, help="timed calls per measurement (best kept)")
    ap.add_argument("--pipeline", default="lower-to-llvm", help="the lowering pipeline (e.g. with options)")
    args = ap.parse_args()
    ctx = Context()
    rng = np.random.default_rng(0)
    rows = []

    n = args.n
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    f = compile_function(ctx.parser.parse(MATMUL.format(n=n), "matmul.mlir"), "main", pipeline=args.pipeline)
    c_out = f.new_outputs()
    (c,) = f(a, b, out=c_out)
    ref = a @ b
    err = float(np.abs(c - ref).max() / np.abs(ref).max())
    assert err < 1e-5, f"matmul mismatch: relative error {err}"
    f.run_seconds.clear()
    for _ in range(args.repeat):
        f(a, b, out=c_out)
    ours = min(f.run_seconds)
    theirs = best(lambda: a @ b, args.repeat)
    flops = 2 * n ** 3
    rows.append((f"matmul {n}^3 f32", f.compile_seconds, flops / ours / 1e9, flops / theirs / 1e9, theirs / ours,
                 "GFLOP/s"))

    m = args.elements
    x = rng.standard_normal(m, dtype=np.float32)
    sa, sb = np.float32(1.5), np.float32(-0.25)
    g = compile_function(ctx.parser.parse(FUSED.format(m=m), "fused.mlir"), "main", pipeline=args.pipeline)
    outs = g.new_outputs()  # the result buffer, reused by every call (buffer-results-to-out-params)
    (y,) = g(x, sa, sb, out=outs)
    assert np.allclose(y, np.maximum(x * sa + sb, 0), rtol=1e-6, atol=1e-6), "fused chain mismatch"
    g.run_seconds.clear()
    for _ in range(args.repeat):
        g(x, sa, sb, out=outs)
    ours = min(g.run_seconds)
    theirs = best(lambda: np.maximum(x * sa + sb, 0), args.repeat)
    rows.append((f"relu(x*a+b) {m} tensor", g.compile_seconds, 8 * m / ours / 1e9, 8 * m / theirs / 1e9,
                 theirs / ours, "GB/s"))

    h = compile_function(ctx.parser.parse(FUSED_DPS.format(m=m), "fused_dps.mlir"), "main", pipeline=args.pipeline)
    out = np.empty_like(x)
    h(x, out, sa, sb)
    assert np.allclose(out, np.maximum(x * sa + sb, 0), rtol=1e-6, atol=1e-6), "fused chain (memref) mismatch"
    h.run_seconds.clear()
    for _ in range(args.repeat):
        h(x, out, sa, sb)
    ours = min(h.run_seconds)
    rows.append((f"relu(x*a+b) {m} memref", h.compile_seconds, 8 * m / ours / 1e9, 8 * m / theirs / 1e9,
                 theirs / ours, "GB/s"))

    for label, pipe in (("conv3x3 64@56 f32", args.pipeline),
                        ("conv3x3 64@56 untiled", "lower-to-llvm{conv-tile-j=0}")):
        rows.append(conv_row(label, pipe, args.repeat, rng))

    print(f"{'kernel':<26}{'compile s':>10}{'ours':>10}{'numpy':>10}{'ours/numpy':>12}  unit")
    for name, cs, o, t, ratio, unit in rows:
        print(f"{name:<26}{cs:>10.2f}{o:>10.1f}{t:>10.1f}{ratio:>12.2f}  {unit}")


if __name__ == "__main__":
    main()
