"""The func dialect (mlir/docs/Dialects/Func.md): functions, calls and returns.

``func.func`` has a hand-written syntax (parsed by the core grammar, printed by :meth:`FuncOp.print_custom`);
the other ops use declarative assembly formats identical to MLIR's ODS definitions. Inside a ``func.func`` the
``func.`` prefix is omitted when printing (``return``, ``call``), as MLIR's default-dialect rule does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from mlir_py.attributes import (
    ArrayAttr,
    DictionaryAttr,
    FunctionType,
    StringAttr,
    SymbolRefAttr,
    Type,
    TypeAttr,
    print_symbol_name,
)
from mlir_py.dialect import Dialect
from mlir_py.ir import Block, Operation, SymbolTable, nearest_symbol_table
from mlir_py.opdef import (
    AutomaticAllocationScope,
    ConstantLike,
    HasParent,
    IsolatedFromAbove,
    IsTerminator,
    Op,
    Pure,
    ReturnLike,
    Symbol,
    isa,
    operand,
    prop,
    region_def,
    result_def,
    var_operand,
    var_result,
)
from mlir_py.printer import Printer
from mlir_py.rewrite import FunctionPattern

FlatSymbolRef = isa(SymbolRefAttr, description="flat symbol reference attribute")


_FT = TypeVar("_FT", bound=Type)


class FunctionOpBase(Op):
    """Base of ``func.func`` and ``llvm.func`` (MLIR's ``FunctionOpInterface``): a symbol (``sym_name``,
    ``sym_visibility``) whose body region's entry block arguments are the function's arguments, with per-argument
    and per-result attribute dictionaries in ``arg_attrs``/``res_attrs``. A declaration has an empty region."""

    __slots__ = ()

    @property
    def name_str(self) -> str:
        n = self.properties["sym_name"]
        assert isinstance(n, StringAttr)
        return n.value

    @property
    def is_declaration(self) -> bool:
        return not self.regions[0].blocks

    def function_type_as(self, cls: type[_FT]) -> _FT:
        """The ``function_type`` property's type, which must be a ``cls``."""
        t = self.properties["function_type"]
        assert isinstance(t, TypeAttr) and isinstance(t.value, cls)
        return t.value

    def print_function(self, p: Printer, words: Sequence[str], inputs: Sequence[Type], results: Sequence[Type],
                       elided: Sequence[str]) -> str:
        """``<op> [visibility] [words] @name(args) [-> results] [attributes {...}] [{ body }]``, as MLIR's
        ``function_interface_impl::printFunctionOp``: arguments named from the entry block (types only for a
        declaration), each with its attribute dictionary; one result without attributes unparenthesized; the
        properties not in ``elided`` and the discardable attributes after ``attributes``."""
        s = self.name + " "
        vis = self.properties.get("sym_visibility")
        if isinstance(vis, StringAttr):
            s += vis.value + " "
        s += "".join(w + " " for w in words) + print_symbol_name(self.name_str)
        arg_attrs = self.properties.get("arg_attrs")
        res_attrs = self.properties.get("res_attrs")
        args = []
        entry = self.regions[0].blocks[0] if self.regions[0].blocks else None
        # element by element in print order (the printer's alias pass follows it); as MLIR's
        # printRegionArgument, the attributes of a body's arguments do not take part in alias numbering
        for i, t in enumerate(inputs):
            a = arg_attrs[i] if isinstance(arg_attrs, ArrayAttr) else None
            d = a.value if isinstance(a, DictionaryAttr) else None
            if entry is not None and i < len(entry.args):
                x = f"{p.value(entry.args[i])}: {p.type(t)}"
                if d:
                    x += " " + p.attr_dict(d, visit=False)
                if p.debuginfo:
                    x += " " + p.arg_location(entry.args[i].location)
            else:
                x = p.type(t) + (" " + p.attr_dict(d) if d else "")
            args.append(x)
        s += "(" + ", ".join(args) + ")"
        if results:
            rs = []
            any_attr = False
            for i, t in enumerate(results):
                a = res_attrs[i] if isinstance(res_attrs, ArrayAttr) else None
                d = a.value if isinstance(a, DictionaryAttr) else None
                any_attr = any_attr or bool(d)
                rs.append(p.type(t) + (" " + p.attr_dict(d) if d else ""))
            if len(rs) == 1 and not any_attr and not isinstance(results[0], FunctionType):
                s += " -> " + rs[0]
            else:
                s += " -> (" + ", ".join(rs) + ")"
        extra = {k: v for k, v in self.properties.items() if k not in elided}
        extra.update(self.attributes)
        if extra:
            s += " attributes " + p.attr_dict(extra)
        if entry is not None:
            s += " " + p.region(self.regions[0], None, False, True)
        return s


