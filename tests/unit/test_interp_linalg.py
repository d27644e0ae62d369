"""linalg in the reference interpreter (mlir_py/interpreter_impls/linalg.py) against numpy.

Every named op, on tensors and on memrefs, and more than fifteen ``linalg.generic`` ops (elementwise, broadcasts,
reductions, transposes, convolutions with strides and dilations, ``linalg.index``, payloads the vectorizer cannot
fold) give numpy's result: f32 relative error <= 1e-5, integers exact. Out-of-bounds accesses are diagnostics.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from _helpers import interpret as run

from mlir_py.interpreter import InterpreterError

RNG = np.random.default_rng(7)


def f32(*shape: int) -> np.ndarray:
    return RNG.standard_normal(shape).astype(np.float32)


def i8(*shape: int) -> np.ndarray:
    return RNG.integers(-128, 128, shape).astype(np.int8)


def close(got: Any, want: Any) -> None:
    got, want = np.asarray(got), np.asarray(want)
    assert got.shape == want.shape, (got.shape, want.shape)
    if got.dtype.kind == "f":
        assert got.dtype == np.float32 or got.dtype == want.dtype
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5 * max(1.0, float(np.abs(want).max(initial=0))))
    else:
        np.testing.assert_array_equal(got, want)


def ttype(a: np.ndarray, kind: str = "tensor") -> str:
    et = {"float32": "f32", "int8": "i8", "int32": "i32", "int64": "i64", "float64": "f64"}[str(a.dtype)]
    return f"{kind}<{'x'.join(map(str, a.shape))}{'x' if a.ndim else ''}{et}>"


# ---------------------------------------------------------------------------------------------------------------
# references
# ---------------------------------------------------------------------------------------------------------------


def windows(x: np.ndarray, kh: int, kw: int, s: tuple[int, int], d: tuple[int, int], oh: int, ow: int,
            hw_axes: tuple[int, int]) -> np.ndarray:
    """Stacked shifted views: out[kh, kw] = x sliced at h = oh*s0 + kh*d0, w = ow*s1 + kw*d1."""
    out = []
    for i in range(kh):
        row = []
        for j in range(kw):
            sl: list[Any] = [slice(None)] * x.ndim
            sl[hw_axes[0]] = slice(i * d[0], i * d[0] + s[0] * (oh - 1) + 1, s[0])
            sl[hw_axes[1]] = slice(j * d[1], j * d[1] + s[1] * (ow - 1) + 1, s[1])
            row.append(x[tuple(sl)])
        out.append(row)
    return np.array(out)


def out_size(n: int, k: int, s: int, d: int) -> int:
    return (n - d * (k - 1) - 1) // s + 1


# ---------------------------------------------------------------------------------------------------------------
# named ops
# ---------------------------------------------------------------------------------------------------------------


def named(op: str, ins: list[np.ndarray], out: np.ndarray, attrs: str = "", tail: str = "") -> str:
    ti = ", ".join(ttype(a) for a in ins)
    names = ", ".join(f"%a{i}" for i in range(len(ins)))
    params = ", ".join(f"%a{i}: {ttype(a)}" for i, a in enumerate(ins))
    to = ttype(out)
    arrow = "" if tail else f"-> {to}"  # ops with a trailing clause (permutation, dimensions) infer the type
    return f"""func.func @main({params}, %o: {to}) -> {to} {{
  %r = linalg.{op} {attrs} ins({names} : {ti}) outs(%o : {to}) {tail} {arrow}
  return %r : {to}
}}"""


def test_matmul_f32() -> None:
    a, b, c = f32(5, 7), f32(7, 3), f32(5, 3)
    close(run(named("matmul", [a, b], c), a, b, c)[0], c + a @ b)


def test_matmul_i8_to_i32_exact() -> None:
    a, b = i8(6, 9), i8(9, 4)
    c = RNG.integers(-1000, 1000, (6, 4)).astype(np.int32)
    want = c + a.astype(np.int32) @ b.astype(np.int32)
    close(run(named("matmul", [a, b], c), a, b, c)[0], want)


def test_batch_matmul_and_matvec() -> None:
    a, b, c = f32(2, 4, 5), f32(2, 5, 3), f32(2, 4, 3)
    close(run(named("batch_matmul", [a, b], c), a, b, c)[0], c + a @ b)
    m, v, w = f32(4, 6), f32(6), f32(4)
    close(run(named("matvec", [m, v], w), m, v, w)[0], w + m @ v)


def test_fill_copy_transpose_broadcast() -> None:
    o = f32(3, 4)
    text = """func.func @main(%v: f32, %o: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %r = linalg.fill ins(%v : f32) outs(%o : tensor<3x4xf32>) -> tensor<3x4xf32>
  return %r : tensor<3x4xf32>
}"""
    close(run(text, np.float32(2.5), o)[0], np.full((3, 4), 2.5, np.float32))
    a = f32(3, 4)
    close(run(named("copy", [a], o), a, o)[0], a)
    t = f32(4, 2, 3)
    close(run(named("transpose", [t], f32(3, 4, 2), tail="permutation = [2, 0, 1]"), t, f32(3, 4, 2))[0],
          t.transpose(2, 0, 1))
    v = f32(4)
    close(run(named("broadcast", [v], f32(3, 4, 5), tail="dimensions = [0, 2]"), v, f32(3, 4, 5))[0],
          np.broadcast_to(v[None, :, None], (3, 4, 5)))


def test_map_and_reduce() -> None:
    a, b = f32(3, 4), f32(3, 4)
    text = """func.func @main(%a: tensor<3x4xf32>, %b: tensor<3x4xf32>, %o: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %r = linalg.map { arith.mulf } ins(%a, %b : tensor<3x4xf32>, tensor<3x4xf32>) outs(%o : tensor<3x4xf32>)
  return %r : tensor<3x4xf32>
}"""
    close(run(text, a, b, f32(3, 4))[0], a * b)
    x = f32(3, 4, 5)
    text = """func.func @main(%a: tensor<3x4x5xf32>, %o: tensor<4xf32>) -> tensor<4xf32> {
  %r = linalg.reduce ins(%a : tensor<3x4x5xf32>) outs(%o : tensor<4xf32>) dimensions = [0, 2]
    (%in: f32, %init: f32) {
      %m = arith.maximumf %in, %init : f32
      linalg.yield %m : f32
    }
  return %r : tensor<4xf32>
}"""
    o = np.full(4, -np.inf, np.float32)
    close(run(text, x, o)[0], x.max(axis=(0, 2)))
    text = text.replace("maximumf", "addf")
    o = f32(4)
    close(run(text, x, o)[0], o + x.sum(axis=(0, 2)))


@pytest.mark.parametrize("strides,dilations", [((1, 1), (1, 1)), ((2, 2), (1, 1)), ((2, 1), (2, 3))])
def test_conv_2d_nchw_fchw(strides: tuple[int, int], dilations: tuple[int, int]) -> None:
    n, c, h, w, f, kh, kw = 2, 3, 11, 12, 4, 3, 2
    oh, ow = out_size(h, kh, strides[0], dilations[0]), out_size(w, kw, strides[1], dilations[1])
    x, k, o = f32(n, c, h, w), f32(f, c, kh, kw), f32(n, f, oh, ow)
    win = windows(x, kh, kw, strides, dilations, oh, ow, (2, 3))  # kh, kw, n, c, oh, ow
    want = o + np.einsum("ijncyx,fcij->nfyx", win, k)
    attrs = (f"{{dilations = dense<[{dilations[0]}, {dilations[1]}]> : tensor<2xi64>, "
             f"strides = dense<[{strides[0]}, {strides[1]}]> : tensor<2xi64>}}")
    close(run(named("conv_2d_nchw_fchw", [x, k], o, attrs), x, k, o)[0], want)


def test_conv_2d_nhwc_hwcf_i8_dilated() -> None:
    n, h, w, c, f, kh, kw, s, d = 1, 9, 9, 3, 4, 3, 3, (1, 2), (2, 1)
    oh, ow = out_size(h, kh, s[0], d[0]), out_size(w, kw, s[1], d[1])
    x, k = i8(n, h, w, c), i8(kh, kw, c, f)
    o = np.zeros((n, oh, ow, f), np.int32)
    win = windows(x.astype(np.int64), kh, kw, s, d, oh, ow, (1, 2))  # kh, kw, n, oh, ow, c
    want = np.einsum("ijnyxc,ijcf->nyxf", win, k.astype(np.int64)).astype(np.int32)
    attrs = "{dilations = dense<[2, 1]> : tensor<2xi64>, strides = dense<[1, 2]> : tensor<2xi64>}"
    close(run(named("conv_2d_nhwc_hwcf", [x, k], o, attrs), x, k, o)[0], want)


def test_depthwise_convs() -> None:
    x, k = f32(1, 3, 8, 8), f32(3, 3, 3)
    o = f32(1, 3, 3, 3)
    win = windows(x, 3, 3, (2, 2), (1, 1), 3, 3, (2, 3))  # kh, kw, n, c, oh, ow
    attrs = "{dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}"
    close(run(named("depthwise_conv_2d_nchw_chw", [x, k], o, attrs), x, k, o)[0],
          o + np.einsum("ijncyx,cij->ncyx", win, k))
    x, k = f32(2, 7, 6, 4), f32(2, 3, 4)
    o = f32(2, 5, 2, 4)
    win = windows(x, 2, 3, (1, 1), (2, 2), 5, 2, (1, 2))  # kh, kw, n, oh, ow, c
    attrs = "{dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}"
    close(run(named("depthwise_conv_2d_nhwc_hwc", [x, k], o, attrs), x, k, o)[0],
          o + np.einsum("ijnyxc,ijc->nyxc", win, k))


@pytest.mark.parametrize("layout", ["nchw", "nhwc"])
@pytest.mark.parametrize("kind", ["max", "sum"])
def test_pooling(layout: str, kind: str) -> None:
    shape = (2, 3, 9, 8) if layout == "nchw" else (2, 9, 8, 3)
    axes = (2, 3) if layout == "nchw" else (1, 2)
    x = f32(*shape)
    win_t = np.zeros((3, 2), np.float32)
    oh, ow = out_size(9, 3, 2, 1), out_size(8, 2, 2, 2)
    oshape = (2, 3, oh, ow) if layout == "nchw" else (2, oh, ow, 3)
    o = np.full(oshape, -np.inf, np.float32) if kind == "max" else f32(*oshape)
    win = windows(x, 3, 2, (2, 2), (1, 2), oh, ow, axes)
    want = np.maximum(o, win.max(axis=(0, 1))) if kind == "max" else o + win.sum(axis=(0, 1))
    attrs = "{dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}"
    close(run(named(f"pooling_{layout}_{kind}", [x, win_t], o, attrs), x, win_t, o)[0], want)


def test_pack_unpack_round_trip() -> None:
    x = f32(5, 7)
    text = """func.func @main(%x: tensor<5x7xf32>, %d: tensor<4x3x2x2xf32>, %u: tensor<5x7xf32>)
    -> (tensor<4x3x2x2xf32>, tensor<5x7xf32>) {
  %pad = arith.constant 0.0 : f32
  %p = linalg.pack %x padding_value(%pad : f32) outer_dims_perm = [1, 0] inner_dims_pos = [0, 1]
       inner_tiles = [2, 2] into %d : tensor<5x7xf32> -> tensor<4x3x2x2xf32>
  %r = linalg.unpack %p outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [2, 2]
       into %u : tensor<4x3x2x2xf32> -> tensor<5x7xf32>
  return %p, %r : tensor<4x3x2x2xf32>, tensor<5x7xf32>
}"""
    p, r = run(text, x, f32(4, 3, 2, 2), f32(5, 7))
    padded = np.zeros((6, 8), np.float32)
    padded[:5, :7] = x
    want = padded.reshape(3, 2, 4, 2).transpose(2, 0, 1, 3)  # (outer w, outer h, tile h, tile w)
    close(p, want)
    close(r, x)


def test_named_ops_on_memrefs() -> None:
    a, b = f32(4, 6), f32(6, 5)
    c = f32(4, 5)
    text = """func.func @main(%a: memref<4x6xf32>, %b: memref<6x5xf32>, %c: memref<4x5xf32>) -> memref<4x5xf32> {
  linalg.matmul ins(%a, %b : memref<4x6xf32>, memref<6x5xf32>) outs(%c : memref<4x5xf32>)
  %t = memref.alloc() : memref<5x4xf32>
  linalg.transpose ins(%c : memref<4x5xf32>) outs(%t : memref<5x4xf32>) permutation = [1, 0]
  linalg.copy ins(%c : memref<4x5xf32>) outs(%c : memref<4x5xf32>)
  %z = arith.constant 1.0 : f32
  %f = memref.alloc() : memref<4x5xf32>
  linalg.fill ins(%z : f32) outs(%f : memref<4x5xf32>)
  linalg.map { arith.addf } ins(%c, %f : memref<4x5xf32>, memref<4x5xf32>) outs(%c : memref<4x5xf32>)
  return %c : memref<4x5xf32>
}"""
    want = c + a @ b + 1
    close(run(text, a, b, c.copy())[0], want)


# ---------------------------------------------------------------------------------------------------------------
# linalg.generic
# ---------------------------------------------------------------------------------------------------------------


def generic(maps: list[str], iters: list[str], ins: list[np.ndarray], out: np.ndarray, body: str,
            kind: str = "tensor") -> str:
    n = len(iters)
    dims = ", ".join(f"d{i}" for i in range(n))
    mapattrs = ", ".join(f"affine_map<({dims}) -> ({m})>" for m in maps)
    it = ", ".join(f'"{i}"' for i in iters)
    ti = ", ".join(ttype(a, kind) for a in ins)
    params = ", ".join([f"%a{i}: {ttype(a, kind)}" for i, a in enumerate(ins)] + [f"%o: {ttype(out, kind)}"])
    names = ", ".join(f"%a{i}" for i in range(len(ins)))
    ets = [ttype(a).split("x")[-1].rstrip(">").split("<")[-1] for a in [*ins, out]]
    bargs = ", ".join(f"%x{i}: {t}" for i, t in enumerate(ets))
    to = ttype(out, kind)
    res = f"-> {to}" if kind == "tensor" else ""
    ret = "%r = " if kind == "tensor" else ""
    return f"""func.func @main({params}) -> {to} {{
  {ret}linalg.generic {{indexing_maps = [{mapattrs}], iterator_types = [{it}]}}
      ins({names} : {ti}) outs(%o : {to}) {{
  ^bb0({bargs}):
{body}
  }} {res}
  return {'%r' if kind == 'tensor' else '%o'} : {to}
}}"""


ADD = "    %s = arith.addf %x0, %x1 : f32\n    linalg.yield %s : f32"
ACC = "    %m = arith.mulf %x0, %x1 : f32\n    %s = arith.addf %x2, %m : f32\n    linalg.yield %s : f32"

# (name, maps, iterators, inputs, output, body, reference)
GENERICS: list[tuple[str, list[str], list[str], list[np.ndarray], np.ndarray, str, Any]] = []


def case(name: str, maps: list[str], iters: list[str], ins: list[np.ndarray], out: np.ndarray, body: str,
         ref: Any) -> None:
    GENERICS.append((name, maps, iters, ins, out, body, ref))


P, R = "parallel", "reduction"
_a, _b = f32(6, 5), f32(6, 5)
case("add", ["d0, d1", "d0, d1", "d0, d1"], [P, P], [_a, _b], f32(6, 5), ADD, lambda a, b, o: a + b)
case("bias_row", ["d0, d1", "d1", "d0, d1"], [P, P], [_a, f32(5)], f32(6, 5), ADD, lambda a, b, o: a + b)
case("bias_col", ["d0, d1", "d0", "d0, d1"], [P, P], [_a, f32(6)], f32(6, 5), ADD, lambda a, b, o: a + b[:, None])
case("const_index", ["d0, d1", "d0, 2", "d0, d1"], [P, P], [_a, f32(6, 4)], f32(6, 5), ADD,
     lambda a, b, o: a + b[:, 2:3])
case("transpose", ["d1, d0", "d0, d1"], [P, P], [f32(5, 6)], f32(6, 5), "    linalg.yield %x0 : f32",
     lambda a, o: a.T)
case("permute3", ["d2, d0, d1", "d0, d1, d2"], [P, P, P], [f32(4, 2, 3)], f32(2, 3, 4),
     "    linalg.yield %x0 : f32", lambda a, o: a.transpose(1, 2, 0))
case("broadcast_outer", ["d1", "d0, d1"], [P, P], [f32(5)], f32(3, 5), "    linalg.yield %x0 : f32",
     lambda a, o: np.broadcast_to(a, (3, 5)))
case("row_sum", ["d0, d1", "d0"], [P, R], [_a], f32(6),
     "    %s = arith.addf %x0, %x1 : f32\n    linalg.yield %s : f32", lambda a, o: o + a.sum(1))
case("col_max", ["d0, d1", "d1"], [R, P], [_a], f32(5),
     "    %s = arith.maximumf %x1, %x0 : f32\n    linalg.yield %s : f32", lambda a, o: np.maximum(o, a.max(0)))
case("total_sum", ["d0, d1", ""], [R, R], [_a], np.zeros((), np.float32),
     "    %s = arith.addf %x0, %x1 : f32\n    linalg.yield %s : f32", lambda a, o: o + a.sum())
case("matmul", ["d0, d2", "d2, d1", "d0, d1"], [P, P, R], [f32(7, 9), f32(9, 4)], f32(7, 4), ACC,
     lambda a, b, o: o + a @ b)
case("matmul_transposed_b", ["d0, d2", "d1, d2", "d0, d1"], [P, P, R], [f32(7, 9), f32(4, 9)], f32(7, 4), ACC,
     lambda a, b, o: o + a @ b.T)
case("conv1d_strided_dilated", ["d0 * 2 + d1 * 3", "d1", "d0"], [P, R], [f32(20), f32(3)], f32(7), ACC,
     lambda x, k, o: o + sum(x[j * 3: j * 3 + 13: 2] * k[j] for j in range(3)))
_x, _k = f32(1, 2, 9, 10), f32(3, 2, 2, 3)
case("conv2d_nchw_s2_d2", ["d0, d4, d2 * 2 + d5 * 2, d3 * 2 + d6", "d1, d4, d5, d6", "d0, d1, d2, d3"],
     [P, P, P, P, R, R, R], [_x, _k], f32(1, 3, 3, 4), ACC,
     lambda x, k, o: o + np.einsum("ijncyx,fcij->nfyx", windows(x, 2, 3, (2, 2), (2, 1), 3, 4, (2, 3)), k))
case("index", ["d0, d1", "d0, d1"], [P, P], [_a], f32(6, 5),
     "    %i = linalg.index 0 : index\n    %j = linalg.index 1 : index\n"
     "    %c = arith.constant 10 : index\n    %t = arith.muli %i, %c : index\n    %u = arith.addi %t, %j : index\n"
     "    %v = arith.index_cast %u : index to i32\n    %f = arith.sitofp %v : i32 to f32\n"
     "    %s = arith.addf %x0, %f : f32\n    linalg.yield %s : f32",
     lambda a, o: a + (np.arange(6)[:, None] * 10 + np.arange(5)).astype(np.float32))
case("relu_select", ["d0, d1", "d0, d1"], [P, P], [_a], f32(6, 5),
     "    %z = arith.constant 0.0 : f32\n    %c = arith.cmpf ogt, %x0, %z : f32\n"
     "    %s = arith.select %c, %x0, %z : f32\n    linalg.yield %s : f32", lambda a, o: np.maximum(a, 0))
case("exp_tanh", ["d0, d1", "d0, d1"], [P, P], [_a], f32(6, 5),
     "    %e = math.exp %x0 : f32\n    %t = math.tanh %e : f32\n    linalg.yield %t : f32",
     lambda a, o: np.tanh(np.exp(a.astype(np.float64))).astype(np.float32))
case("sequential_decay", ["d0, d1", "d0"], [P, R], [_a], f32(6),  # out = out * 0.5 + x: not a plain fold
     "    %h = arith.constant 0.5 : f32\n    %m = arith.mulf %x1, %h : f32\n"
     "    %s = arith.addf %m, %x0 : f32\n    linalg.yield %s : f32",
     lambda a, o: _decay(a, o))
case("diagonal", ["d0, d0", "d0"], [P], [f32(5, 5)], f32(5), "    linalg.yield %x0 : f32",
     lambda a, o: np.diag(a).copy())
case("sum_of_squares", ["d0, d1", "d0"], [P, R], [_a], f32(6),
     "    %m = arith.mulf %x0, %x0 : f32\n    %s = arith.addf %m, %x1 : f32\n    linalg.yield %s : f32",
     lambda a, o: o + (a * a).sum(1))


def _decay(a: np.ndarray, o: np.ndarray) -> np.ndarray:
    acc = o.copy()
    for j in range(a.shape[1]):
        acc = (acc * np.float32(0.5) + a[:, j]).astype(np.float32)
    return acc


@pytest.mark.parametrize("name,maps,iters,ins,out,body,ref", GENERICS, ids=[g[0] for g in GENERICS])
def test_generic(name: str, maps: list[str], iters: list[str], ins: list[np.ndarray], out: np.ndarray, body: str,
                 ref: Any) -> None:
    text = generic(maps, iters, ins, out, body)
    close(run(text, *ins, out.copy())[0], ref(*ins, out))


@pytest.mark.parametrize("name", ["matmul", "row_sum", "bias_row", "conv2d_nchw_s2_d2"])
def test_generic_on_memrefs(name: str) -> None:
    _, maps, iters, ins, out, body, ref = next(g for g in GENERICS if g[0] == name)
    text = generic(maps, iters, ins, out, body, kind="memref")
    close(run(text, *ins, out.copy())[0], ref(*ins, out))


def test_generic_integer_contraction_wraps() -> None:
    a = RNG.integers(-2**31, 2**31, (4, 8)).astype(np.int32)
    b = RNG.integers(-2**31, 2**31, (8, 3)).astype(np.int32)
    o = np.zeros((4, 3), np.int32)
    body = "    %m = arith.muli %x0, %x1 : i32\n    %s = arith.addi %x2, %m : i32\n    linalg.yield %s : i32"
    text = generic(["d0, d2", "d2, d1", "d0, d1"], [P, P, R], [a, b], o, body)
    want = ((a.astype(object) @ b.astype(object)) % 2**32).astype(np.int64)
    want = np.where(want >= 2**31, want - 2**32, want).astype(np.int32)
    close(run(text, a, b, o)[0], want)


def test_generic_two_outputs_argmax() -> None:
    a = f32(4, 7)
    text = """func.func @main(%a: tensor<4x7xf32>, %m: tensor<4xf32>, %i: tensor<4xi64>) -> (tensor<4xf32>, tensor<4xi64>) {
  %r:2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>,
                                          affine_map<(d0, d1) -> (d0)>],
                         iterator_types = ["parallel", "reduction"]}
      ins(%a : tensor<4x7xf32>) outs(%m, %i : tensor<4xf32>, tensor<4xi64>) {
  ^bb0(%x: f32, %best: f32, %bi: i64):
    %j = linalg.index 1 : index
    %jj = arith.index_cast %j : index to i64
    %gt = arith.cmpf ogt, %x, %best : f32
    %nb = arith.select %gt, %x, %best : f32
    %ni = arith.select %gt, %jj, %bi : i64
    linalg.yield %nb, %ni : f32, i64
  } -> (tensor<4xf32>, tensor<4xi64>)
  return %r#0, %r#1 : tensor<4xf32>, tensor<4xi64>
}"""
    m, i = run(text, a, np.full(4, -np.inf, np.float32), np.zeros(4, np.int64))
    close(m, a.max(1))
    close(i, a.argmax(1).astype(np.int64))


def test_generic_out_of_bounds_is_diagnosed() -> None:
    a = f32(6)
    text = generic(["d0 + 1", "d0"], [P], [a], f32(6), "    linalg.yield %x0 : f32").replace("tensor<6xf32>", "tensor<?xf32>")
    with pytest.raises(InterpreterError, match=r"operand #0 is accessed at index 6 of dimension 0 \(size 6\) "
                                               r"\(out of bounds, undefined behavior\)"):
        run(text, a, f32(6))


def test_pack_without_padding_value_is_diagnosed() -> None:
    text = """func.func @main(%x: tensor<?x8xf32>, %d: tensor<3x4x2x2xf32>) -> tensor<3x4x2x2xf32> {
  %p = linalg.pack %x inner_dims_pos = [0, 1] inner_tiles = [2, 2] into %d : tensor<?x8xf32> -> tensor<3x4x2x2xf32>
  return %p : tensor<3x4x2x2xf32>
}"""
    with pytest.raises(InterpreterError, match="no padding_value"):
        run(text, f32(5, 8), f32(3, 4, 2, 2))


@pytest.mark.parametrize("name", ["matmul", "row_sum", "sequential_decay", "conv2d_nchw_s2_d2", "index", "add"])
def test_generic_in_small_chunks(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The iteration space split into chunks (a tiny working-set budget) gives the same result."""
    from mlir_py.interpreter_impls import linalg as impl

    monkeypatch.setattr(impl, "BUDGET_BYTES", 64)
    _, maps, iters, ins, out, body, ref = next(g for g in GENERICS if g[0] == name)
    close(run(generic(maps, iters, ins, out, body), *ins, out.copy())[0], ref(*ins, out))


