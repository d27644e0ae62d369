"""Generate tiled matrix-multiply programs for the DSA (``dsa`` dialect text), the hand-written kind of program the
simulator's tests and benchmark run, and the kind ``--lower-to-dsa`` produces.

    C[M×N] = A[M×K] · B[K×N]      f32, or i8×i8 → i32 accumulators → scale-round-clip → i8

The output is computed in blocks of ``block = (bm, bn)`` N×N tiles kept in SRAM (output-stationary): for each block
the K dimension is walked one tile at a time, loading ``bm`` tiles of A and ``bn`` tiles of B (reused ``bn`` and
``bm`` times) and issuing ``bm·bn`` primitives that accumulate into the block (``accumulate`` is false on the first
K step). Partial tiles at the edges are zero-padded by ``masked`` DMA loads and clipped by ``masked`` stores.

``double_buffer=True`` software-pipelines the whole program: the A/B tiles of the next K step (of the next block
after the last one) are loaded into the other half of ping-pong buffers while the matrix unit works on this one,
and the C blocks alternate between two buffers so that storing one overlaps computing the next. Without it
every K step loads, then computes, and the DMA engine and the matrix unit take turns.

    python examples/dsa/matmul_gen.py 512 512 512 --tile 16 [--dtype i8] [--no-double-buffer] [-o out.mlir]
"""

from __future__ import annotations

import argparse
import math
import sys

_ELEM = {"f32": ("f32", "f32", 4, 4), "i8": ("i8", "i32", 1, 4)}


def _divisor_at_most(n: int, limit: int) -> int:
    return max(d for d in range(1, min(n, limit) + 1) if n % d == 0)


