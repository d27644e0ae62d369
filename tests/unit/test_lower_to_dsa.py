"""``--lower-to-dsa`` end to end: for every op kind the lowering handles, and for small multi-layer programs, the
DSA simulator's results on the lowered kernel equal the reference interpreter's on the linalg input (f32,
relative error ≤ 1e-4), plus the utilization, memory-planning and error acceptance points of issue #7."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from mlir_py import Context, parse_module, print_op, verify
from mlir_py.dsa_sim import simulate
from mlir_py.interpreter import Interpreter, function_type
from mlir_py.ir import Operation
from mlir_py.pass_manager import PassManager, load_pass_plugins
from passes.dsa_plan_memory import Interval, greedy_by_size, lower_bound

load_pass_plugins()
CTX = Context()

RTOL = 1e-4


def dense(a: np.ndarray) -> str:
    """A dense literal in MLIR's hex form (little-endian raw data: fast to parse)."""
    return f'dense<"0x{np.ascontiguousarray(a, dtype="<f4").tobytes().hex().upper()}">'


def lower(text: str, options: str = "") -> tuple[Operation, Operation]:
    """(the linalg module, the lowered module)."""
    src = parse_module(text, CTX)
    verify(src)
    low = parse_module(text, CTX)
    PassManager.parse(f"builtin.module(lower-to-dsa{options})").run(low)
    verify(low)
    return src, low


def check(text: str, entry: str, options: str = "", seed: int = 0) -> dict[str, object]:
    """Lower ``text``, run both, compare every result; returns the simulator's report as a dict."""
    src, low = lower(text, options)
    fn = next(o for o in src.regions[0].block.ops if o.name == "func.func")
    ft = function_type(fn)
    assert ft is not None
    rng = np.random.default_rng(seed)
    ins = [rng.standard_normal(t.shape).astype(np.float32) for t in ft.inputs]  # type: ignore[attr-defined]
    ref = Interpreter(src).call(entry, ins)
    res = simulate(low, entry, ins)
    assert len(res.outputs) == len(ref)
    for got, want in zip(res.outputs, ref):
        want = np.asarray(want)
        assert got.shape == want.shape
        scale = max(float(np.max(np.abs(want))), 1e-30)
        assert float(np.max(np.abs(got - want))) / scale <= RTOL
    return res.report.to_dict()


def generic(rank: int, n_in: int, body: str, types: str, ins: str, out: str, bias: bool = False) -> str:
    d = ", ".join(f"d{i}" for i in range(rank))
    ident = f"affine_map<({d}) -> ({d})>"
    maps = [ident] * n_in + ([f"affine_map<({d}) -> (d1)>"] if bias else []) + [ident]
    iters = ", ".join(['"parallel"'] * rank)
    return (f"linalg.generic {{indexing_maps = [{', '.join(maps)}], iterator_types = [{iters}]}} ins({ins} : {types}) "
            f"outs({out}) {{\n{body}\n  }}")


MATMUL_BIAS_RELU = """
func.func @f(%a: tensor<40x56xf32>, %b: tensor<56x72xf32>, %bias: tensor<72xf32>) -> tensor<40x72xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<40x72xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<40x72xf32>) -> tensor<40x72xf32>
  %m = linalg.matmul ins(%a, %b : tensor<40x56xf32>, tensor<56x72xf32>) outs(%i : tensor<40x72xf32>) -> tensor<40x72xf32>
  %r = GENERIC -> tensor<40x72xf32>
  return %r : tensor<40x72xf32>
}
""".replace("GENERIC", generic(2, 1, """  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    %t = arith.maximumf %s, %z : f32
    linalg.yield %t : f32""", "tensor<40x72xf32>, tensor<72xf32>", "%m, %bias", "%e : tensor<40x72xf32>", bias=True))


def test_matmul_bias_relu_fused() -> None:
    _, low = lower(MATMUL_BIAS_RELU)
    text = print_op(low)
    assert "linalg." not in text and "memref.alloc" not in text
    assert text.count("dsa.matmul") == 1 and " bias " in text and " relu " in text
    stats = check(MATMUL_BIAS_RELU, "f")
    assert stats["macs"] == 3 * 5 * 4 * 16**3  # 3x5 output tiles, 4 K steps, partial tiles zero-padded


