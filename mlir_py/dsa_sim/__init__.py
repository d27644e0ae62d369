"""The DSA simulator: functional (numpy, exact) and timed (cycles per engine, utilization, bytes, energy,
roofline bounds) execution of ``dsa`` programs. docs/dsa.md describes the machine, the ops and every statistic.

    from mlir_py.dsa_sim import simulate
    result = simulate(module, "matmul", [a, b])     # a, b: numpy arrays for the kernel's input arguments
    result.outputs                                  # the 'dsa.output' arguments after the run
    result.report.to_dict()["mac_utilization"]

Modules: :mod:`.machine` (memories, accesses, energy table), :mod:`.ops` (what each op computes and costs),
:mod:`.simulator` (the interpreter and the timing model), :mod:`.batch` (batched loop nests), :mod:`.replay`
(their timing by compiled token flow), :mod:`.report`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from dialects import dsa
from mlir_py.attributes import IntegerAttr, MemRefType
from mlir_py.interpreter import function_type
from mlir_py.ir import Operation, symbol_name

from .machine import ENGINES, Buf, Memory, SimError
from .ops import np_dtype
from .report import LayerReport, Report
from .simulator import KernelSignature, Simulator, kernel_signature


@dataclass
class SimResult:
    """The ``dsa.output`` arrays after the run, in argument order, and the :class:`Report`."""

    outputs: list[np.ndarray]
    report: Report


def find_kernel(module: Operation, entry: str) -> Operation:
    for op in module.regions[0].ops():
        if symbol_name(op) == entry and function_type(op) is not None:
            return op
    raise SimError(f"entry function '@{entry}' not found")


def simulate(module: Operation, entry: str, inputs: Sequence[Any], *, batch: bool = True, trace: bool = False,
             races: bool = True) -> SimResult:
    """Run kernel ``@entry`` of a verified ``module`` on ``inputs`` (one array per non-output argument, of its
    shape and dtype) for the module's ``#dsa.target``. ``batch=False`` runs every loop tile by tile (same results
    and cycles, slower); ``trace`` records the engine timelines; ``races`` checks tile accesses across engines.
    Raises :class:`SimError` (a located diagnostic) on misuse and runtime errors."""
    fn = find_kernel(module, entry)
    sig = kernel_signature(fn)
    if len(inputs) != len(sig.inputs):
        raise SimError(f"'@{entry}' takes {len(sig.inputs)} input(s), got {len(inputs)}", fn)
    target = dsa.target_of(fn)
    sim = Simulator(module, target, batch=batch, trace=trace, races=races)
    bufs: list[Buf] = []
    given = dict(zip(sig.inputs, inputs))
    for i, t in enumerate(sig.arg_types):
        dt = np_dtype(t.element_type)
        if i in given:
            x = np.asarray(given[i])
            if x.shape != tuple(t.shape) or x.dtype != dt:
                raise SimError(f"argument #{i} of '@{entry}' expects a {'x'.join(map(str, t.shape))} array of "
                               f"{dt}, got {'x'.join(map(str, x.shape))} of {x.dtype}", fn)
            data = np.ascontiguousarray(x).reshape(-1).view(np.uint8).copy()
        else:
            data = np.zeros(dsa.nbytes(t), dtype=np.uint8)
        bufs.append(Buf(Memory(f"DRAM argument #{i}", "dram", data), 0, tuple(t.shape), dt))
    sim.kernel = fn
    sim.run_kernel(fn, bufs)
    outputs = [bufs[i].array().copy() for i in sig.outputs]
    return SimResult(outputs, make_report(sim))


def make_report(sim: Simulator) -> Report:
    from .machine import Stats

    tm = sim.timing
    total = Stats()
    for s in sim.layer_stats.values():
        total.merge(s)
    layers = [LayerReport(name, lt.start, lt.end, lt.busy, sim.layer_stats.get(name, Stats()),
                          sim.layer_locs.get(name, ""))
              for name, lt in tm.layers.items() if name]
    k = len(ENGINES)
    return Report(sim.target, tm.cycles, tm.busy[:k], tm.busy[k], total, layers, tm.events, tm.labels,
                  sim.batched_loops, list(sim.fallback.values()), *sram_figures(sim.kernel))


def sram_figures(fn: Operation | None) -> tuple[int, int]:
    """(peak_sram_bytes, sram_lower_bound_bytes) of kernel ``fn``: the memory planner's attributes
    ``dsa.peak_sram_bytes`` and ``dsa.sram_lower_bound_bytes`` when present; otherwise computed from the SRAM
    ``dsa.buffer`` ops: the highest byte any buffer reaches (offset + size), and the largest single buffer (no
    plan can use less; the planner's liveness-based bound is tighter)."""
    if fn is None:
        return 0, 0
    ends, sizes = [0], [0]
    for o in fn.walk():
        if isinstance(o, dsa.BufferOp) and dsa.space_of(o.result.type) == "sram":
            t = o.result.type
            assert isinstance(t, MemRefType)
            ends.append(o.offset.value + dsa.nbytes(t))
            sizes.append(dsa.nbytes(t))
    peak, low = fn.attributes.get("dsa.peak_sram_bytes"), fn.attributes.get("dsa.sram_lower_bound_bytes")
    return (peak.value if isinstance(peak, IntegerAttr) else max(ends),
            low.value if isinstance(low, IntegerAttr) else max(sizes))


__all__ = ["KernelSignature", "Report", "SimError", "SimResult", "Simulator", "find_kernel", "kernel_signature",
           "make_report", "simulate", "sram_figures"]
