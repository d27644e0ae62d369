"""``print-op-stats``: count the operations by name and print the table on stderr
(mlir/lib/Transforms/OpStats.cpp).

The text form is MLIR's "Operations encountered" table: names sorted, dialect prefixes right-aligned on the
``.``, counts after `` , ``; ``json`` prints ``{"name" : count, ...}`` instead. The IR is not changed.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import TextIO

from mlir_py.ir import Operation
from mlir_py.pass_manager import Pass, PassOption, register_pass


def op_stats_text(counts: Counter[str]) -> str:
    """The "Operations encountered" table; an op name splits on its first ``.`` into dialect and op."""
    names = sorted(counts)
    split = [n.split(".", 1) if "." in n else ["", n] for n in names]
    wd = max((len(d) for d, _ in split), default=0)
    wo = max((len(o) for _, o in split), default=0)
    lines = ["Operations encountered:", "-----------------------"]
    for n, (d, o) in zip(names, split):
        head = " " * (wd + 3) if not d else d.rjust(wd + 2) + "."
        lines.append(f"{head}{o.ljust(wo)} , {counts[n]}")
    return "\n".join(lines) + "\n"


def op_stats_json(counts: Counter[str]) -> str:
    body = ",\n".join(f'  "{n}" : {counts[n]}' for n in sorted(counts))
    return "{\n" + body + ("\n" if body else "") + "}\n"


@register_pass
class PrintOpStatsPass(Pass):
    """Print the number of operations of each kind under the op the pass runs on (itself included), to stderr.

    Output as MLIR's `print-op-stats` (mlir/lib/Transforms/OpStats.cpp)::

        Operations encountered:
        -----------------------
            arith.addi     , 2
          builtin.module   , 1
             func.func     , 1
    """

    argument = "print-op-stats"
    summary = "Print statistics of operations"
    options = [PassOption("json", bool, False, "print the stats as JSON")]

    def __init__(self, stream: TextIO | None = None, **options: object):
        super().__init__(**options)
        self.stream = stream

    def run_on_operation(self, op: Operation) -> None:
        counts = Counter(o.name for o in op.walk())
        out = self.stream or sys.stderr
        out.write(op_stats_json(counts) if self.option("json") else op_stats_text(counts))