def test_matmul_constant_weights_clip_other_n() -> None:
    rng = np.random.default_rng(3)
    w = rng.standard_normal((24, 20)).astype(np.float32)
    text = f"""
func.func @g(%a: tensor<9x24xf32>) -> tensor<9x20xf32> {{
  %z = arith.constant 0.0 : f32
  %w = arith.constant {dense(w)} : tensor<24x20xf32>
  %e = tensor.empty() : tensor<9x20xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<9x20xf32>) -> tensor<9x20xf32>
  %m = linalg.matmul ins(%a, %w : tensor<9x24xf32>, tensor<24x20xf32>) outs(%i : tensor<9x20xf32>) -> tensor<9x20xf32>
  %r = {generic(2, 1, '''  ^bb0(%x: f32, %o: f32):
    %lo = arith.constant -0.5 : f32
    %hi = arith.constant 0.75 : f32
    %t = arith.maximumf %x, %lo : f32
    %u = arith.minimumf %t, %hi : f32
    linalg.yield %u : f32''', "tensor<9x20xf32>", "%m", "%e : tensor<9x20xf32>")} -> tensor<9x20xf32>
  return %r : tensor<9x20xf32>
}}
"""
    check(text, "g", "{n=8}")
    check(text, "g", "{n=32}")


def test_batch_matmul() -> None:
    text = """
func.func @bm(%a: tensor<3x20x24xf32>, %b: tensor<3x24x33xf32>) -> tensor<3x20x33xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<3x20x33xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<3x20x33xf32>) -> tensor<3x20x33xf32>
  %m = linalg.batch_matmul ins(%a, %b : tensor<3x20x24xf32>, tensor<3x24x33xf32>) outs(%i : tensor<3x20x33xf32>) -> tensor<3x20x33xf32>
  return %m : tensor<3x20x33xf32>
}
"""
    check(text, "bm")


def conv_program(stride: int, dilation: int, pad: int, bias_relu: bool, maxpool: bool) -> str:
    rng = np.random.default_rng(1)
    w = rng.standard_normal((20, 3, 3, 3)).astype(np.float32)
    b = rng.standard_normal(20).astype(np.float32)
    h, wd = 13, 11
    hp, wp = h + 2 * pad, wd + 2 * pad
    oh, ow = (hp - dilation * 2 - 1) // stride + 1, (wp - dilation * 2 - 1) // stride + 1
    ct = f"tensor<2x20x{oh}x{ow}xf32>"
    lines = [f"func.func @conv(%x: tensor<2x3x{h}x{wd}xf32>) -> RESULT {{",
             "  %z = arith.constant 0.0 : f32",
             f"  %w = arith.constant {dense(w)} : tensor<20x3x3x3xf32>",
             f"  %bias = arith.constant {dense(b)} : tensor<20xf32>"]
    x = "%x"
    if pad:
        lines += [f"  %p = tensor.pad %x low[0, 0, {pad}, {pad}] high[0, 0, {pad}, {pad}] {{",
                  "  ^bb0(%i0: index, %i1: index, %i2: index, %i3: index):",
                  "    tensor.yield %z : f32",
                  f"  }} : tensor<2x3x{h}x{wd}xf32> to tensor<2x3x{hp}x{wp}xf32>"]
        x = "%p"
    lines += [f"  %e = tensor.empty() : {ct}",
              f"  %i = linalg.fill ins(%z : f32) outs(%e : {ct}) -> {ct}",
              f"  %c = linalg.conv_2d_nchw_fchw {{dilations = dense<{dilation}> : tensor<2xi64>, strides = "
              f"dense<{stride}> : tensor<2xi64>}} ins({x}, %w : tensor<2x3x{hp}x{wp}xf32>, tensor<20x3x3x3xf32>) "
              f"outs(%i : {ct}) -> {ct}"]
    res, rt = "%c", ct
    if bias_relu:
        lines.append("  %r = " + generic(4, 1, """  ^bb0(%a: f32, %bb: f32, %o: f32):
    %s = arith.addf %a, %bb : f32
    %t = arith.maximumf %s, %z : f32
    linalg.yield %t : f32""", f"{ct}, tensor<20xf32>", "%c, %bias", f"%e : {ct}", bias=True) + f" -> {ct}")
        res = "%r"
    if maxpool:
        pt = f"tensor<2x20x{oh // 2}x{ow // 2}xf32>"
        lines += ["  %ninf = arith.constant 0xFF800000 : f32",
                  "  %win = tensor.empty() : tensor<2x2xf32>",
                  f"  %e2 = tensor.empty() : {pt}",
                  f"  %i2 = linalg.fill ins(%ninf : f32) outs(%e2 : {pt}) -> {pt}",
                  f"  %mp = linalg.pooling_nchw_max {{dilations = dense<1> : tensor<2xi64>, strides = "
                  f"dense<2> : tensor<2xi64>}} ins({res}, %win : {ct}, tensor<2x2xf32>) outs(%i2 : {pt}) -> {pt}"]
        res, rt = "%mp", pt
    lines += [f"  return {res} : {rt}", "}"]
    return "\n".join(lines).replace("RESULT", rt)