class FuncOp(FunctionOpBase, name="func.func", traits=[IsolatedFromAbove(), Symbol(), AutomaticAllocationScope()]):
    """A function: a symbol with a ``FunctionType`` and a body region whose entry block arguments are the
    function's arguments. A declaration has an empty region (and is usually ``private``).

    Syntax: ``func.func [private] @name(%a: i32 {attrs}, ...) -> (i32 {attrs}) attributes {...} { body }``.
    Errors: entry block argument types differing from ``function_type``'s inputs."""

    sym_name = prop(StringAttr)
    function_type = prop(TypeAttr)
    sym_visibility = prop(StringAttr, optional=True)
    arg_attrs = prop(ArrayAttr, optional=True)
    res_attrs = prop(ArrayAttr, optional=True)
    no_inline = prop(optional=True)
    body = region_def()
    default_dialect = "func"

    @classmethod
    def build_func(cls, name: str, inputs: list, results: list, private: bool = False, location=None) -> FuncOp:  # type: ignore[no-untyped-def, type-arg]
        """A function with an entry block whose arguments have the input types (no body ops yet)."""
        props = {"sym_name": StringAttr(name), "function_type": TypeAttr(FunctionType(inputs, results))}
        if private:
            props["sym_visibility"] = StringAttr("private")
        op: FuncOp = cls.create(properties=props, regions=1, location=location)
        if not private:
            op.regions[0].add_block(Block(inputs))
        return op

    @property
    def type(self) -> FunctionType:
        return self.function_type_as(FunctionType)

    def verify_(self) -> None:
        ft = self.properties.get("function_type")
        if not isinstance(ft, TypeAttr) or not isinstance(ft.value, FunctionType):
            raise self.emit_error("requires attribute 'function_type' to be a function type")
        for key, n in (("arg_attrs", len(ft.value.inputs)), ("res_attrs", len(ft.value.results))):
            a = self.properties.get(key)
            if a is not None:
                if not isinstance(a, ArrayAttr) or len(a) != n:
                    raise self.emit_error(f"expects {key} to be an array with one dictionary per "
                                          f"{'argument' if key == 'arg_attrs' else 'result'} ({n})")
        if self.is_declaration:
            return
        entry = self.regions[0].blocks[0]
        ins = ft.value.inputs
        if len(entry.args) != len(ins):
            raise self.emit_error(f"entry block must have {len(ins)} arguments to match function signature")
        for i, (arg, t) in enumerate(zip(entry.args, ins)):
            if arg.type != t:
                raise self.emit_error(f"type of entry block argument #{i}('{arg.type}') must match the type of the "
                                      f"corresponding argument in function signature('{t}')")

    def print_custom(self, p: Printer) -> str:
        ft = self.type
        return self.print_function(p, [], ft.inputs, ft.results,
                                   ("sym_name", "function_type", "sym_visibility", "arg_attrs", "res_attrs"))


class ReturnOp(Op, name="func.return", traits=[Pure(), HasParent("func.func"), ReturnLike(), IsTerminator()]):
    """Return from the enclosing function; operand types must equal the function's result types."""

    operands_ = var_operand()
    assembly_format = "attr-dict ($operands_^ `:` type($operands_))?"

    def verify_(self) -> None:
        f = self.parent_op
        if not isinstance(f, FuncOp):
            return
        results = f.type.results
        if len(results) != self.num_operands:
            raise self.emit_error(f"has {self.num_operands} operands, but enclosing function (@{f.name_str}) returns "
                                  f"{len(results)}")
        for i, (v, t) in enumerate(zip(self.operands, results)):
            if v.type != t:
                raise self.emit_error(f"type of return operand {i} ('{v.type}') doesn't match function result type "
                                      f"('{t}') in function @{f.name_str}")


def _lookup_nearest(op: Operation, ref: SymbolRefAttr) -> Operation | None:
    """MLIR's ``SymbolTable::lookupNearestSymbolFrom``: the symbol in the nearest enclosing symbol table only (a
    call in a nested module does not see the functions of the outer one)."""
    table = nearest_symbol_table(op.parent_op) if op.parent_op is not None else None
    found = SymbolTable(table).lookup(ref.root) if table is not None else None
    for n in ref.nested:
        found = SymbolTable(found).lookup(n) if found is not None else None
    return found


