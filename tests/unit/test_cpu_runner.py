"""The CPU path against the reference interpreter: every op the llvm conversions lower runs through
``lower-to-llvm`` + llvmlite's JIT and gives the interpreter's results on random inputs (integers exactly, floats
to a few ulps: the JIT may contract ``a * b + c`` into one fused multiply-add)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from mlir_py import Context
from mlir_py.cpu_runner import CpuRunError, compile_function
from mlir_py.interpreter import Interpreter, function_type, random_value
from mlir_py.ir import symbol_name

ARITH = """
func.func @main(%a: tensor<64xi32>, %b: tensor<64xi32>, %x: tensor<64xf32>, %y: tensor<64xf32>)
    -> (tensor<64xi32>, tensor<64xf32>, tensor<64xi8>) {
  %e = tensor.empty() : tensor<64xi32>
  %ef = tensor.empty() : tensor<64xf32>
  %e8 = tensor.empty() : tensor<64xi8>
  %r:3 = linalg.generic {indexing_maps = [#id, #id, #id, #id, #id, #id, #id], iterator_types = ["parallel"]}
      ins(%a, %b, %x, %y : tensor<64xi32>, tensor<64xi32>, tensor<64xf32>, tensor<64xf32>)
      outs(%e, %ef, %e8 : tensor<64xi32>, tensor<64xf32>, tensor<64xi8>) {
  ^bb0(%i: i32, %j: i32, %f: f32, %g: f32, %o: i32, %of: f32, %o8: i8):
    %c1 = arith.constant 1 : i32
    %c5 = arith.constant 5 : i32
    %0 = arith.addi %i, %j : i32
    %1 = arith.muli %0, %c5 : i32
    %jj = arith.ori %j, %c1 : i32
    %2 = arith.divsi %1, %jj : i32
    %3 = arith.remsi %1, %jj : i32
    %4 = arith.floordivsi %1, %c5 : i32
    %5 = arith.ceildivsi %1, %c5 : i32
    %6 = arith.xori %2, %3 : i32
    %7 = arith.shrsi %6, %c1 : i32
    %8 = arith.maxsi %7, %4 : i32
    %9 = arith.minui %8, %5 : i32
    %10 = arith.subi %9, %i : i32
    %11 = arith.shli %10, %c1 : i32
    %c = arith.cmpi sgt, %11, %j : i32
    %12 = arith.select %c, %11, %j : i32
    %f1 = arith.mulf %f, %g : f32
    %f2 = arith.addf %f1, %f : f32
    %f3 = arith.divf %f2, %g : f32
    %f4 = arith.subf %f3, %g : f32
    %f5 = arith.maximumf %f4, %f : f32
    %f6 = arith.minnumf %f5, %g : f32
    %f7 = arith.negf %f6 : f32
    %fi = arith.sitofp %12 : i32 to f32
    %f8 = arith.addf %f7, %fi : f32
    %fc = arith.cmpf olt, %f8, %f : f32
    %f9 = arith.select %fc, %f8, %f : f32
    %t = arith.trunci %12 : i32 to i8
    linalg.yield %12, %f9, %t : i32, f32, i8
  } -> (tensor<64xi32>, tensor<64xf32>, tensor<64xi8>)
  return %r#0, %r#1, %r#2 : tensor<64xi32>, tensor<64xf32>, tensor<64xi8>
}
"""

MATH = """
func.func @main(%x: tensor<5x7xf32>, %y: tensor<5x7xf64>) -> (tensor<5x7xf32>, tensor<5x7xf64>) {
  %e = tensor.empty() : tensor<5x7xf32>
  %e64 = tensor.empty() : tensor<5x7xf64>
  %r:2 = linalg.generic {indexing_maps = [#id2, #id2, #id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%x, %y : tensor<5x7xf32>, tensor<5x7xf64>) outs(%e, %e64 : tensor<5x7xf32>, tensor<5x7xf64>) {
  ^bb0(%a: f32, %b: f64, %o: f32, %o64: f64):
    %0 = math.absf %a : f32
    %1 = math.sqrt %0 : f32
    %2 = math.exp %1 : f32
    %3 = math.log %2 : f32
    %4 = math.tanh %3 : f32
    %5 = math.floor %a : f32
    %6 = math.ceil %a : f32
    %7 = math.fma %4, %5, %6 : f32
    %8 = math.rsqrt %2 : f32
    %9 = math.sin %7 : f32
    %10 = math.cos %8 : f32
    %11 = arith.addf %9, %10 : f32
    %12 = math.log1p %0 : f32
    %13 = math.expm1 %12 : f32
    %14 = arith.addf %11, %13 : f32
    %d0 = math.absf %b : f64
    %d1 = math.powf %d0, %b : f64
    %d2 = math.exp2 %b : f64
    %d3 = math.log2 %d2 : f64
    %d4 = arith.addf %d1, %d3 : f64
    %d5 = arith.extf %14 : f32 to f64
    %d6 = arith.addf %d4, %d5 : f64
    linalg.yield %14, %d6 : f32, f64
  } -> (tensor<5x7xf32>, tensor<5x7xf64>)
  return %r#0, %r#1 : tensor<5x7xf32>, tensor<5x7xf64>
}
"""

MEMREF = """
func.func @main(%m: memref<6x8xf32>, %n: index) -> (f32, index, f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %t = memref.alloc() : memref<3x4xf32>
  %s = memref.subview %m[%c1, 2] [3, 4] [1, 1] : memref<6x8xf32> to memref<3x4xf32, strided<[8, 1], offset: ?>>
  memref.copy %s, %t : memref<3x4xf32, strided<[8, 1], offset: ?>> to memref<3x4xf32>
  %c = memref.collapse_shape %t [[0, 1]] : memref<3x4xf32> into memref<12xf32>
  %acc = scf.for %i = %c0 to %n step %c1 iter_args(%a = %c0) -> (index) {
    %k = arith.addi %a, %i : index
    scf.yield %k : index
  }
  %cst = arith.constant 0.0 : f32
  %sum = scf.for %i = %c0 to %c2 step %c1 iter_args(%a = %cst) -> (f32) {
    %v = memref.load %c[%i] : memref<12xf32>
    %w = arith.addf %a, %v : f32
    scf.yield %w : f32
  }
  %big = arith.cmpi sgt, %n, %c2 : index
  %sel = scf.if %big -> (f32) {
    %v = memref.load %t[%c2, %c1] : memref<3x4xf32>
    scf.yield %v : f32
  } else {
    scf.yield %cst : f32
  }
  memref.store %sum, %m[%c0, %c0] : memref<6x8xf32>
  memref.dealloc %t : memref<3x4xf32>
  return %sum, %acc, %sel : f32, index, f32
}
"""

MATMUL = """
func.func @main(%a: tensor<{m}x{k}xf32>, %b: tensor<{k}x{n}xf32>, %c: tensor<{m}x{n}xf32>) -> tensor<{m}x{n}xf32> {{
  %r = linalg.matmul ins(%a, %b : tensor<{m}x{k}xf32>, tensor<{k}x{n}xf32>) outs(%c : tensor<{m}x{n}xf32>)
    -> tensor<{m}x{n}xf32>
  return %r : tensor<{m}x{n}xf32>
}}
"""

MAPS = "#id = affine_map<(d0) -> (d0)>\n#id2 = affine_map<(d0, d1) -> (d0, d1)>\n"


def _check(src: str, seed: int = 0, rtol: float = 1e-5) -> None:
    m = Context().parser.parse(MAPS + src, "<test>")
    fn = next(o for o in m.regions[0].ops() if symbol_name(o) == "main")
    ft = function_type(fn)
    assert ft is not None
    rng = np.random.default_rng(seed)
    args = [random_value(t, rng) for t in ft.inputs]
    expected = Interpreter(m).call("main", [a.copy() if isinstance(a, np.ndarray) else a for a in args])
    expected = [np.asarray(e.array if hasattr(e, "array") else e) for e in expected]
    got = compile_function(m, "main")(*[a.copy() if isinstance(a, np.ndarray) else a for a in args])
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        g = np.asarray(g)
        assert g.dtype == e.dtype and g.shape == e.shape
        if np.issubdtype(e.dtype, np.floating):
            np.testing.assert_allclose(g, e, rtol=rtol, atol=rtol)
        else:
            np.testing.assert_array_equal(g, e)


def test_arith_ops_match_interpreter() -> None:
    _check(ARITH)


def test_math_ops_match_interpreter() -> None:
    _check(MATH, rtol=1e-4)


def test_memref_scf_ops_match_interpreter() -> None:
    _check(MEMREF)


@pytest.mark.parametrize("shape", [(3, 5, 7), (128, 128, 128)])
def test_matmul_tiled_and_untiled(shape: tuple[int, int, int]) -> None:
    m, k, n = shape  # 128^3 is tiled (k, j by 64) with the packed B buffer; 3x5x7 is not
    _check(MATMUL.format(m=m, k=k, n=n), rtol=1e-4)


def test_memref_argument_is_updated_in_place() -> None:
    src = "func.func @main(%m: memref<4xf32>, %v: f32) {\n  %c1 = arith.constant 1 : index\n" \
          "  memref.store %v, %m[%c1] : memref<4xf32>\n  return\n}\n"
    f = compile_function(Context().parser.parse(src, "<t>"), "main")
    buf = np.zeros(4, np.float32)
    assert f(buf, np.float32(2.5)) == []
    assert buf.tolist() == [0.0, 2.5, 0.0, 0.0]
    with pytest.raises(CpuRunError, match="expected shape"):
        f(np.zeros(5, np.float32), np.float32(1))


def test_tool_reports_unsupported_op() -> None:
    src = "func.func @main(%x: f32) -> f32 {\n  %0 = math.erf %x : f32\n  return %0 : f32\n}\n"
    r = subprocess.run([sys.executable, "-m", "tools.mlir_py_run", "-", "--target=cpu", "--random-inputs"],
                       input=src, capture_output=True, text=True)
    assert r.returncode == 1
    assert "error:" in r.stderr and "Traceback" not in r.stderr


RESOURCE = """
func.func @main(%x: tensor<2x4096xf32>) -> tensor<2x4096xf32> {
  %w = arith.constant dense_resource<w0> : tensor<2x4096xf32>
  %s = arith.constant dense_resource<s0> : tensor<2xf32>
  %e = tensor.empty() : tensor<2x4096xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>,
                                        affine_map<(i, j) -> (i)>, affine_map<(i, j) -> (i, j)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x, %w, %s : tensor<2x4096xf32>, tensor<2x4096xf32>, tensor<2xf32>) outs(%e : tensor<2x4096xf32>) {
  ^bb0(%a: f32, %b: f32, %c: f32, %o: f32):
    %0 = arith.mulf %a, %b : f32
    %1 = arith.addf %0, %c : f32
    linalg.yield %1 : f32
  } -> tensor<2x4096xf32>
  return %r : tensor<2x4096xf32>
}
"""


def test_dense_resource_constants() -> None:
    """``dense_resource`` weights (ONNX models imported below ``--resource-threshold``) are bufferized to globals
    whose elements come from the module's blobs: the large one mapped to the blob's numpy array, the small one
    written as an LLVM literal."""
    rng = np.random.default_rng(0)
    w = rng.standard_normal((2, 4096)).astype(np.float32)
    s = np.array([1.5, -2.0], np.float32)
    blob = {"w0": w, "s0": s}
    text = RESOURCE + "{-#\n  dialect_resources: {\n    builtin: {\n" + ",\n".join(
        f'      {k}: "0x04000000{v.astype("<f4").tobytes().hex().upper()}"' for k, v in blob.items()) + \
        "\n    }\n  }\n#-}\n"
    f = compile_function(Context().parser.parse(text, "<t>"), "main")
    assert len(f.constants) == 1  # w0: 8192 elements > EXTERNALIZE
    x = rng.standard_normal((2, 4096)).astype(np.float32)
    (got,) = f(x)
    np.testing.assert_allclose(got, x * w + s[:, None], rtol=1e-5, atol=1e-6)  # fused multiply-add: 1 ulp


def test_dense_resource_without_blob_is_diagnosed() -> None:
    from mlir_py.diagnostics import DiagnosticError

    with pytest.raises(DiagnosticError, match="no data for dense_resource 'w0'"):
        compile_function(Context().parser.parse(RESOURCE, "<t>"), "main")
