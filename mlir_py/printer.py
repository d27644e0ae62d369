"""Print IR as MLIR text, custom (pretty) form by default, generic form on request.

Value and block naming reproduce MLIR's ``SSANameState`` (mlir/lib/IR/AsmPrinter.cpp): entry-block arguments
are ``%argN``, other values ``%N``, blocks ``^bbN`` per region, name hints (``%c0_i32``, ``%cst``) uniqued
with ``_N`` suffixes. Regions are numbered from a stack; in custom form a nested region starts from its
parent's counters (so sibling regions reuse numbers), in generic form one counter runs through the module.
Affine maps, integer sets and locations are hoisted into ``#map``/``#set``/``#loc`` aliases as MLIR's
``AliasInitializer`` does (see :meth:`Printer.print_top`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .attributes import (
    AffineMapAttr,
    Attribute,
    AttrPrinter,
    DenseElementsAttr,
    FunctionType,
    IntegerSetAttr,
    LocationAttr,
    Type,
    UnknownLoc,
    print_attr_dict_body,
    print_keyword_or_string,
    print_string,
    sub_elements,
)
from .ir import Block, BlockArgument, Operation, OpResult, Region, Value

INDENT = "  "


class ExplicitProperties(dict):  # type: ignore[type-arg]
    """The properties of an unregistered op written as ``<{...}>``: printed even when empty, since MLIR keeps the
    (empty) dictionary attribute of such an op."""

    __slots__ = ()


def _alias_prefix(x: Any) -> str | None:
    """The builtin dialect's ``OpAsmDialectInterface::getAlias``: ``#map``, ``#set`` and ``#loc`` aliases."""
    if isinstance(x, AffineMapAttr):
        return "map"
    if isinstance(x, IntegerSetAttr):
        return "set"
    if isinstance(x, LocationAttr):
        return "loc"
    return None


class _AliasState:
    """MLIR's ``AliasInitializer`` (AsmPrinter.cpp): every attribute and type met by a dry-run print is
    recorded with its alias depth (1 for an aliased leaf, 1 + the deepest nested element otherwise) and whether
    its definition can be deferred to the end of the file (operation locations) or must come first."""

    def __init__(self) -> None:
        #: element -> [depth, deferrable, alias prefix or None, children]
        self.nodes: dict[Any, list[Any]] = {}

    def visit(self, x: Any, deferrable: bool = False) -> int:
        node = self.nodes.get(x)
        if node is not None:
            if not deferrable:
                self._pin(node)
            return node[0]  # type: ignore[no-any-return]
        prefix = _alias_prefix(x)
        node = self.nodes[x] = [1 if prefix else 0, deferrable, prefix, []]
        deepest = 0
        for c in sub_elements(x):
            deepest = max(deepest, self.visit(c, deferrable))
            node[3].append(c)
        if deepest:
            node[0] = deepest + 1
        return node[0]  # type: ignore[no-any-return]

    def _pin(self, node: list[Any]) -> None:
        if node[1]:
            node[1] = False
            for c in node[3]:
                self._pin(self.nodes[c])

    def names(self) -> list[tuple[Any, str, bool]]:
        """(element, alias, deferrable) in definition order: by depth, then prefix, then first visit."""
        items = sorted(((x, n) for x, n in self.nodes.items() if n[2]), key=lambda it: (it[1][0], it[1][2]))
        counts: dict[str, int] = {}
        out = []
        for x, n in items:
            i = counts.get(n[2], 0)
            counts[n[2]] = i + 1
            suffix = ("_" if n[2][-1].isdigit() else "") + str(i) if i else ""
            out.append((x, f"#{n[2]}{suffix}", n[1]))
        return out


