"""tensor ops in the reference interpreter (mlir_py/interpreter_impls/tensor.py) against numpy: construction,
element access, slices with strides and rank reduction, pad with a region, generate, reshapes, concat, and the
diagnostics of undefined behaviour (out-of-bounds indices and slices, casts contradicting the runtime shape)."""

from __future__ import annotations

import numpy as np
import pytest
from _helpers import interpret as run

from mlir_py.interpreter import InterpreterError

RNG = np.random.default_rng(11)


def f32(*shape: int) -> np.ndarray:
    return RNG.standard_normal(shape).astype(np.float32)


def test_empty_splat_from_elements_dim_rank() -> None:
    text = """func.func @main(%n: index, %v: f32) -> (tensor<?x3xf32>, tensor<2x2xf32>, index, index, tensor<?x3xf32>) {
  %e = tensor.empty(%n) : tensor<?x3xf32>
  %s = tensor.splat %v[%n] : tensor<?x3xf32>
  %c1 = arith.constant 1.0 : f32
  %f = tensor.from_elements %v, %c1, %c1, %v : tensor<2x2xf32>
  %c0 = arith.constant 0 : index
  %d = tensor.dim %s, %c0 : tensor<?x3xf32>
  %r = tensor.rank %f : tensor<2x2xf32>
  return %e, %f, %d, %r, %s : tensor<?x3xf32>, tensor<2x2xf32>, index, index, tensor<?x3xf32>
}"""
    e, f, d, r, s = run(text, 4, np.float32(2.5))
    assert e.shape == (4, 3) and e.dtype == np.float32
    np.testing.assert_array_equal(f, [[2.5, 1.0], [1.0, 2.5]])
    assert d == 4 and r == 2
    np.testing.assert_array_equal(s, np.full((4, 3), 2.5, np.float32))


def test_extract_insert() -> None:
    text = """func.func @main(%t: tensor<3x4xi32>, %i: index, %j: index, %v: i32) -> (i32, tensor<3x4xi32>) {
  %x = tensor.extract %t[%i, %j] : tensor<3x4xi32>
  %u = tensor.insert %v into %t[%j, %i] : tensor<3x4xi32>
  return %x, %u : i32, tensor<3x4xi32>
}"""
    t = np.arange(12, dtype=np.int32).reshape(3, 4)
    x, u = run(text, t, 2, 1, np.int32(-5))
    assert x == 9
    want = t.copy()
    want[1, 2] = -5
    np.testing.assert_array_equal(u, want)
    with pytest.raises(InterpreterError, match=r"out-of-bounds access: index 4 in dimension 1 .*undefined behavior"):
        run(text, t, 0, 4, np.int32(0))


def test_extract_slice_strided_and_rank_reducing() -> None:
    text = """func.func @main(%t: tensor<8x10xf32>, %o: index) -> (tensor<3x4xf32>, tensor<5xf32>) {
  %a = tensor.extract_slice %t[1, %o] [3, 4] [2, 2] : tensor<8x10xf32> to tensor<3x4xf32>
  %b = tensor.extract_slice %t[6, 2] [1, 5] [1, 1] : tensor<8x10xf32> to tensor<5xf32>
  return %a, %b : tensor<3x4xf32>, tensor<5xf32>
}"""
    t = f32(8, 10)
    a, b = run(text, t, 1)
    np.testing.assert_array_equal(a, t[1:6:2, 1:8:2])
    np.testing.assert_array_equal(b, t[6, 2:7])
    with pytest.raises(InterpreterError, match=r"slice out of bounds along dimension 1: offset 4, size 4, stride 2"):
        run(text, t, 4)


def test_insert_slice_strided() -> None:
    text = """func.func @main(%s: tensor<2x3xf32>, %d: tensor<6x7xf32>) -> tensor<6x7xf32> {
  %r = tensor.insert_slice %s into %d[1, 0] [2, 3] [3, 3] : tensor<2x3xf32> into tensor<6x7xf32>
  return %r : tensor<6x7xf32>
}"""
    s, d = f32(2, 3), f32(6, 7)
    want = d.copy()
    want[1:5:3, 0:7:3] = s
    (r,) = run(text, s, d)
    np.testing.assert_array_equal(r, want)


def test_pad_constant_and_region() -> None:
    text = """func.func @main(%t: tensor<2x3xf32>, %h: index) -> (tensor<5x?xf32>, tensor<4x5xf32>) {
  %cst = arith.constant -1.0 : f32
  %a = tensor.pad %t low[1, 0] high[2, %h] {
  ^bb0(%i: index, %j: index):
    tensor.yield %cst : f32
  } : tensor<2x3xf32> to tensor<5x?xf32>
  %b = tensor.pad %t low[1, 1] high[1, 1] {
  ^bb0(%i: index, %j: index):
    %s = arith.addi %i, %j : index
    %k = arith.index_cast %s : index to i32
    %f = arith.sitofp %k : i32 to f32
    tensor.yield %f : f32
  } : tensor<2x3xf32> to tensor<4x5xf32>
  return %a, %b : tensor<5x?xf32>, tensor<4x5xf32>
}"""
    t = f32(2, 3)
    a, b = run(text, t, 2)
    np.testing.assert_array_equal(a, np.pad(t, ((1, 2), (0, 2)), constant_values=-1.0))
    want = (np.arange(4)[:, None] + np.arange(5)).astype(np.float32)
    want[1:3, 1:4] = t
    np.testing.assert_array_equal(b, want)


