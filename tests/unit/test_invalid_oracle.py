"""The negative lit tests (``tests/lit/**/invalid*.mlir``) checked against real MLIR (``iree-opt``).

Every ``// -----`` chunk of those files is a test case that mlir-py-opt must reject with the expected diagnostics
(the lit RUN lines check that). Here the same chunks go through ``iree-opt``, so the expectations are MLIR's:

- a chunk without a ``mlir-py:`` comment must pass ``iree-opt --verify-diagnostics``: same message (or substring
  of it), same line, same notes as upstream MLIR;
- a chunk with a ``// mlir-py: <how mlir-opt words it>`` comment documents a wording difference; iree-opt must
  still reject it (no input that MLIR accepts is among our negative tests).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from _helpers import IREE, requires_iree

ROOT = Path(__file__).resolve().parents[2]
# Our own dialects (nn, tc, dsa) are unknown to upstream MLIR: their negative tests have no oracle but lit.
OWN_DIALECTS = {"dsa", "nn", "tc"}
FILES = sorted(p for p in (ROOT / "tests" / "lit").rglob("invalid*.mlir")
               if "Output" not in p.parts and not OWN_DIALECTS & set(p.parts)
               and "--verify-diagnostics" in p.read_text())
SPLIT = re.compile(r"^// -----$", re.M)

pytestmark = requires_iree


def _flags(text: str) -> list[str]:
    """The flags of the file's ``--verify-diagnostics`` RUN line, minus the verification flags themselves."""
    for line in text.splitlines():
        if line.startswith("// RUN:") and "--verify-diagnostics" in line:
            return [f for f in line.split() if f.startswith("--") and f not in ("--verify-diagnostics",
                                                                                 "--split-input-file")]
    raise AssertionError("no --verify-diagnostics RUN line")


def _chunks(text: str) -> list[tuple[int, str]]:
    """(first line, text) of each chunk, the text padded with newlines so that its lines keep their numbers."""
    out, pos = [], 0
    for raw in SPLIT.split(text):
        line = text.count("\n", 0, pos) + 1
        out.append((line, "\n" * (line - 1) + raw))
        pos += len(raw) + len("// -----")
    return out


def _iree(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert IREE is not None
    return subprocess.run([IREE, str(path), *args, "-o", "/dev/null"], capture_output=True, text=True, timeout=120)


def test_there_are_enough_negative_tests() -> None:
    n = sum(len(_chunks(p.read_text())) for p in FILES)
    assert n >= 40, f"{n} negative test chunks"


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT / "tests" / "lit")))
def test_invalid_file_against_mlir(path: Path, tmp_path: Path) -> None:
    text = path.read_text()
    flags = _flags(text)
    chunks = _chunks(text)
    differing = [(ln, body) for ln, body in chunks if "mlir-py:" in body]
    # 1. the chunks that claim MLIR's wording pass iree-opt's own --verify-diagnostics (the others blanked out)
    same = "// -----".join(re.sub(r"[^\n]", "", raw) if "mlir-py:" in raw else raw for raw in SPLIT.split(text))
    assert same.count("\n") == text.count("\n")
    f = tmp_path / path.name
    f.write_text(same)
    r = _iree(f, "--split-input-file", "--verify-diagnostics", *flags)
    if "Unknown command line argument" in r.stderr:
        # e.g. convert-arith-to-llvm: upstream passes that iree-opt does not link in have no oracle here
        pytest.skip(f"iree-opt lacks a flag of this file: {r.stderr.splitlines()[0]}")
    assert r.returncode == 0, f"iree-opt disagrees with the expectations of {path.name}:\n{r.stderr[-4000:]}"
    # 2. each documented difference is still an input that MLIR rejects (one run over those chunks only)
    if differing:
        only = "// -----".join(raw if "mlir-py:" in raw else re.sub(r"[^\n]", "", raw) for raw in SPLIT.split(text))
        f.write_text(only)
        r = _iree(f, "--split-input-file", *flags)
        error_lines = {int(m.group(1)) for m in re.finditer(r"^[^\n:]*:(\d+):\d+: error:", r.stderr, re.M)}
        for ln, body in differing:
            last = ln + body.count("\n") - (ln - 1)
            assert any(ln <= e <= last for e in error_lines), \
                f"{path.name}:{ln}: iree-opt accepts this chunk, so it is no negative test"