def test_generic_payload_with_gather_and_region_op() -> None:
    """``tensor.extract`` of an outer tensor (a gather, vectorized) and an ``scf.if`` (the per-point path)."""
    table, idx = f32(10), RNG.integers(0, 10, (3, 4)).astype(np.int64)
    text = """func.func @main(%t: tensor<10xf32>, %i: tensor<3x4xi64>, %o: tensor<3x4xf32>) -> (tensor<3x4xf32>, tensor<3x4xf32>) {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]} ins(%i : tensor<3x4xi64>) outs(%o : tensor<3x4xf32>) {
  ^bb0(%k: i64, %y: f32):
    %kk = arith.index_cast %k : i64 to index
    %v = tensor.extract %t[%kk] : tensor<10xf32>
    linalg.yield %v : f32
  } -> tensor<3x4xf32>
  %s = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]} ins(%r : tensor<3x4xf32>) outs(%o : tensor<3x4xf32>) {
  ^bb0(%x: f32, %y: f32):
    %z = arith.constant 0.0 : f32
    %c = arith.cmpf olt, %x, %z : f32
    %v = scf.if %c -> f32 {
      %n = arith.negf %x : f32
      scf.yield %n : f32
    } else {
      scf.yield %x : f32
    }
    %j = linalg.index 1 : index
    %jj = arith.index_cast %j : index to i32
    %jf = arith.sitofp %jj : i32 to f32
    %w = arith.addf %v, %jf : f32
    linalg.yield %w : f32
  } -> tensor<3x4xf32>
  return %r, %s : tensor<3x4xf32>, tensor<3x4xf32>
}"""
    r, s = run(text, table, idx, f32(3, 4))
    close(r, table[idx])
    close(s, np.abs(table[idx]) + np.arange(4, dtype=np.float32))


