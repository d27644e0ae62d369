"""docs/dialects/ is generated from the op definitions (mlir_py/docgen.py) and must stay in sync with them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dialects import arith, dsa
from mlir_py.docgen import DOCS_COMMAND, gen_docs, op_section, stale_pages, trait_name

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "dialects"


def test_dialect_docs_are_up_to_date() -> None:
    stale = stale_pages(DOCS)
    assert not stale, f"docs/dialects/ is out of date ({', '.join(stale)}): run `{DOCS_COMMAND}`"


def test_every_builtin_dialect_and_op_has_a_section() -> None:
    from mlir_py.docgen import builtin_dialects

    pages = gen_docs()
    for d, _ in builtin_dialects():
        page = pages[f"{d.name}.md"]
        assert f"[`{d.name}`]({d.name}.md)" in pages["index.md"]
        for name in d.ops:
            assert f"### `{name}`" in page, name


def test_op_section_content() -> None:
    text = op_section(arith.DIALECT.ops["arith.addi"])
    assert text.startswith("### `arith.addi`")
    assert "| operand | `lhs` | signless-integer-like" in text
    assert "| property | `overflowFlags` |" in text and "default `#arith.overflow<none>`" in text
    assert "Traits: `Pure`" in text and "`Commutative`" in text
    assert "$lhs `,` $rhs" in text  # the assembly format
    mm = op_section(dsa.MatmulOp)
    assert "hand-written parse/print hooks" in mm and "operandSegmentSizes" in mm
    assert "| property | `relu` | UnitAttr | optional |" in mm


def test_trait_names_carry_parameters() -> None:
    from mlir_py.opdef import HasParent

    assert trait_name(HasParent("func.func")) == "HasParent<func.func>"


def test_check_command(tmp_path: Path) -> None:
    r = subprocess.run([sys.executable, "-m", "mlir_py.docgen", "--check", "-o", str(tmp_path)], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "stale:" in r.stderr
    r = subprocess.run([sys.executable, "-m", "mlir_py.docgen", "-o", str(tmp_path)], cwd=ROOT, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert not stale_pages(tmp_path)
