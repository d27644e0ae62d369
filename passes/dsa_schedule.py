"""``dsa-schedule``: stage 5 of ``--lower-to-dsa`` — software pipelining of the DSA tile loops (DMA of the next
tiles overlapping the compute of the current ones, stores overlapping the next block), by double buffering.

``dsa-bufferize`` writes every layer as a *sequential* program: one SRAM buffer per streamed tile role, and a
loop-carried ``!dsa.token`` chain so that iteration i of a tile loop starts only after iteration i−1 is done (its
DMA loads wait for the primitives that read the previous tiles, its primitives wait for the stores that read the
previous output block). It also writes the *schedule* the way the clients of MLIR's ``scf::pipelineForLoop``
(mlir/lib/Dialect/SCF/Transforms/LoopPipelining.cpp) supply it, as a decision this pass carries out: a tile
loop that may be pipelined carries ``dsa.pipeline = "name"``, and each buffer whose contents do not live from
one iteration of that loop to the next carries ``dsa.rotate = "name"``.

The transformation is the two-stage modulo schedule of software pipelining (M. Lam, "Software pipelining: an
effective scheduling technique for VLIW machines", PLDI 1988) with *modulo variable expansion*: each rotated
buffer ``memref<S>`` becomes ``memref<2xS>`` and iteration i uses half ``i mod 2`` (every tile operand
``%buf[idx]`` becomes ``%buf[%slot, idx]``, ``%slot = arith.remui %iv, %c2``), so consecutive iterations no
longer share those buffers; then every loop-carried token that only protected them is *retimed* from distance
1 to distance 2: the loop carries ``(%t1, %t2)`` = the tokens of iterations i−1 and i−2 (``scf.yield %new,
%t1``), the ops that waited on ``%t`` now wait on ``%t2``, and the loop's result becomes ``dsa.join`` of both.
With the engines running concurrently (docs/dsa.md, "Timing"), the DMA loads of tile i+1 are issued and run
while the matrix unit computes tile i, and the stores of output block b run while block b+1 computes.

Each engine takes its operations in issue order, so when the rest of an iteration also uses the DMA engine (a
store after the compute: elementwise chunks, max-pooling bands) the loads of iteration i+1 must also be
*issued* before the compute and store of iteration i: stage 0 (the leading ``dsa.dma_load`` ops, or loops of
them, that fill rotated buffers and wait only on distance-2 tokens) is moved one iteration ahead, as
``scf::pipelineForLoop`` (the upstream analogue) does — a prologue (stage 0 of iteration 0), the steady state
(stage 0 of i+1, then stage 1 of i; the load tokens are carried to the next iteration) over T−1 iterations, and
an epilogue (stage 1 of iteration T−1). The IR grows by one copy of the loop body, not with the number of
tiles, and the simulator's batched execution runs the loop whole. (The K loop of a matmul needs no such shift:
its primitives run on another engine than its loads.)

Legality: a carried token ``%t`` is retimed only if no op it orders conflicts with an op of the previous
iteration outside the rotated buffers: for each engine op ``p`` whose completion the yielded token signals
(through ``dsa.join`` and nested loops) and each engine op ``c`` that waits on ``%t`` (directly or through
tokens produced after it in the iteration), every buffer both access with at least one write must be rotated
over this loop, or ``p`` and ``c`` run on the same engine (each engine takes its ops in issue order). Tokens that
fail stay at distance 1 (e.g. the matmul's K-step chain at the block level, because the A/B tiles rotate over
the K loop, not over the blocks). A loop with nothing to retime, a non-zero lower bound or a non-unit step is
left sequential (a remark with ``remarks``). The simulator checks every SRAM access for races, so a wrong
schedule cannot pass unnoticed.

Errors (located): ``dsa.rotate`` naming a loop that does not exist in the function, a rotated value that is not
an SRAM ``memref.alloc``, a rotated buffer used outside its loop or by an op that is not a dsa engine op.
"""

from __future__ import annotations