def test_generic_dynamic_shapes_and_bf16() -> None:
    text = """func.func @main(%a: tensor<?x?xbf16>, %b: tensor<?x?xbf16>) -> tensor<?x?xbf16> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]} ins(%a : tensor<?x?xbf16>) outs(%b : tensor<?x?xbf16>) {
  ^bb0(%x: bf16, %y: bf16):
    %s = arith.mulf %x, %y : bf16
    linalg.yield %s : bf16
  } -> tensor<?x?xbf16>
  return %r : tensor<?x?xbf16>
}"""
    from mlir_py.interpreter import round_float

    a, b = round_float(f32(3, 5), "bf16"), round_float(f32(3, 5), "bf16")
    (r,) = run(text, a, b)
    np.testing.assert_array_equal(r, round_float(a.astype(np.float64) * b, "bf16"))


def test_reduce_two_outputs_and_conv_on_memrefs() -> None:
    x, k = f32(1, 2, 6, 6), f32(3, 2, 3, 3)
    o = np.zeros((1, 3, 2, 2), np.float32)
    text = """func.func @main(%x: memref<1x2x6x6xf32>, %k: memref<3x2x3x3xf32>, %o: memref<1x3x2x2xf32>) -> memref<1x3x2x2xf32> {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%x, %k : memref<1x2x6x6xf32>, memref<3x2x3x3xf32>) outs(%o : memref<1x3x2x2xf32>)
  return %o : memref<1x3x2x2xf32>
}"""
    win = windows(x, 3, 3, (2, 2), (1, 1), 2, 2, (2, 3))
    close(run(text, x, k, o)[0], np.einsum("ijncyx,fcij->nfyx", win, k))
    a, b = f32(4, 5), f32(4, 5)
    text = """func.func @main(%a: tensor<4x5xf32>, %b: tensor<4x5xf32>, %s: tensor<5xf32>, %m: tensor<5xf32>) -> (tensor<5xf32>, tensor<5xf32>) {
  %r:2 = linalg.reduce ins(%a, %b : tensor<4x5xf32>, tensor<4x5xf32>) outs(%s, %m : tensor<5xf32>, tensor<5xf32>) dimensions = [0]
    (%x: f32, %y: f32, %acc: f32, %mx: f32) {
      %p = arith.mulf %x, %y : f32
      %q = arith.addf %p, %acc : f32
      %n = arith.maximumf %x, %mx : f32
      linalg.yield %q, %n : f32, f32
    }
  return %r#0, %r#1 : tensor<5xf32>, tensor<5xf32>
}"""
    s0, m0 = f32(5), np.full(5, -np.inf, np.float32)
    s, m = run(text, a, b, s0, m0)
    close(s, s0 + (a * b).sum(0))
    close(m, a.max(0))


