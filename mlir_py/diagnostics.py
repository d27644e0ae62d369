"""MLIR-style diagnostics: ``file:line:col: error: message``, the source line and a caret, attached notes.

A :class:`Diagnostic` has a severity (error, warning, remark, note), a message, a location and notes (each with its
own location). Verifiers and passes raise :class:`VerifyError` (or report through a :class:`DiagnosticEngine`);
parse errors are :class:`ParseError` at the exact source position. :func:`render` prints them as MLIR's
``SourceMgrDiagnosticHandler`` does (mlir/lib/IR/Diagnostics.cpp):

- the shown position is the first ``FileLineColLoc`` inside the location (name, call-site and fused locations
  are looked through); with none, the line reads ``<unknown>:0: error: loc(...): message``;
- the source line and a caret follow when the file is known to the :class:`SourceManager`;
- a note repeats the source line only when its location differs from the previous diagnostic's;
- :func:`attach_op_note` adds MLIR's ``see current operation: <generic form>`` note to an op's error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from .attributes import AttrPrinter, LocationAttr, UnknownLoc, file_line_col

if TYPE_CHECKING:
    from .ir import Operation

SEVERITIES = ("error", "warning", "remark", "note")


@dataclass(eq=False)
class Diagnostic:
    severity: str  # "error" | "warning" | "remark" | "note"
    message: str
    location: LocationAttr | None = None
    notes: list[Diagnostic] = field(default_factory=list)
    #: the operation the diagnostic is about (for the ``see current operation`` note); not printed itself
    op: Operation | None = None
    #: diagnostics reported just before this one, as MLIR does when a helper emits its own error before the op's
    #: verifier fails (``TensorType::verifyCompatibleBufferType``: "shapes do not match", then the op's error)
    preceding: list[Diagnostic] = field(default_factory=list)

    def attach_note(self, message: str, location: LocationAttr | None = None) -> Diagnostic:
        n = Diagnostic("note", message, location)
        self.notes.append(n)
        return n

    def __str__(self) -> str:
        return render(self)


class DiagnosticError(Exception):
    """An exception carrying a user-facing diagnostic."""

    def __init__(self, diag: Diagnostic):
        super().__init__(diag.message)
        self.diagnostic = diag


class ParseError(DiagnosticError):
    def __init__(self, message: str, location: LocationAttr | None = None):
        super().__init__(Diagnostic("error", message, location))


class VerifyError(DiagnosticError):
    """Raised by verifiers; the location is the op's, and the message is prefixed with ``'op.name' op``."""

    def __init__(self, message: str, op: Operation | None = None, location: LocationAttr | None = None):
        loc = location if location is not None else (op.location if op is not None else None)
        text = f"'{op.name}' op {message}" if op is not None else message
        super().__init__(Diagnostic("error", text, loc, op=op))
        self.op = op


class DiagnosticEngine:
    """Collects diagnostics; a handler (the tools, ``--verify-diagnostics``) may consume them."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []
        self.handler: Callable[[Diagnostic], None] | None = None

    def emit(self, diag: Diagnostic) -> Diagnostic:
        if self.handler is not None:
            self.handler(diag)
        else:
            self.diagnostics.append(diag)
        return diag

    def error(self, message: str, location: LocationAttr | None = None) -> Diagnostic:
        return self.emit(Diagnostic("error", message, location))

    def warning(self, message: str, location: LocationAttr | None = None) -> Diagnostic:
        return self.emit(Diagnostic("warning", message, location))

    def remark(self, message: str, location: LocationAttr | None = None) -> Diagnostic:
        return self.emit(Diagnostic("remark", message, location))

    @property
    def has_errors(self) -> bool:
        return any(d.severity == "error" for d in self.diagnostics)


class SourceManager:
    """Source buffers by file name, to show the line and caret under a diagnostic.

    With ``--split-input-file`` the whole file is registered once and chunks are parsed with a line offset, so
    every location is a line of the original file (as mlir-opt reports them)."""

    def __init__(self) -> None:
        self.buffers: dict[str, list[str]] = {}

    def add(self, name: str, text: str) -> None:
        self.buffers[name] = text.split("\n")

    def line(self, name: str, line: int) -> str | None:
        lines = self.buffers.get(name)
        if lines is None or not 1 <= line <= len(lines):
            return None
        return lines[line - 1].rstrip("\r")


def source_snippet(line: str, col: int, length: int = 1) -> str:
    """The source line and a caret under column ``col`` (1-based), ``~`` continuing for ``length`` columns.

    Tabs are expanded to 8-column stops in both lines, as LLVM's ``SourceMgr`` prints them."""
    expanded, caret_col, end_col = "", 0, 0
    for i, ch in enumerate(line + " "):
        if i == col - 1:
            caret_col = len(expanded)
        if i == col - 1 + max(length, 1):
            end_col = len(expanded)
        if i < len(line):
            expanded += " " * (8 - len(expanded) % 8) if ch == "\t" else ch
    if col - 1 >= len(line):
        caret_col = len(expanded) + (col - 1 - len(line))
    end_col = max(end_col, caret_col + 1)
    return f"{expanded}\n{' ' * caret_col}^{'~' * (end_col - caret_col - 1)}"


