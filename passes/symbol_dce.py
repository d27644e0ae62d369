"""``symbol-dce``: delete dead symbols (mlir/lib/Transforms/SymbolDCE.cpp, mlir/docs/SymbolsAndSymbolTables.md).

A symbol is live when it cannot be discarded — it is public — or when a live operation references it.
Liveness propagates from every non-symbol operation and every live symbol through the ``SymbolRefAttr`` s in
their attributes (nested operations included; a nested symbol table is a scope of its own whose liveness is
computed when the table itself is live). Dead symbols are ``private`` or ``nested`` symbols with no live
reference, and every symbol inside a dead symbol table; they are erased in every symbol table under the op the
pass runs on, innermost tables first (each counted in ``num-dce'd``), exactly as MLIR's pass does.

Errors: running on an op without the ``SymbolTable`` trait; an unregistered op with one region (a potentially
unknown symbol table, whose symbol uses cannot be computed).
"""

from __future__ import annotations

from collections.abc import Iterator

from mlir_py.attributes import ArrayAttr, Attribute, DictionaryAttr, StringAttr, SymbolRefAttr
from mlir_py.diagnostics import Diagnostic
from mlir_py.ir import Operation, SymbolTable
from mlir_py.opdef import Symbol, SymbolTableTrait
from mlir_py.pass_manager import Pass, PassFailure, register_pass


def is_symbol(op: Operation) -> bool:
    """Ops of MLIR's ``SymbolOpInterface``: the ``Symbol`` trait, or a named symbol table (``module @m``)."""
    return op.has_trait(Symbol) or (op.has_trait(SymbolTableTrait) and isinstance(op.get_attr("sym_name"),
                                                                                  StringAttr))


def visibility(op: Operation) -> str:
    """``public`` (the default), ``private`` or ``nested``."""
    v = op.get_attr("sym_visibility")
    return v.value if isinstance(v, StringAttr) else "public"


def symbol_refs(a: Attribute) -> Iterator[SymbolRefAttr]:
    """Every ``SymbolRefAttr`` inside an attribute (through arrays and dictionaries)."""
    if isinstance(a, SymbolRefAttr):
        yield a
    elif isinstance(a, ArrayAttr):
        for x in a.value:
            yield from symbol_refs(x)
    elif isinstance(a, DictionaryAttr):
        for x in a.value.values():
            yield from symbol_refs(x)


def symbol_uses(op: Operation) -> Iterator[tuple[Operation, SymbolRefAttr]]:
    """(user, reference) for ``op`` and the ops nested in it, not descending into nested symbol tables
    (MLIR's ``SymbolTable::getSymbolUses``). Raises ``ValueError`` on a potentially unknown symbol table."""
    stack = [op]
    while stack:
        cur = stack.pop()
        for a in (*cur.properties.values(), *cur.attributes.values()):
            for ref in symbol_refs(a):
                yield cur, ref
        if cur is not op and cur.has_trait(SymbolTableTrait):
            continue
        for r in cur.regions:
            for b in r.blocks:
                for inner in b.ops:
                    if not inner.registered and len(inner.regions) == 1:
                        raise ValueError(inner.name)
                    stack.append(inner)


def resolve(table_op: Operation, ref: SymbolRefAttr) -> list[Operation]:
    """The ops ``ref`` names, looked up in ``table_op`` (root, then each nested table)."""
    found = SymbolTable(table_op).lookup(ref.root)
    out = [found] if found is not None else []
    for n in ref.nested:
        if found is None:
            break
        found = SymbolTable(found).lookup(n)
        if found is not None:
            out.append(found)
    return out


@register_pass
class SymbolDCEPass(Pass):
    """Eliminate dead symbols: private symbols (functions, globals, nested modules) that no live operation
    references are erased, in the symbol table the pass runs on and every symbol table nested in it.

    Follows MLIR's `symbol-dce` (mlir/lib/Transforms/SymbolDCE.cpp): public symbols and non-symbol ops are the
    roots; a private nested module that nothing references dies with everything in it."""

    argument = "symbol-dce"
    summary = "Eliminate dead symbols"
    statistic_defs = {"num-dce'd": "Number of symbols DCE'd"}

    def run_on_operation(self, op: Operation) -> None:
        if not op.has_trait(SymbolTableTrait):
            raise self.failure(" was scheduled to run under SymbolDCE, but does not define a symbol table", op)
        live: set[Operation] = set()
        self._compute_liveness(op, live)
        tables = [t for t in op.walk() if t.has_trait(SymbolTableTrait)]
        for table in tables:
            for r in table.regions[:1]:
                for b in r.blocks:
                    for child in list(b.ops):
                        if is_symbol(child) and child not in live:
                            child.erase(safe=False)
                            self.statistics["num-dce'd"] += 1

    def _compute_liveness(self, table: Operation, live: set[Operation]) -> None:
        worklist: list[Operation] = []
        for r in table.regions[:1]:
            for b in r.blocks:
                for child in b.ops:
                    if not is_symbol(child):
                        worklist.append(child)
                    elif visibility(child) == "public" and child not in live:
                        live.add(child)
                        worklist.append(child)
        while worklist:
            cur = worklist.pop()
            if cur.has_trait(SymbolTableTrait):
                self._compute_liveness(cur, live)
            else:
                worklist.extend(inner for r in cur.regions for b in r.blocks for inner in b.ops if inner.regions)
            parent = cur.parent_op
            if parent is None or not parent.has_trait(SymbolTableTrait):
                continue
            try:
                uses = list(symbol_uses(cur))
            except ValueError as e:
                raise PassFailure(Diagnostic(
                    "error", "operation contains potentially unknown symbol table, meaning that we can't reliable "
                    f"compute symbol uses (unregistered '{e}')", cur.location)) from None
            for _, ref in uses:
                for sym in resolve(parent, ref):
                    if sym not in live:
                        live.add(sym)
                        worklist.append(sym)
