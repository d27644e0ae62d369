"""Real-MLIR compatibility: mlir-py against ``iree-opt`` (upstream MLIR, from iree-base-compiler) as the oracle.

For every input of ``tests/compat/corpus`` (tool flags in a first-line ``// FLAGS: ...`` comment):

(a) our generic print, re-printed by ``iree-opt --mlir-print-op-generic``, equals iree-opt's generic print of the
    input (our generic output feeds real MLIR and means the same thing);
(b) we parse iree-opt's custom and its generic print and print both back identical to iree-opt, in generic and in
    custom form (real MLIR's output feeds us);
(c) our custom print of the input equals iree-opt's custom print, byte for byte;
(d) every input of ``tests/compat/invalid`` is rejected by iree-opt and by ``mlir-py-opt`` (non-zero exit, a
    diagnostic, no internal error).

The oracle runs in the test, nothing is hard-coded: iree-opt runs on ``--split-input-file`` batches (six runs in
all, see :func:`_results`), our parser and printer run in-process. Deliberate differences from iree-opt
are documented in docs/compatibility.md and xfailed below (custom-form comparisons of the cases concerned only).
"""

from __future__ import annotations

import contextlib
import functools
import io
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from _helpers import IREE, requires_iree

from mlir_py import Context
from mlir_py.printer import print_op
from mlir_py.verifier import verify
from tools.common import split_chunks

ROOT = Path(__file__).resolve().parents[2]
CORPUS = sorted((ROOT / "tests" / "compat" / "corpus").glob("*.mlir"))
INVALID = sorted((ROOT / "tests" / "compat" / "invalid").glob("*.mlir"))
SPLIT = "// -----"
#: file name -> reason, for the deliberate custom-form differences listed in docs/compatibility.md
CUSTOM_XFAIL: dict[str, str] = {}

pytestmark = requires_iree


@dataclass(frozen=True)
class Case:
    path: Path
    text: str
    flags: tuple[str, ...]

    @property
    def unregistered(self) -> bool:
        return "--allow-unregistered-dialect" in self.flags

    @property
    def debuginfo(self) -> bool:
        return "--mlir-print-debuginfo" in self.flags


def _case(path: Path) -> Case:
    text = path.read_text()
    m = re.match(r"//\s*FLAGS:(.*)", text)
    return Case(path, text, tuple(m.group(1).split()) if m else ())


@functools.cache
def _context(unregistered: bool) -> Context:
    return Context(allow_unregistered_dialects=unregistered)


def _ours(case: Case, text: str, generic: bool, filename: str | None = None, line_offset: int = 0) -> str:
    """Parse, verify and print ``text`` in-process with the case's flags."""
    module = _context(case.unregistered).parser.parse(text, filename or str(case.path), line_offset)
    verify(module)
    return print_op(module, generic=generic, debuginfo=case.debuginfo)


def _iree(path: Path, flags: tuple[str, ...], generic: bool, count: int) -> list[str | None]:
    """iree-opt's print of each ``// -----`` chunk of ``path`` (None where iree-opt rejects the chunk)."""
    gen = ["--mlir-print-op-generic"] if generic else []
    r = subprocess.run([IREE, "--split-input-file", *flags, *gen, str(path)], capture_output=True, text=True)
    parts = re.split(rf"^{SPLIT}\n", r.stdout, flags=re.M)
    assert len(parts) == count, f"iree-opt printed {len(parts)} chunks for {count} inputs:\n{r.stderr}"
    return [p if p.strip() else None for p in parts]


def _norm(s: str | None) -> str | None:
    return None if s is None else s.rstrip("\n") + "\n"


@functools.cache
def _results() -> dict[Path, dict[str, str | None]]:
    """Per corpus file: our custom and generic prints, iree-opt's custom and generic prints of the input, and
    iree-opt's generic re-print of our generic output.

    Two iree-opt runs per printing mode (with and without ``--mlir-print-debuginfo``): the inputs and then our
    generic outputs are joined into one ``--split-input-file`` file, printed once in custom and once in generic
    form. ``--allow-unregistered-dialect`` is always on (it changes nothing for inputs that do not need it). With
    locations, our parser reads each input as the chunk of that file that iree-opt reads (same name and lines)."""
    cases = [_case(p) for p in CORPUS]
    out: dict[Path, dict[str, str | None]] = {c.path: {} for c in cases}
    tmp = Path(tempfile.mkdtemp(prefix="mlir_py_compat_"))
    for debuginfo in (False, True):
        group = [c for c in cases if c.debuginfo == debuginfo]
        if not group:
            continue
        batch = tmp / ("located.mlir" if debuginfo else "plain.mlir")
        inputs = f"\n{SPLIT}\n".join(c.text for c in group)
        chunks = list(split_chunks(inputs, SPLIT))
        assert len(chunks) == len(group), "a corpus input contains the split marker"
        for c, (chunk, offset) in zip(group, chunks):
            name, off = (str(batch), offset) if debuginfo else (None, 0)
            for generic, key in ((False, "ours_custom"), (True, "ours_generic")):
                try:
                    out[c.path][key] = _ours(c, chunk, generic, name, off)
                except Exception as e:  # noqa: BLE001 - reported by the test of this case
                    out[c.path][key] = None
                    out[c.path]["error"] = f"{type(e).__name__}: {e}"
        batch.write_text(inputs + "".join(f"\n{SPLIT}\n" + (out[c.path]["ours_generic"] or "") for c in group))
        flags = ("--allow-unregistered-dialect",) + (("--mlir-print-debuginfo",) if debuginfo else ())
        n = len(group)
        custom = _iree(batch, flags, False, 2 * n)
        generic = _iree(batch, flags, True, 2 * n)
        for i, c in enumerate(group):
            r = out[c.path]
            r["iree_custom"], r["iree_generic"] = _norm(custom[i]), _norm(generic[i])
            r["iree_of_ours"] = _norm(generic[n + i]) if r["ours_generic"] is not None else None
            r["iree_custom_of_ours"] = _norm(custom[n + i]) if r["ours_generic"] is not None else None
    shutil.rmtree(tmp, ignore_errors=True)
    return out