def test_generate_with_extract() -> None:
    text = """func.func @main(%t: tensor<4xf32>, %n: index) -> tensor<?x4xf32> {
  %g = tensor.generate %n {
  ^bb0(%i: index, %j: index):
    %x = tensor.extract %t[%j] : tensor<4xf32>
    %k = arith.index_cast %i : index to i32
    %f = arith.sitofp %k : i32 to f32
    %y = arith.mulf %x, %f : f32
    tensor.yield %y : f32
  } : tensor<?x4xf32>
  return %g : tensor<?x4xf32>
}"""
    t = f32(4)
    (g,) = run(text, t, 3)
    np.testing.assert_array_equal(g, np.arange(3, dtype=np.float32)[:, None] * t)


def test_generate_with_control_flow_runs_per_element() -> None:
    text = """func.func @main() -> tensor<3x2xi32> {
  %g = tensor.generate {
  ^bb0(%i: index, %j: index):
    %c = arith.cmpi ult, %i, %j : index
    %v = scf.if %c -> i32 {
      %a = arith.constant 7 : i32
      scf.yield %a : i32
    } else {
      %b = arith.index_cast %i : index to i32
      scf.yield %b : i32
    }
    tensor.yield %v : i32
  } : tensor<3x2xi32>
  return %g : tensor<3x2xi32>
}"""
    (g,) = run(text)
    np.testing.assert_array_equal(g, [[0, 7], [1, 1], [2, 2]])


def test_reshapes_and_concat() -> None:
    text = """func.func @main(%t: tensor<2x3x4xf32>, %u: tensor<1x12xf32>) -> (tensor<6x4xf32>, tensor<2x3x2x2xf32>, tensor<3x12xf32>, tensor<4x6xf32>) {
  %c = tensor.collapse_shape %t [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>
  %e = tensor.expand_shape %t [[0], [1], [2, 3]] output_shape [2, 3, 2, 2] : tensor<2x3x4xf32> into tensor<2x3x2x2xf32>
  %m = tensor.collapse_shape %t [[0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
  %x = tensor.expand_shape %m [[0, 1]] output_shape [2, 12] : tensor<24xf32> into tensor<2x12xf32>
  %k = tensor.concat dim(0) %x, %u : (tensor<2x12xf32>, tensor<1x12xf32>) -> tensor<3x12xf32>
  %s = arith.constant dense<[4, 6]> : tensor<2xindex>
  %r = tensor.reshape %m(%s) : (tensor<24xf32>, tensor<2xindex>) -> tensor<4x6xf32>
  return %c, %e, %k, %r : tensor<6x4xf32>, tensor<2x3x2x2xf32>, tensor<3x12xf32>, tensor<4x6xf32>
}"""
    t, u = f32(2, 3, 4), f32(1, 12)
    c, e, k, r = run(text, t, u)
    np.testing.assert_array_equal(c, t.reshape(6, 4))
    np.testing.assert_array_equal(e, t.reshape(2, 3, 2, 2))
    np.testing.assert_array_equal(k, np.concatenate([t.reshape(2, 12), u]))
    np.testing.assert_array_equal(r, t.reshape(4, 6))


def test_cast_and_bitcast() -> None:
    text = """func.func @main(%t: tensor<?xf32>) -> (tensor<4xf32>, tensor<?xi32>) {
  %c = tensor.cast %t : tensor<?xf32> to tensor<4xf32>
  %b = tensor.bitcast %t : tensor<?xf32> to tensor<?xi32>
  return %c, %b : tensor<4xf32>, tensor<?xi32>
}"""
    t = f32(4)
    c, b = run(text, t)
    np.testing.assert_array_equal(c, t)
    np.testing.assert_array_equal(b, t.view(np.int32))
    with pytest.raises(InterpreterError, match=r"tensor.cast: runtime shape \[5\] does not match 'tensor<4xf32>'"):
        run(text, f32(5))


def test_scf_forall_parallel_insert_slice() -> None:
    text = """func.func @main(%t: tensor<8x4xf32>) -> tensor<8x4xf32> {
  %init = tensor.empty() : tensor<8x4xf32>
  %r = scf.forall (%i) in (4) shared_outs(%o = %init) -> (tensor<8x4xf32>) {
    %c2 = arith.constant 2 : index
    %off = arith.muli %i, %c2 : index
    %s = tensor.extract_slice %t[%off, 0] [2, 4] [1, 1] : tensor<8x4xf32> to tensor<2x4xf32>
    %n = arith.negf %s : tensor<2x4xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %n into %o[%off, 0] [2, 4] [1, 1] : tensor<2x4xf32> into tensor<8x4xf32>
    }
  }
  return %r : tensor<8x4xf32>
}"""
    t = f32(8, 4)
    (r,) = run(text, t)
    np.testing.assert_array_equal(r, -t)
