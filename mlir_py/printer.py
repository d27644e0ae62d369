"""Print IR as MLIR text, custom (pretty) form by default, generic form on request.

Value and block naming reproduce MLIR's ``SSANameState`` (mlir/lib/IR/AsmPrinter.cpp): entry-block arguments
are ``%argN``, other values ``%N``, blocks ``^bbN`` per region, name hints (``%c0_i32``, ``%cst``) uniqued
with ``_N`` suffixes. Regions are numbered from a stack; in custom form a nested region starts from its
parent's counters (so sibling regions reuse numbers), in generic form one counter runs through the module.
Affine maps and integer sets are hoisted into ``#map``/``#set`` aliases printed before the module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .attributes import (
    AffineMapAttr,
    ArrayAttr,
    Attribute,
    AttrPrinter,
    DenseElementsAttr,
    DenseResourceElementsAttr,
    DictionaryAttr,
    FunctionType,
    IntegerSetAttr,
    LocationAttr,
    MemRefType,
    RankedTensorType,
    TupleType,
    Type,
    TypeAttr,
    UnknownLoc,
    print_attr_dict_body,
    print_string,
)
from .ir import Block, BlockArgument, Operation, OpResult, Region, Value

INDENT = "  "


class _AliasCollector:
    """Finds affine maps / integer sets used anywhere (including inside types) in first-use order."""

    def __init__(self) -> None:
        self.maps: dict[Attribute, None] = {}
        self.sets: dict[Attribute, None] = {}
        self.seen: set[Any] = set()

    def visit(self, x: Any) -> None:
        if x is None or x in self.seen:
            return
        self.seen.add(x)
        if isinstance(x, AffineMapAttr):
            self.maps[x] = None
        elif isinstance(x, IntegerSetAttr):
            self.sets[x] = None
        elif isinstance(x, ArrayAttr):
            for a in x.value:
                self.visit(a)
        elif isinstance(x, DictionaryAttr):
            for a in x.value.values():
                self.visit(a)
        elif isinstance(x, TypeAttr):
            self.visit(x.value)
        elif isinstance(x, MemRefType):
            self.visit(x.element_type)
            self.visit(x.layout)
            self.visit(x.memory_space)
        elif isinstance(x, RankedTensorType):
            self.visit(x.element_type)
            self.visit(x.encoding)
        elif isinstance(x, FunctionType):
            for t in (*x.inputs, *x.results):
                self.visit(t)
        elif isinstance(x, TupleType):
            for t in x.types:
                self.visit(t)
        elif isinstance(x, (DenseElementsAttr, DenseResourceElementsAttr)):
            self.visit(x.type)


class Printer:
    """Prints one operation (usually a module). Options mirror mlir-opt's printing flags."""

    def __init__(self, generic: bool = False, debuginfo: bool = False, elide_elements_larger: int | None = None,
                 use_aliases: bool = True):
        self.generic = generic
        self.debuginfo = debuginfo
        self.elide_elements_larger = elide_elements_larger
        self.use_aliases = use_aliases
        self.names: dict[Value, str] = {}
        self.block_names: dict[Block, str] = {}
        self.block_order: dict[Block, int] = {}
        self.ap = AttrPrinter()
        self.default_dialect: list[str] = [""]
        #: result-group start indices of ops whose results carry several name hints
        self.groups: dict[Operation, list[int]] = {}

    # --- numbering ----------------------------------------------------------------------------------------------
    def _number(self, root: Operation) -> None:
        names = self.names
        generic = self.generic
        counters = [0, 0, 0]  # next value id, next arg id, next conflict id
        stack: list[tuple[Region, tuple[int, int, int], set[str]]] = [
            (r, (0, 0, 0), set()) for r in root.regions]
        used: set[str] = set()
        while stack:
            region, saved, parent_used = stack.pop()
            if not generic:
                counters = list(saved)
                used = set(parent_used)
            for bi, block in enumerate(region.blocks):
                self.block_names[block] = f"^bb{bi}"
                self.block_order[block] = bi
                entry = bi == 0
                for a in block.args:
                    if entry:
                        names[a] = self._unique(f"arg{counters[1]}", used, counters)
                        counters[1] += 1
                    else:
                        names[a] = str(counters[0])
                        counters[0] += 1
                for op in block.ops:
                    if not op.results:
                        continue
                    hints = None
                    if not generic:
                        fn = getattr(op, "asm_result_names", None)
                        if fn is not None:
                            hints = fn()
                    if hints and len(op.results) > 1 and any(hints[1:]):
                        starts = [0] + [i for i in range(1, len(op.results)) if i < len(hints) and hints[i]]
                        self.groups[op] = starts
                        for i in starts:
                            h = hints[i] if i < len(hints) else None
                            if h:
                                names[op.results[i]] = self._unique(h, used, counters)
                            else:
                                names[op.results[i]] = str(counters[0])
                                counters[0] += 1
                    elif hints and hints[0]:
                        names[op.results[0]] = self._unique(hints[0], used, counters)
                    else:
                        names[op.results[0]] = str(counters[0])
                        counters[0] += 1
            snapshot = (counters[0], counters[1], counters[2])
            for block in region.blocks:
                for op in block.ops:
                    for r in op.regions:
                        stack.append((r, snapshot, used))

    @staticmethod
    def _unique(name: str, used: set[str], counters: list[int]) -> str:
        if not name or name[0].isdigit():
            name = "_" + name
        if name not in used:
            used.add(name)
            return name
        while True:
            probe = f"{name}_{counters[2]}"
            counters[2] += 1
            if probe not in used:
                used.add(probe)
                return probe

    # --- elements used by op printers ---------------------------------------------------------------------------
    def value(self, v: Value) -> str:
        if isinstance(v, OpResult) and len(v.op.results) > 1:
            starts = self.groups.get(v.op)
            if starts is None:
                n = self.names.get(v.op.results[0])
                return "%<<UNKNOWN SSA VALUE>>" if n is None else f"%{n}#{v.index}"
            start = max(s for s in starts if s <= v.index)
            nxt = [s for s in starts if s > start]
            size = (nxt[0] if nxt else len(v.op.results)) - start
            base = self.names[v.op.results[start]]
            return f"%{base}" if size == 1 else f"%{base}#{v.index - start}"
        n = self.names.get(v)
        return "%<<UNKNOWN SSA VALUE>>" if n is None else "%" + n

    def type(self, t: Type) -> str:
        return self.ap.type(t)

    def attr(self, a: Attribute) -> str:
        if self.elide_elements_larger is not None and isinstance(a, DenseElementsAttr) and \
                a.type.num_elements > self.elide_elements_larger and not a.is_splat:
            return f"dense_resource<__elided__> : {self.type(a.type)}"
        return self.ap.attr(a)

    def attr_dict(self, d: dict[str, Attribute]) -> str:
        if not d:
            return ""
        return "{" + print_attr_dict_body(d, self) + "}"  # type: ignore[arg-type]

    def function_type(self, ins: Sequence[Type], outs: Sequence[Type]) -> str:
        return self.type(FunctionType(ins, outs))

    def block_name(self, b: Block) -> str:
        return self.block_names.get(b, "^INVALIDBLOCK")

    def location(self, loc: LocationAttr) -> str:
        return f"loc({loc.print(self.ap)})"

    # --- structure ------------------------------------------------------------------------------------------------
    def print_top(self, op: Operation) -> str:
        self._number(op)
        out: list[str] = []
        if self.use_aliases:
            col = _AliasCollector()
            for o in op.walk(post_order=False):
                for a in (*o.properties.values(), *o.attributes.values()):
                    col.visit(a)
                for v in o.results:
                    col.visit(v.type)
                for r in o.regions:
                    for b in r.blocks:
                        for a in b.args:
                            col.visit(a.type)
            for prefix, table in (("map", col.maps), ("set", col.sets)):
                for i, a in enumerate(table):
                    alias = f"#{prefix}{i if i else ''}"
                    out.append(f"{alias} = {a.print(self.ap)}\n")
                    self.ap.aliases[a] = alias
        lines: list[str] = []
        self._op(op, 0, lines)
        out.append("\n".join(lines))
        out.append("\n")
        res = getattr(op, "resources", None)
        if res:
            out.append(self._resources(res))
        return "".join(out)

    def _resources(self, res: dict[str, dict[str, Any]]) -> str:
        lines = ["", "{-#", "  dialect_resources: {"]
        groups = []
        for d, entries in res.items():
            items = []
            for k, v in entries.items():
                key = k if k.replace("_", "a").replace(".", "a").isalnum() else print_string(k)
                if isinstance(v, bytes):
                    items.append(f"      {key}: \"0x{v.hex().upper()}\"")
                elif isinstance(v, str):
                    items.append(f"      {key}: {print_string(v)}")
                else:
                    items.append(f"      {key}: {v}")
            groups.append(f"    {d}: {{\n" + ",\n".join(items) + "\n    }")
        lines.append(",\n".join(groups))
        lines.append("  }")
        lines.append("#-}")
        return "\n".join(lines) + "\n"

    def _op(self, op: Operation, depth: int, lines: list[str]) -> None:
        head = INDENT * depth
        res = ""
        if op.results:
            starts = self.groups.get(op)
            if starts is not None:
                bounds = starts + [len(op.results)]
                parts = []
                for a, b in zip(bounds, bounds[1:]):
                    nm = self.names[op.results[a]]
                    parts.append(f"%{nm}" if b - a == 1 else f"%{nm}:{b - a}")
                res = ", ".join(parts) + " = "
            else:
                n = self.names.get(op.results[0], "<<UNKNOWN>>")
                res = f"%{n}:{len(op.results)} = " if len(op.results) > 1 else f"%{n} = "
        body = self.op_body(op, depth)
        loc = ""
        if self.debuginfo:
            loc = " " + self.location(op.location)
        lines.append(head + res + body + loc)

    def op_body(self, op: Operation, depth: int) -> str:
        self._depth = depth
        if not self.generic and op.registered:
            hook = getattr(op, "print_custom", None)
            if hook is not None:
                return hook(self)
            fmt = _format_of(type(op))
            if fmt is not None:
                return self.op_name(op) + fmt.print(op, self)  # type: ignore[arg-type]
        return self.generic_op(op, depth)

    def op_name(self, op: Operation) -> str:
        name = op.name
        dd = self.default_dialect[-1]
        if dd and name.startswith(dd + "."):
            return name[len(dd) + 1:]
        return name

    def generic_op(self, op: Operation, depth: int) -> str:
        s = [print_string(op.name), "(", ", ".join(self.value(v) for v in op.operands), ")"]
        if op.successors:
            s.append("[" + ", ".join(self.block_name(b) for b in op.successors) + "]")
        if op.properties:
            s.append(" <" + self.attr_dict(op.properties) + ">")
        if op.regions:
            self.default_dialect.append("")
            s.append(" (" + ", ".join(self.region(r, depth, True, True, True) for r in op.regions) + ")")
            self.default_dialect.pop()
        if op.attributes:
            s.append(" " + self.attr_dict(op.attributes))
        s.append(" : " + self.function_type(op.operand_types, op.result_types))
        return "".join(s)

    def region(self, region: Region, depth: int | None = None, print_entry_args: bool = True,
               print_terminators: bool = True, print_empty_block: bool = False) -> str:
        if depth is None:
            depth = self._depth
        if not region.blocks:
            return "{\n" + INDENT * depth + "}"
        parent = region.parent
        dd = getattr(parent, "default_dialect", "") if (parent is not None and not self.generic) else ""
        self.default_dialect.append(dd)
        lines: list[str] = []
        for i, b in enumerate(region.blocks):
            header = i > 0 or (print_empty_block and len(b) == 0) or (print_entry_args and bool(b.args))
            self._block(b, depth, header, print_terminators, lines)
        self.default_dialect.pop()
        self._depth = depth
        return "{\n" + "\n".join(lines) + ("\n" if lines else "") + INDENT * depth + "}"

    def _block(self, b: Block, depth: int, header: bool, print_terminators: bool, lines: list[str]) -> None:
        if header:
            h = INDENT * depth + self.block_name(b)
            if b.args:
                args = []
                for a in b.args:
                    s = f"{self.value(a)}: {self.type(a.type)}"
                    if self.debuginfo:
                        s += " " + self.location(a.location)
                    args.append(s)
                h += "(" + ", ".join(args) + ")"
            h += ":"
            preds = [u.owner.parent for u in b._pred_uses if u.owner.parent is not None]
            if not preds:
                if not b.is_entry_block():
                    h += "  // no predecessors"
            elif all(p is preds[0] for p in preds):
                h += "  // pred: " + self.block_name(preds[0])
            else:
                ps = sorted(preds, key=lambda p: self.block_order.get(p, 0))
                h += f"  // {len(ps)} preds: " + ", ".join(self.block_name(p) for p in ps)
            lines.append(h)
        last = b.last_op
        for op in b.ops:
            if not print_terminators and op is last and _is_terminator(op):
                continue
            self._op(op, depth + 1, lines)


def _is_terminator(op: Operation) -> bool:
    from .opdef import IsTerminator

    return op.has_trait(IsTerminator)


def _format_of(cls: type) -> Any:
    f = cls.__dict__.get("_compiled_format")
    if f is None and getattr(cls, "assembly_format", None):
        from .asm_format import CompiledFormat

        f = CompiledFormat(cls)  # type: ignore[arg-type]
        cls._compiled_format = f  # type: ignore[attr-defined]
    return f


def print_op(op: Operation, generic: bool = False, debuginfo: bool = False, **kw: Any) -> str:
    """The text of ``op`` (normally a module) as mlir-opt prints it, with a trailing newline."""
    return Printer(generic=generic, debuginfo=debuginfo, **kw).print_top(op)


__all__ = ["Printer", "print_op", "BlockArgument", "UnknownLoc"]
