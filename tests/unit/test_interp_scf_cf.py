"""scf and cf in the reference interpreter (mlir_py/interpreter_impls/{scf,cf}.py): loops with iter_args, if,
while, parallel with reductions, forall, index_switch, execute_region, branches, switch and assert, against
numpy or Python references; non-positive steps and failed assertions are located diagnostics."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from _helpers import interpret as run

from mlir_py.diagnostics import render
from mlir_py.interpreter import InterpreterError

RNG = np.random.default_rng(5)


FOR_SUM = """func.func @main(%t: tensor<10xf32>, %lb: index, %ub: index, %step: index) -> (f32, index) {
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %r:2 = scf.for %i = %lb to %ub step %step iter_args(%acc = %zero, %n = %c0) -> (f32, index) {
    %x = tensor.extract %t[%i] : tensor<10xf32>
    %s = arith.addf %acc, %x : f32
    %c1 = arith.constant 1 : index
    %m = arith.addi %n, %c1 : index
    scf.yield %s, %m : f32, index
  }
  return %r#0, %r#1 : f32, index
}"""


@pytest.mark.parametrize("lb,ub,step", [(0, 10, 1), (1, 10, 3), (5, 5, 1), (7, 2, 1)])
def test_for_iter_args(lb: int, ub: int, step: int) -> None:
    t = RNG.standard_normal(10).astype(np.float32)
    s, n = run(FOR_SUM, t, lb, ub, step)
    want = np.float32(0)
    for i in range(lb, ub, step):
        want = np.float32(want + t[i])
    assert s == want and n == len(range(lb, ub, step))


def diagnostic(text: str, *args: Any) -> str:
    with pytest.raises(InterpreterError) as e:
        run(text, *args)
    return render(e.value.diagnostic)


def test_for_non_positive_step_is_diagnosed() -> None:
    d = diagnostic(FOR_SUM, np.zeros(10, np.float32), 0, 10, 0)
    assert "test.mlir:4:10: error: 'scf.for' op step 0 is not positive (undefined behavior)" in d


def test_for_on_i8_unsigned() -> None:
    text = """func.func @main() -> i32 {
  %lb = arith.constant 250 : i8
  %ub = arith.constant -2 : i8
  %st = arith.constant 2 : i8
  %z = arith.constant 0 : i32
  %r = scf.for unsigned %i = %lb to %ub step %st iter_args(%a = %z) -> (i32) : i8 {
    %e = arith.extui %i : i8 to i32
    %s = arith.addi %a, %e : i32
    scf.yield %s : i32
  }
  return %r : i32
}"""
    assert run(text)[0] == 250 + 252


def test_if_while_nested() -> None:
    # collatz steps of n: while n != 1 { n = n even ? n/2 : 3n+1; k++ }
    text = """func.func @main(%n0: i64) -> i64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %c2 = arith.constant 2 : i64
  %c3 = arith.constant 3 : i64
  %r:2 = scf.while (%n = %n0, %k = %c0) : (i64, i64) -> (i64, i64) {
    %ne = arith.cmpi ne, %n, %c1 : i64
    scf.condition(%ne) %n, %k : i64, i64
  } do {
  ^bb0(%n: i64, %k: i64):
    %rem = arith.remsi %n, %c2 : i64
    %even = arith.cmpi eq, %rem, %c0 : i64
    %m = scf.if %even -> i64 {
      %h = arith.divsi %n, %c2 : i64
      scf.yield %h : i64
    } else {
      %t = arith.muli %n, %c3 : i64
      %u = arith.addi %t, %c1 : i64
      scf.yield %u : i64
    }
    %k1 = arith.addi %k, %c1 : i64
    scf.yield %m, %k1 : i64, i64
  }
  return %r#1 : i64
}"""

    def collatz(n: int) -> int:
        k = 0
        while n != 1:
            n, k = (n // 2 if n % 2 == 0 else 3 * n + 1), k + 1
        return k

    for n in (1, 6, 27):
        assert run(text, n)[0] == collatz(n)


def test_parallel_with_reduce_and_memref_stores() -> None:
    text = """func.func @main(%a: memref<4x5xf32>, %o: memref<4x5xf32>) -> (f32, f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %zero = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %r:2 = scf.parallel (%i, %j) = (%c0, %c0) to (%c4, %c5) step (%c1, %c1) init (%zero, %ninf) -> (f32, f32) {
    %x = memref.load %a[%i, %j] : memref<4x5xf32>
    %y = arith.mulf %x, %x : f32
    memref.store %y, %o[%i, %j] : memref<4x5xf32>
    scf.reduce(%x, %x : f32, f32) {
    ^bb0(%l: f32, %r: f32):
      %s = arith.addf %l, %r : f32
      scf.reduce.return %s : f32
    }, {
    ^bb0(%l: f32, %r: f32):
      %m = arith.maximumf %l, %r : f32
      scf.reduce.return %m : f32
    }
  }
  return %r#0, %r#1 : f32, f32
}"""
    a = RNG.standard_normal((4, 5)).astype(np.float32)
    o = np.zeros((4, 5), np.float32)
    s, m = run(text, a, o)
    want = np.float32(0)
    for x in a.flat:
        want = np.float32(want + x)
    assert s == want and m == a.max()
    np.testing.assert_array_equal(o, a * a)  # the memref argument is written in place


def test_index_switch_and_execute_region() -> None:
    text = """func.func @main(%k: index) -> i32 {
  %r = scf.index_switch %k -> i32
  case 2 {
    %a = arith.constant 20 : i32
    scf.yield %a : i32
  }
  case 5 {
    %b = scf.execute_region -> i32 {
      %c = arith.constant 50 : i32
      cf.br ^bb1(%c : i32)
    ^bb1(%v: i32):
      scf.yield %v : i32
    }
    scf.yield %b : i32
  }
  default {
    %d = arith.constant -1 : i32
    scf.yield %d : i32
  }
  return %r : i32
}"""
    assert [int(run(text, k)[0]) for k in (2, 5, 7)] == [20, 50, -1]


CF_LOOP = """func.func @main(%n: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %c1 = arith.constant 1 : i32
  cf.br ^loop(%c0, %c0 : i32, i32)
^loop(%i: i32, %acc: i32):
  %done = arith.cmpi sge, %i, %n : i32
  cf.cond_br %done, ^exit(%acc : i32), ^body
^body:
  %sq = arith.muli %i, %i : i32
  %a2 = arith.addi %acc, %sq : i32
  %i2 = arith.addi %i, %c1 : i32
  cf.br ^loop(%i2, %a2 : i32, i32)
^exit(%r: i32):
  return %r : i32
}"""


def test_cf_loop() -> None:
    assert run(CF_LOOP, 10)[0] == sum(i * i for i in range(10))


def test_cf_switch() -> None:
    text = """func.func @main(%f: i8) -> i32 {
  cf.switch %f : i8, [
    default: ^d,
    -1: ^a(%f : i8),
    3: ^b
  ]
^a(%x: i8):
  %ax = arith.extsi %x : i8 to i32
  return %ax : i32
^b:
  %b = arith.constant 30 : i32
  return %b : i32
^d:
  %d = arith.constant 0 : i32
  return %d : i32
}"""
    assert [int(run(text, np.int8(v))[0]) for v in (-1, 3, 4)] == [-1, 30, 0]


def test_cf_assert() -> None:
    text = """func.func @main(%x: i32) -> i32 {
  %c0 = arith.constant 0 : i32
  %ok = arith.cmpi sgt, %x, %c0 : i32
  cf.assert %ok, "x must be positive"
  return %x : i32
}"""
    assert run(text, 3)[0] == 3
    assert "test.mlir:4:3: error: 'cf.assert' op assertion failed: x must be positive" in diagnostic(text, -3)
