"""What each dsa engine operation does and costs, vectorized over ``I`` instances of the op at once.

:func:`decode` turns an op into an :class:`OpInfo` once (its tiles, shapes, costs); then for any number of
instances ``info.accesses(args)`` gives the operand footprints, ``info.compute(inputs, dyn)`` the results
(numpy, whole tiles, no per-element Python), ``info.record(stats, ...)`` the work done and
``info.durations(...)`` the engine cycles. The tile-by-tile interpreter calls them with ``I = 1``, the batched
loop executor with every instance of a loop nest: one code path, so both give identical results.

Arithmetic (docs/dsa.md, "Semantics"):

* matmul, integers: products and sums exact (i8 through f32 BLAS — every partial sum is an integer below 2^24 for
  N <= 256; i16 through f64, below 2^53; i32 in int64), wrapped to i32 when added to the accumulator;
* matmul, f32: the N-term dot products in f32 by the host BLAS (``numpy.matmul``), added to the accumulator in f32;
* post-processing: ``s + bias`` in the accumulator type, then ReLU, then ``scale(m, shift)`` = round(x·m / 2^shift)
  half away from zero, exact in 64 bits (f32: x·f), then ``clip(lo, hi)``, then a saturating conversion to the
  output type (f32 → int rounds half to even, NaN → 0);
* vector ops: integers exact in 64 bits, f32 in f32, then the same post-processing and conversion.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from dialects import dsa
from mlir_py.attributes import FloatAttr, IntegerAttr, MemRefType, numpy_dtype
from mlir_py.ir import Operation

from .machine import DRAM_PJ_PER_BYTE, MAC_PJ, SRAM_PJ_PER_BYTE, Access, Buf, SimError, Stats

_INT_RANGE = {np.dtype(np.int8): (-128, 127), np.dtype(np.int16): (-(2**15), 2**15 - 1),
              np.dtype(np.int32): (-(2**31), 2**31 - 1)}


def np_dtype(t: Any) -> np.dtype:
    return np.dtype(numpy_dtype(t))


def layer_of(op: Operation) -> tuple[str, Operation | None]:
    """The ``dsa.layer`` name of ``op`` or of its closest enclosing op that has one ("" if none), and that op."""
    cur: Operation | None = op
    while cur is not None:
        a = cur.attributes.get("dsa.layer")
        if a is not None and hasattr(a, "value") and isinstance(a.value, str):
            return a.value, cur
        cur = cur.parent_op
    return "", None


def loc_str(op: Operation) -> str:
    """``file:line:col`` of ``op``'s location, or ""."""
    from mlir_py.attributes import file_line_col

    flc = file_line_col(op.location)
    return f"{flc.filename}:{flc.line}:{flc.col}" if flc is not None else ""


class Role:
    """A tile operand ``%buf[%i, ...]`` of an op: the operand position of the buffer and of its indices."""

    __slots__ = ("name", "buf", "idx", "write", "shape", "dtype", "size", "pattern", "sig", "grid")

    def __init__(self, name: str, buf: int, idx: list[int], write: bool, shape: tuple[int, ...], dtype: np.dtype):
        self.name, self.buf, self.idx, self.write, self.shape, self.dtype = name, buf, idx, write, shape, dtype
        self.size = int(np.prod(shape, dtype=np.int64))
        self.pattern = np.arange(self.size, dtype=np.int64)
        self.sig = ("tile", shape, dtype.str)
        self.grid = ((self.size,), (1,))

    @property
    def nbytes(self) -> int:
        return self.size * self.dtype.itemsize


_positions = dsa.operand_fields


def _as_index(v: Any, n: int) -> np.ndarray:
    a = np.asarray(v, dtype=np.int64)
    return np.broadcast_to(a, (n,)) if a.ndim == 0 else a