@pytest.mark.parametrize("stride,dilation,pad,bias_relu,maxpool", [
    (1, 1, 1, True, True), (2, 1, 0, False, False), (1, 2, 2, True, False), (2, 2, 1, False, True)])
def test_conv2d_im2col(stride: int, dilation: int, pad: int, bias_relu: bool, maxpool: bool) -> None:
    text = conv_program(stride, dilation, pad, bias_relu, maxpool)
    _, low = lower(text)
    out = print_op(low)
    assert "transpose_lhs" in out and "strides [1, 1, 1, " in out  # the im2col gather is strided DMA
    assert ("dsa.maxpool" in out) == maxpool
    check(text, "conv")


@pytest.mark.parametrize("op,kind", [("arith.addf", "add"), ("arith.subf", "sub"), ("arith.mulf", "mul"),
                                     ("arith.maximumf", "max"), ("arith.minimumf", "min")])
def test_elementwise_binary(op: str, kind: str) -> None:
    t = "tensor<3x5x37xf32>"
    text = f"""
func.func @ew(%a: {t}, %b: {t}) -> {t} {{
  %e = tensor.empty() : {t}
  %r = {generic(3, 2, f'''  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = {op} %x, %y : f32
    linalg.yield %s : f32''', f"{t}, {t}", "%a, %b", f"%e : {t}")} -> {t}
  return %r : {t}
}}
"""
    _, low = lower(text)
    assert f"dsa.vector {kind} " in print_op(low)
    check(text, "ew")


def test_relu_and_clip_on_vector_unit() -> None:
    t = "tensor<4x300xf32>"
    text = f"""
func.func @act(%a: {t}) -> ({t}, {t}) {{
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : {t}
  %r = {generic(2, 1, '''  ^bb0(%x: f32, %o: f32):
    %s = arith.maximumf %x, %z : f32
    linalg.yield %s : f32''', t, "%a", f"%e : {t}")} -> {t}
  %c = {generic(2, 1, '''  ^bb0(%x: f32, %o: f32):
    %lo = arith.constant 0.0 : f32
    %hi = arith.constant 6.0 : f32
    %s = arith.maximumf %x, %lo : f32
    %u = arith.minimumf %s, %hi : f32
    linalg.yield %u : f32''', t, "%r", f"%e : {t}")} -> {t}
  return %r, %c : {t}, {t}
}}
"""
    _, low = lower(text)
    out = print_op(low)
    assert "dsa.vector copy" in out and " relu" in out and "clip(0.000000e+00, 6.000000e+00)" in out
    check(text, "act")


def test_pooling_fill_transpose_reshape() -> None:
    xt, st, mt = "tensor<2x20x9x11xf32>", "tensor<2x20x4x5xf32>", "tensor<2x20x7x9xf32>"
    text = f"""
func.func @p(%x: {xt}, %y: tensor<6x40xf32>) -> ({st}, {mt}, tensor<40x6xf32>, tensor<2x3x40xf32>, tensor<3x5xf32>) {{
  %z = arith.constant 0.0 : f32
  %ninf = arith.constant 0xFF800000 : f32
  %w = tensor.empty() : tensor<3x3xf32>
  %e1 = tensor.empty() : {st}
  %i1 = linalg.fill ins(%z : f32) outs(%e1 : {st}) -> {st}
  %s = linalg.pooling_nchw_sum {{dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}} ins(%x, %w : {xt}, tensor<3x3xf32>) outs(%i1 : {st}) -> {st}
  %e2 = tensor.empty() : {mt}
  %i2 = linalg.fill ins(%ninf : f32) outs(%e2 : {mt}) -> {mt}
  %m = linalg.pooling_nchw_max {{dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}} ins(%x, %w : {xt}, tensor<3x3xf32>) outs(%i2 : {mt}) -> {mt}
  %e3 = tensor.empty() : tensor<40x6xf32>
  %t = linalg.transpose ins(%y : tensor<6x40xf32>) outs(%e3 : tensor<40x6xf32>) permutation = [1, 0]
  %r = tensor.expand_shape %y [[0, 1], [2]] output_shape [2, 3, 40] : tensor<6x40xf32> into tensor<2x3x40xf32>
  %one = arith.constant 1.5 : f32
  %e4 = tensor.empty() : tensor<3x5xf32>
  %f = linalg.fill ins(%one : f32) outs(%e4 : tensor<3x5xf32>) -> tensor<3x5xf32>
  return %s, %m, %t, %r, %f : {st}, {mt}, tensor<40x6xf32>, tensor<2x3x40xf32>, tensor<3x5xf32>
}}
"""
    _, low = lower(text)
    out = print_op(low)
    assert "dsa.maxpool" in out and "dsa.vector add" in out and "permutation [1, 0]" in out
    check(text, "p")
    # a 16 KiB SRAM: smaller vector chunks, the max pooling in bands of 2 output rows
    _, low = lower(text, "{sram-kib=16}")
    assert "memref<2x2x9x16xf32, #dsa.sram>" in print_op(low)
    check(text, "p", "{sram-kib=16}")


