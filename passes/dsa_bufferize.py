"""``dsa-bufferize``: stage 4 of ``--lower-to-dsa`` — tensors become DRAM/SRAM memrefs and every layer becomes an
engine program (DMA, matrix, vector and sort operations in ``scf.for`` tile loops, ordered by tokens).

The function ``@f(tensors) -> tensors`` becomes the kernel ``@f(inputs..., outputs... {dsa.output})
attributes {dsa.kernel}`` on ``#dsa.dram`` memrefs (MLIR's destination-passing style: each result is written in
place into its output argument; an intermediate tensor gets a ``memref.alloc`` in ``#dsa.dram``; a constant
becomes a read-only ``memref.global``). Each layer (stage 1's ``dsa.layer``, tiled by stage 3's ``dsa.tiles`` /
``dsa.chunk``) gets its SRAM buffers as ``memref.alloc`` in ``#dsa.sram``, without addresses (stage 6,
``dsa-plan-memory``, places them), and ends with a ``dsa.wait`` on its last tokens, so that a later layer may
reuse its SRAM.

The program is *sequential* (stage 5, ``dsa-schedule``, pipelines it): one SRAM buffer per streamed tile role,
and each tile loop carries a token chain so that iteration i waits for iteration i−1 where they share a buffer.
The schedule's decisions are written as attributes, as the clients of MLIR's ``scf::pipelineForLoop`` supply a
schedule: ``dsa.pipeline = "name"`` on a tile loop that may be software-pipelined, ``dsa.rotate = "name"`` on
each buffer whose contents do not live from one of its iterations to the next (it may be double-buffered).

* **matmul / batch_matmul / conv2d** — output-stationary blocks of ``bm × bn`` accumulator tiles; per K step the
  A and B tiles are loaded (after the primitives of the previous step, which read them), ``bm·bn``
  ``dsa.matmul`` primitives accumulate (``accumulate`` false on the first K step; after the loads and after the
  previous block's stores, which read the output tiles) and apply the fused post-processing (``bias``, ``relu``,
  ``clip``) into an output tile; the block is stored by masked DMA (partial tiles clipped). The A/B tiles rotate
  over the K loop, the accumulator and output tiles over the block loop.
  A conv is the im2col matmul ``Oᵀ[p, f] = Xcolᵀ[p, k] · Wᵀ[k, f]`` (k = (c, kh, kw), p = output positions of
  one output row, f = filters): each row of the Xcol tile (one k, N positions) is one strided DMA read of the
  input image (stride = the conv stride, zero padding = masked reads outside the image), so the Toeplitz matrix
  is never materialized; the lhs is read transposed by the primitive (``transpose_lhs``), and the packed
  filter blocks (stage 2) stream as B tiles; the output tile [p, f] is scattered to NCHW by a permuted DMA store.
* **elementwise** — chunks of the flattened tensor (whole trailing dimensions, the last one rounded up to 16
  elements, masked) loaded into SRAM (rotated over the chunks), one ``dsa.vector`` per chunk
  (add/sub/mul/max/min/copy with relu/clip), stored by DMA.
* **max pooling** — per image, block of 16 channels and band of output rows (as many as fit in half the SRAM,
  room for ``dsa-schedule``'s double buffers), the input rows are gathered channels-last (a DMA permutation) and
  pooled by
  ``dsa.maxpool`` on the sort unit; **sum pooling** adds the ``KH·KW`` strided views of the input
  on the vector unit.
* **fill** — one SRAM tile filled by ``dsa.fill``, stored over every chunk; **transpose** — a DMA gather with a
  permutation; **reshape** — row copies through SRAM.

* **control processor** — any other op on ranked tensors (exp, division, reductions, ...): its tensor operands
  are read from their DRAM memrefs by ``bufferization.to_tensor``, the op is cloned unchanged (with the scalar
  constants it uses), and each result is stored into its DRAM destination by
  ``bufferization.materialize_in_destination``; the simulator runs these on its ``cp`` engine.

Errors (located): a value the lowering cannot produce, a control-processor op with a result that is not a ranked
tensor, a non-zero ``outs`` initial value of a matmul or conv, a pooling whose padding was fused away, a
non-constant conv filter. (A pooling's ``tensor.pad`` runs on the control processor; the pooling on its result.)
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np

from dialects.dsa import target_of
from dialects.linalg import (
    Conv2DNchwFchwOp,
    FillOp,
    GenericOp,
    PoolingNchwMaxOp,
    PoolingNchwSumOp,
    TransposeOp,
)
from dialects.linalg_structured import i64_list
from mlir_py.attributes import DenseArrayAttr, RankedTensorType, StringAttr
from mlir_py.diagnostics import DiagnosticError
from mlir_py.dialect import Context
from mlir_py.ir import Operation, Value, symbol_name
from mlir_py.pass_manager import Pass, register_pass
from mlir_py.rewrite import constant_value

from .dsa_fuse import (
    MATRIX_ANCHORS,
    conv_pad,
    epilogue_chain,
    fill_value,
    init_bias,
    is_tensor_constant,
    match_elementwise,
    scalar_const,
)
from .dsa_tile import CHUNK, choose_block, gemm_dims, transposed_b

TOK = "!dsa.token"
IndexLike = int | str


F32_MAX = 3.4028234663852886e38


def _fmt(x: float) -> str:
    """A float literal of the dsa syntax, which has no spelling for ±inf: an open clip bound prints as ±FLT_MAX
    (the same clip for f32 data). A fill of ±inf is thus stored as ±FLT_MAX (a known limitation)."""
    return repr(float(max(-F32_MAX, min(F32_MAX, x))))


class Emitter:
    """Writes the kernel body as MLIR text: unique SSA names, folded index arithmetic, nested ``scf.for``."""

    def __init__(self, n: int):
        self.n = n
        self.lines: list[str] = []
        self.consts: dict[int, str] = {}
        self.ind = 2
        self.count = 0

    def new(self, prefix: str) -> str:
        self.count += 1
        return f"%{prefix}{self.count}"

    def w(self, line: str) -> None:
        self.lines.append("  " * self.ind + line)

    def c(self, v: int) -> str:
        if v not in self.consts:
            self.consts[v] = f"%c{v}" if v >= 0 else f"%cm{-v}"
        return self.consts[v]

    def v(self, x: IndexLike) -> str:
        return self.c(x) if isinstance(x, int) else x

    def arith(self, op: str, a: IndexLike, b: IndexLike) -> IndexLike:
        if isinstance(a, int) and isinstance(b, int):
            return {"addi": a + b, "subi": a - b, "muli": a * b, "divui": a // b if b else 0,
                    "remui": a % b if b else 0, "minui": min(a, b)}[op]
        if op == "muli" and (a == 0 or b == 0):
            return 0
        if op == "muli" and b == 1 or op in ("addi", "subi") and b == 0 or op == "divui" and b == 1:
            return a
        if op == "muli" and a == 1 or op == "addi" and a == 0:
            return b
        if op == "remui" and b == 1:
            return 0
        r = self.new("i")
        self.w(f"{r} = arith.{op} {self.v(a)}, {self.v(b)} : index")
        return r

    def add(self, a: IndexLike, b: IndexLike) -> IndexLike:
        return self.arith("addi", a, b)

    def mul(self, a: IndexLike, b: IndexLike) -> IndexLike:
        return self.arith("muli", a, b)

    def div(self, a: IndexLike, b: IndexLike) -> IndexLike:
        return self.arith("divui", a, b)

    def rem(self, a: IndexLike, b: IndexLike) -> IndexLike:
        return self.arith("remui", a, b)

    def delinearize(self, x: IndexLike, dims: Sequence[int]) -> list[IndexLike]:
        out: list[IndexLike] = []
        for i in range(len(dims) - 1, -1, -1):
            out.append(self.rem(x, dims[i]) if i else x)
            x = self.div(x, dims[i])
        return out[::-1]

    @contextmanager
    def loop(self, ub: int, carried: Sequence[str], results: str, layer: str = "",
             pipeline: str = "") -> Iterator[tuple[str, list[str]]]:
        """``results = scf.for %iv = 0 to ub iter_args(tokens)``; the body must end with :meth:`yield_`. A
        ``layer`` name becomes the loop's ``dsa.layer`` attribute (the simulator's per-layer statistics), a
        ``pipeline`` name its ``dsa.pipeline`` attribute (a loop ``dsa-schedule`` software-pipelines)."""
        iv = self.new("iv")
        args = [self.new("t") for _ in carried]
        head = f"scf.for {iv} = {self.c(0)} to {self.c(ub)} step {self.c(1)}"
        if carried:
            head += " iter_args(" + ", ".join(f"{a} = {c}" for a, c in zip(args, carried)) + ") -> (" + \
                ", ".join([TOK] * len(carried)) + ")"
        self.w((f"{results} = " if carried else "") + head + " {")
        self.ind += 1
        yield iv, args
        self.ind -= 1
        attrs = ([f'dsa.layer = "{layer}"'] if layer else []) + ([f'dsa.pipeline = "{pipeline}"'] if pipeline else [])
        self.w("}" + (f" {{{', '.join(attrs)}}}" if attrs else ""))

    def yield_(self, vals: Sequence[str]) -> None:
        self.w("scf.yield " + ", ".join(vals) + (" : " + ", ".join([TOK] * len(vals)) if vals else ""))

    def join(self, toks: Sequence[str]) -> str:
        r = self.new("tj")
        self.w(f"{r} = dsa.join({', '.join(toks)})")
        return r


def memref(shape: Sequence[int], space: str) -> str:
    return f"memref<{'x'.join(map(str, shape))}xf32, #dsa.{space}>"


def after(toks: Sequence[str]) -> str:
    toks = [t for t in toks if t]
    return f" after({', '.join(toks)})" if toks else ""


def ints(xs: Sequence[int]) -> str:
    return "[" + ", ".join(map(str, xs)) + "]"


class Lowering:
    """Builds the kernel text of one function."""

    def __init__(self, fn: Operation, module: Operation):
        self.fn, self.module = fn, module
        self.n = target_of(module).n
        self.E = Emitter(self.n)
        #: tensor value -> (DRAM memref name, shape)
        self.dram: dict[Value, tuple[str, tuple[int, ...]]] = {}
        self.globals: list[tuple[str, np.ndarray]] = []
        #: layer name -> location of the op it comes from (the kernel's layer loops are located there)
        self.layer_locs: dict[str, Any] = {}
        self.gcount = 0
        self.pcount = 0
        #: ops left for the control processor, in program order (see :meth:`fallback`)
        self.fallbacks: list[Operation] = []

    # --- values -----------------------------------------------------------------------------------------------
    def shape(self, v: Value) -> tuple[int, ...]:
        t = v.type
        assert isinstance(t, RankedTensorType)
        return tuple(t.shape)

    def src(self, v: Value, user: Operation) -> tuple[str, tuple[int, ...]]:
        """The DRAM memref holding tensor ``v`` (a constant becomes a global on first use)."""
        if v in self.dram:
            return self.dram[v]
        a = constant_value(v)
        d = v.defining_op
        if is_tensor_constant(a) and d is not None:
            from mlir_py.interpreter import from_attribute

            arr = np.asarray(from_attribute(a, v.type, self.module), dtype=np.float32)
            name = self.add_global(arr, f"cst{self.gcount}")
            r = self.E.new("g")
            self.E.w(f"{r} = memref.get_global @{name} : {memref(arr.shape, 'dram')}")
            self.dram[v] = (r, arr.shape)
            return self.dram[v]
        raise _located(d or user, "the DSA lowering cannot produce this value: no layer "
                                       "writes it to DRAM (e.g. an intermediate of a fused layer used elsewhere)")

    def add_global(self, arr: np.ndarray, stem: str) -> str:
        fname = symbol_name(self.fn) or "f"
        taken = {symbol_name(o) for o in self.module.regions[0].block.ops} | {g for g, _ in self.globals}
        while True:
            self.gcount += 1
            name = f"__dsa_{fname}_{stem}_{self.gcount}"
            if name not in taken:
                break
        self.globals.append((name, np.ascontiguousarray(arr, dtype=np.float32)))
        return name

    def dest(self, v: Value) -> tuple[str, tuple[int, ...]]:
        """The DRAM memref a layer writes ``v`` into: the output argument if it is returned, else a new alloc."""
        if v in self.dram:
            return self.dram[v]
        r = self.E.new("d")
        shape = self.shape(v)
        self.E.w(f"{r} = memref.alloc() : {memref(shape, 'dram')}")
        self.dram[v] = (r, shape)
        return self.dram[v]

    def sram(self, shape: Sequence[int], rotate: str = "") -> str:
        """A new SRAM buffer; ``rotate`` names the tile loop over whose iterations its contents do not live
        (``dsa.rotate``: ``dsa-schedule`` double-buffers it over that loop)."""
        r = self.E.new("s")
        attr = f' {{dsa.rotate = "{rotate}"}}' if rotate else ""
        self.E.w(f"{r} = memref.alloc(){attr} : {memref(shape, 'sram')}")
        return r

    def pipeline_name(self, op: Operation, what: str) -> str:
        """A unique ``dsa.pipeline`` name for a tile loop of ``op``'s layer."""
        self.pcount += 1
        return f"{self.layer(op)}.{what}{self.pcount}"

    def layer(self, op: Operation) -> str:
        """The layer name of ``op`` (its ``dsa.layer``, else the op name), remembered with its location."""
        name = self.layer_attr(op) or op.name
        self.layer_locs.setdefault(name, op.location)
        return name

    def layer_attr(self, op: Operation) -> str:
        a = op.attributes.get("dsa.layer")
        return a.value if isinstance(a, StringAttr) else ""

    # --- matrix layers ----------------------------------------------------------------------------------------
    def gemm(self, op: Operation) -> None:
        E, n = self.E, self.n
        chain, post = epilogue_chain(op)
        final = chain[-1].results[0] if chain else op.results[0]
        if fill_value(op.outputs[0]) != 0.0 and init_bias(op) is None:  # type: ignore[attr-defined]
            raise _located(op, "the DSA lowering expects the 'outs' of a matmul or convolution to be "
                                           "a linalg.fill of 0 or a bias broadcast along its columns")
        conv = isinstance(op, Conv2DNchwFchwOp)
        tb = transposed_b(op)
        nb, m, nn, k = gemm_dims(op, n)
        tm, tn, tk = (math.ceil(x / n) for x in (m, nn, k))
        has_post = post.relu or post.clip is not None or post.bias is not None
        t = op.attributes.get("dsa.tiles")
        if isinstance(t, DenseArrayAttr):
            bm, bn = t.values
        else:
            tgt = target_of(self.module)
            chosen = choose_block(tm, tn, n, tgt.sram_bytes, has_post, post.bias is not None,
                                  tgt.dram_bytes_per_cycle)
            bm, bn = chosen or (1, 1)
        gm, gn = math.ceil(tm / bm), math.ceil(tn / bn)
        # masked DMA (zero padding / clipped stores) only where a tile can cross an edge
        ab_mask = " masked" if conv or m % n or k % n or nn % n or gm * bm != tm or gn * bn != tn else ""
        out_name, out_shape = self.dest(final)
        layer = self.layer_attr(op)
        E.w(f"// layer {layer}: {'conv2d as im2col matmul' if conv else op.name}, {nb}x{m}x{nn}x{k} "
            f"(batch x M x N x K), blocks of {bm}x{bn} {n}x{n} tiles")
        if conv:
            x_val, (pt, pl) = conv_pad(op)  # type: ignore[arg-type]
            x_name, x_shape = self.src(x_val, op)
            w = constant_value(op.inputs[1])  # type: ignore[attr-defined]
            if not is_tensor_constant(w):
                raise _located(op, "the DSA lowering needs a constant filter (packed into N×N blocks "
                                               "at compile time)")
            packed = op.attributes.get("dsa.packed_filter")
            if isinstance(packed, StringAttr):
                pname = packed.value
            else:
                from mlir_py.interpreter import from_attribute

                wt = np.asarray(from_attribute(w, op.inputs[1].type, self.module), dtype=np.float32)  # type: ignore[attr-defined]
                pname = self.add_global(pack_filter(wt, n), "filter")
            pshape = (tk, tn, n, n)
            b_name = E.new("g")
            E.w(f"{b_name} = memref.get_global @{pname} : {memref(pshape, 'dram')}")
            sh, sw = i64_list(op.properties.get("strides"), (1, 1))
            dh, dw = i64_list(op.properties.get("dilations"), (1, 1))
            kh_, kw_ = self.shape(op.inputs[1])[2:]  # type: ignore[attr-defined]
            owt = math.ceil(out_shape[3] / n)
        else:
            a_name, a_shape = self.src(op.inputs[0], op)  # type: ignore[attr-defined]
            b_name, b_shape = self.src(op.inputs[1], op)  # type: ignore[attr-defined]
        kname, bname = self.pipeline_name(op, "k"), self.pipeline_name(op, "blocks")
        abuf = self.sram((bm, n, n), kname)
        bbuf = self.sram((bn, n, n), kname)
        cbuf = self.sram((bm, bn, n, n), bname)
        obuf = self.sram((bm, bn, n, n), bname) if has_post else cbuf
        ready = E.join([])
        if post.bias is not None:
            bias_name, bshape = self.src(post.bias, op)
            biasbuf = self.sram((tn, n))
            tbias = E.new("tok")
            E.w(f"{tbias} = dsa.dma_load {bias_name}[{E.c(0)}] [{tn * n}] masked into {biasbuf}[] "
                f"{{dsa.layer = \"{self.layer(op)}\"}} : "
                f"{memref(bshape, 'dram')}, {memref((tn, n), 'sram')}")
            ready = tbias
        tt = memref((bm, n, n), "sram"), memref((bn, n, n), "sram"), memref((bm, bn, n, n), "sram")
        res = E.new("blk")
        # sequential: the block's K steps wait for the previous block's primitives (tc), its primitives for the
        # previous block's stores (ts); a K step's loads wait for the previous step's primitives (kt)
        with E.loop(nb * gm * gn, [ready] * 2, res + ":2", self.layer(op), bname) as (blk, (tc, ts)):
            bidx, bi, bj = E.delinearize(blk, (nb, gm, gn))
            kres = E.new("k")
            with E.loop(tk, [tc], kres, pipeline=kname) as (kk, (kt,)):
                # A tiles (conv: im2col rows gathered from the image)
                la = E.new("la")
                with E.loop(bm, [kt], la) as (ii, (ta,)):
                    mt = E.add(E.mul(bi, bm), ii)
                    if conv:
                        oh = E.div(mt, owt)
                        ow0 = E.mul(E.rem(mt, owt), n)
                        lr = E.new("lr")
                        with E.loop(n, [ta], lr) as (r, (_tr,)):
                            kx = E.add(E.mul(kk, n), r)
                            c = E.div(kx, kh_ * kw_)
                            rr = E.rem(kx, kh_ * kw_)
                            ky, kxw = E.div(rr, kw_), E.rem(rr, kw_)
                            hh = E.add(E.mul(oh, sh), E.mul(ky, dh))
                            hh = E.arith("subi", hh, pt) if pt else hh
                            ww = E.add(E.mul(ow0, sw), E.mul(kxw, dw))
                            ww = E.arith("subi", ww, pl) if pl else ww
                            tok = E.new("tok")
                            E.w(f"{tok} = dsa.dma_load {x_name}[{E.v(bidx)}, {E.v(c)}, {E.v(hh)}, {E.v(ww)}] "
                                f"[1, 1, 1, {n}] strides [1, 1, 1, {sw}] masked into {abuf}[{E.v(ii)}, "
                                f"{r}]{after([kt])} : {memref(x_shape, 'dram')}, {tt[0]}")
                            E.yield_([tok])
                        E.yield_([lr])
                    else:
                        row = E.mul(mt, n)
                        idx = ([E.v(bidx)] if len(a_shape) == 3 else []) + [E.v(row), E.v(E.mul(kk, n))]
                        box = ([1] if len(a_shape) == 3 else []) + [n, n]
                        tok = E.new("tok")
                        E.w(f"{tok} = dsa.dma_load {a_name}[{', '.join(idx)}] {ints(box)}{ab_mask} into "
                            f"{abuf}[{E.v(ii)}]{after([kt])} : {memref(a_shape, 'dram')}, {tt[0]}")
                        E.yield_([tok])
                lb = E.new("lb")
                with E.loop(bn, [la], lb) as (jj, (_tb,)):
                    nt = E.add(E.mul(bj, bn), jj)
                    tok = E.new("tok")
                    if conv:
                        E.w(f"{tok} = dsa.dma_load {b_name}[{E.v(kk)}, {E.v(nt)}, {E.c(0)}, {E.c(0)}] [1, 1, {n}, {n}] "
                            f"masked into {bbuf}[{jj}]{after([kt])} : {memref(pshape, 'dram')}, {tt[1]}")
                    elif tb:
                        E.w(f"{tok} = dsa.dma_load {b_name}[{E.v(E.mul(nt, n))}, {E.v(E.mul(kk, n))}] [{n}, {n}]"
                            f"{ab_mask} into {bbuf}[{jj}]{after([kt])} : {memref(b_shape, 'dram')}, {tt[1]}")
                    else:
                        idx = ([E.v(bidx)] if len(b_shape) == 3 else []) + [E.v(E.mul(kk, n)), E.v(E.mul(nt, n))]
                        box = ([1] if len(b_shape) == 3 else []) + [n, n]
                        E.w(f"{tok} = dsa.dma_load {b_name}[{', '.join(idx)}] {ints(box)}{ab_mask} into "
                            f"{bbuf}[{jj}]{after([kt])} : {memref(b_shape, 'dram')}, {tt[1]}")
                    E.yield_([tok])
                start = E.join([lb, ts])
                acc = E.new("acc")
                E.w(f"{acc} = arith.cmpi ne, {E.v(kk)}, {E.c(0)} : index")
                mres = E.new("mm")
                with E.loop(bm, [start], mres) as (ii, (_t1,)):
                    mj = E.new("mj")
                    with E.loop(bn, [start], mj) as (jj, (_t2,)):
                        tok = E.new("tok")
                        s = (f"{tok} = dsa.matmul {abuf}[{ii}], {bbuf}[{jj}], "
                             f"{cbuf}[{ii}, {jj}] accumulate({acc})" + (" transpose_lhs" if conv else "") +
                             (" transpose_rhs" if tb else ""))
                        types = [tt[0], tt[1], tt[2]]
                        if has_post:
                            s += f" -> {obuf}[{ii}, {jj}]"
                            types.append(tt[2])
                        if post.bias is not None:  # a block overhanging the last tile column reuses its bias
                            bcol = E.add(E.mul(bj, bn), jj)
                            if gn * bn != tn:
                                bcol = E.arith("minui", bcol, tn - 1)
                            s += f" bias {biasbuf}[{E.v(bcol)}]"
                            types.append(memref((tn, n), "sram"))
                        if post.relu:
                            s += " relu"
                        if post.clip is not None:
                            s += f" clip({_fmt(post.clip[0])}, {_fmt(post.clip[1])})"
                        E.w(s + f"{after([start])} : {', '.join(types)}")
                        E.yield_([tok])
                    E.yield_([mj])
                E.yield_([mres])
            # store the block (after its last primitive)
            st = E.new("st")
            with E.loop(bm, [kres], st) as (ii, (_t3,)):
                sj = E.new("sj")
                with E.loop(bn, [kres], sj) as (jj, (_t4,)):
                    mt = E.add(E.mul(bi, bm), ii)
                    nt = E.add(E.mul(bj, bn), jj)
                    tok = E.new("tok")
                    if conv:
                        oh = E.div(mt, owt)
                        ow0 = E.mul(E.rem(mt, owt), n)
                        E.w(f"{tok} = dsa.dma_store {obuf}[{ii}, {jj}] into {out_name}[{E.v(bidx)}, "
                            f"{E.v(E.mul(nt, n))}, {E.v(oh)}, {E.v(ow0)}] [1, {n}, 1, {n}] permutation [0, 2, 3, 1] "
                            f"masked{after([kres])} : {tt[2]}, {memref(out_shape, 'dram')}")
                    else:
                        idx = ([E.v(bidx)] if len(out_shape) == 3 else []) + [E.v(E.mul(mt, n)), E.v(E.mul(nt, n))]
                        box = ([1] if len(out_shape) == 3 else []) + [n, n]
                        E.w(f"{tok} = dsa.dma_store {obuf}[{ii}, {jj}] into {out_name}[{', '.join(idx)}] "
                            f"{ints(box)}{ab_mask}{after([kres])} : {tt[2]}, {memref(out_shape, 'dram')}")
                    E.yield_([tok])
                E.yield_([sj])
            E.yield_([kres, st])
        E.w(f"dsa.wait {res}#0, {res}#1")
        self.dram[op.results[0]] = (out_name, out_shape)

    # --- streamed layers --------------------------------------------------------------------------------------
    def chunking(self, shape: Sequence[int], chunk: int) -> tuple[int, int, list[int], int]:
        """(j, a, box, count): chunks of ``a`` indices of dim ``j`` times the whole trailing dims (the last
        rounded up to 16 elements); ``box`` the DMA box, ``count`` the chunk's elements."""
        shape = list(shape) or [1]
        last = -(-shape[-1] // 16) * 16
        inner = last
        j = len(shape) - 1
        while j > 0 and inner * shape[j - 1] <= chunk:
            j -= 1
            inner *= shape[j]
        if j == len(shape) - 1:  # one row per chunk (a row longer than the chunk is still one chunk)
            box = [1] * (len(shape) - 1) + [last]
            return j, shape[-1], box, last  # the whole last dimension at once: one chunk per row
        per = inner // shape[j]
        a = max(1, min(shape[j], chunk // per))
        box = [1] * j + [a] + shape[j + 1:-1] + [last]
        return j, a, box, a * per

    def chunk_origin(self, i: str, shape: Sequence[int], j: int, a: int) -> list[str]:
        E = self.E
        lead = list(shape[:j]) + [math.ceil(shape[j] / a)]
        idx = E.delinearize(i, lead)
        idx[-1] = E.mul(idx[-1], a)
        return [E.v(x) for x in idx] + [E.c(0)] * (len(shape) - j - 1)

    def elementwise(self, op: GenericOp) -> None:
        m = match_elementwise(op)
        assert m is not None
        kind, ins, post = m
        if post.bias is not None:
            raise _located(op, "a broadcast bias add outside a matmul or convolution is not "
                                           "supported by the DSA lowering")
        shape = self.shape(op.results[0])
        srcs = [self.src(x, op) for x in ins]
        out_name, _ = self.dest(op.results[0])
        self.stream(op, srcs, out_name, shape, kind, post.relu, post.clip, None)

    def stream(self, op: Operation, srcs: list[tuple[str, tuple[int, ...]]], out_name: str, shape: tuple[int, ...],
               kind: str, relu: bool, clip: tuple[float, float] | None, fill: float | None) -> None:
        E = self.E
        shape = shape or (1,)
        ch = op.attributes.get("dsa.chunk")
        j, a, box, count = self.chunking(shape, ch.values[0] if isinstance(ch, DenseArrayAttr) else CHUNK)
        nchunks = math.prod(shape[:j]) * math.ceil(shape[j] / a)
        E.w(f"// layer {self.layer_attr(op)}: {op.name} on the vector unit, {nchunks} chunk(s) of {count} elements")
        tt = memref((count,), "sram")
        # sequential: chunk i's loads wait for the store of chunk i-1 (which read the output buffer last)
        pname = self.pipeline_name(op, "chunks") if fill is None else ""
        xb = [self.sram((count,), pname) for _ in srcs]
        ob = self.sram((count,), pname)
        ready = E.join([])
        if fill is not None:
            ready = E.new("tf")
            E.w(f"{ready} = dsa.fill {ob}[] with {_fmt(fill)} : {tt}")
        dt = memref(shape, "dram")
        res = E.new("ch")
        with E.loop(nchunks, [ready], res, self.layer(op), pname) as (i, (t,)):
            origin = ", ".join(self.chunk_origin(i, shape, j, a))
            loads = []
            for (name, _s), b in zip(srcs, xb):
                ld = E.new("ld")
                E.w(f"{ld} = dsa.dma_load {name}[{origin}] {ints(box)} masked into {b}[]{after([t])} : {dt}, {tt}")
                loads.append(ld)
            if fill is None:
                v = E.new("vec")
                post = (" relu" if relu else "") + (f" clip({_fmt(clip[0])}, {_fmt(clip[1])})" if clip else "")
                operands = ", ".join(f"{b}[]" for b in xb)
                E.w(f"{v} = dsa.vector {kind} {operands} into {ob}[]{post}{after(loads)} : "
                    f"{', '.join([tt] * (len(xb) + 1))}")
            else:
                v = t
            s = E.new("st")
            E.w(f"{s} = dsa.dma_store {ob}[] into {out_name}[{origin}] {ints(box)} masked{after([v])} : {tt}, {dt}")
            E.yield_([s])
        E.w(f"dsa.wait {res}")

    def fill(self, op: FillOp) -> None:
        val = scalar_const(op.inputs[0])
        if val is None:
            raise _located(op, "the DSA lowering needs a constant fill value")
        out_name, shape = self.dest(op.results[0])
        self.stream(op, [], out_name, shape, "copy", False, None, val)

    def copy_rows(self, op: Operation, src: Value, out: Value, perm: Sequence[int] | None) -> None:
        """transpose (a permuted DMA gather) and reshape (row-major copy) through SRAM, one chunk at a time."""
        E = self.E
        s_name, s_shape = self.src(src, op)
        o_name, o_shape = self.dest(out)
        E.w(f"// layer {self.layer_attr(op)}: {op.name} by DMA through SRAM")
        if perm is not None:
            # output rows: the first j output dims fixed (j >= 1, the fewest whose remaining box fits CHUNK
            # elements); each row is the input box with dims perm[0..j) fixed, gathered permuted
            j = next((i for i in range(1, len(o_shape)) if math.prod(o_shape[i:]) <= CHUNK),
                     max(len(o_shape) - 1, 1))
            rows = math.prod(o_shape[:j])
            row_elems = math.prod(o_shape[j:]) if len(o_shape) > j else 1
            buf = self.sram((row_elems,))
            ready = E.join([])
            res = E.new("tr")
            with E.loop(rows, [ready], res, self.layer(op)) as (r, (t,)):
                lead = [E.v(x) for x in E.delinearize(r, o_shape[:j])] if j > 1 else [E.v(r)]
                idx = [E.c(0)] * len(s_shape)
                sizes = list(s_shape)
                for i in range(j):
                    idx[perm[i]] = lead[i]
                    sizes[perm[i]] = 1
                ld = E.new("ld")
                E.w(f"{ld} = dsa.dma_load {s_name}[{', '.join(idx)}] {ints(sizes)} permutation {ints(perm)} into "
                    f"{buf}[]{after([t])} : {memref(s_shape, 'dram')}, {memref((row_elems,), 'sram')}")
                oidx = lead + [E.c(0)] * (len(o_shape) - j)
                st = E.new("st")
                E.w(f"{st} = dsa.dma_store {buf}[] into {o_name}[{', '.join(oidx)}] "
                    f"{ints([1] * j + list(o_shape[j:]))}{after([ld])} : {memref((row_elems,), 'sram')}, "
                    f"{memref(o_shape, 'dram')}")
                E.yield_([st])
            E.w(f"dsa.wait {res}")
            return
        # reshape: rows of L elements, L the largest common trailing product of both shapes
        def suffixes(sh: Sequence[int]) -> dict[int, int]:
            out, p = {}, 1
            for i in range(len(sh) - 1, -1, -1):
                p *= sh[i]
                out[p] = i
            return out
        ss, os_ = suffixes(s_shape), suffixes(o_shape)
        common = sorted(set(ss) & set(os_))
        L = max((c for c in common if c <= 4 * CHUNK), default=min(common) if common else None)
        if L is None:
            raise _located(op, "the DSA lowering cannot copy this reshape in rows")
        js, jo = ss[L], os_[L]
        buf = self.sram((L,))
        rows = math.prod(s_shape) // L
        ready = E.join([])
        res = E.new("rs")
        with E.loop(rows, [ready], res, self.layer(op)) as (r, (t,)):
            si = [E.v(x) for x in E.delinearize(r, s_shape[:js])] + [E.c(0)] * (len(s_shape) - js) if js else \
                [E.c(0)] * len(s_shape)
            oi = [E.v(x) for x in E.delinearize(r, o_shape[:jo])] + [E.c(0)] * (len(o_shape) - jo) if jo else \
                [E.c(0)] * len(o_shape)
            ld = E.new("ld")
            E.w(f"{ld} = dsa.dma_load {s_name}[{', '.join(si)}] {ints([1] * js + list(s_shape[js:]))} into {buf}[]"
                f"{after([t])} : {memref(s_shape, 'dram')}, {memref((L,), 'sram')}")
            st = E.new("st")
            E.w(f"{st} = dsa.dma_store {buf}[] into {o_name}[{', '.join(oi)}] {ints([1] * jo + list(o_shape[jo:]))}"
                f"{after([ld])} : {memref((L,), 'sram')}, {memref(o_shape, 'dram')}")
            E.yield_([st])
        E.w(f"dsa.wait {res}")

    def pool(self, op: Operation) -> None:
        E = self.E
        is_max = isinstance(op, PoolingNchwMaxOp)
        init = fill_value(op.outputs[0])  # type: ignore[attr-defined]
        if init != (-math.inf if is_max else 0.0):
            raise _located(op, f"the DSA lowering expects the 'outs' of a {'max' if is_max else 'sum'}"
                                           f" pooling to be a linalg.fill of {'-inf' if is_max else '0'}")
        x = op.inputs[0]  # type: ignore[attr-defined]
        if x.defining_op is not None and x.defining_op.name == "tensor.pad" and \
                "dsa.fused_into" in x.defining_op.attributes:
            raise _located(op, "padded pooling is not supported by the DSA lowering")
        # an unfused tensor.pad (e.g. of -inf before a max pooling) ran on the control processor: pool its result
        x_name, xs = self.src(x, op)
        o_name, os_ = self.dest(op.results[0])
        kh, kw = self.shape(op.inputs[1])  # type: ignore[attr-defined]
        sh, sw = i64_list(op.properties.get("strides"), (1, 1))
        dh, dw = i64_list(op.properties.get("dilations"), (1, 1))
        nb, c, h, w = xs
        _, _, oh, ow = os_
        cb = 16
        E.w(f"// layer {self.layer_attr(op)}: {op.name} on the {'sort' if is_max else 'vector'} unit, channels in "
            f"blocks of {cb}, channels-last tiles")
        gc = math.ceil(c / cb)
        out_t = memref((2, oh, ow, cb), "sram")
        dx, do = memref(xs, "dram"), memref(os_, "dram")
        ready = E.join([])
        if is_max and (dh, dw) == (1, 1):
            # bands of output rows, so that the ping-pong input and output tiles fit in half of the SRAM
            budget = target_of(self.module).sram_bytes // 2
            rows = next((r for r in range(oh, 0, -1)
                         if 2 * cb * 4 * (((r - 1) * sh + kh) * w + r * ow) <= budget), 0)
            if rows == 0:
                raise _located(op, f"the DSA lowering cannot fit one row band of this max pooling in SRAM ({cb} "
                               f"channels of {kh} x {w} inputs)")
            hin, bands = (rows - 1) * sh + kh, math.ceil(oh / rows)
            pname = self.pipeline_name(op, "bands")
            ib = self.sram((hin, w, cb), pname)
            ob = self.sram((rows, ow, cb), pname)
            in_t, out_t = memref((hin, w, cb), "sram"), memref((rows, ow, cb), "sram")
            res = E.new("pl")
            # sequential: band i's load waits for the store of band i-1
            with E.loop(nb * gc * bands, [ready], res, self.layer(op), pname) as (i, (t,)):
                b, g, band = E.delinearize(i, (nb, gc, bands))
                c0 = E.mul(g, cb)
                r0 = E.mul(band, rows)
                h0 = E.mul(r0, sh)
                ld = E.new("ld")
                E.w(f"{ld} = dsa.dma_load {x_name}[{E.v(b)}, {E.v(c0)}, {E.v(h0)}, {E.c(0)}] [1, {cb}, {hin}, {w}] "
                    f"permutation [0, 2, 3, 1] masked into {ib}[]{after([t])} : {dx}, {in_t}")
                v = E.new("mp")
                E.w(f"{v} = dsa.maxpool {ib}[] window [{kh}, {kw}] strides [{sh}, {sw}] into "
                    f"{ob}[]{after([ld])} : {in_t}, {out_t}")
                st = E.new("st")
                E.w(f"{st} = dsa.dma_store {ob}[] into {o_name}[{E.v(b)}, {E.v(c0)}, {E.v(r0)}, {E.c(0)}] "
                    f"[1, {cb}, {rows}, {ow}] permutation [0, 2, 3, 1] masked{after([v])} : {out_t}, {do}")
                E.yield_([st])
            E.w(f"dsa.wait {res}")
            return
        # sum (or dilated max): combine the KH·KW strided views on the vector unit
        kind = "max" if is_max else "add"
        vb = self.sram((2, oh, ow, cb))
        ab = self.sram((2, oh, ow, cb))
        res = E.new("pl")
        with E.loop(nb * gc, [ready] * 2, res + ":2", self.layer(op)) as (i, (v1, s1)):
            b, g = E.delinearize(i, (nb, gc))
            c0 = E.mul(g, cb)
            first = True
            prev = E.join([v1, s1])
            for y in range(kh):
                for xx in range(kw):
                    ld = E.new("ld")
                    dst = f"{ab}[{E.c(0)}]" if first else f"{vb}[{E.c(0)}]"
                    E.w(f"{ld} = dsa.dma_load {x_name}[{E.v(b)}, {E.v(c0)}, {E.c(y * dh)}, {E.c(xx * dw)}] "
                        f"[1, {cb}, {oh}, {ow}] strides [1, 1, {sh}, {sw}] permutation [0, 2, 3, 1] masked into "
                        f"{dst}{after([prev])} : {dx}, {out_t}")
                    if first:
                        prev, first = ld, False
                        continue
                    v = E.new("va")
                    E.w(f"{v} = dsa.vector {kind} {ab}[{E.c(0)}], {vb}[{E.c(0)}] into {ab}[{E.c(0)}]"
                        f"{after([ld])} : {out_t}, {out_t}, {out_t}")
                    prev = v
            st = E.new("st")
            E.w(f"{st} = dsa.dma_store {ab}[{E.c(0)}] into {o_name}[{E.v(b)}, {E.v(c0)}, {E.c(0)}, {E.c(0)}] "
                f"[1, {cb}, {oh}, {ow}] permutation [0, 2, 3, 1] masked{after([prev])} : {out_t}, {do}")
            E.yield_([prev, st])
        E.w(f"dsa.wait {res}#0, {res}#1")

    # --- driver -----------------------------------------------------------------------------------------------
    def run(self) -> str:
        """The kernel's text (``func.func`` only); the globals are in :attr:`globals`."""
        fn = self.fn
        from mlir_py.interpreter import function_type

        ft = function_type(fn)
        assert ft is not None
        block = fn.regions[0].block
        args = []
        for i, a in enumerate(block.args):
            t = a.type
            if not isinstance(t, RankedTensorType):
                raise _located(fn, f"the DSA lowering expects tensor arguments, got '{t}'")
            name = f"%arg{i}"
            self.dram[a] = (name, tuple(t.shape))
            args.append(f"{name}: {memref(t.shape, 'dram')}")
        ret = block.terminator
        assert ret is not None
        outs: list[str] = []
        copies: list[tuple[Value, str]] = []
        for i, v in enumerate(ret.operands):
            t = v.type
            assert isinstance(t, RankedTensorType)
            name = f"%out{i}"
            outs.append(f"{name}: {memref(t.shape, 'dram')} {{dsa.output}}")
            if v in self.dram or v in [x for x, _ in copies] or constant_value(v) is not None:
                copies.append((v, name))
            else:
                self.dram[v] = (name, tuple(t.shape))
        for op in list(block.ops):
            if op is ret or "dsa.fused_into" in op.attributes or op.name in ("tensor.empty", "arith.constant"):
                continue
            if op.name.startswith("tensor.pad") and "dsa.fused_into" in op.attributes:
                continue
            if isinstance(op, MATRIX_ANCHORS):
                self.gemm(op)
            elif isinstance(op, GenericOp) and match_elementwise(op) is not None:
                self.elementwise(op)
            elif isinstance(op, FillOp):
                self.fill(op)
            elif isinstance(op, TransposeOp):
                self.copy_rows(op, op.inputs[0], op.results[0], i64_list(op.properties.get("permutation")))
            elif op.name in ("tensor.collapse_shape", "tensor.expand_shape", "tensor.reshape"):
                self.copy_rows(op, op.operand(0), op.results[0], None)
            elif isinstance(op, (PoolingNchwMaxOp, PoolingNchwSumOp)):
                self.pool(op)
            elif all(not isinstance(r.type, RankedTensorType) for r in op.results) and not op.regions:
                continue  # scalar constants and index math feed the layers' attributes only
            else:
                self.fallback(op)
        for v, name in copies:
            s_name, shape = self.src(v, ret)
            self._copy(s_name, name, shape)
        E = self.E
        consts = [f"    {nm} = arith.constant {v} : index" for v, nm in sorted(E.consts.items())]
        fname = symbol_name(fn)
        head = (f"func.func @{fname}({', '.join(args + outs)}) attributes {{dsa.kernel}} {{")
        return "\n".join([head, *consts, *E.lines, "    return", "  }"])

    def fallback(self, op: Operation) -> None:
        """An op no engine runs, left for the control processor, bufferized onto the DRAM memrefs of its values.

        A linalg op (``inputs``/``outputs``, one tensor result per output) becomes the same op on memrefs, as
        MLIR's one-shot bufferization writes it: its inputs are their DRAM memrefs, each output is the result's
        DRAM destination, first initialized by ``memref.copy`` from the ``outs`` value unless that is a
        ``tensor.empty``. Any other op on tensors keeps its tensor form: its tensor operands are read with
        ``bufferization.to_tensor`` and each result is stored by ``bufferization.materialize_in_destination``.
        The text written here holds only markers (``to_tensor`` ops and ``tensor.empty`` placeholders carrying
        ``dsa.fallback``); :func:`insert_fallbacks` clones the op in after parsing."""
        E = self.E
        k = len(self.fallbacks)
        self.fallbacks.append(op)
        self.layer(op)
        for j, r in enumerate(op.results):
            if not isinstance(r.type, RankedTensorType):
                raise _located(op, "the DSA lowering cannot run this op on the control processor: its result "
                                   f"#{j} is not a ranked tensor")
        outs = list(getattr(op, "outputs", ())) if is_linalg_dps(op) else []
        out_pos = {len(op.operands) - len(outs) + j for j in range(len(outs))}
        for i, v in enumerate(op.operands):
            d = v.defining_op
            if i in out_pos:  # linalg output: the result's destination, holding the initial value
                j = i - (len(op.operands) - len(outs))
                name, shape = self.dest(op.results[j])
                if d is None or d.name != "tensor.empty":
                    init, ishape = self.src(v, op)
                    E.w(f"memref.copy {init}, {name} : {memref(ishape, 'dram')} to {memref(shape, 'dram')}")
            elif not isinstance(v.type, RankedTensorType):
                continue
            elif d is not None and d.name == "tensor.empty":
                if not outs:
                    continue
                name, shape = self.dest(v)  # e.g. a pooling's window operand: a buffer whose contents are unused
            else:
                name, shape = self.src(v, op)
            E.w(f'{E.new("fb")} = "bufferization.to_tensor"({name}) {{dsa.fallback = "{k}:{i}"}} : '
                f"({memref(shape, 'dram')}) -> {v.type}")
        if outs:
            E.w(f'{E.new("fb")} = tensor.empty() {{dsa.fallback = "{k}:r"}} : tensor<0xf32>')
            return
        for j, r in enumerate(op.results):
            ph = E.new("fb")
            E.w(f'{ph} = tensor.empty() {{dsa.fallback = "{k}:r{j}"}} : {r.type}')
            name, shape = self.dest(r)
            E.w(f"bufferization.materialize_in_destination {ph} in writable {name} : ({r.type}, "
                f"{memref(shape, 'dram')}) -> ()")

    def _copy(self, s_name: str, o_name: str, shape: tuple[int, ...]) -> None:
        """A returned argument or constant: copied into its output argument by DMA through SRAM."""
        E = self.E
        L = shape[-1] if shape else 1
        buf = self.sram((L,))
        rows = math.prod(shape[:-1]) if len(shape) > 1 else 1
        ready = E.join([])
        res = E.new("cp")
        ret = self.fn.regions[0].block.terminator
        assert ret is not None
        with E.loop(rows, [ready], res, self.layer(ret)) as (r, (t,)):
            idx = [E.v(x) for x in E.delinearize(r, shape[:-1])] + [E.c(0)] if len(shape) > 1 else [E.c(0)]
            ld, st = E.new("ld"), E.new("st")
            box = ints([1] * (len(shape) - 1) + [L])
            E.w(f"{ld} = dsa.dma_load {s_name}[{', '.join(idx)}] {box} into {buf}[]{after([t])} : "
                f"{memref(shape, 'dram')}, {memref((L,), 'sram')}")
            E.w(f"{st} = dsa.dma_store {buf}[] into {o_name}[{', '.join(idx)}] {box}{after([ld])} : "
                f"{memref((L,), 'sram')}, {memref(shape, 'dram')}")
            E.yield_([st])
        E.w(f"dsa.wait {res}")


def pack_filter(w: np.ndarray, n: int) -> np.ndarray:
    """Conv filter (F, C, KH, KW) → Wᵀ packed in N×N blocks, shape (⌈K/N⌉, ⌈F/N⌉, N, N) with K = C·KH·KW:
    block [kt, ft] holds Wᵀ[kt·N:(kt+1)·N, ft·N:(ft+1)·N] (zero-padded), so one B tile is one contiguous DMA."""
    f = w.shape[0]
    wm = w.reshape(f, -1).T  # (K, F)
    k = wm.shape[0]
    tk, tf = math.ceil(k / n), math.ceil(f / n)
    p = np.zeros((tk * n, tf * n), dtype=np.float32)
    p[:k, :f] = wm
    return np.ascontiguousarray(p.reshape(tk, n, tf, n).transpose(0, 2, 1, 3))


def _located(op: Operation, msg: str) -> DiagnosticError:
    """An error diagnostic ``'op.name' op msg`` at ``op``'s location, to raise."""
    from mlir_py.diagnostics import VerifyError

    return DiagnosticError(VerifyError(msg, op).diagnostic)


@register_pass
class DsaBufferizePass(Pass):
    """Lower every function of linalg-on-tensors layers to a ``dsa.kernel`` on DRAM/SRAM memrefs (see the module
    docstring); SRAM and DRAM scratch buffers are ``memref.alloc`` until ``dsa-plan-memory`` places them."""

    argument = "dsa-bufferize"
    summary = "Bufferize DSA layers into #dsa.dram/#dsa.sram memrefs and emit their engine programs"
    statistic_defs = {"num-kernels": "Number of kernels generated"}

    def run_on_operation(self, op: Operation) -> None:
        from mlir_py.parser import parse_module

        body = op.regions[0].block
        for fn in list(body.ops):
            if fn.name != "func.func" or not fn.regions or not fn.regions[0].blocks or \
                    "dsa.kernel" in fn.attributes:
                continue
            low = Lowering(fn, op)
            try:
                text = low.run()
            except DiagnosticError as e:
                self.diagnostics.append(e.diagnostic)
                self.signal_pass_failure()
                return
            parsed = parse_module("module {\n  " + text + "\n}", _context(),
                                  filename=f"<dsa kernel @{symbol_name(fn)}>")
            kernel = next(iter(parsed.regions[0].block.ops))
            kernel.detach()
            kernel.location = fn.location
            relocate(kernel, low.layer_locs)
            insert_fallbacks(kernel, low.fallbacks)
            body.insert_before(kernel, fn)
            for name, arr in low.globals:
                body.insert_before(make_global(name, arr), kernel)
            fn.erase()
            self.statistics["num-kernels"] += 1


def insert_fallbacks(kernel: Operation, fallbacks: Sequence[Operation]) -> None:
    """Clone each control-processor op of the source function into ``kernel`` at its placeholders (see
    :meth:`Lowering.fallback`): tensor operands map to the ``to_tensor`` reads, a ``tensor.empty`` operand and the
    scalar constants it uses (also inside its regions) are cloned along; the placeholders are then removed."""
    reads: dict[tuple[int, int], Operation] = {}
    holders: dict[int, list[Operation]] = {}
    for o in kernel.walk():
        a = o.attributes.get("dsa.fallback")
        if not isinstance(a, StringAttr):
            continue
        key, _, pos = a.value.partition(":")
        if pos.startswith("r"):
            holders.setdefault(int(key), []).append(o)
        else:
            reads[(int(key), int(pos))] = o
        del o.attributes["dsa.fallback"]
    for k, op in enumerate(fallbacks):
        ph = holders[k]
        mapping: dict[Any, Any] = {}
        inside = {id(o) for o in op.walk()}
        mine = [reads[(k, i)] for i in range(len(op.operands)) if (k, i) in reads]
        for i, v in enumerate(op.operands):
            if (k, i) in reads:
                mapping[v] = reads[(k, i)].results[0]
        for inner in op.walk():
            for v in inner.operands:
                _bring(v, ph[0], op, inside, mapping)
        if is_linalg_dps(op):  # on memrefs: the markers' buffers, no results
            bufs = {i: reads[(k, i)].operand(0) for i in range(len(op.operands)) if (k, i) in reads}
            cls: Any = type(op)
            new = cls.create([bufs.get(i, mapping.get(v, v)) for i, v in enumerate(op.operands)], [],
                                  dict(op.properties), dict(op.attributes), len(op.regions), location=op.location)
            for r_old, r_new in zip(op.regions, new.regions):
                r_old.clone_into(r_new, mapping)
            new.attributes.pop("dsa.layer", None)
        else:
            new = op.clone(mapping)
            new.location = op.location
        assert ph[0].parent is not None
        ph[0].parent.insert_before(new, ph[0])
        if is_linalg_dps(op):
            ph[0].erase()
            for m in reversed(mine):
                if not m.results[0].uses:
                    m.erase()
            continue
        for j, p in enumerate(ph):
            p.results[0].replace_all_uses_with(new.results[j])
            p.erase()


def is_linalg_dps(op: Operation) -> bool:
    """A linalg op in destination-passing style with one ranked tensor result per output (bufferizable in place
    onto memrefs)."""
    outs = getattr(op, "outputs", None)
    return op.name.startswith("linalg.") and outs is not None and hasattr(op, "inputs") and \
        len(op.results) == len(outs) and all(isinstance(r.type, RankedTensorType) for r in op.results)


def _bring(v: Value, anchor: Operation, op: Operation, inside: set[int], mapping: dict[Any, Any]) -> None:
    """Clone the producer of ``v`` (and what it uses) before ``anchor`` unless it is mapped or inside ``op``."""
    d = v.defining_op
    if v in mapping or d is None or id(d) in inside:
        return
    for w in d.operands:
        _bring(w, anchor, op, inside, mapping)
    c = d.clone(mapping)
    c.attributes.pop("dsa.layer", None)
    c.location = op.location
    assert anchor.parent is not None
    anchor.parent.insert_before(c, anchor)


def relocate(kernel: Operation, layer_locs: dict[str, Any]) -> None:
    """Give the generated ops the locations of the source ops they come from: a layer's loop nest and the
    buffers and tokens set up before it get the location of the layer's anchor (so that a later diagnostic,
    e.g. SRAM overflow in ``dsa-plan-memory``, points at the source); the kernel's index constants keep the
    function's."""
    pending: list[Operation] = []
    last = kernel.location
    for o in list(kernel.regions[0].block.ops):
        lname = o.attributes.get("dsa.layer")
        if isinstance(lname, StringAttr) and lname.value in layer_locs:
            last = layer_locs[lname.value]
            for p in pending:
                p.location = last
            pending = []
            for inner in o.walk():
                inner.location = last
        elif o.name == "arith.constant":
            o.location = kernel.location
        else:
            pending.append(o)
            o.location = last
    for p in pending:
        p.location = last


_CTX: list[Context] = []


def _context() -> Context:
    """One parsing context for the generated kernels (building a parser costs ~0.5 s)."""
    if not _CTX:
        _CTX.append(Context())
    return _CTX[0]


def make_global(name: str, arr: np.ndarray) -> Operation:
    """``memref.global "private" constant @name : memref<...xf32, #dsa.dram> = dense<...>``."""
    from dialects.dsa import DRAM
    from dialects.memref import GlobalOp
    from mlir_py.attributes import DenseElementsAttr, MemRefType, StringAttr, TypeAttr, UnitAttr, f32

    mt = MemRefType(list(arr.shape), f32, memory_space=DRAM)
    return GlobalOp.create([], [], {"sym_name": StringAttr(name), "sym_visibility": StringAttr("private"),
                                    "type": TypeAttr(mt), "constant": UnitAttr(),
                                    "initial_value": DenseElementsAttr(RankedTensorType(list(arr.shape), f32), arr)})


__all__ = ["DsaBufferizePass", "Emitter", "Lowering", "make_global", "pack_filter"]
