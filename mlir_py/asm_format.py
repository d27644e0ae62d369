"""Declarative assembly formats (MLIR's ``assemblyFormat``, mlir/docs/DefiningDialects/Operations.md).

A format such as ``$lhs `,` $rhs (`overflow` `` $overflowFlags^)? attr-dict `:` type($result)`` is compiled once
per op class into three things: lark grammar rules (so that registering a dialect extends the parser), a parse
callback that builds the operation from the matched children, and a printer. Supported elements: literals
(`` `,` ``, `` `to` ``), spaces (`` ` ` ``, `` `` ``), variables (``$operand``, ``$prop``, ``$region``,
``$successor``), ``type(...)``, ``functional-type(..., ...)``, ``attr-dict``, ``attr-dict-with-keyword``,
``operands``, ``results``, ``regions`` and optional groups ``(...)?`` with an anchor ``^``.

Types missing from the format are inferred (MLIR's type resolution): ``SameOperandsAndResultType``, the op's
``all_types_match`` groups, or its ``infer_result_types`` classmethod.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .attributes import Type, UnitAttr, print_attr_entry

if TYPE_CHECKING:
    from .opdef import Op


class FormatError(Exception):
    """A malformed assembly format in an op definition (a bug in the dialect)."""


@dataclass
class Elem:
    kind: str  # literal space var type ftype attrdict operands group
    text: str = ""
    vars: list[str] = field(default_factory=list)
    vars2: list[str] = field(default_factory=list)
    children: list[Elem] = field(default_factory=list)
    anchor: str | None = None
    with_keyword: bool = False


_TOKEN = re.compile(r"\s*(`[^`]*`|\$[A-Za-z_][A-Za-z0-9_]*\^?|functional-type|type|attr-dict-with-keyword|attr-dict|"
                    r"operands|results|regions|successors|qualified|[()?,^:])")


def parse_format(fmt: str) -> list[Elem]:
    toks = []
    pos = 0
    while pos < len(fmt):
        m = _TOKEN.match(fmt, pos)
        if not m:
            if fmt[pos:].strip() == "":
                break
            raise FormatError(f"bad assembly format near {fmt[pos:pos + 20]!r}")
        toks.append(m.group(1))
        pos = m.end()
    i = 0

    def elems(stop: str | None) -> list[Elem]:
        nonlocal i
        out: list[Elem] = []
        while i < len(toks) and toks[i] != stop:
            t = toks[i]
            i += 1
            if t.startswith("`"):
                lit = t[1:-1]
                out.append(Elem("space", lit) if lit in ("", " ", "\\n") else Elem("literal", lit))
            elif t.startswith("$"):
                name = t[1:].rstrip("^")
                e = Elem("var", vars=[name])
                if t.endswith("^"):
                    e.anchor = name
                out.append(e)
            elif t in ("type", "functional-type", "qualified"):
                assert toks[i] == "("
                i += 1
                args: list[list[str]] = [[]]
                while toks[i] != ")":
                    a = toks[i]
                    i += 1
                    if a == ",":
                        args.append([])
                    else:
                        args[-1].append(a.lstrip("$").rstrip("^"))
                i += 1
                if t == "type":
                    out.append(Elem("type", vars=args[0]))
                elif t == "qualified":
                    out.append(Elem("var", vars=args[0]))
                else:
                    out.append(Elem("ftype", vars=args[0], vars2=args[1]))
            elif t in ("attr-dict", "attr-dict-with-keyword"):
                out.append(Elem("attrdict", with_keyword=t.endswith("keyword")))
            elif t in ("operands", "results", "regions", "successors"):
                out.append(Elem(t))
            elif t == "(":
                children = elems(")")
                i += 1  # ')'
                if i < len(toks) and toks[i] == "?":
                    i += 1
                    g = Elem("group", children=children)
                    anchors = [c.anchor for c in _walk(children) if c.anchor]
                    if not anchors:
                        raise FormatError("optional group without an anchor '^'")
                    g.anchor = anchors[0]
                    out.append(g)
                else:
                    raise FormatError("parenthesized group must be optional '(...)?'")
            else:
                raise FormatError(f"unexpected {t!r} in assembly format")
        return out

    return elems(None)


def _walk(es: Sequence[Elem]) -> list[Elem]:
    out = []
    for e in es:
        out.append(e)
        out.extend(_walk(e.children))
    return out


class CompiledFormat:
    """The grammar rules, parse callback and printer for one op class's ``assembly_format``."""

    def __init__(self, op_cls: type[Op]):
        self.op_cls = op_cls
        assert op_cls.assembly_format is not None
        self.elems = parse_format(op_cls.assembly_format)
        self.operands = {d.name: d for d in op_cls.operand_defs}
        self.results = {d.name: d for d in op_cls.result_defs}
        self.props = {(d.attr_name or d.name): d for d in op_cls.prop_defs}
        self.props.update({d.name: d for d in op_cls.prop_defs})
        self.regions = {d.name: d for d in op_cls.region_defs}
        self.successors = {d.name: d for d in op_cls.successor_defs}
        self.used_props = {(self.props[v].attr_name or v) for e in _walk(self.elems) if e.kind == "var"
                           for v in e.vars if v in self.props}
        #: inherent attributes the format does not place: printed and parsed as ``<name = value>`` at attr-dict
        #: (MLIR's strict properties: they may not appear in the discardable ``{...}`` dictionary)
        self.extra_props = [d for d in op_cls.prop_defs if (d.attr_name or d.name) not in self.used_props]
        self.rule_name = "op_" + re.sub(r"\W", "_", op_cls.OPERATION_NAME)
        self.extra_rules: list[str] = []
        self._group_counter = 0

    # --- grammar ------------------------------------------------------------------------------------------------
    def grammar(self, opname_terminal: str) -> list[str]:
        body = self._rule_body(self.elems)
        rules = [f"{self.rule_name}: {opname_terminal} {body}", *self.extra_rules]
        return rules

    def _var_kind(self, name: str) -> str:
        cache = self.__dict__.setdefault("_kinds", {})
        k = cache.get(name)
        if k is None:
            k = cache[name] = self._var_kind_uncached(name)
        return k

    def _var_kind_uncached(self, name: str) -> str:
        for kind, table in (("operand", self.operands), ("prop", self.props), ("region", self.regions),
                            ("successor", self.successors), ("result", self.results)):
            if name in table:
                return kind
        raise FormatError(f"'{self.op_cls.OPERATION_NAME}': unknown variable ${name} in assembly format")

    def _arity(self, name: str) -> str:
        kind = self._var_kind(name)
        table: dict[str, Any] = self.operands if kind == "operand" else self.results if kind == "result" else {}
        return getattr(table.get(name), "arity", "single")

    def _rule_body(self, elems: Sequence[Elem]) -> str:
        parts = []
        for e in elems:
            if e.kind == "literal":
                parts.append('"' + e.text.replace("\\", "\\\\").replace('"', '\\"') + '"')
            elif e.kind == "space":
                continue
            elif e.kind == "var":
                name = e.vars[0]
                kind = self._var_kind(name)
                if kind == "operand":
                    ar = self._arity(name)
                    parts.append("VALUE_ID" if ar == "single" else "[VALUE_ID]" if ar == "optional" else "[value_list]")
                elif kind == "prop":
                    d = self.props[name]
                    g = getattr(d.attr_class, "format_grammar", None) or "attribute"
                    if isinstance(d.attr_class, type) and issubclass(d.attr_class, UnitAttr):
                        continue
                    parts.append(g)
                elif kind == "region":
                    parts.append("region")
                elif kind == "successor":
                    parts.append("CARET_ID")
            elif e.kind == "type":
                if len(e.vars) == 1 and e.vars[0] not in ("operands", "results") and self._arity(e.vars[0]) == "single":
                    parts.append("type")
                else:
                    parts.append("[type_list]")
            elif e.kind == "ftype":
                parts.append("function_type")
            elif e.kind == "attrdict":
                if self.extra_props:
                    parts.append("[prop_angle]")
                parts.append('["attributes" attr_dict]' if e.with_keyword else "[attr_dict]")
            elif e.kind == "operands":
                parts.append("[value_list]")
            elif e.kind == "regions":
                parts.append("region*")
            elif e.kind == "group":
                self._group_counter += 1
                gname = f"{self.rule_name}_g{self._group_counter}"
                body = self._rule_body(e.children) or '""'
                self.extra_rules.append(f"{gname}: {body}")
                parts.append(f"[{gname}]")
            else:
                raise FormatError(f"unsupported format element {e.kind}")
        return " ".join(p for p in parts if p)

    # --- parse: children -> operation -----------------------------------------------------------------------------
    def bind(self, elems: Sequence[Elem], children: Sequence[Any], out: dict[str, Any]) -> None:
        """Assign matched children to the format's elements (same order as :meth:`_rule_body`)."""
        it = iter(children)
        for e in elems:
            if e.kind in ("literal", "space"):
                continue
            if e.kind == "var":
                name = e.vars[0]
                kind = self._var_kind(name)
                if kind == "prop":
                    d = self.props[name]
                    if isinstance(d.attr_class, type) and issubclass(d.attr_class, UnitAttr):
                        out.setdefault("__units__", []).append(d.attr_name)
                        continue
                out[name] = next(it)
            elif e.kind == "type":
                out.setdefault("__types__", []).append((e.vars, next(it)))
            elif e.kind == "ftype":
                out["__ftype__"] = (e.vars, e.vars2, next(it))
            elif e.kind == "attrdict":
                if self.extra_props:
                    out["__propdict__"] = next(it)
                out["__attrdict__"] = next(it)
            elif e.kind == "operands":
                out["__operands__"] = next(it)
            elif e.kind == "regions":
                out["__regions__"] = list(it)
            elif e.kind == "group":
                sub = next(it)
                if sub is not None:
                    self.bind(e.children, sub, out)

    # --- print ----------------------------------------------------------------------------------------------------
    def print(self, op: Op, p: Any) -> str:
        out: list[str] = []
        state = {"space": True, "punct": False}  # OpFormatGen: lastWasPunctuation = false
        self._print_elems(self.elems, op, p, out, state)
        return "".join(out)

    def _present(self, op: Op, anchor: str) -> bool:
        kind = self._var_kind(anchor)
        if kind == "operand":
            v = getattr(op, self.operands[anchor].name)
            return v is not None and v != []
        if kind == "prop":
            d = self.props[anchor]
            a = op.properties.get(d.attr_name or anchor)
            return a is not None and a != d.default
        if kind == "region":
            r = getattr(op, self.regions[anchor].name)
            return bool(r.blocks) if not isinstance(r, list) else bool(r)
        if kind == "result":
            v = getattr(op, self.results[anchor].name)
            return v is not None and v != []
        return True

    def _print_elems(self, elems: Sequence[Elem], op: Op, p: Any, out: list[str], st: dict[str, bool]) -> None:
        for e in elems:
            if e.kind == "literal":
                v = e.text
                if st["space"] and _space_before(v, st["punct"]):
                    out.append(" ")
                out.append(v)
                st["space"] = len(v) != 1 or v not in "<({["
                st["punct"] = v[0] != "_" and not v[0].isalpha()
                continue
            if e.kind == "space":
                if e.text == " ":
                    out.append(" ")
                    st["punct"] = False
                else:
                    st["punct"] = True
                st["space"] = False
                continue
            if e.kind == "group":
                assert e.anchor is not None
                if self._present(op, e.anchor):
                    self._print_elems(e.children, op, p, out, st)
                continue
            if e.kind == "attrdict":
                extra = []
                for d in self.extra_props:
                    a = op.properties.get(d.attr_name or d.name)
                    if a is not None and a != d.default:
                        pd = getattr(d.attr_class, "print_prop_dict", None)  # a native (non-attribute) property
                        extra.append(print_attr_entry(d.attr_name or d.name, a, p) if pd is None
                                     else f"{d.attr_name or d.name} = {pd(a, p)}")
                if extra:
                    out.append(" <" + ", ".join(extra) + ">")
                s = p.attr_dict(op.attributes)
                if s:
                    out.append(" attributes " + s if e.with_keyword else " " + s)
                st["punct"] = False
                continue
            if e.kind == "var" and self._var_kind(e.vars[0]) == "prop":
                d = self.props[e.vars[0]]
                if isinstance(d.attr_class, type) and issubclass(d.attr_class, UnitAttr):
                    continue
            if st["space"] or not st["punct"]:
                out.append(" ")
            st["punct"] = False
            st["space"] = True
            out.append(self._print_elem(e, op, p))

    def _print_elem(self, e: Elem, op: Op, p: Any) -> str:
        if e.kind == "var":
            name = e.vars[0]
            kind = self._var_kind(name)
            if kind == "operand":
                v = getattr(op, self.operands[name].name)
                if v is None:
                    return ""
                return ", ".join(p.value(x) for x in v) if isinstance(v, list) else p.value(v)
            if kind == "prop":
                d = self.props[name]
                a = op.properties.get(d.attr_name or name, d.default)
                pf = getattr(d.attr_class, "print_format", None)
                return pf(a, p) if pf is not None and a is not None else p.attr(a)
            if kind == "region":
                return p.region(getattr(op, self.regions[name].name))
            if kind == "successor":
                return p.block_name(getattr(op, self.successors[name].name))
        if e.kind == "type":
            return ", ".join(p.type(t) for t in self._types_of(op, e.vars))
        if e.kind == "ftype":
            ins = self._types_of(op, e.vars)
            outs = self._types_of(op, e.vars2)
            return p.function_type(ins, outs)
        if e.kind == "operands":
            return ", ".join(p.value(v) for v in op.operands)
        if e.kind == "regions":
            return " ".join(p.region(r) for r in op.regions)
        raise FormatError(e.kind)

    def _types_of(self, op: Op, names: Sequence[str]) -> list[Type]:
        ts: list[Type] = []
        for n in names:
            if n == "operands":
                ts.extend(op.operand_types)
            elif n == "results":
                ts.extend(op.result_types)
            else:
                v = getattr(op, n) if n in self.operands or n in self.results else None
                if v is None:
                    continue
                ts.extend(x.type for x in v) if isinstance(v, list) else ts.append(v.type)
        return ts


def _space_before(value: str, last_was_punct: bool) -> bool:
    """``shouldEmitSpaceBefore`` in mlir/tools/mlir-tblgen/OpFormatGen.cpp."""
    if len(value) != 1 and value != "->":
        return True
    if last_was_punct:
        return value[0] not in ">)}],"
    return value[0] not in "<>(){}[],"
