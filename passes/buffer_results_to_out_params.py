"""``buffer-results-to-out-params``: memref results become caller-allocated output arguments
(destination-passing style at function boundaries).

MLIR's pass of the same name (mlir/lib/Dialect/Bufferization/Transforms/BufferResultsToOutParams.cpp,
mlir/docs/Passes.md "-buffer-results-to-out-params") with its options ``hoist-static-allocs``,
``add-result-attr`` and ``modify-public-functions``::

    func.func private @f(%x: memref<4xf32>) -> (memref<4xf32>, i32)      // before
    func.func private @f(%x: memref<4xf32>, %out: memref<4xf32>) -> i32   // after

- every top-level ``func.func`` with a body that is private (or any, with ``modify-public-functions``) loses its
  memref results: one argument of the same type per memref result is appended, in result order, after the
  existing arguments; result attributes move to the new arguments (plus ``{bufferize.result}`` with
  ``add-result-attr``). Declarations are left alone, as are calls to them;
- each ``func.return`` copies a returned memref into its out-parameter (``memref.copy``) and returns the other
  values; with ``hoist-static-allocs`` a returned ``memref.alloc``/``memref.alloca`` of static shape is replaced
  by the out-parameter itself (no allocation and no copy: the callee writes straight into the caller's buffer —
  what makes a function on tensors as cheap as its loop when the caller reuses the output);
- each ``func.call`` of a converted function allocates the outputs (``memref.alloc`` with the identity layout,
  then ``memref.cast`` to a fully dynamic layout where the result had one), passes them and uses them in place
  of the old results.

Errors (MLIR's diagnostics): ``cannot create out param for result with unsupported layout`` at a function whose
memref result has a layout that is neither the identity nor fully dynamic; ``cannot create out param for
dynamically shaped result`` at a call whose callee returns a memref of dynamic shape (the caller cannot size the
buffer).
"""

from __future__ import annotations

from mlir_py.attributes import (
    DYNAMIC,
    ArrayAttr,
    DictionaryAttr,
    FunctionType,
    MemRefType,
    StridedLayoutAttr,
    StringAttr,
    SymbolRefAttr,
    TypeAttr,
    UnitAttr,
)
from mlir_py.ir import Operation, OpResult, symbol_name
from mlir_py.pass_manager import Pass, PassOption, register_pass


