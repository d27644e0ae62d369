"""MLIR-style diagnostics: ``file:line:col: error: message``, the source line and a caret, attached notes.

A :class:`Diagnostic` has a severity (error, warning, remark, note), a message and a location. Verifiers and
passes raise :class:`VerifyError` (or report through a :class:`DiagnosticEngine`); the tools render them with
:func:`render`. Parse errors are :class:`ParseError` carrying the exact source position.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from .attributes import FileLineColLoc, LocationAttr, file_line_col

if TYPE_CHECKING:
    from .ir import Operation


@dataclass
class Diagnostic:
    severity: str  # "error" | "warning" | "remark" | "note"
    message: str
    location: LocationAttr | None = None
    notes: list[Diagnostic] = field(default_factory=list)

    def attach_note(self, message: str, location: LocationAttr | None = None) -> Diagnostic:
        n = Diagnostic("note", message, location)
        self.notes.append(n)
        return n


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
        super().__init__(Diagnostic("error", text, loc))
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

    ``line_offset`` maps a split chunk (``--split-input-file``) back to its line in the original file."""

    def __init__(self) -> None:
        self.buffers: dict[str, list[str]] = {}

    def add(self, name: str, text: str) -> None:
        self.buffers[name] = text.split("\n")

    def line(self, name: str, line: int) -> str | None:
        lines = self.buffers.get(name)
        if lines is None or not 1 <= line <= len(lines):
            return None
        return lines[line - 1]


def render(diag: Diagnostic, sources: SourceManager | None = None) -> str:
    """``file:line:col: severity: message`` plus the source line, a caret, and the notes the same way."""
    pos = file_line_col(diag.location)
    out = []
    if isinstance(pos, FileLineColLoc):
        out.append(f"{pos.filename}:{pos.line}:{pos.col}: {diag.severity}: {diag.message}")
        src = sources.line(pos.filename, pos.line) if sources else None
        if src is not None:
            out.append(src)
            out.append(" " * max(pos.col - 1, 0) + "^")
    else:
        prefix = f"loc({diag.location}): " if diag.location is not None and pos is None and \
            type(diag.location).__name__ != "UnknownLoc" else ""
        out.append(f"{prefix}{diag.severity}: {diag.message}")
    for n in diag.notes:
        out.append(render(n, sources))
    return "\n".join(out)


def print_diagnostic(diag: Diagnostic, sources: SourceManager | None = None, stream: TextIO | None = None) -> None:
    print(render(diag, sources), file=stream or sys.stderr)
