"""The DSA simulator: runs a ``dsa.kernel`` function exactly (numpy per tile) and times it.

Execution is the reference interpreter's (:class:`mlir_py.interpreter.Interpreter`: ``func``, ``arith`` index
math), with the dsa engine ops, ``dsa.buffer``, ``memref.get_global`` and ``scf.for`` implemented here. Values:
a memref is a :class:`~.machine.Buf`, an index an ``int64``, a ``!dsa.token`` the cycle at which its operation
completes.

**Timing model** (Redfern, "Implementation", as summarized in DESIGN.md; docs/dsa.md has pictures):

* The control processor issues operations in program order at no cost; ``dsa.wait`` stalls it until the tokens
  complete (operations issued later start no earlier).
* Four engines run concurrently — DMA, matrix, vector, sort — each taking operations in issue order (in-order
  queues); an operation starts at ``max(engine free, its after(...) tokens, the control processor's time)``.
  Since an engine completes in order, the token of its last operation covers the earlier ones.
* DMA: ``max(⌈DRAM bytes / dram_bytes_per_cycle⌉, ⌈SRAM bytes / sram_bytes_per_cycle⌉)`` cycles per transfer.
* Matrix primitive: three pipeline stages, each N cycles (longer if its SRAM bytes need more at
  ``sram_bytes_per_cycle``): read the two tiles (and bias), compute (N² MACs/cycle), write the result tile(s).
  Stages overlap across primitives — the reads of the next primitive overlap this one's compute — so
  back-to-back primitives run at one per N cycles; a lone primitive takes 3N. The accumulator is read through
  its own port during the compute stage, and a chain of primitives accumulating into one tile forwards it
  inside the unit.
* Vector unit: ``max(⌈elements / N⌉, ⌈SRAM bytes / sram_bytes_per_cycle⌉)``; sort unit: ``max(⌈comparisons /
  N⌉, ⌈SRAM bytes / sram_bytes_per_cycle⌉)``.
* Control processor (``cp``): an op that is not a dsa op and touches memrefs or tensors (a ``linalg`` op the
  lowering could not map, say) runs through the reference interpreter's implementation on the data in place.
  No token orders it, so it first waits for every engine to drain, then takes
  ``max(elements read and written · CP_CYCLES_PER_ELEMENT, ⌈DRAM bytes / dram_bytes_per_cycle⌉)`` cycles
  (:mod:`.machine`) during which nothing else is issued; it is listed in the report's ``fallback_ops``. View,
  metadata and allocation ops (``memref.subview``, ``tensor.dim``, ``memref.alloc``, ...) cost 1 cycle, scalar
  loads and stores 1 element.
* The program ends when every engine is idle.

**Races**: every tile access is checked against the last writer and the readers of the same tile on other
engines: reading a tile before the DMA that fills it has completed (a missing token), or overwriting it while
another engine still reads it, is a located error.

**Speed**: an ``scf.for`` nest made of index math, dsa ops and inner loops runs *batched*: its data effects are
executed op by op over all iterations at once (:mod:`.batch`), then it is timed by its compiled token flow
(:mod:`.replay`; the interpreter re-runs it without data if that cannot be compiled), where a loop
whose schedule has reached a steady state (every engine and carried token shifted by the same number of cycles
per iteration) skips its remaining iterations by extrapolation — exact, since the schedule is a max-plus
function of that state and the durations do not change from one iteration to the next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from dialects import dsa
from mlir_py.attributes import ArrayAttr, DictionaryAttr, FunctionType, MemRefType, RankedTensorType
from mlir_py.interpreter import Exit, Interpreter, function_type
from mlir_py.ir import Block, Operation, Value, symbol_name

from .machine import (
    CP_CYCLES_PER_ELEMENT,
    CP_PJ_PER_ELEMENT,
    DRAM_PJ_PER_BYTE,
    ENGINES,
    SRAM_PJ_PER_BYTE,
    Buf,
    Memory,
    SimError,
    Stats,
)
from .ops import OpInfo, decode, layer_of, loc_str, np_dtype

# slots of Timing.free: the DMA queue, the matrix unit's three stages, the vector and sort units
DMA, MAT_R, MAT_C, MAT_W, VEC, SORT = range(6)
#: free slots of each engine, and the slot an operation's start is compared with
SLOTS = {"dma": (DMA,), "matrix": (MAT_R, MAT_C, MAT_W), "vector": (VEC,), "sort": (SORT,)}
ENTRY = {"dma": DMA, "matrix": MAT_R, "vector": VEC, "sort": SORT}
ENGINE_INDEX = {e: i for i, e in enumerate(ENGINES)}
#: trace tracks
TRACKS = ("dma", "matrix.read", "matrix.compute", "matrix.write", "vector", "sort", "cp")
CP_TRACK = TRACKS.index("cp")
#: ops the control processor runs for free (index math and control flow)
FREE_DIALECTS = ("arith", "index", "func", "scf", "cf", "dsa")
#: ops that only make a new view of a memref or read its metadata: 1 cycle, no data moved
VIEW_OPS = frozenset({"memref.subview", "memref.cast", "memref.reinterpret_cast", "memref.collapse_shape",
                      "memref.expand_shape", "memref.dim", "memref.view", "memref.transpose", "tensor.dim",
                      "tensor.cast", "memref.alloc", "memref.alloca", "memref.dealloc", "tensor.empty"})
#: ops that read or write one element of a memref or tensor
SCALAR_OPS = frozenset({"memref.load", "memref.store", "tensor.extract", "tensor.insert"})
#: operand fields that an op writes (destination-style outputs); the other shaped operands are read
WRITTEN_FIELDS = frozenset({"outputs", "inits", "init", "target", "dest"})


@dataclass
class LayerTime:
    """First start, last end and busy cycles per engine of the operations of one layer."""

    start: int = -1
    end: int = 0
    busy: list[int] = field(default_factory=lambda: [0] * len(ENGINES))


class Timing:
    """Engine clocks, busy cycles, the race detector and the optional trace."""

    def __init__(self, target: dsa.TargetAttr, trace: bool, races: bool):
        self.target = target
        self.free = [0] * 6
        #: busy cycles per engine (the matrix unit's compute stage), then Σ read + compute + write of primitives
        self.busy = [0] * (len(ENGINES) + 1)
        self.ctl = 0
        self.trace = trace
        self.races = races
        #: trace events: (track, label index, start cycle, duration)
        self.events: list[tuple[int, int, int, int]] = []
        self.labels: list[str] = []
        self._label_index: dict[OpInfo | str, int] = {}
        self.layers: dict[str, LayerTime] = {}
        #: tile -> [writer engine, writer end, writer info, {reader engine: (end, info)}]
        self.tiles: dict[Any, list[Any]] = {}

    def label(self, info: OpInfo) -> int:
        i = self._label_index.get(info)
        if i is None:
            i = self._label_index[info] = len(self.labels)
            self.labels.append(f"{info.label} {info.loc}".strip())
        return i

    @property
    def cycles(self) -> int:
        return max(self.ctl, *self.free)

    def control(self, label: str, cycles: int, layer: str) -> int:
        """A control-processor op of ``cycles``: it starts when every engine has drained; returns its end."""
        start = max(self.ctl, *self.free)
        end = self.ctl = start + cycles
        e = ENGINE_INDEX["cp"]
        self.busy[e] += cycles
        if self.trace:
            i = self._label_index.get(label)
            if i is None:
                i = self._label_index[label] = len(self.labels)
                self.labels.append(label)
            self.events.append((CP_TRACK, i, start, cycles))
        lt = self.layers.get(layer)
        if lt is None:
            lt = self.layers[layer] = LayerTime(start=start)
        lt.start = start if lt.start < 0 else min(lt.start, start)
        lt.end = max(lt.end, end)
        lt.busy[e] += cycles
        return end

    def schedule(self, info: OpInfo, durs: tuple[int, ...], ready: int, checks: list[Check] | None) -> int:
        """Issue one instance of ``info`` of engine cycles ``durs`` whose dependencies complete at ``ready``;
        ``checks`` are its tile accesses for the race detector; returns its end cycle."""
        free = self.free
        if info.engine == "matrix":
            r, c, w = durs
            rs = max(ready, free[MAT_R])
            re = rs + r
            cs = max(re, free[MAT_C])
            ce = cs + c
            ws = max(ce, free[MAT_W])
            we = ws + w
            free[MAT_R], free[MAT_C], free[MAT_W] = re, ce, we
            e = ENGINE_INDEX["matrix"]
            self.busy[e] += c
            self.busy[-1] += r + c + w
            start, end, read, write, busy = rs, we, (rs, re), (ws, we), c
            if self.trace:
                lab = self.label(info)
                self.events += [(1, lab, rs, r), (2, lab, cs, c), (3, lab, ws, w)]
        else:
            d = durs[0]
            slot = ENTRY[info.engine]
            start = max(ready, free[slot])
            end = free[slot] = start + d
            e = ENGINE_INDEX[info.engine]
            self.busy[e] += d
            read = write = (start, end)
            busy = d
            if self.trace:
                self.events.append((TRACKS.index(info.engine), self.label(info), start, d))
        if checks is not None:
            self._check(info, checks, read, write)
        lt = self.layers.get(info.layer)
        if lt is None:
            lt = self.layers[info.layer] = LayerTime(start=start)
        lt.start = start if lt.start < 0 else min(lt.start, start)
        lt.end = max(lt.end, end)
        lt.busy[e] += busy
        return end

    def _check(self, info: OpInfo, checks: list[Check], read: tuple[int, int], write: tuple[int, int]) -> None:
        eng = info.engine
        tiles = self.tiles
        for key, w, role in checks:
            if w:
                continue
            rec = tiles.get(key)
            if rec is None:
                rec = tiles[key] = [None, 0, None, {}]
            if rec[0] is not None and rec[0] != eng and rec[1] > read[0]:
                raise _race(info, role, "reads", rec[2], "writing", rec[1], read[0])
            prev = rec[3].get(eng)
            if prev is None or prev[0] < read[1]:
                rec[3][eng] = (read[1], info)
        for key, w, role in checks:
            if not w:
                continue
            rec = tiles.get(key)
            if rec is not None:
                if rec[0] is not None and rec[0] != eng and rec[1] > write[0]:
                    raise _race(info, role, "writes", rec[2], "writing", rec[1], write[0])
                for e2, (end, other) in rec[3].items():
                    if e2 != eng and end > write[0]:
                        raise _race(info, role, "writes", other, "reading", end, write[0])
            tiles[key] = [eng, write[1], info, {}]


#: one tile access of an operation instance for the race detector: ((memory id, first element, footprint), whether
#: it writes, operand role)
Check = tuple[tuple[int, int, Any], bool, str]


def access_checks(acc: list[Any]) -> list[Check]:
    """The race-detector entries of the accesses of one instance."""
    return [((id(a.mem), int(a.base[0]), a.sig), a.write, a.role) for a in acc]


def _race(info: OpInfo, role: str, verb: str, other: OpInfo, doing: str, end: int, start: int) -> SimError:
    return SimError(f"race: {verb} '{role}' at cycle {start} while '{other.op.name}' at {other.loc or '?'} may still "
                    f"be {doing} it (until cycle {end}); add its token to after(...)", info.op)


# ---------------------------------------------------------------------------------------------------------------
# loop plans
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class LoopPlan:
    """What a loop nest contains: whether it can run batched and be extrapolated, which engines it uses, whether
    it waits, and the tokens from outside it uses."""

    batchable: bool
    extrapolatable: bool
    slots: tuple[int, ...]
    entries: tuple[int, ...]
    has_wait: bool
    externals: list[Value]


def _blocks_inside(op: Operation) -> set[Block]:
    out: set[Block] = set()
    for r in op.regions:
        out.update(r.blocks)
        for o in r.walk():
            for rr in o.regions:
                out.update(rr.blocks)
    return out


def _tokens_only(types: Sequence[Any]) -> bool:
    return all(isinstance(t, dsa.TokenType) for t in types)


def make_plan(loop: Operation) -> LoopPlan:
    inside = _blocks_inside(loop)
    batchable = _tokens_only(loop.result_types)
    extrap = batchable
    engines: set[str] = set()
    has_wait = False
    externals: dict[Value, None] = {}
    for o in loop.regions[0].walk():
        name = o.name
        if name == "scf.for":
            if not _tokens_only(o.result_types):
                batchable = extrap = False
            if any(v.parent_block in inside for v in o.operands[:3]):
                extrap = False
        elif name in dsa.ENGINE_OF:
            engines.add(dsa.ENGINE_OF[name])
            if "masked" in o.properties:
                extrap = False
        elif name == "dsa.wait":
            has_wait = True
        elif not (name.startswith("arith.") or name in ("scf.yield", "dsa.buffer", "dsa.join", "memref.get_global")):
            batchable = extrap = False
        for v in o.operands:
            if isinstance(v.type, dsa.TokenType) and v.parent_block not in inside:
                externals[v] = None
    slots = tuple(s for e in sorted(engines) for s in SLOTS[e])
    return LoopPlan(batchable, extrap, slots, tuple(ENTRY[e] for e in sorted(engines)), has_wait, list(externals))


# ---------------------------------------------------------------------------------------------------------------
# the simulator
# ---------------------------------------------------------------------------------------------------------------


class Simulator(Interpreter):
    """Runs dsa kernels of ``module`` on a fresh machine (see the module docstring). ``batch=False`` runs every
    loop tile by tile; ``trace`` records engine events; ``races`` checks tile accesses across engines."""

    def __init__(self, module: Operation, target: dsa.TargetAttr, batch: bool = True, trace: bool = False,
                 races: bool = True):
        super().__init__(module)
        self.target = target
        self.batch = batch
        self.data = True
        self.timing = Timing(target, trace, races)
        self.layer_stats: dict[str, Stats] = {}
        self.infos: dict[Operation, OpInfo] = {}
        self.plans: dict[Operation, LoopPlan] = {}
        self.sram = Memory("sram", "sram", np.zeros(target.sram_bytes, dtype=np.uint8))
        self.dram_scratch = Memory("dram scratch", "dram", np.zeros(0, dtype=np.uint8))
        self.globals: dict[Operation, Memory] = {}
        self.batched_loops = 0
        #: time batched nests with compiled token flow (:mod:`.replay`) rather than the interpreter
        self.fast_timing = True
        self.timing_programs: dict[Operation, Any] = {}
        own: dict[str, Any] = {name: Simulator._engine_op for name in dsa.ENGINE_OF}
        own.update({"dsa.buffer": Simulator._buffer, "dsa.wait": Simulator._wait, "dsa.join": Simulator._join,
                    "scf.for": Simulator._for, "scf.yield": Simulator._yield,
                    "memref.get_global": Simulator._get_global})
        self._impls.update(own)
        #: control-processor fallback: names of the ops that run on it, what each op instance did
        self.cp_names = {o.name for o in module.walk() if o.name not in own and _is_cp_op(o)}
        self.fallback: dict[Operation, dict[str, Any]] = {}
        self._cp_buffers: dict[tuple[int, np.dtype], Any] = {}
        self._in_cp = False
        #: where each layer is named (``file:line:col`` of the op carrying ``dsa.layer``)
        self.layer_locs: dict[str, str] = {}
        #: the kernel being run (set by :func:`mlir_py.dsa_sim.simulate`)
        self.kernel: Operation | None = None

    # --- bookkeeping --------------------------------------------------------------------------------------------
    def info(self, op: Operation) -> OpInfo:
        i = self.infos.get(op)
        if i is None:
            i = self.infos[op] = decode(op, self.target)
            if i.layer and i.layer not in self.layer_locs:
                self.layer_locs[i.layer] = i.layer_loc
        return i

    def stats_for(self, layer: str) -> Stats:
        s = self.layer_stats.get(layer)
        if s is None:
            s = self.layer_stats[layer] = Stats()
        return s

    def plan(self, loop: Operation) -> LoopPlan:
        p = self.plans.get(loop)
        if p is None:
            p = self.plans[loop] = make_plan(loop)
        return p

    # --- op implementations ---------------------------------------------------------------------------------
    def _engine_op(self, op: Operation, args: list[Any]) -> list[Any]:
        info = self.infos.get(op) or self.info(op)
        try:
            acc = info.accesses(args, 1)
        except AttributeError:
            raise SimError("expects its memref operands to be kernel arguments, dsa.buffer or memref.get_global "
                           "results (a view made on the control processor cannot feed an engine)", op) from None
        if self.data:
            flags = info.flags(args, 1)
            outs = info.compute({a.role: a.gather() for a in acc if not a.write}, flags, 1)
            for a in acc:
                if a.write:
                    if a.mem.readonly:
                        raise SimError(f"writes '{a.role}' into read-only memory {a.mem.name}", op)
                    a.scatter(outs[a.role])
            info.record(self.stats_for(info.layer), acc, flags)
        ready = self.timing.ctl
        for p in info.deps:
            if args[p] > ready:
                ready = args[p]
        tm = self.timing
        return [tm.schedule(info, info.durations(acc), int(ready), access_checks(acc) if tm.races else None)]

    def _buffer(self, op: Operation, args: list[Any]) -> list[Any]:
        return [self.buffer(op)]

    def buffer(self, op: Operation) -> Buf:
        """The :class:`Buf` of a ``dsa.buffer`` (SRAM, or the DRAM scratch pool grown to fit)."""
        t = op.results[0].type
        assert isinstance(t, MemRefType)
        off = op.properties["offset"].value  # type: ignore[attr-defined]
        dt = np_dtype(t.element_type)
        if dsa.space_of(t) == "sram":
            return Buf(self.sram, off, t.shape, dt)
        end = off + dsa.nbytes(t)
        if len(self.dram_scratch.data) < end:
            self.dram_scratch.resize(end)
        return Buf(self.dram_scratch, off, t.shape, dt)

    def _get_global(self, op: Operation, args: list[Any]) -> list[Any]:
        from mlir_py.interpreter import from_attribute
        from mlir_py.ir import lookup_symbol

        g = lookup_symbol(op, op.properties["name"])  # type: ignore[arg-type]
        if g is None:
            raise SimError("unknown global", op)
        mem = self.globals.get(g)
        t = op.results[0].type
        assert isinstance(t, MemRefType)
        if mem is None:
            init = g.properties.get("initial_value")
            if init is None or not hasattr(init, "type"):
                raise SimError(f"global '@{symbol_name(g)}' has no initial value", op)
            arr = np.ascontiguousarray(from_attribute(init, RankedTensorType(t.shape, t.element_type), self.module))
            mem = self.globals[g] = Memory(f"global @{symbol_name(g)}", "dram", arr.view(np.uint8).reshape(-1),
                                           readonly="constant" in g.properties)
        return [Buf(mem, 0, t.shape, np_dtype(t.element_type))]

    def _wait(self, op: Operation, args: list[Any]) -> list[Any]:
        self.timing.ctl = max(self.timing.ctl, *(int(a) for a in args))
        return []

    def _join(self, op: Operation, args: list[Any]) -> list[Any]:
        return [max((int(a) for a in args), default=0)]

    def _yield(self, op: Operation, args: list[Any]) -> Exit:
        return Exit(args)

    def _for(self, op: Operation, args: list[Any]) -> list[Any]:
        lb, ub, step = (int(a) for a in args[:3])
        if step <= 0:
            raise SimError(f"scf.for step must be positive, got {step}", op)
        trips = len(range(lb, ub, step))
        carried = list(args[3:])
        plan = self.plan(op)
        if self.data and self.batch and trips >= 2 and plan.batchable:
            from .batch import run_batched
            from .replay import LoopTimer

            timer = LoopTimer.make(self, op, plan, carried) if self.fast_timing else None
            done = run_batched(self, op, lb, step, trips, None if timer is None else timer.chunk)
            if done:
                self.batched_loops += 1
                if timer is not None:
                    carried = timer.finish(done)
                else:
                    self.data = False
                    try:
                        carried = self._loop(op, lb, step, 0, done, carried, plan.extrapolatable)
                    finally:
                        self.data = True
            return self._loop(op, lb, step, done, trips, carried, False)
        return self._loop(op, lb, step, 0, trips, carried, plan.extrapolatable and not self.data)

    def _loop(self, op: Operation, lb: int, step: int, t0: int, t1: int, carried: list[Any],
              extrapolate: bool) -> list[Any]:
        """Iterations ``t0 <= t < t1``; with ``extrapolate`` (timing only), jump to the end at a steady state."""
        region = op.regions[0]
        snaps: list[tuple[Any, ...]] = []
        plan = self.plans[op] if extrapolate else None
        t = t0
        while t < t1:
            if plan is not None:
                snaps.append(self._snapshot(plan, carried))
                if len(snaps) >= 2 and self._steady(plan, snaps):
                    return self._advance(snaps, t1 - t, carried)
            carried = list(self.run_region(region, [np.int64(lb + t * step), *carried]))
            t += 1
        return carried

    def _snapshot(self, plan: LoopPlan, carried: list[Any]) -> tuple[Any, ...]:
        """The timing state between two iterations of a loop, for :meth:`_steady` and :meth:`_advance`."""
        tm = self.timing
        return (self._state(plan, carried), list(tm.busy), len(tm.events),
                {k: (v.end, list(v.busy)) for k, v in tm.layers.items()}, plan)

    def _state(self, plan: LoopPlan, carried: list[Any]) -> tuple[int, ...]:
        tm = self.timing
        s = [tm.free[i] for i in plan.slots]
        if plan.has_wait:
            s.append(tm.ctl)
        return tuple(s + [int(c) for c in carried])

    def _steady(self, plan: LoopPlan, snaps: list[tuple[Any, ...]]) -> bool:
        """Whether the last iteration shifted the whole state by one ``d`` and no token from outside the loop can
        still delay an operation: the schedule is a max-plus function of the state, so ``S(t+1) = S(t) + d``
        then implies ``S(t+j) = S(t) + j·d`` (:meth:`_advance`)."""
        s1, s2 = snaps[-2][0], snaps[-1][0]
        if not s2:
            return False
        d = s2[0] - s1[0]
        if d <= 0 or any(y - x != d for x, y in zip(s1, s2)):
            return False
        tm = self.timing
        lowest = min((tm.free[i] for i in plan.entries), default=0)
        externals = [int(self.env[v]) for v in plan.externals if v in self.env]
        if not plan.has_wait:
            externals.append(tm.ctl)
        return not any(x > lowest - d for x in externals)  # an outside token could still delay an operation

    def _advance(self, snaps: list[tuple[Any, ...]], k: int, carried: list[Any]) -> list[Any]:
        """Advance the remaining ``k`` iterations of a loop at a steady state (:meth:`_steady`) at once; returns
        the carried tokens after them."""
        (s1, b1, e1, l1, _), (s2, b2, e2, _, plan) = snaps[-2:]
        d = s2[0] - s1[0]
        db = [y - x for x, y in zip(b1, b2)]
        tm = self.timing
        for i in plan.slots:
            tm.free[i] += k * d
        if plan.has_wait:
            tm.ctl += k * d
        for i, x in enumerate(db):
            tm.busy[i] += k * x
        if tm.trace:
            last = tm.events[e1:e2]
            tm.events.extend((tr, lab, s + j * d, du) for j in range(1, k + 1) for tr, lab, s, du in last)
        for name, lt in tm.layers.items():  # layers active in the last iteration move with it
            end0, busy0 = l1.get(name, (None, [0] * len(ENGINES)))
            if lt.end != end0:
                lt.end += k * d
                lt.busy = [x + k * (x - y) for x, y in zip(lt.busy, busy0)]
        return [c + k * d for c in carried]

    # --- control-processor fallback -----------------------------------------------------------------------------
    def _resolve(self, op: Operation) -> Any:
        fn = super()._resolve(op)
        if op.name not in self.cp_names:
            return fn

        def on_cp(interp: Interpreter, o: Operation, args: list[Any]) -> Any:
            return self._cp_op(fn, o, args)

        self._impls[op.name] = on_cp
        return on_cp

    def _memref(self, b: Buf) -> Any:
        """The interpreter's view (:class:`mlir_py.interpreter.MemRef`) of a :class:`Buf`, sharing its bytes."""
        from mlir_py.interpreter import Buffer, MemRef

        flat = b.mem.flat(b.dtype)
        key = (id(b.mem), b.dtype)
        buf = self._cp_buffers.get(key)
        if buf is None or buf.data is not flat:
            buf = self._cp_buffers[key] = Buffer(flat, f"dsa {b.mem.name}")
        return MemRef(buf, b.base, b.shape, b.strides)

    def _cp_op(self, fn: Any, op: Operation, args: list[Any]) -> Any:
        """Run ``op`` on the control processor (the interpreter's ``fn``) and charge it (module docstring)."""
        args = [self._memref(a) if isinstance(a, Buf) else a for a in args]
        if self._in_cp or not _is_cp_op(op):
            return fn(self, op, args)
        self._in_cp = True
        try:
            res = fn(self, op, args)
        finally:
            self._in_cp = False
        self._charge_cp(op, args, res if isinstance(res, list) else [])
        return res

    def _charge_cp(self, op: Operation, args: list[Any], results: list[Any]) -> None:
        from mlir_py.interpreter import MemRef

        moved = {("dram", False): 0, ("dram", True): 0, ("sram", False): 0, ("sram", True): 0}
        elements = 0
        if op.name not in VIEW_OPS:
            shaped_results = any(isinstance(r, (np.ndarray, MemRef)) for r in results)
            written = set() if shaped_results else _written_positions(op)
            values = [(a, i in written) for i, a in enumerate(args)] + [(r, True) for r in results]
            for v, w in values:
                if isinstance(v, MemRef):
                    n, isz = int(np.prod(v.shape, dtype=np.int64)), v.buffer.data.itemsize
                    space = "sram" if v.buffer.kind == "dsa sram" else "dram"
                elif isinstance(v, np.ndarray) and v.ndim:
                    n, isz, space = v.size, v.itemsize, "dram"
                else:
                    continue
                if op.name in SCALAR_OPS:
                    n = 1
                elements += n
                moved[space, w] += n * isz
        dram = moved["dram", False] + moved["dram", True]
        cycles = max(1, elements * CP_CYCLES_PER_ELEMENT, -(-dram // self.target.dram_bytes_per_cycle))
        layer, carrier = layer_of(op)
        if layer and layer not in self.layer_locs and carrier is not None:
            self.layer_locs[layer] = loc_str(carrier)
        st = self.stats_for(layer)
        st.add("ops_cp", 1)
        st.add("cp_elements", elements)
        st.add("energy_cp_pj", elements * CP_PJ_PER_ELEMENT)
        st.add("dram_read_bytes", moved["dram", False])
        st.add("dram_write_bytes", moved["dram", True])
        st.add("energy_dram_pj", dram * DRAM_PJ_PER_BYTE)
        st.add("sram_read_bytes", moved["sram", False])
        st.add("sram_write_bytes", moved["sram", True])
        st.add("energy_sram_pj", (moved["sram", False] + moved["sram", True]) * SRAM_PJ_PER_BYTE)
        loc = loc_str(op)
        self.timing.control(f"{op.name} {loc}".strip(), cycles, layer)
        rec = self.fallback.get(op)
        if rec is None:
            rec = self.fallback[op] = {"op": op.name, "location": loc, "layer": layer, "count": 0, "cycles": 0,
                                       "elements": 0}
        rec["count"] += 1
        rec["cycles"] += cycles
        rec["elements"] += elements

    # --- entry ----------------------------------------------------------------------------------------------
    def run_kernel(self, fn: Operation, args: Sequence[Buf]) -> None:
        with np.errstate(all="ignore"):
            self.call_function(fn, list(args))


def _is_cp_op(op: Operation) -> bool:
    """Whether ``op`` is work for the control processor: not a dsa op, not index math or control flow, and some
    operand or result is a memref or tensor."""
    from mlir_py.attributes import ShapedType, UnrankedMemRefType, UnrankedTensorType

    if op.name.split(".", 1)[0] in ("func", "scf", "cf", "dsa", "builtin") or op.name == "memref.global":
        return False
    shaped = (ShapedType, UnrankedMemRefType, UnrankedTensorType)
    return any(isinstance(v.type, shaped) for v in (*op.operands, *op.results))


def _written_positions(op: Operation) -> set[int]:
    """Operand positions a destination-style op writes (its ``outputs``/``inits`` fields; ``memref.store``'s
    memref)."""
    if op.name == "memref.store":
        return {1}
    defs = getattr(op, "operand_defs", None)
    if not defs:
        return set()
    out: set[int] = set()
    pos = 0
    sizes = op.segment_sizes("operand", defs, op.num_operands)  # type: ignore[attr-defined]
    for d, n in zip(defs, sizes):
        if d.name in WRITTEN_FIELDS:
            out.update(range(pos, pos + n))
        pos += n
    return out


@dataclass
class KernelSignature:
    """The arguments of a kernel: which are inputs and which outputs (``dsa.output``), with their buffers'
    tensor types (the types of the runner's input and result arrays)."""

    inputs: list[int]
    outputs: list[int]
    arg_types: list[MemRefType]

    @property
    def function_type(self) -> FunctionType:
        def tensor(t: MemRefType) -> RankedTensorType:
            return RankedTensorType(t.shape, t.element_type)

        return FunctionType([tensor(self.arg_types[i]) for i in self.inputs],
                            [tensor(self.arg_types[i]) for i in self.outputs])


def kernel_signature(fn: Operation) -> KernelSignature:
    """Check that ``fn`` is a DSA program entry and describe its arguments. Errors (located at ``fn``): no
    ``dsa.kernel`` attribute, results, an argument that is not a static identity-layout memref in #dsa.dram of
    i8/i16/i32/f32."""
    name = symbol_name(fn)
    ft = function_type(fn)
    if "dsa.kernel" not in fn.attributes:
        raise SimError(f"'@{name}' is not a DSA kernel: mark the entry function with the 'dsa.kernel' attribute", fn,
                       prefix=False)
    assert ft is not None
    if ft.results:
        raise SimError(f"DSA kernel '@{name}' must not return values: write results to DRAM arguments marked "
                       "'dsa.output'", fn, prefix=False)
    arg_attrs = fn.properties.get("arg_attrs")
    inputs: list[int] = []
    outputs: list[int] = []
    types: list[MemRefType] = []
    for i, t in enumerate(ft.inputs):
        if not (isinstance(t, MemRefType) and dsa.space_of(t) == "dram" and t.has_static_shape and t.layout is None
                and t.element_type in dsa.ELEMENT_BYTES):
            raise SimError(f"argument #{i} of DSA kernel '@{name}' must be a static memref of i8, i16, i32 or f32 in "
                           f"#dsa.dram, got '{t}'", fn, prefix=False)
        types.append(t)
        a = arg_attrs[i] if isinstance(arg_attrs, ArrayAttr) else None
        is_out = isinstance(a, DictionaryAttr) and "dsa.output" in a.value
        (outputs if is_out else inputs).append(i)
    return KernelSignature(inputs, outputs, types)
