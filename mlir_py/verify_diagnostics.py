"""``--verify-diagnostics``: check emitted diagnostics against ``expected-*`` comments in the source.

The rules are MLIR's ``SourceMgrDiagnosticVerifierHandler`` (mlir/lib/IR/Diagnostics.cpp):

- a designator is ``expected-(error|warning|remark|note)(-re)? *(@LINE)? *{{message}}`` at the end of a line;
  ``LINE`` is ``+N`` / ``-N`` (relative to the designator's line), ``above`` (the closest previous line that is
  not itself a designator), ``below`` (the next such line) or ``unknown`` (a diagnostic without a file location);
- a diagnostic matches when it is on that line, has that severity and contains the message (``-re``: the message
  is a regular expression where ``{{...}}`` groups are regexes and the rest is literal);
- every emitted diagnostic must be expected, notes included (each note is checked on its own);
- every designator must be matched by some diagnostic.

Failures are reported MLIR's way: ``unexpected error: ...`` at the diagnostic's location, ``expected error "..." was
not produced`` at the designator (with its source line and a caret), and ``'warning' diagnostic emitted when
expecting a 'error'`` for a severity mismatch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .attributes import file_line_col
from .diagnostics import Diagnostic, SourceManager, render, source_snippet

_DESIGNATOR = re.compile(
    r"expected-(error|note|remark|warning)(-re)? *(@([+-][0-9]+|above|below|unknown))? *\{\{(.*)\}\}$")


@dataclass
class Expectation:
    severity: str
    line: int  # the line the diagnostic must be on (0 for @unknown)
    message: str
    source_line: int  # where the designator is written
    source_col: int
    regex: re.Pattern[str] | None = None
    matched: bool = False

    def matches(self, message: str) -> bool:
        return self.regex.search(message) is not None if self.regex is not None else self.message in message


def _compile(message: str) -> re.Pattern[str]:
    """``a {{b.*}} c`` -> ``a (b.*) c``: literal text escaped, ``{{...}}`` kept as regex."""
    out, rest = [], message
    while rest:
        i = rest.find("{{")
        if i < 0:
            out.append(re.escape(rest))
            break
        out.append(re.escape(rest[:i]))
        rest = rest[i + 2:]
        j = rest.find("}}")
        if j < 0:
            raise ValueError("found start of regex with no end '}}'")
        try:
            re.compile(rest[:j])
        except re.error as e:
            raise ValueError(f"invalid regex: {e}") from None
        out.append(f"({rest[:j]})")
        rest = rest[j + 2:]
    return re.compile("".join(out))


class DiagnosticVerifier:
    """Expectations of one source buffer, matched against the diagnostics :meth:`process` is given.

    ``errors`` accumulates the rendered failures in the order mlir-opt prints them; :meth:`finish` adds the
    designators that were never matched and returns whether everything matched."""

    def __init__(self, text: str, filename: str, sources: SourceManager | None = None):
        self.filename = filename
        self.sources = sources
        self.errors: list[str] = []
        self.expectations: list[Expectation] = []
        self.unknown: list[Expectation] = []
        self._scan(text)

    def _scan(self, text: str) -> None:
        lines = text.split("\n")
        last_plain = 0  # 0-based index of the last line without a designator
        pending_below: list[Expectation] = []
        for i, raw in enumerate(lines):
            m = _DESIGNATOR.search(raw.rstrip())
            if m is None:
                for e in pending_below:
                    e.line = i + 1
                pending_below.clear()
                last_plain = i
                continue
            e = Expectation(m.group(1), i + 1, m.group(5), i + 1, m.start() + 1)
            if m.group(2):
                try:
                    e.regex = _compile(e.message)
                except ValueError as err:
                    self._error_at(e, str(err))
                    continue
            where = m.group(4)
            if where is None:
                pass
            elif where[0] in "+-":
                e.line += int(where)
            elif where == "unknown":
                e.line = 0
                self.unknown.append(e)
                continue
            elif where == "above":
                e.line = last_plain + 1
            else:  # below: the next line without a designator (the last line if none follows)
                e.line = len(lines)
                pending_below.append(e)
            self.expectations.append(e)

    def _error_at(self, e: Expectation, message: str, underline: bool = True) -> None:
        """An error at the designator (``<unknown>:0`` for ``@unknown`` ones, as mlir-opt prints them)."""
        if e.line == 0 and e in self.unknown:
            self.errors.append(f"<unknown>:0: error: {message}")
            return
        head = f"{self.filename}:{e.source_line}:{e.source_col}: error: {message}"
        src = self.sources.line(self.filename, e.source_line) if self.sources is not None else None
        length = len(e.message) if underline else 1
        self.errors.append(head if src is None else head + "\n" + source_snippet(src, e.source_col, length))

    def process(self, diag: Diagnostic) -> None:
        """Check a diagnostic (after the ones reported before it) and each of its notes."""
        for p in diag.preceding:
            self.process(p)
        self._process_one(diag)
        for n in diag.notes:
            self._process_one(n)

    def _process_one(self, d: Diagnostic) -> None:
        pos = file_line_col(d.location)
        if pos is not None:
            candidates = [e for e in self.expectations if e.line == pos.line]
        else:
            candidates = self.unknown
        near_miss = None
        for e in candidates:
            if e.matches(d.message):
                if e.severity == d.severity:
                    e.matched = True
                    return
                near_miss = e
        if near_miss is not None:
            self._error_at(near_miss, f"'{d.severity}' diagnostic emitted when expecting a '{near_miss.severity}'",
                           underline=False)
        else:
            self.errors.append(render(Diagnostic("error", f"unexpected {d.severity}: {d.message}", d.location),
                                      self.sources))

    def finish(self) -> bool:
        """Report the designators never matched; True when the diagnostics were exactly the expected ones."""
        for e in self.expectations + self.unknown:
            if not e.matched:
                e.matched = True  # report once
                self._error_at(e, f'expected {e.severity} "{e.message}" was not produced')
        return not self.errors


__all__ = ["DiagnosticVerifier", "Expectation"]
