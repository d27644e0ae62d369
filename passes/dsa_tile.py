"""``dsa-tile``: stage 3 of ``--lower-to-dsa`` — choose how every layer is cut into N×N tiles, so that its
working set fits the target's SRAM.

Matrix layers (``matmul``, ``batch_matmul``, ``conv2d`` as an im2col matmul) are computed output-stationary, as
in the lecture's communication strategy: the output is walked in blocks of ``bm × bn`` N×N tiles whose
accumulators stay in SRAM while K is streamed one N-wide step at a time (K accumulated in the accumulator, never
written back in between); the A and B tiles of a K step are double-buffered (ping-pong) so the DMA of the next
step overlaps the primitives of this one, and the output block is double-buffered so its store overlaps the next
block. Partial tiles are zero-padded (masked DMA). The working set of a block, bytes:

    2·bm·N²·e (A) + 2·bn·N²·e (B) + 2·bm·bn·N²·4 (accumulators) [+ 2·bm·bn·N²·e (post-processed out)]
    [+ ⌈cols/N⌉·N·4 (bias)]

The pass picks, among blocks of at most 8×8 tiles that fit in SRAM, the one with the fewest estimated cycles
(the arithmetic intensity of a block is bm·bn/(bm+bn) MACs per loaded element, Redfern's "Implementation": the
matrix unit needs bm·bn·N cycles per K step, the DMA (bm+bn)·N²·4/bandwidth; blocks overhanging the last tile
waste work); vector and
sort layers stream fixed chunks (``dsa.chunk`` elements, double-buffered). It sets ``dsa.tiles = array<i64: bm,
bn>`` (or ``dsa.chunk``) and ``dsa.padding_efficiency`` (useful / issued MACs, the utilization lost to partial
tiles) on each layer anchor and reports it in a remark. Errors (located at the layer): a layer whose smallest
tile set (one tile of each, double-buffered) does not fit the SRAM of the target; element types other than
``f32``; an op the DSA lowering does not handle (listed in one remark per function: they would need the control
processor).

The ``n`` and ``sram-kib`` options (0: keep the module's) set the module's ``#dsa.target`` first.
"""

from __future__ import annotations

import math

from dialects.dsa import DEFAULT_TARGET, TargetAttr, target_of
from dialects.linalg import Conv2DNchwFchwOp, MatmulOp, PoolingNchwMaxOp, PoolingNchwSumOp
from mlir_py.attributes import DenseArrayAttr, FloatAttr, RankedTensorType, f32, f64, i64
from mlir_py.ir import Operation
from mlir_py.pass_manager import Pass, PassOption, register_pass

from .dsa_fuse import MATRIX_ANCHORS, epilogue_chain

#: elements per streamed chunk of the vector / sort layers (upper bound)
CHUNK = 4096
#: the largest output block, in tiles per side
MAX_BLOCK = 8


def gemm_dims(op: Operation, n: int) -> tuple[int, int, int, int]:
    """(batch, M, N, K) of a matrix layer in its matmul form (conv2d: M = output positions, tiled per output row
    of ⌈OW/N⌉ tiles; N = filters; K = C·KH·KW)."""
    if isinstance(op, Conv2DNchwFchwOp):
        x, w = (v.type for v in op.inputs)
        o = op.results[0].type
        assert isinstance(x, RankedTensorType) and isinstance(w, RankedTensorType) and isinstance(o, RankedTensorType)
        nb, f, oh, ow = o.shape
        return nb, oh * math.ceil(ow / n) * n, f, w.shape[1] * w.shape[2] * w.shape[3]
    a, b = (v.type for v in op.operands[:2])
    assert isinstance(a, RankedTensorType) and isinstance(b, RankedTensorType)
    if a.rank == 3:
        return a.shape[0], a.shape[1], b.shape[2], a.shape[2]
    return 1, a.shape[0], b.shape[0] if transposed_b(op) else b.shape[1], a.shape[1]


def transposed_b(op: Operation) -> bool:
    """A ``linalg.matmul`` with the maps of ``A · Bᵀ`` (B stored N × K)."""
    maps = getattr(op, "indexing_maps", None)
    return isinstance(op, MatmulOp) and maps is not None and str(maps()[1]) == "(d0, d1, d2) -> (d1, d2)"


