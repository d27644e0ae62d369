"""The DSA simulator's timing model on small programs whose cycles are worked out by hand (docs/dsa.md, "Timing"),
and the acceptance figures of the 512×512×512 f32 matmul at N=16 (MAC utilization with and without ping-pong
buffers, inside the roofline bounds).

Defaults of the target: N = 16, DRAM 64 B/cycle, SRAM 512 B/cycle. An f32 16×16 tile is 1024 bytes: a DMA of it
takes 1024 / 64 = 16 cycles; a matrix primitive reads for 16, computes for 16 and writes for 16 cycles.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from mlir_py.dialect import Context
from mlir_py.dsa_sim import Report, SimError, simulate
from mlir_py.verifier import verify

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("matmul_gen", ROOT / "examples" / "dsa" / "matmul_gen.py")
assert _spec is not None and _spec.loader is not None
matmul_gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(matmul_gen)

T = "memref<16x16xf32, #dsa.sram>"
D = "memref<16x32xf32, #dsa.dram>"


def run(body: str, args: str, inputs: list[np.ndarray], target: str = "", **kw: object) -> Report:
    text = (f"module attributes {{dsa.target = #dsa.target<{target}>}} {{\n"
            f"func.func @k({args}) attributes {{dsa.kernel}} {{\n"
            "%c0 = arith.constant 0 : index\n%c16 = arith.constant 16 : index\n%true = arith.constant true\n"
            f"{body}\nreturn\n}}\n}}\n")
    module = Context().parser.parse(text, "test.mlir")
    verify(module)
    return simulate(module, "k", inputs, **kw).report  # type: ignore[arg-type]


def f32(*shape: int) -> np.ndarray:
    return np.random.default_rng(0).standard_normal(shape).astype(np.float32)


ONE_TILE = f"""
%a = dsa.buffer at 0 : {T}
%b = dsa.buffer at 1024 : {T}
%c = dsa.buffer at 2048 : {T}
%t0 = dsa.dma_load %A[%c0, %c0] [16, 16] into %a[] : {D}, {T}
%t1 = dsa.dma_load %B[%c0, %c0] [16, 16] into %b[] : {D}, {T}
%t2 = dsa.matmul %a[], %b[], %c[] after(%t0, %t1) : {T}, {T}, {T}
%t3 = dsa.dma_store %c[] into %C[%c0, %c0] [16, 16] after(%t2) : {T}, {D}
dsa.wait %t3"""
ARGS = f"%A: {D}, %B: {D}, %C: {D} {{dsa.output}}"


def test_one_tile() -> None:
    """load A [0, 16), load B [16, 32), read [32, 48), compute [48, 64), write [64, 80), store [80, 96)."""
    r = run(ONE_TILE, ARGS, [f32(16, 32), f32(16, 32)], trace=True)
    d = r.to_dict()
    assert d["cycles"] == 96
    assert d["engines"]["dma"] == {"busy_cycles": 48, "utilization": 0.5, "ops": 3}
    assert d["engines"]["matrix"]["busy_cycles"] == 16
    assert d["macs"] == d["hw_macs"] == 16 ** 3
    assert d["mac_utilization"] == pytest.approx(4096 / (256 * 96))
    # nothing overlaps: the simulated cycles are the serial bound
    assert (d["communication_cycles"], d["computation_cycles"]) == (48, 16)
    assert (d["bound_parallel_cycles"], d["bound_serial_cycles"]) == (48, 96)
    # bytes and energy: DRAM 3 tiles; SRAM: 2 DMA writes + 2 matmul reads + 1 matmul write + 1 DMA read
    assert (d["dram_bytes"], d["sram_bytes"]) == (3072, 6144)
    assert d["energy_by_category_pj"] == {"mac": 4096 * 6.0, "vector": 0.0, "sort": 0.0, "cp": 0.0, "sram": 6144 * 1.5,
                                          "dram": 3072 * 250.0}
    assert d["energy_pj"] == 4096 * 6.0 + 6144 * 1.5 + 3072 * 250.0
    spans = {(ev["cat"], ev["args"]["cycle"], ev["args"]["cycles"]) for ev in r.chrome_trace()["traceEvents"]
             if ev["ph"] == "X"}
    assert spans == {("dma", 0, 16), ("dma", 16, 16), ("matrix.read", 32, 16), ("matrix.compute", 48, 16),
                     ("matrix.write", 64, 16), ("dma", 80, 16)}


TWO_TILES_SERIAL = f"""
%a = dsa.buffer at 0 : {T}
%b = dsa.buffer at 1024 : {T}
%c = dsa.buffer at 2048 : {T}
%t0 = dsa.dma_load %A[%c0, %c0] [16, 16] into %a[] : {D}, {T}
%t1 = dsa.dma_load %B[%c0, %c0] [16, 16] into %b[] : {D}, {T}
%m0 = dsa.matmul %a[], %b[], %c[] after(%t0, %t1) : {T}, {T}, {T}
%t2 = dsa.dma_load %A[%c0, %c16] [16, 16] into %a[] after(%m0) : {D}, {T}
%t3 = dsa.dma_load %B[%c0, %c16] [16, 16] into %b[] after(%m0) : {D}, {T}
%m1 = dsa.matmul %a[], %b[], %c[] accumulate(%true) after(%t2, %t3) : {T}, {T}, {T}
%s = dsa.dma_store %c[] into %C[%c0, %c0] [16, 16] after(%m1) : {T}, {D}
dsa.wait %s"""

TWO_TILES_PING_PONG = f"""
%a = dsa.buffer at 0 : memref<2x16x16xf32, #dsa.sram>
%b = dsa.buffer at 2048 : memref<2x16x16xf32, #dsa.sram>
%c = dsa.buffer at 4096 : {T}
%c1 = arith.constant 1 : index
%t0 = dsa.dma_load %A[%c0, %c0] [16, 16] into %a[%c0] : {D}, memref<2x16x16xf32, #dsa.sram>
%t1 = dsa.dma_load %B[%c0, %c0] [16, 16] into %b[%c0] : {D}, memref<2x16x16xf32, #dsa.sram>
%t2 = dsa.dma_load %A[%c0, %c16] [16, 16] into %a[%c1] : {D}, memref<2x16x16xf32, #dsa.sram>
%t3 = dsa.dma_load %B[%c0, %c16] [16, 16] into %b[%c1] : {D}, memref<2x16x16xf32, #dsa.sram>
%m0 = dsa.matmul %a[%c0], %b[%c0], %c[] after(%t0, %t1) : memref<2x16x16xf32, #dsa.sram>, memref<2x16x16xf32, #dsa.sram>, {T}
%m1 = dsa.matmul %a[%c1], %b[%c1], %c[] accumulate(%true) after(%t2, %t3) : memref<2x16x16xf32, #dsa.sram>, memref<2x16x16xf32, #dsa.sram>, {T}
%s = dsa.dma_store %c[] into %C[%c0, %c0] [16, 16] after(%m1) : {T}, {D}
dsa.wait %s"""


def test_two_tiles_with_and_without_overlap() -> None:
    """C = A0·B0 + A1·B1 (one 16×16 output tile, K = 32).

    Single buffers: the second loads wait for the first primitive to finish reading (its token, cycle 80):
    loads [0, 32), mm0 [32, 80), loads [80, 112), mm1 [112, 160), store [160, 176): 176 cycles.
    Ping-pong: the four loads run back to back [0, 64); mm0 reads [32, 48), computes [48, 64), writes
    [64, 80); mm1 reads [64, 80) (its tiles arrive at 64), computes [80, 96), writes [96, 112); store
    [112, 128): 128 cycles — the second load overlaps the first primitive."""
    a = f32(16, 32)
    b = f32(32, 16).T.copy()  # B[0:16, 16k:16k+16] is the k-th K tile of B
    serial = run(TWO_TILES_SERIAL, ARGS, [a, b])
    overlap = run(TWO_TILES_PING_PONG, ARGS, [a, b])
    assert serial["cycles"] == 176
    assert overlap["cycles"] == 128
    for r in (serial, overlap):
        assert r["engines"]["dma"]["busy_cycles"] == 80
        assert r["engines"]["matrix"]["busy_cycles"] == 32
        assert r["bound_parallel_cycles"] <= r["cycles"] <= r["bound_serial_cycles"]
    assert serial["bound_serial_cycles"] == 80 + 2 * 48


def test_matrix_pipeline() -> None:
    """Back-to-back primitives overlap read, compute and write: k of them end N·(k + 2) cycles after the first
    read (here 4 primitives after 32 cycles of loads: 32 + 16·6 = 128)."""
    body = f"""
