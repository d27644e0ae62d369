"""The reference interpreter's vectorized linalg engine (issue 4, item 4): milliseconds per run of linalg ops.

Cases: a 64x64x64 f32 matmul written as ``linalg.generic`` (target: under 50 ms) and as ``linalg.matmul``, a
256x256x256 one, an elementwise generic over 1M elements, a row reduction, a strided 2-D convolution
(``linalg.conv_2d_nchw_fchw``), and a payload the engine cannot fold (``out = out * 0.5 + x``, the sequential
path). Each is run once to warm up (imports, plans), then timed as the median of ``--repeat`` calls of
``Interpreter.call`` (parsing excluded). numpy's time for the same computation is printed beside it. Figures are
printed, never asserted. Usage: ``python benchmarks/interp_linalg.py [--repeat 5]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from common import table  # noqa: E402

from mlir_py import Context, verify  # noqa: E402
from mlir_py.interpreter import Interpreter  # noqa: E402


def matmul_generic(n: int) -> str:
    t = f"tensor<{n}x{n}xf32>"
    return f"""func.func @main(%a: {t}, %b: {t}, %c: {t}) -> {t} {{
  %r = linalg.generic {{indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>,
                                         affine_map<(i, j, k) -> (i, j)>],
                        iterator_types = ["parallel", "parallel", "reduction"]}}
      ins(%a, %b : {t}, {t}) outs(%c : {t}) {{
  ^bb0(%x: f32, %y: f32, %z: f32):
    %m = arith.mulf %x, %y : f32
    %s = arith.addf %z, %m : f32
    linalg.yield %s : f32
  }} -> {t}
  return %r : {t}
}}"""


def matmul_named(n: int) -> str:
    t = f"tensor<{n}x{n}xf32>"
    return f"""func.func @main(%a: {t}, %b: {t}, %c: {t}) -> {t} {{
  %r = linalg.matmul ins(%a, %b : {t}, {t}) outs(%c : {t}) -> {t}
  return %r : {t}
}}"""


def unary_generic(shape: tuple[int, int], body: str, out_map: str, iters: str, out_t: str) -> str:
    t = f"tensor<{shape[0]}x{shape[1]}xf32>"
    return f"""func.func @main(%a: {t}, %o: {out_t}) -> {out_t} {{
  %r = linalg.generic {{indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> ({out_map})>],
                        iterator_types = [{iters}]}} ins(%a : {t}) outs(%o : {out_t}) {{
  ^bb0(%x: f32, %y: f32):
{body}
  }} -> {out_t}
  return %r : {out_t}
}}"""


CONV = """func.func @main(%x: tensor<1x16x66x66xf32>, %k: tensor<32x16x3x3xf32>, %o: tensor<1x32x32x32xf32>)
    -> tensor<1x32x32x32xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%x, %k : tensor<1x16x66x66xf32>, tensor<32x16x3x3xf32>) outs(%o : tensor<1x32x32x32xf32>)
    -> tensor<1x32x32x32xf32>
  return %r : tensor<1x32x32x32xf32>
}"""


def median_ms(fn: Callable[[], Any], repeat: int) -> float:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return 1000 * statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    opts = ap.parse_args()
    rng = np.random.default_rng(0)

    def arr(*shape: int) -> np.ndarray:
        return rng.standard_normal(shape).astype(np.float32)

    m64, m256 = [arr(64, 64) for _ in range(3)], [arr(256, 256) for _ in range(3)]
    big, rows = arr(1024, 1024), np.zeros(1024, np.float32)
    x, k, o = arr(1, 16, 66, 66), arr(32, 16, 3, 3), np.zeros((1, 32, 32, 32), np.float32)
    t2 = "tensor<1024x1024xf32>"
    cases: list[tuple[str, str, list[np.ndarray], Callable[[], Any] | None]] = [
        ("matmul 64^3 (generic)", matmul_generic(64), m64, lambda: m64[2] + m64[0] @ m64[1]),
        ("matmul 64^3 (linalg.matmul)", matmul_named(64), m64, lambda: m64[2] + m64[0] @ m64[1]),
        ("matmul 256^3 (generic)", matmul_generic(256), m256, lambda: m256[2] + m256[0] @ m256[1]),
        ("exp(x) * x, 1M elements", unary_generic((1024, 1024), "    %e = math.exp %x : f32\n"
                                                  "    %m = arith.mulf %e, %x : f32\n    linalg.yield %m : f32",
                                                  "i, j", '"parallel", "parallel"', t2),
         [big, big], lambda: np.exp(big) * big),
        ("row sum, 1M elements", unary_generic((1024, 1024), "    %s = arith.addf %x, %y : f32\n"
                                               "    linalg.yield %s : f32", "i", '"parallel", "reduction"',
                                               "tensor<1024xf32>"),
         [big, rows], lambda: rows + big.sum(1)),
        ("out*0.5+x (sequential), 1M", unary_generic((1024, 1024), "    %h = arith.constant 0.5 : f32\n"
                                                     "    %m = arith.mulf %y, %h : f32\n"
                                                     "    %s = arith.addf %m, %x : f32\n    linalg.yield %s : f32",
                                                     "i", '"parallel", "reduction"', "tensor<1024xf32>"),
         [big, rows], None),
        ("conv_2d_nchw_fchw 16->32, 66x66, s2", CONV, [x, k, o], None),
    ]
    out: list[list[object]] = []
    for name, text, args, ref in cases:
        module = Context().parser.parse(text, "bench.mlir")
        verify(module)
        interp = Interpreter(module)
        ms = median_ms(lambda i=interp, a=args: i.call("main", a), opts.repeat)  # type: ignore[misc]
        ref_ms = f"{median_ms(ref, opts.repeat):.2f}" if ref is not None else "-"
        out.append([name, f"{ms:.2f}", ref_ms])
    print(table(out, ["case", "interpreter ms", "numpy ms"]))


if __name__ == "__main__":
    main()
