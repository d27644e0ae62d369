"""Mutation fuzzing of the parser, verifier, printer and mlir-py-opt: every failure must be a located diagnostic.

Seeds: every ``.mlir`` under ``tests/`` and ``examples/`` (lit suites, the iree-opt compatibility corpus, ...).
Mutants (deterministic: one ``random.Random`` per case index): truncation, byte flips, deletion / duplication /
swap of tokens and of lines, insertion of MLIR tokens, renaming of values / blocks / symbols / types, and splices
of two seeds. Each mutant is parsed in-process, verified and
printed (generic and custom form); whatever was printed must parse back. Properties:

- no exception escapes other than a :class:`~mlir_py.diagnostics.DiagnosticError` (parse or verify error);
- every diagnostic and every note points at a ``file:line:col`` location inside the input;
- ``mlir-py-opt`` (run in-process through ``tools.mlir_py_opt.main``) never reports an internal error and exits
  with 0 or 1, whatever the flags (``--split-input-file``, ``--verify-diagnostics``, generic printing, ...).

``MLIR_PY_FUZZ_CASES`` / ``MLIR_PY_FUZZ_CLI_CASES`` / ``MLIR_PY_FUZZ_SEED`` scale the run up for a long fuzzing
session (the defaults keep it well under a minute on two cores).
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import re
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlir_py import Context
from mlir_py.attributes import FileLineColLoc, file_line_col
from mlir_py.diagnostics import Diagnostic, DiagnosticError
from mlir_py.printer import print_op
from mlir_py.verifier import verify

ROOT = Path(__file__).resolve().parents[2]
CASES = int(os.environ.get("MLIR_PY_FUZZ_CASES", "3600"))
CLI_CASES = int(os.environ.get("MLIR_PY_FUZZ_CLI_CASES", "300"))
BASE_SEED = int(os.environ.get("MLIR_PY_FUZZ_SEED", "20240601"))
MAX_SEED_CHARS = 6000  # longer seeds are cut (at a line end) to keep a mutant's parse cheap

#: MLIR tokens the mutators insert: punctuation of the grammar, keywords, ids, literals, types
TOKENS = [
    "(", ")", "{", "}", "[", "]", "<", ">", ",", ":", "=", "->", "::", "?", "*", "x", "-", "+", "#-}", "{-#",
    "%0", "%1", "%arg0", "%0#1", "%x:2", "^bb0", "^bb1", "^bb0(%a: i32):", "@f", "@\"q\"", "#map", "!t",
    "#map = affine_map<(d0) -> (d0)>", "!t = i32", "i1", "i32", "i0", "si8", "ui64", "index", "f16", "bf16",
    "f32", "f64", "none", "tensor<2x?xf32>", "tensor<*xi8>", "memref<4xi32>", "vector<4xf32>", "vector<[4]xi1>",
    "complex<f32>", "tuple<>", "(i32) -> i32", "0", "1", "-1", "0x7F", "1.5", "-0.0", "1e10", "\"s\"", "\"",
    "true", "false", "unit", "dense<1>", "dense<[1, 2]>", "dense<\"0x01\">", "array<i32: 1>", "[1, 2]",
    "affine_map<(d0)[s0] -> (d0 + s0)>", "affine_set<(d0) : (d0 >= 0)>", "strided<[1], offset: ?>",
    "loc(unknown)", "loc(\"f\":1:2)", "loc(fused[unknown])", "module", "func.func", "return", "func.call",
    "arith.addi", "arith.constant", "arith.cmpi", "slt", "arith.select", "overflow<nsw>", "fastmath<fast>",
    "\"test.op\"()", "\"arith.addi\"(%0, %0)", "<{value = 1 : i32}>", "({", "})", "attributes", "private",
    "#arith.fastmath<nnan>", "!foo.bar<1>", "#foo<\"x\">", "dense_resource<blob>", "// -----", "\n", " ",
]
_TOKEN_RE = re.compile(r'"(?:[^"\\\n]|\\.)*"|[%^@#!][\w$.\-]*|[A-Za-z_][\w$.]*|-?\d[\w.]*|->|::|\s+|.', re.S)


def _seeds() -> list[str]:
    paths = sorted({p for d in ("tests", "examples") for p in (ROOT / d).rglob("*.mlir")
                    if "Output" not in p.parts})
    out = []
    for p in paths:
        text = p.read_text(encoding="utf-8", errors="replace")
        if len(text) > MAX_SEED_CHARS:
            text = text[:text.rfind("\n", 0, MAX_SEED_CHARS) + 1]
        out.append(text)
    return out


SEEDS = _seeds()


# --- mutators ---------------------------------------------------------------------------------------------------
def _truncate(r: random.Random, s: str) -> str:
    return s[:r.randrange(len(s) + 1)]


def _flip(r: random.Random, s: str) -> str:
    if not s:
        return s
    chars = list(s)
    for _ in range(r.randint(1, 3)):
        i = r.randrange(len(chars))
        chars[i] = r.choice('(){}[]<>,:=%^@#!"\\x0-.?* \n') if r.random() < 0.8 else chr(r.randrange(1, 0x250))
    return "".join(chars)


def _tokens(s: str) -> list[str]:
    return _TOKEN_RE.findall(s)


def _token_edit(r: random.Random, s: str) -> str:
    toks = _tokens(s)
    if len(toks) < 2:
        return s + r.choice(TOKENS)
    for _ in range(r.randint(1, 3)):
        i = r.randrange(len(toks))
        kind = r.randrange(4)
        if kind == 0:
            del toks[i]
        elif kind == 1:
            toks.insert(i, toks[i])
        elif kind == 2:
            j = min(len(toks) - 1, i + r.choice([1, 2, r.randrange(len(toks))]))
            toks[i], toks[j] = toks[j], toks[i]
        else:
            toks.insert(i, r.choice(TOKENS) + r.choice(["", " "]))
        if not toks:
            break
    return "".join(toks)


def _line_edit(r: random.Random, s: str) -> str:
    """Delete, duplicate or swap whole lines: mostly well-formed text that breaks SSA, blocks and terminators."""
    lines = s.split("\n")
    if len(lines) < 2:
        return s
    i, j = r.randrange(len(lines)), r.randrange(len(lines))
    kind = r.randrange(3)
    if kind == 0:
        del lines[i]
    elif kind == 1:
        lines.insert(j, lines[i])
    else:
        lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


_NAME_RE = re.compile(r"%[\w$.\-]+|\^[\w$.\-]+|@[\w$.\-]+|\b(?:[su]?i\d+|f16|bf16|f32|f64|index)\b")


def _rename(r: random.Random, s: str) -> str:
    """Replace a value, block or symbol name or a scalar type by another of the same kind from the text:
    undefined values, type mismatches between uses, wrong callees, operand type errors."""
    found = list(_NAME_RE.finditer(s))
    if not found:
        return s
    m = r.choice(found)
    same = [x.group() for x in found if x.group()[0] == m.group()[0]] + (["i1", "i64", "f32", "index"]
                                                                          if m.group()[0].isalpha() else [])
    return s[:m.start()] + r.choice(same) + s[m.end():]


def _splice(r: random.Random, s: str) -> str:
    other = r.choice(SEEDS)
    a = r.randrange(len(s) + 1)
    b = r.randrange(len(other) + 1)
    return s[:a] + other[b:]


MUTATORS: list[Callable[[random.Random, str], str]] = [_truncate, _flip, _token_edit, _token_edit, _line_edit,
                                                      _rename, _rename, _splice]


def mutant(index: int, seed: int = BASE_SEED) -> tuple[str, bool]:
    """The ``index``-th mutant, and whether to parse it with ``--allow-unregistered-dialect``."""
    r = random.Random(seed * 1_000_003 + index)
    text = SEEDS[index % len(SEEDS)]
    for _ in range(r.choice([1, 1, 1, 2, 3])):
        text = r.choice(MUTATORS)(r, text)
    return text, r.random() < 0.5


# --- properties -------------------------------------------------------------------------------------------------
def _located(d: Diagnostic, text: str, filename: str) -> str | None:
    """Why ``d`` (or one of its notes) is not properly located, or None.

    The one exception: an op whose location the input itself set with ``loc(...)`` is reported there."""
    n_lines = text.count("\n") + 1
    for x in [d, *d.notes]:
        pos = file_line_col(x.location)
        if not isinstance(pos, FileLineColLoc):
            if "loc(" in text:  # the input may have given the op a location without a file position
                continue
            return f"{x.severity} without a file:line:col location: {x.message!r} at {x.location!r}"
        if pos.filename == filename and not (1 <= pos.line <= n_lines and pos.col >= 1):
            return f"{x.severity} outside the input ({pos.line}:{pos.col}, {n_lines} lines): {x.message!r}"
    return None


_CTX: dict[bool, Context] = {}


def _ctx(unregistered: bool) -> Context:
    if unregistered not in _CTX:
        _CTX[unregistered] = Context(allow_unregistered_dialects=unregistered)
    return _CTX[unregistered]


def check_input(text: str, unregistered: bool) -> str | None:
    """Parse, verify, print and re-parse ``text``; a description of the violated property, or None."""
    ctx = _ctx(unregistered)
    stage = "parse"
    try:
        module = ctx.parser.parse(text, "fuzz.mlir")
        stage = "verify"
        verify(module)
        stage = "print"
        outputs = [print_op(module, generic=True), print_op(module)]
    except DiagnosticError as e:
        return _located(e.diagnostic, text, "fuzz.mlir")
    except Exception:  # noqa: BLE001 - this is what the test looks for
        return f"{stage} raised:\n{traceback.format_exc(limit=-4)}"
    for form, out in zip(("generic", "custom"), outputs):
        stage = f"re-parse of the {form} print"
        try:
            again = ctx.parser.parse(out, "printed.mlir")
            verify(again)
        except DiagnosticError as e:
            return f"{stage} failed: {e.diagnostic.message}\n--- printed ---\n{out}"
        except Exception:  # noqa: BLE001
            return f"{stage} raised:\n{traceback.format_exc(limit=-4)}\n--- printed ---\n{out}"
    return None


def _report(failures: list[tuple[int, str, str]]) -> str:
    lines = [f"{len(failures)} fuzz failures; first ones (index, problem, input):"]
    for i, problem, text in failures[:5]:
        lines.append(f"--- case {i} ---\n{problem}\n--- input ({len(text)} chars) ---\n{text[:1500]}")
    return "\n".join(lines)


def test_seed_corpus_is_there() -> None:
    assert len(SEEDS) >= 10, "the fuzz seeds come from the .mlir files under tests/ and examples/"


def test_fuzz_parse_verify_print() -> None:
    failures: list[tuple[int, str, str]] = []
    start = time.perf_counter()
    for i in range(CASES):
        text, unregistered = mutant(i)
        problem = check_input(text, unregistered)
        if problem is not None:
            failures.append((i, problem, text))
    elapsed = time.perf_counter() - start
    assert not failures, _report(failures)
    print(f"{CASES} mutants in {elapsed:.1f} s")


def test_fuzz_check_reports_a_crash(monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness itself: a non-diagnostic exception or an unlocated diagnostic is caught and reported."""
    from mlir_py.diagnostics import ParseError

    def boom(*a: object, **k: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(_ctx(False).parser, "parse", boom)
    assert "KeyError" in (check_input("module {}", False) or "")

    def unlocated(*a: object, **k: object) -> None:
        raise ParseError("no location")

    monkeypatch.setattr(_ctx(False).parser, "parse", unlocated)
    assert "without a file:line:col" in (check_input("module {}", False) or "")


def _run_cli(argv: list[str], stdin: str | None = None) -> tuple[int, str, str]:
    from tools.mlir_py_opt import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        if stdin is not None:
            import sys

            old = sys.stdin
            sys.stdin = io.StringIO(stdin)
            try:
                rc = main(argv)
            finally:
                sys.stdin = old
        else:
            rc = main(argv)
    return rc, out.getvalue(), err.getvalue()


FLAG_SETS = [
    [], ["--split-input-file"], ["--verify-diagnostics", "--split-input-file"], ["--mlir-print-op-generic"],
    ["--allow-unregistered-dialect", "--split-input-file"], ["--verify-diagnostics"],
    ["--mlir-print-debuginfo", "--allow-unregistered-dialect"],
]


def test_fuzz_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tools.mlir_py_opt as opt

    # building a Context (the grammar) takes most of a run; the driver logic under test is everything else
    monkeypatch.setattr(opt, "make_context", lambda args: _ctx(args.allow_unregistered_dialect))
    failures: list[tuple[int, str, str]] = []
    path = tmp_path / "fuzz.mlir"
    for i in range(CLI_CASES):
        text, _ = mutant(i, seed=BASE_SEED + 1)
        flags = FLAG_SETS[i % len(FLAG_SETS)]
        path.write_text(text, encoding="utf-8")
        try:
            rc, _, err = _run_cli([str(path), *flags])
        except BaseException:  # noqa: BLE001 - SystemExit from argparse, anything else
            failures.append((i, f"{flags} raised:\n{traceback.format_exc(limit=-3)}", text))
            continue
        if rc not in (0, 1) or "internal error" in err or "Traceback" in err:
            failures.append((i, f"{flags}: exit {rc}\n{err[-2000:]}", text))
        elif rc == 1 and "error:" not in err:
            failures.append((i, f"{flags}: exit 1 without an error diagnostic", text))
    assert not failures, _report(failures)


# --- property-based: random token soup ------------------------------------------------------------------------
@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(TOKENS), max_size=40), st.booleans())
def test_token_soup_is_diagnosed(tokens: list[str], unregistered: bool) -> None:
    text = " ".join(tokens)
    problem = check_input(text, unregistered)
    assert problem is None, f"{problem}\n--- input ---\n{text}"


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(range(len(SEEDS))), st.integers(0, 10**6), st.text(max_size=8))
def test_inserted_text_is_diagnosed(seed_index: int, where: int, junk: str) -> None:
    seed = SEEDS[seed_index]
    at = where % (len(seed) + 1)
    text = seed[:at] + junk + seed[at:]
    problem = check_input(text, bool(where % 2))
    assert problem is None, f"{problem}\n--- input ---\n{text}"