@register_pass
class BufferResultsToOutParamsPass(Pass):
    """Convert memref results of (private, or all with ``modify-public-functions``) functions into out-parameters
    (appended arguments) that the caller allocates; returns copy into them, or, with ``hoist-static-allocs``, a
    returned static ``memref.alloc`` is replaced by the out-parameter. Calls allocate the outputs. MLIR's
    ``buffer-results-to-out-params``; errors: ``cannot create out param for result with unsupported layout``,
    ``cannot create out param for dynamically shaped result`` (at a call)."""

    argument = "buffer-results-to-out-params"
    summary = "Converts memref-typed function results to out-params"
    options = [PassOption("hoist-static-allocs", bool, False, "Hoist static allocations to call sites"),
               PassOption("add-result-attr", bool, False,
                          "Add the attribute 'bufferize.result' to all output parameters"),
               PassOption("modify-public-functions", bool, False, "Modify function signatures of public functions")]

    def run_on_operation(self, op: Operation) -> None:
        from dialects import func, memref

        changed: set[str] = set()
        for fn in list(op.regions[0].ops()) if op.regions and op.regions[0].blocks else []:
            if fn.name != "func.func" or not fn.regions[0].blocks:
                continue
            vis = fn.properties.get("sym_visibility")
            public = not (isinstance(vis, StringAttr) and vis.value in ("private", "nested"))
            if public and not self.option("modify-public-functions"):
                continue
            if not any(isinstance(t, MemRefType) for t in _ft(fn).results):
                continue
            bad = [t for t in _ft(fn).results if isinstance(t, MemRefType) and not _supported_layout(t)]
            if bad:
                self.emit_error("cannot create out param for result with unsupported layout", fn)
                self.signal_pass_failure()
                return
            changed.add(symbol_name(fn) or "")
            self._update_func(fn)
        if not changed:
            return
        for call in list(op.walk()):
            if call.name != "func.call":
                continue
            callee = call.properties["callee"]
            if not isinstance(callee, SymbolRefAttr) or callee.root not in changed:
                continue
            assert call.parent is not None
            outs = []
            for r in call.results:
                t = r.type
                if isinstance(t, MemRefType):
                    if any(d < 0 for d in t.shape):
                        self.emit_error("cannot create out param for dynamically shaped result", call)
                        self.signal_pass_failure()
                        return
                    alloc = memref.AllocOp.build_alloc(MemRefType(t.shape, t.element_type, None, t.memory_space),
                                                       location=call.location)
                    call.parent.insert_before(alloc, call)
                    v = alloc.results[0]
                    if t.layout is not None:
                        cast = memref.CastOp.create([v], [t], location=call.location)
                        call.parent.insert_before(cast, call)
                        v = cast.results[0]
                    outs.append((r, v))
            kept = [r for r in call.results if not isinstance(r.type, MemRefType)]
            new = func.CallOp.create([*call.operands, *(a for _, a in outs)], [r.type for r in kept],
                                        dict(call.properties), location=call.location)
            new.attributes.update(call.attributes)
            call.parent.insert_before(new, call)
            for r, a in outs:
                r.replace_all_uses_with(a)
            for r, n in zip(kept, new.results):
                r.replace_all_uses_with(n)
            call.erase()

    def _update_func(self, fn: Operation) -> None:
        from dialects import memref
        from mlir_py.ir import BlockArgument

        ft = _ft(fn)
        mem = [k for k, t in enumerate(ft.results) if isinstance(t, MemRefType)]
        res_attrs = fn.properties.get("res_attrs")
        arg_attrs = fn.properties.get("arg_attrs")
        rdicts = [dict(a.value) if isinstance(a, DictionaryAttr) else {} for a in res_attrs] \
            if isinstance(res_attrs, ArrayAttr) else [{} for _ in ft.results]
        adicts = [dict(a.value) if isinstance(a, DictionaryAttr) else {} for a in arg_attrs] \
            if isinstance(arg_attrs, ArrayAttr) else [{} for _ in ft.inputs]
        for k in mem:
            d = rdicts[k]
            if self.option("add-result-attr"):
                d["bufferize.result"] = UnitAttr()
            adicts.append(d)
        kept = [k for k in range(len(ft.results)) if k not in mem]
        fn.properties["function_type"] = TypeAttr(FunctionType([*ft.inputs, *(ft.results[k] for k in mem)],
                                                               [ft.results[k] for k in kept]))
        if any(adicts):
            fn.properties["arg_attrs"] = ArrayAttr([DictionaryAttr(d) for d in adicts])
        else:
            fn.properties.pop("arg_attrs", None)
        if any(rdicts[k] for k in kept):
            fn.properties["res_attrs"] = ArrayAttr([DictionaryAttr(rdicts[k]) for k in kept])
        else:
            fn.properties.pop("res_attrs", None)
        entry = fn.regions[0].blocks[0]
        out_args: list[BlockArgument] = [entry.add_argument(ft.results[k], fn.location) for k in mem]
        for ret in [o for o in fn.walk() if o.name == "func.return"]:
            block = ret.parent
            assert block is not None
            for k, arg in zip(mem, out_args):
                v = ret.operand(k)  # re-read: a hoisted allocation returned twice is now the first out-param
                t = v.type
                if v is arg:
                    continue
                if self.option("hoist-static-allocs") and isinstance(v, OpResult) and \
                        v.op.name in ("memref.alloc", "memref.alloca") and isinstance(t, MemRefType) and \
                        all(d >= 0 for d in t.shape):
                    alloc = v.op
                    v.replace_all_uses_with(arg)
                    alloc.erase()
                    continue
                copy = memref.CopyOp.create([v, arg], [])
                copy.location = ret.location
                block.insert_before(copy, ret)
            ret.set_operands([ret.operand(k) for k in kept])


def _supported_layout(t: MemRefType) -> bool:
    """Identity, or fully dynamic strides and offset (what an identity buffer can be cast to)."""
    lay = t.layout
    return lay is None or (isinstance(lay, StridedLayoutAttr) and lay.offset == DYNAMIC and
                           all(s == DYNAMIC for s in lay.strides))


def _ft(fn: Operation) -> FunctionType:
    t = fn.properties["function_type"]
    assert isinstance(t, TypeAttr) and isinstance(t.value, FunctionType)
    return t.value


__all__ = ["BufferResultsToOutParamsPass"]
