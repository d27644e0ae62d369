"""The documentation stays true to the code.

- ``<!-- file: PATH -->`` before a fenced block: the block is a verbatim run of lines of PATH; the tutorial
  (docs/tutorials/dialect-plugin.md) quotes every line of the plugin example's code, and quotes nothing else.
- ``<!-- output: mlir-py-opt ARGS -->`` / ``<!-- stderr: mlir-py-opt ARGS -->``: the block is a run of lines of
  what the tool prints with those arguments (run from the repository root).
- docs/op-definition.md: its ``python`` blocks run, in order, in one namespace (they assert what they show), and it
  names every trait, constraint and public helper of ``mlir_py.opdef`` and every assembly-format directive.
- docs/tools/mlir-py-opt.md: names every option of the tool, and every option it lists exists.
- Relative links between the documents resolve.
"""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TUTORIAL = DOCS / "tutorials" / "dialect-plugin.md"
PLUGIN = "examples/plugin_dialect"
#: the plugin example's code: the tutorial must quote all of it
FULLY_QUOTED = [f"{PLUGIN}/pyproject.toml", f"{PLUGIN}/mlir_py_plugin_demo/__init__.py",
                f"{PLUGIN}/mlir_py_plugin_demo/dialect.py", f"{PLUGIN}/test/lit.cfg.py", f"{PLUGIN}/example.mlir"]
_MARKER = re.compile(r"<!--\s*(file|output|stderr):\s*(.+?)\s*-->\s*\n```(\w*)\n(.*?)\n```", re.S)
_FENCE = re.compile(r"^```(\w*)\n(.*?)\n```", re.S | re.M)


@dataclass
class Quote:
    doc: Path
    kind: str
    arg: str
    lang: str
    lines: list[str]


def quotes(doc: Path) -> list[Quote]:
    return [Quote(doc, m.group(1), m.group(2), m.group(3), m.group(4).split("\n"))
            for m in _MARKER.finditer(doc.read_text())]


def find_run(needle: list[str], hay: list[str]) -> int:
    """Index where ``needle`` occurs as consecutive lines of ``hay``, or -1."""
    for i in range(len(hay) - len(needle) + 1):
        if hay[i:i + len(needle)] == needle:
            return i
    return -1


ALL_DOCS = sorted(DOCS.rglob("*.md"))
FILE_QUOTES = [q for d in ALL_DOCS for q in quotes(d) if q.kind == "file"]
OUTPUT_QUOTES = [q for d in ALL_DOCS for q in quotes(d) if q.kind != "file"]


def _id(q: Quote) -> str:
    return f"{q.doc.relative_to(DOCS)}:{q.arg}:{' '.join(q.lines[:1])[:40]}"


def test_tutorial_exists_and_quotes() -> None:
    assert TUTORIAL.is_file()
    assert any(q.doc == TUTORIAL for q in FILE_QUOTES)


@pytest.mark.parametrize("q", FILE_QUOTES, ids=_id)
def test_quote_matches_file(q: Quote) -> None:
    path = ROOT / q.arg
    assert path.is_file(), f"{q.doc.name} quotes a missing file {q.arg}"
    assert find_run(q.lines, path.read_text().split("\n")) >= 0, \
        f"{q.doc.relative_to(ROOT)}: a block quoted from {q.arg} no longer matches the file; re-quote it:\n" + \
        "\n".join(q.lines[:5])


def test_tutorial_quotes_all_of_the_example() -> None:
    covered: dict[str, set[int]] = {}
    for q in quotes(TUTORIAL):
        if q.kind == "file" and q.arg in FULLY_QUOTED:
            lines = (ROOT / q.arg).read_text().split("\n")
            i = find_run(q.lines, lines)
            if i >= 0:  # a stale quote fails test_quote_matches_file
                covered.setdefault(q.arg, set()).update(range(i, i + len(q.lines)))
    for f in FULLY_QUOTED:
        lines = (ROOT / f).read_text().split("\n")
        missing = [n + 1 for n, line in enumerate(lines) if line.strip() and n not in covered.get(f, set())]
        assert not missing, f"the tutorial does not show {f}, lines {missing}"


def test_tutorial_code_is_quoted() -> None:
    """Every code block of the tutorial (other than shell commands and the layout) comes from a file or a run."""
    text = TUTORIAL.read_text()
    marked = {m.start(3) - 3 for m in _MARKER.finditer(text)}
    for m in _FENCE.finditer(text):
        if m.group(1) not in ("sh", "text", "") and m.start() not in marked:
            pytest.fail(f"unquoted {m.group(1)} block in the tutorial:\n{m.group(2)[:200]}")


