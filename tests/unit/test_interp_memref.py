"""memref ops in the reference interpreter (mlir_py/interpreter_impls/memref.py): allocation, loads and stores,
aliasing views (subview with strides and rank reduction, cast, reinterpret_cast, collapse/expand_shape, transpose,
view), globals, copies; and the undefined behaviour they diagnose (out of bounds, use after free, double free,
writes to constant globals)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from _helpers import interpret as run

from mlir_py.diagnostics import render
from mlir_py.interpreter import InterpreterError

RNG = np.random.default_rng(3)


def diagnostic(text: str, *args: Any, entry: str = "main") -> str:
    with pytest.raises(InterpreterError) as e:
        run(text, *args, entry=entry)
    return render(e.value.diagnostic)


def test_alloc_store_load_dim() -> None:
    text = """func.func @main(%n: index, %v: f32) -> (f32, index, memref<?x3xf32>) {
  %m = memref.alloc(%n) : memref<?x3xf32>
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  memref.store %v, %m[%c1, %c2] : memref<?x3xf32>
  %x = memref.load %m[%c1, %c2] : memref<?x3xf32>
  %c0 = arith.constant 0 : index
  %d = memref.dim %m, %c0 : memref<?x3xf32>
  return %x, %d, %m : f32, index, memref<?x3xf32>
}"""
    x, d, m = run(text, 4, np.float32(1.5))
    assert x == np.float32(1.5) and d == 4
    want = np.zeros((4, 3), np.float32)
    want[1, 2] = 1.5
    np.testing.assert_array_equal(m, want)


def test_subview_aliases_the_source() -> None:
    text = """func.func @main(%a: memref<6x8xf32>) -> memref<6x8xf32> {
  %s = memref.subview %a[1, 2] [3, 3] [2, 2] : memref<6x8xf32> to memref<3x3xf32, strided<[16, 2], offset: 10>>
  %r = memref.subview %a[5, 0] [1, 8] [1, 1] : memref<6x8xf32> to memref<8xf32, strided<[1], offset: 40>>
  %z = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  memref.store %z, %s[%c1, %c1] : memref<3x3xf32, strided<[16, 2], offset: 10>>
  memref.store %z, %r[%c1] : memref<8xf32, strided<[1], offset: 40>>
  return %a : memref<6x8xf32>
}"""
    a = RNG.standard_normal((6, 8)).astype(np.float32)
    (r,) = run(text, a.copy())
    want = a.copy()
    want[3, 4] = 0
    want[5, 1] = 0
    np.testing.assert_array_equal(r, want)


def test_copy_collapse_expand_transpose_cast() -> None:
    text = """func.func @main(%a: memref<2x3x4xf32>) -> (memref<6x4xf32>, memref<4x6xf32>, memref<2x3x2x2xf32>) {
  %c = memref.collapse_shape %a [[0, 1], [2]] : memref<2x3x4xf32> into memref<6x4xf32>
  %e = memref.expand_shape %a [[0], [1], [2, 3]] output_shape [2, 3, 2, 2] : memref<2x3x4xf32> into memref<2x3x2x2xf32>
  %t = memref.transpose %c (i, j) -> (j, i) : memref<6x4xf32> to memref<4x6xf32, affine_map<(d0, d1) -> (d1 * 4 + d0)>>
  %o = memref.alloc() : memref<4x6xf32>
  memref.copy %t, %o : memref<4x6xf32, affine_map<(d0, d1) -> (d1 * 4 + d0)>> to memref<4x6xf32>
  %d = memref.cast %o : memref<4x6xf32> to memref<?x?xf32>
  %back = memref.cast %d : memref<?x?xf32> to memref<4x6xf32>
  return %c, %back, %e : memref<6x4xf32>, memref<4x6xf32>, memref<2x3x2x2xf32>
}"""
    a = RNG.standard_normal((2, 3, 4)).astype(np.float32)
    c, t, e = run(text, a)
    np.testing.assert_array_equal(c, a.reshape(6, 4))
    np.testing.assert_array_equal(t, a.reshape(6, 4).T)
    np.testing.assert_array_equal(e, a.reshape(2, 3, 2, 2))


def test_reinterpret_cast_and_globals() -> None:
    text = """memref.global "private" constant @table : memref<4xi32> = dense<[1, 2, 3, 4]>
