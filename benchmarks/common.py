"""Shared helpers for the benchmark scripts: timing external commands and printing tables."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

from tabulate import tabulate


def time_command(cmd: Sequence[str], repeat: int = 3, timeout: float = 600.0) -> float | None:
    """Median wall-clock seconds of ``cmd`` (stdout discarded); None when the tool is missing or fails."""
    if shutil.which(cmd[0]) is None and cmd[0] != sys.executable:
        return None
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
        t1 = time.perf_counter()
        if r.returncode != 0:
            print(f"warning: {' '.join(cmd[:2])} failed: {r.stderr.decode()[:300]}", file=sys.stderr)
            return None
        times.append(t1 - t0)
    return statistics.median(times)


def table(rows: list[list[object]], headers: list[str]) -> str:
    return tabulate(rows, headers=headers, tablefmt="github", floatfmt=".3f")
