"""``view-op-graph``: print a Graphviz DOT graph of the op the pass runs on (mlir/lib/Transforms/ViewOpGraph.cpp).

The graph is MLIR's: an op with regions is a ``subgraph cluster_N`` (with an invisible anchor node and a label of
its name, result types and attributes), every block a cluster of its own, block arguments ``Mrecord`` nodes,
other ops ``Mrecord`` nodes whose record label lists the operands as ports ``<arg_x>``, the name and
attributes, and the results as ports ``<res_x>``; nodes of one op name share a fill colour (hue = rank of
first appearance in a post-order walk / number of op names, saturation 0.3, value 0.95). Data-flow edges go
from result port to operand port (``ltail``/``lhead`` when an end is a cluster) and are written after all
nodes; control-flow edges (successive ops of a block) are optional. Value names are the printer's
(``%arg0``, ``%c1_i32``, ``%0``). The DOT text goes to stderr (as MLIR's ``llvm::errs()``); the IR is unchanged.
Render with ``dot -Tsvg``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TextIO

from mlir_py.attributes import ArrayAttr, Attribute, DenseElementsAttr, Type
from mlir_py.ir import Block, BlockArgument, Operation, Region, Value
from mlir_py.pass_manager import Pass, PassOption, register_pass
from mlir_py.printer import Printer

_LARGE_ATTR_LIMIT = 16
_SEGMENTS = ("operandSegmentSizes", "resultSegmentSizes")


def _escape(s: str) -> str:
    """Record-label escaping (Graphviz: braces, bars, angle brackets, quotes and newlines take a backslash)."""
    return "".join("\\" + c if c in '{|<}>"\n' else c for c in s)


def _port(name: str) -> str:
    return name.replace("%", "_").replace("#", "_").replace(".", "_").replace("-", "_")


class _Graph:
    """One DOT emission (the state of MLIR's ``PrintOpPass`` during ``runOnOperation``)."""

    def __init__(self, root: Operation, options: dict[str, Any]):
        self.max_len: int = options["max-label-len"]
        self.attrs: bool = options["print-attrs"]
        self.cf_edges: bool = options["print-control-flow-edges"]
        self.df_edges: bool = options["print-data-flow-edges"]
        self.types: bool = options["print-result-types"]
        self.printer = Printer()
        self.printer._number(root)
        self.lines: list[str] = []
        self.depth = 0
        self.counter = 0
        self.edges: list[str] = []
        self.data_edges: list[tuple[Value, tuple[int, int | None], str]] = []
        self.value_node: dict[Value, tuple[int, int | None]] = {}
        first: dict[str, None] = {}
        for op in root.walk():
            first.setdefault(op.name, None)
        self.colors = {n: f"{i / len(first):.6f} 0.3 0.95" for i, n in enumerate(first)}

    # --- text -----------------------------------------------------------------------------------------------------
    def emit(self, line: str) -> None:
        self.lines.append("  " * self.depth + line)

    def trunc(self, s: str) -> str:
        return s if len(s) <= self.max_len else s[:self.max_len] + "..."

    def type(self, t: Type) -> str:
        return _escape(self.trunc(self.printer.type(t)))

    def attr(self, a: Attribute) -> str:
        if isinstance(a, DenseElementsAttr):
            if a.is_splat:
                return _escape(self.printer.attr(a))
            if a.type.num_elements > _LARGE_ATTR_LIMIT:
                rank = len(a.type.shape)
                return "[" * rank + "..." + "]" * rank + " : " + self.type(a.type)
        if isinstance(a, ArrayAttr) and len(a.value) > _LARGE_ATTR_LIMIT:
            return "[...]"
        return _escape(self.trunc(self.printer.attr(a)))

    @staticmethod
    def named_attrs(op: Operation) -> list[tuple[str, Attribute]]:
        """MLIR's ``getAttrs()`` order: discardable attributes (sorted), then the inherent ones (sorted, segment
        sizes last), as ``Operation::getAttrDictionary`` appends ``populateInherentAttrs``."""
        native = {d.attr_name or d.name for d in getattr(type(op), "prop_defs", ())
                  if getattr(d.attr_class, "native_property", False)}  # not attributes in MLIR: not listed
        props = sorted((kv for kv in op.properties.items() if kv[0] not in native),
                       key=lambda kv: (kv[0] in _SEGMENTS, kv[0]))
        return sorted(op.attributes.items()) + props

    # --- statements -------------------------------------------------------------------------------------------------
    def node(self, label: str, shape: str, fill: str = "") -> tuple[int, int | None]:
        self.counter += 1
        attrs = {"label": f'"{label}"', "shape": shape}
        if fill:
            attrs.update(style="filled", fillcolor=f'"{fill}"')
        self.emit(f"v{self.counter} [" + ", ".join(f"{k} = {v}" for k, v in sorted(attrs.items())) + "];")
        return self.counter, None

    def cluster(self, body: Callable[[], None], label: str = "") -> tuple[int, int | None]:
        self.counter += 1
        cid = self.counter
        self.emit(f"subgraph cluster_{cid} {{")
        self.depth += 1
        anchor, _ = self.node(" ", "plain")
        self.emit(f'label = "{label}";')
        body()
        self.depth -= 1
        self.emit("}")
        return anchor, cid

    def edge(self, src: tuple[int, int | None], dst: tuple[int, int | None], port: str, style: str) -> None:
        attrs = {"style": style}
        if src[1] is not None:
            attrs["ltail"] = f"cluster_{src[1]}"
        if dst[1] is not None:
            attrs["lhead"] = f"cluster_{dst[1]}"
        s = f"v{src[0]}" + (f":res{port}:s" if port and src[1] is None else "")
        d = f"v{dst[0]}" + (f":arg{port}:n" if port and dst[1] is None else "")
        self.edges.append(f"{s} -> {d}[" + ", ".join(f"{k} = {v}" for k, v in sorted(attrs.items())) + "]")

    # --- labels -----------------------------------------------------------------------------------------------------
    def value_port(self, v: Value) -> tuple[str, str]:
        name = self.printer.value(v)
        return _port(name), name

    def cluster_label(self, op: Operation) -> str:
        s = op.name
        if self.types:
            s += " : (" + self.trunc(", ".join(self.printer.type(t) for t in op.result_types)) + ")"
        if self.attrs:
            s += "\\l" + "".join(f"{_escape(k)}: {self.attr(a)}\\l" for k, a in self.named_attrs(op))
        return s

    def record_label(self, op: Operation) -> str:
        s = "{"
        if op.operands:
            s += "{" + "|".join(f"<arg{p}> {n}" for p, n in map(self.value_port, op.operands)) + "}|"
        s += op.name + "\\l"
        attrs = self.named_attrs(op)
        if self.attrs and attrs:
            s += "\\l" + "".join(f"{k}: {self.attr(a)}\\l" for k, a in attrs)
        if op.results:
            parts = []
            for r in op.results:
                p, n = self.value_port(r)
                parts.append(f"<res{p}> {n}" + (f" {self.type(r.type)}" if self.types else ""))
            s += "|{" + "|".join(parts) + "}"
        return s + "}"

    def arg_label(self, a: BlockArgument) -> str:
        p, n = self.value_port(a)
        return f"<res{p}> {n}" + (f" {self.type(a.type)}" if self.types else "")

    # --- traversal --------------------------------------------------------------------------------------------------
    def block(self, b: Block) -> None:
        def body() -> None:
            for a in b.args:
                self.value_node[a] = self.node(self.arg_label(a), "Mrecord")
            prev = None
            for op in b.ops:
                nxt = self.op(op)
                if self.cf_edges and prev is not None:
                    self.edge(prev, nxt, "", "dashed")
                prev = nxt

        self.cluster(body)

    def region(self, r: Region) -> None:
        for b in r.blocks:
            self.block(b)

    def op(self, op: Operation) -> tuple[int, int | None]:
        if op.regions:
            def body() -> None:
                for r in op.regions:
                    self.region(r)

            node = self.cluster(body, self.cluster_label(op))
        else:
            node = self.node(self.record_label(op), "Mrecord", self.colors[op.name])
        if self.df_edges:
            self.data_edges.extend((v, node, self.value_port(v)[0]) for v in op.operands)
        for r in op.results:
            self.value_node[r] = node
        return node

    def graph(self, root: Operation) -> str:
        self.emit("digraph G {")
        self.depth += 1
        self.emit("compound = true;")
        self.op(root)
        for v, node, port in self.data_edges:
            self.edge(self.value_node.get(v, (0, None)), node, port, "solid")
        for e in self.edges:
            self.emit(e + ";")
        self.depth -= 1
        self.emit("}")
        return "\n".join(self.lines) + "\n"


def op_graph_dot(op: Operation, **options: Any) -> str:
    """The DOT text ``view-op-graph`` prints for ``op`` (options by name, with ``_`` for ``-``)."""
    return ViewOpGraphPass(**options).graph(op)


@register_pass
class ViewOpGraphPass(Pass):
    """Print a Graphviz (DOT) visualization of the operation's dataflow to stderr, in the format of MLIR's
    `--view-op-graph` (mlir/lib/Transforms/ViewOpGraph.cpp): clusters for ops with regions and for blocks,
    record nodes with operand/result ports, data-flow edges between ports, optional control-flow edges."""

    argument = "view-op-graph"
    summary = "Print Graphviz visualization of an operation"
    options = [
        PassOption("max-label-len", int, 20, "Limit attribute/type length to number of chars"),
        PassOption("print-attrs", bool, True, "Print attributes of operations"),
        PassOption("print-control-flow-edges", bool, False, "Print control flow edges"),
        PassOption("print-data-flow-edges", bool, True, "Print data flow edges"),
        PassOption("print-result-types", bool, True, "Print result types of operations"),
    ]

    def __init__(self, stream: TextIO | None = None, **options: Any):
        super().__init__(**options)
        self.stream = stream

    def graph(self, op: Operation) -> str:
        return _Graph(op, self.option_values).graph(op)

    def run_on_operation(self, op: Operation) -> None:
        out = self.stream or sys.stderr
        out.write(self.graph(op))