def block_bytes(bm: int, bn: int, n: int, tn: int, post: bool, bias: bool) -> int:
    """SRAM bytes of a block's working set (the formula in the module docstring), f32, each buffer rounded up
    to 64 bytes."""
    def up(x: int) -> int:
        return -(-x // 64) * 64
    t = n * n * 4
    total = up(2 * bm * t) + up(2 * bn * t) + up(2 * bm * bn * t)
    if post:
        total += up(2 * bm * bn * t)
    if bias:
        total += up(tn * n * 4)
    return total


def choose_block(tm: int, tn: int, n: int, sram: int, post: bool, bias: bool,
                 dram_bytes_per_cycle: int = 64) -> tuple[int, int] | None:
    """The block (bm, bn) for tm × tn output tiles that fits ``sram`` bytes and minimizes the estimated cycles
    ``blocks · max(bm·bn·N, (bm + bn)·N²·4 / dram_bytes_per_cycle)`` per K step (matrix unit vs DMA of the A
    and B tiles, which overlap), ties broken by the larger block; None if not even 1×1 fits."""
    best: tuple[float, int] | None = None
    best_blk: tuple[int, int] | None = None
    for bm in range(1, min(tm, MAX_BLOCK) + 1):
        for bn in range(1, min(tn, MAX_BLOCK) + 1):
            if block_bytes(bm, bn, n, tn, post, bias) > sram:
                continue
            step = max(bm * bn * n, (bm + bn) * n * n * 4 / dram_bytes_per_cycle)
            key = (math.ceil(tm / bm) * math.ceil(tn / bn) * step, -bm * bn)
            if best is None or key < best:
                best, best_blk = key, (bm, bn)
    return best_blk


def set_target(module: Operation, n: int, sram_kib: int) -> TargetAttr:
    """Apply the pipeline's target options to the module's ``dsa.target`` (0 keeps a field) and return it."""
    t = target_of(module)
    changes = {k: v for k, v in (("n", n), ("sram_kib", sram_kib)) if v}
    if changes or "dsa.target" not in module.attributes:
        t = (t if "dsa.target" in module.attributes else DEFAULT_TARGET).replace(**changes)
        module.set_attr("dsa.target", t)
    return t


@register_pass
class DsaTilePass(Pass):
    """Choose the N×N tiling of every DSA layer under the SRAM budget (see the module docstring)."""

    argument = "dsa-tile"
    summary = "Tile DSA layers onto the N×N primitive so each working set fits SRAM"
    options = [PassOption("n", int, 0, "Side of the matrix primitive (0: the module's #dsa.target)"),
               PassOption("sram-kib", int, 0, "SRAM size in KiB (0: the module's #dsa.target)")]
    statistic_defs = {"num-tiled": "Number of layers tiled"}

    def run_on_operation(self, op: Operation) -> None:
        try:
            tgt = set_target(op, self.option("n"), self.option("sram-kib"))
        except ValueError as e:
            raise self.failure(f"invalid DSA target: {e}", op) from None
        n, sram = tgt.n, tgt.sram_bytes
        fallback: list[Operation] = []
        for o in op.walk():
            if o.parent_op is None or o.parent_op.name != "func.func":
                continue
            if "dsa.fused_into" in o.attributes:
                continue
            if "dsa.layer" not in o.attributes:
                if o.name.startswith(("linalg.", "tensor.pad", "tensor.concat")) or \
                        (o.name.startswith("tensor.") and o.name not in ("tensor.empty",)):
                    fallback.append(o)
                continue
            for v in [*o.operands, *o.results]:
                t = v.type
                if isinstance(t, RankedTensorType) and t.element_type != f32:
                    raise self.failure(f"the DSA lowering supports f32 tensors only, got '{t}'", o)
            if isinstance(o, MATRIX_ANCHORS):
                nb, m, nn, k = gemm_dims(o, n)
                tm, tn, tk = (math.ceil(x / n) for x in (m, nn, k))
                _, post = epilogue_chain(o)
                has_post = post.relu or post.clip is not None or post.bias is not None
                blk = choose_block(tm, tn, n, sram, has_post, post.bias is not None, tgt.dram_bytes_per_cycle)
                if blk is None or (isinstance(o, Conv2DNchwFchwOp) and n * 4 % 64):
                    need = block_bytes(1, 1, n, tn, has_post, post.bias is not None)
                    why = (f"needs {need} bytes of SRAM for one double-buffered tile set of {n}x{n} tiles but the "
                           f"target has {sram} ({tgt.sram_kib} KiB)") if blk is None else \
                        f"im2col rows of {n} f32 are not 64-byte aligned (n = {n}); use n >= 16"
                    raise self.failure(f"layer '{o.attributes['dsa.layer'].value}' does not fit the target: "  # type: ignore[attr-defined]
                                       f"{why}", o)
                bm, bn = blk
                if isinstance(o, Conv2DNchwFchwOp):
                    ot = o.results[0].type
                    assert isinstance(ot, RankedTensorType)
                    useful = nb * ot.shape[2] * ot.shape[3] * nn * k
                else:
                    useful = nb * m * nn * k
                issued = nb * math.ceil(tm / bm) * bm * math.ceil(tn / bn) * bn * tk * n ** 3
                eff = useful / issued
                o.set_attr("dsa.tiles", DenseArrayAttr(i64, [bm, bn]))
                o.set_attr("dsa.padding_efficiency", FloatAttr(round(eff, 4), f64))
                self.emit_remark(f"layer '{o.attributes['dsa.layer'].value}': {tm}x{tn}x{tk} tiles of "  # type: ignore[attr-defined]
                                 f"{n}x{n}, blocks of {bm}x{bn}, padding efficiency {eff:.1%}", o)
            else:
                chunk = CHUNK
                slots = 6 if not isinstance(o, (PoolingNchwMaxOp, PoolingNchwSumOp)) else 4
                while chunk > n and slots * chunk * 4 > sram:
                    chunk //= 2
                if slots * chunk * 4 > sram:
                    raise self.failure(f"layer '{o.attributes['dsa.layer'].value}' does not fit the target: "  # type: ignore[attr-defined]
                                       f"its streamed chunks need {slots * chunk * 4} bytes of SRAM", o)
                o.set_attr("dsa.chunk", DenseArrayAttr(i64, [chunk]))
            self.statistics["num-tiled"] += 1
        if fallback:
            self.emit_remark("ops left for the control processor (no DSA engine runs them): " +
                             ", ".join(sorted({f.name for f in fallback})), fallback[0])


__all__ = ["CHUNK", "DsaTilePass", "block_bytes", "choose_block", "gemm_dims", "set_target", "transposed_b"]
