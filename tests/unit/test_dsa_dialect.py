"""The dsa dialect's attributes and types, its examples (they parse, verify, round-trip through the generic form and
through real MLIR's iree-opt, and match their generator), and the documentation of every op."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

from dialects import dsa
from mlir_py.attributes import MemRefType, f32
from mlir_py.diagnostics import ParseError
from mlir_py.dialect import Context
from mlir_py.printer import print_op
from mlir_py.verifier import verify

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples" / "dsa").glob("*.mlir"))
_spec = importlib.util.spec_from_file_location("matmul_gen", ROOT / "examples" / "dsa" / "matmul_gen.py")
assert _spec is not None and _spec.loader is not None
matmul_gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(matmul_gen)


def parse(text: str) -> object:
    m = Context().parser.parse(text, "t.mlir")
    verify(m)
    return m


def test_target_attribute() -> None:
    """Every field has a default and is printed; any subset may be written; hex works; the module attribute is
    found from any op inside."""
    m = parse("module attributes {dsa.target = #dsa.target<sram_kib = 0x100, n = 32>} {\n"
              "func.func @f() { return }\n}")
    t = m.attributes["dsa.target"]  # type: ignore[attr-defined]
    assert isinstance(t, dsa.TargetAttr)
    assert (t.n, t.sram_kib, t.sram_bytes, t.dram_bytes_per_cycle) == (32, 256, 256 * 1024, 64)
    assert str(t) == ("#dsa.target<n = 32, sram_kib = 256, sram_banks = 16, dram_bytes_per_cycle = 64, "
                      "sram_bytes_per_cycle = 512, clock_mhz = 1000, dram_mib = 1024>")
    fn = next(iter(m.regions[0].ops()))  # type: ignore[attr-defined]
    assert dsa.target_of(fn) == t
    assert dsa.target_of(next(iter(parse("func.func @g() { return }").regions[0].ops()))) == dsa.DEFAULT_TARGET
    assert dsa.TargetAttr(n=64).replace(n=8) == dsa.TargetAttr(n=8)
    assert dsa.TargetAttr() == dsa.DEFAULT_TARGET and dsa.TargetAttr.DEFAULTS["n"] == 16


@pytest.mark.parametrize("body,message", [
    ("n = 2", "'n' must be a power of two in [4, 256], got 2"),
    ("n = 24", "'n' must be a power of two in [4, 256], got 24"),
    ("sram_kib = 0", "'sram_kib' must be a positive integer, got 0"),
    ("sram_banks = 3", "'sram_banks' must be a power of two, got 3"),
    ("n = 16, n = 32", "field 'n' given twice"),
    ("n = x", "field 'n' expects an integer, got 'x'"),
    ("n", "expected 'field = integer', got 'n'"),
])
def test_target_errors(body: str, message: str) -> None:
    with pytest.raises(ParseError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse(f"module attributes {{dsa.target = #dsa.target<{body}>}} {{}}")


def test_memory_spaces_and_token() -> None:
    m = parse("func.func @f(%a: memref<4xf32, #dsa.dram>, %b: memref<4xf32, #dsa.sram>, %t: !dsa.token) { return }")
    text = print_op(m)  # type: ignore[arg-type]
    assert "memref<4xf32, #dsa.dram>, %arg1: memref<4xf32, #dsa.sram>, %arg2: !dsa.token" in text
    assert MemRefType([4], f32, None, dsa.SRAM) != MemRefType([4], f32, None, dsa.DRAM)
    assert dsa.space_of(MemRefType([4], f32, None, dsa.SRAM)) == "sram"
    assert dsa.nbytes(MemRefType([2, 16, 16], f32, None, dsa.SRAM)) == 2048


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_examples_round_trip(path: Path) -> None:
    """Each example parses, verifies, and prints the same through the generic form."""
    m = parse(path.read_text())
    custom = print_op(m)  # type: ignore[arg-type]
    generic = print_op(m, generic=True)  # type: ignore[arg-type,call-arg]
    assert print_op(parse(generic)) == custom  # type: ignore[arg-type]
    assert print_op(parse(custom)) == custom  # type: ignore[arg-type]


@pytest.mark.skipif(shutil.which("iree-opt") is None, reason="iree-opt (real MLIR) is not installed")
def test_generic_form_through_real_mlir() -> None:
    """Our generic form of a dsa program goes through MLIR's parser and printer (dsa as an unregistered dialect)
    and comes back identical."""
    m = parse((ROOT / "examples" / "dsa" / "matmul_i8_n8.mlir").read_text())
    generic = print_op(m, generic=True)  # type: ignore[arg-type,call-arg]
    r = subprocess.run(["iree-opt", "--allow-unregistered-dialect", "--mlir-print-op-generic", "-"],
                       input=generic, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert print_op(parse(r.stdout)) == print_op(m)  # type: ignore[arg-type]


@pytest.mark.parametrize("name,args", [
    ("matmul_f32_64.mlir", ("64", "64", "64", "--tile", "16")),
    ("matmul_f32_64_single.mlir", ("64", "64", "64", "--tile", "16", "--no-double-buffer")),
    ("matmul_i8_n8.mlir", ("40", "56", "72", "--tile", "8", "--dtype", "i8", "--scale", "37", "11", "--block", "2",
                           "2")),
])
def test_generated_examples_are_current(name: str, args: tuple[str, ...], tmp_path: Path) -> None:
    """The committed matmul examples are exactly what examples/dsa/matmul_gen.py prints."""
    out = tmp_path / name
    assert matmul_gen.main([*args, "-o", str(out)]) == 0
    assert out.read_text() == (ROOT / "examples" / "dsa" / name).read_text()


def test_every_op_is_documented() -> None:
    """Each op's docstring gives its syntax, and docs/dsa.md describes every op and statistic."""
    doc = (ROOT / "docs" / "dsa.md").read_text()
    for name, op in dsa.DIALECT.ops.items():
        assert "Syntax" in (op.__doc__ or ""), name
        assert f"`{name}`" in doc, name
    import numpy as np

    from mlir_py.dsa_sim import simulate

    m = parse((ROOT / "examples" / "dsa" / "one_tile.mlir").read_text())
    report = simulate(m, "one_tile", [np.zeros((16, 16), np.float32)] * 2).report.to_dict()  # type: ignore[arg-type]
    for key in [*report, *report["engines"]["dma"]]:
        assert f"`{key}`" in doc, key
