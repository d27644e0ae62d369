"""Draw engine timelines from DSA simulator traces (``mlir-py-run --target=dsa --trace FILE``) as one SVG, one panel
per trace on a common cycle axis — the picture in docs/dsa.md.

    python examples/dsa/trace_svg.py single.json double.json --title "single buffers" --title "ping-pong" \\
        -o docs/img/dsa_timeline.svg

Only the standard library: a trace is Chrome trace-event JSON whose ``X`` events carry ``args.cycle`` (start) and
``args.cycles`` (duration), one thread per engine stage.
"""

from __future__ import annotations

import argparse
import json
import sys
from html import escape
from typing import Any

TRACKS = ("dma", "matrix.read", "matrix.compute", "matrix.write", "vector", "sort", "cp")
COLORS = {"dma_load": "#4c72b0", "dma_store": "#55a868", "matmul": "#c44e52", "vector": "#8172b2", "fill": "#8172b2",
          "maxpool": "#ccb974", "topk": "#ccb974"}
ROW, GAP, LEFT, TOP, WIDTH = 16, 4, 118, 26, 900


def _events(trace: dict[str, Any]) -> list[tuple[str, str, int, int]]:
    """(track, op label, start cycle, cycles) of a trace's duration events."""
    return [(e["cat"], e["name"], e["args"]["cycle"], e["args"]["cycles"])
            for e in trace["traceEvents"] if e.get("ph") == "X"]


def render(traces: list[dict[str, Any]], titles: list[str], end: int | None = None) -> str:
    """The SVG text: one panel per trace, rows for the engine stages that have events, a shared cycle axis."""
    evs = [_events(t) for t in traces]
    horizon = end or max((s + d for es in evs for _, _, s, d in es), default=1)
    scale = WIDTH / horizon
    used = [t for t in TRACKS if any(ev[0] == t for es in evs for ev in es)]
    panel = TOP + len(used) * (ROW + GAP) + 18
    height = panel * len(traces) + 28
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{LEFT + WIDTH + 20}" height="{height}" '
           'font-family="sans-serif" font-size="11">', '<rect width="100%" height="100%" fill="white"/>']
    for p, (es, title) in enumerate(zip(evs, titles)):
        y0 = p * panel
        cycles = max((s + d for _, _, s, d in es), default=0)
        out.append(f'<text x="4" y="{y0 + 16}" font-weight="bold">{escape(title)} — {cycles:,} cycles</text>')
        for r, track in enumerate(used):
            y = y0 + TOP + r * (ROW + GAP)
            out.append(f'<text x="4" y="{y + 12}">{track}</text>')
            out.append(f'<rect x="{LEFT}" y="{y}" width="{WIDTH}" height="{ROW}" fill="#f2f2f2"/>')
            for tr, name, s, d in es:
                if tr == track and s < horizon:
                    w = max(d * scale - 0.6, 0.6)
                    out.append(f'<rect x="{LEFT + s * scale:.1f}" y="{y + 1}" width="{w:.1f}" height="{ROW - 2}" '
                               f'fill="{COLORS.get(name, "#999999")}"><title>{escape(name)} @{s}+{d}</title></rect>')
    axis = panel * len(traces) + 6
    step = _tick(horizon)
    out.append(f'<line x1="{LEFT}" y1="{axis}" x2="{LEFT + WIDTH}" y2="{axis}" stroke="black"/>')
    for c in range(0, horizon + 1, step):
        x = LEFT + c * scale
        out.append(f'<line x1="{x:.1f}" y1="{axis}" x2="{x:.1f}" y2="{axis + 4}" stroke="black"/>')
        out.append(f'<text x="{x:.1f}" y="{axis + 16}" text-anchor="middle">{c:,}</text>')
    legend_x = LEFT + WIDTH - 330
    for i, (name, color) in enumerate((("dma_load", COLORS["dma_load"]), ("dma_store", COLORS["dma_store"]),
                                       ("matmul", COLORS["matmul"]))):
        out.append(f'<rect x="{legend_x + i * 110}" y="6" width="10" height="10" fill="{color}"/>')
        out.append(f'<text x="{legend_x + i * 110 + 14}" y="15">{name}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _tick(horizon: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000):
        if horizon / step <= 10:
            return step
    return 10 ** len(str(horizon))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("traces", nargs="+")
    p.add_argument("--title", action="append", default=[])
    p.add_argument("--end", type=int, help="last cycle shown (default: the longest trace)")
    p.add_argument("-o", "--output", default="-")
    a = p.parse_args(argv)
    traces = []
    for path in a.traces:
        with open(path) as f:
            traces.append(json.load(f))
    titles = a.title + a.traces[len(a.title):]
    svg = render(traces, titles, a.end)
    if a.output == "-":
        sys.stdout.write(svg)
    else:
        with open(a.output, "w") as f:
            f.write(svg)
    return 0


if __name__ == "__main__":
    sys.exit(main())
