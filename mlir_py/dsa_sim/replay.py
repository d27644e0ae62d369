"""Timing of a batched loop nest without the interpreter: the nest's token flow compiled to a Python function.

Once :mod:`.batch` has executed a chunk of a nest's iterations, it knows every engine-op instance's footprints
(hence its race-detector entries) and durations (a masked DMA's depends on how much of its box is in bounds);
what is left for timing is the token flow — ``after(...)`` operands, ``scf.for`` iter_args, ``dsa.join`` and
``dsa.wait`` — and the in-order engine queues (:meth:`.simulator.Timing.schedule`). :class:`TimingProgram`
turns the nest's body into straight Python over integers: an engine op becomes one ``schedule`` call with the
next instance of its group, a join a ``max``, an inner loop a ``for`` over its trip count; the index math is not
re-evaluated. The instances are issued in exactly the interpreter's order with the same durations and race
entries, so cycles, busy counts, layer spans, traces and race diagnostics are those of tile-by-tile execution;
steady-state extrapolation of the outer loop (:meth:`.simulator.Simulator._steady`) applies as before.

A nest with an op this does not model (a token made by an op other than an engine op, ``dsa.join`` or
``scf.for``; loops nested deeper than Python allows) is timed by the interpreter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from dialects import dsa
from mlir_py.ir import Block, Operation, Value

if TYPE_CHECKING:
    from .batch import Group
    from .simulator import LoopPlan, Simulator


class NotCompilable(Exception):
    """The nest's token flow is not modelled here; the interpreter times it."""


class TimingProgram:
    """The token flow of one ``scf.for`` nest as a Python function of one outer iteration (see the module
    docstring): ``body(t, S, tm, N, P, E, *carried) -> yielded tokens``, where ``t`` is the iteration's index in
    the chunk, ``S(j, k, ready)`` issues instance ``k`` of engine op ``ops[j]``, ``N`` the trip counts of
    ``loops``, ``P`` the instances of each op per outer iteration and ``E`` the values of ``externals``."""

    def __init__(self, sim: Simulator, loop: Operation):
        self.ops: list[Operation] = []
        self.loops: list[Operation] = []
        self.externals: list[Value] = []
        self._names: dict[Value, str] = {}
        self._count = 0
        self._sim = sim
        lines: list[str] = []
        root = loop.regions[0].blocks[0]
        carried = [self._new(a) for a in root.args[1:]]
        ys = self._block(root, lines, "    ")
        head = [f"def body(t, S, tm, N, P, E{''.join(', ' + c for c in carried)}):"]
        if self.externals:
            head.append(f"    {''.join(self._names[v] + ', ' for v in self.externals)}= E")
        head += [f"    k{j} = t * P[{j}]" for j in range(len(self.ops))]
        src = "\n".join(head + lines + [f"    return ({''.join(y + ', ' for y in ys)})"]) + "\n"
        ns: dict[str, Any] = {}
        try:
            exec(compile(src, "<dsa timing program>", "exec"), ns)  # noqa: S102 - generated from the IR above
        except (SyntaxError, RecursionError) as e:  # too deeply nested for Python's compiler
            raise NotCompilable(str(e)) from None
        self.body: Callable[..., tuple[int, ...]] = ns["body"]
        self.source = src

    def _new(self, v: Value) -> str:
        n = self._names[v] = f"v{self._count}"
        self._count += 1
        return n

    def _name(self, v: Value) -> str:
        n = self._names.get(v)
        if n is None:  # a token from outside the nest
            n = self._names[v] = f"e{len(self.externals)}"
            self.externals.append(v)
        return n

    def _block(self, block: Block, lines: list[str], ind: str) -> list[str]:
        """Emit ``block``'s token flow; returns the names of its ``scf.yield`` operands."""
        for o in block.ops:
            name = o.name
            if name in dsa.ENGINE_OF:
                j = len(self.ops)
                self.ops.append(o)
                deps = [self._name(o.operands[p]) for p in self._sim.info(o).deps]
                ready = f"max(tm.ctl, {', '.join(deps)})" if deps else "tm.ctl"
                lines.append(f"{ind}{self._new(o.results[0])} = S({j}, k{j}, {ready}); k{j} += 1")
            elif name == "dsa.join":
                args = [self._name(v) for v in o.operands]
                value = f"max({', '.join(args)})" if len(args) > 1 else (args[0] if args else "0")
                lines.append(f"{ind}{self._new(o.results[0])} = {value}")
            elif name == "dsa.wait":
                if o.operands:
                    lines.append(f"{ind}tm.ctl = max(tm.ctl, {', '.join(self._name(v) for v in o.operands)})")
            elif name == "scf.for":
                i = len(self.loops)
                self.loops.append(o)
                body = o.regions[0].blocks[0]
                inits = [self._name(v) for v in o.operands[3:]]
                cs = [self._new(a) for a in body.args[1:]]
                if cs:
                    lines.append(f"{ind}{', '.join(cs)}, = {', '.join(inits)},")
                lines.append(f"{ind}for _ in range(N[{i}]):")
                ys = self._block(body, lines, ind + "    ")
                if cs:  # at once: a yield may permute the carried tokens
                    lines.append(f"{ind}    {', '.join(cs)}, = {', '.join(ys)},")
                lines.append(f"{ind}    pass")
                for r, c in zip(o.results, cs):  # the result is the carried value at the loop's exit
                    self._names[r] = c
            elif name == "scf.yield":
                return [self._name(v) for v in o.operands]
            elif any(isinstance(r.type, dsa.TokenType) for r in o.results):
                raise NotCompilable(f"'{name}' makes a token")
        return []


