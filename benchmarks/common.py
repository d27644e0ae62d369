"""Shared helpers for the benchmark scripts: timing external commands and printing tables."""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

from tabulate import tabulate


def time_command(cmd: Sequence[str], repeat: int = 3, timeout: float = 600.0) -> float | None:
    """Median wall-clock seconds of ``cmd`` (stdout discarded); None when the tool is missing or fails."""
    r = time_command_cpu(cmd, repeat, timeout)
    return None if r is None else r[0]


def time_command_cpu(cmd: Sequence[str], repeat: int = 3, timeout: float = 600.0) -> tuple[float, float] | None:
    """Median wall-clock seconds and median CPU seconds (user + system of the child, ``getrusage``) of ``cmd``;
    None when the tool is missing or fails. On a loaded machine the CPU time is the stabler figure: wall-clock
    includes the time the process waited for a core."""
    if shutil.which(cmd[0]) is None and cmd[0] != sys.executable:
        return None
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
        t1 = time.perf_counter()
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if r.returncode != 0:
            print(f"warning: {' '.join(cmd[:2])} failed: {r.stderr.decode()[:300]}", file=sys.stderr)
            return None
        walls.append(t1 - t0)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return statistics.median(walls), statistics.median(cpus)


def table(rows: list[list[object]], headers: list[str]) -> str:
    return tabulate(rows, headers=headers, tablefmt="github", floatfmt=".3f")