memref.global "private" @counter : memref<i32> = dense<0>
func.func @bump() -> i32 {
  %g = memref.get_global @counter : memref<i32>
  %v = memref.load %g[] : memref<i32>
  %c1 = arith.constant 1 : i32
  %w = arith.addi %v, %c1 : i32
  memref.store %w, %g[] : memref<i32>
  return %w : i32
}
func.func @main() -> (memref<2x2xi32>, i32) {
  %t = memref.get_global @table : memref<4xi32>
  %r = memref.reinterpret_cast %t to offset: [0], sizes: [2, 2], strides: [1, 2] : memref<4xi32> to memref<2x2xi32, strided<[1, 2]>>
  %o = memref.alloc() : memref<2x2xi32>
  memref.copy %r, %o : memref<2x2xi32, strided<[1, 2]>> to memref<2x2xi32>
  %a = func.call @bump() : () -> i32
  %b = func.call @bump() : () -> i32
  return %o, %b : memref<2x2xi32>, i32
}"""
    o, b = run(text)
    np.testing.assert_array_equal(o, [[1, 3], [2, 4]])
    assert b == 2


UB = """memref.global "private" constant @k : memref<2xf32> = dense<1.0>
func.func @oob(%i: index) -> f32 {
  %m = memref.alloc() : memref<4xf32>
  %x = memref.load %m[%i] : memref<4xf32>
  return %x : f32
}
func.func @uaf() -> f32 {
  %m = memref.alloc() : memref<4xf32>
  memref.dealloc %m : memref<4xf32>
  %c0 = arith.constant 0 : index
  %x = memref.load %m[%c0] : memref<4xf32>
  return %x : f32
}
func.func @double_free() {
  %m = memref.alloc() : memref<4xf32>
  memref.dealloc %m : memref<4xf32>
  memref.dealloc %m : memref<4xf32>
  return
}
func.func @const_store() {
  %g = memref.get_global @k : memref<2xf32>
  %c0 = arith.constant 0 : index
  %z = arith.constant 0.0 : f32
  memref.store %z, %g[%c0] : memref<2xf32>
  return
}
func.func @bad_subview(%n: index) {
  %m = memref.alloc() : memref<8xf32>
  %s = memref.subview %m[%n] [4] [1] : memref<8xf32> to memref<4xf32, strided<[1], offset: ?>>
  return
}"""


@pytest.mark.parametrize("entry,args,message", [
    ("oob", [4], "test.mlir:4:8: error: 'memref.load' op out-of-bounds access: indices [4] on a memref of shape [4] "
                 "(undefined behavior)"),
    ("uaf", [], "test.mlir:11:8: error: 'memref.load' op use of a deallocated memref (allocated at "),
    ("double_free", [], "test.mlir:17:3: error: 'memref.dealloc' op double free"),
    ("const_store", [], "error: 'memref.store' op write to a constant memref.global (undefined behavior)"),
    ("bad_subview", [6], "error: 'memref.subview' op subview out of bounds along dimension 0: offset 6, size 4"),
])
def test_undefined_behavior_is_diagnosed(entry: str, args: list[Any], message: str) -> None:
    assert message in diagnostic(UB, *args, entry=entry)


def test_view_alloca_and_strided_argument() -> None:
    text = """func.func @main(%s: memref<2x3xf32, strided<[4, 1], offset: 1>>) -> (memref<2x2xf32>, f32) {
  %raw = memref.alloca() : memref<64xi8>
  %c16 = arith.constant 16 : index
  %v = memref.view %raw[%c16][] : memref<64xi8> to memref<2x2xf32>
  %c1 = arith.constant 1 : index
  %x = memref.load %s[%c1, %c1] : memref<2x3xf32, strided<[4, 1], offset: 1>>
  memref.store %x, %v[%c1, %c1] : memref<2x2xf32>
  %y = memref.load %v[%c1, %c1] : memref<2x2xf32>
  return %v, %y : memref<2x2xf32>, f32
}"""
    s = RNG.standard_normal((2, 3)).astype(np.float32)
    v, y = run(text, s)
    assert y == s[1, 1]
    np.testing.assert_array_equal(v, [[0, 0], [0, s[1, 1]]])
