"""The simulator's report: every statistic, as a table (``mlir-py-run --stats``), JSON (``--stats-json``) and a
Chrome/Perfetto trace of the engine timelines (``--trace``); docs/dsa.md defines each figure.

Roofline bounds (Redfern, "Implementation": serial = communication + computation, parallel = their maximum):

* communication = the DMA engine's busy cycles (⌈bytes / bandwidth⌉ per transfer);
* computation, parallel = the busiest compute engine at its peak rate: N cycles per matrix primitive (N² MACs per
  cycle), the vector and sort units' busy cycles;
* computation, serial = nothing overlapped: every primitive unpipelined (read + compute + write, 3N cycles when
  the SRAM keeps up), plus the vector and sort units' cycles;
* control processor: fallback ops overlap nothing (they wait for every engine to drain), so their cycles add to
  both bounds;
* bound_parallel = max(communication, computation parallel) + cp <= simulated cycles <= bound_serial =
  communication + computation serial + cp. (Each holds for any program: an engine cannot do its work faster
  than its busy time, and an operation never waits for more than all the work issued before it.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from dialects import dsa

from .machine import ENERGY_CATEGORIES, ENGINES, Stats


@dataclass
class LayerReport:
    """The figures of the operations grouped under one ``dsa.layer`` name."""

    name: str
    start: int
    end: int
    busy: list[int]
    stats: Stats
    location: str = ""

    def to_dict(self, n: int) -> dict[str, Any]:
        s = self.stats
        cycles = max(0, self.end - self.start)
        peak = n * n * cycles
        return {"name": self.name, "location": self.location, "start_cycle": self.start, "end_cycle": self.end,
                "cycles": cycles, "macs": int(s["macs"]), "hw_macs": int(s["hw_macs"]),
                "mac_utilization": s["macs"] / peak if cycles else 0.0,
                "padding_utilization_loss": (s["hw_macs"] - s["macs"]) / peak if cycles else 0.0,
                "dram_bytes": int(s["dram_read_bytes"] + s["dram_write_bytes"]),
                "sram_bytes": int(s["sram_read_bytes"] + s["sram_write_bytes"]),
                "energy_pj": sum(s[f"energy_{c}_pj"] for c in ENERGY_CATEGORIES),
                "engines": {e: {"busy_cycles": b} for e, b in zip(ENGINES, self.busy)}}


@dataclass
class Report:
    """Simulated cycles, per-engine busy cycles, work counts, energy and the roofline bounds of one run."""

    target: dsa.TargetAttr
    cycles: int
    busy: list[int]  # per engine (matrix: compute-stage cycles)
    matrix_serial: int  # Σ read + compute + write cycles of the primitives
    stats: Stats
    layers: list[LayerReport] = field(default_factory=list)
    events: list[tuple[int, int, int, int]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    batched_loops: int = 0
    fallback_ops: list[dict[str, Any]] = field(default_factory=list)
    peak_sram_bytes: int = 0
    sram_lower_bound_bytes: int = 0

    # --- derived figures --------------------------------------------------------------------------------------
    def __getitem__(self, key: str) -> Any:
        return self.to_dict()[key]

    @property
    def communication_cycles(self) -> int:
        return self.busy[0]

    @property
    def computation_cycles(self) -> int:
        return max(self.busy[1], self.busy[2], self.busy[3])

    @property
    def cp_cycles(self) -> int:
        return self.busy[4]

    @property
    def bound_parallel_cycles(self) -> int:
        return max(self.communication_cycles, self.computation_cycles) + self.cp_cycles

    @property
    def bound_serial_cycles(self) -> int:
        return self.communication_cycles + self.matrix_serial + self.busy[2] + self.busy[3] + self.cp_cycles

    @property
    def mac_utilization(self) -> float:
        n = self.target.n
        return self.stats["macs"] / (n * n * self.cycles) if self.cycles else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The JSON report (``--stats-json``); units in the key names, cycles unless said otherwise."""
        s, t, n = self.stats, self.target, self.target.n
        energy = {c: s[f"energy_{c}_pj"] for c in ENERGY_CATEGORIES}
        ops = {e: s[f"ops_{e}"] for e in ENGINES}
        d: dict[str, Any] = {
            "cycles": self.cycles,
            "time_us": self.cycles / t.clock_mhz,
            "macs": int(s["macs"]),
            "hw_macs": int(s["hw_macs"]),
            "primitives": int(s["primitives"]),
            "mac_utilization": self.mac_utilization,
            "hw_mac_utilization": s["hw_macs"] / (n * n * self.cycles) if self.cycles else 0.0,
            "padding_utilization_loss": (s["hw_macs"] - s["macs"]) / (n * n * self.cycles) if self.cycles else 0.0,
            "dram_bytes": int(s["dram_read_bytes"] + s["dram_write_bytes"]),
            "dram_read_bytes": int(s["dram_read_bytes"]),
            "dram_write_bytes": int(s["dram_write_bytes"]),
            "sram_bytes": int(s["sram_read_bytes"] + s["sram_write_bytes"]),
            "sram_read_bytes": int(s["sram_read_bytes"]),
            "sram_write_bytes": int(s["sram_write_bytes"]),
            "vector_elements": int(s["vector_elements"]),
            "sort_comparisons": int(s["sort_comparisons"]),
            "cp_elements": int(s["cp_elements"]),
            "peak_sram_bytes": self.peak_sram_bytes,
            "sram_lower_bound_bytes": self.sram_lower_bound_bytes,
            "energy_pj": sum(energy.values()),
            "energy_by_category_pj": energy,
            "communication_cycles": self.communication_cycles,
            "computation_cycles": self.computation_cycles,
            "cp_cycles": self.cp_cycles,
            "bound_serial_cycles": self.bound_serial_cycles,
            "bound_parallel_cycles": self.bound_parallel_cycles,
            "engines": {e: {"busy_cycles": b, "utilization": b / self.cycles if self.cycles else 0.0,
                            "ops": int(ops[e])} for e, b in zip(ENGINES, self.busy)},
            "target": {f: getattr(t, f) for f in t.FIELDS},
            "fallback_ops": [dict(f) for f in self.fallback_ops],
            "layers": [layer.to_dict(n) for layer in self.layers],
        }
        return d

    # --- renderings -------------------------------------------------------------------------------------------
    def table(self) -> str:
        """The report as text tables (tabulate)."""
        from tabulate import tabulate

        d, t = self.to_dict(), self.target
        cyc = d["cycles"]
        head = (f"DSA simulation: n = {t.n} ({t.n * t.n} MAC/cycle), SRAM {t.sram_kib} KiB, DRAM "
                f"{t.dram_bytes_per_cycle} B/cycle, SRAM {t.sram_bytes_per_cycle} B/cycle, {t.clock_mhz} MHz")
        summary = [
            ("cycles", f"{cyc:,}", f"{d['time_us']:,.3f} µs"),
            ("MACs", f"{d['macs']:,}", f"{d['primitives']:,} primitives, {d['hw_macs']:,} with padding"),
            ("MAC utilization", f"{100 * d['mac_utilization']:.2f} %", f"of {t.n * t.n} MAC/cycle"),
            ("DRAM bytes", f"{d['dram_bytes']:,}", f"read {d['dram_read_bytes']:,}, written {d['dram_write_bytes']:,}"),
            ("SRAM bytes", f"{d['sram_bytes']:,}", f"read {d['sram_read_bytes']:,}, written {d['sram_write_bytes']:,}"),
            ("peak SRAM", f"{d['peak_sram_bytes']:,} B", f"lower bound {d['sram_lower_bound_bytes']:,} B"),
            ("energy", f"{d['energy_pj'] / 1e6:,.3f} µJ", f"{d['energy_pj'] / max(d['macs'], 1):.2f} pJ/MAC"),
        ]
        engines = [(e, f"{v['busy_cycles']:,}", f"{100 * v['utilization']:.2f} %", f"{v['ops']:,}")
                   for e, v in d["engines"].items()]
        energy = [(c, f"{v:,.0f}", f"{100 * v / d['energy_pj']:.1f} %" if d["energy_pj"] else "-")
                  for c, v in d["energy_by_category_pj"].items()]
        roof = [("communication (DMA busy)", f"{d['communication_cycles']:,}"),
                ("computation (peak rate)", f"{d['computation_cycles']:,}"),
                ("control processor (fallback)", f"{d['cp_cycles']:,}"),
                ("bound, parallel = max", f"{d['bound_parallel_cycles']:,}"),
                ("simulated", f"{cyc:,}"),
                ("bound, serial = sum", f"{d['bound_serial_cycles']:,}")]
        parts = [head, "", tabulate(summary, headers=["", "value", ""]), "",
                 tabulate(engines, headers=["engine", "busy cycles", "utilization", "ops"]), "",
                 tabulate(energy, headers=["energy", "pJ", "share"]), "",
                 tabulate(roof, headers=["roofline", "cycles"])]
        if self.layers:
            rows = [(x["name"], f"{x['cycles']:,}", f"{100 * x['mac_utilization']:.2f} %",
                     f"{100 * x['padding_utilization_loss']:.2f} %", f"{x['dram_bytes']:,}",
                     f"{x['energy_pj'] / 1e6:,.3f}", x["location"]) for x in d["layers"]]
            parts += ["", tabulate(rows, headers=["layer", "cycles", "MAC util.", "padding loss", "DRAM bytes",
                                                  "energy µJ", "location"])]
        if self.fallback_ops:
            cp_rows = [(f["op"], f["count"], f"{f['cycles']:,}", f"{f['elements']:,}", f["layer"], f["location"])
                       for f in self.fallback_ops]
            parts += ["", tabulate(cp_rows, headers=["fallback op (cp)", "runs", "cycles", "elements", "layer",
                                                  "location"])]
        return "\n".join(parts)

    def chrome_trace(self) -> dict[str, Any]:
        """The engine timelines in the Chrome trace-event format (one thread per engine stage; times in µs at
        the target clock, cycles in ``args``), for chrome://tracing or ui.perfetto.dev."""
        from .simulator import TRACKS

        mhz = self.target.clock_mhz
        events: list[dict[str, Any]] = [{"ph": "M", "pid": 1, "name": "process_name", "args": {"name": "DSA"}}]
        for i, name in enumerate(TRACKS):
            events.append({"ph": "M", "pid": 1, "tid": i, "name": "thread_name", "args": {"name": name}})
            events.append({"ph": "M", "pid": 1, "tid": i, "name": "thread_sort_index", "args": {"sort_index": i}})
        labels = self.labels
        for track, lab, start, dur in self.events:
            events.append({"name": labels[lab].split(" ", 1)[0], "cat": TRACKS[track], "ph": "X", "pid": 1,
                           "tid": track, "ts": start / mhz, "dur": dur / mhz,
                           "args": {"cycle": start, "cycles": dur, "op": labels[lab]}})
        return {"traceEvents": events, "displayTimeUnit": "ns",
                "otherData": {"cycles": self.cycles, "clock_mhz": mhz}}

    def write_trace(self, path: str) -> None:
        with open(path, "w") as f:
            json.dump(self.chrome_trace(), f, separators=(",", ":"))

    def write_json(self, path: str) -> None:
        with open(path, "w") as f:
            json.dump(self.to_dict(), f, indent=2)
            f.write("\n")