@pytest.mark.parametrize("q", OUTPUT_QUOTES, ids=_id)
def test_output_matches_tool(q: Quote) -> None:
    tool, *args = q.arg.split()
    assert tool == "mlir-py-opt"
    r = subprocess.run([sys.executable, "-m", "tools.mlir_py_opt", *args], cwd=ROOT, capture_output=True, text=True,
                       timeout=300)
    out = (r.stdout if q.kind == "output" else r.stderr).split("\n")
    assert find_run(q.lines, out) >= 0, f"{q.doc.name}: the output of `{q.arg}` changed:\n" + \
        (r.stdout if q.kind == "output" else r.stderr)


# --- the op-definition reference -------------------------------------------------------------------------------

OPDEF_DOC = DOCS / "op-definition.md"


def test_op_definition_examples_run() -> None:
    ns: dict[str, object] = {"__name__": "op_definition_doc"}
    for n, m in enumerate(_FENCE.finditer(OPDEF_DOC.read_text())):
        if m.group(1) == "python":
            exec(compile(m.group(2), f"{OPDEF_DOC.name}[python block {n}]", "exec"), ns)  # noqa: S102


def test_op_definition_is_complete() -> None:
    from mlir_py import asm_format, opdef

    text = OPDEF_DOC.read_text()
    names = []
    for name, obj in vars(opdef).items():
        if name.startswith("_"):
            continue
        if isinstance(obj, type) and issubclass(obj, opdef.OpTrait) and obj.__module__ == opdef.__name__:
            names.append(name)
        elif isinstance(obj, opdef.Constraint) and not isinstance(obj, opdef.EnumSpec):
            names.append(name)
        elif inspect.isfunction(obj) and obj.__module__ == opdef.__name__:
            names.append(name)
    names += ["EnumSpec", "Op", "OpTrait", "Constraint"]
    missing = [n for n in names if f"`{n}" not in text]
    assert not missing, f"docs/op-definition.md does not mention {missing}"
    directives = set(re.findall(r"(?<=\|)[a-z][a-z-]*[a-z](?=\|)", asm_format._TOKEN.pattern))
    assert {"type", "attr-dict", "functional-type"} <= directives
    missing = [d for d in sorted(directives) if f"`{d}" not in text]
    assert not missing, f"docs/op-definition.md does not mention the format directives {missing}"


# --- the tool reference ----------------------------------------------------------------------------------------

TOOL_DOC = DOCS / "tools" / "mlir-py-opt.md"


def test_tool_doc_lists_every_option() -> None:
    from mlir_py import pass_manager
    from tools.mlir_py_opt import build_arg_parser

    text = TOOL_DOC.read_text()
    options = {o for a in build_arg_parser()._actions for o in a.option_strings}
    missing = sorted(o for o in options if f"`{o}" not in text)
    assert not missing, f"docs/tools/mlir-py-opt.md does not document {missing}"
    pass_manager.load_pass_plugins()
    known = options | {"--" + a for a in (*pass_manager.PASS_REGISTRY, *pass_manager.PIPELINE_REGISTRY)}
    first_cells = [line.split("|")[1] for line in text.split("\n") if line.startswith("| `-")]
    listed = {m for cell in first_cells for m in re.findall(r"`(--?[\w-]+)", cell)}
    stale = sorted(listed - known)
    assert not stale, f"docs/tools/mlir-py-opt.md documents options that do not exist: {stale}"


# --- links -----------------------------------------------------------------------------------------------------

_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _anchors(md: Path) -> set[str]:
    """GitHub's heading slugs: lower case, punctuation dropped, spaces to dashes."""
    return {re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
            for h in re.findall(r"^#+ (.*)$", md.read_text(), re.M)}


@pytest.mark.parametrize("doc", ALL_DOCS, ids=lambda p: str(p.relative_to(DOCS)))
def test_links_resolve(doc: Path) -> None:
    for target in _LINK.findall(doc.read_text()):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        dest = (doc.parent / path).resolve() if path else doc
        if ROOT not in dest.parents and dest != ROOT:
            continue  # outside the repository (shared/DESIGN.md)
        assert dest.exists(), f"{doc.relative_to(ROOT)}: broken link {target}"
        if anchor and dest.suffix == ".md":
            assert anchor in _anchors(dest), f"{doc.relative_to(ROOT)}: no heading for #{anchor} in {path or doc.name}"
