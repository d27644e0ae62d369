"""DSA simulator speed: simulated MACs per wall-clock second on the 512×512×512 f32 matmul at N = 16.

The program is examples/dsa/matmul_gen.py's (4×4-tile output blocks, double-buffered, or single-buffered with
``--single``). The timed region is ``mlir_py.dsa_sim.simulate`` alone (parsing and verifying are printed
separately), after one warm-up run that pays one-time costs (lazy imports); the figure is the median of
``--repeat`` runs. Also printed: the same program with every loop run tile by tile (``batch=False``) at a smaller
size, to show what batching buys, and the simulated figures (cycles, MAC utilization, roofline bounds).
Both wall-clock and process CPU time are printed: on a machine shared with other jobs the wall-clock figure
mostly measures the wait for a core, the CPU-time figure what the simulator costs.
Target (issue #6): >= 1 GMAC/s on the 512³ matmul.

    python benchmarks/dsa_sim.py [--size 512] [--tile 16] [--repeat 5] [--single]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import table  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("matmul_gen", ROOT / "examples" / "dsa" / "matmul_gen.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def measure(size: int, tile: int, double_buffer: bool, repeat: int, batch: bool = True) -> list[object]:
    from mlir_py.dialect import Context
    from mlir_py.dsa_sim import simulate
    from mlir_py.verifier import verify

    text = _generator().matmul_kernel(size, size, size, tile=tile, dtype="f32", double_buffer=double_buffer)
    t0 = time.perf_counter()
    module = Context().parser.parse(text, "matmul.mlir")
    verify(module)
    parse_s = time.perf_counter() - t0
    rng = np.random.default_rng(0)
    a, b = (rng.standard_normal((size, size)).astype(np.float32) for _ in range(2))
    first = time.perf_counter()
    result = simulate(module, "matmul", [a, b], batch=batch)
    first = time.perf_counter() - first
    times, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        result = simulate(module, "matmul", [a, b], batch=batch)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    assert np.allclose(result.outputs[0], a @ b, rtol=1e-3, atol=1e-3)
    r = result.report
    sim_s, cpu_s = statistics.median(times), statistics.median(cpu)
    macs = r["macs"]
    return [f"{size}³ {'ping-pong' if double_buffer else 'single'}{'' if batch else ', tile by tile'}",
            f"{parse_s:.3f}", f"{first:.3f}", f"{sim_s:.3f}", f"{macs / sim_s / 1e9:.2f}",
            f"{cpu_s:.3f}", f"{macs / cpu_s / 1e9:.2f}", f"{r['cycles']:,}",
            f"{100 * r['mac_utilization']:.1f} %", f"{r['bound_parallel_cycles']:,}", f"{r['bound_serial_cycles']:,}"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=512)
    ap.add_argument("--tile", type=int, default=16)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--single", action="store_true", help="also the single-buffered program")
    ap.add_argument("--tile-by-tile-size", type=int, default=128, help="size of the batch=False comparison (0: none)")
    args = ap.parse_args()
    rows = [measure(args.size, args.tile, True, args.repeat)]
    if args.single:
        rows.append(measure(args.size, args.tile, False, args.repeat))
    if args.tile_by_tile_size:
        s = args.tile_by_tile_size
        rows.append(measure(s, args.tile, True, max(1, args.repeat // 2)))
        rows.append(measure(s, args.tile, True, max(1, args.repeat // 2), batch=False))
    print(table(rows, ["program", "parse+verify s", "first run s", "simulate s", "GMAC/s",
                       "CPU s", "GMAC/CPU-s", "cycles", "MAC util.",
                       "bound parallel", "bound serial"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