def test_generic_reversed_map_scalar_operand_and_empty_space() -> None:
    a = f32(5)
    text = generic(["4 - d0", "d0"], [P], [a], f32(5), "    linalg.yield %x0 : f32")
    close(run(text, a, f32(5))[0], a[::-1])
    text = """func.func @main(%a: tensor<2x3xf32>, %s: f32, %o: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> ()>,
                                        affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
      ins(%a, %s : tensor<2x3xf32>, f32) outs(%o : tensor<2x3xf32>) {
  ^bb0(%x: f32, %y: f32, %z: f32):
    %m = arith.mulf %x, %y : f32
    linalg.yield %m : f32
  } -> tensor<2x3xf32>
  return %r : tensor<2x3xf32>
}"""
    x = f32(2, 3)
    close(run(text, x, np.float32(3), f32(2, 3))[0], x * np.float32(3))
    text = """func.func @main(%a: tensor<?x3xf32>, %o: tensor<3xf32>) -> tensor<3xf32> {
  %r = linalg.reduce { arith.addf } ins(%a : tensor<?x3xf32>) outs(%o : tensor<3xf32>) dimensions = [0]
  return %r : tensor<3xf32>
}"""
    o = f32(3)
    close(run(text, np.zeros((0, 3), np.float32), o)[0], o)


