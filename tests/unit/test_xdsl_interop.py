"""mlir_py.interop.xdsl: modules convert to xDSL's IR and back unchanged; xDSL passes run inside our pipelines
(``xdsl-pass``, ``mlir-py-opt --xdsl-pass=NAME``) with located diagnostics on failure."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("xdsl")

from mlir_py.diagnostics import DiagnosticError  # noqa: E402
from mlir_py.dialect import Context  # noqa: E402
from mlir_py.interop import xdsl as interop  # noqa: E402
from mlir_py.interop.xdsl import from_xdsl, run_xdsl_pass, to_xdsl  # noqa: E402
from mlir_py.printer import print_op  # noqa: E402
from mlir_py.verifier import verify  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

PROGRAM = """#map = affine_map<(d0) -> (d0)>
func.func @f(%a: i32, %m: memref<4xf32>, %t: tensor<2x2xf32>) -> (i32, tensor<2x2xf32>) {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %c1 = arith.constant 1 : index
  %k = arith.constant dense<[[1.0, 2.0], [3.0, 4.5]]> : tensor<2x2xf32>
  %s = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %2) -> (i32) {
    %v = memref.load %m[%i] : memref<4xf32>
    %w = arith.addf %v, %v fastmath<fast> : f32
    memref.store %w, %m[%i] : memref<4xf32>
    %n = arith.addi %acc, %a overflow<nsw> : i32
    scf.yield %n : i32
  }
  %r = arith.addf %t, %k : tensor<2x2xf32>
  return %s, %r : i32, tensor<2x2xf32>
}
"""


def parse(text: str) -> object:
    m = Context().parser.parse(text, "in.mlir")
    verify(m)
    return m


def generic(m: object) -> str:
    return print_op(m, generic=True)  # type: ignore[arg-type]


def test_round_trip_is_structural_and_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ops, blocks, values, properties, attributes and locations come back unchanged, without the text path."""
    from xdsl.dialects.builtin import ModuleOp

    def no_text(*_: object) -> object:
        raise AssertionError("structural conversion fell back to text")

    monkeypatch.setattr(interop, "_text_to_xdsl", no_text)
    m = parse(PROGRAM)
    locations: dict[int, object] = {}
    x = to_xdsl(m, locations=locations)  # type: ignore[arg-type]
    assert isinstance(x, ModuleOp)
    x.verify()  # xDSL's own verifier accepts what we built
    names = [o.name for o in x.walk()]
    assert names.count("arith.addi") == 3 and "scf.for" in names and "memref.store" in names
    assert generic(from_xdsl(x)) == generic(m)
    back = from_xdsl(x, locations=locations)  # type: ignore[arg-type]
    verify(back)
    assert print_op(back, debuginfo=True) == print_op(m, debuginfo=True)  # type: ignore[arg-type]


def test_dialects_xdsl_does_not_know_pass_through() -> None:
    """dsa ops become xDSL unregistered ops and come back as dsa ops."""
    m = parse((ROOT / "examples" / "dsa" / "one_tile.mlir").read_text())
    x = to_xdsl(m)  # type: ignore[arg-type]
    assert any(o.name == "builtin.unregistered" for o in x.walk())
    back = from_xdsl(x)
    verify(back)
    assert generic(back) == generic(m)


def test_forward_references_fall_back_to_generic_text() -> None:
    """A block using a value defined in a later block (legal: that block dominates it) still converts."""
    m = parse("""func.func @g(%x: i32) -> i32 {
  cf.br ^bb2
^bb1:
  %z = arith.muli %y, %y : i32
  return %z : i32
^bb2:
  %y = arith.addi %x, %x : i32
  cf.br ^bb1
}""")
    back = from_xdsl(to_xdsl(m))  # type: ignore[arg-type]
    assert generic(back) == generic(m)


def test_run_xdsl_cse_and_canonicalize() -> None:
    m = parse(PROGRAM)
    out = run_xdsl_pass(m, "cse")  # type: ignore[arg-type]
    verify(out)
    text = print_op(out)
    assert text.count("arith.addi") == 2  # one of the two equal additions is gone
    assert "arith.muli %0, %0" in text
    folded = run_xdsl_pass(parse("""func.func @h() -> i32 {
  %a = arith.constant 2 : i32
  %b = arith.constant 3 : i32
  %c = arith.addi %a, %b : i32
  return %c : i32
}"""), "canonicalize")  # type: ignore[arg-type]
    assert "arith.constant 5 : i32" in print_op(folded) and "arith.addi" not in print_op(folded)


def test_errors_are_diagnostics() -> None:
    m = parse(PROGRAM)
    with pytest.raises(DiagnosticError, match="unknown xDSL pass 'nope'"):
        run_xdsl_pass(m, "nope")  # type: ignore[arg-type]
    with pytest.raises(DiagnosticError, match="invalid options for xDSL pass 'cse'"):
        run_xdsl_pass(m, "cse{bogus=1}")  # type: ignore[arg-type]


def test_mlir_py_opt_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tools.mlir_py_opt import main

    src = tmp_path / "in.mlir"
    src.write_text(PROGRAM)
    assert main([str(src), "--xdsl-pass=cse"]) == 0
    assert capsys.readouterr().out.count("arith.addi") == 2
    assert main([str(src), "--pass-pipeline=builtin.module(xdsl-pass{name=cse},xdsl-pass{name=convert-scf-to-cf})"]) == 0
    out = capsys.readouterr().out
    assert "scf.for" not in out and "cf.cond_br" in out
    assert main([str(src), "--xdsl-pass=no-such-pass"]) == 1
    err = capsys.readouterr().err
    assert "error: unknown xDSL pass 'no-such-pass'" in err and "Traceback" not in err


def test_generic_text_path_matches_structural() -> None:
    """xDSL's own parser reads our generic output; both conversion paths give the same xDSL module."""
    from xdsl.printer import Printer

    m = parse(PROGRAM)

    def text(x: object) -> str:
        import io

        s = io.StringIO()
        Printer(stream=s, print_generic_format=True).print_op(x)  # type: ignore[arg-type]
        return s.getvalue()

    def canonical(t: str) -> str:  # SSA names are only hints: number them by first occurrence
        import re

        names: dict[str, str] = {}
        return re.sub(r"%[\w$.]+", lambda mo: names.setdefault(mo.group(0), f"%v{len(names)}"), t)

    assert canonical(text(interop._text_to_xdsl(m))) == canonical(text(to_xdsl(m)))  # type: ignore[arg-type]
