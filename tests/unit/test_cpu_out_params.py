"""Results as out-parameters on the CPU path: ``buffer-results-to-out-params`` (hoisting the result allocation)
before ``lower-to-llvm``, the runner's ``out=`` arrays reused across calls, mixed scalar/buffer results, the
fallback for dynamic shapes and the errors for bad ``out`` arrays."""

from __future__ import annotations

import numpy as np
import pytest

from mlir_py import Context
from mlir_py.cpu_runner import CpuRunError, compile_function, run

FUSED = """#id = affine_map<(d0) -> (d0)>
func.func @main(%x: tensor<1024xf32>, %a: f32, %b: f32) -> tensor<1024xf32> {
  %e = tensor.empty() : tensor<1024xf32>
  %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
      ins(%x : tensor<1024xf32>) outs(%e : tensor<1024xf32>) {
  ^bb0(%v: f32, %o: f32):
    %zero = arith.constant 0.0 : f32
    %0 = arith.mulf %v, %a : f32
    %1 = arith.addf %0, %b : f32
    %2 = arith.maximumf %1, %zero : f32
    linalg.yield %2 : f32
  } -> tensor<1024xf32>
  return %r : tensor<1024xf32>
}
"""

MIXED = """func.func @main(%x: tensor<4x8xf32>, %s: i32) -> (i32, tensor<4x8xf32>, tensor<4x8xf32>, i32) {
  %c1 = arith.constant 1 : i32
  %t = arith.addi %s, %c1 : i32
  return %s, %x, %x, %t : i32, tensor<4x8xf32>, tensor<4x8xf32>, i32
}
"""

DYNAMIC = """func.func @main(%x: tensor<?xf32>) -> tensor<?xf32> {
  return %x : tensor<?xf32>
}
"""


def _ref(x: np.ndarray) -> np.ndarray:
    return np.maximum(x * np.float32(1.5) - np.float32(0.25), 0)


def test_fused_writes_into_out_and_allocates_nothing() -> None:
    f = compile_function(Context().parser.parse(FUSED, "f.mlir"), "main")
    assert f.out_params and f.out_results == [0]
    assert "@malloc" not in f.ir  # the result allocation was hoisted to the caller
    x = np.random.default_rng(0).standard_normal(1024, dtype=np.float32)
    out = f.new_outputs()
    (y,) = f(x, np.float32(1.5), np.float32(-0.25), out=out)
    assert y is out[0]
    np.testing.assert_allclose(y, _ref(x), rtol=1e-6, atol=1e-6)
    (y2,) = f(-x, np.float32(1.5), np.float32(-0.25), out=out)  # the same buffer, rewritten
    assert y2 is out[0]
    np.testing.assert_allclose(y2, _ref(-x), rtol=1e-6, atol=1e-6)
    (y3,) = f(x, np.float32(1.5), np.float32(-0.25))  # no out: a fresh array
    assert y3 is not out[0]
    np.testing.assert_allclose(y3, _ref(x), rtol=1e-6, atol=1e-6)


def test_without_out_params_matches() -> None:
    f = compile_function(Context().parser.parse(FUSED, "f.mlir"), "main", out_params=False)
    assert not f.out_params and "@malloc" in f.ir
    x = np.random.default_rng(1).standard_normal(1024, dtype=np.float32)
    (y,) = f(x, np.float32(1.5), np.float32(-0.25))
    np.testing.assert_allclose(y, _ref(x), rtol=1e-6, atol=1e-6)


def test_mixed_results_keep_their_order() -> None:
    x = np.arange(32, dtype=np.float32).reshape(4, 8)
    (s, a, b, t), f = run(Context().parser.parse(MIXED, "m.mlir"), "main", [x, np.int32(41)], repeat=3)
    assert f.out_results == [1, 2] and len(f.run_seconds) == 3
    assert int(s) == 41 and int(t) == 42
    np.testing.assert_array_equal(a, x)
    np.testing.assert_array_equal(b, x)
    assert not np.shares_memory(a, x)  # returned arguments are copied into the out-params


def test_dynamic_results_fall_back_to_returned_buffers() -> None:
    f = compile_function(Context().parser.parse(DYNAMIC, "d.mlir"), "main")
    assert not f.out_params
    x = np.arange(5, dtype=np.float32)
    (y,) = f(x)
    np.testing.assert_array_equal(y, x)


def test_bad_out_arrays() -> None:
    f = compile_function(Context().parser.parse(FUSED, "f.mlir"), "main")
    x = np.zeros(1024, np.float32)
    with pytest.raises(CpuRunError, match="expected a writable C-contiguous float32 array of shape \\[1024\\]"):
        f(x, np.float32(1), np.float32(0), out=[np.zeros(1024, np.float64)])
    with pytest.raises(CpuRunError, match="1 buffer result"):
        f(x, np.float32(1), np.float32(0), out=[])
    m = compile_function(Context().parser.parse(MIXED, "m.mlir"), "main")
    buf = np.zeros((4, 8), np.float32)
    with pytest.raises(CpuRunError, match="overlaps another argument"):
        m(np.zeros((4, 8), np.float32), np.int32(0), out=[buf, buf])
