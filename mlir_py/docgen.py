"""The dialect reference (docs/dialects/<name>.md), generated from the op definitions of every built-in dialect.

Per dialect: the dialect's description (its module docstring), then per op, sorted by name: the summary and the
rest of the op's docstring, its operands, results, properties (inherent attributes), regions and successors with
their constraints, its traits, and its syntax (the declarative ``assembly_format``, or a note that the op has
hand-written parse/print hooks). ``docs/dialects/index.md`` lists the dialects. Like docs/passes.md, the pages
are never edited by hand: ``tests/unit/test_dialect_docs.py`` fails when they differ from what this module
generates.

    python -m mlir_py.docgen -o docs/dialects          # regenerate
    python -m mlir_py.docgen --check -o docs/dialects  # exit 1 when a page is stale
"""

from __future__ import annotations

import importlib
import inspect
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .dialect import Dialect, dialects_in_module
from .opdef import Op, OpTrait

DOCS_COMMAND = "python -m mlir_py.docgen -o docs/dialects"


def _md(text: str) -> str:
    """Docstring (reST-ish) to Markdown: ``code`` and :func:`x` -> `code`; ``::`` literal blocks -> fenced."""
    out: list[str] = []
    lines = inspect.cleandoc(text).split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if _RULE.match(line):  # a reST simple table: rule, rows (continuation lines start blank), rule
            j = i + 1
            while j < len(lines) and not _RULE.match(lines[j]):
                j += 1
            if j < len(lines):
                out += _table(line, lines[i + 1:j])
                i = j + 1
                continue
        if line.rstrip().endswith("::") and i + 1 < len(lines) and not lines[i + 1].strip():
            out.append(line.rstrip()[:-1] if not line.rstrip().endswith(" ::") else line.rstrip()[:-3])
            j = i + 2
            block: list[str] = []
            while j < len(lines) and (not lines[j].strip() or lines[j].startswith("    ")):
                block.append(lines[j][4:])
                j += 1
            while block and not block[-1].strip():
                block.pop()
            out += ["", "```", *block, "```", ""]
            i = j
            continue
        out.append(line)
        i += 1
    text = re.sub(r"``(.+?)``", lambda m: "`" + " ".join(m.group(1).split()) + "`", "\n".join(out), flags=re.S)
    return re.sub(r":(?:func|class|meth|mod|attr|data):`~?([^`]+)`", r"`\1`", text).strip()


_RULE = re.compile(r"^=+( +=+)+\s*$")


def _table(rule: str, rows: list[str]) -> list[str]:
    """A reST simple table (``rule`` gives the column starts) as a Markdown table."""
    starts = [m.start() for m in re.finditer(r"=+", rule)]
    cells: list[list[str]] = []
    for row in rows:
        parts = [row[a:b].strip() for a, b in zip(starts, starts[1:] + [len(row) + 1])]
        if cells and not parts[0]:
            cells[-1] = [f"{c} {p}".strip() for c, p in zip(cells[-1], parts)]
        elif any(parts):
            cells.append(parts)
    head = "| " + " | ".join(" " for _ in starts) + " |"
    return [head, "|" + "---|" * len(starts), *("| " + " | ".join(_cell(c) for c in r) + " |" for r in cells)]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def trait_name(t: OpTrait) -> str:
    """``Pure``, ``HasParent<func.func>``, ``MemoryEffects<read, write>``: the class name and its parameters."""
    name = type(t).__name__.lstrip("_")
    params: list[str] = []
    for v in (vars(t) if hasattr(t, "__dict__") else {}).values():
        if isinstance(v, str):
            params.append(v)
        elif isinstance(v, tuple):
            for x in v:
                params.append(x[0] if isinstance(x, tuple) and x and isinstance(x[0], str) else str(x))
    return f"{name}<{', '.join(params)}>" if params else name


def _arity(arity: str) -> str:
    return {"single": "", "optional": "optional", "variadic": "variadic"}.get(arity, arity)


def op_section(op: type[Op]) -> str:
    """The Markdown section of one op."""
    doc = _md(op.__doc__) if op.__doc__ and op.__doc__ is not Op.__doc__ else ""
    summary, _, rest = doc.partition("\n\n")
    parts = [f"### `{op.OPERATION_NAME}`", f"_{' '.join(summary.split())}_" if summary else "_(undocumented)_"]
    if rest:
        parts.append(rest)
    rows: list[str] = []
    for d in op.operand_defs:
        rows.append(f"| operand | `{d.name}` | {_cell(d.constraint.description)} | {_arity(d.arity)} |")
    for r in op.result_defs:
        rows.append(f"| result | `{r.name}` | {_cell(r.constraint.description)} | {_arity(r.arity)} |")
    for p in op.prop_defs:
        default = f"default `{p.default}`" if p.default is not None else ("optional" if p.optional else "")
        rows.append(f"| property | `{p.attr_name}` | {_cell(p.constraint.description)} | {_cell(default)} |")
    for g in op.region_defs:
        what = "single block" if g.single_block else "any region"
        rows.append(f"| region | `{g.name}` | {what} | {_arity(g.arity)} |")
    for s in op.successor_defs:
        rows.append(f"| successor | `{s.name}` | any block | {_arity(s.arity)} |")
    if rows:
        parts.append("\n".join(["| kind | name | constraint | |", "|---|---|---|---|", *rows]))
    else:
        parts.append("No operands, results, properties, regions or successors.")
    if op.traits:
        parts.append("Traits: " + ", ".join(f"`{trait_name(t)}`" for t in op.traits) + ".")
    if op.assembly_format is not None:
        parts.append(f"Assembly format:\n\n```\n{op.assembly_format}\n```")
    elif getattr(op, "custom_grammar", None) is not None or hasattr(op, "print_custom"):
        parts.append("Syntax: hand-written parse/print hooks (see the description above); the generic form always "
                     "works.")
    else:
        parts.append("Syntax: the generic form only.")
    if "operandSegmentSizes" in getattr(op, "_prop_names", ()):
        parts.append("Operand groups are delimited by the `operandSegmentSizes` property.")
    return "\n\n".join(parts)


