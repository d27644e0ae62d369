"""Batched execution of an ``scf.for`` nest's data effects: every op over all its iterations in a few numpy calls,
with exactly the results of running the nest iteration by iteration.

1. **Enumerate** (:func:`_enumerate`): the nest's index math is evaluated on arrays — an induction variable is
   ``arange(trips)`` along its own axis, so a value inside ``d`` loops is an array broadcast over ``d`` axes —
   giving, for every dsa engine op, its operands for each of its instances and each instance's position in
   sequential program order (``seq``, from the loop trip counts and op positions). Inner trip counts must not
   depend on outer iterations.
2. **Dependences**: on every memory the nest writes, each instance's footprint becomes a *tile* (equal footprint
   ⇔ same tile). Each read instance is matched to the last write of its tile earlier in program order (a sort
   and a binary search), or to the memory as it was before the nest. Tiles that share bytes with another tile
   (found by stamping tile ids into a scratch array: a 16×16 tile filled by 16 row loads) are matched element by
   element instead, each element read to the last write of its address.
3. **Execute** the ops in a topological order of those producer→consumer edges (loop distribution: legal because
   every value is read from the exact instance that produced it, whatever the order). An op reading its own
   earlier results (an accumulation chain) runs in *waves*: instances whose producers are all done.
4. **Commit** the last write of every tile to memory, and count the work (bytes, MACs, energy) of all instances.

Anything else returns "not done" and the caller runs the nest tile by tile: a cycle between two ops (loop
distribution would be illegal), an op reading part of a tile it wrote itself, partially overlapping tiles of
different element types, non-uniform inner trip counts. After each chunk the caller times it (:mod:`.replay`). The nest is
processed in chunks of outer iterations so that no array grows beyond about :data:`CHUNK_ELEMENTS` elements.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from dialects import dsa
from mlir_py.ir import Block, Operation

from .machine import Access, SimError
from .ops import OpInfo

if TYPE_CHECKING:
    from .simulator import Simulator

#: elements (all instances, all tile operands) processed per chunk
CHUNK_ELEMENTS = 1 << 24
_TOKEN = object()
#: writes the last write of every tile of one memory back to it, given the writers (group, access position)
Commit = Callable[[list[tuple["Group", int]]], None]
#: called after each executed chunk with its groups, the inner loops' trip counts and its iterations [t0, t1)
OnChunk = Callable[[list["Group"], dict[Operation, int], int, int], None]


class _Fallback(Exception):
    """The nest cannot be batched (the reason is for debugging); run it tile by tile."""


class Group:
    """All instances of one engine op in a chunk."""

    __slots__ = ("op", "info", "args", "n", "shape", "seq", "acc", "flags", "outputs", "reads", "writes", "index",
                 "depth", "root", "prev")

    def __init__(self, op: Operation, info: OpInfo, index: int):
        self.op, self.info, self.index = op, info, index
        self.args: list[Any] = []
        self.n = 0
        #: the loop-nest shape of the instances (their number is its product)
        self.shape: tuple[int, ...] = ()
        self.seq = np.zeros(0, dtype=np.int64)
        self.acc: list[Access] = []
        self.flags: np.ndarray | None = None
        #: per write access (by position in acc): the produced data, (n, *shape)
        self.outputs: dict[int, np.ndarray] = {}
        #: per read access position: (writer ids (n,), writer instance (n,)), per element sources, or None (memory
        #: the nest does not write)
        self.reads: dict[int, tuple[np.ndarray, np.ndarray] | ElementSources | None] = {}
        self.writes: dict[int, int] = {}  # access position -> global writer id
        #: waves: the length of the chain of own instances feeding each instance, and the chain's first instance
        self.depth: np.ndarray | None = None
        self.root: np.ndarray | None = None
        self.prev: np.ndarray | None = None


def run_batched(sim: Simulator, loop: Operation, lb: int, step: int, trips: int,
                on_chunk: OnChunk | None = None) -> int:
    """Execute the data effects of the first iterations of ``loop``; returns how many (0: none, run it tile by
    tile; ``trips``: all). After each chunk of iterations ``t0 <= t < t1``, ``on_chunk(groups, inner trip counts,
    t0, t1)`` (the timing: :mod:`.replay`). Runtime errors (an out-of-bounds box) are raised as located
    diagnostics."""
    done = 0
    per_iter = 0
    while done < trips:
        chunk = 1 if per_iter == 0 else max(1, min(trips - done, CHUNK_ELEMENTS // max(per_iter, 1)))
        try:
            elements, groups, inner = _run_chunk(sim, loop, lb, step, done, done + chunk)
        except _Fallback:
            return done
        if on_chunk is not None:
            on_chunk(groups, inner, done, done + chunk)
        per_iter = max(1, elements // chunk)
        done += chunk
    return done


# ---------------------------------------------------------------------------------------------------------------
# 1. enumeration
# ---------------------------------------------------------------------------------------------------------------


def _uniform(x: Any) -> int:
    a = np.asarray(x)
    if a.ndim and a.size and not (a == a.flat[0]).all():
        raise _Fallback("inner loop bounds vary with outer iterations")
    return int(a.flat[0]) if a.ndim else int(a)


def _enumerate(sim: Simulator, loop: Operation, lb: int, step: int, t0: int, t1: int
               ) -> tuple[list[Group], dict[Operation, int]]:
    values: dict[Any, Any] = {}
    inner: dict[Operation, int] = {}
    env = sim.env
    groups: dict[Operation, Group] = {}

    def get(v: Any, depth: int) -> Any:
        x = values[v] if v in values else env[v]
        if isinstance(x, np.ndarray) and 0 < x.ndim < depth + 1:
            x = x.reshape(x.shape + (1,) * (depth + 1 - x.ndim))
        return x

    def walk(block: Block, depth: int, shape: tuple[int, ...]) -> list[Any]:
        items: list[Any] = []
        for o in block.ops:
            name = o.name
            if name == "scf.yield" or name == "dsa.wait":
                continue
            if name == "scf.for":
                lo, hi, st = (_uniform(get(v, depth)) for v in o.operands[:3])
                if st <= 0:
                    raise _Fallback("non-positive step")
                n = inner[o] = len(range(lo, hi, st))
                body = o.regions[0].blocks[0]
                values[body.args[0]] = (lo + st * np.arange(n, dtype=np.int64)).reshape((1,) * (depth + 1) + (n,))
                for a in body.args[1:]:
                    values[a] = _TOKEN
                for r in o.results:
                    values[r] = _TOKEN
                items.append(("loop", n, walk(body, depth + 1, (*shape, n))))
            elif name in dsa.ENGINE_OF:
                g = groups.get(o)
                if g is None:
                    g = groups[o] = Group(o, sim.info(o), len(groups))
                size = int(np.prod(shape, dtype=np.int64))
                args = []
                for v in o.operands:
                    x = get(v, depth)
                    if isinstance(x, (np.ndarray, np.generic, int, bool)) and x is not _TOKEN:
                        x = np.broadcast_to(x, shape).reshape(-1)
                    args.append(x)
                g.args, g.n, g.shape = args, size, shape
                values[o.results[0]] = _TOKEN
                items.append(("op", g))
            elif name == "dsa.join":
                values[o.results[0]] = _TOKEN
            elif name == "dsa.buffer":
                values[o.results[0]] = sim.buffer(o)
            else:
                fn = sim._impls.get(name) or sim._resolve(o)
                res = fn(sim, o, [get(v, depth) for v in o.operands])
                for r, x in zip(o.results, res):  # type: ignore[arg-type]
                    values[r] = x
        return items

    root = loop.regions[0].blocks[0]
    n0 = t1 - t0
    values[root.args[0]] = lb + step * np.arange(t0, t1, dtype=np.int64)
    for a in root.args[1:]:
        values[a] = _TOKEN
    items = walk(root, 0, (n0,))

    def size(items: list[Any]) -> int:
        return sum(1 if it[0] == "op" else it[1] * size(it[2]) for it in items)

    def number(items: list[Any], base: np.ndarray, depth: int, shape: tuple[int, ...]) -> None:
        off = 0
        for it in items:
            if it[0] == "op":
                it[1].seq = np.broadcast_to(base + off, shape).reshape(-1)
                off += 1
            else:
                n, sub = it[1], it[2]
                s = size(sub)
                t = np.arange(n, dtype=np.int64).reshape((1,) * (depth + 1) + (n,))
                number(sub, base[..., None] + off + t * s, depth + 1, (*shape, n))
                off += n * s

    number(items, np.arange(n0, dtype=np.int64) * size(items), 0, (n0,))
    return list(groups.values()), inner


# ---------------------------------------------------------------------------------------------------------------
# 2.-4. dependences, execution, commit
# ---------------------------------------------------------------------------------------------------------------


def _run_chunk(sim: Simulator, loop: Operation, lb: int, step: int, t0: int, t1: int
               ) -> tuple[int, list[Group], dict[Operation, int]]:
    groups, inner = _enumerate(sim, loop, lb, step, t0, t1)
    elements = 0
    for g in groups:
        g.acc = g.info.accesses(g.args, g.n)
        g.flags = g.info.flags(g.args, g.n)
        elements += g.n * sum(len(a.pattern) for a in g.acc)
        for a in g.acc:
            if a.write and a.mem.readonly:
                raise SimError(f"writes '{a.role}' into read-only memory {a.mem.name}", g.op)
    written = {id(a.mem): a.mem for g in groups for a in g.acc if a.write}
    writers: list[tuple[Group, int]] = []  # global writer id -> (group, access position)
    for g in groups:
        for p, a in enumerate(g.acc):
            if a.write:
                g.writes[p] = len(writers)
                writers.append((g, p))
                g.outputs[p] = np.empty((g.n, *a.shape), dtype=a.dtype)  # filled by _execute
            elif id(a.mem) not in written:
                g.reads[p] = None
    commits = [_dependences(groups, mem_id, writers) for mem_id in written]
    order = _topological(groups, writers)
    for g in order:
        _execute(g, writers)
    for commit in commits:
        commit(writers)
    for g in groups:
        g.info.record(sim.stats_for(g.info.layer), g.acc, g.flags)
    return elements, groups, inner


def _dependences(groups: list[Group], mem_id: int, writers: list[tuple[Group, int]]) -> Commit:
    """Resolve the reads of memory ``mem_id`` to their producers (whole tiles when the footprints are equal or
    disjoint, else element by element: :func:`_element_dependences`); returns the commit of the last write of each
    tile."""
    accs = [(g, p, a) for g in groups for p, a in enumerate(g.acc) if id(a.mem) == mem_id]
    # a tile is (footprint shape, base, mask): equal tiles have equal footprints
    sigs: dict[Any, int] = {}
    cols, masked = [], []
    for i, (_, _, a) in enumerate(accs):
        sid = sigs.setdefault(a.sig, len(sigs))
        if a.base.size and (a.base.min() < 0 or a.base.max() >= 1 << 40):
            raise _Fallback("address out of range")
        cols.append(a.base + (sid << 40))
        if a.mask is not None:
            masked.append((i, np.packbits(a.mask, axis=1)))
    bounds = np.cumsum([0] + [len(c) for c in cols])
    key = np.concatenate(cols)
    if masked:
        classes = np.full(len(key), -1, dtype=np.int64)
        width = max(r.shape[1] for _, r in masked)
        packed = np.concatenate([np.pad(r, ((0, 0), (0, width - r.shape[1]))) for _, r in masked])
        inv = np.unique(packed, axis=0, return_inverse=True)[1].reshape(-1)
        pos = 0
        for i, r in masked:
            classes[bounds[i]:bounds[i] + len(r)] = inv[pos:pos + len(r)]
            pos += len(r)
        _, first, inverse = np.unique(np.stack([key, classes], axis=1), axis=0, return_index=True,
                                      return_inverse=True)
    else:
        _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    tile_of = [inverse[bounds[i]:bounds[i + 1]] for i in range(len(accs))]
    # distinct tiles must not share a byte: stamp each tile's id on its footprint, read the stamps back
    owner = np.searchsorted(bounds, first, side="right") - 1
    itemsizes = {a.dtype.itemsize for _, _, a in accs}
    unit = itemsizes.pop() if len(itemsizes) == 1 else 1
    mem = accs[0][2].mem
    spans = []
    for i, (_, _, a) in enumerate(accs):
        mine = np.flatnonzero(owner == i)
        if not len(mine):
            continue
        inst = first[mine] - bounds[i]
        idx = a.indices(inst)
        valid = np.ones(idx.shape, dtype=bool) if a.mask is None else a.mask[inst]
        scale = a.dtype.itemsize // unit
        if scale > 1:
            idx = (idx * scale)[..., None] + np.arange(scale)
            valid = np.repeat(valid[..., None], scale, axis=2)
        tiles = np.broadcast_to(mine.reshape((-1,) + (1,) * (idx.ndim - 1)), idx.shape)
        spans.append((idx[valid], tiles[valid]))
    all_idx = np.concatenate([s[0] for s in spans])
    all_tile = np.concatenate([s[1] for s in spans])
    stamp = np.full(len(mem.data) // unit, -1, dtype=np.int32)
    stamp[all_idx] = all_tile
    back = stamp[all_idx]
    lost = back != all_tile
    conflict: np.ndarray | None = None
    if lost.any():  # the tiles sharing a byte with another tile: resolved element by element below
        conflict = np.zeros(len(first), dtype=bool)
        conflict[all_tile[lost]] = True
        conflict[back[lost]] = True
    # writes and reads of every tile in program order (a read at seq s precedes the write of the same instance)
    w_tile, w_key, w_id, w_inst, r_list = [], [], [], [], []
    for i, (g, p, a) in enumerate(accs):
        if a.write:
            w_tile.append(tile_of[i])
            w_key.append(2 * g.seq + 1)
            w_id.append(np.full(g.n, g.writes[p], dtype=np.int64))
            w_inst.append(np.arange(g.n, dtype=np.int64))
        else:
            r_list.append((g, p, tile_of[i], 2 * g.seq))
    wt, wk = np.concatenate(w_tile), np.concatenate(w_key)
    span = 2 * max(int(g.seq.max()) for g, _, _ in accs) + 3  # keys of one tile stay below the next tile's
    wkeys = wt * span + wk
    order = np.argsort(wkeys, kind="stable")
    wkeys, wt = wkeys[order], wt[order]
    wid, winst = np.concatenate(w_id)[order], np.concatenate(w_inst)[order]
    for g, p, tiles, rk in r_list:
        at = np.searchsorted(wkeys, tiles * span + rk) - 1
        ok = (at >= 0) & (wt[np.maximum(at, 0)] == tiles)
        if g.acc[p].active is not None:
            ok &= g.acc[p].active
        at = np.maximum(at, 0)
        g.reads[p] = (np.where(ok, wid[at], -1), np.where(ok, winst[at], 0))
    last = np.append(wt[1:] != wt[:-1], True)
    elements: Commit | None = None
    if conflict is not None:
        elements = _element_dependences(accs, tile_of, conflict, writers)
        last &= ~conflict[wt]
    fwid, finst = wid[last], winst[last]

    def commit(writers: list[tuple[Group, int]]) -> None:
        for w in np.unique(fwid):
            g, p = writers[int(w)]
            sel = finst[fwid == w]
            g.acc[p].scatter(np.take(g.outputs[p], sel, axis=0), sel)
        if elements is not None:
            elements(writers)

    return commit


class ElementSources:
    """Where each element of a read access comes from when tiles partially overlap: ``wid[i, e]`` the writer id
    (-1: memory as before the nest, or a masked-out element) and ``pos[i, e]`` the element's index in that
    writer's flattened outputs (instance · tile size + element)."""

    __slots__ = ("wid", "pos")

    def __init__(self, wid: np.ndarray, pos: np.ndarray):
        self.wid, self.pos = wid, pos


