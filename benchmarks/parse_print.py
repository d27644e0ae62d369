"""Parse + verify + print throughput of ``mlir-py-opt`` against ``xdsl-opt`` and ``iree-opt`` (real MLIR).

Generates one function with N = 1k, 10k and 100k arith ops (custom syntax, a mix of integer and float
arithmetic, comparisons, selects and constants), runs each tool end to end on the same file in the same run
(median of ``--repeat`` runs; start-up included, as a user sees it) and prints ops/s and the ratio of
mlir-py's throughput to xdsl-opt's, both by wall clock and by CPU time (user + system of the process: the stable
figure when other jobs load the machine). Target (issue #2): at least 2x xdsl-opt at every N, time linear in N.

    python benchmarks/parse_print.py [--sizes 1000 10000 100000] [--repeat 3] [--generic]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import table, time_command_cpu  # noqa: E402


def generate(n: int) -> str:
    """A function of ``n`` arith ops in custom syntax that every tool (mlir-py, xDSL, MLIR) accepts."""
    lines = ["func.func @bench(%a: i32, %b: i32, %x: f32, %y: f32) -> (i32, f32) {",
             "  %c7 = arith.constant 7 : i32"]
    iv, fv = "%a", "%x"
    k = 0
    for i in range(n - 1):
        r = f"%v{i}"
        kind = i % 8
        if kind == 0:
            lines.append(f"  {r} = arith.addi {iv}, %b : i32")
        elif kind == 1:
            lines.append(f"  {r} = arith.muli {iv}, %c7 : i32")
        elif kind == 2:
            lines.append(f"  {r} = arith.mulf {fv}, %y : f32")
        elif kind == 3:
            lines.append(f"  {r} = arith.subi {iv}, %a : i32")
        elif kind == 4:
            lines.append(f"  {r} = arith.addf {fv}, %x : f32")
        elif kind == 5:
            lines.append(f"  {r} = arith.cmpi slt, {iv}, %b : i32")
            k = i
        elif kind == 6:
            lines.append(f"  {r} = arith.select %v{k}, {iv}, %b : i32")
        else:
            lines.append(f"  {r} = arith.xori {iv}, %a : i32")
        if kind in (0, 1, 3, 6, 7):
            iv = r
        elif kind in (2, 4):
            fv = r
    lines.append(f"  return {iv}, {fv} : i32, f32")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (median); 1 for N >= 100k")
    ap.add_argument("--generic", action="store_true", help="print the generic form (all tools)")
    args = ap.parse_args()
    flag = ["--mlir-print-op-generic"] if args.generic else []
    rows = []
    with tempfile.TemporaryDirectory() as d:
        for n in args.sizes:
            path = os.path.join(d, f"bench_{n}.mlir")
            with open(path, "w") as f:
                f.write(generate(n))
            rep = args.repeat if n < 100000 else 1
            ours = time_command_cpu([sys.executable, "-m", "tools.mlir_py_opt", path, *flag], rep)
            xdsl = time_command_cpu(["xdsl-opt", path, *(["--print-op-generic"] if args.generic else [])], rep)
            iree = time_command_cpu(["iree-opt", path, *flag], rep)

            def ops(t: tuple[float, float] | None, k: int, n: int = n) -> str:
                return f"{n / t[k]:,.0f}" if t else "n/a"

            def ratio(k: int, ours: tuple[float, float] | None = ours,
                      xdsl: tuple[float, float] | None = xdsl) -> str:
                return f"{xdsl[k] / ours[k]:.2f}x" if ours and xdsl else "n/a"

            rows.append([n, ours and ours[0], ops(ours, 0), ops(xdsl, 0), ops(iree, 0), ratio(0),
                         ours and ours[1], ops(ours, 1), ops(xdsl, 1), ops(iree, 1), ratio(1)])
            print(f"N={n}: (wall s, cpu s) mlir-py {ours}, xdsl-opt {xdsl}, iree-opt {iree}", file=sys.stderr)
    print(table(rows, ["ops", "wall s", "ops/s", "xdsl ops/s", "iree ops/s", "vs xdsl", "cpu s", "ops/cpu-s",
                       "xdsl ops/cpu-s", "iree ops/cpu-s", "vs xdsl (cpu)"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