def _verify_call(op: Operation, callee: SymbolRefAttr, args: list, results: list) -> None:  # type: ignore[type-arg]
    fn = _lookup_nearest(op, callee)
    if not isinstance(fn, FuncOp):
        raise op.emit_error(f"'{callee.leaf}' does not reference a valid function")
    ft = fn.type
    if len(ft.inputs) != len(args):
        raise op.emit_error("incorrect number of operands for callee")
    for i, (v, t) in enumerate(zip(args, ft.inputs)):
        if v.type != t:
            raise op.emit_error(f"operand type mismatch: expected operand type '{t}', but provided '{v.type}' for "
                                f"operand number {i}")
    if len(ft.results) != len(results):
        raise op.emit_error("incorrect number of results for callee")
    for i, (r, t) in enumerate(zip(results, ft.results)):
        if r.type != t:
            err = op.emit_error(f"result type mismatch at index {i}")
            err.diagnostic.attach_note("    op result types: " + ", ".join(f"'{x.type}'" for x in results),  # type: ignore[attr-defined]
                                       op.location)
            err.diagnostic.attach_note("callee result types: " + ", ".join(f"'{x}'" for x in ft.results),  # type: ignore[attr-defined]
                                       op.location)
            raise err


class CallOp(Op, name="func.call"):
    """Call a function by symbol; operand/result types must match the callee's signature."""

    callee = prop(FlatSymbolRef)
    arg_attrs = prop(ArrayAttr, optional=True)
    res_attrs = prop(ArrayAttr, optional=True)
    no_inline = prop(optional=True)
    operands_ = var_operand()
    results_ = var_result()
    assembly_format = "$callee `(` $operands_ `)` attr-dict `:` functional-type($operands_, results)"

    def verify_(self) -> None:
        c = self.properties.get("callee")
        assert isinstance(c, SymbolRefAttr)
        _verify_call(self, c, self.operands, self.results)


class CallIndirectOp(Op, name="func.call_indirect"):
    """Call a function value: ``func.call_indirect %f(%a) : (i32) -> i32``."""

    callee = operand(isa(FunctionType, description="function type"))
    callee_operands = var_operand()
    results_ = var_result()
    assembly_format = "$callee `(` $callee_operands `)` attr-dict `:` type($callee)"

    @classmethod
    def infer_format_types(cls, types, names, props, st) -> None:  # type: ignore[no-untyped-def]
        ft = types.get("callee", [None])[0]
        if isinstance(ft, FunctionType):
            types["callee_operands"] = list(ft.inputs)
            types["results_"] = list(ft.results)

    def verify_(self) -> None:
        ft = self.operand(0).type
        assert isinstance(ft, FunctionType)
        if list(ft.inputs) != self.operand_types[1:]:
            raise self.emit_error("failed to verify that callee input types match argument types")
        if list(ft.results) != self.result_types:
            raise self.emit_error("failed to verify that callee result types match result types")

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [_SIMPLIFY_INDIRECT_CALL]


def _simplify_indirect_call(op: Operation, rewriter: Any) -> bool:
    """``call_indirect (func.constant @f)(args) -> call @f(args)`` (MLIR's SimplifyIndirectCallWithKnownCallee)."""
    callee = getattr(op.operand(0), "op", None)
    if callee is None or callee.name != "func.constant":
        return False
    rewriter.replace_op_with_new_op(op, CallOp, op.operands[1:], op.result_types,
                                    properties={"callee": callee.properties["value"]})
    return True


class ConstantOp(Op, name="func.constant", traits=[Pure(), ConstantLike()]):
    """A function symbol as an SSA value of function type (constant-like: it folds to its symbol, and the
    canonicalizer hoists and uniques it like any constant, as MLIR)."""

    value = prop(FlatSymbolRef)
    result = result_def(isa(FunctionType, description="function type"))
    assembly_format = "attr-dict $value `:` type(results)"

    def asm_result_names(self) -> list[str]:
        return ["f"]

    def verify_(self) -> None:
        v = self.properties["value"]
        assert isinstance(v, SymbolRefAttr)
        fn = _lookup_nearest(self, v)
        if not isinstance(fn, FuncOp):
            raise self.emit_error(f"reference to undefined function '{v.root}'")
        if fn.type != self.results[0].type:
            raise self.emit_error("reference to function with mismatched type")


_SIMPLIFY_INDIRECT_CALL = FunctionPattern(_simplify_indirect_call, "func.call_indirect", 1,
                                          "SimplifyIndirectCallWithKnownCallee")

DIALECT = Dialect("func", [FuncOp, ReturnOp, CallOp, CallIndirectOp, ConstantOp], description=__doc__ or "")
