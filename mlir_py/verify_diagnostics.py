"""``--verify-diagnostics``: check emitted diagnostics against ``expected-*`` comments in the source.

Syntax (as MLIR's ``SourceMgrDiagnosticVerifierHandler``): ``// expected-error {{message}}`` on the line the
diagnostic points at, or with a line designator ``@+N``, ``@-N``, ``@above``, ``@below``; severities error,
warning, remark, note. The message is matched as a substring; ``{{...}}`` may appear once per expectation.
Every emitted error/warning/remark must be expected, and every expectation must be produced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attributes import file_line_col
from .diagnostics import Diagnostic

_EXPECT = re.compile(r"expected-(error|warning|remark|note)(?:@(above|below|[+-][0-9]+))?\s*\{\{(.*?)\}\}")


@dataclass
class Expectation:
    severity: str
    line: int
    message: str
    source_line: int
    matched: bool = False


def collect_expectations(text: str, line_offset: int = 0) -> list[Expectation]:
    out = []
    for i, line in enumerate(text.split("\n")):
        for m in _EXPECT.finditer(line):
            lineno = i + 1 + line_offset
            d = m.group(2)
            target = lineno
            if d == "above":
                target -= 1
            elif d == "below":
                target += 1
            elif d:
                target += int(d)
            out.append(Expectation(m.group(1), target, m.group(3), lineno))
    return out


def check(expectations: list[Expectation], diagnostics: list[Diagnostic], filename: str) -> list[str]:
    """Match diagnostics to expectations; return the error messages for mismatches (empty when all match)."""
    errors: list[str] = []

    def match(d: Diagnostic, required: bool) -> None:
        pos = file_line_col(d.location)
        line = pos.line if pos is not None else -1
        for e in expectations:
            if not e.matched and e.severity == d.severity and e.line == line and e.message in d.message:
                e.matched = True
                return
        if required:
            where = f"{pos.filename}:{pos.line}:{pos.col}: " if pos is not None else ""
            errors.append(f"{where}error: unexpected {d.severity}: {d.message}")

    for d in diagnostics:
        match(d, d.severity != "note")
        for n in d.notes:
            match(n, False)
    for e in expectations:
        if not e.matched:
            errors.append(f'{filename}:{e.source_line}: error: expected {e.severity} "{e.message}" was not produced')
    return errors