from dialects.dsa import ENGINE_OF, TOKEN, JoinOp, TokenType, operand_fields, space_of
from mlir_py.attributes import DenseArrayAttr, IntegerAttr, MemRefType, StringAttr, i32, index
from mlir_py.ir import Block, BlockArgument, Operation, Value
from mlir_py.pass_manager import Pass, PassOption, register_pass

PIPELINE = "dsa.pipeline"
ROTATE = "dsa.rotate"

#: the engine of each dsa op (ops of one engine run in issue order)
ENGINE = ENGINE_OF
#: the operand fields each engine op writes (the others are read; matmul's ``acc`` is read and written)
WRITTEN = {"dsa.dma_load": ("sram",), "dsa.dma_store": ("dram",), "dsa.matmul": ("acc", "out"),
           "dsa.vector": ("out",), "dsa.fill": ("out",), "dsa.maxpool": ("out",), "dsa.topk": ("values", "indices")}


#: operand positions of every operand field of a dsa op
fields = operand_fields


def accesses(op: Operation) -> list[tuple[Value, bool]]:
    """The memrefs an engine op touches, each with True when it writes it."""
    out = []
    for name, pos in fields(op).items():
        for i in pos:
            v = op.operand(i)
            if isinstance(v.type, MemRefType):
                out.append((v, name in WRITTEN[op.name]))
    return out


def _is_token(v: Value) -> bool:
    return isinstance(v.type, TokenType)


def producers(v: Value, loop: Operation, out: set[Operation], seen: set[Value]) -> None:
    """The engine ops of the current iteration of ``loop`` whose completion token ``v`` signals directly (through
    ``dsa.join``, nested loops' results and iter_args); a carried argument of ``loop`` ends the search."""
    if v in seen:
        return
    seen.add(v)
    d = v.defining_op
    if d is None:
        assert isinstance(v, BlockArgument)
        owner = v.block.parent_op
        if owner is None or owner is loop or owner.name != "scf.for" or v.index == 0:
            return
        k = v.index - 1
        producers(owner.operand(3 + k), loop, out, seen)
        y = owner.regions[0].block.terminator
        if y is not None:
            producers(y.operand(k), loop, out, seen)
        return
    if d.name in ENGINE:
        out.add(d)
    elif d.name == "dsa.join":
        for o in d.operands:
            producers(o, loop, out, seen)
    elif d.name == "scf.for":
        y = d.regions[0].block.terminator
        k = d.results.index(v)  # type: ignore[arg-type]
        if y is not None:
            producers(y.operand(k), loop, out, seen)


def downstream(v: Value, loop: Operation, out: set[Operation], seen: set[Value]) -> None:
    """Every engine op of the current iteration of ``loop`` that waits on ``v``, directly or through the tokens
    of ops that do (nested loops conservatively: all their iterations); ``loop``'s own yield ends the search."""
    if v in seen:
        return
    seen.add(v)
    for use in v.uses:
        u = use.owner
        if u.name in ENGINE:
            out.add(u)
            downstream(u.results[0], loop, out, seen)
        elif u.name == "dsa.join":
            downstream(u.results[0], loop, out, seen)
        elif u.name == "scf.for" and use.index >= 3:
            k = use.index - 3
            downstream(u.regions[0].block.args[1 + k], loop, out, seen)
            downstream(u.results[k], loop, out, seen)
        elif u.name == "scf.yield":
            p = u.parent_op
            if p is None or p is loop or p.name != "scf.for":
                continue
            downstream(p.regions[0].block.args[1 + use.index], loop, out, seen)
            downstream(p.results[use.index], loop, out, seen)


def conflict(p: Operation, c: Operation, rotated: set[Value]) -> Value | None:
    """A buffer ``p`` and ``c`` both access, one of them writing it, that is not rotated, when they run on
    different engines; else None."""
    if ENGINE[p.name] == ENGINE[c.name]:
        return None
    for b1, w1 in accesses(p):
        if b1 in rotated:
            continue
        for b2, w2 in accesses(c):
            if b1 is b2 and (w1 or w2):
                return b1
    return None