def multilayer() -> str:
    """conv(pad 1) + bias + ReLU → max pool 2×2 → flatten → matmul with constant weights + bias → clip."""
    rng = np.random.default_rng(7)
    conv = conv_program(1, 1, 1, True, True).splitlines()
    w2 = rng.standard_normal((20 * 6 * 5, 10)).astype(np.float32)
    b2 = rng.standard_normal(10).astype(np.float32)
    body = conv[:-2]
    body[0] = body[0].replace("-> tensor<2x20x6x5xf32>", "-> tensor<2x10xf32>")
    body += ["  %flat = tensor.collapse_shape %mp [[0], [1, 2, 3]] : tensor<2x20x6x5xf32> into tensor<2x600xf32>",
             f"  %w2 = arith.constant {dense(w2)} : tensor<600x10xf32>",
             f"  %b2 = arith.constant {dense(b2)} : tensor<10xf32>",
             "  %e5 = tensor.empty() : tensor<2x10xf32>",
             "  %i5 = linalg.fill ins(%z : f32) outs(%e5 : tensor<2x10xf32>) -> tensor<2x10xf32>",
             "  %fc = linalg.matmul ins(%flat, %w2 : tensor<2x600xf32>, tensor<600x10xf32>) outs(%i5 : "
             "tensor<2x10xf32>) -> tensor<2x10xf32>",
             "  %o = " + generic(2, 1, """  ^bb0(%a: f32, %bb: f32, %o: f32):
    %s = arith.addf %a, %bb : f32
    %lo = arith.constant -1.0 : f32
    %hi = arith.constant 1.0 : f32
    %t = arith.maximumf %s, %lo : f32
    %u = arith.minimumf %t, %hi : f32
    linalg.yield %u : f32""", "tensor<2x10xf32>, tensor<10xf32>", "%fc, %b2", "%e5 : tensor<2x10xf32>", bias=True)
             + " -> tensor<2x10xf32>",
             "  return %o : tensor<2x10xf32>", "}"]
    return "\n".join(body)


def test_multilayer_program_and_memory_plan() -> None:
    text = multilayer()
    stats = check(text, "conv")
    layers = stats["layers"]
    assert isinstance(layers, list)
    assert [ly["name"] for ly in layers] == ["conv2d0", "reshape1", "matmul2"]  # per-layer figures
    assert all(ly["cycles"] > 0 and ly["location"] for ly in layers)
    _, low = lower(text)
    fn = next(o for o in low.regions[0].block.ops if o.name == "func.func")
    peak = fn.attributes["dsa.peak_sram_bytes"].value  # type: ignore[attr-defined]
    bound = fn.attributes["dsa.sram_lower_bound_bytes"].value  # type: ignore[attr-defined]
    assert 0 < bound <= peak <= 1.10 * bound
    assert stats["peak_sram_bytes"] == peak
    offsets = [o.properties["offset"].value for o in fn.walk() if o.name == "dsa.buffer"]  # type: ignore[attr-defined]
    assert len(offsets) > len(set(offsets))  # buffers of different layers share SRAM


def test_greedy_by_size() -> None:
    a, b, c = (Interval(None, s, lo, hi) for s, lo, hi in ((256, 0, 1), (128, 2, 3), (64, 1, 2)))  # type: ignore[arg-type]
    peak = greedy_by_size([a, b, c])
    assert (a.offset, b.offset, c.offset) == (0, 0, 256)
    assert peak == lower_bound([a, b, c]) == 320


