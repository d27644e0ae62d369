"""The llvm dialect against real MLIR (``iree-opt``): our output parses there and prints back identically, and
iree-opt's print parses here and prints back identically — for the dialect's op suite and for what our
conversions produce (``lower-to-llvm`` of a linalg program). The LLVM IR we translate it to passes llvmlite's
verifier."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

import pytest

from mlir_py import Context
from mlir_py.attributes import UnitAttr
from mlir_py.cpu_runner import lower_to_llvm
from mlir_py.llvm_translate import parse_and_verify, translate_module
from mlir_py.printer import print_op
from mlir_py.verifier import verify

ROOT = Path(__file__).resolve().parents[2]
IREE = shutil.which("iree-opt")
OPS = ROOT / "tests" / "lit" / "Dialect" / "llvm" / "ops.mlir"

LINALG = """
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @main(%a: tensor<8x16xf32>, %b: tensor<16x32xf32>, %s: f32) -> tensor<8x32xf32> {
  %cst = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<8x32xf32>
  %z = linalg.fill ins(%cst : f32) outs(%e : tensor<8x32xf32>) -> tensor<8x32xf32>
  %r = linalg.matmul ins(%a, %b : tensor<8x16xf32>, tensor<16x32xf32>) outs(%z : tensor<8x32xf32>) -> tensor<8x32xf32>
  %t = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%r : tensor<8x32xf32>) outs(%e : tensor<8x32xf32>) {
  ^bb0(%x: f32, %o: f32):
    %0 = arith.mulf %x, %s : f32
    %1 = math.exp %0 : f32
    %2 = arith.maximumf %1, %cst : f32
    linalg.yield %2 : f32
  } -> tensor<8x32xf32>
  return %t : tensor<8x32xf32>
}
"""


def _iree(text: str, *flags: str) -> str:
    assert IREE is not None
    r = subprocess.run([IREE, *flags, "-"], input=text, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r.stdout


def _ours(text: str, generic: bool = False) -> str:
    m = Context().parser.parse(text, "<test>")
    verify(m)
    return print_op(m, generic=generic) + "\n"


@functools.lru_cache(maxsize=1)
def _lowered() -> str:
    m = Context().parser.parse(LINALG, "<linalg>")
    fn = m.regions[0].blocks[0].first_op
    assert fn is not None
    fn.attributes["llvm.emit_c_interface"] = UnitAttr()
    lower_to_llvm(m)
    return print_op(m) + "\n"


@pytest.mark.skipif(IREE is None, reason="iree-opt not on PATH (pip install iree-base-compiler)")
@pytest.mark.parametrize("source", ["ops", "lowered"])
def test_round_trip_with_iree_opt(source: str) -> None:
    text = OPS.read_text() if source == "ops" else _lowered()
    ours = _ours(text)
    theirs = _iree(ours)
    assert ours == theirs, "iree-opt prints our custom form differently"
    assert _ours(theirs) == theirs, "we print iree-opt's output differently"
    ours_generic = _ours(text, generic=True)
    assert _iree(ours_generic, "--mlir-print-op-generic") == ours_generic
    assert _ours(_iree(text, "--mlir-print-op-generic")) == theirs


def test_lowered_module_translates_and_verifies() -> None:
    m = Context().parser.parse(_lowered(), "<lowered>")
    ir = translate_module(m)
    parse_and_verify(ir)
    assert "define void @_mlir_ciface_main(ptr" in ir
    assert "@llvm.exp.f32" in ir