def _tables(sim: Simulator, prog: TimingProgram, groups: list[Group]) -> list[Any]:
    """Per engine op of ``prog``: (info, durations, whether they vary per instance, race entries per access)."""
    by_op = {g.op: g for g in groups}
    out: list[Any] = []
    races = sim.timing.races
    for o in prog.ops:
        g = by_op.get(o)
        if g is None:
            out.append(None)
            continue
        durs = g.info.all_durations(g.acc)
        rows = [(id(a.mem), a.base.tolist(), a.sig, a.write, a.role, None if a.active is None else a.active.tolist())
                for a in g.acc] if races else []
        out.append((g.info, durs, isinstance(durs, list), rows))
    return out


class LoopTimer:
    """Times a batched ``scf.for`` chunk by chunk as :mod:`.batch` executes it (:meth:`chunk`), extrapolating at
    a steady state like :meth:`.simulator.Simulator._loop`; :meth:`finish` gives the carried tokens."""

    def __init__(self, sim: Simulator, loop: Operation, plan: LoopPlan, prog: TimingProgram, carried: list[Any]):
        self.sim, self.loop, self.plan, self.prog = sim, loop, plan, prog
        self.carried = [int(c) for c in carried]
        self.snaps: list[tuple[Any, ...]] = []
        self.steady_at: int | None = None

    @staticmethod
    def make(sim: Simulator, loop: Operation, plan: LoopPlan, carried: list[Any]) -> LoopTimer | None:
        """A timer for ``loop``, or None when its token flow is not compilable (the interpreter times it)."""
        progs = sim.timing_programs
        if loop not in progs:
            try:
                progs[loop] = TimingProgram(sim, loop)
            except NotCompilable:
                progs[loop] = None
        prog = progs[loop]
        return None if prog is None else LoopTimer(sim, loop, plan, prog, carried)

    def chunk(self, groups: list[Group], trips: dict[Operation, int], t0: int, t1: int) -> None:
        """Issue the instances of iterations ``t0 <= t < t1`` (``groups``: their batch, ``trips``: the inner loops'
        trip counts)."""
        if self.steady_at is not None:
            return
        sim, prog = self.sim, self.prog
        tm = sim.timing
        tables = _tables(sim, prog, groups)
        schedule = tm.schedule
        races = tm.races

        def issue(j: int, k: int, ready: int) -> int:
            info, durs, varies, rows = tables[j]
            checks = [((m, bases[k], sig), w, role) for m, bases, sig, w, role, act in rows
                      if act is None or act[k]] if races else None
            return schedule(info, durs[k] if varies else durs, ready, checks)

        n = t1 - t0
        sizes = {g.op: g.n for g in groups}
        counts = [sizes.get(o, 0) // n for o in prog.ops]
        loops = [trips.get(o, 0) for o in prog.loops]
        ext = [int(sim.env[v]) for v in prog.externals]
        body = prog.body
        extrapolate = self.plan.extrapolatable
        carried = self.carried
        for t in range(t0, t1):
            if extrapolate:
                self.snaps.append(sim._snapshot(self.plan, carried))
                del self.snaps[:-2]  # only the last two are compared
                if len(self.snaps) >= 2 and sim._steady(self.plan, self.snaps):
                    self.steady_at = t
                    break
            carried = list(body(t - t0, issue, tm, loops, counts, ext, *carried))
        self.carried = carried

    def finish(self, done: int) -> list[Any]:
        """The carried tokens after the first ``done`` iterations (all of them timed or extrapolated)."""
        if self.steady_at is None:
            return self.carried
        return self.sim._advance(self.snaps, done - self.steady_at, self.carried)