MM512 = {"linalg": """
func.func @mm(%a: tensor<512x512xf32>, %b: tensor<512x512xf32>) -> tensor<512x512xf32> {
  %z = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<512x512xf32>
  %i = linalg.fill ins(%z : f32) outs(%e : tensor<512x512xf32>) -> tensor<512x512xf32>
  %m = linalg.matmul ins(%a, %b : tensor<512x512xf32>, tensor<512x512xf32>) outs(%i : tensor<512x512xf32>) -> tensor<512x512xf32>
  return %m : tensor<512x512xf32>
}
""", "nn": """
func.func @mm(%a: tensor<512x512xf32>, %b: tensor<512x512xf32>) -> tensor<512x512xf32> {
  %0 = nn.matmul %a, %b : (tensor<512x512xf32>, tensor<512x512xf32>) -> tensor<512x512xf32>
  return %0 : tensor<512x512xf32>
}
"""}


@pytest.mark.parametrize("source", ["linalg", "nn"])
def test_matmul_512_utilization(source: str) -> None:
    text = MM512[source]
    _, low = lower(text, "{n=16}")
    rng = np.random.default_rng(0)
    a, b = (rng.standard_normal((512, 512)).astype(np.float32) for _ in range(2))
    res = simulate(low, "mm", [a, b])
    want = a.astype(np.float64) @ b.astype(np.float64)
    assert np.max(np.abs(res.outputs[0] - want)) / np.max(np.abs(want)) <= RTOL
    assert res.report.to_dict()["mac_utilization"] >= 0.85


def stages(schedule: bool) -> str:
    """The stages of lower-to-dsa at N=16 for linalg input, with or without dsa-schedule."""
    from passes.lower_to_dsa import SPECIALIZE

    return ",".join([f"linalg-specialize-generic-ops{{ops={','.join(SPECIALIZE)}}}", "dsa-fuse", "dsa-layout{n=16}",
                     "dsa-tile{n=16}", "dsa-bufferize", *(["dsa-schedule"] if schedule else []), "dsa-plan-memory"])


@pytest.mark.parametrize("kind", ["matmul", "elementwise", "maxpool"])
def test_schedule_overlaps_dma_and_compute(kind: str) -> None:
    """dsa-bufferize alone gives a correct sequential program; dsa-schedule keeps every result bit for bit and
    makes it faster (DMA of the next tiles overlaps the current compute, stores the next block), with the
    ping-pong halves as one doubled buffer each that memory planning places as a whole."""
    if kind == "matmul":
        text = MM512["linalg"].replace("512", "128")
        entry = "mm"
    elif kind == "elementwise":
        text = ADD_CHUNKS
        entry = "e"
    else:
        text = MAXPOOL
        entry = "p"
    src = parse_module(text, CTX)
    fn = next(o for o in src.regions[0].block.ops if o.name == "func.func")
    ft = function_type(fn)
    assert ft is not None
    rng = np.random.default_rng(1)
    ins = [rng.standard_normal(t.shape).astype(np.float32) for t in ft.inputs]  # type: ignore[attr-defined]
    out = {}
    for schedule in (False, True):
        low = parse_module(text, CTX)
        PassManager.parse(f"builtin.module({stages(schedule)})").run(low)
        verify(low)
        assert ("dsa.pipeline" in print_op(low)) is not schedule  # the schedule's attributes are consumed
        res = simulate(low, entry, ins)
        k = next(o for o in low.regions[0].block.ops if o.name == "func.func")
        out[schedule] = (res.outputs, res.report.to_dict()["cycles"],
                         k.attributes["dsa.peak_sram_bytes"].value,  # type: ignore[attr-defined]
                         sum(1 for o in low.walk() if o.name == "arith.remui"))
    (seq_out, seq_cycles, seq_sram, seq_rem), (pip_out, pip_cycles, pip_sram, pip_rem) = out[False], out[True]
    for a, b in zip(seq_out, pip_out):
        assert np.array_equal(a, b)
    assert pip_cycles < seq_cycles
    assert pip_sram > seq_sram  # the ping-pong halves are distinct live bytes
    assert pip_rem > seq_rem  # the parity that selects a half


ADD_CHUNKS = """func.func @e(%x: tensor<64x512xf32>, %y: tensor<64x512xf32>) -> tensor<64x512xf32> {
  %e = tensor.empty() : tensor<64x512xf32>
  %r = linalg.generic {indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>,
    affine_map<(d0, d1) -> (d0, d1)>], iterator_types = ["parallel", "parallel"]}
    ins(%x, %y : tensor<64x512xf32>, tensor<64x512xf32>) outs(%e : tensor<64x512xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %s = arith.mulf %a, %b : f32
    linalg.yield %s : f32
  } -> tensor<64x512xf32>
  return %r : tensor<64x512xf32>
}
"""

