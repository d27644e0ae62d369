"""The linalg/scf transformation passes keep what a program computes (issue #4 item 5, acceptance).

Each program runs in the reference interpreter on seeded random inputs, then the pass pipeline runs, the result is
verified, printed, parsed back and run again: the outputs must be equal (f32 relative error <= 1e-5, integers
exact). The programs cover every linalg named op and linalg.generic programs (elementwise, broadcasts,
reductions, transposes, convolutions with strides and dilations); the pipelines are the passes one by one and
chained the way the LLVM path uses them (bufferize -> loops -> cf).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from typing import Any

import numpy as np
import pytest

from mlir_py import Context, verify
from mlir_py.attributes import MemRefType, RankedTensorType
from mlir_py.interpreter import Interpreter, MemRef, random_value
from mlir_py.pass_manager import PassManager, load_pass_plugins
from mlir_py.printer import print_op

load_pass_plugins(entry_points_too=False)
CTX = Context()


def parse(text: str) -> Any:
    m = CTX.parser.parse(text, "test.mlir")
    verify(m)
    return m


def _inputs(fn: Any, seed: int) -> list[Any]:
    rng = np.random.default_rng(seed)
    out = []
    for t in fn.type.inputs:
        if isinstance(t, MemRefType):
            out.append(random_value(RankedTensorType(t.shape, t.element_type), rng))
        else:
            out.append(random_value(t, rng))
    return out


def _run(module: Any, name: str, args: list[Any]) -> list[np.ndarray]:
    fn: Any = Interpreter(module).lookup_function(name)
    call_args = [MemRef.wrap_array(np.array(a, copy=True)) if isinstance(t, MemRefType) else a
                 for a, t in zip(args, fn.type.inputs)]
    results = Interpreter(module).call(name, call_args)
    outs = [np.array(r.array if isinstance(r, MemRef) else r) for r in results]
    # memref arguments are results too (destination-passing style)
    outs += [np.array(a.array) for a, t in zip(call_args, fn.type.inputs) if isinstance(t, MemRefType)]
    return outs


def _close(a: np.ndarray, b: np.ndarray) -> bool:
    if a.dtype.kind == "f":
        return a.shape == b.shape and bool(np.allclose(a, b, rtol=1e-5, atol=1e-5, equal_nan=True))
    return a.shape == b.shape and bool(np.array_equal(a, b))


def check_pipeline(src: str, pipeline: str, name: str = "main", seeds: tuple[int, ...] = (0, 1)) -> str:
    """Run ``name`` before and after ``pipeline``; assert equal outputs; return the transformed text."""
    before = parse(src)
    after = parse(src)
    pm = PassManager.parse(f"builtin.module({pipeline})", CTX)
    pm.run(after)
    text = print_op(after)
    reparsed = parse(text)
    fn_before = Interpreter(before).lookup_function(name)
    for seed in seeds:
        args = _inputs(fn_before, seed)
        want = _run(before, name, args)
        for m in (after, reparsed):
            got = _run(m, name, args)
            # results first: bufferized functions may return through their arguments instead
            n = len(want) if len(got) >= len(want) else len(got)
            assert n > 0
            for w, g in zip(want[:n], got[:n]):
                assert _close(w, g), f"{pipeline}: {w} != {g}\n{text}"
    return text


def _fn(sig: str, body: str, ret: str) -> str:
    return f"func.func @main({sig}) -> {ret.split(' : ')[1]} {{\n{body}\n  return {ret}\n}}\n"


# one program per linalg named op (on tensors), plus linalg.generic programs; each returns its result
NAMED = {
    "matmul": _fn("%a: tensor<8x6xf32>, %b: tensor<6x12xf32>, %c: tensor<8x12xf32>",
                  "  %r = linalg.matmul ins(%a, %b : tensor<8x6xf32>, tensor<6x12xf32>) outs(%c : tensor<8x12xf32>) "
                  "-> tensor<8x12xf32>", "%r : tensor<8x12xf32>"),
    "matmul_i32": _fn("%a: tensor<4x6xi32>, %b: tensor<6x5xi32>, %c: tensor<4x5xi32>",
                      "  %r = linalg.matmul ins(%a, %b : tensor<4x6xi32>, tensor<6x5xi32>) outs(%c : tensor<4x5xi32>)"
                      " -> tensor<4x5xi32>", "%r : tensor<4x5xi32>"),
    "batch_matmul": _fn("%a: tensor<2x4x6xf32>, %b: tensor<2x6x5xf32>, %c: tensor<2x4x5xf32>",
                        "  %r = linalg.batch_matmul ins(%a, %b : tensor<2x4x6xf32>, tensor<2x6x5xf32>) "
                        "outs(%c : tensor<2x4x5xf32>) -> tensor<2x4x5xf32>", "%r : tensor<2x4x5xf32>"),
    "matvec": _fn("%a: tensor<8x6xf32>, %v: tensor<6xf32>, %w: tensor<8xf32>",
                  "  %r = linalg.matvec ins(%a, %v : tensor<8x6xf32>, tensor<6xf32>) outs(%w : tensor<8xf32>) "
                  "-> tensor<8xf32>", "%r : tensor<8xf32>"),
    "fill": _fn("%x: f32, %c: tensor<9x7xf32>",
                "  %r = linalg.fill ins(%x : f32) outs(%c : tensor<9x7xf32>) -> tensor<9x7xf32>",
                "%r : tensor<9x7xf32>"),
    "copy": _fn("%a: tensor<9x7xf32>, %c: tensor<9x7xf32>",
                "  %r = linalg.copy ins(%a : tensor<9x7xf32>) outs(%c : tensor<9x7xf32>) -> tensor<9x7xf32>",
                "%r : tensor<9x7xf32>"),
    "transpose": _fn("%a: tensor<9x7xf32>, %c: tensor<7x9xf32>",
                     "  %r = linalg.transpose ins(%a : tensor<9x7xf32>) outs(%c : tensor<7x9xf32>) permutation = [1, 0]",
                     "%r : tensor<7x9xf32>"),
    "broadcast": _fn("%a: tensor<9xf32>, %c: tensor<9x5xf32>",
                     "  %r = linalg.broadcast ins(%a : tensor<9xf32>) outs(%c : tensor<9x5xf32>) dimensions = [1]",
                     "%r : tensor<9x5xf32>"),
    "map": _fn("%a: tensor<9x7xf32>, %b: tensor<9x7xf32>, %c: tensor<9x7xf32>",
               "  %r = linalg.map { arith.addf } ins(%a, %b : tensor<9x7xf32>, tensor<9x7xf32>) "
               "outs(%c : tensor<9x7xf32>)", "%r : tensor<9x7xf32>"),
    "reduce": _fn("%a: tensor<9x7xf32>, %c: tensor<9xf32>",
                  "  %r = linalg.reduce { arith.maximumf } ins(%a : tensor<9x7xf32>) outs(%c : tensor<9xf32>) "
                  "dimensions = [1]", "%r : tensor<9xf32>"),
    "conv_nchw": _fn("%i: tensor<1x3x9x9xf32>, %k: tensor<2x3x3x3xf32>, %o: tensor<1x2x4x4xf32>",
                     "  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : "
                     "tensor<2xi64>} ins(%i, %k : tensor<1x3x9x9xf32>, tensor<2x3x3x3xf32>) "
                     "outs(%o : tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32>", "%r : tensor<1x2x4x4xf32>"),
    "conv_nhwc_dilated": _fn("%i: tensor<1x8x8x3xf32>, %k: tensor<3x3x3x2xf32>, %o: tensor<1x4x4x2xf32>",
                             "  %r = linalg.conv_2d_nhwc_hwcf {dilations = dense<2> : tensor<2xi64>} "
                             "ins(%i, %k : tensor<1x8x8x3xf32>, tensor<3x3x3x2xf32>) outs(%o : tensor<1x4x4x2xf32>) "
                             "-> tensor<1x4x4x2xf32>", "%r : tensor<1x4x4x2xf32>"),
    "depthwise": _fn("%i: tensor<1x8x8x3xf32>, %k: tensor<3x3x3xf32>, %o: tensor<1x6x6x3xf32>",
                     "  %r = linalg.depthwise_conv_2d_nhwc_hwc ins(%i, %k : tensor<1x8x8x3xf32>, tensor<3x3x3xf32>) "
                     "outs(%o : tensor<1x6x6x3xf32>) -> tensor<1x6x6x3xf32>", "%r : tensor<1x6x6x3xf32>"),
    "pool_max": _fn("%i: tensor<1x3x8x8xf32>, %k: tensor<2x2xf32>, %o: tensor<1x3x4x4xf32>",
                    "  %r = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : "
                    "tensor<2xi64>} ins(%i, %k : tensor<1x3x8x8xf32>, tensor<2x2xf32>) outs(%o : tensor<1x3x4x4xf32>)"
                    " -> tensor<1x3x4x4xf32>", "%r : tensor<1x3x4x4xf32>"),
    "pool_sum": _fn("%i: tensor<1x3x8x8xf32>, %k: tensor<3x3xf32>, %o: tensor<1x3x6x6xf32>",
                    "  %r = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : "
                    "tensor<2xi64>} ins(%i, %k : tensor<1x3x8x8xf32>, tensor<3x3xf32>) outs(%o : tensor<1x3x6x6xf32>)"
                    " -> tensor<1x3x6x6xf32>", "%r : tensor<1x3x6x6xf32>"),
}

_ID2 = "affine_map<(d0, d1) -> (d0, d1)>"
GENERIC = {
    # bias + relu: broadcast of a row vector, elementwise max
    "bias_relu": _fn("%x: tensor<9x7xf32>, %b: tensor<7xf32>, %c: tensor<9x7xf32>", f"""
  %z = arith.constant 0.0 : f32
  %r = linalg.generic {{indexing_maps = [{_ID2}, affine_map<(d0, d1) -> (d1)>, {_ID2}],
                       iterator_types = ["parallel", "parallel"]}}
      ins(%x, %b : tensor<9x7xf32>, tensor<7xf32>) outs(%c : tensor<9x7xf32>) {{
  ^bb0(%u: f32, %v: f32, %w: f32):
    %s = arith.addf %u, %v : f32
    %m = arith.maximumf %s, %z : f32
    linalg.yield %m : f32
  }} -> tensor<9x7xf32>""", "%r : tensor<9x7xf32>"),
    # column sums (reduction over d0) with linalg.index in the payload
    "colsum_index": _fn("%x: tensor<9x7xf32>, %c: tensor<7xf32>", """
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>],
                       iterator_types = ["reduction", "parallel"]}
      ins(%x : tensor<9x7xf32>) outs(%c : tensor<7xf32>) {
  ^bb0(%u: f32, %w: f32):
    %i = linalg.index 0 : index
    %j = linalg.index 1 : index
    %k = arith.addi %i, %j : index
    %ki = arith.index_cast %k : index to i32
    %kf = arith.sitofp %ki : i32 to f32
    %p = arith.mulf %u, %kf : f32
    %s = arith.addf %p, %w : f32
    linalg.yield %s : f32
  } -> tensor<7xf32>""", "%r : tensor<7xf32>"),
    # transpose through a permuted input map, integer payload
    "transpose_i32": _fn("%x: tensor<5x6xi32>, %c: tensor<6x5xi32>", """
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<5x6xi32>) outs(%c : tensor<6x5xi32>) {
  ^bb0(%u: i32, %w: i32):
    %s = arith.muli %u, %u : i32
    linalg.yield %s : i32
  } -> tensor<6x5xi32>""", "%r : tensor<6x5xi32>"),
    # 1-D convolution with stride 2 and dilation 2: input index 2*d0 + 2*d1
    "conv1d_strided": _fn("%x: tensor<20xf32>, %k: tensor<3xf32>, %c: tensor<8xf32>", """
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0 * 2 + d1 * 2)>, affine_map<(d0, d1) -> (d1)>,
                                        affine_map<(d0, d1) -> (d0)>],
                       iterator_types = ["parallel", "reduction"]}
      ins(%x, %k : tensor<20xf32>, tensor<3xf32>) outs(%c : tensor<8xf32>) {
  ^bb0(%u: f32, %v: f32, %w: f32):
    %p = arith.mulf %u, %v : f32
    %s = arith.addf %p, %w : f32
    linalg.yield %s : f32
  } -> tensor<8xf32>""", "%r : tensor<8xf32>"),
    # two results: sum and max over rows
    "two_outputs": _fn("%x: tensor<6x10xf32>, %c: tensor<6xf32>, %d: tensor<6xf32>", """
  %r:2 = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0)>,
                                          affine_map<(d0, d1) -> (d0)>],
                       iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<6x10xf32>) outs(%c, %d : tensor<6xf32>, tensor<6xf32>) {
  ^bb0(%u: f32, %s: f32, %m: f32):
    %a = arith.addf %u, %s : f32
    %b = arith.maximumf %u, %m : f32
    linalg.yield %a, %b : f32, f32
  } -> (tensor<6xf32>, tensor<6xf32>)""", "%r#1 : tensor<6xf32>"),
}

# whole programs: producer/consumer chains to fuse, slices in a loop (what the LLVM path bufferizes)
CHAINS = {
    "mlp": _fn("%x: tensor<6x8xf32>, %w: tensor<8x5xf32>, %b: tensor<5xf32>", f"""
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<6x5xf32>
  %f = linalg.fill ins(%z : f32) outs(%e : tensor<6x5xf32>) -> tensor<6x5xf32>
  %m = linalg.matmul ins(%x, %w : tensor<6x8xf32>, tensor<8x5xf32>) outs(%f : tensor<6x5xf32>) -> tensor<6x5xf32>
  %t = linalg.generic {{indexing_maps = [{_ID2}, affine_map<(d0, d1) -> (d1)>, {_ID2}],
                       iterator_types = ["parallel", "parallel"]}}
      ins(%m, %b : tensor<6x5xf32>, tensor<5xf32>) outs(%e : tensor<6x5xf32>) {{
  ^bb0(%u: f32, %v: f32, %o: f32):
    %s = arith.addf %u, %v : f32
    linalg.yield %s : f32
  }} -> tensor<6x5xf32>
  %r = linalg.generic {{indexing_maps = [affine_map<(d0, d1) -> (d1, d0)>, affine_map<(d0, d1) -> (d0, d1)>],
                       iterator_types = ["parallel", "parallel"]}}
      ins(%t : tensor<6x5xf32>) outs(%e2 : tensor<5x6xf32>) {{
  ^bb0(%u: f32, %o: f32):
    %i = linalg.index 0 : index
    %ii = arith.index_cast %i : index to i32
    %fi = arith.sitofp %ii : i32 to f32
    %m2 = arith.maximumf %u, %z : f32
    %a = arith.addf %m2, %fi : f32
    linalg.yield %a : f32
  }} -> tensor<5x6xf32>
  %e1 = tensor.empty() : tensor<5xf32>
  %s0 = linalg.fill ins(%z : f32) outs(%e1 : tensor<5xf32>) -> tensor<5xf32>
  %sum = linalg.reduce {{ arith.addf }} ins(%r : tensor<5x6xf32>) outs(%s0 : tensor<5xf32>) dimensions = [1]