%a = dsa.buffer at 0 : {T}
%b = dsa.buffer at 1024 : {T}
%c = dsa.buffer at 2048 : memref<4x16x16xf32, #dsa.sram>
%c1 = arith.constant 1 : index
%c2 = arith.constant 2 : index
%c3 = arith.constant 3 : index
%t0 = dsa.dma_load %A[%c0, %c0] [16, 16] into %a[] : {D}, {T}
%t1 = dsa.dma_load %B[%c0, %c0] [16, 16] into %b[] after(%t0) : {D}, {T}
""" + "\n".join(f"%m{i} = dsa.matmul %a[], %b[], %c[%c{i}] after(%t1) : {T}, {T}, memref<4x16x16xf32, #dsa.sram>"
                for i in range(4)) + "\n%j = dsa.join(%m0, %m1, %m2, %m3)\ndsa.wait %j"
    r = run(body, f"%A: {D}, %B: {D}", [f32(16, 32), f32(16, 32)])
    assert r["cycles"] == 128
    assert r["mac_utilization"] == pytest.approx(4 * 4096 / (256 * 128))


def test_bandwidth_limits() -> None:
    """DMA and matrix phases stretch when bytes exceed the bandwidth: an i8 16×16 tile (256 B) loads in
    ⌈256 / 64⌉ = 4 cycles; at N = 128 an f32 primitive reads 2 · 64 KiB at 512 B/cycle in 256 cycles (> N)."""
    t8 = "memref<16x16xi8, #dsa.sram>"
    r = run(f"%a = dsa.buffer at 0 : {t8}\n%t = dsa.dma_load %A[%c0, %c0] [16, 16] into %a[] : "
            f"memref<16x16xi8, #dsa.dram>, {t8}\ndsa.wait %t", "%A: memref<16x16xi8, #dsa.dram>",
            [np.zeros((16, 16), np.int8)])
    assert r["cycles"] == 4
    t = "memref<128x128xf32, #dsa.sram>"
    d = "memref<128x128xf32, #dsa.dram>"
    body = f"""