MAXPOOL = """func.func @p(%x: tensor<2x32x16x16xf32>) -> tensor<2x32x8x8xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %w = tensor.empty() : tensor<2x2xf32>
  %e = tensor.empty() : tensor<2x32x8x8xf32>
  %i = linalg.fill ins(%ninf : f32) outs(%e : tensor<2x32x8x8xf32>) -> tensor<2x32x8x8xf32>
  %m = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%x, %w : tensor<2x32x16x16xf32>, tensor<2x2xf32>) outs(%i : tensor<2x32x8x8xf32>) -> tensor<2x32x8x8xf32>
  return %m : tensor<2x32x8x8xf32>
}
"""


def test_schedule_rejects_bad_annotations() -> None:
    """A dsa.rotate naming no loop is a located error of dsa-schedule (the pipeline stops)."""
    from mlir_py.pass_manager import PassFailure

    text = """module attributes {dsa.target = #dsa.target<n = 16>} {
  func.func @k(%x: memref<16xf32, #dsa.dram>) attributes {dsa.kernel} {
    %s = memref.alloc() {dsa.rotate = "nowhere"} : memref<16xf32, #dsa.sram>
    return
  }
}"""
    m = parse_module(text, CTX, filename="k.mlir")
    with pytest.raises((PassFailure, Exception)) as e:
        PassManager.parse("builtin.module(dsa-schedule)").run(m)
    assert "no scf.for of the function has dsa.pipeline" in str(e.value)


def test_tools_error_and_print_ir_after_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tools.mlir_py_opt import main as opt
    from tools.mlir_py_run import main as run

    src = tmp_path / "mm.mlir"
    src.write_text(MATMUL_BIAS_RELU)
    assert opt([str(src), "--pass-pipeline=builtin.module(lower-to-dsa{n=16 sram-kib=4})"]) == 1
    err = capsys.readouterr().err
    assert f"{src}:6:8: error: 'linalg.matmul' op layer 'matmul0' does not fit the target" in err
    assert "Traceback" not in err
    out = tmp_path / "mm.dsa.mlir"
    assert opt([str(src), "--lower-to-dsa", "--mlir-print-ir-after-all", "-o", str(out)]) == 0
    dumps = [ln for ln in capsys.readouterr().err.splitlines() if "IR Dump After" in ln]
    stages = [d.split(": ")[1].split("{")[0].split(" ")[0] for d in dumps]
    assert [s for s in stages if s.startswith("dsa-") or s.startswith("linalg-")] == [
        "linalg-specialize-generic-ops", "dsa-fuse", "dsa-layout", "dsa-tile", "dsa-bufferize", "dsa-schedule",
        "dsa-plan-memory"]
    assert run([str(out), "--entry", "f", "--target=dsa", "--random-inputs", "--stats"]) == 0
    assert "MAC utilization" in capsys.readouterr().out


