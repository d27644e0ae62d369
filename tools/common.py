"""Shared driver plumbing: reading input, splitting on ``// -----``, rendering diagnostics, internal errors.

Exit codes follow mlir-opt: 0 on success, 1 on any error diagnostic (parse, verify, pass) or, under
``--verify-diagnostics``, on any mismatch between the produced and the expected diagnostics; an unexpected Python
exception becomes an ``internal error`` diagnostic and exit code 1, never a traceback."""

from __future__ import annotations

import re
import sys
import traceback
from collections.abc import Callable, Iterator

from mlir_py.diagnostics import Diagnostic, SourceManager, attach_op_note, render

SPLIT_MARKER = "// -----"


def read_input(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        return f.read()


def split_chunks(text: str, marker: str | None) -> Iterator[tuple[str, int]]:
    """(chunk text, line offset of the chunk in the file); one chunk when ``marker`` is None.

    A marker line is a line whose content starts with the marker, as in mlir-opt. Locations inside a chunk are
    reported with the offset added, i.e. as lines of the original file."""
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


def report(diags: list[Diagnostic], sources: SourceManager, op_notes: bool = True) -> None:
    """Print diagnostics to stderr; ``op_notes`` adds ``see current operation`` notes (``-mlir-print-op-on-
    diagnostic``, on by default in mlir-opt)."""
    for d in diags:
        print(render(attach_op_note(d) if op_notes else d, sources), file=sys.stderr)


def guard(main: Callable[[list[str] | None], int]) -> Callable[[list[str] | None], int]:
    """Turn an unexpected exception into an MLIR-style internal error diagnostic and exit code 1.

    The message names the exception, the innermost frame, and (when a pass manager set ``mlir_py_context`` on
    the exception) the pass and the op being processed."""

    def wrapped(argv: list[str] | None = None) -> int:
        try:
            return main(argv)
        except KeyboardInterrupt:
            return 130
        except BrokenPipeError:
            return 0
        except RecursionError:
            print("error: internal error: input is nested too deeply (Python recursion limit reached)",
                  file=sys.stderr)
            return 1
        except Exception as e:  # noqa: BLE001 - the last line of defence
            tb = traceback.extract_tb(e.__traceback__)
            where = f" in {tb[-1].name} ({tb[-1].filename.rsplit('/', 1)[-1]}:{tb[-1].lineno})" if tb else ""
            ctx = getattr(e, "mlir_py_context", "")
            print(f"error: internal error{ctx}: {type(e).__name__}: {e}{where}", file=sys.stderr)
            return 1

    return wrapped