def _const_int(v: Value) -> int | None:
    from mlir_py.rewrite import constant_value

    a = constant_value(v)
    return a.value if isinstance(a, IntegerAttr) else None


def add_slot_index(op: Operation, operand: int, slot: Value) -> None:
    """Turn the tile operand ``%buf[idx...]`` at operand position ``operand`` into ``%buf[%slot, idx...]``."""
    pos = fields(op)
    name = next(f for f, ps in pos.items() if operand in ps)
    defs = op.operand_defs  # type: ignore[attr-defined]
    sizes = op.segment_sizes("operand", defs, op.num_operands)  # type: ignore[attr-defined]
    k = next(i for i, d in enumerate(defs) if d.name == name + "_indices")
    sizes[k] += 1
    op.insert_operands(operand + 1, [slot])
    op.properties["operandSegmentSizes"] = DenseArrayAttr(i32, sizes)


@register_pass
class DsaSchedulePass(Pass):
    """Software-pipeline the tile loops of each DSA kernel by double buffering (modulo variable expansion) and
    retiming their loop-carried tokens; see the module docstring."""

    argument = "dsa-schedule"
    summary = "Software pipelining of DSA tile loops: ping-pong buffers, DMA overlapping compute (tokens)"
    options = [PassOption("remarks", bool, False, "Emit a remark for every loop pipelined or left sequential")]
    statistic_defs = {"num-pipelined": "Number of tile loops software-pipelined",
                      "num-rotated": "Number of buffers double-buffered",
                      "num-retimed": "Number of loop-carried tokens retimed to distance 2",
                      "num-shifted": "Number of loops whose DMA loads of iteration i+1 are issued in iteration i"}

    def run_on_operation(self, op: Operation) -> None:
        for fn in list(op.regions[0].block.ops):
            if fn.name == "func.func" and fn.regions and fn.regions[0].blocks:
                self.schedule(fn)

    def schedule(self, fn: Operation) -> None:
        loops: dict[str, Operation] = {}
        for o in fn.walk():
            a = o.attributes.get(PIPELINE)
            if o.name == "scf.for" and isinstance(a, StringAttr):
                loops[a.value] = o
        rotated: dict[str, list[Operation]] = {}
        for o in fn.walk():
            a = o.attributes.get(ROTATE)
            if not isinstance(a, StringAttr):
                continue
            if a.value not in loops:
                raise self.failure(f"is rotated over loop '{a.value}' but no scf.for of the function has "
                                   f"{PIPELINE} = \"{a.value}\"", o)
            t = o.results[0].type if len(o.results) == 1 else None
            if o.name != "memref.alloc" or not isinstance(t, MemRefType) or space_of(t) != "sram" or \
                    not t.has_static_shape:
                raise self.failure("only a static #dsa.sram memref.alloc can be double-buffered", o)
            loop = loops[a.value]
            for use in o.results[0].uses:
                u = use.owner
                if not loop.is_ancestor(u):
                    raise self.failure(f"uses a buffer that is double-buffered over loop '{a.value}' outside that "
                                       "loop", u)
                if u.name not in ENGINE:
                    raise self.failure("uses a double-buffered SRAM buffer but is not a dsa engine op", u)
            rotated.setdefault(a.value, []).append(o)
        c2: Value | None = None
        for o in list(fn.walk()):  # post-order: inner loops first
            a = o.attributes.get(PIPELINE)
            if o.name != "scf.for" or not isinstance(a, StringAttr):
                continue
            del o.attributes[PIPELINE]
            bufs = rotated.get(a.value, [])
            for b in bufs:
                del b.attributes[ROTATE]
            lb, step = _const_int(o.operand(0)), _const_int(o.operand(2))
            if lb != 0 or step != 1:
                self.remark(f"tile loop '{a.value}' left sequential: it needs a lower bound of 0 and a step of 1", o)
                continue
            trips = _const_int(o.operand(1))
            if trips is not None and trips < 2:
                self.remark(f"tile loop '{a.value}' left sequential: it runs once (nothing to overlap)", o)
                continue
            retime = self.retimable(o, {b.results[0] for b in bufs})
            if not retime:
                self.remark(f"tile loop '{a.value}' left sequential: no loop-carried token can be retimed", o)
                continue
            if c2 is None:
                c2 = self.constant(fn, 2)
            n_args = len(o.regions[0].block.args) - 1
            new = self.pipeline(o, bufs, retime, c2)
            dist2: set[Value] = set(new.regions[0].block.args[1 + n_args:])
            shifted = self.shift_loads(fn, new, {b.results[0] for b in bufs}, dist2)
            self.statistics["num-shifted"] += shifted
            self.remark(f"tile loop '{a.value}' software-pipelined: {len(bufs)} buffer(s) double-buffered, "
                        f"{len(retime)} token(s) retimed to distance 2" +
                        (", loads of iteration i+1 issued in iteration i" if shifted else ""), new)

    def remark(self, message: str, op: Operation) -> None:
        if self.option("remarks"):
            self.emit_remark(message, op)

    def retimable(self, loop: Operation, rotated: set[Value]) -> list[int]:
        """The iter_arg positions (0-based) of the token chains of ``loop`` that can go to distance 2."""
        body = loop.regions[0].block
        y = body.terminator
        assert y is not None
        out = []
        for k, arg in enumerate(body.args[1:]):
            if not _is_token(arg):
                continue
            prods: set[Operation] = set()
            producers(y.operand(k), loop, prods, set())
            cons: set[Operation] = set()
            downstream(arg, loop, cons, set())
            if not cons:
                continue
            if all(conflict(p, c, rotated) is None for p in prods for c in cons):
                out.append(k)
        return out

    def pipeline(self, loop: Operation, bufs: list[Operation], retime: list[int], c2: Value) -> Operation:
        """Rotate ``bufs`` by the parity of ``loop``'s iteration and retime the carried tokens ``retime``."""
        from dialects import arith
        from dialects.scf import ForOp

        body = loop.regions[0].block
        iv = body.args[0]
        slot_op = arith.RemUIOp.create(  # type: ignore[attr-defined]
            [iv, c2], [index], location=loop.location)
        first = body.first_op
        assert first is not None
        body.insert_before(slot_op, first)
        slot = slot_op.results[0]
        for b in bufs:
            v = b.results[0]
            t = v.type
            assert isinstance(t, MemRefType)
            v.type = MemRefType([2, *t.shape], t.element_type, memory_space=t.memory_space)
            for use in list(v.uses):
                add_slot_index(use.owner, use.index, slot)
            self.statistics["num-rotated"] += 1
        # carried tokens: %t (distance 1) keeps its position, %t2 (distance 2) is appended
        y = body.terminator
        assert y is not None
        inits = list(loop.operands[3:])
        new = ForOp.create([*loop.operands[:3], *inits, *(inits[k] for k in retime)],
                           [*loop.result_types, *([TOKEN] * len(retime))], dict(loop.properties),
                           dict(loop.attributes), 1, location=loop.location)
        new.regions[0].take_body(loop.regions[0])
        for k in retime:
            a1 = body.args[1 + k]
            a2 = body.add_argument(TOKEN, a1.location)
            a1.replace_all_uses_with(a2)
            y.insert_operands(y.num_operands, [a1])
        parent = loop.parent
        assert isinstance(parent, Block)
        parent.insert_before(new, loop)
        after = loop
        n = len(loop.results)
        for k, r in enumerate(loop.results):
            if k in retime and r.has_uses():
                j = JoinOp.create([new.results[k], new.results[n + retime.index(k)]], [TOKEN],
                                  location=loop.location)
                parent.insert_after(j, after)
                after = j
                r.replace_all_uses_with(j.results[0])
            else:
                r.replace_all_uses_with(new.results[k])
        loop.erase()
        self.statistics["num-pipelined"] += 1
        self.statistics["num-retimed"] += len(retime)
        return new

    def shift_loads(self, fn: Operation, loop: Operation, rotated: set[Value], dist2: set[Value]) -> bool:
        """Issue the DMA loads of iteration i+1 before the rest of iteration i (the two-stage modulo schedule's
        prologue / steady state / epilogue), when the rest of the iteration also uses the DMA engine (a store):
        each engine takes its ops in issue order, so without this the loads of i+1 would queue behind the store
        of i, which waits for the compute of i. Stage 0 is the top-level ``dsa.dma_load`` ops (or loops of them)
        filling rotated buffers and waiting only on distance-2 tokens; stage 1 the other ops. Returns whether
        the loop was rewritten."""
        from dialects import arith
        from dialects.scf import ForOp

        body = loop.regions[0].block
        iv = body.args[0]
        trips = _const_int(loop.operand(1))
        if trips is None or trips < 2:
            return False
        top = [o for o in body.ops if o is not body.terminator]
        stage0: list[Operation] = []
        for o in top:
            if _is_load_nest(o, rotated, dist2 | {r for x in stage0 for r in x.results}):
                stage0.append(o)
            elif o.name in ENGINE or o.regions:
                break  # stage 0 is the loads that come first
        if not stage0:
            return False
        s0 = set(stage0)
        stage1 = [o for o in top if o not in s0]
        if not any(x.name in ENGINE and ENGINE[x.name] == "dma" for o in stage1 for x in o.walk()):
            return False
        # the index math stage 0 needs (pure arith ops of the body), cloned for iteration i+1 and for the prologue
        slice_: set[Operation] = set()
        for o in stage0:
            for x in o.walk():
                for v in x.operands:
                    if not _slice(v, body, iv, dist2, slice_):
                        return False
        pre = [o for o in top if o in slice_]
        c1 = self.constant(fn, 1)
        c0 = self.constant(fn, 0)
        inits = list(loop.operands[3:])
        args = list(body.args[1:])
        a1_of: dict[Value, Value] = {}
        # dist-2 args are appended after the originals: pair them with the args yielded in their place
        y = body.terminator
        assert y is not None
        for k, a in enumerate(args):
            if a in dist2:
                yv = y.operand(k)
                assert isinstance(yv, BlockArgument)
                a1_of[a] = yv
        parent = loop.parent
        assert isinstance(parent, Block)
        # prologue: stage 0 of iteration 0
        pmap: dict[Value, Value] = {iv: c0, **{a: inits[k] for k, a in enumerate(args) if a in dist2}}
        prologue: dict[Operation, Operation] = {}
        layer = loop.attributes.get("dsa.layer")
        for o in pre + stage0:
            c = o.clone(pmap)  # type: ignore[arg-type]
            parent.insert_before(c, loop)
            prologue[o] = c
            if layer is not None and o in s0:  # the prologue and epilogue count in the loop's layer
                c.attributes["dsa.layer"] = layer
        # tokens of stage 0 that stage 1 uses become carried values
        carried = [r for o in stage0 for r in o.results if any(u.owner not in s0 for u in r.uses)]
        new = ForOp.create([loop.operand(0), self.constant(fn, trips - 1), loop.operand(2), *inits,
                            *(prologue[r.defining_op].results[r.index] for r in carried)],  # type: ignore[union-attr,index,attr-defined]
                           [*loop.result_types, *([TOKEN] * len(carried))], dict(loop.properties),
                           dict(loop.attributes), 1, location=loop.location)
        new.regions[0].take_body(loop.regions[0])
        largs = [body.add_argument(TOKEN, loop.location) for _ in carried]
        # steady state: stage 0 of iteration i+1 first, then stage 1 of iteration i
        first = body.first_op
        assert first is not None
        nxt = arith.AddIOp.create(  # type: ignore[attr-defined]
            [iv, c1], [iv.type], location=loop.location)
        body.insert_before(nxt, first)
        smap: dict[Value, Value] = {iv: nxt.results[0], **a1_of}
        clones: dict[Operation, Operation] = {}
        for o in pre + stage0:
            c = o.clone(smap)  # type: ignore[arg-type]
            body.insert_before(c, first)
            clones[o] = c
        for r, la in zip(carried, largs):
            r.replace_all_uses_with(la)
        y.insert_operands(y.num_operands, [clones[r.defining_op].results[r.index] for r in carried])  # type: ignore[index,attr-defined]
        for o in reversed(stage0):
            o.erase()
        parent.insert_before(new, loop)
        # epilogue: stage 1 of the last iteration
        emap: dict[Value, Value] = {iv: self.constant(fn, trips - 1)}
        for k, a in enumerate(body.args[1:]):
            emap[a] = new.results[k]
        epilogue = []
        for o in stage1:
            c = o.clone(emap)  # type: ignore[arg-type]
            parent.insert_before(c, loop)
            epilogue.append(c)
            if layer is not None and (c.name in ENGINE or c.regions):
                c.attributes["dsa.layer"] = layer
        finals = [emap.get(v, v) for v in y.operands[:len(loop.results)]]
        for r, f in zip(loop.results, finals):
            r.replace_all_uses_with(f)
        loop.erase()
        for o in [*reversed(pre), *reversed(epilogue)]:  # index math only stage 0 used
            if o.name.startswith("arith.") and all(not r.has_uses() for r in o.results):
                o.erase()
        return True

    def constant(self, fn: Operation, v: int) -> Value:
        """An ``index`` constant at the top of ``fn`` (one per value)."""
        from dialects.arith import ConstantOp

        block = fn.regions[0].block
        for o in block.ops:
            if o.name != "arith.constant":
                break
            a = o.properties.get("value", o.attributes.get("value"))
            if isinstance(a, IntegerAttr) and a.type == index and a.value == v:
                return o.results[0]
        c = ConstantOp.create([], [index], {"value": IntegerAttr(v, index)}, location=fn.location)
        first = block.first_op
        if first is None:
            block.append(c)
        else:
            block.insert_before(c, first)
        return c.results[0]


