"""``inline``: inline ``func.call`` s of functions with a body (mlir/lib/Transforms/InlinerPass.cpp,
mlir/docs/Interfaces.md "DialectInlinerInterface", mlir/lib/Transforms/Utils/InliningUtils.cpp).

The call graph of the ``func.func`` s under the op is walked bottom-up by strongly connected components
(Tarjan), so callees are simplified and inlined into before their callers. For each function: run the
``default-pipeline`` on it (``canonicalize`` by default, as MLIR; ``default-pipeline=''`` disables it), inline
its calls, and run the pipeline again if something was inlined. A call is inlined when its callee

- resolves to a ``func.func`` with a body outside the caller's SCC (recursion is never unrolled),
- and neither the call nor the callee carries ``no_inline``,
- and the callee/caller size ratio is within ``inlining-threshold`` (percent of ops),
- and, for a multi-block callee, the call sits in a region that can hold several blocks and ``cf.br`` is
  registered (the caller block is split after the call, the callee blocks are cloned between the two halves, the
  entry block is merged into the first half, and each ``func.return`` becomes ``cf.br ^continuation(values)``,
  whose block arguments replace the call's results, as MLIR's ``func`` inliner interface does).

Inlined ops get the location ``callsite(callee op location at call location)``, stacked under existing call
sites, as MLIR's ``remapInlinedLocations``.
Afterwards, functions that are not public and no longer referenced are erased (MLIR's inliner deletes dead
callables). Other calls are left in place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dialects.func import CallOp, FuncOp, ReturnOp
from mlir_py.attributes import CallSiteLoc, LocationAttr, SymbolRefAttr
from mlir_py.ir import Block, Operation, Region, Value, lookup_symbol
from mlir_py.opdef import NoTerminator, SingleBlock
from mlir_py.pass_manager import Pass, PassFailure, PassManager, PassOption, PipelineError, register_pass

from .symbol_dce import symbol_refs, visibility

UNLIMITED = 2**32 - 1


def strongly_connected_components(nodes: list[FuncOp], edges: dict[FuncOp, list[FuncOp]]) -> list[list[FuncOp]]:
    """Tarjan's algorithm (iterative); components come out callees-first (reverse topological order)."""
    index: dict[FuncOp, int] = {}
    low: dict[FuncOp, int] = {}
    on_stack: set[FuncOp] = set()
    stack: list[FuncOp] = []
    out: list[list[FuncOp]] = []
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[FuncOp, Iterator[FuncOp]]] = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(edges.get(w, ()))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp: list[FuncOp] = []
                while True:
                    x = stack.pop()
                    on_stack.discard(x)
                    comp.append(x)
                    if x is v:
                        break
                out.append(comp)
    return out


def stack_location(loc: LocationAttr, caller: LocationAttr) -> LocationAttr:
    """``callsite(loc at caller)``; a call-site ``loc`` gets ``caller`` at the bottom of its stack
    (``callsite(a at callsite(b at caller))``), as MLIR's ``stackLocations``."""
    if isinstance(loc, CallSiteLoc):
        return CallSiteLoc(loc.callee, stack_location(loc.caller, caller))
    return CallSiteLoc(loc, caller)


def _callee(call: CallOp) -> FuncOp | None:
    ref = call.properties.get("callee")
    fn = lookup_symbol(call, ref) if isinstance(ref, SymbolRefAttr) else None
    return fn if isinstance(fn, FuncOp) else None


def _num_ops(op: Operation) -> int:
    return sum(1 for _ in op.walk()) - 1