class OpInfo:
    """Static facts about one dsa engine op, and its vectorized behaviour (see the module docstring)."""

    engine = ""
    staged: tuple[str, ...] = ()

    def __init__(self, op: Operation, target: dsa.TargetAttr):
        self.op, self.target = op, target
        self.n = target.n
        self.layer, carrier = layer_of(op)
        #: where the layer is named (the op carrying its ``dsa.layer`` attribute), ``file:line:col``
        self.layer_loc = loc_str(carrier) if carrier is not None else ""
        self.label = op.name.split(".", 1)[1]
        self.loc = loc_str(op)
        self.pos = _positions(op)
        self.deps = self.pos.get("deps", [])
        self.roles: list[Role] = []
        self.index_positions: list[int] = []

    # --- operand decoding ---------------------------------------------------------------------------------------
    def role(self, name: str, field: str, write: bool) -> Role | None:
        bufs = self.pos.get(field, [])
        if not bufs:
            return None
        v = self.op.operand(bufs[0])
        t = v.type
        assert isinstance(t, MemRefType)
        idx = self.pos[field + "_indices"]
        r = Role(name, bufs[0], idx, write, tuple(t.shape[len(idx):]), np_dtype(t.element_type))
        self.roles.append(r)
        self.index_positions += idx
        return r

    def tile_access(self, r: Role, args: list[Any], n: int) -> Access:
        """The footprint of tile role ``r``: contiguous, 64-byte aligned (checked by the verifier)."""
        buf: Buf = args[r.buf]
        strides = buf.strides
        if n == 1:
            b = buf.base
            for d, p in enumerate(r.idx):
                x = args[p]
                k = int(x[0]) if isinstance(x, np.ndarray) and x.ndim else int(x)
                if not 0 <= k < buf.shape[d]:
                    raise self._range_error(r, k, d, buf)
                b += k * strides[d]
            base = np.array([b], dtype=np.int64)
        else:
            base = np.full(n, buf.base, dtype=np.int64)
            for d, p in enumerate(r.idx):
                i = _as_index(args[p], n)
                if not (i.min() >= 0 and i.max() < buf.shape[d]):
                    raise self._range_error(r, int(i[(i < 0) | (i >= buf.shape[d])][0]), d, buf)
                base = base + i * strides[d]
        return Access(buf.mem, buf.dtype, base, r.pattern, r.shape, r.sig, r.write, r.name, grid=r.grid)

    def _range_error(self, r: Role, i: int, d: int, buf: Buf) -> SimError:
        return SimError(f"'{r.name}' index {i} is out of range for dimension {d} of size {buf.shape[d]}", self.op)

    # --- to override ------------------------------------------------------------------------------------------
    def accesses(self, args: list[Any], n: int) -> list[Access]:
        """Footprints of ``n`` instances; ``args`` are the operand values (index operands: scalars or arrays of
        ``n``)."""
        return [self.tile_access(r, args, n) for r in self.roles]

    def compute(self, inputs: dict[str, np.ndarray], flags: np.ndarray | None, n: int) -> dict[str, np.ndarray]:
        raise NotImplementedError

    def record(self, stats: Stats, acc: list[Access], flags: np.ndarray | None) -> None:
        raise NotImplementedError

    def durations(self, acc: list[Access]) -> tuple[int, ...]:
        """Cycles of one instance (one number, or (read, compute, write) for the matrix unit)."""
        raise NotImplementedError

    def all_durations(self, acc: list[Access]) -> tuple[int, ...] | list[tuple[int, ...]]:
        """:meth:`durations` of every instance of ``acc``: one tuple when they are all equal, else one per
        instance."""
        return self.durations(acc)

    def flags(self, args: list[Any], n: int) -> np.ndarray | None:
        return None

    # --- shared cost helpers ----------------------------------------------------------------------------------
    def sram_cycles(self, nbytes: int) -> int:
        return -(-nbytes // self.target.sram_bytes_per_cycle)

    def sram_traffic(self, stats: Stats, read: float, write: float) -> None:
        stats.add("sram_read_bytes", read)
        stats.add("sram_write_bytes", write)
        stats.add("energy_sram_pj", (read + write) * SRAM_PJ_PER_BYTE)


# ---------------------------------------------------------------------------------------------------------------
# DMA
# ---------------------------------------------------------------------------------------------------------------


class DmaInfo(OpInfo):
    """``dsa.dma_load``/``dsa.dma_store``: a DRAM box <-> an SRAM tile, element order as documented on the ops."""

    engine = "dma"

    def __init__(self, op: Operation, target: dsa.TargetAttr):
        super().__init__(op, target)
        assert isinstance(op, dsa._DmaOp)
        self.load = op.DIRECTION == "load"
        self.sram_role = self.role("sram", "sram", write=self.load)
        dt = op.dram.type
        assert isinstance(dt, MemRefType)
        self.dram_shape = tuple(dt.shape)
        self.dram_dtype = np_dtype(dt.element_type)
        self.index_positions += self.pos["dram_indices"]
        sizes, strides, perm = op.box()
        self.sizes, self.box_strides, self.masked = sizes, strides, bool(op.masked)
        cs = [int(np.prod(dt.shape[d + 1:], dtype=np.int64)) for d in range(dt.rank)]
        grids = np.meshgrid(*[np.arange(s, dtype=np.int64) * st for s, st in zip(sizes, strides)], indexing="ij")
        # per-dimension element offsets of the box, in tile order (the box's dims permuted, then row-major)
        self.dim_offsets = [g.transpose(perm).reshape(-1) for g in grids]
        pattern = sum((g * c for g, c in zip(self.dim_offsets, cs)), np.zeros(len(self.dim_offsets[0]), np.int64))
        self.pattern = np.ascontiguousarray(pattern)
        self.grid = (tuple(sizes[p] for p in perm), tuple(strides[p] * cs[p] for p in perm))
        self.canonical = cs
        self.sig = ("box", tuple(sizes), tuple(strides), tuple(perm), self.dram_dtype.str, tuple(self.dram_shape))
        self.elem = self.dram_dtype.itemsize
        self.tile_bytes = len(self.pattern) * self.elem
        self.static_cycles = self._cycles(self.tile_bytes)

    def _cycles(self, dram_bytes: int) -> int:
        t = self.target
        return max(1, -(-dram_bytes // t.dram_bytes_per_cycle), self.sram_cycles(self.tile_bytes))

    def dram_access(self, args: list[Any], n: int) -> Access:
        buf: Buf = args[self.pos["dram"][0]]
        tile_shape = self.sram_role.shape if self.sram_role else ()
        if n == 1 and not self.masked:  # the tile-by-tile path: plain integers
            b = buf.base
            for d, (p, c, s, st, size) in enumerate(zip(self.pos["dram_indices"], self.canonical, self.sizes,
                                                        self.box_strides, self.dram_shape)):
                x = args[p]
                o = int(x[0]) if isinstance(x, np.ndarray) and x.ndim else int(x)
                if o < 0 or o + (s - 1) * st >= size:
                    raise self._box_error([int(np.asarray(args[q]).reshape(-1)[0]) for q in self.pos["dram_indices"]],
                                          d)
                b += o * c
            return Access(buf.mem, buf.dtype, np.array([b], dtype=np.int64), self.pattern, tile_shape, self.sig,
                          not self.load, "dram", grid=self.grid)
        return self._dram_access_n(buf, args, n, tile_shape)

    def _dram_access_n(self, buf: Buf, args: list[Any], n: int, tile_shape: tuple[int, ...]) -> Access:
        offs = [_as_index(args[p], n) for p in self.pos["dram_indices"]]
        base = np.full(n, buf.base, dtype=np.int64)
        for o, c in zip(offs, self.canonical):
            base += o * c
        mask: np.ndarray | None = None
        if self.masked:
            mask = np.ones((n, len(self.pattern)), dtype=bool)
            for o, dimoff, size in zip(offs, self.dim_offsets, self.dram_shape):
                x = o[:, None] + dimoff[None, :]
                mask &= (x >= 0) & (x < size)
            if bool(mask.all()):
                mask = None
        else:
            for d, (o, s, st, size) in enumerate(zip(offs, self.sizes, self.box_strides, self.dram_shape)):
                bad: np.ndarray = (o < 0) | (o + (s - 1) * st >= size)
                if bad.any():
                    raise self._box_error([int(x[np.argmax(bad)]) for x in offs], d)
        return Access(buf.mem, buf.dtype, base, self.pattern, tile_shape, self.sig, not self.load, "dram", mask=mask,
                      grid=self.grid)

    def _box_error(self, at: list[int], d: int) -> SimError:
        return SimError(f"box {list(self.sizes)} at {at} is out of bounds of the DRAM memref "
                        f"{'x'.join(map(str, self.dram_shape))} in dimension {d} (use 'masked' for partial tiles)",
                        self.op)

    def accesses(self, args: list[Any], n: int) -> list[Access]:
        assert self.sram_role is not None
        sram = self.tile_access(self.sram_role, args, n)
        dram = self.dram_access(args, n)
        return [dram, sram] if self.load else [sram, dram]

    def compute(self, inputs: dict[str, np.ndarray], flags: np.ndarray | None, n: int) -> dict[str, np.ndarray]:
        return {"sram": inputs["dram"]} if self.load else {"dram": inputs["sram"]}

    def dram_bytes(self, acc: list[Access]) -> np.ndarray | int:
        dram = acc[0] if self.load else acc[1]
        if dram.mask is None:
            return dram.count * self.tile_bytes
        return dram.in_bounds_counts() * self.elem

    def record(self, stats: Stats, acc: list[Access], flags: np.ndarray | None) -> None:
        n = acc[0].count
        d = float(np.sum(self.dram_bytes(acc)))
        stats.add("ops_dma", n)
        stats.add("dram_read_bytes" if self.load else "dram_write_bytes", d)
        stats.add("energy_dram_pj", d * DRAM_PJ_PER_BYTE)
        s = n * self.tile_bytes
        self.sram_traffic(stats, 0 if self.load else s, s if self.load else 0)

    def durations(self, acc: list[Access]) -> tuple[int, ...]:
        dram = acc[0] if self.load else acc[1]
        if dram.mask is None:
            return (self.static_cycles,)
        return (self._cycles(int(dram.mask[0].sum()) * self.elem),)

    def all_durations(self, acc: list[Access]) -> tuple[int, ...] | list[tuple[int, ...]]:
        dram = acc[0] if self.load else acc[1]
        if dram.mask is None:
            return (self.static_cycles,)
        t = self.target
        b = dram.mask.sum(axis=1) * self.elem
        c = np.maximum(np.maximum(-(-b // t.dram_bytes_per_cycle), self.sram_cycles(self.tile_bytes)), 1)
        return [(x,) for x in c.tolist()]


# ---------------------------------------------------------------------------------------------------------------
# post-processing (shared by the matrix and vector units)
# ---------------------------------------------------------------------------------------------------------------


class Post:
    """relu / scale / clip of an op and the conversion to the output dtype."""

    __slots__ = ("relu", "scale", "shift", "lo", "hi")

    def __init__(self, op: Operation):
        p = op.properties
        self.relu = "relu" in p
        sc, sh = p.get("scale"), p.get("shift")
        self.scale = sc.value if isinstance(sc, (IntegerAttr, FloatAttr)) else None
        self.shift = sh.value if isinstance(sh, IntegerAttr) else 0
        lo, hi = p.get("clip_min"), p.get("clip_max")
        self.lo = lo.value if isinstance(lo, (IntegerAttr, FloatAttr)) else None
        self.hi = hi.value if isinstance(hi, (IntegerAttr, FloatAttr)) else None

    @property
    def identity(self) -> bool:
        return not self.relu and self.scale is None and self.lo is None

    def apply(self, x: np.ndarray, out: np.dtype) -> np.ndarray:
        """``x``: int64 (integer data) or float32; returns ``out``-typed data."""
        if self.relu:
            x = np.maximum(x, 0)
        if self.scale is not None:
            if x.dtype.kind == "i":
                y = x * np.int64(self.scale)
                if self.shift:
                    q = (np.abs(y) + np.int64(1 << (self.shift - 1))) >> np.int64(self.shift)
                    y = np.where(y < 0, -q, q)
                x = y
            else:
                x = x * np.float32(self.scale)
        if self.lo is not None:
            x = np.clip(x, self.lo, self.hi)
            if x.dtype.kind == "f":
                x = x.astype(np.float32)
        return convert(x, out)


def convert(x: np.ndarray, out: np.dtype) -> np.ndarray:
    """Saturating conversion to ``out`` (ints clip to the type's range; f32 → int rounds half to even, NaN → 0)."""
    if out.kind == "f":
        return x.astype(out)
    lo, hi = _INT_RANGE[out]
    if x.dtype.kind == "f":
        x = np.nan_to_num(np.rint(x.astype(np.float64)), nan=0.0)
        return np.clip(x, lo, hi).astype(out)
    if x.dtype == out:
        return x
    return np.clip(x, lo, hi).astype(out)


# ---------------------------------------------------------------------------------------------------------------
# matrix unit
# ---------------------------------------------------------------------------------------------------------------


class MatmulInfo(OpInfo):
    engine = "matrix"

    def __init__(self, op: Operation, target: dsa.TargetAttr):
        super().__init__(op, target)
        assert isinstance(op, dsa.MatmulOp)
        self.lhs = self.role("lhs", "lhs", False)
        self.rhs = self.role("rhs", "rhs", False)
        self.bias = self.role("bias", "bias", False)
        self.acc_in = self.role("acc", "acc", False) if op.accumulate is not None else None
        self.acc = self.role("acc", "acc", True)
        self.out = self.role("out", "out", True)
        self.tl, self.tr = bool(op.transpose_lhs), bool(op.transpose_rhs)
        self.m, self.nn, self.k = op.dims()
        self.post = Post(op)
        assert self.lhs is not None and self.rhs is not None and self.acc is not None
        self.in_dtype = self.lhs.dtype
        self.acc_dtype = self.acc.dtype
        self.flag_pos = self.pos.get("accumulate", [])
        n = self.n
        read = self.lhs.nbytes + self.rhs.nbytes + (self.bias.nbytes if self.bias else 0)
        write = self.acc.nbytes + (self.out.nbytes if self.out else 0)
        self.read_bytes, self.write_bytes = read, write
        self.phases = (max(n, self.sram_cycles(read)), n, max(n, self.sram_cycles(write)))
        self.mac_pj = MAC_PJ[self.in_dtype.name]

    def accesses(self, args: list[Any], n: int) -> list[Access]:
        out = []
        flags = self.flags(args, n)
        for r in self.roles:
            if r is self.acc_in:
                assert flags is not None
                if n == 1 and not flags[0]:
                    continue  # overwriting: the accumulator is not read
                a = self.tile_access(r, args, n)
                a.active = None if flags.all() else flags
                out.append(a)
            else:
                out.append(self.tile_access(r, args, n))
        return out

    def flags(self, args: list[Any], n: int) -> np.ndarray | None:
        if not self.flag_pos:
            return None
        f = np.asarray(args[self.flag_pos[0]], dtype=bool)
        return np.broadcast_to(f, (n,)) if f.ndim == 0 else f

    def products(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """lhs'·rhs' per instance: int32 (exact, wrapped) or float32. Leading dimensions broadcast."""
        if self.tl:
            a = np.swapaxes(a, -1, -2)
        if self.tr:
            b = np.swapaxes(b, -1, -2)
        kind = self.in_dtype
        if kind == np.int8:  # |partial sums| <= N·2^14 < 2^24: exact in f32
            return np.matmul(a.astype(np.float32), b.astype(np.float32)).astype(np.int32)
        if kind == np.int16:  # |partial sums| <= N·2^30 < 2^53: exact in f64
            return np.matmul(a.astype(np.float64), b.astype(np.float64)).astype(np.int64).astype(np.int32)
        if kind == np.int32:
            return np.matmul(a.astype(np.int64), b.astype(np.int64)).astype(np.int32)
        return np.matmul(a, b)

    #: inputs that may come from the op's own earlier instances (an accumulation chain): :meth:`prepare` runs on
    #: all instances at once without them, :meth:`finish` wave by wave with them
    staged = ("acc",)

    def compute(self, inputs: dict[str, np.ndarray], flags: np.ndarray | None, n: int) -> dict[str, np.ndarray]:
        return self.finish(self.prepare(inputs, n), inputs, flags)

    def prepare(self, inputs: dict[str, np.ndarray], n: int) -> dict[str, np.ndarray]:
        """The products (and bias) of the instances; the inputs' leading dimensions broadcast, and so do the
        results'."""
        out = {"p": self.products(inputs["lhs"], inputs["rhs"])}
        if self.bias is not None:
            out["bias"] = inputs["bias"]
        return out

    def finish(self, pre: dict[str, np.ndarray], inputs: dict[str, np.ndarray], flags: np.ndarray | None
               ) -> dict[str, np.ndarray]:
        s = pre["p"]
        if flags is not None and flags.any():
            acc = inputs["acc"]
            s = np.where(flags[:, None, None], acc + s, s) if not flags.all() else acc + s
        return self.finish_sums(s, pre)

    @property
    def chainable(self) -> bool:
        """Whether the accumulator keeps the raw sums (so a chain of primitives is a running sum)."""
        return self.out is not None or (self.bias is None and self.post.identity)

    def finish_sums(self, s: np.ndarray, pre: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """The outputs given the accumulated sums ``s``."""
        if self.out is None:
            return {"acc": self._post(s, self.acc_dtype, pre)}
        return {"acc": s, "out": self._post(s, self.out.dtype, pre)}

    def _post(self, s: np.ndarray, out: np.dtype, inputs: dict[str, np.ndarray]) -> np.ndarray:
        if self.bias is not None:
            s = s + inputs["bias"][:, None, :]
        if self.post.identity and s.dtype == out:
            return s
        return self.post.apply(s.astype(np.int64) if s.dtype.kind == "i" else s, out)

    def record(self, stats: Stats, acc: list[Access], flags: np.ndarray | None) -> None:
        n = acc[0].count
        hw = float(n) * self.n ** 3
        stats.add("ops_matrix", n)
        stats.add("primitives", n)
        stats.add("macs", float(n) * self.m * self.nn * self.k)
        stats.add("hw_macs", hw)
        stats.add("energy_mac_pj", hw * self.mac_pj)
        accumulating = 0 if flags is None else int(np.count_nonzero(flags))
        assert self.acc is not None
        self.sram_traffic(stats, n * self.read_bytes + accumulating * self.acc.nbytes, n * self.write_bytes)

    def durations(self, acc: list[Access]) -> tuple[int, ...]:
        return self.phases


# ---------------------------------------------------------------------------------------------------------------
# vector unit
# ---------------------------------------------------------------------------------------------------------------

_BINARY = {"add": np.add, "sub": np.subtract, "mul": np.multiply, "max": np.maximum, "min": np.minimum}


class VectorInfo(OpInfo):
    engine = "vector"

    def __init__(self, op: Operation, target: dsa.TargetAttr):
        super().__init__(op, target)
        assert isinstance(op, (dsa.VectorOp, dsa.FillOp))
        self.fill = isinstance(op, dsa.FillOp)
        if isinstance(op, dsa.FillOp):
            self.kind = "fill"
            self.value = op.value.value
            self.post = None
        else:
            self.kind = op.kind_name
            self.lhs = self.role("lhs", "lhs", False)
            self.rhs = self.role("rhs", "rhs", False)
            self.post = Post(op)
        self.out = self.role("out", "out", True)
        assert self.out is not None
        self.elements = self.out.size
        read = sum(r.nbytes for r in self.roles if not r.write)
        self.read_bytes, self.write_bytes = read, self.out.nbytes
        n = target.n
        self.cycles = max(1, -(-self.elements // n), self.sram_cycles(read + self.out.nbytes))
        in_dtype = self.out.dtype if self.fill else self.roles[0].dtype
        self.pj = MAC_PJ[in_dtype.name]

    def compute(self, inputs: dict[str, np.ndarray], flags: np.ndarray | None, n: int) -> dict[str, np.ndarray]:
        assert self.out is not None
        if self.post is None:
            return {"out": np.full((n, *self.out.shape), self.value, dtype=self.out.dtype)}
        a = inputs["lhs"]
        wide = a.astype(np.int64) if a.dtype.kind == "i" else a
        if self.kind == "copy":
            x = wide
        else:
            b = inputs["rhs"]
            x = _BINARY[self.kind](wide, b.astype(np.int64) if b.dtype.kind == "i" else b)
        if x.dtype.kind == "i" and self.out.dtype.kind == "f" and self.post.identity:
            return {"out": x.astype(self.out.dtype)}
        return {"out": self.post.apply(x, self.out.dtype)}

    def record(self, stats: Stats, acc: list[Access], flags: np.ndarray | None) -> None:
        n = acc[0].count
        stats.add("ops_vector", n)
        stats.add("vector_elements", float(n) * self.elements)
        stats.add("energy_vector_pj", float(n) * self.elements * self.pj)
        self.sram_traffic(stats, n * self.read_bytes, n * self.write_bytes)

    def durations(self, acc: list[Access]) -> tuple[int, ...]:
        return (self.cycles,)


# ---------------------------------------------------------------------------------------------------------------
# sort unit
# ---------------------------------------------------------------------------------------------------------------


class SortInfo(OpInfo):
    engine = "sort"

    def __init__(self, op: Operation, target: dsa.TargetAttr):
        super().__init__(op, target)
        self.input = self.role("input", "input", False)
        assert self.input is not None
        if isinstance(op, dsa.MaxPoolOp):
            self.kind = "maxpool"
            self.out = self.role("out", "out", True)
            assert self.out is not None
            self.window, self.strides = tuple(op.window.values), tuple(op.strides.values)
            kh, kw = self.window
            self.comparisons = self.out.size * (kh * kw - 1)
        else:
            assert isinstance(op, dsa.TopKOp)
            self.kind = "topk"
            self.k = op.k.value
            self.role("values", "values", True)
            self.role("indices", "indices", True)
            rows, length = self.input.shape
            self.comparisons = rows * length * max(1, math.ceil(math.log2(self.k + 1)))
        self.read_bytes = self.input.nbytes
        self.write_bytes = sum(r.nbytes for r in self.roles if r.write)
        self.cycles = max(1, -(-self.comparisons // target.n), self.sram_cycles(self.read_bytes + self.write_bytes))
        self.pj = MAC_PJ[self.input.dtype.name]

    def compute(self, inputs: dict[str, np.ndarray], flags: np.ndarray | None, n: int) -> dict[str, np.ndarray]:
        x = inputs["input"]
        if self.kind == "maxpool":
            (kh, kw), (sh, sw) = self.window, self.strides
            win = np.lib.stride_tricks.sliding_window_view(x, (kh, kw), axis=(1, 2))[:, ::sh, ::sw]
            return {"out": win.max(axis=(-2, -1))}
        key = -x.astype(np.int64) if x.dtype.kind == "i" else -x
        order = np.argsort(key, axis=-1, kind="stable")[..., :self.k]
        return {"values": np.take_along_axis(x, order, axis=-1), "indices": order.astype(np.int32)}

    def record(self, stats: Stats, acc: list[Access], flags: np.ndarray | None) -> None:
        n = acc[0].count
        stats.add("ops_sort", n)
        stats.add("sort_comparisons", float(n) * self.comparisons)
        stats.add("energy_sort_pj", float(n) * self.comparisons * self.pj)
        self.sram_traffic(stats, n * self.read_bytes, n * self.write_bytes)

    def durations(self, acc: list[Access]) -> tuple[int, ...]:
        return (self.cycles,)


INFO_CLASSES: dict[str, type[OpInfo]] = {"dsa.dma_load": DmaInfo, "dsa.dma_store": DmaInfo, "dsa.matmul": MatmulInfo,
                                        "dsa.vector": VectorInfo, "dsa.fill": VectorInfo, "dsa.maxpool": SortInfo,
                                        "dsa.topk": SortInfo}


def decode(op: Operation, target: dsa.TargetAttr) -> OpInfo:
    """The :class:`OpInfo` of an engine op (``dsa.dma_*``, ``matmul``, ``vector``, ``fill``, ``maxpool``,
    ``topk``)."""
    return INFO_CLASSES[op.name](op, target)
