"""Round trip of every ``.mlir`` under tests/lit (and of the compatibility corpus): parse -> print -> parse -> print
gives identical text, in custom and in generic form, and with locations (``--mlir-print-debuginfo``).

Each file is read as its ``// RUN:`` lines read it: ``--split-input-file`` splits it into chunks,
``--allow-unregistered-dialect`` and ``--load-dialect-plugin`` set up the context. Chunks that are expected to
fail are skipped: those carrying ``expected-error`` annotations (``--verify-diagnostics`` files), and in files
with a RUN line that expects failure (``not ...``) and in the ``Inputs`` of other tests (no RUN line), the chunks
that do not parse. Everything runs in-process.
"""

from __future__ import annotations

import functools
import os
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from mlir_py import Context
from mlir_py.diagnostics import DiagnosticError
from mlir_py.printer import print_op
from tools.common import SPLIT_MARKER, split_chunks

ROOT = Path(__file__).resolve().parents[2]
LIT = ROOT / "tests" / "lit"
LIT_FILES = sorted(p for p in LIT.rglob("*.mlir") if "Output" not in p.relative_to(LIT).parts)
CORPUS = sorted((ROOT / "tests" / "compat" / "corpus").glob("*.mlir"))


def _run_lines(text: str) -> list[str]:
    """The RUN commands of a lit test, with ``\\`` continuations joined."""
    cmds: list[str] = []
    cont = False
    for m in re.finditer(r"//\s*RUN:(.*)", text):
        line = m.group(1).strip()
        if cont:
            cmds[-1] += " " + line.rstrip("\\")
        else:
            cmds.append(line.rstrip("\\"))
        cont = line.endswith("\\")
    return cmds


def _lit_substitutions(path: Path) -> dict[str, str]:
    """``%S``/``%s`` and the ``%{name}`` substitutions of the ``lit.local.cfg`` files above ``path``."""
    subs = {"%S": str(path.parent), "%s": str(path)}

    class _Config:
        substitutions: list[tuple[str, str]] = []

    d = path.parent
    while LIT in d.parents or d == LIT:
        cfg = d / "lit.local.cfg"
        if cfg.exists():
            conf = _Config()
            conf.substitutions = []
            exec(compile(cfg.read_text(), str(cfg), "exec"), {"config": conf, "os": os, "__file__": str(cfg)})
            for k, v in conf.substitutions:
                subs.setdefault(k, v)
        d = d.parent
    return subs


def _setup(path: Path) -> tuple[bool, bool, tuple[str, ...], bool]:
    """(split, allow unregistered, dialect plugins, some RUN line expects failure) from the RUN lines."""
    runs = _run_lines(path.read_text())
    joined = " ".join(runs)
    plugins: list[str] = []
    subs: dict[str, str] | None = None
    for cmd in runs:
        try:
            words = shlex.split(cmd)
        except ValueError:
            words = cmd.split()
        for i, w in enumerate(words):
            arg = w.split("=", 1)[1] if w.startswith("--load-dialect-plugin=") else \
                words[i + 1] if w == "--load-dialect-plugin" and i + 1 < len(words) else None
            if arg is not None:
                subs = subs or _lit_substitutions(path)
                for k, v in subs.items():
                    arg = arg.replace(k, v)
                if arg not in plugins:
                    plugins.append(arg)
    may_fail = any(r.startswith("not ") for r in runs) or not runs  # inputs of other tests may be invalid on purpose
    split = "--split-input-file" in joined or not runs and re.search(rf"^{SPLIT_MARKER}$", path.read_text(), re.M)
    return bool(split), "--allow-unregistered-dialect" in joined, tuple(plugins), may_fail


@functools.cache
def _context(unregistered: bool, plugins: tuple[str, ...]) -> Context:
    ctx = Context(allow_unregistered_dialects=unregistered)
    for p in plugins:
        ctx.load_dialect_plugin(p)
    return ctx


def _roundtrip(ctx: Context, text: str, name: str, line_offset: int = 0) -> None:
    """parse -> print -> parse -> print is a fixed point in each form, and the generic form reads back as the
    custom one."""
    parse = ctx.parser.parse
    module = parse(text, name, line_offset)
    custom = print_op(module)
    generic = print_op(module, generic=True)
    located = print_op(module, debuginfo=True)
    assert print_op(parse(custom, name)) == custom, "custom form is not a fixed point"
    assert print_op(parse(generic, name), generic=True) == generic, "generic form is not a fixed point"
    assert print_op(parse(generic, name)) == custom, "the generic form reads back as a different custom form"
    assert print_op(parse(located, name), debuginfo=True) == located, "form with locations is not a fixed point"


def _chunks(path: Path) -> list[tuple[str, int]]:
    split, _, _, _ = _setup(path)
    return list(split_chunks(path.read_text(), SPLIT_MARKER if split else None))


@pytest.mark.parametrize("path", [pytest.param(p, id=str(p.relative_to(LIT))) for p in LIT_FILES])
def test_lit_file_roundtrips(path: Path) -> None:
    _, unregistered, plugins, may_fail = _setup(path)
    ctx = _context(unregistered, plugins)
    checked = 0
    for text, offset in _chunks(path):
        if "expected-error" in text:
            continue
        if may_fail:
            try:
                ctx.parser.parse(text, str(path), offset)
            except DiagnosticError:
                continue
        _roundtrip(ctx, text, str(path), offset)
        checked += 1
    if checked == 0:
        pytest.skip("every chunk is expected to fail")


def _corpus_flags(path: Path) -> Any:
    m = re.match(r"//\s*FLAGS:(.*)", path.read_text())
    return m.group(1).split() if m else []


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in CORPUS])
def test_corpus_file_roundtrips(path: Path) -> None:
    ctx = _context("--allow-unregistered-dialect" in _corpus_flags(path), ())
    _roundtrip(ctx, path.read_text(), str(path))
