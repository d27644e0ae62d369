"""canonicalize + cse on generated arith functions: mlir-py vs xdsl-opt vs iree-opt (issue 3, benchmark).

Each generated function has N arith ops in blocks of twelve, mixing what canonicalization folds (constant chains,
identities such as ``x + 0`` and ``x * 1``, re-associable ``(x + c1) + c2``) with what it must keep (a dependency
chain on the function arguments), plus duplicated sub-expressions for CSE. The same files are run, in the same
process run, by:

- mlir-py through the Python API: parse, ``canonicalize``, ``cse``, print — each phase timed, the passes again on
  already canonical IR (where nothing matches: the cost of a pattern set that is built once, not per op);
- ``mlir-py-opt --canonicalize --cse`` as a command line (Python start-up included);
- ``xdsl-opt -p canonicalize,cse`` and, to separate its passes from its parser and printer, ``xdsl-opt`` alone;
- ``iree-opt --canonicalize --cse`` (MLIR in C++).

Figures are printed, never asserted. The outputs of all three tools are checked to have the same number of ops.
Usage: ``python benchmarks/rewrite.py [--sizes 10000,100000] [--repeat 1]``.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def generate(n: int, seed: int = 0) -> str:
    """A function of about ``n`` arith ops over two i32 arguments."""
    r = random.Random(seed)
    lines = ["func.func @bench(%a: i32, %b: i32) -> i32 {"]
    k = 0
    prev = "%a"
    while k < n:
        i = k
        c1, c2, c3 = r.randint(1, 100), r.randint(1, 100), r.randint(0, 7)
        lines += [
            f"  %k{i}a = arith.constant {c1} : i32",                    # foldable constant chain
            f"  %k{i}b = arith.constant {c2} : i32",
            f"  %k{i}c = arith.addi %k{i}a, %k{i}b : i32",
            f"  %k{i}d = arith.muli %k{i}c, %k{i}a : i32",
            f"  %x{i} = arith.addi {prev}, %k{i}d : i32",                # kept: depends on the arguments
            f"  %z{i} = arith.constant 0 : i32",
            f"  %y{i} = arith.addi %x{i}, %z{i} : i32",                  # identity: x + 0
            f"  %s{i} = arith.constant {c3} : i32",
            f"  %t{i} = arith.addi %y{i}, %s{i} : i32",                  # (x + c1) + c2 re-associates
            f"  %u{i} = arith.xori %t{i}, %b : i32",                     # kept
            f"  %v{i} = arith.xori %t{i}, %b : i32",                     # CSE: same as %u
            f"  %w{i} = arith.andi %u{i}, %v{i} : i32",                  # and(x, x) -> x once merged
        ]
        prev = f"%w{i}"
        k += 12
    lines += [f"  return {prev} : i32", "}"]
    return "\n".join(lines) + "\n"


def count_ops(text: str) -> int:
    return sum(1 for line in text.splitlines() if " = " in line or line.strip().startswith(("return", "\"func.return")))


def run_cli(cmd: list[str]) -> tuple[float, str]:
    t = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    dt = time.perf_counter() - t
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:2])} failed: {proc.stderr[-2000:]}")
    return dt, proc.stdout


def bench_ours(text: str, path: str) -> dict[str, float]:
    from mlir_py import Context, parse_module
    from mlir_py.printer import Printer
    from passes.canonicalize import CanonicalizePass
    from passes.cse import CSEPass

    ctx = Context()
    canon, cse = CanonicalizePass(), CSEPass()
    canon.initialize()
    out: dict[str, float] = {}
    gc.collect()
    gc.disable()  # as mlir-py-opt does: the IR is acyclic garbage-free during a pass
    try:
        t0 = time.perf_counter()
        module = parse_module(text, ctx, path)
        t1 = time.perf_counter()
        canon.run_on_operation(module)
        t2 = time.perf_counter()
        cse.run_on_operation(module)
        t3 = time.perf_counter()
        result = Printer().print_top(module)
        t4 = time.perf_counter()
        canon.run_on_operation(module)
        cse.run_on_operation(module)
        t5 = time.perf_counter()
    finally:
        gc.enable()
    out.update(parse=t1 - t0, canonicalize=t2 - t1, cse=t3 - t2, print=t4 - t3, nothing_matches=t5 - t4,
               ops_out=count_ops(result))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--repeat", type=int, default=1, help="best of R runs for every figure")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    xdsl, iree = shutil.which("xdsl-opt"), shutil.which("iree-opt")
    py = sys.executable
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            text = generate(n)
            path = os.path.join(tmp, f"bench_{n}.mlir")
            with open(path, "w") as f:
                f.write(text)
            ops_in = count_ops(text) - 1
            best: dict[str, float] = {}
            for _ in range(args.repeat):
                for k, v in bench_ours(text, path).items():
                    best[k] = min(best.get(k, float("inf")), v)
                t_cli, out_cli = run_cli([py, "-m", "tools.mlir_py_opt", "--canonicalize", "--cse", path])
                best["cli"] = min(best.get("cli", float("inf")), t_cli)
                if xdsl:
                    t_x, out_x = run_cli([xdsl, "-p", "canonicalize,cse", path])
                    t_x0, _ = run_cli([xdsl, path])
                    best["xdsl"] = min(best.get("xdsl", float("inf")), t_x)
                    best["xdsl_noop"] = min(best.get("xdsl_noop", float("inf")), t_x0)
                    best["xdsl_ops_out"] = count_ops(out_x)
                if iree:
                    t_i, out_i = run_cli([iree, "--canonicalize", "--cse", path])
                    best["iree"] = min(best.get("iree", float("inf")), t_i)
                    best["iree_ops_out"] = count_ops(out_i)
            best["ops_in"] = ops_in
            best["cli_ops_out"] = count_ops(out_cli)
            rows.append((n, best))

    print(f"{'N':>8} {'phase':<40} {'seconds':>9} {'ops/s':>11}")
    for n, b in rows:
        ops = b["ops_in"]
        passes = b["canonicalize"] + b["cse"]
        e2e = b["parse"] + passes + b["print"]

        def line(name: str, t: float, n: int = n, ops: int = ops) -> None:
            print(f"{n:>8} {name:<40} {t:>9.3f} {ops / t:>11,.0f}")

        line("mlir-py parse", b["parse"])
        line("mlir-py canonicalize", b["canonicalize"])
        line("mlir-py cse", b["cse"])
        line("mlir-py print", b["print"])
        line("mlir-py canonicalize+cse (passes)", passes)
        line("mlir-py canonicalize+cse, nothing matches", b["nothing_matches"])
        line("mlir-py parse+passes+print (API)", e2e)
        line("mlir-py-opt --canonicalize --cse (CLI)", b["cli"])
        if "xdsl" in b:
            line("xdsl-opt -p canonicalize,cse (CLI)", b["xdsl"])
            line("xdsl-opt passes (CLI minus no-op run)", max(b["xdsl"] - b["xdsl_noop"], 1e-9))
        if "iree" in b:
            line("iree-opt --canonicalize --cse (CLI)", b["iree"])
        outs = [f"mlir-py {b['ops_out']}", f"CLI {b['cli_ops_out']}"]
        if "xdsl" in b:
            outs.append(f"xdsl {b['xdsl_ops_out']}")
        if "iree" in b:
            outs.append(f"iree {b['iree_ops_out']}")
        print(f"{n:>8} ops in: {ops}, ops out: " + ", ".join(outs))
        if "xdsl" in b:
            xp = max(b["xdsl"] - b["xdsl_noop"], 1e-9)
            print(f"{n:>8} speed vs xdsl-opt: CLI end to end {b['xdsl'] / b['cli']:.2f}x, "
                  f"passes only {xp / passes:.2f}x")
        if "iree" in b:
            print(f"{n:>8} time vs iree-opt (CLI end to end): {b['cli'] / b['iree']:.1f}x slower")
    if len(rows) >= 2:
        (n0, b0), (n1, b1) = rows[0], rows[-1]
        per0 = (b0["canonicalize"] + b0["cse"]) / b0["ops_in"]
        per1 = (b1["canonicalize"] + b1["cse"]) / b1["ops_in"]
        print(f"linearity: passes time per op at N={n1} / at N={n0} = {per1 / per0:.2f} (1.0 is linear)")


if __name__ == "__main__":
    main()