def dialect_page(d: Dialect, module: Any) -> str:
    """The Markdown page of dialect ``d`` defined in ``module``."""
    desc = d.description or (module.__doc__ or "")
    parts = [f"# The `{d.name}` dialect",
             f"<!-- Generated from the op definitions in `{module.__name__}` by `{DOCS_COMMAND}`; do not edit. -->"]
    if desc:
        parts.append(_md(desc))
    parts += _attributes_and_types(d)
    ops = sorted(d.ops.values(), key=lambda c: c.OPERATION_NAME)
    parts.append(f"## Operations ({len(ops)})")
    parts.append("\n".join(f"- [`{o.OPERATION_NAME}`](#{_anchor(o.OPERATION_NAME)})" for o in ops))
    parts += [op_section(o) for o in ops]
    return "\n\n".join(p.strip("\n") for p in parts) + "\n"


def _attributes_and_types(d: Dialect) -> list[str]:
    """A section per attribute (``#d.name``) and type (``!d.name``) mnemonic the dialect parses, with the
    docstring of the class whose parse hook it is (a hook of no class gets only its name)."""
    rows: list[str] = []
    for sigil, hooks in (("#", d.attribute_parsers), ("!", d.type_parsers)):
        for mnemonic in sorted(hooks):
            hook = hooks[mnemonic]
            owner = getattr(hook, "__self__", None)
            if not isinstance(owner, type):  # a closure made by a class's method: the class named first
                mod = sys.modules.get(getattr(hook, "__module__", "") or "")
                owner = getattr(mod, getattr(hook, "__qualname__", "").split(".")[0], None)
            doc = owner.__doc__ if isinstance(owner, type) and owner.__doc__ else ""
            rows += [f"### `{sigil}{d.name}.{mnemonic}`"] + ([_md(doc)] if doc else [])
    return ["## Attributes and types", *rows] if rows else []


def _anchor(name: str) -> str:
    """The GitHub anchor of a heading ``### `name```."""
    return re.sub(r"[^a-z0-9_\- ]", "", name.lower()).replace(" ", "-")


def builtin_dialects() -> Iterable[tuple[Dialect, Any]]:
    """(dialect, defining module) of every built-in dialect (dialects.BUILTIN_DIALECTS), in that order."""
    from dialects import BUILTIN_DIALECTS

    for m in BUILTIN_DIALECTS:
        try:
            mod = importlib.import_module(m)
        except ModuleNotFoundError as e:
            if e.name != m:
                raise
            continue
        for d in dialects_in_module(mod):
            yield d, mod


def gen_docs() -> dict[str, str]:
    """File name -> Markdown text of every page of docs/dialects/ (one per dialect, and ``index.md``)."""
    pages: dict[str, str] = {}
    rows = []
    for d, mod in builtin_dialects():
        pages[f"{d.name}.md"] = dialect_page(d, mod)
        first = _md(d.description or mod.__doc__ or "").split("\n\n")[0]
        rows.append(f"| [`{d.name}`]({d.name}.md) | {len(d.ops)} | {_cell(' '.join(first.split()))} |")
    pages["index.md"] = "\n\n".join([
        "# Dialect reference",
        f"<!-- Generated from the op definitions by `{DOCS_COMMAND}`; do not edit. -->",
        "One page per built-in dialect, generated from its op definitions (docstrings, operands, results, "
        "properties, traits and assembly formats) by `mlir_py/docgen.py`.",
        "\n".join(["| dialect | ops | summary |", "|---|---|---|", *rows])]) + "\n"
    return pages


def stale_pages(directory: Path) -> list[str]:
    """Pages of ``directory`` that differ from the generated ones (missing ones included), and extra ``.md``
    files there that no dialect generates."""
    pages = gen_docs()
    out = [n for n, text in pages.items()
           if not (directory / n).is_file() or (directory / n).read_text(encoding="utf-8") != text]
    out += sorted(p.name for p in directory.glob("*.md") if p.name not in pages) if directory.is_dir() else []
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m mlir_py.docgen", description="write the dialect reference pages")
    ap.add_argument("-o", dest="output", default="docs/dialects", help="output directory")
    ap.add_argument("--check", action="store_true", help="only report stale pages (exit 1 if any)")
    args = ap.parse_args(argv)
    out = Path(args.output)
    if args.check:
        stale = stale_pages(out)
        for n in stale:
            print(f"stale: {out / n}", file=sys.stderr)
        return 1 if stale else 0
    out.mkdir(parents=True, exist_ok=True)
    pages = gen_docs()
    for p in out.glob("*.md"):
        if p.name not in pages:
            p.unlink()
    for name, text in pages.items():
        (out / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
