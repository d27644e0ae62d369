"""Shared driver plumbing: reading input, splitting on ``// -----``, rendering diagnostics, internal errors."""

from __future__ import annotations

import re
import sys
import traceback
from collections.abc import Callable, Iterator

from mlir_py.diagnostics import Diagnostic, SourceManager, render

SPLIT_MARKER = "// -----"


def read_input(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as f:
        return f.read()


def split_chunks(text: str, marker: str | None) -> Iterator[tuple[str, int]]:
    """(chunk text, line offset of the chunk in the file); one chunk when ``marker`` is None.

    A marker line is a line whose content starts with the marker, as in mlir-opt."""
    if marker is None:
        yield text, 0
        return
    lines = text.split("\n")
    start = 0
    pat = re.compile(r"^\s*" + re.escape(marker))
    for i, line in enumerate(lines):
        if pat.match(line):
            yield "\n".join(lines[start:i]), start
            start = i + 1
    yield "\n".join(lines[start:]), start


def report(diags: list[Diagnostic], sources: SourceManager) -> None:
    for d in diags:
        print(render(d, sources), file=sys.stderr)


def guard(main: Callable[[list[str] | None], int]) -> Callable[[list[str] | None], int]:
    """Turn an unexpected exception into an MLIR-style internal error diagnostic and exit code 1."""

    def wrapped(argv: list[str] | None = None) -> int:
        try:
            return main(argv)
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            return 0
        except Exception as e:  # noqa: BLE001 - the last line of defence
            tb = traceback.extract_tb(e.__traceback__)
            where = f" in {tb[-1].name} ({tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno})" if tb else ""
            ctx = getattr(e, "mlir_py_context", "")
            print(f"error: internal error{ctx}: {type(e).__name__}: {e}{where}", file=sys.stderr)
            return 1

    return wrapped
