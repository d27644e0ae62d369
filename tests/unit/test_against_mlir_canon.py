"""``canonicalize`` + ``cse`` against real MLIR (issue 3, acceptance "Against real MLIR").

For every input in ``tests/compat/canon/`` (func/arith programs: constant folding at every width and float type,
identities, patterns, casts, cmp/select, splat and dense constants, effects, nested regions, CFGs, random programs
of the differential fuzzer), the output of our passes — run through the Python API and printed generically — and
the output of ``iree-opt --canonicalize --cse`` must be identical once both are re-printed generically by
``iree-opt --mlir-print-op-generic``. Deliberate differences are listed in docs/canonicalization.md; none of these
inputs exercises one. Skipped when ``iree-opt`` is not installed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from _helpers import IREE, requires_iree

from mlir_py import Context, parse_module, verify
from mlir_py.printer import Printer
from passes.canonicalize import canonicalize
from passes.cse import eliminate_common_subexpressions

CANON_DIR = Path(__file__).resolve().parent.parent / "compat" / "canon"
INPUTS = sorted(CANON_DIR.glob("*.mlir"))

pytestmark = requires_iree


def _iree(args: list[str], text: str) -> str:
    proc = subprocess.run([IREE, "--allow-unregistered-dialect", "--mlir-print-op-generic", *args, "-"],  # type: ignore[list-item]
                          input=text, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _ours(text: str, name: str) -> str:
    module = parse_module(text, Context(allow_unregistered_dialects=True), name)
    verify(module)
    canonicalize(module)
    eliminate_common_subexpressions(module)
    verify(module)
    return Printer(generic=True).print_top(module)


def test_corpus_is_large_enough() -> None:
    assert len(INPUTS) >= 30


@pytest.mark.parametrize("path", INPUTS, ids=[p.stem for p in INPUTS])
def test_canonicalize_cse_matches_mlir(path: Path) -> None:
    text = path.read_text()
    expected = _iree(["--canonicalize", "--cse"], text)
    actual = _iree([], _ours(text, str(path)))
    assert actual == expected