def test_unsupported_op_runs_on_control_processor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An op no engine runs is not an error: a located remark lists it and the simulator runs it on the cp."""
    from tools.mlir_py_opt import main as opt
    from tools.mlir_py_run import main as run

    t = "tensor<4x8xf32>"
    src = tmp_path / "exp.mlir"
    src.write_text(f"""func.func @e(%a: {t}) -> {t} {{
  %e = tensor.empty() : {t}
  %r = {generic(2, 1, '''  ^bb0(%x: f32, %o: f32):
    %s = math.exp %x : f32
    linalg.yield %s : f32''', t, "%a", f"%e : {t}")} -> {t}
  return %r : {t}
}}
""")
    out = tmp_path / "exp.dsa.mlir"
    assert opt([str(src), "--lower-to-dsa", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{src}:3:8: remark: ops left for the control processor (no DSA engine runs them): linalg.generic" \
        in err
    assert "math.exp" in out.read_text() and "outs(%dram : memref<4x8xf32, #dsa.dram>)" not in out.read_text()
    assert "memref<4x8xf32, #dsa.dram>) outs(%arg1 : memref<4x8xf32, #dsa.dram>)" in out.read_text()
    assert run([str(out), "--entry", "e", "--target=dsa", "--random-inputs", "--stats"]) == 0
    assert "linalg.generic" in capsys.readouterr().out


def test_nn_program_through_tc_and_specialization() -> None:
    """nn → tc → linalg.generic → named ops → DSA: a conv (pads, bias as the accumulator's initial value) + ReLU
    + max pool + flatten + Gemm with transB, against the interpreter on the nn program."""
    rng = np.random.default_rng(5)
    w = rng.standard_normal((8, 3, 3, 3)).astype(np.float32)
    b = rng.standard_normal(8).astype(np.float32)
    w2 = rng.standard_normal((10, 288)).astype(np.float32)
    b2 = rng.standard_normal(10).astype(np.float32)
    text = f"""
func.func @cnn(%x: tensor<2x3x12x12xf32>) -> tensor<2x10xf32> {{
  %w = nn.constant {dense(w)} : tensor<8x3x3x3xf32>
  %b = nn.constant {dense(b)} : tensor<8xf32>
  %0 = nn.conv2d %x, %w, %b <pads = array<i64: 1, 1, 1, 1>> : (tensor<2x3x12x12xf32>, tensor<8x3x3x3xf32>, tensor<8xf32>) -> tensor<2x8x12x12xf32>
  %1 = nn.relu %0 : tensor<2x8x12x12xf32>
  %2 = nn.maxpool2d %1 <kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>> : (tensor<2x8x12x12xf32>) -> tensor<2x8x6x6xf32>
  %3 = nn.flatten %2 : (tensor<2x8x6x6xf32>) -> tensor<2x288xf32>
  %w2 = nn.constant {dense(w2)} : tensor<10x288xf32>
  %b2 = nn.constant {dense(b2)} : tensor<10xf32>
  %4 = nn.gemm %3, %w2, %b2 <trans_b = 1> : (tensor<2x288xf32>, tensor<10x288xf32>, tensor<10xf32>) -> tensor<2x10xf32>
  return %4 : tensor<2x10xf32>
}}
"""
    _, low = lower(text)
    out = print_op(low)
    assert "linalg." not in out and "nn." not in out
    assert "transpose_rhs" in out and "dsa.maxpool" in out
    check(text, "cnn")


SOFTMAX_LIKE = """#id = affine_map<(d0, d1) -> (d0, d1)>
#row = affine_map<(d0, d1) -> (d0)>
func.func @f(%a: tensor<4x32xf32>, %b: tensor<32x16xf32>) -> tensor<4x16xf32> {
  %z = arith.constant 0.0 : f32
  %e0 = tensor.empty() : tensor<4x16xf32>
  %c = linalg.fill ins(%z : f32) outs(%e0 : tensor<4x16xf32>) -> tensor<4x16xf32>
  %m = linalg.matmul ins(%a, %b : tensor<4x32xf32>, tensor<32x16xf32>) outs(%c : tensor<4x16xf32>) -> tensor<4x16xf32>
  %e1 = tensor.empty() : tensor<4x16xf32>
  %x = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%m : tensor<4x16xf32>) outs(%e1 : tensor<4x16xf32>) {
  ^bb0(%in: f32, %o: f32):
    %y = math.exp %in : f32
    linalg.yield %y : f32
  } -> tensor<4x16xf32>
  %e2 = tensor.empty() : tensor<4xf32>
  %s0 = linalg.fill ins(%z : f32) outs(%e2 : tensor<4xf32>) -> tensor<4xf32>
  %s = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x16xf32>) outs(%s0 : tensor<4xf32>) {
  ^bb0(%in: f32, %o: f32):
    %y = arith.addf %in, %o : f32
    linalg.yield %y : f32
  } -> tensor<4xf32>
  %r = linalg.generic {indexing_maps = [#id, #row, #id], iterator_types = ["parallel", "parallel"]} ins(%x, %s : tensor<4x16xf32>, tensor<4xf32>) outs(%e1 : tensor<4x16xf32>) {
  ^bb0(%in: f32, %d: f32, %o: f32):
    %y = arith.divf %in, %d : f32
    linalg.yield %y : f32
  } -> tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}