%a = dsa.buffer at 0 : {t}
%b = dsa.buffer at 65536 : {t}
%c = dsa.buffer at 131072 : {t}
%t0 = dsa.dma_load %A[%c0, %c0] [128, 128] into %a[] : {d}, {t}
%t1 = dsa.dma_load %A[%c0, %c0] [128, 128] into %b[] : {d}, {t}
%m = dsa.matmul %a[], %b[], %c[] after(%t0, %t1) : {t}, {t}, {t}
dsa.wait %m"""
    r = run(body, f"%A: {d}", [f32(128, 128)], target="n = 128")
    # loads 2 · 65536 / 64 = 2048 cycles; read 256, compute 128, write 65536 / 512 = 128
    assert r["cycles"] == 2048 + 256 + 128 + 128


def test_wait_stalls_the_control_processor() -> None:
    """An op issued after ``dsa.wait %t`` starts when ``%t`` completes, even without a dependency on it."""
    body = f"""
%a = dsa.buffer at 0 : {T}
%b = dsa.buffer at 1024 : {T}
%t0 = dsa.dma_load %A[%c0, %c0] [16, 16] into %a[] : {D}, {T}
dsa.wait %t0
%t1 = dsa.vector add %b[], %b[] into %b[] : {T}, {T}, {T}
dsa.wait %t1"""
    r = run(body, f"%A: {D}", [f32(16, 32)], trace=True)
    starts = {ev["cat"]: ev["args"]["cycle"] for ev in r.chrome_trace()["traceEvents"] if ev["ph"] == "X"}
    assert starts == {"dma": 0, "vector": 16}
    assert r["cycles"] == 32  # vector add: 256 elements on 16 lanes


def test_sort_unit_cycles() -> None:
    """2×2 max pooling of a 16×16 tile: 64 outputs × 3 comparisons on 16 comparators = 12 cycles."""
    body = f"""
