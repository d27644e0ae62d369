"""The DSA simulator computes exactly what numpy does: tiled matmuls for N in {8, 16, 32} in int8 (with
scale-round-clip) and f32, max pooling and top-k through the sort unit, the vector unit and the primitive's pre-
and post-processing, DMA transforms; batched loop nests give the tile-by-tile results; runtime errors are located
diagnostics."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import numpy as np
import pytest

from mlir_py.dialect import Context
from mlir_py.dsa_sim import SimError, SimResult, simulate
from mlir_py.verifier import verify

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("matmul_gen", ROOT / "examples" / "dsa" / "matmul_gen.py")
assert _spec is not None and _spec.loader is not None
matmul_gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(matmul_gen)


def parse(text: str) -> object:
    module = Context().parser.parse(text, "test.mlir")
    verify(module)
    return module


def kernel(body: str, args: str, target: str = "n = 16") -> object:
    return parse(f"module attributes {{dsa.target = #dsa.target<{target}>}} {{\n"
                 f"func.func @k({args}) attributes {{dsa.kernel}} {{\n"
                 + "\n".join(f"%c{i} = arith.constant {i} : index" for i in (0, 1, 2, 4, 8, 16))
                 + f"\n%true = arith.constant true\n{body}\nreturn\n}}\n}}\n")


def run(module: object, inputs: list[np.ndarray], entry: str = "k", **kw: object) -> SimResult:
    return simulate(module, entry, inputs, **kw)  # type: ignore[arg-type]


def inputs_for(dtype: str, m: int, k: int, n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    if dtype == "f32":
        return rng.standard_normal((m, k)).astype(np.float32), rng.standard_normal((k, n)).astype(np.float32)
    return (rng.integers(-128, 128, (m, k), endpoint=False).astype(np.int8),
            rng.integers(-128, 128, (k, n), endpoint=False).astype(np.int8))


# --- tiled matmuls ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("tile", [8, 16, 32])
@pytest.mark.parametrize("dtype", ["f32", "i8"])
@pytest.mark.parametrize("double_buffer", [True, False])
def test_tiled_matmul_equals_numpy(tile: int, dtype: str, double_buffer: bool) -> None:
    """Hand-written tiled matmuls (examples/dsa/matmul_gen.py) with partial tiles at every edge: exact for
    int8 → i32 → scale-round-clip → int8, within 1e-5 relative for f32; batched = tile by tile."""
    m, k, n = 3 * tile + 5, 4 * tile - 3, 2 * tile + 7
    scale = (37, 11)
    module = parse(matmul_gen.matmul_kernel(m, k, n, tile=tile, dtype=dtype, double_buffer=double_buffer,
                                            block=(2, 2), scale=scale, relu=dtype == "f32"))
    a, b = inputs_for(dtype, m, k, n)
    ref = matmul_gen.reference(a, b, dtype, relu=dtype == "f32", scale=scale)
    res = run(module, [a, b], entry="matmul")
    out = res.outputs[0]
    if dtype == "i8":
        assert out.dtype == np.int8
        np.testing.assert_array_equal(out, ref)
        assert len(np.unique(out)) > 20  # the scale keeps the values interesting (not all clipped)
    else:
        np.testing.assert_allclose(out, ref, rtol=1e-5, atol=1e-5 * np.abs(ref).max())
    slow = run(module, [a, b], entry="matmul", batch=False)
    np.testing.assert_array_equal(slow.outputs[0], out)
    assert slow.report.to_dict() == res.report.to_dict()


@pytest.mark.parametrize("size,block", [((64, 96, 80), (4, 2)), ((48, 16, 160), (1, 4)), ((160, 48, 32), (3, 1))])
def test_batched_equals_tile_by_tile(size: tuple[int, int, int], block: tuple[int, int]) -> None:
    """Batched loop nests (several chunks, accumulation chains, ping-pong buffers reused across blocks) give
    bit-identical outputs and identical statistics."""
    import mlir_py.dsa_sim.batch as batch

    module = parse(matmul_gen.matmul_kernel(*size, tile=16, dtype="f32", block=block))
    a, b = inputs_for("f32", *size, seed=3)
    old = batch.CHUNK_ELEMENTS
    batch.CHUNK_ELEMENTS = 50_000  # force many chunks
    try:
        fast = run(module, [a, b], entry="matmul")
    finally:
        batch.CHUNK_ELEMENTS = old
    slow = run(module, [a, b], entry="matmul", batch=False)
    np.testing.assert_array_equal(fast.outputs[0], slow.outputs[0])
    assert fast.report.to_dict() == slow.report.to_dict()
    assert fast.report.batched_loops > 0


def test_int32_accumulation_wraps_and_int16() -> None:
    """i32 accumulators wrap modulo 2^32 (the i32 MAC's arithmetic); i16 products are exact."""
    t32, d32 = "memref<4x4xi32, #dsa.sram>", "memref<4x4xi32, #dsa.dram>"
    t16, d16 = "memref<4x4xi16, #dsa.sram>", "memref<4x4xi16, #dsa.dram>"
    body = f"""
%a = dsa.buffer at 0 : {t32}
%c = dsa.buffer at 64 : {t32}
%a16 = dsa.buffer at 128 : {t16}
%acc16 = dsa.buffer at 192 : {t32}
%t0 = dsa.dma_load %A[%c0, %c0] [4, 4] into %a[] : {d32}, {t32}
%t1 = dsa.dma_load %A16[%c0, %c0] [4, 4] into %a16[] : {d16}, {t16}
%m0 = dsa.matmul %a[], %a[], %c[] after(%t0) : {t32}, {t32}, {t32}
%m1 = dsa.matmul %a16[], %a16[], %acc16[] after(%t1) : {t16}, {t16}, {t32}
%s0 = dsa.dma_store %c[] into %C[%c0, %c0] [4, 4] after(%m0) : {t32}, {d32}
%s1 = dsa.dma_store %acc16[] into %C16[%c0, %c0] [4, 4] after(%m1) : {t32}, {d32}
dsa.wait %s0, %s1"""
    module = kernel(body, f"%A: {d32}, %A16: {d16}, %C: {d32} {{dsa.output}}, %C16: {d32} {{dsa.output}}",
                    target="n = 4")
    rng = np.random.default_rng(0)
    a = rng.integers(-(2**31), 2**31, (4, 4), dtype=np.int64).astype(np.int32)
    a16 = rng.integers(-(2**15), 2**15, (4, 4)).astype(np.int16)
    c, c16 = run(module, [a, a16]).outputs
    np.testing.assert_array_equal(c, (a.astype(np.int64) @ a.astype(np.int64)).astype(np.int32))
    np.testing.assert_array_equal(c16, (a16.astype(np.int64) @ a16.astype(np.int64)).astype(np.int32))


def test_matmul_pre_and_post_processing() -> None:
    """transpose_lhs / transpose_rhs, zero padding of partial tiles, bias, ReLU, clip, an f32 scale; the raw sum
    stays in the accumulator when an output tile is given."""
    body = """
%a = dsa.buffer at 0 : memref<5x8xf32, #dsa.sram>
%b = dsa.buffer at 256 : memref<6x5xf32, #dsa.sram>
%acc = dsa.buffer at 512 : memref<8x6xf32, #dsa.sram>
%out = dsa.buffer at 768 : memref<8x6xf32, #dsa.sram>
%bias = dsa.buffer at 1024 : memref<6xf32, #dsa.sram>
%t0 = dsa.dma_load %A[%c0, %c0] [5, 8] into %a[] : memref<5x8xf32, #dsa.dram>, memref<5x8xf32, #dsa.sram>
%t1 = dsa.dma_load %B[%c0, %c0] [6, 5] into %b[] : memref<6x5xf32, #dsa.dram>, memref<6x5xf32, #dsa.sram>
%t2 = dsa.dma_load %Bias[%c0] [6] into %bias[] : memref<6xf32, #dsa.dram>, memref<6xf32, #dsa.sram>
%m = dsa.matmul %a[], %b[], %acc[] transpose_lhs transpose_rhs pad -> %out[] bias %bias[] relu clip(0.0, 1.5) scale(0.5) after(%t0, %t1, %t2) : memref<5x8xf32, #dsa.sram>, memref<6x5xf32, #dsa.sram>, memref<8x6xf32, #dsa.sram>, memref<8x6xf32, #dsa.sram>, memref<6xf32, #dsa.sram>
%s0 = dsa.dma_store %out[] into %O[%c0, %c0] [8, 6] after(%m) : memref<8x6xf32, #dsa.sram>, memref<8x6xf32, #dsa.dram>
%s1 = dsa.dma_store %acc[] into %S[%c0, %c0] [8, 6] after(%m) : memref<8x6xf32, #dsa.sram>, memref<8x6xf32, #dsa.dram>
dsa.wait %s0, %s1"""
    module = kernel(body, "%A: memref<5x8xf32, #dsa.dram>, %B: memref<6x5xf32, #dsa.dram>, %Bias: memref<6xf32, "
                    "#dsa.dram>, %O: memref<8x6xf32, #dsa.dram> {dsa.output}, %S: memref<8x6xf32, #dsa.dram> "
                    "{dsa.output}", target="n = 8")
    rng = np.random.default_rng(2)
    a, b, bias = (rng.standard_normal(s).astype(np.float32) for s in ((5, 8), (6, 5), (6,)))
    res = run(module, [a, b, bias])
    s = a.T @ b.T
    np.testing.assert_allclose(res.outputs[1], s, rtol=1e-6)
    np.testing.assert_allclose(res.outputs[0], np.clip(np.maximum(s + bias, 0) * 0.5, 0, 1.5), rtol=1e-6)
    assert res.report["macs"] == 8 * 6 * 5 and res.report["hw_macs"] == 8 ** 3


def test_scale_round_clip_rounds_half_away_from_zero() -> None:
    """scale(m, shift) = round(x·m / 2^shift), ties away from zero, then clip and saturate to i8."""
    t32, t8 = "memref<1x8xi32, #dsa.sram>", "memref<1x8xi8, #dsa.sram>"
    body = f"""
%x = dsa.buffer at 0 : {t32}
%y = dsa.buffer at 64 : {t8}
%t0 = dsa.dma_load %X[%c0, %c0] [1, 8] into %x[] : memref<1x8xi32, #dsa.dram>, {t32}
%t1 = dsa.vector copy %x[] into %y[] scale(3, 2) after(%t0) : {t32}, {t8}
%t2 = dsa.dma_store %y[] into %Y[%c0, %c0] [1, 8] after(%t1) : {t8}, memref<1x8xi8, #dsa.dram>
dsa.wait %t2"""
    module = kernel(body, "%X: memref<1x8xi32, #dsa.dram>, %Y: memref<1x8xi8, #dsa.dram> {dsa.output}")
    x = np.array([[2, -2, 6, -6, 1, -1, 1000, -1000]], dtype=np.int32)
    # x·3/4 = 1.5, -1.5, 4.5, -4.5, 0.75, -0.75, 750, -750
    np.testing.assert_array_equal(run(module, [x]).outputs[0], [[2, -2, 5, -5, 1, -1, 127, -128]])


def test_vector_unit() -> None:
    """add / sub / mul / max / min / copy on tiles; integers exact then saturated; i16 → f32 copy."""
    t, d = "memref<4x8xi16, #dsa.sram>", "memref<4x8xi16, #dsa.dram>"
    z_t = "memref<5x4x8xi16, #dsa.sram>"
    kinds = ["add", "sub", "mul", "max", "min"]
    body = [f"%x = dsa.buffer at 0 : {t}", f"%y = dsa.buffer at 64 : {t}", f"%z = dsa.buffer at 128 : {z_t}",
            "%f = dsa.buffer at 1024 : memref<4x8xf32, #dsa.sram>",
            f"%t0 = dsa.dma_load %X[%c0, %c0] [4, 8] into %x[] : {d}, {t}",
            f"%t1 = dsa.dma_load %Y[%c0, %c0] [4, 8] into %y[] : {d}, {t}"]
    for i, kind in enumerate(kinds):
        body.append(f"%c_{kind} = arith.constant {i} : index")
        body.append(f"%v_{kind} = dsa.vector {kind} %x[], %y[] into %z[%c_{kind}] after(%t0, %t1) : {t}, {t}, {z_t}")
    body.append(f"%cv = dsa.vector copy %x[] into %f[] after(%t0) : {t}, memref<4x8xf32, #dsa.sram>")
    body.append("%s0 = dsa.dma_store %z[] into %Z[%c0, %c0] [20, 8] after("
                + ", ".join(f"%v_{k}" for k in kinds) + f") : {z_t}, memref<20x8xi16, #dsa.dram>")
    body.append("%s1 = dsa.dma_store %f[] into %F[%c0, %c0] [4, 8] after(%cv) : memref<4x8xf32, #dsa.sram>, "
                "memref<4x8xf32, #dsa.dram>")
    body.append("dsa.wait %s0, %s1")
    module = kernel("\n".join(body), f"%X: {d}, %Y: {d}, %Z: memref<20x8xi16, #dsa.dram> {{dsa.output}}, "
                    "%F: memref<4x8xf32, #dsa.dram> {dsa.output}")
    rng = np.random.default_rng(4)
    x, y = (rng.integers(-30000, 30000, (4, 8)).astype(np.int16) for _ in range(2))
    res = run(module, [x, y])
    z, f = res.outputs
    wide = x.astype(np.int64), y.astype(np.int64)
    expect = [wide[0] + wide[1], wide[0] - wide[1], wide[0] * wide[1], np.maximum(*wide), np.minimum(*wide)]
    np.testing.assert_array_equal(z.reshape(5, 4, 8), np.clip(expect, -(2**15), 2**15 - 1))
    np.testing.assert_array_equal(f, x.astype(np.float32))
    assert res.report["vector_elements"] == 6 * 32
    assert res.report["energy_by_category_pj"]["vector"] == 6 * 32 * 1.0  # i16: 1 pJ per element op


def test_maxpool_through_the_sort_unit() -> None:
    """2×2/2 max pooling of an NHWC feature map (16×16×8), two row bands of 8 input rows in a loop, equals
    numpy's."""
    tin, tout = "memref<2x8x16x8xf32, #dsa.sram>", "memref<2x4x8x8xf32, #dsa.sram>"
    body = f"""
%x = dsa.buffer at 0 : {tin}
%y = dsa.buffer at 8192 : {tout}
%ready = dsa.join()
%r = scf.for %band = %c0 to %c2 step %c1 iter_args(%t = %ready) -> (!dsa.token) {{
  %row = arith.muli %band, %c8 : index
  %orow = arith.muli %band, %c4 : index
  %l = dsa.dma_load %X[%row, %c0, %c0] [8, 16, 8] into %x[%band] : memref<16x16x8xf32, #dsa.dram>, {tin}
  %p = dsa.maxpool %x[%band] window [2, 2] strides [2, 2] into %y[%band] after(%l) : {tin}, {tout}
  %s = dsa.dma_store %y[%band] into %Y[%orow, %c0, %c0] [4, 8, 8] after(%p) : {tout}, memref<8x8x8xf32, #dsa.dram>
  scf.yield %s : !dsa.token
}}
dsa.wait %r"""
    module = kernel(body, "%X: memref<16x16x8xf32, #dsa.dram>, %Y: memref<8x8x8xf32, #dsa.dram> {dsa.output}")
    x = np.random.default_rng(5).standard_normal((16, 16, 8)).astype(np.float32)
    ref = x.reshape(8, 2, 8, 2, 8).max(axis=(1, 3))
    for batch in (True, False):
        res = run(module, [x], batch=batch)
        np.testing.assert_array_equal(res.outputs[0], ref)
        assert res.report["sort_comparisons"] == 2 * 4 * 8 * 8 * 3


def test_topk() -> None:
    """Top-k per row in descending order, indices as i32, ties to the lower index."""
    body = """
%x = dsa.buffer at 0 : memref<3x10xi8, #dsa.sram>
%v = dsa.buffer at 64 : memref<3x4xi8, #dsa.sram>
%i = dsa.buffer at 128 : memref<3x4xi32, #dsa.sram>
%t0 = dsa.dma_load %X[%c0, %c0] [3, 10] into %x[] : memref<3x10xi8, #dsa.dram>, memref<3x10xi8, #dsa.sram>
%t1 = dsa.topk %x[] k 4 into %v[], %i[] after(%t0) : memref<3x10xi8, #dsa.sram>, memref<3x4xi8, #dsa.sram>, memref<3x4xi32, #dsa.sram>
%s0 = dsa.dma_store %v[] into %V[%c0, %c0] [3, 4] after(%t1) : memref<3x4xi8, #dsa.sram>, memref<3x4xi8, #dsa.dram>
%s1 = dsa.dma_store %i[] into %I[%c0, %c0] [3, 4] after(%t1) : memref<3x4xi32, #dsa.sram>, memref<3x4xi32, #dsa.dram>
dsa.wait %s0, %s1"""
    module = kernel(body, "%X: memref<3x10xi8, #dsa.dram>, %V: memref<3x4xi8, #dsa.dram> {dsa.output}, "
                    "%I: memref<3x4xi32, #dsa.dram> {dsa.output}")
    x = np.array([[5, 1, 5, -128, 127, 0, 3, 3, 2, 127], [0] * 10, list(range(-5, 5))], dtype=np.int8)
    v, i = run(module, [x]).outputs
    order = np.argsort(-x.astype(np.int64), axis=1, kind="stable")[:, :4]
    np.testing.assert_array_equal(i, order)
    np.testing.assert_array_equal(v, np.take_along_axis(x, order, axis=1))
    assert i[0].tolist() == [4, 9, 0, 2]


def test_dma_transforms() -> None:
    """permutation (transpose), strides (every other row), masked boxes with negative offsets (zero padding),
    and a box reshaped into a tile of another shape."""
    body = """
%a = dsa.buffer at 0 : memref<4x8xf32, #dsa.sram>
%b = dsa.buffer at 128 : memref<4x8xf32, #dsa.sram>
%c = dsa.buffer at 256 : memref<4x8xf32, #dsa.sram>
%d = dsa.buffer at 384 : memref<32xf32, #dsa.sram>
%m2 = arith.constant -2 : index
%t0 = dsa.dma_load %X[%c0, %c0] [8, 4] permutation [1, 0] into %a[] : memref<8x8xf32, #dsa.dram>, memref<4x8xf32, #dsa.sram>
%t1 = dsa.dma_load %X[%c1, %c0] [4, 8] strides [2, 1] into %b[] : memref<8x8xf32, #dsa.dram>, memref<4x8xf32, #dsa.sram>
%t2 = dsa.dma_load %X[%m2, %c4] [4, 8] masked into %c[] : memref<8x8xf32, #dsa.dram>, memref<4x8xf32, #dsa.sram>
%t3 = dsa.dma_load %X[%c0, %c0] [4, 8] into %d[] : memref<8x8xf32, #dsa.dram>, memref<32xf32, #dsa.sram>
%s0 = dsa.dma_store %a[] into %Y[%c0, %c0, %c0] [1, 4, 8] after(%t0) : memref<4x8xf32, #dsa.sram>, memref<4x4x8xf32, #dsa.dram>
%s1 = dsa.dma_store %b[] into %Y[%c1, %c0, %c0] [1, 4, 8] after(%t1) : memref<4x8xf32, #dsa.sram>, memref<4x4x8xf32, #dsa.dram>
%s2 = dsa.dma_store %c[] into %Y[%c2, %c0, %c0] [1, 4, 8] after(%t2) : memref<4x8xf32, #dsa.sram>, memref<4x4x8xf32, #dsa.dram>
%s3 = dsa.dma_store %d[] into %Y[%c4, %c0, %c0] [1, 4, 8] masked after(%t3) : memref<32xf32, #dsa.sram>, memref<4x4x8xf32, #dsa.dram>
%c3 = arith.constant 3 : index
%s4 = dsa.dma_store %d[] into %Y[%c3, %c0, %c0] [1, 8, 4] permutation [0, 2, 1] masked after(%t3) : memref<32xf32, #dsa.sram>, memref<4x4x8xf32, #dsa.dram>
dsa.wait %s0, %s1, %s2, %s3, %s4"""
    module = kernel(body, "%X: memref<8x8xf32, #dsa.dram>, %Y: memref<4x4x8xf32, #dsa.dram> {dsa.output}")
    x = np.arange(64, dtype=np.float32).reshape(8, 8)
    res = run(module, [x])
    y = res.outputs[0]
    np.testing.assert_array_equal(y[0], x[:, :4].T)
    np.testing.assert_array_equal(y[1], x[1::2])
    padded = np.zeros((4, 8), np.float32)
    padded[2:, :4] = x[:2, 4:]
    np.testing.assert_array_equal(y[2], padded)
    # s3 is out of bounds entirely (masked: nothing written); s4's box [1, 8, 4] in permuted order [1, 4, 8]:
    # tile element (0, a, b) = x[a, b] goes to box element (0, b, a) = Y[3, b, a], in bounds for b < 4
    expect = np.zeros((4, 8), np.float32)
    expect[:, :4] = x[:4, :4].T
    np.testing.assert_array_equal(y[3], expect)
    # DRAM bytes: only the in-bounds parts of masked boxes move
    assert res.report["dram_read_bytes"] == (32 + 32 + 8 + 32) * 4
    assert res.report["dram_write_bytes"] == (32 + 32 + 32 + 0 + 16) * 4


def test_globals_and_layers() -> None:
    """Constant weights as a memref.global in DRAM; statistics grouped by ``dsa.layer``."""
    text = """
module {
  memref.global "private" constant @w : memref<4x4xf32, #dsa.dram> = dense<2.0>
  func.func @k(%X: memref<4x4xf32, #dsa.dram>, %Y: memref<4x4xf32, #dsa.dram> {dsa.output}) attributes {dsa.kernel} {
    %c0 = arith.constant 0 : index
    %W = memref.get_global @w : memref<4x4xf32, #dsa.dram>
    %x = dsa.buffer at 0 : memref<4x4xf32, #dsa.sram>
    %w = dsa.buffer at 64 : memref<4x4xf32, #dsa.sram>
    %y = dsa.buffer at 128 : memref<4x4xf32, #dsa.sram>
    %t0 = dsa.dma_load %X[%c0, %c0] [4, 4] into %x[] {dsa.layer = "fc"} : memref<4x4xf32, #dsa.dram>, memref<4x4xf32, #dsa.sram>
    %t1 = dsa.dma_load %W[%c0, %c0] [4, 4] into %w[] {dsa.layer = "fc"} : memref<4x4xf32, #dsa.dram>, memref<4x4xf32, #dsa.sram>
    %m = dsa.matmul %x[], %w[], %y[] after(%t0, %t1) {dsa.layer = "fc"} : memref<4x4xf32, #dsa.sram>, memref<4x4xf32, #dsa.sram>, memref<4x4xf32, #dsa.sram>
    %r = dsa.vector max %y[], %y[] into %y[] after(%m) {dsa.layer = "act"} : memref<4x4xf32, #dsa.sram>, memref<4x4xf32, #dsa.sram>, memref<4x4xf32, #dsa.sram>
    %s = dsa.dma_store %y[] into %Y[%c0, %c0] [4, 4] after(%r) : memref<4x4xf32, #dsa.sram>, memref<4x4xf32, #dsa.dram>
    dsa.wait %s
    return
  }
}"""
    module = Context().parser.parse(text.replace("module {", "module attributes {dsa.target = #dsa.target<n = 4>} {"),
                                    "g.mlir")
    verify(module)
    x = np.random.default_rng(0).standard_normal((4, 4)).astype(np.float32)
    res = run(module, [x])
    np.testing.assert_allclose(res.outputs[0], x @ np.full((4, 4), 2, np.float32), rtol=1e-6)
    layers = {la["name"]: la for la in res.report.to_dict()["layers"]}
    assert set(layers) == {"fc", "act"}
    assert layers["fc"]["macs"] == 64 and layers["act"]["macs"] == 0
    assert layers["fc"]["start_cycle"] == 0 and layers["act"]["start_cycle"] == layers["fc"]["end_cycle"]


def test_runtime_errors_are_located() -> None:
    """An out-of-bounds box without 'masked', a tile index out of range, a non-kernel entry, bad inputs, a
    store into a constant global: located diagnostics."""
    body = """
%a = dsa.buffer at 0 : memref<2x4x4xf32, #dsa.sram>
%i = arith.muli %c4, %c4 : index
%t = dsa.dma_load %X[%c0, %i] [4, 4] into %a[%c0] : memref<4x16xf32, #dsa.dram>, memref<2x4x4xf32, #dsa.sram>
dsa.wait %t"""
    module = kernel(body, "%X: memref<4x16xf32, #dsa.dram>", target="n = 4")
    with pytest.raises(SimError) as err:
        run(module, [np.zeros((4, 16), np.float32)])
    assert re.match(r"test.mlir:13:\d+: error: 'dsa.dma_load' op box \[4, 4\] at \[0, 16\] is out of bounds of the "
                    r"DRAM memref 4x16 in dimension 1", str(err.value.diagnostic))
    bad_index = body.replace("into %a[%c0]", "into %a[%i]").replace("%X[%c0, %i]", "%X[%c0, %c0]")
    with pytest.raises(SimError, match="'sram' index 16 is out of range for dimension 0 of size 2"):
        run(kernel(bad_index, "%X: memref<4x16xf32, #dsa.dram>", target="n = 4"), [np.zeros((4, 16), np.float32)])
    with pytest.raises(SimError, match=r"argument #0 of '@k' expects a 4x16 array of float32, got 4x16 of float64"):
        run(module, [np.zeros((4, 16))])
    not_kernel = parse("func.func @f(%x: memref<4xf32, #dsa.dram>) { return }")
    with pytest.raises(SimError, match="'@f' is not a DSA kernel"):
        run(not_kernel, [np.zeros(4, np.float32)], entry="f")
    in_sram = parse("func.func @f(%x: memref<4xf32, #dsa.sram>) attributes {dsa.kernel} { return }")
    with pytest.raises(SimError, match=r"argument #0 of DSA kernel '@f' must be a static memref .* in #dsa.dram"):
        run(in_sram, [np.zeros(4, np.float32)], entry="f")
    store_const = """
module {
  memref.global "private" constant @w : memref<4xf32, #dsa.dram> = dense<2.0>
  func.func @k() attributes {dsa.kernel} {
    %c0 = arith.constant 0 : index
    %W = memref.get_global @w : memref<4xf32, #dsa.dram>
    %x = dsa.buffer at 0 : memref<4xf32, #dsa.sram>
    %s = dsa.dma_store %x[] into %W[%c0] [4] : memref<4xf32, #dsa.sram>, memref<4xf32, #dsa.dram>
    dsa.wait %s
    return
  }
}"""
    with pytest.raises(SimError, match="writes 'dram' into read-only memory global @w"):
        run(parse(store_const), [])


def test_fallback_when_tiles_overlap() -> None:
    """A loop whose iterations write overlapping (not identical) DRAM boxes and read them back has the sequential
    semantics: its first chunk (one iteration) batches with per-element dependences, the rest, where the load of
    one iteration feeds the store of the next (a cycle between the two ops), runs tile by tile."""
    body = """
%buf = dsa.buffer at 0 : memref<8x16xf32, #dsa.dram>
%r = dsa.buffer at 0 : memref<4x16xf32, #dsa.sram>
%l0 = dsa.dma_load %X[%c0, %c0] [4, 16] into %r[] : memref<8x16xf32, #dsa.dram>, memref<4x16xf32, #dsa.sram>
%res = scf.for %i = %c0 to %c4 step %c1 iter_args(%t = %l0) -> (!dsa.token) {
  %s = dsa.dma_store %r[] into %buf[%i, %c0] [4, 16] after(%t) : memref<4x16xf32, #dsa.sram>, memref<8x16xf32, #dsa.dram>
  %l = dsa.dma_load %buf[%c1, %c0] [4, 16] into %r[] after(%s) : memref<8x16xf32, #dsa.dram>, memref<4x16xf32, #dsa.sram>
  scf.yield %l : !dsa.token
}
%out = dsa.dma_store %r[] into %Y[%c0, %c0] [4, 16] after(%res) : memref<4x16xf32, #dsa.sram>, memref<4x16xf32, #dsa.dram>
dsa.wait %out"""
    module = kernel(body, "%X: memref<8x16xf32, #dsa.dram>, %Y: memref<4x16xf32, #dsa.dram> {dsa.output}")
    x = np.arange(128, dtype=np.float32).reshape(8, 16)
    r, buf = x[:4].copy(), np.zeros((8, 16), np.float32)
    for i in range(4):
        buf[i:i + 4] = r
        r = buf[1:5].copy()
    fast, slow = run(module, [x]), run(module, [x], batch=False)
    np.testing.assert_array_equal(fast.outputs[0], r)
    np.testing.assert_array_equal(slow.outputs[0], r)
    assert fast.report.to_dict() == slow.report.to_dict()
    assert fast.report.batched_loops == 1


CP_KERNEL = """#id = affine_map<(i, j) -> (i, j)>
#row = affine_map<(i, j) -> (i)>
module attributes {dsa.target = #dsa.target<n = 16>} {
  func.func @k(%A: memref<16x16xf32, #dsa.dram>, %B: memref<16x16xf32, #dsa.dram>,
               %C: memref<16x16xf32, #dsa.dram> {dsa.output}, %D: memref<16x16xf32, #dsa.dram> {dsa.output},
               %S: memref<16xf32, #dsa.dram> {dsa.output}) attributes {dsa.kernel PEAK} {
    %c0 = arith.constant 0 : index
    %a = dsa.buffer at 0 : memref<16x16xf32, #dsa.sram>
    %b = dsa.buffer at 1024 : memref<16x16xf32, #dsa.sram>
    %c = dsa.buffer at 2048 : memref<16x16xf32, #dsa.sram>
    %ta = dsa.dma_load %A[%c0, %c0] [16, 16] into %a[] {dsa.layer = "fc"} : memref<16x16xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
    %tb = dsa.dma_load %B[%c0, %c0] [16, 16] into %b[] {dsa.layer = "fc"} : memref<16x16xf32, #dsa.dram>, memref<16x16xf32, #dsa.sram>
    %tm = dsa.matmul %a[], %b[], %c[] after(%ta, %tb) {dsa.layer = "fc"} : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.sram>
    %ts = dsa.dma_store %c[] into %C[%c0, %c0] [16, 16] after(%tm) {dsa.layer = "fc"} : memref<16x16xf32, #dsa.sram>, memref<16x16xf32, #dsa.dram>
    dsa.wait %ts
    linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
        ins(%C : memref<16x16xf32, #dsa.dram>) outs(%D : memref<16x16xf32, #dsa.dram>) attrs = {dsa.layer = "softmax"} {
    ^bb0(%x: f32, %y: f32):
      %e = math.exp %x : f32
      linalg.yield %e : f32
    }
    linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]}
        ins(%D : memref<16x16xf32, #dsa.dram>) outs(%S : memref<16xf32, #dsa.dram>) attrs = {dsa.layer = "softmax"} {
    ^bb0(%x: f32, %s: f32):
      %t = arith.addf %x, %s : f32
      linalg.yield %t : f32
    }
    return
  }
}
"""


def test_control_processor_fallback_and_layers() -> None:
    """Non-dsa ops on DRAM memrefs run on the control processor after the engines drain, at one cycle per element
    read or written; statistics are grouped per ``dsa.layer`` with its location."""
    rng = np.random.default_rng(3)
    a, b = (rng.standard_normal((16, 16)).astype(np.float32) / 4 for _ in range(2))
    res = run(parse(CP_KERNEL.replace(" PEAK", "")), [a, b])
    c, d, s = res.outputs
    np.testing.assert_allclose(c, a @ b, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(d, np.exp(a @ b), rtol=1e-5)
    np.testing.assert_allclose(s, np.exp(a @ b).sum(axis=1), rtol=1e-5)
    r = res.report.to_dict()
    # one tile: 96 cycles (load, load, read, compute, write, store); then 512 and 16·16 + 16 elements on the cp
    assert r["engines"]["cp"] == {"busy_cycles": 512 + 272, "utilization": 784 / r["cycles"], "ops": 2}
    assert r["cycles"] == 96 + 784 == r["bound_serial_cycles"]
    assert r["bound_parallel_cycles"] == 48 + 784
    assert [(f["op"], f["layer"], f["cycles"], f["location"]) for f in r["fallback_ops"]] == [
        ("linalg.generic", "softmax", 512, "test.mlir:16:5"), ("linalg.generic", "softmax", 272, "test.mlir:22:5")]
    layers = {la["name"]: la for la in r["layers"]}
    assert layers["fc"]["location"] == "test.mlir:11:11" and layers["softmax"]["location"] == "test.mlir:16:5"
    assert (layers["softmax"]["start_cycle"], layers["softmax"]["end_cycle"]) == (96, 880)
    assert layers["softmax"]["dram_bytes"] == 4 * (512 + 272) and layers["softmax"]["macs"] == 0
    assert layers["fc"]["mac_utilization"] == pytest.approx(4096 / (256 * 96))
    assert r["energy_by_category_pj"]["cp"] == 784 * 6.0
    # SRAM figures computed from the buffers, or read from the memory planner's attributes
    assert (r["peak_sram_bytes"], r["sram_lower_bound_bytes"]) == (3072, 1024)
    planned = CP_KERNEL.replace(" PEAK", ", dsa.peak_sram_bytes = 2048 : i64, dsa.sram_lower_bound_bytes = 2048 : i64")
    r2 = run(parse(planned), [a, b]).report.to_dict()
    assert (r2["peak_sram_bytes"], r2["sram_lower_bound_bytes"]) == (2048, 2048)


def test_padding_utilization_loss() -> None:
    """A padded 8×8×8 product on the 16×16 primitive: 512 useful MACs of the 4096 the hardware does."""
    t8 = "memref<8x8xf32, #dsa.sram>"
    body = (f"%a = dsa.buffer at 0 : {t8}\n%b = dsa.buffer at 256 : {t8}\n%c = dsa.buffer at 512 : {t8}\n"
            f"%t = dsa.matmul %a[], %b[], %c[] pad {{dsa.layer = \"small\"}} : {t8}, {t8}, {t8}\ndsa.wait %t")
    r = run(kernel(body, "%X: memref<4xf32, #dsa.dram>"), [np.zeros(4, np.float32)]).report.to_dict()
    la = r["layers"][0]
    assert (la["macs"], la["hw_macs"]) == (512, 4096)
    assert la["padding_utilization_loss"] == pytest.approx((4096 - 512) / (256 * la["cycles"]))
    assert r["padding_utilization_loss"] == pytest.approx((4096 - 512) / (256 * r["cycles"]))


ROW_LOADS = """
%a = dsa.buffer at 0 : memref<2x16x16xf32, #dsa.sram>
%w = dsa.buffer at 2048 : memref<3x16x16xf32, #dsa.sram>
%acc = dsa.buffer at 5120 : memref<2x16x16xf32, #dsa.sram>
%c3 = arith.constant 3 : index
%c5 = arith.constant 5 : index
%j0 = dsa.join()
%tw = scf.for %k = %c0 to %c3 step %c1 iter_args(%t = %j0) -> (!dsa.token) {
  %k16 = arith.muli %k, %c16 : index
  %l = dsa.dma_load %W[%k16, %c0] [16, 16] into %w[%k] : memref<48x16xf32, #dsa.dram>, memref<3x16x16xf32, #dsa.sram>
  scf.yield %l : !dsa.token
}
%res:2 = scf.for %i = %c0 to %c5 step %c1 iter_args(%tm = %tw, %ts = %j0) -> (!dsa.token, !dsa.token) {
  %p = arith.remui %i, %c2 : index
  %i16 = arith.muli %i, %c16 : index
  %inner:2 = scf.for %k = %c0 to %c3 step %c1 iter_args(%x = %tm, %y = %tm) -> (!dsa.token, !dsa.token) {
    %q = arith.remui %k, %c2 : index
    %k16 = arith.muli %k, %c16 : index
    %r = scf.for %j = %c0 to %c16 step %c1 iter_args(%u = %y) -> (!dsa.token) {
      %row = arith.addi %i16, %j : index
      %l = dsa.dma_load %X[%row, %k16] [1, 16] masked into %a[%q, %j] after(%y) : memref<70x48xf32, #dsa.dram>, memref<2x16x16xf32, #dsa.sram>
      scf.yield %l : !dsa.token
    }
    %more = arith.cmpi ne, %k, %c0 : index
    %m = dsa.matmul %a[%q], %w[%k], %acc[%p] accumulate(%more) after(%r, %tw, %x, %ts) : memref<2x16x16xf32, #dsa.sram>, memref<3x16x16xf32, #dsa.sram>, memref<2x16x16xf32, #dsa.sram>
    scf.yield %m, %x : !dsa.token, !dsa.token
  }
  %s = dsa.dma_store %acc[%p] into %Y[%i16, %c0] [16, 16] masked after(%inner#0) : memref<2x16x16xf32, #dsa.sram>, memref<70x16xf32, #dsa.dram>
  scf.yield %inner#0, %s : !dsa.token, !dsa.token
}
dsa.wait %res#0, %res#1"""


@pytest.mark.parametrize("compiled", [True, False])
def test_row_loads_into_tiles_batch(compiled: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lowering's im2col shape: a tile filled by 16 one-row DMA loads (partial at the bottom edge), then read
    whole by an accumulating matmul in the same SRAM, with tokens permuted by a yield. The whole nest batches
    (per-element dependences for the rows, whole tiles for the accumulator) and is timed by the compiled token
    flow (mlir_py/dsa_sim/replay.py; or, when that is not possible, by the interpreter): outputs, statistics
    and the trace equal tile-by-tile execution."""
    if not compiled:
        import mlir_py.dsa_sim.replay as replay

        def refuse(self: object, sim: object, loop: object) -> None:
            raise replay.NotCompilable("test")

        monkeypatch.setattr(replay.TimingProgram, "__init__", refuse)
    module = kernel(ROW_LOADS, "%X: memref<70x48xf32, #dsa.dram>, %W: memref<48x16xf32, #dsa.dram>, "
                               "%Y: memref<70x16xf32, #dsa.dram> {dsa.output}")
    rng = np.random.default_rng(4)
    x, w = rng.standard_normal((70, 48)).astype(np.float32), rng.standard_normal((48, 16)).astype(np.float32)
    fast = run(module, [x, w], trace=True)
    slow = run(module, [x, w], trace=True, batch=False)
    np.testing.assert_allclose(fast.outputs[0], x @ w, rtol=1e-5, atol=1e-5)
    np.testing.assert_array_equal(fast.outputs[0], slow.outputs[0])
    assert fast.report.to_dict() == slow.report.to_dict()
    assert sorted(fast.report.events) == sorted(slow.report.events)
    assert fast.report.batched_loops == 2  # the weight loads and the whole row-block nest