"""


def test_control_processor_fallback_softmax_pieces(capsys: pytest.CaptureFixture[str]) -> None:
    """exp, a row-sum reduction and a broadcast division run no engine: they are bufferized onto the DRAM memrefs
    (linalg.generic on memrefs, the reduction's initial value copied into its destination first), run on the simulator's control processor, and the
    matmul before them still runs on the matrix unit; results equal the interpreter's."""
    rep = check(SOFTMAX_LIKE, "f")
    fb = rep["fallback_ops"]
    assert isinstance(fb, list)
    assert sum(1 for e in fb if e["op"] == "linalg.generic") == 3
    _, low = lower(SOFTMAX_LIKE)
    names = [o.name for o in low.walk()]
    assert "dsa.matmul" in names and "bufferization.to_tensor" not in names  # linalg ops bufferized in place
    assert sum(1 for o in low.walk() if o.name == "linalg.generic" and not o.results) == 3


PADDED_MAXPOOL = """func.func @p(%x: tensor<1x16x6x6xf32>) -> tensor<1x16x3x3xf32> {
  %ninf = arith.constant 0xFF800000 : f32
  %xp = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %ninf : f32
  } : tensor<1x16x6x6xf32> to tensor<1x16x8x8xf32>
  %e = tensor.empty() : tensor<1x16x3x3xf32>
  %f = linalg.fill ins(%ninf : f32) outs(%e : tensor<1x16x3x3xf32>) -> tensor<1x16x3x3xf32>
  %w = tensor.empty() : tensor<3x3xf32>
  %r = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%xp, %w : tensor<1x16x8x8xf32>, tensor<3x3xf32>) outs(%f : tensor<1x16x3x3xf32>) -> tensor<1x16x3x3xf32>
  return %r : tensor<1x16x3x3xf32>
}
"""


def test_padded_max_pooling_pads_on_control_processor() -> None:
    """ONNX MaxPool with pads: the -inf tensor.pad runs on the control processor, the pooling on the sort unit."""
    rep = check(PADDED_MAXPOOL, "p")
    fb = rep["fallback_ops"]
    assert isinstance(fb, list) and any(e["op"] == "tensor.pad" for e in fb)
    _, low = lower(PADDED_MAXPOOL)
    assert any(o.name == "dsa.maxpool" for o in low.walk())


def test_bias_with_overhanging_block() -> None:
    """1000 output columns = 63 tiles of 16: the last block of tile columns overhangs, and its extra tiles read the
    last bias tile (clamped index, AlexNet's classifier) instead of past the bias buffer."""
    rng = np.random.default_rng(0)
    b = rng.standard_normal(1000).astype(np.float32)
    w = rng.standard_normal((64,1000)).astype(np.float32)
    t = f"""#id = affine_map<(d0, d1) -> (d0, d1)>
    #col = affine_map<(d0, d1) -> (d1)>
    func.func @g(%a: tensor<4x64xf32>) -> tensor<4x1000xf32> {{
      %w = arith.constant {dense(w)} : tensor<64x1000xf32>
      %b = arith.constant {dense(b)} : tensor<1000xf32>
      %z = arith.constant 0.0 : f32
      %e = tensor.empty() : tensor<4x1000xf32>
      %c = linalg.fill ins(%z : f32) outs(%e : tensor<4x1000xf32>) -> tensor<4x1000xf32>
      %m = linalg.matmul ins(%a, %w : tensor<4x64xf32>, tensor<64x1000xf32>) outs(%c : tensor<4x1000xf32>) -> tensor<4x1000xf32>
      %r = linalg.generic {{indexing_maps = [#id, #col, #id], iterator_types = ["parallel", "parallel"]}} ins(%m, %b : tensor<4x1000xf32>, tensor<1000xf32>) outs(%e : tensor<4x1000xf32>) {{
      ^bb0(%x: f32, %y: f32, %o: f32):
        %s = arith.addf %x, %y : f32
        linalg.yield %s : f32
      }} -> tensor<4x1000xf32>
      return %r : tensor<4x1000xf32>
    }}
    """
    check(t, "g")
    _, low = lower(t)
    assert any(o.name == "arith.minui" for o in low.walk())


CHANNEL_SHUFFLE = """func.func @s(%x: tensor<1x48x12x12xf32>) -> tensor<1x48x12x12xf32> {
  %a = tensor.expand_shape %x [[0], [1, 2], [3], [4]] output_shape [1, 3, 16, 12, 12]
    : tensor<1x48x12x12xf32> into tensor<1x3x16x12x12xf32>
  %e = tensor.empty() : tensor<1x16x3x12x12xf32>
  %t = linalg.transpose ins(%a : tensor<1x3x16x12x12xf32>) outs(%e : tensor<1x16x3x12x12xf32>)
    permutation = [0, 2, 1, 3, 4]
  %r = tensor.collapse_shape %t [[0], [1, 2], [3], [4]] : tensor<1x16x3x12x12xf32> into tensor<1x48x12x12xf32>
  return %r : tensor<1x48x12x12xf32>
}
"""


def test_channel_shuffle_transpose_in_rows_that_fit() -> None:
    """ShuffleNet's channel shuffle: the transpose of a batch-1 tensor is gathered in rows of the first output
    dimensions (not the whole tensor in one SRAM buffer)."""
    check(CHANNEL_SHUFFLE, "s")
    _, low = lower(CHANNEL_SHUFFLE)
    sizes = [o.results[0].type.shape for o in low.walk() if o.name == "dsa.buffer"]  # type: ignore[attr-defined]
    assert sizes and max(math.prod(s) for s in sizes) <= 4 * 4096