%a = dsa.buffer at 0 : {T}
%p = dsa.buffer at 1024 : memref<8x8xf32, #dsa.sram>
%t = dsa.maxpool %a[] window [2, 2] strides [2, 2] into %p[] : {T}, memref<8x8xf32, #dsa.sram>
dsa.wait %t"""
    r = run(body, "", [])
    assert r["cycles"] == 12
    assert r["engines"]["sort"]["busy_cycles"] == 12


def test_race_without_token() -> None:
    """A primitive that does not wait for the DMA filling its input is a located race error."""
    body = ONE_TILE.replace("after(%t0, %t1)", "after(%t0)").replace("dsa.wait %t3", "dsa.wait %t3, %t1")
    with pytest.raises(SimError, match=r"race: reads 'rhs' at cycle 16 while 'dsa.dma_load' at test.mlir:\d+:\d+ "
                                       r"may still be writing it \(until cycle 32\)"):
        run(body, ARGS, [f32(16, 32), f32(16, 32)])


def test_war_race_without_token() -> None:
    """Reloading a buffer while the matrix unit still reads it (no dependency on its token) is a race."""
    body = TWO_TILES_SERIAL.replace("into %a[] after(%m0)", "into %a[]")
    with pytest.raises(SimError, match="race: writes 'sram' at cycle 32 while 'dsa.matmul'"):
        run(body, ARGS, [f32(16, 32), f32(16, 32)])


def _matmul(double_buffer: bool, size: int = 512) -> Report:
    text = matmul_gen.matmul_kernel(size, size, size, tile=16, dtype="f32", double_buffer=double_buffer)
    module = Context().parser.parse(text, "matmul.mlir")
    verify(module)
    rng = np.random.default_rng(0)
    a, b = (rng.standard_normal((size, size)).astype(np.float32) for _ in range(2))
    res = simulate(module, "matmul", [a, b])
    np.testing.assert_allclose(res.outputs[0], a @ b, rtol=1e-4, atol=1e-3)
    return res.report


def test_512_matmul_utilization() -> None:
    """Acceptance: the double-buffered 512×512×512 f32 matmul at N = 16 reaches >= 90% MAC utilization; without
    ping-pong buffers it is measurably slower; both sit between the roofline bounds."""
    fast, slow = _matmul(True), _matmul(False)
    assert fast.mac_utilization >= 0.90
    assert slow["cycles"] > 1.2 * fast["cycles"]
    for r in (fast, slow):
        assert r["bound_parallel_cycles"] <= r["cycles"] <= r["bound_serial_cycles"]
        assert r["macs"] == 512 ** 3


@pytest.mark.parametrize("double_buffer", [True, False])
def test_batched_timing_equals_tile_by_tile(double_buffer: bool) -> None:
    """Batched loops with extrapolated steady states give the tile-by-tile cycles, busy counts and trace."""
    text = matmul_gen.matmul_kernel(128, 64, 192, tile=16, dtype="f32", double_buffer=double_buffer, block=(2, 2))
    module = Context().parser.parse(text, "matmul.mlir")
    verify(module)
    rng = np.random.default_rng(1)
    a, b = rng.standard_normal((128, 64)).astype(np.float32), rng.standard_normal((64, 192)).astype(np.float32)
    fast = simulate(module, "matmul", [a, b], trace=True)
    slow = simulate(module, "matmul", [a, b], trace=True, batch=False)
    assert fast.report.batched_loops > 0 and slow.report.batched_loops == 0
    assert fast.report.to_dict() == slow.report.to_dict()
    assert sorted(fast.report.events) == sorted(slow.report.events)