def _render_one(severity: str, message: str, loc: LocationAttr | None, sources: SourceManager | None,
                show_source: bool) -> str:
    pos = file_line_col(loc)
    if pos is None:
        prefix = "" if loc is None or isinstance(loc, UnknownLoc) else f"loc({loc.print(AttrPrinter())}): "
        return f"<unknown>:0: {severity}: {prefix}{message}"
    head = f"{pos.filename}:{pos.line}:{pos.col}: {severity}: {message}"
    src = sources.line(pos.filename, pos.line) if sources is not None and show_source else None
    return head if src is None or pos.col == 0 else head + "\n" + source_snippet(src, pos.col)


def render(diag: Diagnostic, sources: SourceManager | None = None) -> str:
    """``file:line:col: severity: message`` plus the source line, a caret, and the notes the same way."""
    out = [render(p, sources) for p in diag.preceding]
    out.append(_render_one(diag.severity, diag.message, diag.location, sources, True))
    prev = diag.location
    for n in diag.notes:
        out.append(_render_one(n.severity, n.message, n.location, sources, n.location != prev))
        prev = n.location
    return "\n".join(out)


def attach_op_note(diag: Diagnostic) -> Diagnostic:
    """Insert MLIR's ``see current operation: <op in generic form>`` note (first, at the op's location).

    The op is printed with the value names of its nearest isolated-from-above ancestor, as mlir-opt does when
    ``-mlir-print-op-on-diagnostic`` is on (the default, except under ``--verify-diagnostics``)."""
    op = diag.op
    if op is None or any(n.message.startswith("see current operation:") for n in diag.notes):
        return diag
    try:
        text = op_in_context(op)
    except Exception:  # noqa: BLE001 - a malformed op must not hide the original error
        return diag
    sep = "\n" if "\n" in text else ""
    diag.notes.insert(0, Diagnostic("note", f"see current operation: {sep}{text}", op.location))
    return diag


def op_in_context(op: Operation) -> str:
    """``op`` in generic form, numbered within its nearest isolated-from-above ancestor (or its root)."""
    from .opdef import IsolatedFromAbove
    from .printer import Printer

    scope = op
    while scope.parent_op is not None and not scope.has_trait(IsolatedFromAbove):
        scope = scope.parent_op
    p = Printer(generic=True, use_aliases=False)
    p._number(scope)
    lines: list[str] = []
    p._op(op, 0, lines)
    return "\n".join(lines)


def print_diagnostic(diag: Diagnostic, sources: SourceManager | None = None, stream: TextIO | None = None) -> None:
    print(render(diag, sources), file=stream or sys.stderr)


__all__ = ["SEVERITIES", "Diagnostic", "DiagnosticEngine", "DiagnosticError", "ParseError", "SourceManager",
           "VerifyError", "attach_op_note", "op_in_context", "print_diagnostic", "render", "source_snippet"]