def _may_need_aliases(root: Operation) -> bool:
    """Whether any attribute or type in ``root`` contains an affine map, integer set or location (a cheap scan
    that lets the printer skip the alias dry run). Operand types are those of results and block arguments."""
    seen: set[Any] = set()

    def has(x: Any) -> bool:
        seen.add(x)
        if isinstance(x, (AffineMapAttr, IntegerSetAttr, LocationAttr)):
            return True
        for c in sub_elements(x):
            if c not in seen and has(c):
                return True
        return False

    for o in root.walk(post_order=False):
        for a in o.attributes.values():
            if a not in seen and has(a):
                return True
        for a in o.properties.values():
            if a not in seen and has(a):
                return True
        for r in o.results:
            if r.type not in seen and has(r.type):
                return True
        for region in o.regions:
            for b in region.blocks:
                for arg in b.args:
                    if arg.type not in seen and has(arg.type):
                        return True
    return False


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
        #: set during the alias dry run (see :meth:`print_top`): element accessors only record what they meet
        self._aliases: _AliasState | None = None

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
            arg_hints: list[str | None] = []
            if not generic and region.blocks and region.parent is not None:
                # OpAsmOpInterface::getAsmBlockArgumentNames (e.g. linalg's %in, %out)
                fn = getattr(region.parent, "asm_block_arg_names", None)
                if fn is not None:
                    arg_hints = list(fn(region) or [])
            for bi, block in enumerate(region.blocks):
                self.block_names[block] = f"^bb{bi}"
                self.block_order[block] = bi
                entry = bi == 0
                for ai, a in enumerate(block.args):
                    if entry and ai < len(arg_hints) and arg_hints[ai]:
                        names[a] = self._unique(arg_hints[ai], used, counters)  # type: ignore[arg-type]
                    elif entry:
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
                return "<<UNKNOWN SSA VALUE>>" if n is None else f"%{n}#{v.index}"
            start = max(s for s in starts if s <= v.index)
            nxt = [s for s in starts if s > start]
            size = (nxt[0] if nxt else len(v.op.results)) - start
            base = self.names[v.op.results[start]]
            return f"%{base}" if size == 1 else f"%{base}#{v.index - start}"
        n = self.names.get(v)
        return "<<UNKNOWN SSA VALUE>>" if n is None else "%" + n

    def type(self, t: Type) -> str:
        if self._aliases is not None:
            self._aliases.visit(t)
            return ""
        return self.ap.type(t)

    def attr(self, a: Attribute) -> str:
        if self._aliases is not None:
            self._aliases.visit(a)
            return ""
        if self.elide_elements_larger is not None and isinstance(a, DenseElementsAttr) and \
                a.type.num_elements > self.elide_elements_larger and not a.is_splat:
            return f"dense_resource<__elided__> : {self.type(a.type)}"
        return self.ap.attr(a)

    def attr_dict(self, d: dict[str, Attribute], visit: bool = True) -> str:
        """``{k = v, unit_key}`` sorted by key ("" when empty); ``visit=False`` keeps the values out of the
        alias dry run (they print through existing aliases only)."""
        if not d:
            return ""
        if self._aliases is not None and not visit:
            return ""
        return "{" + print_attr_dict_body(d, self) + "}"  # type: ignore[arg-type]

    def function_type(self, ins: Sequence[Type], outs: Sequence[Type]) -> str:
        return self.type(FunctionType(ins, outs))

    def block_name(self, b: Block) -> str:
        return self.block_names.get(b, "^INVALIDBLOCK")

    def location(self, loc: LocationAttr) -> str:
        """An operation's trailing ``loc(...)``: through its alias (``loc(#loc3)``) when it has one."""
        if self._aliases is not None:
            self._aliases.visit(loc, True)
            return ""
        alias = self.ap.aliases.get(loc)
        return f"loc({alias})" if alias is not None else self.ap.attr(loc)

    def arg_location(self, loc: LocationAttr) -> str:
        """A block argument's ``loc(...)``: always spelled out (nested locations may use aliases), as MLIR's
        ``printTrailingLocation(loc, /*allowAlias=*/false)``; its alias is still defined at the top."""
        if self._aliases is not None:
            self._aliases.visit(loc, False)
            return ""
        return f"loc({loc.print(self.ap)})"

    # --- structure ------------------------------------------------------------------------------------------------
    def print_top(self, op: Operation) -> str:
        """The file text of ``op``: alias definitions that cannot be deferred, the op, deferred (location)
        aliases, then the ``{-# dialect_resources #-}`` section.

        Aliases come from a dry run of the printer in MLIR's visiting order (the custom printers run with
        element accessors that only record; generic ops visit regions, operand and result types, attributes,
        then properties), numbered as ``AliasInitializer::initializeAliases`` does."""
        self._number(op)
        deferred: list[str] = []
        out: list[str] = []
        if self.use_aliases and (self.debuginfo or _may_need_aliases(op)):
            state = self._aliases = _AliasState()
            try:
                self._op(op, 0, [])
            finally:
                self._aliases = None
            names = state.names()
            self.ap = AttrPrinter({x: alias for x, alias, _ in names})
            for x, alias, can_defer in names:
                body = f"loc({x.print(self.ap)})" if isinstance(x, LocationAttr) else x.print(self.ap)
                (deferred if can_defer else out).append(f"{alias} = {body}\n")
        lines: list[str] = []
        self._op(op, 0, lines)
        out.append("\n".join(lines))
        out.append("\n")
        out.extend(deferred)
        res = getattr(op, "resources", None)
        if res:
            out.append(self._resources(res))
        return "".join(out)

    def _resources(self, res: dict[str, dict[str, Any]]) -> str:
        """The ``{-# dialect_resources #-}`` section: of the builtin blobs, those the printed IR refers to, in the
        order of first reference (as MLIR); other dialects' entries as they are."""
        groups = []
        for d, entries in res.items():
            keys = [k for k in self.ap.resources if k in entries] if d == "builtin" else list(entries)
            items = []
            for k in keys:
                v = entries[k]
                key = print_keyword_or_string(k)
                if isinstance(v, bytes):
                    items.append(f"      {key}: \"0x{v.hex().upper()}\"")
                elif isinstance(v, str):
                    items.append(f"      {key}: {print_string(v)}")
                else:
                    items.append(f"      {key}: {v}")
            if items:
                groups.append(f"    {d}: {{\n" + ",\n".join(items) + "\n    }")
        if not groups:
            return ""
        return "\n".join(["", "{-#", "  dialect_resources: {", ",\n".join(groups), "  }", "#-}"]) + "\n"

    def _op(self, op: Operation, depth: int, lines: list[str]) -> None:
        if self._aliases is not None:  # alias dry run: the location first, then what the op prints
            if self.debuginfo:
                self._aliases.visit(op.location, True)
            self.op_body(op, depth)
            return
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
        if self._aliases is not None:
            return self._visit_generic(op, depth)
        s = [print_string(op.name), "(", ", ".join(self.value(v) for v in op.operands), ")"]
        if op.successors:
            s.append("[" + ", ".join(self.block_name(b) for b in op.successors) + "]")
        if op.properties:
            s.append(" <" + self.attr_dict(op.properties) + ">")
        elif type(op.properties) is ExplicitProperties:
            s.append(" <{}>")
        if op.regions:
            self.default_dialect.append("")
            s.append(" (" + ", ".join(self.region(r, depth, True, True, True) for r in op.regions) + ")")
            self.default_dialect.pop()
        if op.attributes:
            s.append(" " + self.attr_dict(op.attributes))
        s.append(" : " + self.function_type(op.operand_types, op.result_types))
        return "".join(s)

    def _visit_generic(self, op: Operation, depth: int) -> str:
        """The alias dry run of a generic op, in MLIR's ``DummyAliasOperationPrinter::printGenericOp`` order."""
        state = self._aliases
        assert state is not None
        if op.regions:
            self.default_dialect.append("")
            for r in op.regions:
                self.region(r, depth, True, True, True)
            self.default_dialect.pop()
        for t in op.operand_types:
            state.visit(t)
        for t in op.result_types:
            state.visit(t)
        for k in sorted(op.attributes):
            state.visit(op.attributes[k])
        if op.registered:
            for k in sorted(op.properties):
                state.visit(op.properties[k])
        return ""

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
                        s += " " + self.arg_location(a.location)
                    args.append(s)
                h += "(" + ", ".join(args) + ")"
            h += ":"
            preds = [u.owner.parent for u in b._pred_uses if u.owner.parent is not None]
            if not preds:
                if not b.is_entry_block():
                    h += "  // no predecessors"
            elif len(preds) == 1:  # Block::getSinglePredecessor: one edge (two edges from one block are 2 preds)
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
