"""``dsa-plan-memory``: stage 5 of ``--lower-to-dsa`` — a static offset for every buffer of a DSA kernel.

Every ``memref.alloc`` in ``#dsa.sram`` or ``#dsa.dram`` (the SRAM tiles of the layers, the DRAM scratch of the
intermediate feature maps, as ``dsa-bufferize`` leaves them) becomes ``dsa.buffer at OFFSET`` in its pool.

* **Liveness**: over the kernel's top-level operations (the layers' loop nests; a use inside a loop counts at
  the loop), a buffer lives from its allocation to its last use. Each layer ends with a ``dsa.wait`` on its
  engine operations, so a buffer whose last use is before that point is free afterwards.
* **Placement**: *Greedy by Size* (Y. Pisarchyk and J. Lee, "Efficient Memory Management for Deep Neural Net
  Inference", 2020, section 4.2 — the offset-calculation variant): buffers are taken by decreasing size; each
  goes into the smallest gap (best fit) between the already placed buffers whose lifetimes overlap its own, or
  after the last of them. Sizes and offsets are rounded up to 64 bytes (SRAM accesses are 64-byte aligned).
* **Report**: on the kernel ``func.func``, ``dsa.peak_sram_bytes`` (the end of the highest SRAM buffer),
  ``dsa.sram_lower_bound_bytes`` (the largest total of simultaneously live SRAM bytes: no placement does
  better), and the same for the DRAM scratch pool (``dsa.peak_dram_bytes``, ``dsa.dram_lower_bound_bytes``).

Two buffers may share an offset (their lifetimes do not overlap): that is the point. Errors (located at the
buffer): the SRAM pool does not fit the ``#dsa.target``.
"""

from __future__ import annotations

from dataclasses import dataclass

from dialects.dsa import BufferOp, nbytes, space_of, target_of
from mlir_py.attributes import IntegerAttr, MemRefType, i64
from mlir_py.ir import Operation
from mlir_py.pass_manager import Pass, register_pass

ALIGN = 64


@dataclass
class Interval:
    """One buffer: its alloc op, size (bytes, 64-aligned), first and last top-level op index, offset."""

    op: Operation
    size: int
    start: int
    end: int
    offset: int = -1

    def overlaps(self, other: Interval) -> bool:
        return self.start <= other.end and other.start <= self.end


def greedy_by_size(bufs: list[Interval]) -> int:
    """Place ``bufs`` (sets ``offset``) by Greedy by Size with best fit; returns the peak (bytes)."""
    placed: list[Interval] = []
    peak = 0
    for b in sorted(bufs, key=lambda x: (-x.size, x.start)):
        prev_end, best, best_gap = 0, -1, None
        for p in sorted((p for p in placed if p.overlaps(b)), key=lambda p: p.offset):
            gap = p.offset - prev_end
            if gap >= b.size and (best_gap is None or gap < best_gap):
                best, best_gap = prev_end, gap
            prev_end = max(prev_end, p.offset + p.size)
        b.offset = best if best >= 0 else prev_end
        placed.append(b)
        peak = max(peak, b.offset + b.size)
    return peak


def lower_bound(bufs: list[Interval]) -> int:
    """The largest total size of buffers live at one program point."""
    points = sorted({b.start for b in bufs})
    return max((sum(b.size for b in bufs if b.start <= t <= b.end) for t in points), default=0)


@register_pass
class DsaPlanMemoryPass(Pass):
    """Replace the ``memref.alloc`` buffers of each DSA kernel by ``dsa.buffer at OFFSET`` (Greedy by Size over
    liveness intervals, see the module docstring) and report peak and lower-bound bytes per pool."""

    argument = "dsa-plan-memory"
    summary = "Static offsets for DSA buffers (greedy by size), ping-pong buffers sharing SRAM"
    statistic_defs = {"num-buffers": "Number of buffers placed"}

    def run_on_operation(self, op: Operation) -> None:
        for fn in list(op.regions[0].block.ops):
            if fn.name == "func.func" and "dsa.kernel" in fn.attributes and fn.regions[0].blocks:
                self.plan(fn)

    def plan(self, fn: Operation) -> None:
        top = list(fn.regions[0].block.ops)
        index = {o: i for i, o in enumerate(top)}
        pools: dict[str, list[Interval]] = {"sram": [], "dram": []}
        for i, o in enumerate(top):
            if o.name != "memref.alloc":
                continue
            t = o.results[0].type
            space = space_of(t)
            if not isinstance(t, MemRefType) or space is None:
                continue
            last = i
            for u in o.results[0].users:
                a: Operation | None = u
                while a is not None and a not in index:
                    a = a.parent_op
                if a is not None:
                    last = max(last, index[a])
            size = -(-nbytes(t) // ALIGN) * ALIGN
            pools[space].append(Interval(o, size, i, last))
        tgt = target_of(fn)
        attrs = {}
        for space, bufs in pools.items():
            peak = greedy_by_size(bufs)
            attrs[space] = (peak, lower_bound(bufs))
            cap = tgt.sram_bytes if space == "sram" else tgt.dram_bytes
            if peak > cap:
                worst = max(bufs, key=lambda b: b.offset + b.size)
                raise self.failure(f"the {space.upper()} buffers need {peak} bytes but the target has {cap}",
                                   worst.op)
            for b in bufs:
                new = BufferOp.create([], [b.op.results[0].type], {"offset": IntegerAttr(b.offset, i64)},
                                      location=b.op.location)
                fn.regions[0].block.insert_before(new, b.op)
                b.op.results[0].replace_all_uses_with(new.results[0])
                b.op.erase()
                self.statistics["num-buffers"] += 1
        fn.set_attr("dsa.peak_sram_bytes", IntegerAttr(attrs["sram"][0], i64))
        fn.set_attr("dsa.sram_lower_bound_bytes", IntegerAttr(attrs["sram"][1], i64))
        fn.set_attr("dsa.peak_dram_bytes", IntegerAttr(attrs["dram"][0], i64))
        fn.set_attr("dsa.dram_lower_bound_bytes", IntegerAttr(attrs["dram"][1], i64))


__all__ = ["DsaPlanMemoryPass", "Interval", "greedy_by_size", "lower_bound"]
