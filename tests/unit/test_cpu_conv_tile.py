"""Register-blocked convolutions on the CPU (``linalg-cpu-tile``'s ``conv-tile-r``/``conv-tile-j`` inside
``lower-to-llvm``): results equal the interpreter's on random inputs for strided, dilated, NCHW and NHWC
convolutions, blocked and unblocked."""

from __future__ import annotations

import numpy as np
import pytest

from mlir_py import Context
from mlir_py.cpu_runner import compile_function
from mlir_py.interpreter import Interpreter

NCHW = """func.func @main(%x: tensor<1x3x{ih}x{iw}xf32>, %w: tensor<16x3x3x3xf32>) -> tensor<1x16x{oh}x{ow}xf32> {{
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x16x{oh}x{ow}xf32>
  %z = linalg.fill ins(%cst : f32) outs(%e : tensor<1x16x{oh}x{ow}xf32>) -> tensor<1x16x{oh}x{ow}xf32>
  %r = linalg.conv_2d_nchw_fchw {{dilations = dense<{d}> : tensor<2xi64>, strides = dense<{s}> : tensor<2xi64>}}
     ins(%x, %w : tensor<1x3x{ih}x{iw}xf32>, tensor<16x3x3x3xf32>) outs(%z : tensor<1x16x{oh}x{ow}xf32>)
     -> tensor<1x16x{oh}x{ow}xf32>
  return %r : tensor<1x16x{oh}x{ow}xf32>
}}
"""

NHWC = """func.func @main(%x: tensor<1x10x10x4xf32>, %w: tensor<3x3x4x16xf32>) -> tensor<1x8x8x16xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x8x8x16xf32>
  %z = linalg.fill ins(%cst : f32) outs(%e : tensor<1x8x8x16xf32>) -> tensor<1x8x8x16xf32>
  %r = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
     ins(%x, %w : tensor<1x10x10x4xf32>, tensor<3x3x4x16xf32>) outs(%z : tensor<1x8x8x16xf32>)
     -> tensor<1x8x8x16xf32>
  return %r : tensor<1x8x8x16xf32>
}
"""


def _check(src: str, shapes: list[tuple[int, ...]], pipeline: str) -> None:
    module = Context().parser.parse(src, "conv.mlir")
    rng = np.random.default_rng(0)
    args = [rng.standard_normal(s, dtype=np.float32) for s in shapes]
    (ref,) = Interpreter(module).call("main", args)
    f = compile_function(module, "main", pipeline=pipeline)
    (got,) = f(*args)
    np.testing.assert_allclose(got, np.asarray(ref), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("pipeline", ["lower-to-llvm", "lower-to-llvm{conv-tile-j=0}",
                                      "lower-to-llvm{conv-tile-r=4 conv-tile-j=16}"])
@pytest.mark.parametrize("s,d", [(1, 1), (2, 1), (1, 2)])
def test_nchw(pipeline: str, s: int, d: int) -> None:
    oh, ow = 8, 16
    ih, iw = (oh - 1) * s + 2 * d + 1, (ow - 1) * s + 2 * d + 1
    _check(NCHW.format(ih=ih, iw=iw, oh=oh, ow=ow, s=s, d=d), [(1, 3, ih, iw), (16, 3, 3, 3)], pipeline)


def test_nhwc() -> None:
    _check(NHWC, [(1, 10, 10, 4), (3, 3, 4, 16)], "lower-to-llvm")


POOL = """func.func @main(%x: tensor<1x4x17x17xf32>) -> tensor<1x4x8x8xf32> {
  %cst = arith.constant 0xFF800000 : f32
  %k = tensor.empty() : tensor<3x3xf32>
  %e = tensor.empty() : tensor<1x4x8x8xf32>
  %z = linalg.fill ins(%cst : f32) outs(%e : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  %r = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
     ins(%x, %k : tensor<1x4x17x17xf32>, tensor<3x3xf32>) outs(%z : tensor<1x4x8x8xf32>) -> tensor<1x4x8x8xf32>
  return %r : tensor<1x4x8x8xf32>
}
"""


def test_pooling_blocked() -> None:
    """A window reduction without an output-channel loop to block (the input uses every parallel loop): only the
    inner loop is blocked."""
    _check(POOL, [(1, 4, 17, 17)], "lower-to-llvm")