def _is_load_nest(o: Operation, rotated: set[Value], ready: set[Value]) -> bool:
    """A top-level stage-0 op: a ``dsa.dma_load`` (or a loop nest of them and index math) writing rotated buffers
    and waiting only on ``ready`` tokens (distance-2 tokens, earlier stage-0 ops) or on those of its own nest."""
    inside = {id(x) for x in o.walk()}
    for x in o.walk():
        if x.name == "dsa.dma_load":
            if x.operand(fields(x)["sram"][0]) not in rotated:
                return False
        elif not (x.name.startswith("arith.") or x.name in ("scf.for", "scf.yield")):
            return False
        for v in x.operands:
            if not _is_token(v):
                continue
            d = v.defining_op
            if v in ready or (d is not None and id(d) in inside):
                continue
            if isinstance(v, BlockArgument) and v.block.parent_op is not None and id(v.block.parent_op) in inside:
                continue
            return False
    return o.name == "dsa.dma_load" or o.name == "scf.for"


def _slice(v: Value, body: Block, iv: Value, dist2: set[Value], out: set[Operation]) -> bool:
    """Collect into ``out`` the ops of ``body`` computing ``v`` (pure ``arith`` index math of the induction
    variable); False if ``v`` depends on anything else of the body."""
    if v is iv or v in dist2:
        return True
    d = v.defining_op
    if d is None:
        return not (isinstance(v, BlockArgument) and v.block is body)
    if d.parent is not body:
        return True  # defined outside the loop, or inside the stage-0 nest itself
    if d in out:
        return True
    if not d.name.startswith("arith."):
        return d.name in ENGINE or d.name == "scf.for"  # a stage-0 token
    out.add(d)
    return all(_slice(w, body, iv, dist2, out) for w in d.operands)


__all__ = ["DsaSchedulePass", "PIPELINE", "ROTATE", "accesses", "conflict", "downstream", "producers"]