def matmul_kernel(m: int, k: int, n: int, *, tile: int = 16, dtype: str = "f32", double_buffer: bool = True,
                  block: tuple[int, int] = (4, 4), relu: bool = False, scale: tuple[int, int] = (1, 0),
                  name: str = "matmul") -> str:
    """The module text of kernel ``@name(A: M×K, B: K×N, C: M×N {dsa.output})`` for ``#dsa.target<n = tile>``.

    ``dtype``: ``"f32"`` or ``"i8"`` (i32 accumulation, then ``scale(m, shift)`` and a saturating cast to i8);
    ``relu`` adds ReLU post-processing. ``block`` is shrunk to divide the tile counts."""
    et, acc_t, esize, asize = _ELEM[dtype]
    tm, tk, tn = (math.ceil(x / tile) for x in (m, k, n))
    bm, bn = _divisor_at_most(tm, block[0]), _divisor_at_most(tn, block[1])
    blocks_n = tn // bn
    blocks = (tm // bm) * blocks_n
    slots = 2 if double_buffer else 1
    masked = " masked" if (m % tile or k % tile or n % tile) else ""
    tt = f"{tile}x{tile}"
    abuf_t = f"memref<{slots}x{bm}x{tt}x{et}, #dsa.sram>"
    bbuf_t = f"memref<{slots}x{bn}x{tt}x{et}, #dsa.sram>"
    cbuf_t = f"memref<{slots}x{bm}x{bn}x{tt}x{acc_t}, #dsa.sram>"
    obuf_t = f"memref<{slots}x{bm}x{bn}x{tt}x{et}, #dsa.sram>"
    a_t, b_t, c_t = (f"memref<{r}x{c}x{et}, #dsa.dram>" for r, c in ((m, k), (k, n), (m, n)))
    offsets, off = {}, 0
    int8 = dtype == "i8"
    # post-processing goes to a separate output tile, so that the accumulator keeps the raw sums
    has_out = int8 or relu
    for buf, size in (("a", slots * bm * tile * tile * esize), ("b", slots * bn * tile * tile * esize),
                      ("c", slots * bm * bn * tile * tile * asize), ("o", slots * bm * bn * tile * tile * esize)):
        if buf == "o" and not has_out:
            continue
        offsets[buf] = off
        off += -(-size // 64) * 64
    post = (" relu" if relu else "") + (f" scale({scale[0]}, {scale[1]})" if int8 else "")
    out = (" -> %obuf[%cs, %ii, %jj]" if has_out else "")
    mm_types = f"{abuf_t}, {bbuf_t}, {cbuf_t}" + (f", {obuf_t}" if has_out else "")
    src_buf, src_t = ("%obuf", obuf_t) if has_out else ("%cbuf", cbuf_t)
    L: list[str] = []
    w = L.append

    def loads(indent: str, slot: str, krow: str, row0: str, col0: str, dep: str, res: str) -> None:
        """A and B tiles of one K step into ping-pong half ``slot``; ``res`` is the last load's token."""
        w(f"{indent}%{res}_a = scf.for %ii = %c0 to %cbm step %c1 iter_args(%t = %{dep}) -> (!dsa.token) {{")
        w(f"{indent}  %r = arith.muli %ii, %cn : index")
        w(f"{indent}  %row = arith.addi {row0}, %r : index")
        w(f"{indent}  %tok = dsa.dma_load %A[%row, {krow}] [{tile}, {tile}]{masked} into %abuf[{slot}, %ii] after(%{dep}) "
          f": {a_t}, {abuf_t}")
        w(f"{indent}  scf.yield %tok : !dsa.token")
        w(f"{indent}}}")
        w(f"{indent}%{res} = scf.for %jj = %c0 to %cbn step %c1 iter_args(%t = %{res}_a) -> (!dsa.token) {{")
        w(f"{indent}  %c = arith.muli %jj, %cn : index")
        w(f"{indent}  %col = arith.addi {col0}, %c : index")
        w(f"{indent}  %tok = dsa.dma_load %B[{krow}, %col] [{tile}, {tile}]{masked} into %bbuf[{slot}, %jj] after(%{dep}) "
          f": {b_t}, {bbuf_t}")
        w(f"{indent}  scf.yield %tok : !dsa.token")
        w(f"{indent}}}")

    def block_origin(indent: str, blk: str, sfx: str) -> None:
        w(f"{indent}%bi{sfx} = arith.divui {blk}, %cbn_blocks : index")
        w(f"{indent}%bj{sfx} = arith.remui {blk}, %cbn_blocks : index")
        w(f"{indent}%row0{sfx} = arith.muli %bi{sfx}, %cbm_rows : index")
        w(f"{indent}%col0{sfx} = arith.muli %bj{sfx}, %cbn_cols : index")

    w(f"// C = A · B: {m}x{k}x{n} {dtype}, {tile}x{tile} tiles, {bm}x{bn}-tile output blocks, "
      f"{'double-buffered' if double_buffer else 'single-buffered'} (generated by examples/dsa/matmul_gen.py)")
    w(f"module attributes {{dsa.target = #dsa.target<n = {tile}>}} {{")
    w(f"  func.func @{name}(%A: {a_t}, %B: {b_t}, %C: {c_t} {{dsa.output}}) attributes {{dsa.kernel}} {{")
    for cname, v in (("c0", 0), ("c1", 1), ("c2", 2), ("cn", tile), ("cbm", bm), ("cbn", bn), ("ctk", tk),
                     ("cbn_blocks", blocks_n), ("cbm_rows", bm * tile), ("cbn_cols", bn * tile),
                     ("clast", blocks * tk - 1), ("cblocks", blocks)):
        w(f"    %{cname} = arith.constant {v} : index")
    w(f"    %abuf = dsa.buffer at {offsets['a']} : {abuf_t}")
    w(f"    %bbuf = dsa.buffer at {offsets['b']} : {bbuf_t}")
    w(f"    %cbuf = dsa.buffer at {offsets['c']} : {cbuf_t}")
    if has_out:
        w(f"    %obuf = dsa.buffer at {offsets['o']} : {obuf_t}")
    w("    %ready = dsa.join()")
    if double_buffer:
        w("    // prologue: the tiles of the first K step")
        loads("    ", "%c0", "%c0", "%c0", "%c0", "ready", "first")
        w("    %res:4 = scf.for %blk = %c0 to %cblocks step %c1 iter_args(%tl = %first, %tm = %ready, "
          "%ts1 = %ready, %ts2 = %ready) -> (!dsa.token, !dsa.token, !dsa.token, !dsa.token) {")
    else:
        w("    %res:2 = scf.for %blk = %c0 to %cblocks step %c1 iter_args(%tm = %ready, %ts2 = %ready) "
          "-> (!dsa.token, !dsa.token) {")
    block_origin("      ", "%blk", "")
    w("      %cs = arith.remui %blk, %c2 : index" if double_buffer else "      %cs = arith.constant 0 : index")
    if double_buffer:
        w("      %kr:2 = scf.for %k = %c0 to %ctk step %c1 iter_args(%tcur = %tl, %tprev = %tm) "
          "-> (!dsa.token, !dsa.token) {")
        w("        // prefetch the next K step (of the next block after the last one) into the other half")
        w("        %gb = arith.muli %blk, %ctk : index")
        w("        %g = arith.addi %gb, %k : index")
        w("        %slot = arith.remui %g, %c2 : index")
        w("        %nslot = arith.subi %c1, %slot : index")
        w("        %g1 = arith.addi %g, %c1 : index")
        w("        %gn = arith.minui %g1, %clast : index")
        w("        %blkn = arith.divui %gn, %ctk : index")
        w("        %kn = arith.remui %gn, %ctk : index")
        w("        %krn = arith.muli %kn, %cn : index")
        block_origin("        ", "%blkn", "n")
        loads("        ", "%nslot", "%krn", "%row0n", "%col0n", "tprev", "next")
        w("        %start = dsa.join(%tcur, %ts2)")
    else:
        w("      %kr = scf.for %k = %c0 to %ctk step %c1 iter_args(%tprev = %tm) -> (!dsa.token) {")
        w("        %slot = arith.constant 0 : index")
        w("        %krow = arith.muli %k, %cn : index")
        loads("        ", "%slot", "%krow", "%row0", "%col0", "tprev", "next")
        w("        %start = dsa.join(%next, %ts2)")
    w("        %acc = arith.cmpi ne, %k, %c0 : index")
    w("        %mm = scf.for %ii = %c0 to %cbm step %c1 iter_args(%t = %start) -> (!dsa.token) {")
    w("          %mj = scf.for %jj = %c0 to %cbn step %c1 iter_args(%t2 = %t) -> (!dsa.token) {")
    w(f"            %tok = dsa.matmul %abuf[%slot, %ii], %bbuf[%slot, %jj], %cbuf[%cs, %ii, %jj] accumulate(%acc)"
      f"{out}{post} after(%start) : {mm_types}")
    w("            scf.yield %tok : !dsa.token")
    w("          }")
    w("          scf.yield %mj : !dsa.token")
    w("        }")
    if double_buffer:
        w("        scf.yield %next, %mm : !dsa.token, !dsa.token")
    else:
        w("        scf.yield %mm : !dsa.token")
    w("      }")
    last_mm = "%kr#1" if double_buffer else "%kr"
    w("      // store the block")
    w(f"      %st = scf.for %ii = %c0 to %cbm step %c1 iter_args(%t = {last_mm}) -> (!dsa.token) {{")
    w("        %r = arith.muli %ii, %cn : index")
    w("        %row = arith.addi %row0, %r : index")
    w("        %sj = scf.for %jj = %c0 to %cbn step %c1 iter_args(%t2 = %t) -> (!dsa.token) {")
    w("          %c = arith.muli %jj, %cn : index")
    w("          %col = arith.addi %col0, %c : index")
    w(f"          %tok = dsa.dma_store {src_buf}[%cs, %ii, %jj] into %C[%row, %col] [{tile}, {tile}]{masked} after({last_mm}) "
      f": {src_t}, {c_t}")
    w("          scf.yield %tok : !dsa.token")
    w("        }")
    w("        scf.yield %sj : !dsa.token")
    w("      }")
    if double_buffer:
        w("      scf.yield %kr#0, %kr#1, %st, %ts1 : !dsa.token, !dsa.token, !dsa.token, !dsa.token")
        w("    }")
        w("    dsa.wait %res#0, %res#1, %res#2, %res#3")
    else:
        w(f"      scf.yield {last_mm}, %st : !dsa.token, !dsa.token")
        w("    }")
        w("    dsa.wait %res#0, %res#1")
    w("    return")
    w("  }")
    w("}")
    return "\n".join(L) + "\n"


def reference(a, b, dtype: str = "f32", relu: bool = False, scale: tuple[int, int] = (1, 0)):  # type: ignore[no-untyped-def]
    """numpy's result for the generated program (int8: the exact i32 product, scale-round-clip to i8)."""
    import numpy as np

    if dtype == "f32":
        c = a.astype(np.float32) @ b.astype(np.float32)
        return np.maximum(c, 0) if relu else c
    c = a.astype(np.int64) @ b.astype(np.int64)
    c = ((c + 2**31) % 2**32) - 2**31  # i32 accumulation wraps
    if relu:
        c = np.maximum(c, 0)
    y = c * scale[0]
    if scale[1]:
        q = (np.abs(y) + (1 << (scale[1] - 1))) >> scale[1]
        y = np.where(y < 0, -q, q)
    return np.clip(y, -128, 127).astype(np.int8)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("m", type=int)
    p.add_argument("k", type=int)
    p.add_argument("n", type=int)
    p.add_argument("--tile", type=int, default=16)
    p.add_argument("--dtype", choices=sorted(_ELEM), default="f32")
    p.add_argument("--no-double-buffer", action="store_true")
    p.add_argument("--block", type=int, nargs=2, default=(4, 4))
    p.add_argument("--relu", action="store_true")
    p.add_argument("--scale", type=int, nargs=2, default=(1, 0), metavar=("MULT", "SHIFT"))
    p.add_argument("-o", "--output", default="-")
    a = p.parse_args(argv)
    text = matmul_kernel(a.m, a.k, a.n, tile=a.tile, dtype=a.dtype, double_buffer=not a.no_double_buffer,
                         block=tuple(a.block), relu=a.relu, scale=tuple(a.scale))
    if a.output == "-":
        sys.stdout.write(text)
    else:
        with open(a.output, "w") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
