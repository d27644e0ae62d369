"""Shared driver plumbing: reading input, splitting on ``// -----``, rendering diagnostics, internal errors.

Exit codes follow mlir-opt: 0 on success, 1 on any error diagnostic (parse, verify, pass) or, under
``--verify-diagnostics``, on any mismatch between the produced and the expected diagnostics; an unexpected Python
exception becomes an ``internal error`` diagnostic and exit code 1, never a traceback."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterator

from mlir_py.attributes import FileLineColLoc
from mlir_py.diagnostics import Diagnostic, SourceManager, attach_op_note, render

SPLIT_MARKER = "// -----"


def read_input(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        return f.read()


def split_chunks(text: str, marker: str | None, filename: str = "-",
                 warnings: list[Diagnostic] | None = None) -> Iterator[tuple[str, int]]:
    """(chunk text, line offset of the chunk in the file); one chunk when ``marker`` is None.

    As mlir-opt's ``splitAndProcessBuffer`` (mlir/lib/Support/ToolUtilities.cpp): the text is split wherever the
    marker occurs, even inside a line; a marker prefix not followed by the marker's last two characters (``// ----
    x``) is a *near miss*, reported as a warning and not split. A chunk that starts inside a line is padded with
    blanks, so that with the line offset added every location is a line and column of the original file."""
    if marker is None:
        yield text, 0
        return
    check = 2 if len(marker) > 2 else 0
    head, tail = marker[:len(marker) - check], marker[len(marker) - check:]
    pieces = text.split(head)
    spans: list[tuple[int, int]] = []
    prev = (0, len(pieces[0]))
    pos = len(pieces[0]) + len(head)  # start of the next piece
    for piece in pieces[1:]:
        if prev[0] == prev[1]:  # an empty chunk swallows the next piece whole, as in mlir-opt
            prev = (pos, pos + len(piece))
        elif piece.startswith(tail) and len(piece) > check and (check == 0 or piece[check] != "0"):
            spans.append(prev)
            prev = (pos + check, pos + len(piece))
        else:
            if warnings is not None:
                line = text.count("\n", 0, pos) + 1
                col = pos - (text.rfind("\n", 0, pos) + 1) + 1
                warnings.append(Diagnostic("warning", "near miss with file split marker",
                                           FileLineColLoc(filename, line, col)))
            prev = (prev[0], pos + len(piece))
        pos += len(piece) + len(head)
    if prev[0] != prev[1] or not spans:
        spans.append(prev)
    for start, end in spans:
        line_start = text.rfind("\n", 0, start) + 1
        yield " " * (start - line_start) + text[start:end], text.count("\n", 0, start)


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
        except SystemExit as e:  # argparse: --help / --version exit 0; a bad command line exits 1, as mlir-opt
            return 0 if e.code in (0, None) else 1
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