""".replace("outs(%e2 : tensor<5x6xf32>)", "outs(%e5 : tensor<5x6xf32>)").replace(
        "  %e = tensor.empty() : tensor<6x5xf32>", "  %e = tensor.empty() : tensor<6x5xf32>\n  %e5 = tensor.empty() : "
        "tensor<5x6xf32>"), "%sum : tensor<5xf32>"),
    "slices_loop": _fn("%x: tensor<8x6xf32>, %y: tensor<8x6xf32>", """
  %c0 = arith.constant 0 : index
  %c2 = arith.constant 2 : index
  %c8 = arith.constant 8 : index
  %r = scf.for %i = %c0 to %c8 step %c2 iter_args(%acc = %y) -> (tensor<8x6xf32>) {
    %s = tensor.extract_slice %x[%i, 0] [2, 6] [1, 1] : tensor<8x6xf32> to tensor<2x6xf32>
    %d = tensor.extract_slice %acc[%i, 0] [2, 6] [1, 1] : tensor<8x6xf32> to tensor<2x6xf32>
    %m = linalg.map { arith.mulf } ins(%s, %d : tensor<2x6xf32>, tensor<2x6xf32>) outs(%d : tensor<2x6xf32>)
    %n = tensor.insert_slice %m into %acc[%i, 0] [2, 6] [1, 1] : tensor<2x6xf32> into tensor<8x6xf32>
    scf.yield %n : tensor<8x6xf32>
  }
  %e = tensor.extract %r[%c2, %c2] : tensor<8x6xf32>
  %t = tensor.insert %e into %r[%c0, %c0] : tensor<8x6xf32>""", "%t : tensor<8x6xf32>"),
    "bufferization_ops": _fn("%x: tensor<4x5xf32>, %y: tensor<4x5xf32>", """
  %a = bufferization.alloc_tensor() copy(%x) : tensor<4x5xf32>
  %m = linalg.map { arith.addf } ins(%a, %y : tensor<4x5xf32>, tensor<4x5xf32>) outs(%a : tensor<4x5xf32>)
  %d = bufferization.alloc_tensor() : tensor<4x5xf32>
  %r = bufferization.materialize_in_destination %m in %d : (tensor<4x5xf32>, tensor<4x5xf32>) -> tensor<4x5xf32>
  %s = linalg.map { arith.mulf } ins(%r, %x : tensor<4x5xf32>, tensor<4x5xf32>) outs(%d : tensor<4x5xf32>)""",
                             "%s : tensor<4x5xf32>"),
}

PROGRAMS = {**NAMED, **GENERIC, **CHAINS}
PIPELINES = [
    "linalg-generalize-named-ops",
    "linalg-tile{tile-sizes=4,3}",
    "linalg-tile{tile-sizes=2,0,2}",
    "one-shot-bufferize{bufferize-function-boundaries}",
    "one-shot-bufferize",
    "one-shot-bufferize{bufferize-function-boundaries},convert-linalg-to-loops",
    "linalg-tile{tile-sizes=4,3},one-shot-bufferize{bufferize-function-boundaries},convert-linalg-to-loops,"
    "convert-scf-to-cf",
    "linalg-generalize-named-ops,linalg-fuse-elementwise-ops,one-shot-bufferize{bufferize-function-boundaries},"
    "convert-linalg-to-loops,loop-invariant-code-motion,convert-scf-to-cf",
]


@pytest.mark.parametrize("pipeline", PIPELINES)
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_pass_keeps_results(name: str, pipeline: str) -> None:
    check_pipeline(PROGRAMS[name], pipeline, seeds=(0,))


def test_fusion_fuses_the_chain() -> None:
    text = check_pipeline(CHAINS["mlp"], "linalg-fuse-elementwise-ops")
    assert text.count("linalg.generic") == 1  # bias + relu/transpose fused into one generic
    text = check_pipeline(CHAINS["mlp"], "linalg-generalize-named-ops,linalg-fuse-elementwise-ops")
    assert text.count("linalg.generic") == 4  # fill, matmul(+nothing: reduction producer), fused chain, reduce


def test_bufferize_in_place_in_loop() -> None:
    text = check_pipeline(CHAINS["slices_loop"], "one-shot-bufferize{bufferize-function-boundaries}")
    assert "memref.alloc" not in text and "memref.copy" not in text  # every write in place
    text = check_pipeline(CHAINS["slices_loop"], "one-shot-bufferize")
    assert "bufferization.to_buffer" in text and "bufferization.to_tensor" in text


# --- the output form is MLIR's: byte-equal to iree-opt (real MLIR) where the pass exists there --------------------
IREE_OPT = shutil.which("iree-opt")
LIT = os.path.join(os.path.dirname(__file__), "..", "lit", "Transforms")


def _ours(text: str, pipeline: str) -> str:
    m = parse(text)
    PassManager.parse(f"builtin.module({pipeline})", CTX).run(m)
    return print_op(m) + "\n"


def _mlir(text: str, flag: str, split: bool = False) -> str:
    assert IREE_OPT is not None
    args = [IREE_OPT, flag, "-"] + (["--split-input-file"] if split else [])
    out = subprocess.run(args, input=text, capture_output=True, text=True, check=True)
    return out.stdout


@pytest.mark.skipif(IREE_OPT is None, reason="iree-opt (iree-base-compiler) is not installed")
@pytest.mark.parametrize("name", sorted(NAMED))
def test_generalize_matches_mlir(name: str) -> None:
    assert _ours(NAMED[name], "linalg-generalize-named-ops") == _mlir(NAMED[name], "--linalg-generalize-named-ops")


@pytest.mark.skipif(IREE_OPT is None, reason="iree-opt (iree-base-compiler) is not installed")
@pytest.mark.parametrize("argument", ["convert-scf-to-cf", "loop-invariant-code-motion",
                                      "linalg-fuse-elementwise-ops"])
def test_output_matches_mlir(argument: str) -> None:
    with open(os.path.join(LIT, f"{argument}.mlir")) as f:
        text = f.read()
    theirs = _mlir(text, f"--{argument}", split=True).split("// -----\n")
    chunks = text.split("// -----")
    assert len(theirs) == len(chunks)
    for chunk, want in zip(chunks, theirs):
        assert _ours(chunk, argument) + "\n" == want or _ours(chunk, argument) == want, chunk


SCF = {
    "parallel_sum": _fn("%m: memref<4x5xf32>", """
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c5 = arith.constant 5 : index
  %z = arith.constant 0.0 : f32
  %r = scf.parallel (%i, %j) = (%c0, %c0) to (%c4, %c5) step (%c1, %c1) init (%z) -> f32 {
    %v = memref.load %m[%i, %j] : memref<4x5xf32>
    scf.reduce(%v : f32) {
    ^bb0(%a: f32, %b: f32):
      %s = arith.maximumf %a, %b : f32
      scf.reduce.return %s : f32
    }
  }""", "%r : f32"),
    "while_if_switch": _fn("%x: f32", """
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : index
  %w:2 = scf.while (%a = %x, %i = %c0) : (f32, index) -> (f32, index) {
    %c = arith.cmpi slt, %i, %c7 : index
    scf.condition(%c) %a, %i : f32, index
  } do {
  ^bb0(%b: f32, %j: index):
    %k = arith.remui %j, %c1 : index
    %v = scf.index_switch %j -> f32
    case 2 {
      %d = arith.addf %b, %b : f32
      scf.yield %d : f32
    }
    default {
      %t = arith.cmpi eq, %k, %c0 : index
      %e = scf.if %t -> f32 {
        %n = arith.negf %b : f32
        scf.yield %n : f32
      } else {
        scf.yield %b : f32
      }
      scf.yield %e : f32
    }
    %n = arith.addi %j, %c1 : index
    scf.yield %v, %n : f32, index
  }""", "%w#0 : f32"),
}


@pytest.mark.parametrize("name", sorted(SCF))
def test_scf_to_cf_keeps_results(name: str) -> None:
    text = check_pipeline(SCF[name], "convert-scf-to-cf", seeds=(0, 1, 2))
    assert "scf." not in text


# read-after-write hazards: a written value is read again later, in the same loop iteration or the next one
RAW = {
"raw1": _fn("%t: tensor<4xf32>, %u: tensor<4xf32>", """
  %a = linalg.map { arith.addf } ins(%t, %u : tensor<4xf32>, tensor<4xf32>) outs(%t : tensor<4xf32>)
  %b = linalg.map { arith.mulf } ins(%a, %t : tensor<4xf32>, tensor<4xf32>) outs(%u : tensor<4xf32>)""", "%b : tensor<4xf32>"),
"raw2": _fn("%t: tensor<8xf32>, %u: tensor<2xf32>", """
  %c0 = arith.constant 0 : index
  %s = tensor.extract_slice %t[2] [2] [1] : tensor<8xf32> to tensor<2xf32>
  %i = tensor.insert_slice %u into %t[2] [2] [1] : tensor<2xf32> into tensor<8xf32>
  %e = tensor.empty() : tensor<2xf32>
  %m = linalg.map { arith.subf } ins(%s, %u : tensor<2xf32>, tensor<2xf32>) outs(%e : tensor<2xf32>)
  %r = tensor.insert_slice %m into %i[5] [2] [1] : tensor<2xf32> into tensor<8xf32>""", "%r : tensor<8xf32>"),
"raw3": _fn("%t: tensor<4xf32>, %x: f32", """
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %r = scf.for %i = %c0 to %c3 step %c1 iter_args(%a = %t) -> (tensor<4xf32>) {
    %old = tensor.extract %a[%i] : tensor<4xf32>
    %w = tensor.insert %x into %a[%i] : tensor<4xf32>
    %n = arith.addi %i, %c1 : index
    %prev = tensor.extract %a[%n] : tensor<4xf32>
    %s = arith.addf %old, %prev : f32
    %w2 = tensor.insert %s into %w[%n] : tensor<4xf32>
    scf.yield %w2 : tensor<4xf32>
  }
  %z = tensor.extract %t[%c0] : tensor<4xf32>
  %q = tensor.insert %z into %r[%c3] : tensor<4xf32>""", "%q : tensor<4xf32>"),
"raw4": _fn("%t: tensor<4xf32>", """
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %r = scf.for %i = %c0 to %c2 step %c1 iter_args(%a = %t) -> (tensor<4xf32>) {
    %m = linalg.map { arith.addf } ins(%a, %t : tensor<4xf32>, tensor<4xf32>) outs(%a : tensor<4xf32>)
    scf.yield %m : tensor<4xf32>
  }""", "%r : tensor<4xf32>"),
}


@pytest.mark.parametrize("pipeline", ["one-shot-bufferize{bufferize-function-boundaries}", "one-shot-bufferize"])
@pytest.mark.parametrize("name", sorted(RAW))
def test_bufferize_read_after_write(name: str, pipeline: str) -> None:
    check_pipeline(RAW[name], pipeline, seeds=(0, 1))
