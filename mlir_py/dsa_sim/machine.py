"""The simulated machine's state: memories, buffers, tile accesses, the energy table and the statistics counters.

Memories are byte arrays (``numpy.uint8``): one SRAM of ``sram_kib`` KiB, one DRAM array per kernel argument
and per ``memref.global``, and a DRAM scratch pool for ``dsa.buffer``s in ``#dsa.dram``. A memref value is a
:class:`Buf` (a typed window of a memory); an operand's footprint for ``I`` instances at once (one per loop
iteration when a loop runs batched, one otherwise) is an :class:`Access`, whose ``gather``/``scatter`` move whole
tiles with one numpy fancy-indexing call each.

Energy (DESIGN.md, the lecture's 28 nm table): a MAC costs 1 pJ at 16 bits (i16), 4 pJ for 32-bit integers
(i32) and 6 pJ for f32; int8 costs 0.25 pJ — the 16-bit figure scaled by (8/16)², multiplier energy growing with
the square of the operand width, the same law that takes 16-bit to 32-bit (1 pJ → 4 pJ); SRAM 1.5 pJ/byte;
DRAM 250 pJ/byte. A vector-unit element operation and a sort-unit comparison are charged as one MAC of their
element type (an ALU op is at most a MAC).

Control processor (``cp``): an op that is not a dsa op and works on memrefs or tensors (a ``linalg`` softmax the
lowering could not map, a ``memref.copy``) runs on the control processor through the reference interpreter's
implementation, after every engine has drained (no token orders it). Its cost is
:data:`CP_CYCLES_PER_ELEMENT` cycles per element read or written (a scalar in-order core doing one load or store
per cycle), and no less than its DRAM bytes at ``dram_bytes_per_cycle``; energy :data:`CP_PJ_PER_ELEMENT` pJ per
element (one f32 MAC's worth, a lower bound for a scalar core) plus its memory traffic at the DRAM and SRAM rates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mlir_py.diagnostics import Diagnostic, DiagnosticError, VerifyError
from mlir_py.ir import Operation

#: pJ per MAC (matrix unit), per element op (vector unit), per comparison (sort unit), by element dtype
MAC_PJ: dict[str, float] = {"int8": 0.25, "int16": 1.0, "int32": 4.0, "float32": 6.0}
SRAM_PJ_PER_BYTE = 1.5
DRAM_PJ_PER_BYTE = 250.0
ENERGY_CATEGORIES = ("mac", "vector", "sort", "cp", "sram", "dram")
#: control-processor fallback: cycles and pJ per element an op reads or writes
CP_CYCLES_PER_ELEMENT = 1
CP_PJ_PER_ELEMENT = 6.0

#: engines; the matrix engine has three pipeline stages (read, compute, write), tracked separately; ``cp`` is the
#: control processor running fallback ops
ENGINES = ("dma", "matrix", "vector", "sort", "cp")


class SimError(DiagnosticError):
    """A runtime diagnostic of the simulator (out-of-bounds box, race between engines, unsupported op),
    located at the operation."""

    def __init__(self, message: str, op: Operation | None = None, prefix: bool = True):
        """``prefix``: start with ``'name' op`` (MLIR's ``emitOpError``), else only locate at ``op``."""
        if op is None:
            diag = Diagnostic("error", message)
        else:
            diag = VerifyError(message, op if prefix else None, op.location).diagnostic
            diag.op = op
        super().__init__(diag)
        self.message = message


class Memory:
    """A byte-addressed memory: the SRAM, a DRAM argument, a global, or the DRAM scratch pool."""

    __slots__ = ("name", "space", "data", "_views", "_grids", "readonly")

    def __init__(self, name: str, space: str, data: np.ndarray, readonly: bool = False):
        self.name, self.space, self.data, self.readonly = name, space, data, readonly
        self._views: dict[np.dtype, np.ndarray] = {}
        self._grids: dict[Any, np.ndarray | None] = {}

    def resize(self, nbytes: int) -> None:
        """Grow to ``nbytes`` (zero-filled), keeping the contents."""
        grown = np.zeros(nbytes, dtype=np.uint8)
        grown[:len(self.data)] = self.data
        self.data = grown
        self._views.clear()
        self._grids.clear()

    def flat(self, dtype: np.dtype) -> np.ndarray:
        """The memory as a flat array of ``dtype`` (a view; offsets are multiples of the item size)."""
        v = self._views.get(dtype)
        if v is None:
            n = len(self.data) // dtype.itemsize * dtype.itemsize
            v = self._views[dtype] = self.data[:n].view(dtype)
        return v

    def grid(self, dtype: np.dtype, shape: tuple[int, ...], strides: tuple[int, ...]) -> np.ndarray | None:
        """A view ``v`` with ``v[b][i...] = flat[b + Σ i_d·strides_d]`` for every start ``b`` that keeps the grid
        inside the memory (element strides); None if the grid does not fit at all."""
        key = (dtype, shape, strides)
        if key not in self._grids:
            flat = self.flat(dtype)
            length = len(flat) - sum((n - 1) * st for n, st in zip(shape, strides))
            isz = dtype.itemsize
            self._grids[key] = None if length <= 0 else np.lib.stride_tricks.as_strided(
                flat, (length, *shape), (isz, *(st * isz for st in strides)), writeable=True)
        return self._grids[key]

    def __repr__(self) -> str:
        return f"<Memory {self.name} {len(self.data)} B>"


@dataclass(frozen=True, slots=True)
class Buf:
    """A memref value: ``shape`` elements of ``dtype``, row-major, starting ``offset`` bytes into ``mem``."""

    mem: Memory
    offset: int
    shape: tuple[int, ...]
    dtype: np.dtype

    @property
    def base(self) -> int:
        """Index of element 0 in ``mem.flat(dtype)``."""
        return self.offset // self.dtype.itemsize

    @property
    def strides(self) -> tuple[int, ...]:
        """Element strides (row-major)."""
        out, s = [], 1
        for d in reversed(self.shape):
            out.append(s)
            s *= d
        return tuple(reversed(out))

    def array(self) -> np.ndarray:
        """The buffer's contents as an array view."""
        n = int(np.prod(self.shape, dtype=np.int64))
        return self.mem.flat(self.dtype)[self.base:self.base + n].reshape(self.shape)


class Access:
    """One operand's footprint for ``I`` instances: element ``e`` of instance ``i`` is
    ``mem.flat(dtype)[base[i] + pattern[e]]``; ``mask[i, e]`` (masked DMA boxes) says whether it is in bounds.
    ``sig`` identifies the footprint's shape: two accesses with equal ``sig`` and ``base`` touch the same bytes."""

    __slots__ = ("mem", "dtype", "base", "pattern", "shape", "mask", "write", "sig", "grid", "role", "active")

    def __init__(self, mem: Memory, dtype: np.dtype, base: np.ndarray, pattern: np.ndarray, shape: tuple[int, ...],
                 sig: Any, write: bool, role: str, mask: np.ndarray | None = None,
                 grid: tuple[tuple[int, ...], tuple[int, ...]] | None = None):
        self.mem, self.dtype, self.base, self.pattern, self.shape = mem, dtype, base, pattern, shape
        self.sig, self.write, self.role, self.mask = sig, write, role, mask
        #: the pattern as a strided grid (shape, element strides) in tile order, for view-based copies
        self.grid = grid
        #: instances that really access (a matmul reads its accumulator only when accumulating); None: all
        self.active: np.ndarray | None = None

    @property
    def count(self) -> int:
        return len(self.base)

    def indices(self, sel: np.ndarray | None = None) -> np.ndarray:
        """Element indices (I', E) of the instances ``sel`` (all by default); masked-out ones point at 0."""
        base = self.base if sel is None else self.base[sel]
        idx = base[:, None] + self.pattern[None, :]
        if self.mask is not None:
            idx = np.where(self.mask if sel is None else self.mask[sel], idx, 0)
        return idx

    def _view(self) -> np.ndarray | None:
        if self.mask is not None or self.grid is None:
            return None
        return self.mem.grid(self.dtype, *self.grid)

    def gather(self, sel: np.ndarray | None = None) -> np.ndarray:
        """The data of instances ``sel`` (all by default), shape (I', *shape); masked-out elements read 0."""
        base = self.base if sel is None else self.base[sel]
        v = self._view()
        if v is not None:
            data = v[int(base[0])][None].copy() if len(base) == 1 else v[base]
            return data.reshape((len(base), *self.shape))
        data = self.mem.flat(self.dtype)[self.indices(sel)]
        if self.mask is not None:
            data[~(self.mask if sel is None else self.mask[sel])] = 0
        return data.reshape((len(data), *self.shape))

    def scatter(self, data: np.ndarray, sel: np.ndarray | None = None) -> None:
        """Write ``data`` (I', *shape) to instances ``sel``; masked-out elements are not written. The footprints
        of the instances must not overlap (the caller keeps only the last write of each)."""
        base = self.base if sel is None else self.base[sel]
        n = len(base)
        v = self._view()
        if v is not None:
            assert self.grid is not None
            vals = data.reshape((n, *self.grid[0]))
            if n == 1:
                v[int(base[0])] = vals[0]
            else:
                v[base] = vals
            return
        flat = self.mem.flat(self.dtype)
        idx = self.indices(sel)
        vals = data.reshape(n, -1)
        if self.mask is not None:
            m = self.mask if sel is None else self.mask[sel]
            flat[idx[m]] = vals[m]
        else:
            flat[idx] = vals

    def in_bounds_counts(self) -> np.ndarray:
        """Elements actually in the memory, per instance (all of them unless masked)."""
        if self.mask is None:
            return np.full(len(self.base), len(self.pattern), dtype=np.int64)
        return self.mask.sum(axis=1)


#: counters of :class:`Stats`, all additive (bytes, MACs, element ops, comparisons, pJ)
COUNTERS = ("macs", "hw_macs", "primitives", "dram_read_bytes", "dram_write_bytes", "sram_read_bytes",
            "sram_write_bytes", "vector_elements", "sort_comparisons", "cp_elements", "ops_dma", "ops_matrix",
            "ops_vector", "ops_sort", "ops_cp") + tuple(f"energy_{c}_pj" for c in ENERGY_CATEGORIES)


@dataclass
class Stats:
    """Additive work counters of a program or a layer (units in the names: bytes, pJ; MACs counted useful —
    the m·n·k of the unpadded tiles — and as the hardware does them, ``hw_macs`` = N³ per primitive)."""

    values: dict[str, float] = field(default_factory=lambda: dict.fromkeys(COUNTERS, 0))

    def add(self, name: str, amount: float) -> None:
        self.values[name] += amount

    def __getitem__(self, name: str) -> float:
        return self.values[name]

    def merge(self, other: Stats) -> None:
        for k, v in other.values.items():
            self.values[k] += v


def dtype_name(dtype: np.dtype) -> str:
    return np.dtype(dtype).name