@pytest.mark.parametrize("name", [g[0] for g in GENERICS])
def test_vectorized_engine_equals_the_loop_definition(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every generic case run point by point (the scalar path: the loop nest of the definition, payload run by the
    interpreter) gives the vectorized engine's result."""
    from mlir_py.interpreter_impls import linalg as impl

    _, maps, iters, ins, out, body, _ = next(g for g in GENERICS if g[0] == name)
    text = generic(maps, iters, ins, out, body)
    fast = run(text, *ins, out.copy())[0]
    real = impl.make_plan
    monkeypatch.setattr(impl, "make_plan", lambda op: impl.Plan(real(op).maps, None, "scalar"))
    close(fast, run(text, *ins, out.copy())[0])


def random_generic(seed: int) -> tuple[str, list[np.ndarray]]:
    """A random generic: 1-4 loops, random iterators, inputs on random subsets/permutations of the loops (or affine
    ``d_i * s + d_j``), the output on the parallel loops, a payload mixing the inputs with the output element."""
    r = np.random.default_rng(seed)
    n = int(r.integers(1, 5))
    sizes = [int(r.integers(1, 5)) for _ in range(n)]
    iters = [R if r.random() < 0.4 else P for _ in range(n)]
    ins, maps = [], []
    for k in range(int(r.integers(1, 4))):
        # the first input reads every loop (so the maps are invertible: loop ranges come from its shape)
        dims = [int(d) for d in r.permutation(n)[: n if k == 0 else int(r.integers(0, n + 1))]]
        exprs, shape = [], []
        for d in dims:
            if r.random() < 0.25 and n > 1 and k > 0:
                e = int((d + 1) % n)
                exprs.append(f"d{d} * 2 + d{e}")
                shape.append(2 * (sizes[d] - 1) + sizes[e])
            else:
                exprs.append(f"d{d}")
                shape.append(sizes[d])
        maps.append(", ".join(exprs))
        ins.append(f32(*shape))
    outs = [d for d in range(n) if iters[d] == P]
    maps.append(", ".join(f"d{d}" for d in outs))
    out = f32(*[sizes[d] for d in outs])
    lines, acc = [], "%x0"
    for i in range(1, len(ins)):
        op = ["arith.addf", "arith.mulf", "arith.maximumf"][int(r.integers(3))]
        lines.append(f"    %v{i} = {op} {acc}, %x{i} : f32")
        acc = f"%v{i}"
    k = len(ins)
    comb = ["arith.addf", "arith.maximumf", "arith.minimumf", "arith.subf"][int(r.integers(4))]
    lines.append(f"    %y = {comb} %x{k}, {acc} : f32\n    linalg.yield %y : f32")
    return generic(maps, iters, ins, out, "\n".join(lines)), [*ins, out]


@pytest.mark.parametrize("seed", range(24))
def test_random_generics_equal_the_loop_definition(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from mlir_py.interpreter_impls import linalg as impl

    text, args = random_generic(seed)
    fast = run(text, *[a.copy() for a in args])[0]
    real = impl.make_plan
    monkeypatch.setattr(impl, "make_plan", lambda op: impl.Plan(real(op).maps, None, "scalar"))
    close(fast, run(text, *[a.copy() for a in args])[0])