def _get(path: Path) -> dict[str, str | None]:
    r = _results()[path]
    assert r["iree_custom"] is not None and r["iree_generic"] is not None, f"iree-opt rejects corpus input {path.name}"
    assert "error" not in r, f"mlir-py fails on {path.name}: {r['error']}"
    return r


def _params(custom: bool = False) -> list[pytest.param]:  # type: ignore[valid-type]
    ps = []
    for p in CORPUS:
        marks = [pytest.mark.xfail(reason=CUSTOM_XFAIL[p.name], strict=True)] if custom and p.name in CUSTOM_XFAIL \
            else []
        ps.append(pytest.param(p, id=p.stem, marks=marks))
    return ps


def test_corpus_size() -> None:
    assert len(CORPUS) >= 70 and len(INVALID) >= 10


@pytest.mark.parametrize("path", _params())
def test_generic_through_iree(path: Path) -> None:
    """(a) iree-opt reads our generic print and prints it as it prints the input."""
    r = _get(path)
    assert r["iree_of_ours"] is not None, f"iree-opt rejects our generic output:\n{r['ours_generic']}"
    assert r["iree_of_ours"] == r["iree_generic"]
    assert r["iree_custom_of_ours"] == r["iree_custom"], "iree-opt's custom print of our generic output differs"


@functools.cache
def _reprint(path: Path, form: str) -> tuple[str, str]:
    """Our (custom, generic) prints of iree-opt's ``form`` print of the corpus input ``path`` (parsed once)."""
    text = _get(path)[form]
    assert text is not None
    case = _case(path)
    module = _context(case.unregistered).parser.parse(text, str(path))
    verify(module)
    return print_op(module, debuginfo=case.debuginfo), print_op(module, generic=True, debuginfo=case.debuginfo)


@pytest.mark.parametrize("path", _params())
def test_reads_iree_output_generic(path: Path) -> None:
    """(b) we read iree-opt's custom and generic prints and print them back in iree-opt's generic form."""
    for form in ("iree_custom", "iree_generic"):
        assert _norm(_reprint(path, form)[1]) == _get(path)["iree_generic"], f"re-printing {form}"


@pytest.mark.parametrize("path", _params(custom=True))
def test_reads_iree_output_custom(path: Path) -> None:
    """(b) we read iree-opt's custom and generic prints and print them back in iree-opt's custom form."""
    for form in ("iree_custom", "iree_generic"):
        assert _norm(_reprint(path, form)[0]) == _get(path)["iree_custom"], f"re-printing {form}"


@pytest.mark.parametrize("path", _params(custom=True))
def test_custom_matches_iree(path: Path) -> None:
    """(c) our custom print of the input is iree-opt's."""
    r = _get(path)
    assert _norm(r["ours_custom"]) == r["iree_custom"]


@functools.cache
def _iree_rejects() -> dict[Path, bool]:
    """Whether iree-opt rejects each invalid input (one run per set of flags)."""
    cases = [_case(p) for p in INVALID]
    groups: dict[tuple[str, ...], list[Case]] = {}
    for c in cases:
        groups.setdefault(c.flags, []).append(c)
    out: dict[Path, bool] = {}
    with tempfile.TemporaryDirectory(prefix="mlir_py_compat_") as tmp:
        for i, (flags, group) in enumerate(groups.items()):
            batch = Path(tmp) / f"invalid{i}.mlir"
            batch.write_text(f"\n{SPLIT}\n".join(c.text for c in group))
            for c, s in zip(group, _iree(batch, flags, False, len(group))):
                out[c.path] = s is None
    return out


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in INVALID])
def test_invalid_rejected(path: Path) -> None:
    """(d) inputs iree-opt rejects are rejected by mlir-py-opt too: exit 1 with a diagnostic, no internal error."""
    from tools.mlir_py_opt import main

    assert _iree_rejects()[path], f"iree-opt accepts {path.name}; it does not belong in tests/compat/invalid"
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        rc = main([*_case(path).flags, str(path)])
    assert rc == 1, f"mlir-py-opt accepts {path.name}"
    assert "error:" in err.getvalue() and "internal error" not in err.getvalue(), err.getvalue()