def _whole_tiles(src: ElementSources, writers: list[tuple[Group, int]]
                 ) -> ElementSources | tuple[np.ndarray, np.ndarray]:
    """``src`` as whole-tile sources (writer ids, instances) when every instance reads one whole tile that one
    instance wrote (or only memory): an accumulator read after its write, say, even though other tiles of the
    memory overlap partially; else ``src``."""
    wid, pos = src.wid, src.pos
    if not wid.size or not (wid == wid[:, :1]).all():
        return src
    w = wid[:, 0]
    winst = np.zeros(len(w), dtype=np.int64)
    e = wid.shape[1]
    for x in np.unique(w[w >= 0]):
        g, p = writers[int(x)]
        if g.acc[p].pattern.size != e:
            return src
        m = w == x
        winst[m] = pos[m, 0] // e
        if not (pos[m] == winst[m, None] * e + np.arange(e)).all():
            return src
    return w, winst


def _element_dependences(accs: list[tuple[Group, int, Access]], tile_of: list[np.ndarray], conflict: np.ndarray,
                         writers: list[tuple[Group, int]]) -> Commit:
    """The part of :func:`_dependences` for the ``conflict`` tiles (those sharing bytes with another tile: a 16×16
    tile read after 16 row loads into it): every element they read is matched to the last write of its address
    earlier in program order, overriding the whole-tile sources of those instances; returns the commit of the
    last write of each of their addresses. Needs one element type on the memory; an op reading parts of its own
    earlier results runs tile by tile (:func:`_topological`)."""
    dtypes = {a.dtype for _, _, a in accs}
    if len(dtypes) != 1:
        raise _Fallback("partially overlapping tiles of different element types")
    span = 2 * max(int(g.seq.max()) for g, _, _ in accs) + 3
    mem_len = len(accs[0][2].mem.flat(accs[0][2].dtype))
    if mem_len * span >= 1 << 62:
        raise _Fallback("too many elements and instances to order")

    def elements(a: Access, inst: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        idx = a.indices(inst)
        valid = np.ones(idx.shape, dtype=bool) if a.mask is None else a.mask[inst]
        return idx, valid

    w_addr, w_key, w_id, w_pos = [], [], [], []
    for i, (g, p, a) in enumerate(accs):
        inst = np.flatnonzero(conflict[tile_of[i]])
        if a.write and len(inst):
            idx, valid = elements(a, inst)
            e = idx.shape[1]
            w_addr.append(idx[valid])
            w_key.append(np.broadcast_to((2 * g.seq[inst] + 1)[:, None], idx.shape)[valid])
            w_id.append(np.full(int(valid.sum()), g.writes[p], dtype=np.int64))
            w_pos.append((inst[:, None] * e + np.arange(e))[valid])
    if not w_addr:  # only reads overlap: nothing writes their bytes, the whole-tile sources (memory) hold
        return lambda writers: None
    addr = np.concatenate(w_addr)
    wkeys = addr * span + np.concatenate(w_key)
    order = np.argsort(wkeys, kind="stable")
    wkeys, addr = wkeys[order], addr[order]
    wid, wpos = np.concatenate(w_id)[order], np.concatenate(w_pos)[order]
    for i, (g, p, a) in enumerate(accs):
        inst = np.flatnonzero(conflict[tile_of[i]])
        if a.write or not len(inst):
            continue
        idx, valid = elements(a, inst)
        at = np.searchsorted(wkeys, idx * span + (2 * g.seq[inst])[:, None]) - 1
        ok = valid & (at >= 0) & (addr[np.maximum(at, 0)] == idx)
        if a.active is not None:
            ok &= a.active[inst, None]
        at = np.maximum(at, 0)
        tw, ti = g.reads[p]  # type: ignore[misc]  # the whole-tile sources of every instance
        e = len(a.pattern)
        src = ElementSources(np.repeat(tw[:, None], e, axis=1), ti[:, None] * e + np.arange(e))
        src.wid[inst] = np.where(ok, wid[at], -1)
        src.pos[inst] = np.where(ok, wpos[at], 0)
        g.reads[p] = _whole_tiles(src, writers)
    last = np.append(addr[1:] != addr[:-1], True)
    faddr, fwid, fpos = addr[last], wid[last], wpos[last]

    def commit(writers: list[tuple[Group, int]]) -> None:
        for w in np.unique(fwid):
            g, p = writers[int(w)]
            m = fwid == w
            a = g.acc[p]
            a.mem.flat(a.dtype)[faddr[m]] = g.outputs[p].reshape(-1)[fpos[m]]

    return commit


def _topological(groups: list[Group], writers: list[tuple[Group, int]]) -> list[Group]:
    """Groups in an order where every producer precedes its consumers; self-dependent groups get waves."""
    preds: dict[int, set[int]] = {g.index: set() for g in groups}
    for g in groups:
        self_src = []
        for _p, r in g.reads.items():
            if r is None:
                continue
            if isinstance(r, ElementSources):
                for w in np.unique(r.wid[r.wid >= 0]):
                    src = writers[int(w)][0]
                    if src is g:
                        raise _Fallback("an op reading parts of its own earlier results")
                    preds[g.index].add(src.index)
                continue
            wid, winst = r
            ws = np.unique(wid[wid >= 0])
            for w in ws:
                src = writers[int(w)][0]
                if src is g:
                    self_src.append((wid == w, winst))
                else:
                    preds[g.index].add(src.index)
        if len(self_src) == 1:  # a forest of chains: list ranking by pointer jumping
            mask, inst = self_src[0]
            ident = np.arange(g.n, dtype=np.int64)
            nxt = np.where(mask, inst, ident)
            g.prev = np.where(mask, inst, -1)
            depth = (nxt != ident).astype(np.int64)
            while True:
                jump = nxt[nxt]
                if np.array_equal(jump, nxt):
                    break
                depth = depth + depth[nxt]
                nxt = jump
            g.root = nxt
        elif self_src:
            depth = np.zeros(g.n, dtype=np.int64)
            for _ in range(g.n + 1):
                new = np.zeros(g.n, dtype=np.int64)
                for mask, inst in self_src:
                    new = np.maximum(new, np.where(mask, depth[inst] + 1, 0))
                if np.array_equal(new, depth):
                    break
                depth = new
        if self_src:
            g.depth = depth
    order: list[Group] = []
    done: set[int] = set()
    remaining = list(groups)
    while remaining:
        ready = [g for g in remaining if preds[g.index] <= done]
        if not ready:
            raise _Fallback("a dependence cycle between ops")
        for g in ready:
            order.append(g)
            done.add(g.index)
        remaining = [g for g in remaining if g.index not in done]
    return order


def _execute(g: Group, writers: list[tuple[Group, int]]) -> None:
    """Run every instance of ``g``: at once, or wave by wave when it reads its own results (then an op with
    ``staged`` inputs does the rest of its work for all instances first)."""
    info = g.info
    if g.depth is None:
        _store(g, None, info.compute(_inputs(g, None, writers), g.flags, g.n))
        return
    if info.staged:
        pre = info.prepare(_inputs(g, None, writers, exclude=info.staged, dedupe=True), g.n)  # type: ignore
        d = len(g.shape)  # the inputs broadcast over the loop nest: make each result (n, *tile)
        pre = {k: (v if v.shape[:d] == g.shape else np.array(np.broadcast_to(v, g.shape + v.shape[d:])))
               .reshape((g.n, *v.shape[d:])) for k, v in pre.items()}
        if _chains(g, pre, writers):
            return
        waves = [np.flatnonzero(g.depth == w) for w in range(int(g.depth.max()) + 1)]
        for sel in waves:
            flags = None if g.flags is None else g.flags[sel]
            outs = info.finish({k: np.take(v, sel, axis=0) for k, v in pre.items()},  # type: ignore[attr-defined]
                               _inputs(g, sel, writers, only=info.staged), flags)
            _store(g, sel, outs)
        return
    for w in range(int(g.depth.max()) + 1):
        sel = np.flatnonzero(g.depth == w)
        flags = None if g.flags is None else g.flags[sel]
        _store(g, sel, info.compute(_inputs(g, sel, writers), flags, len(sel)))


def _chains(g: Group, pre: dict[str, np.ndarray], writers: list[tuple[Group, int]]) -> bool:
    """Accumulation chains of equal length in one numpy accumulate (exactly the sequential sums: ``accumulate``
    adds in order, in the accumulator's type) when every non-first instance accumulates and the op keeps the raw
    sum; otherwise False (the caller runs waves)."""
    info = g.info
    if not getattr(info, "chainable", False) or g.flags is None or g.root is None or g.depth is None:
        return False
    first = g.depth == 0
    if not g.flags[~first].all():
        return False
    length = int(g.depth.max()) + 1
    chains = int(first.sum())
    if chains * length != g.n:
        return False
    p = pre["p"]
    tile = p.shape[1:]
    ax = _chain_axis(g)
    if ax is not None:  # the chains run along one loop of the nest: accumulate along that axis, in place
        sums = p.reshape(g.shape + tile)  # the products are ours: sum in place
        roots = np.arange(g.n, dtype=np.int64).reshape(g.shape).take(0, axis=ax).reshape(-1)
        first_slice = (slice(None),) * ax + (0,)
        start = g.flags[roots]
        if start.any():  # chains continuing a sum made before them
            acc0 = _inputs(g, roots[start], writers, only=info.staged)["acc"]
            view = sums[first_slice].reshape((-1, *tile))
            view[start] = acc0 + view[start]
            sums[first_slice] = view.reshape(sums[first_slice].shape)
        _running_sum(np.moveaxis(sums, ax, 0))
        s = sums.reshape(p.shape)
    else:
        order = np.lexsort((g.depth, g.root))
        sums = np.take(p, order, axis=0).reshape(chains, length, *tile)
        roots = order.reshape(chains, length)[:, 0]
        start = g.flags[roots]
        if start.any():
            acc0 = _inputs(g, roots[start], writers, only=info.staged)["acc"]
            sums[start, 0] = acc0 + sums[start, 0]
        _running_sum(np.moveaxis(sums, 1, 0))
        sums = sums.reshape(p.shape)
        s = np.empty_like(sums)
        s[order] = sums
    _store(g, None, info.finish_sums(s, pre))  # type: ignore[attr-defined]
    return True


def _running_sum(v: np.ndarray) -> None:
    """``v[k] += v[k - 1]`` in order along the first axis, in place, in ``v``'s type: the sequential sums of the
    accumulation chains (``numpy.add.accumulate`` gives the same values but is much slower along a middle axis)."""
    for k in range(1, len(v)):
        np.add(v[k - 1], v[k], out=v[k])


def _chain_axis(g: Group) -> int | None:
    """The loop axis along which every chain of ``g`` runs (each instance fed by its neighbour before it on
    that axis, chains starting at 0), if any."""
    assert g.depth is not None and g.prev is not None
    depth = g.depth.reshape(g.shape)
    ident = np.arange(g.n, dtype=np.int64).reshape(g.shape)
    for ax, size in enumerate(g.shape):
        if size < 2:
            continue
        coord = np.arange(size).reshape((size,) + (1,) * (len(g.shape) - ax - 1))
        if (depth == coord).all():
            stride = int(np.prod(g.shape[ax + 1:], dtype=np.int64))
            expect = np.where(depth > 0, ident - stride, -1).reshape(-1)
            if np.array_equal(expect, g.prev):
                return ax
    return None


def _store(g: Group, sel: np.ndarray | None, outs: dict[str, np.ndarray]) -> None:
    for p, a in enumerate(g.acc):
        if a.write:
            if sel is None:
                g.outputs[p] = np.ascontiguousarray(outs[a.role], dtype=a.dtype).reshape(g.outputs[p].shape)
            else:
                g.outputs[p][sel] = outs[a.role]


def _representatives(key: np.ndarray, shape: tuple[int, ...]) -> tuple[np.ndarray, tuple[int, ...]]:
    """``key`` (one per instance, e.g. a source address) over the loop nest ``shape``: the loop axes along which
    it does not change are reduced to size 1; returns (one instance per remaining position, the reduced shape,
    which broadcasts to ``shape``)."""
    k = key.reshape(shape)
    inst = np.arange(key.size, dtype=np.int64).reshape(shape)
    for ax in range(len(shape)):
        if k.shape[ax] > 1 and (k == k.take([0], axis=ax)).all():
            k, inst = k.take([0], axis=ax), inst.take([0], axis=ax)
    return inst.reshape(-1), inst.shape


def _inputs(g: Group, sel: np.ndarray | None, writers: list[tuple[Group, int]], only: tuple[str, ...] | None = None,
            exclude: tuple[str, ...] = (), dedupe: bool = False) -> dict[str, np.ndarray]:
    """The read operands of instances ``sel`` (all by default), each from the instance that wrote it in program
    order, or from memory. ``dedupe`` (all instances): each distinct source is fetched once, for the instances
    along the loops it does not depend on (an A tile reused across a loop over B tiles), and every array has the
    shape ``(*loop-nest shape, *tile)`` with size 1 along those loops, broadcasting over them (no copies)."""
    n = g.n if sel is None else len(sel)
    inputs: dict[str, np.ndarray] = {}
    for p, a in enumerate(g.acc):
        if a.write or a.role in exclude or (only is not None and a.role not in only):
            continue
        r = g.reads.get(p)
        if dedupe and a.mask is None and not isinstance(r, ElementSources):
            # one gather per distinct source: instances along loops the source does not depend on share it
            key = a.base if r is None else np.where(r[0] >= 0, (r[0] << 40) + r[1], a.base)
            rep, kept = _representatives(key, g.shape)
            data = a.gather(rep) if r is None else _versions(g, a, r, rep, len(rep), writers)
            inputs[a.role] = data.reshape(kept + a.shape)
            continue
        x = a.gather(sel) if r is None else _versions(g, a, r, sel, n, writers)
        inputs[a.role] = x.reshape(g.shape + a.shape) if dedupe else x
    return inputs


def _versions(g: Group, a: Access, r: tuple[np.ndarray, np.ndarray] | ElementSources, sel: np.ndarray | None,
              n: int, writers: list[tuple[Group, int]]) -> np.ndarray:
    """The data access ``a`` reads for instances ``sel``: what its producers wrote (``r``: writer ids and
    instances, -1 for memory; or the same per element)."""
    if isinstance(r, ElementSources):
        data = a.gather(sel)
        flat = data.reshape(n, -1)
        ewid, epos = (r.wid, r.pos) if sel is None else (r.wid[sel], r.pos[sel])
        for w in np.unique(ewid[ewid >= 0]):
            m = ewid == w
            wg, wp = writers[int(w)]
            flat[m] = wg.outputs[wp].reshape(-1)[epos[m]]
        return data
    wid, winst = (r[0], r[1]) if sel is None else (r[0][sel], r[1][sel])
    w0 = int(wid[0])
    if (wid == w0).all():  # one producer (or none) for all: one gather
        if w0 < 0:
            return a.gather(sel)
        wg, wp = writers[w0]
        data = np.take(wg.outputs[wp], winst, axis=0)
    else:
        init = wid < 0
        data = np.empty((n, *a.shape), dtype=a.dtype)
        if init.any():
            data[init] = a.gather(np.flatnonzero(init) if sel is None else sel[init])
        for w in np.unique(wid[~init]):
            m = wid == w
            wg, wp = writers[int(w)]
            data[m] = np.take(wg.outputs[wp], winst[m], axis=0)
    if a.mask is not None:
        data.reshape(n, -1)[~(a.mask if sel is None else a.mask[sel])] = 0
    return data