@register_pass
class InlinerPass(Pass):
    """Inline function calls: `func.call` s of `func.func` s with a body are replaced by a copy of the callee,
    bottom-up over the call graph, simplifying each function with `default-pipeline` before and after; dead
    private functions are then erased. Single- and multi-block callees (the latter through `cf.br`); recursive
    calls and `no_inline` calls or callees are left alone. Follows MLIR's `inline` pass
    (mlir/lib/Transforms/InlinerPass.cpp)."""

    argument = "inline"
    summary = "Inline function calls"
    options = [
        PassOption("default-pipeline", str, "canonicalize",
                   "The optimizer pipeline run on each function before and after inlining into it"),
        PassOption("inlining-threshold", int, UNLIMITED,
                   "If the ratio between the number of the operations in the callee and the number of the "
                   "operations in the caller exceeds this value (in percentage), then the callee is not inlined"),
    ]
    statistic_defs = {"num-inlined-calls": "Number of inlined calls",
                      "num-erased-callables": "Number of dead callables erased after inlining"}

    def __init__(self, **options: Any):
        super().__init__(**options)
        self._pipeline: PassManager | None = None

    def _optimize(self, fn: FuncOp) -> None:
        text = self.option("default-pipeline")
        if not text or fn.is_declaration:
            return
        if self._pipeline is None:
            pm = PassManager(None, self.context, verify_each=False)
            try:
                pm.add(text)
            except PipelineError as e:
                raise PassFailure(e.diagnostic) from None
            self._pipeline = pm
        self._pipeline.run(fn, self.diagnostics)

    def run_on_operation(self, op: Operation) -> None:
        funcs = [f for f in op.walk(post_order=False) if isinstance(f, FuncOp)]
        edges: dict[FuncOp, list[FuncOp]] = {}
        for f in funcs:
            callees = (_callee(c) for c in f.walk() if isinstance(c, CallOp))
            edges[f] = list(dict.fromkeys(c for c in callees if c is not None and not c.is_declaration))
        scc_of: dict[FuncOp, int] = {}
        for i, scc in enumerate(strongly_connected_components(funcs, edges)):
            for f in scc:
                scc_of[f] = i
            for f in scc:
                if f.is_declaration:
                    continue
                self._optimize(f)
                inlined = False
                for call in [c for c in f.walk() if isinstance(c, CallOp)]:
                    callee = _callee(call)
                    if callee is not None and self._should_inline(call, callee, f, scc_of) \
                            and self._inline(call, callee):
                        self.statistics["num-inlined-calls"] += 1
                        inlined = True
                if inlined:
                    self._optimize(f)
        self._erase_dead_callables(op)

    def _should_inline(self, call: CallOp, callee: FuncOp, caller: FuncOp, scc_of: dict[FuncOp, int]) -> bool:
        if callee.is_declaration or scc_of.get(callee, -1) == scc_of.get(caller, -2) or callee.is_ancestor(call):
            return False
        if "no_inline" in call.properties or "no_inline" in callee.properties:
            return False
        threshold = self.option("inlining-threshold")
        if threshold != UNLIMITED and _num_ops(callee) * 100 > threshold * max(_num_ops(caller), 1):
            return False
        return True

    def _inline(self, call: CallOp, callee: FuncOp) -> bool:
        body = callee.regions[0]
        block = call.parent
        assert block is not None
        if len(body.blocks) == 1:
            mapping: dict[Any, Any] = dict(zip(body.blocks[0].args, call.operands))
            results: list[Value] = []
            for o in body.blocks[0].ops:
                if isinstance(o, ReturnOp):
                    results = [mapping.get(v, v) for v in o.operands]
                    continue
                block.insert_before(self._clone(o, mapping, call), call)
            call.replace_all_uses_with(results)
            call.erase()
            return True
        return self._inline_multi_block(call, body, block)

    @staticmethod
    def _clone(o: Operation, mapping: dict[Any, Any], call: Operation) -> Operation:
        new = o.clone(mapping)
        for x in new.walk():
            x.location = stack_location(x.location, call.location)
        return new

    def _inline_multi_block(self, call: CallOp, body: Region, block: Block) -> bool:
        br = self.context.get_op_class("cf.br") if self.context is not None else None
        parent = block.parent.parent if block.parent is not None else None
        if br is None or parent is None or parent.has_trait(SingleBlock) or parent.has_trait(NoTerminator):
            return False
        region = block.parent
        assert region is not None
        post = block.split_before(call)
        results = [post.add_argument(r.type, call.location) for r in call.results]
        call.replace_all_uses_with(results)
        mapping: dict[Any, Any] = dict(zip(body.blocks[0].args, call.operands))
        clones = [Block([a.type for a in b.args], [a.location for a in b.args]) for b in body.blocks[1:]]
        for b, nb in zip(body.blocks[1:], clones):
            mapping[b] = nb
            for a, na in zip(b.args, nb.args):
                mapping[a] = na
        anchor = post
        for nb in reversed(clones):
            region.insert_block_before(nb, anchor)
            anchor = nb
        for b, dest in zip(body.blocks, [block, *clones]):
            for o in b.ops:
                if isinstance(o, ReturnOp):
                    dest.append(br.create([mapping.get(v, v) for v in o.operands], successors=[post],
                                          location=stack_location(o.location, call.location)))
                else:
                    dest.append(self._clone(o, mapping, call))
        call.erase()
        return True

    def _erase_dead_callables(self, op: Operation) -> None:
        """Erase non-public ``func.func`` s without references, repeatedly (a dead caller frees its callees)."""
        while True:
            used: set[str] = set()
            for o in op.walk():
                for a in (*o.properties.values(), *o.attributes.values()):
                    for ref in symbol_refs(a):
                        used.add(ref.root)
                        used.update(ref.nested)
            dead = [f for f in op.walk() if isinstance(f, FuncOp) and f is not op and f.parent is not None
                    and visibility(f) != "public" and f.name_str not in used]
            if not dead:
                return
            for f in dead:
                f.erase(safe=False)
                self.statistics["num-erased-callables"] += 1
