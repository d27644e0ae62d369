"""Parse MLIR text into IR with one lark LALR grammar (``mlir.lark``) plus rules generated from the registered
ops' assembly formats.

Speed (DESIGN.md): the IR is built inside the parse by an inline transformer (no parse tree), the contextual
lexer works from one combined regex per parser state, types are parsed once per distinct spelling and cached,
the garbage collector is paused during a parse, and the compiled grammar is cached on disk by lark.

Name resolution follows MLIR's ``OperationParser``: each region opens an SSA scope, forward references become
placeholders resolved at the definition (graph regions), unresolved names and blocks are located errors.
"""

from __future__ import annotations

import gc
import hashlib
import os
import re
import tempfile
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lark import Lark, Token
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from .. import affine as aff
from ..apfloat import from_bits, parse_decimal
from ..asm_format import CompiledFormat
from ..attributes import (
    DYNAMIC,
    AffineMapAttr,
    ArrayAttr,
    Attribute,
    CallSiteLoc,
    ComplexType,
    DenseArrayAttr,
    DenseElementsAttr,
    DenseResourceElementsAttr,
    DictionaryAttr,
    FileLineColLoc,
    FloatAttr,
    FloatType,
    FunctionType,
    IndexType,
    IntegerAttr,
    IntegerSetAttr,
    IntegerType,
    LocationAttr,
    MemRefType,
    NameLoc,
    OpaqueAttr,
    OpaqueType,
    RankedTensorType,
    ShapedType,
    StridedLayoutAttr,
    StringAttr,
    SymbolRefAttr,
    TupleType,
    Type,
    TypeAttr,
    UnitAttr,
    UnknownLoc,
    UnrankedMemRefType,
    UnrankedTensorType,
    VectorType,
    f64,
    fused_loc,
    i1,
    i64,
    index,
    none,
    numpy_dtype,
)
from ..diagnostics import Diagnostic, ParseError
from ..ir import Block, Operation, Region, Value
from .lexer import PENDING_CONFIG, FastOp, LexerConfig, MLIRLexer, compile_fast_form

if TYPE_CHECKING:
    from ..dialect import Context
    from ..opdef import Op

_GRAMMAR_PATH = os.path.join(os.path.dirname(__file__), "mlir.lark")


def _balanced(depth: int) -> str:
    """A regex for ``<...>`` with balanced angle brackets up to ``depth`` levels (``->`` and strings skipped)."""
    inner = r'(?:->|[^<>"]|"(?:[^"\\\n]|\\.)*")*'
    pat = "<" + inner + ">"
    for _ in range(depth - 1):
        pat = r'<(?:->|[^<>"]|"(?:[^"\\\n]|\\.)*"|' + pat + ")*>"
    return pat


_BALANCED = _balanced(6)
_ESCAPE = re.compile(r"\\(n|t|\"|\\|[0-9a-fA-F]{2})")


def unescape(s: str) -> str:
    """The value of an MLIR string literal (including the quotes)."""
    body = s[1:-1]
    if "\\" not in body:
        return body
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            n = body[i + 1]
            if n in 'nt"\\':
                out += {"n": b"\n", "t": b"\t", '"': b'"', "\\": b"\\"}[n]
                i += 2
                continue
            if not re.fullmatch(r"[0-9a-fA-F]{2}", body[i + 1:i + 3]):
                raise ParseError("unknown escape in string literal")
            out.append(int(body[i + 1:i + 3], 16))
            i += 3
            continue
        out += c.encode("utf-8")
        i += 1
    return out.decode("utf-8", errors="surrogateescape")


class _Placeholder(Value):
    """A forward reference to an SSA value not yet defined."""

    __slots__ = ("ref_name", "loc")

    def __init__(self, type: Type, name: str, loc: LocationAttr):
        super().__init__(type)
        self.ref_name, self.loc = name, loc

    @property
    def parent_block(self) -> Block | None:
        return None

    @property
    def owner(self) -> Any:
        return None


class _Scope:
    __slots__ = ("values", "locs", "pending", "region", "blocks", "block_defined", "block_refs", "current")

    def __init__(self, region: Region):
        self.values: dict[str, Sequence[Value]] = {}
        self.locs: dict[str, LocationAttr] = {}
        self.pending: dict[tuple[str, int], _Placeholder] = {}
        self.region = region
        self.blocks: dict[str, Block] = {}
        self.block_defined: set[str] = set()
        self.block_refs: dict[str, LocationAttr] = {}
        self.current: Block | None = None


_SIMPLE_INT = re.compile(r"([su]?)i([0-9]+)\Z")


class _State:
    """Per-parse state shared by the transformer callbacks."""

    def __init__(self, parser: MLIRParser, filename: str):
        self.parser = parser
        self.ctx = parser.ctx
        self.filename = filename
        self.top_region = Region()
        self.top = _Scope(self.top_region)
        self.scopes: list[_Scope] = [self.top]
        self.pending_entry_args: list[tuple[str, Type, LocationAttr]] | None = None
        self.attr_aliases: dict[str, Attribute] = {}
        self.type_aliases: dict[str, Type] = {}
        self.affine_dims: dict[str, aff.AffineExpr] = {}
        self.affine_syms: dict[str, aff.AffineExpr] = {}
        self.resources: dict[str, dict[str, Any]] = {}
        self.line_offset = 0
        #: whether an operation or block argument names a location alias defined later in the file
        self.deferred_locs = False
        #: (line, column) of the implicit module: 0:0 for a file, after the split marker for a chunk
        self.chunk_start = (0, 0)

    def loc(self, tok: Token) -> FileLineColLoc:
        return FileLineColLoc(self.filename, tok.line + self.line_offset, tok.column)  # type: ignore[operator, arg-type]

    def error(self, msg: str, tok: Token | LocationAttr | None) -> ParseError:
        loc = self.loc(tok) if isinstance(tok, Token) else tok
        return ParseError(msg, loc)

    # --- values -----------------------------------------------------------------------------------------------
    def use(self, tok: Token, type: Type) -> Value:
        s = str(tok)
        name, _, num = s.partition("#")
        idx = int(num) if num else 0
        for scope in reversed(self.scopes):
            vals = scope.values.get(name)
            if vals is not None:
                if idx >= len(vals):
                    raise self.error("reference to invalid result number", tok)
                v = vals[idx]
                if v.type != type:
                    e = self.error(f"use of value '{s}' expects different type than prior uses: '{type}' vs "
                                   f"'{v.type}'", tok)
                    e.diagnostic.attach_note("prior use here", scope.locs.get(name))
                    raise e
                return v
        cur = self.scopes[-1]
        ph = cur.pending.get((name, idx))
        if ph is not None:
            if ph.type != type:
                e = self.error(f"use of value '{s}' expects different type than prior uses: '{type}' vs "
                               f"'{ph.type}'", tok)
                e.diagnostic.attach_note("prior use here", ph.loc)
                raise e
            return ph
        ph = _Placeholder(type, s, self.loc(tok))
        cur.pending[(name, idx)] = ph
        return ph

    def define(self, tok: Token | str, values: Sequence[Value], loc: LocationAttr) -> None:
        name = str(tok)
        for scope in self.scopes:
            if name in scope.values:
                e = self.error(f"redefinition of SSA value '{name}'", loc)
                e.diagnostic.attach_note("previously defined here", scope.locs.get(name))
                raise e
        cur = self.scopes[-1]
        cur.values[name] = values
        cur.locs[name] = loc
        if cur.pending:
            for i, v in enumerate(values):
                ph = cur.pending.pop((name, i), None)
                if ph is not None:
                    if ph.type != v.type:
                        e = self.error(f"definition of SSA value '{name}#{i}' has type '{v.type}'", loc)
                        e.diagnostic.attach_note(f"previously used here with type '{ph.type}'", ph.loc)
                        raise e
                    ph.replace_all_uses_with(v)
            for (n, _), ph in list(cur.pending.items()):
                if n == name:
                    raise self.error("reference to invalid result number", ph.loc)

    # --- blocks -----------------------------------------------------------------------------------------------
    def block_ref(self, tok: Token) -> Block:
        scope = self.scopes[-1]
        name = str(tok)
        b = scope.blocks.get(name)
        if b is None:
            b = scope.blocks[name] = Block()
        scope.block_refs.setdefault(name, self.loc(tok))
        return b

    def current_block(self) -> Block:
        scope = self.scopes[-1]
        b = scope.current
        if b is None:
            b = scope.current = scope.region.add_block()
        return b

    def open_region(self) -> None:
        scope = _Scope(Region())
        self.scopes.append(scope)
        if self.pending_entry_args is not None:
            b = scope.current = scope.region.add_block()
            for name, t, loc in self.pending_entry_args:
                a = b.add_argument(t, loc)
                self.define(name, [a], loc)
            self.pending_entry_args = None

    def close_region(self) -> Region:
        scope = self.scopes.pop()
        for name, loc in scope.block_refs.items():
            if name not in scope.block_defined:
                raise self.error("reference to an undefined block", loc)
        parent = self.scopes[-1]
        for key, ph in scope.pending.items():
            other = parent.pending.get(key)
            if other is not None:
                if other.type != ph.type:
                    raise self.error(f"use of value '{ph.ref_name}' expects different type than prior uses: "
                                     f"'{ph.type}' vs '{other.type}'", ph.loc)
                ph.replace_all_uses_with(other)
            else:
                parent.pending[key] = ph
        return scope.region


def _make_transformer(parser: MLIRParser) -> Any:
    """The inline transformer: one method per grammar rule, sharing :class:`_State` through ``self.st``."""
    tcache = parser.type_cache

    class T:
        st: _State

        # ---- top level -------------------------------------------------------------------------------------
        def start(self, c: list[Any]) -> Any:
            return self.st

        def attr_alias_def(self, c: list[Any]) -> None:
            name = str(c[0])[1:]
            if name in self.st.attr_aliases:
                raise self.st.error(f"redefinition of attribute alias id '{name}'", c[0])
            self.st.attr_aliases[name] = c[1]

        def type_alias_def(self, c: list[Any]) -> None:
            name = str(c[0])[1:]
            if name in self.st.type_aliases:
                raise self.st.error(f"redefinition of type alias id '{name}'", c[0])
            self.st.type_aliases[name] = c[1]

        def resource_section(self, c: list[Any]) -> None:
            for grp in c:
                if grp is not None and grp[0] == "dialect_resources":
                    for d, items in grp[1]:
                        self.st.resources.setdefault(d, {}).update(items)

        def resource_group(self, c: list[Any]) -> Any:
            """``dialect_resources`` (only the builtin dialect's blobs are supported, as hex strings whose first 4
            bytes give the alignment) or ``external_resources`` (accepted and dropped)."""
            st, kind = self.st, c[0]
            if str(kind) not in ("dialect_resources", "external_resources"):
                raise st.error(f"unknown key '{kind}' in file metadata dictionary", kind)
            groups = [x for x in c[1:] if x is not None]
            if str(kind) == "dialect_resources":
                for tok, items in groups:
                    if str(tok) not in st.ctx.dialect_names():
                        raise st.error(f"dialect '{tok}' is unknown", tok)
                    if str(tok) != "builtin":
                        raise st.error(f"unexpected 'resource' section for dialect '{tok}'", items[0][2] if items
                                       else tok)
                    for key, v, vtok in items:
                        if not isinstance(v, bytes) or len(v) < 4:
                            raise st.error(f"expected hex string blob for key '{key}' to encode alignment in first 4 "
                                           "bytes", vtok)
            else:  # external group 'mlir_py' names a sidecar .npz of builtin blobs (see mlir_py/resources.py)
                for tok, items in groups:
                    if str(tok) == "mlir_py":
                        from ..resources import load_sidecar_entries

                        try:
                            blobs = load_sidecar_entries([(k, v) for k, v, _ in items], st.filename)
                        except ValueError as e:
                            raise st.error(str(e), items[0][2] if items else tok) from None
                        st.resources.setdefault("builtin", {}).update(blobs)
            return (str(kind), [(str(tok), {k: v for k, v, _ in items}) for tok, items in groups])

        def resource_dialect(self, c: list[Any]) -> Any:
            return (c[0], [x for x in c[1:] if x is not None])

        def resource_entry(self, c: list[Any]) -> Any:
            key = unescape(c[0]) if c[0].type == "STRING" else str(c[0])
            v = c[1]
            if isinstance(v, Token) and v.type == "STRING":
                s = unescape(v)
                if s.startswith("0x"):
                    try:
                        return (key, bytes.fromhex(s[2:]), v)
                    except ValueError:
                        raise self.st.error("expected hex string blob", v) from None
                return (key, s, v)
            return (key, v, v if isinstance(v, Token) else c[0])

        # ---- operations ------------------------------------------------------------------------------------
        def operation(self, c: list[Any]) -> Operation:
            if len(c) == 2:
                return self.st.parser.fast_operation(c[0], c[1], self.st)
            results, op, loc = c
            st = self.st
            if results is not None:
                total = sum(n for _, n in results)
                if total != len(op.results):
                    raise st.error(f"operation defines {len(op.results)} results but was provided {total} to bind",
                                   results[0][0])
                pos = 0
                for tok, n in results:
                    st.define(str(tok), op.results[pos:pos + n], st.loc(tok))
                    pos += n
            elif op.results and False:
                pass
            if loc is not None:
                op.location = loc
            st.current_block().append(op)
            return op

        def op_result_list(self, c: list[Any]) -> Any:
            return c

        def op_result(self, c: list[Any]) -> Any:
            tok, n = c
            if "#" in tok:
                raise self.st.error("expected SSA value name without result number", tok)
            return (tok, int(n) if n is not None else 1)

        def generic_op(self, c: list[Any]) -> Operation:
            name_tok, operands, succs, props, regions, attrs, ftype = c
            st = self.st
            name = unescape(name_tok)
            loc = st.loc(name_tok)
            cls = st.ctx.get_op_class(name)
            if cls is None:
                self.check_unregistered(name, name_tok)
            operands = operands or []
            if len(operands) != len(ftype.inputs):
                raise st.error(f"expected {len(operands)} operand type{'s' if len(operands) != 1 else ''} but had "
                               f"{len(ftype.inputs)}", name_tok)
            vals = [st.use(tok, t) for tok, t in zip(operands, ftype.inputs)]
            properties = dict(props.value) if props is not None else {}
            attributes = dict(attrs) if attrs is not None else {}
            if cls is not None:
                # as MLIR: inherent attributes in the discardable dictionary become properties when no `<{...}>`
                # is given (and are dropped when one is); unknown properties of a registered op are dropped
                pn = cls.property_names()
                for k in [k for k in attributes if k in pn]:
                    v = attributes.pop(k)
                    if props is None:
                        properties[k] = v
                for k in [k for k in properties if k not in pn]:
                    del properties[k]
                return cls.create(vals, ftype.results, properties, attributes, regions or [], succs or [], loc)
            if props is not None and not properties:
                from ..printer import ExplicitProperties

                properties = ExplicitProperties()
            return Operation(vals, ftype.results, properties, attributes, regions or [], succs or [], loc, name)

        def check_unregistered(self, name: str, tok: Token) -> None:
            st = self.st
            dialect = name.split(".", 1)[0] if "." in name else ""
            d = st.ctx.get_dialect(dialect) if dialect else None
            if d is not None and not getattr(d, "allow_unknown_operations", False):
                raise st.error(f"unregistered operation '{name}' found in dialect ('{dialect}') that does not "
                               f"allow unknown operations", tok)
            if not st.ctx.allow_unregistered_dialects:
                raise st.error("operation being parsed with an unregistered dialect. If this is intended, please "
                               "use -allow-unregistered-dialect with the MLIR tool used", tok)

        def value_list(self, c: list[Any]) -> Any:
            return c

        def successor_list(self, c: list[Any]) -> Any:
            return c

        def successor(self, c: list[Any]) -> Block:
            if c[1] is not None:
                raise self.st.error("successor operands are not allowed in the generic form; pass them as operands",
                                    c[0])
            return self.st.block_ref(c[0])

        def properties(self, c: list[Any]) -> Any:
            return DictionaryAttr(c[0])

        def region_list(self, c: list[Any]) -> Any:
            return c

        def top_list(self, c: list[Any]) -> None:
            return None  # ops are attached as they are reduced; no child list is accumulated (O(n))

        op_list = top_list
        block_list = top_list

        def lbrace(self, c: list[Any]) -> None:
            self.st.open_region()

        def region(self, c: list[Any]) -> Region:
            return self.st.close_region()

        def block(self, c: list[Any]) -> None:
            return None

        def block_label(self, c: list[Any]) -> None:
            st = self.st
            tok = c[0]
            scope = st.scopes[-1]
            name = str(tok)
            if name in scope.block_defined:
                raise st.error(f"redefinition of block '{name}'", tok)
            b = scope.blocks.get(name)
            if b is None:
                b = scope.blocks[name] = Block()
            scope.block_defined.add(name)
            scope.region.add_block(b)
            scope.current = b
            for a in c[1:]:
                if a is None:
                    continue
                atok, t, aloc = a
                # without `loc(...)` a block argument is located where it is written (as MLIR)
                arg = b.add_argument(t, aloc if aloc is not None else st.loc(atok))
                st.define(str(atok), [arg], st.loc(atok))

        def block_arg(self, c: list[Any]) -> Any:
            return (c[0], c[1], c[2])

        def attr_dict(self, c: list[Any]) -> dict[str, Attribute]:
            d: dict[str, Attribute] = {}
            for e in c:
                if e is not None:
                    k, v, tok = e
                    if k in d:
                        raise self.st.error(f"duplicate key '{k}' in dictionary attribute", tok)
                    d[k] = v
            return d

        prop_angle = attr_dict

        def attr_entry(self, c: list[Any]) -> Any:
            k = c[0]
            key = unescape(k) if k.type == "STRING" else str(k)
            if not key:
                raise self.st.error("expected valid attribute name", k)
            return (key, c[1] if c[1] is not None else UnitAttr(), k)

        def trailing_loc(self, c: list[Any]) -> LocationAttr:
            return c[0]

        # ---- func.func -------------------------------------------------------------------------------------
        def func_op(self, c: list[Any]) -> Operation:
            kw, vis, sym, args, results, attrs, region = c
            st = self.st
            from dialects.func import FuncOp

            st.pending_entry_args = None
            arg_types, arg_attrs = [], []
            for a in args or []:
                arg_types.append(a[1])
                arg_attrs.append(a[2])
            res_types, res_attrs = [], []
            if results is not None:
                for t, ra in results:
                    res_types.append(t)
                    res_attrs.append(ra)
            props: dict[str, Attribute] = {"sym_name": StringAttr(_symbol_text(sym)),
                                           "function_type": TypeAttr(FunctionType(arg_types, res_types))}
            if vis is not None:
                props["sym_visibility"] = StringAttr(str(vis))
            if any(arg_attrs):
                props["arg_attrs"] = ArrayAttr(DictionaryAttr(a or {}) for a in arg_attrs)
            if any(res_attrs):
                props["res_attrs"] = ArrayAttr(DictionaryAttr(a or {}) for a in res_attrs)
            attributes = dict(attrs) if attrs is not None else {}
            for k in list(attributes):
                if k in FuncOp.property_names():
                    props[k] = attributes.pop(k)
            if region is not None and not region.blocks:
                raise st.error("custom op 'func.func' expected non-empty function body", kw)
            return FuncOp.create([], [], props, attributes, [region] if region is not None else [Region()], [],
                                 st.loc(kw))

        def module_op(self, c: list[Any]) -> Operation:
            kw, sym, pdict, attrs, region = c
            from dialects.builtin import ModuleOp

            st = self.st
            props: dict[str, Attribute] = {}
            if sym is not None:
                props["sym_name"] = StringAttr(_symbol_text(sym))
            for k, v in (pdict or {}).items():
                if k != "sym_visibility":
                    raise st.error("custom op 'builtin.module' duplicate or unknown property in properties "
                                   f"dictionary: {k}", kw)
                props[k] = v
            attributes = dict(attrs) if attrs is not None else {}
            for k in ("sym_name", "sym_visibility"):
                if k in attributes:
                    raise st.error(f"custom op 'builtin.module' inherent attribute '{k}' cannot be parsed from "
                                   "attr-dict when strict properties in assembly format is enabled", kw)
            if not region.blocks:
                region.add_block()
            return ModuleOp.create([], [], props, attributes, [region], [], self.st.loc(kw))

        def func_args(self, c: list[Any]) -> Any:
            if c and c[0][0] is not None:
                self.st.pending_entry_args = [(str(n), t, loc) for n, t, _, loc in c]
            return c

        def func_arg(self, c: list[Any]) -> Any:
            loc = c[3] if c[3] is not None else self.st.loc(c[0])
            return (c[0], c[1], c[2], loc)

        def func_arg_type(self, c: list[Any]) -> Any:
            return (None, c[0], c[1], c[2])

        def func_results(self, c: list[Any]) -> Any:
            if len(c) == 1 and isinstance(c[0], Type):
                return [(c[0], None)]
            return [x for x in c if x is not None]

        def func_result(self, c: list[Any]) -> Any:
            return (c[0], c[1])

        # ---- types -----------------------------------------------------------------------------------------
        def simple_type(self, c: list[Any]) -> Type:
            s = str(c[0])
            t = tcache.get(s)
            if t is None:
                try:
                    t = tcache[s] = _parse_simple_type(s)
                except ValueError as e:
                    raise self.st.error(str(e), c[0] if isinstance(c[0], Token) else None) from None
            return t

        def tensor_type(self, c: list[Any]) -> Type:
            dims, et, enc = c
            if dims == "*x":
                self._check_element(et, dims, "tensor")
                if enc is not None:
                    raise self.st.error("unranked tensor cannot have an encoding", dims)
                return UnrankedTensorType(et)
            self._check_element(et, dims, "tensor")
            return RankedTensorType(_dims(dims), et, enc)

        def _check_element(self, et: Type, tok: Any, kind: str) -> None:
            if not _valid_element(et, kind):
                raise self.st.error(f"invalid {kind} element type", tok if isinstance(tok, Token) else None)

        def memref_type(self, c: list[Any]) -> Type:
            dims, et, *rest = c
            if dims == "*x":
                self._check_element(et, dims, "memref")
                if len(rest) > 1:
                    raise self.st.error("unranked memref takes only a memory space", dims)
                return UnrankedMemRefType(et, rest[0] if rest else None)
            self._check_element(et, dims, "memref")
            layout = space = None
            if len(rest) == 1:
                if isinstance(rest[0], (AffineMapAttr, StridedLayoutAttr)):
                    layout = rest[0]
                else:
                    space = rest[0]
            elif len(rest) == 2:
                layout, space = rest
            elif len(rest) > 2:
                raise self.st.error("too many parameters in memref type", dims)
            return MemRefType(_dims(dims), et, layout, space)

        def vector_type(self, c: list[Any]) -> Type:
            dims, et = c
            if dims is None:
                return VectorType((), et)
            shape, scal = [], []
            for d in str(dims).split("x")[:-1]:
                scal.append(d.startswith("["))
                shape.append(int(d.strip("[]")))
            if any(s == 0 for s in shape):
                raise self.st.error("vector types must have positive constant sizes", dims)
            self._check_element(et, dims, "vector")
            return VectorType(shape, et, scal)

        def complex_type(self, c: list[Any]) -> Type:
            if not isinstance(c[0], (IntegerType, FloatType)):
                raise self.st.error("invalid element type for complex", None)
            return ComplexType(c[0])

        def tuple_type(self, c: list[Any]) -> Type:
            return TupleType(c[0] or [])

        def bang_type(self, c: list[Any]) -> Type:
            tok = c[0]
            s = str(tok)
            t = tcache.get(s)
            if t is not None:
                return t
            body = s[1:]
            if "." not in body.split("<", 1)[0] and "<" not in body:
                alias = self.st.type_aliases.get(body)
                if alias is None:
                    raise self.st.error(f"undefined symbol alias id '{body}'", tok)
                return alias
            t = self.st.parser.dialect_element(body, tok, self.st, is_type=True)
            if "!" not in body and "#" not in body:  # bodies naming aliases depend on the file's alias table
                tcache[s] = t
            return t

        def function_type(self, c: list[Any]) -> FunctionType:
            return FunctionType(c[0] or [], c[1])

        def fn_results(self, c: list[Any]) -> list[Type]:
            return [c[0]]

        def fn_results_paren(self, c: list[Any]) -> list[Type]:
            return c[0] or []

        def type_list(self, c: list[Any]) -> list[Type]:
            return c

        def angle_ids(self, c: list[Any]) -> list[str]:
            return [str(x) for x in c]

        def type_entry(self, c: list[Any]) -> Type:
            return c[0]

        def attribute_entry(self, c: list[Any]) -> Attribute:
            return c[0]

        # ---- attributes ------------------------------------------------------------------------------------
        def int_attr(self, c: list[Any]) -> Attribute:
            tok, t = c
            v = _int(tok)
            if t is None:
                t = i64
            if isinstance(t, FloatType):
                f = _hex_float(tok, t, self.st)
                return FloatAttr(f, t, v if f != f else None)
            if not isinstance(t, (IntegerType, IndexType)):
                raise self.st.error("integer literal not valid for specified type", tok)
            if not _int_fits(v, t, str(tok).startswith("-")):
                raise self.st.error("integer constant out of range for attribute", tok)
            return IntegerAttr(v, t)

        def float_attr(self, c: list[Any]) -> Attribute:
            tok, t = c
            if t is None:
                t = f64
            if not isinstance(t, FloatType):
                raise self.st.error("floating point value not valid for specified type", tok)
            return FloatAttr(parse_decimal(str(tok), t.kind) if t.kind in ("f16", "bf16", "f32", "f64")
                             else float(tok), t)

        def string_attr(self, c: list[Any]) -> Attribute:
            return StringAttr(unescape(c[0]), c[1])

        def true_attr(self, c: list[Any]) -> Attribute:
            return IntegerAttr(1, i1)

        def false_attr(self, c: list[Any]) -> Attribute:
            return IntegerAttr(0, i1)

        def unit_attr(self, c: list[Any]) -> Attribute:
            return UnitAttr()

        def array_attr(self, c: list[Any]) -> Attribute:
            return ArrayAttr(x for x in c if x is not None)

        def dict_attr(self, c: list[Any]) -> Attribute:
            return DictionaryAttr(c[0])

        def type_attr(self, c: list[Any]) -> Attribute:
            return TypeAttr(c[0])

        def symbol_ref(self, c: list[Any]) -> Attribute:
            names = [_symbol_text(t) for t in c]
            return SymbolRefAttr(names[0], names[1:])

        def hash_attr(self, c: list[Any]) -> Attribute:
            tok = c[0]
            body = str(tok)[1:]
            if "." not in body.split("<", 1)[0] and "<" not in body:
                alias = self.st.attr_aliases.get(body)
                if alias is None:
                    raise self.st.error(f"undefined symbol alias id '{body}'", tok)
                return alias
            return self.st.parser.dialect_element(body, tok, self.st, is_type=False)

        def loc_attr(self, c: list[Any]) -> Attribute:
            return c[0]

        def strided_attr(self, c: list[Any]) -> Attribute:
            *strides, off = c
            return StridedLayoutAttr([s for s in strides if s is not None], off if off is not None else 0)

        def stride(self, c: list[Any]) -> int:
            return _int(c[0]) if c else DYNAMIC

        def dense_list(self, c: list[Any]) -> Any:
            return [x for x in c if x is not None]

        def dense_complex(self, c: list[Any]) -> Any:
            return ("complex", c[0], c[1])

        def true_lit(self, c: list[Any]) -> Any:
            return True

        def false_lit(self, c: list[Any]) -> Any:
            return False

        def dense_attr(self, c: list[Any]) -> Attribute:
            lit, t = c
            st = self.st
            if not isinstance(t, ShapedType) or isinstance(t, MemRefType):
                raise st.error("elements literal must be a shaped type", None)
            if not t.has_static_shape:
                raise st.error("elements literal type must have static shape", None)
            return _dense(lit, t, st)

        def dense_resource_attr(self, c: list[Any]) -> Attribute:
            h, t = c
            return DenseResourceElementsAttr(unescape(h) if h.type == "STRING" else str(h), t)

        def dense_array_attr(self, c: list[Any]) -> Attribute:
            t, elems = c
            if not isinstance(t, (IntegerType, FloatType)):
                raise self.st.error("expected integer or float type in dense array", None)
            vals = []
            for e in elems or []:
                if isinstance(e, bool):
                    vals.append(int(e))
                elif e.type == "INT":
                    vals.append(_int(e))
                else:
                    if isinstance(t, IntegerType):
                        raise self.st.error("expected integer value in integer dense array", e)
                    vals.append(float(e))  # type: ignore[arg-type]
            return DenseArrayAttr(t, vals)

        def dense_array_elems(self, c: list[Any]) -> Any:
            return c

        def affine_map_attr(self, c: list[Any]) -> Attribute:
            return AffineMapAttr(c[0])

        def integer_set_attr(self, c: list[Any]) -> Attribute:
            return IntegerSetAttr(c[0])

        # ---- affine ----------------------------------------------------------------------------------------
        def affine_dims(self, c: list[Any]) -> int:
            st = self.st
            st.affine_dims = {}
            st.affine_syms = {}
            for i, t in enumerate(x for x in c if x is not None):
                if str(t) in st.affine_dims:
                    raise st.error(f"redefinition of identifier '{t}'", t)
                st.affine_dims[str(t)] = aff.AffineDimExpr(i)
            return len(st.affine_dims)

        def affine_syms(self, c: list[Any]) -> int:
            st = self.st
            for i, t in enumerate(x for x in c if x is not None):
                if str(t) in st.affine_dims or str(t) in st.affine_syms:
                    raise st.error(f"redefinition of identifier '{t}'", t)
                st.affine_syms[str(t)] = aff.AffineSymbolExpr(i)
            return len(st.affine_syms)

        def affine_map_body(self, c: list[Any]) -> aff.AffineMap:
            nd, ns, *exprs = c
            return aff.AffineMap(nd, ns or 0, [e for e in exprs if e is not None])

        def integer_set_body(self, c: list[Any]) -> aff.IntegerSet:
            nd, ns, *cons = c
            return aff.IntegerSet(nd, ns or 0, [x[0] for x in cons], [x[1] for x in cons])

        def affine_constraint(self, c: list[Any]) -> Any:
            lhs, op, rhs = c
            if op == ">=":
                return (lhs - rhs, False)
            if op == "<=":
                return (rhs - lhs, False)
            return (lhs - rhs, True)

        def aff_add(self, c: list[Any]) -> aff.AffineExpr:
            return c[0] + c[1]

        def aff_sub(self, c: list[Any]) -> aff.AffineExpr:
            return c[0] - c[1]

        def aff_mul(self, c: list[Any]) -> aff.AffineExpr:
            if not (c[0].is_symbolic_or_constant() or c[1].is_symbolic_or_constant()):
                raise self.st.error("non-affine expression: at least one of the multiply operands has to be either "
                                    "a constant or symbolic", None)
            return c[0] * c[1]

        def _check_div(self, c: list[Any], what: str) -> None:
            if not c[1].is_symbolic_or_constant():
                raise self.st.error(f"non-affine expression: right operand of {what} has to be either a constant or "
                                    "symbolic", None)

        def aff_floordiv(self, c: list[Any]) -> aff.AffineExpr:
            self._check_div(c, "floordiv")
            return c[0].floordiv(c[1])

        def aff_ceildiv(self, c: list[Any]) -> aff.AffineExpr:
            self._check_div(c, "ceildiv")
            return c[0].ceildiv(c[1])

        def aff_mod(self, c: list[Any]) -> aff.AffineExpr:
            self._check_div(c, "mod")
            return c[0] % c[1]

        def aff_neg(self, c: list[Any]) -> aff.AffineExpr:
            return -c[0]

        def aff_id(self, c: list[Any]) -> aff.AffineExpr:
            st = self.st
            n = str(c[0])
            e = st.affine_dims.get(n) or st.affine_syms.get(n)
            if e is None:
                raise st.error(f"use of undeclared identifier '{n}'", c[0])
            return e

        def aff_const(self, c: list[Any]) -> aff.AffineExpr:
            return aff.AffineConstantExpr(_int(c[0]))

        # ---- locations -------------------------------------------------------------------------------------
        def loc_unknown(self, c: list[Any]) -> LocationAttr:
            return UnknownLoc()

        def loc_flc(self, c: list[Any]) -> LocationAttr:
            return FileLineColLoc(unescape(c[0]), int(c[1]), int(c[2]))

        def loc_line(self, c: list[Any]) -> LocationAttr:
            return FileLineColLoc(unescape(c[0]), int(c[1]), parts=1)

        def loc_range(self, c: list[Any]) -> LocationAttr:
            f, line, col, end_line, end_col = c
            return FileLineColLoc(unescape(f), int(line), int(col), int(end_line) if end_line is not None else None,
                                  int(end_col))

        def loc_name(self, c: list[Any]) -> LocationAttr:
            return NameLoc(unescape(c[0]), self._nested_loc(c[1]))

        def loc_callsite(self, c: list[Any]) -> LocationAttr:
            return CallSiteLoc(self._nested_loc(c[0]), self._nested_loc(c[1]))

        def loc_fused(self, c: list[Any]) -> LocationAttr:
            return fused_loc([self._nested_loc(x) for x in c[1:] if x is not None], c[0])

        def _nested_loc(self, loc: Any) -> Any:
            if isinstance(loc, _DeferredLoc):
                raise self.st.error(f"undefined symbol alias id '{loc.name}'", loc.tok)
            return loc

        def loc_alias(self, c: list[Any]) -> LocationAttr:
            tok = c[0]
            name = str(tok)[1:]
            if name not in self.st.attr_aliases and "." not in name and "<" not in name:
                # MLIR prints operation locations as aliases defined at the end of the file
                self.st.deferred_locs = True
                return _DeferredLoc(name, tok)
            a = self.hash_attr(c)
            if not isinstance(a, LocationAttr):
                raise self.st.error(f"expected location, but found '{a}'", tok)
            return a

    return T


class _DeferredLoc(LocationAttr):
    """A trailing ``loc(#alias)`` whose alias is defined further down; resolved when the parse ends."""

    __slots__ = ("name", "tok")

    def __init__(self, name: str, tok: Token):
        self.name, self.tok = name, tok

    def _key(self) -> tuple[Any, ...]:
        return (self.name, id(self))

    def print(self, p: Any) -> str:
        return f"#{self.name}"


def _resolve_deferred_locs(root: Operation, st: _State) -> None:
    def resolve(loc: LocationAttr) -> LocationAttr:
        if not isinstance(loc, _DeferredLoc):
            return loc
        a = st.attr_aliases.get(loc.name)
        if a is None:
            raise st.error("operation location alias was never defined", loc.tok)
        if not isinstance(a, LocationAttr):
            raise st.error(f"expected location, but found '{a}'", loc.tok)
        return a

    for o in root.walk(post_order=False):
        o.location = resolve(o.location)
        for r in o.regions:
            for b in r.blocks:
                for arg in b.args:
                    arg.location = resolve(arg.location)


def _symbol_text(tok: Any) -> str:
    s = str(tok)[1:]
    return unescape(s) if s.startswith('"') else s


_FLOAT_KINDS = ("f16", "bf16", "f32", "f64")


def _valid_element(et: Type, kind: str) -> bool:
    """``isValidElementType`` of MLIR's vector, tensor and memref types. Types of other dialects are valid tensor
    elements, and memref elements unless they are unregistered (opaque)."""
    if isinstance(et, (IntegerType, IndexType, FloatType)):
        return True
    if kind == "vector":
        return False
    if isinstance(et, (ComplexType, VectorType)):
        return True
    if kind == "memref":
        return isinstance(et, (MemRefType, UnrankedMemRefType)) or (
            type(et).__module__ != Type.__module__ and not isinstance(et, OpaqueType))
    return type(et).__module__ != Type.__module__ or isinstance(et, OpaqueType)


def _int_fits(v: int, t: Type, negative: bool) -> bool:
    """MLIR's ``buildAttributeAPInt`` range rule: the magnitude fits the width; a negative value needs the sign bit
    after negation (so ``-0`` is out of range), a positive signed or index value must leave the sign bit clear."""
    w = t.width if isinstance(t, IntegerType) else 64
    if abs(v) >> w:
        return False
    if negative:
        return w > 0 and 0 < -v <= 1 << (w - 1)
    return not ((isinstance(t, IndexType) or getattr(t, "signedness", "") == "signed") and v >> (w - 1))


def _hex_float(tok: Any, t: FloatType, st: _State) -> float:
    """The value of a float given as its hexadecimal bit pattern (``0x7FC00000 : f32``); decimal integers are
    rejected as MLIR does."""
    s = str(tok)
    if not s.lower().startswith(("0x", "-0x")):
        raise st.error("unexpected decimal integer literal for a floating point value", tok)
    if s.startswith("-"):
        raise st.error("hexadecimal float literal should not have a leading minus", tok)
    v = int(s, 16)
    if t.kind not in ("f16", "bf16", "f32", "f64"):
        raise st.error(f"hexadecimal literals are not supported for '{t}' in mlir-py", tok)
    if v >> t.width:
        raise st.error("hexadecimal float constant out of range for type", tok)
    return from_bits(v, t.kind)


def _int(tok: Any) -> int:
    s = str(tok)
    if s.startswith(("0x", "-0x", "0X")):
        return int(s, 16)
    return int(s)


def _dims(tok: Any) -> list[int]:
    if tok is None:
        return []
    return [DYNAMIC if d == "?" else int(d) for d in str(tok).split("x")[:-1]]


def _parse_simple_type(s: str) -> Type:
    m = _SIMPLE_INT.match(s)
    if m:
        sign = {"": "signless", "s": "signed", "u": "unsigned"}[m.group(1)]
        if int(m.group(2)) > 16777215:
            raise ValueError("integer bitwidth is limited to 16777215 bits")
        return IntegerType(int(m.group(2)), sign)
    if s == "index":
        return index
    if s == "none":
        return none
    if s in FloatType.WIDTHS:
        return FloatType(s)
    kind, rest = s.split("<", 1)
    et_start = rest.rfind("x") + 1 if not rest.endswith("index>") else len(rest) - 6
    parts = rest[:et_start].split("x")[:-1]
    et = _parse_simple_type(rest[et_start:-1])
    shape = [DYNAMIC if d == "?" else int(d) for d in parts]
    if kind == "tensor":
        return RankedTensorType(shape, et)
    if kind == "memref":
        return MemRefType(shape, et)
    if DYNAMIC in shape or 0 in shape:
        raise ValueError("vector types must have positive constant sizes")
    return VectorType(shape, et)


def _dense(lit: Any, t: ShapedType, st: _State) -> DenseElementsAttr:
    """The ``dense<lit>`` elements of type ``t``, checked as MLIR's ``TensorLiteralParser``: a hex string of raw
    storage, one element (a splat), or nested lists of exactly the type's shape."""
    import numpy as np

    et = t.element_type
    numeric = isinstance(et, (IntegerType, IndexType, FloatType, ComplexType))
    if lit is None:
        if t.num_elements != 0:
            raise st.error("expected non-empty elements literal", None)
        return DenseElementsAttr(t, np.zeros(t.shape, dtype=numpy_dtype(et) if numeric else object))
    if isinstance(lit, Token) and lit.type == "STRING" and numeric:
        s = unescape(lit)
        if not s.startswith("0x"):
            raise st.error("expected string containing hex digits starting with `0x`", lit)
        try:
            return DenseElementsAttr.from_raw(t, bytes.fromhex(s[2:]))
        except ValueError as e:
            raise st.error(str(e) if "size" in str(e) else "expected string containing hex digits starting with "
                           "`0x`", lit) from None

    def shape_of(x: Any) -> tuple[int, ...]:
        if not isinstance(x, list):
            return ()
        subs = [shape_of(y) for y in x]
        for y, sub in zip(x, subs):
            if isinstance(y, list) != isinstance(x[0], list):
                raise st.error("tensor literal is invalid; ranks are not consistent between elements", None)
            if sub != subs[0]:
                raise st.error("tensor literal is invalid; sizes are not consistent between elements", None)
        return (len(x),) + (subs[0] if subs else ())

    def flatten(x: Any, out: list[Any]) -> list[Any]:
        if isinstance(x, list):
            for y in x:
                flatten(y, out)
        else:
            out.append(_dense_element(x, et, st))
        return out

    if not isinstance(lit, list):
        return DenseElementsAttr(t, np.array(_dense_element(lit, et, st),
                                             dtype=numpy_dtype(et) if numeric else object))
    shape = shape_of(lit)
    if shape != t.shape:
        raise st.error(f"inferred shape of elements literal ([{', '.join(map(str, shape))}]) does not match type "
                       f"([{', '.join(map(str, t.shape))}])", None)
    vals = flatten(lit, [])
    return DenseElementsAttr(t, np.array(vals, dtype=numpy_dtype(et) if numeric else object).reshape(t.shape))


def _dense_element(x: Any, et: Type, st: _State) -> Any:
    """One element of a dense literal (a token, ``True``/``False``, or a ``("complex", re, im)`` pair) as the
    Python value stored for element type ``et``."""
    if isinstance(x, tuple):
        if not isinstance(et, ComplexType) or isinstance(x[1], (list, tuple)) or isinstance(x[2], (list, tuple)):
            raise st.error("unexpected complex literal for a non-complex element type", None)
        return complex(_dense_element(x[1], et.element_type, st), _dense_element(x[2], et.element_type, st))
    if isinstance(et, ComplexType):
        raise st.error("expected a complex element '(re, im)'", x if isinstance(x, Token) else None)
    if isinstance(x, bool):
        if not (isinstance(et, IntegerType) and et.width == 1):
            raise st.error("expected i1 type for 'true' or 'false' values", None)
        return x
    if x.type == "STRING":
        if isinstance(et, (IntegerType, IndexType, FloatType)):
            raise st.error("expected string containing hex digits starting with `0x`", x)
        return unescape(x)
    if isinstance(et, FloatType):
        if x.type == "INT":
            return _hex_float(x, et, st)
        return parse_decimal(str(x), et.kind) if et.kind in _FLOAT_KINDS else float(x)
    if not isinstance(et, (IntegerType, IndexType)):
        raise st.error("expected a string element for elements of a non-numeric type", x)
    if x.type == "FLOAT":
        raise st.error("expected integer elements, but parsed floating-point", x)
    v = _int(x)
    neg = str(x).startswith("-")
    if neg and isinstance(et, IntegerType) and et.signedness == "unsigned":
        raise st.error("expected unsigned integer elements, but parsed negative value", x)
    if not _int_fits(v, et, neg):
        raise st.error("integer constant out of range for type", x)
    return bool(v) if isinstance(et, IntegerType) and et.width == 1 else et.normalize(v)


def _read_grammar() -> str:
    with open(_GRAMMAR_PATH, encoding="utf-8") as f:
        return f.read()


class _LazyStates(dict):  # type: ignore[type-arg]
    """LALR action rows decoded on first use: a parse touches a few hundred of the grammar's thousands of
    states, so start-up does not pay for unpickling every action."""

    def __init__(self, encoded: dict[int, str], rules: list[Any]):
        super().__init__()
        self._encoded, self._rules = encoded, rules

    def __missing__(self, state: int) -> dict[str, tuple[Any, Any]]:
        from lark.parsers.lalr_analysis import Reduce, Shift

        rules = self._rules
        row: dict[str, tuple[Any, Any]] = {}
        for entry in self._encoded[state].split(" "):
            tok, kind, arg = entry.split(":")
            row[tok] = (Shift, int(arg)) if kind == "S" else (Reduce, rules[int(arg)])
        self[state] = row
        return row


class _LazyCallbacks(dict):  # type: ignore[type-arg]
    """lark rule callbacks (child filtering + our transformer method) built on first reduction of a rule."""

    def __init__(self, transformer: Any):
        super().__init__()
        self._transformer = transformer

    def __bool__(self) -> bool:  # lark skips callbacks when the mapping is falsy
        return True

    def __missing__(self, rule: Any) -> Any:
        from lark.parse_tree_builder import ParseTreeBuilder
        from lark.tree import Tree

        cb = ParseTreeBuilder([rule], Tree, False, False, True).create_callback(self._transformer)[rule]
        self[rule] = cb
        return cb


class _Engine:
    """lark's LALR driver over a parse table cached as a compact pickle (lark's own cache format deserializes
    every action in Python and dominated start-up). ``parse``/``terminals`` mirror the ``Lark`` interface."""

    def __init__(self, encoded: dict[int, str], start_states: dict[str, int], end_states: dict[str, int],
                 rules: list[Any], terminals: Any, transformer: Any, config: LexerConfig):
        from types import SimpleNamespace

        from lark.parsers.lalr_parser import _Parser

        self.terminals = terminals
        table = SimpleNamespace(states=_LazyStates(encoded, rules), start_states=start_states,
                                end_states=end_states)
        self._parser = _Parser(table, _LazyCallbacks(transformer))  # type: ignore[arg-type]
        PENDING_CONFIG.append(config)
        try:
            self.lexer = MLIRLexer(SimpleNamespace(terminals=terminals, ignore=()))
        finally:
            PENDING_CONFIG.pop()

    def parse(self, text: str, start: str = "start") -> Any:
        from lark.lexer import LexerThread

        return self._parser.parse(LexerThread.from_text(self.lexer, text), start)

    @classmethod
    def load_or_build(cls, grammar: str, transformer: Any, config: LexerConfig) -> _Engine:
        import pickle

        import lark
        from lark.parsers.lalr_analysis import Shift

        cache_dir = os.path.join(tempfile.gettempdir(), "mlir_py_grammar_cache")
        key = hashlib.sha256((grammar + lark.__version__ + "v2").encode()).hexdigest()[:24]
        path = os.path.join(cache_dir, f"{key}.pickle")
        try:
            with open(path, "rb") as f:
                data = pickle.load(f)
            return cls(*data, transformer, config)  # type: ignore[call-arg, misc]
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, KeyError, ValueError, TypeError):
            pass
        lk = Lark(grammar, parser="lalr", lexer=MLIRLexer, start=["start", "type_entry", "attribute_entry"],
                  maybe_placeholders=True)
        table = lk.parser.parser.parser.parse_table
        rules = list(lk.rules)
        index = {r: i for i, r in enumerate(rules)}
        encoded = {state: " ".join(f"{tok}:S:{arg}" if action is Shift else f"{tok}:R:{index[arg]}"
                                   for tok, (action, arg) in row.items())
                   for state, row in table.states.items()}
        data = (encoded, dict(table.start_states), dict(table.end_states), rules, lk.terminals)
        try:
            os.makedirs(cache_dir, exist_ok=True)
            tmp = f"{path}.{os.getpid()}.tmp"
            with open(tmp, "wb") as out:
                pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass
        return cls(*data, transformer, config)


_DIALECT_PREFIX = re.compile(r"(?<![A-Za-z0-9_$])([A-Za-z_][A-Za-z0-9_$]*)\.(?=[A-Za-z_])")  # word starts only: linear on long hex
#: dialects whose custom syntax is always in the grammar (the module and function structure)
CORE_DIALECTS = frozenset({"builtin", "func"})


class ParserSet:
    """The parsers of one :class:`~mlir_py.dialect.Context`, one per set of dialects (``Context.parser``).

    The LALR grammar of every registered dialect together is large (its parse table grows faster than the number
    of ops), so each input is parsed with a grammar holding only the custom syntax of the dialects its text
    names: a cheap scan collects every ``word.`` prefix that is a registered dialect (op names, ``!dialect.type``,
    ``#dialect.attr``; over-approximating is harmless), plus builtin and func. Each grammar is built once per
    process and its parse table cached on disk (:meth:`_Engine.load_or_build`), so editing one dialect does not
    invalidate the tables of programs that do not use it."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self._parsers: dict[frozenset[str], MLIRParser] = {}

    def dialects_in(self, text: str) -> frozenset[str]:
        """The registered dialects whose names appear as ``name.`` in ``text``, plus :data:`CORE_DIALECTS`."""
        known = self.ctx.dialect_names()
        found = {m for m in set(_DIALECT_PREFIX.findall(text)) if m in known} | (CORE_DIALECTS & known)
        self.ctx.load_dialects(found)
        return frozenset(found)

    def for_dialects(self, names: frozenset[str] | None) -> MLIRParser:
        """The parser whose grammar has the custom syntax of ``names`` (every registered dialect if None)."""
        key = frozenset(self.ctx.dialects) if names is None else names
        p = self._parsers.get(key)
        if p is None:
            p = self._parsers[key] = MLIRParser(self.ctx, key)
        return p

    def for_text(self, text: str) -> MLIRParser:
        return self.for_dialects(self.dialects_in(text))

    def parse(self, text: str, filename: str = "-", line_offset: int = 0) -> Operation:
        """Parse a whole module (see :meth:`MLIRParser.parse`)."""
        return self.for_text(text).parse(text, filename, line_offset)

    def parse_type(self, text: str) -> Type:
        """Parse one type (see :meth:`MLIRParser.parse_type`)."""
        return self.for_text(text).parse_type(text)

    def parse_attribute(self, text: str) -> Attribute:
        """Parse one attribute (see :meth:`MLIRParser.parse_attribute`)."""
        return self.for_text(text).parse_attribute(text)


class MLIRParser:
    """A lark LALR parser for the custom syntax of ``dialects`` (default: all registered in ``ctx``; ops of other
    dialects are still accepted in generic form); build through ``Context.parser`` (a :class:`ParserSet`)."""

    def __init__(self, ctx: Context, dialects: frozenset[str] | None = None):
        self.ctx = ctx
        self.dialects = dialects
        self.type_cache: dict[str, Type] = {}
        self.formats: dict[str, CompiledFormat] = {}
        base = _read_grammar().replace("@BALANCED@", _BALANCED.replace("\\", "\\\\").replace("/", "\\/"))
        rules, alternatives, terminals = [], ["generic_op", "func_op", "module_op"], []
        lexer_config = LexerConfig()
        self.transformer_cls = _make_transformer(self)
        helper_rules: dict[str, str] = {}
        if dialects is None:
            ops = ctx.ops
        else:
            ctx.load_dialects(dialects)
            ops = {n: c for n, c in ctx._ops.items() if n.split(".", 1)[0] in dialects}
        for name in sorted(ops):
            cls = ops[name]
            if name in ("func.func", "builtin.module"):
                continue
            if cls.assembly_format is None and getattr(cls, "custom_grammar", None) is None:
                continue
            term = "OPNAME_" + re.sub(r"\W", "_", name).upper()
            spellings = [name] + ([name.split(".", 1)[1]] if name.startswith("func.") else [])
            pat = "|".join(re.escape(s) for s in spellings)
            terminals.append(f"{term}.2: /(?:{pat})(?![A-Za-z0-9_$.])/")
            for sp in spellings:
                lexer_config.opnames[sp] = term
            custom = getattr(cls, "custom_grammar", None)
            if custom is not None:
                rule = "op_" + re.sub(r"\W", "_", name)
                rules.append(f"{rule}: {term} {custom}")
                alternatives.append(rule)
                setattr(self.transformer_cls, rule, _hook_callback(cls))
                # helper rules a custom grammar names: ``custom_rules = {name: (body, callback(children, st))}``;
                # several ops may share one (same name and body, e.g. MLIR's DynamicIndexList)
                for hname, (hbody, hcb) in getattr(cls, "custom_rules", {}).items():
                    if hname in helper_rules:
                        if helper_rules[hname] != hbody:
                            raise ValueError(f"'{name}': helper rule '{hname}' defined differently by another op")
                        continue
                    helper_rules[hname] = hbody
                    rules.append(f"{hname}: {hbody}")
                    setattr(self.transformer_cls, hname, _rule_callback(hcb))
                continue
            cf = CompiledFormat(cls)
            self.formats[name] = cf
            fast = compile_fast_form(cf)
            fixed_results = all(d.arity == "single" for d in cls.result_defs) and len(cls.result_defs) <= 1
            if fast is not None and fixed_results:
                for sp in spellings:
                    lexer_config.fast_ops[sp] = FastOp(fast[0], fast[1], len(cls.result_defs), cf)
            rules.extend(cf.grammar(term))
            alternatives.append(cf.rule_name)
            setattr(self.transformer_cls, cf.rule_name, _custom_callback(cf))
            for r in cf.extra_rules:
                setattr(self.transformer_cls, r.split(":", 1)[0], _group_callback)
        grammar = base + "\n_op_body: " + " | ".join(alternatives) + "\n" + "\n".join(rules) + "\n" + \
            "\n".join(terminals) + "\n"
        self.grammar = grammar
        self._transformer = self.transformer_cls()
        lexer_config.opnames.update({"func.func": "FUNC_FUNC", "module": "MODULE_KW", "builtin.module": "MODULE_KW",
                                     "private": "VISIBILITY", "public": "VISIBILITY", "nested": "VISIBILITY"})
        self.lark = _Engine.load_or_build(grammar, self._transformer, lexer_config)
        self._fast_plans: dict[FastOp, Any] = {}
        self.lexer: MLIRLexer = self.lark.lexer
        self.lexer_config = lexer_config

    # --- the whole-op fast path (see lexer.py) -------------------------------------------------------------------
    def _fast_plan(self, fo: FastOp) -> Any:
        """A direct builder for a fast op whose types all resolve statically from its type groups (the common
        case: ``$lhs, $rhs : type($result)`` with ``SameOperandsAndResultType``), else False."""
        cf: CompiledFormat = fo.rule
        cls = cf.op_cls
        plan = _PLANS.get(cls) or _PLANS.setdefault(cls, _BuildPlan(cls))
        if plan.infer is not None or plan.region_defs or plan.successors or plan.seg_operands or plan.seg_results \
                or any(a != "single" for _, a in plan.operands + plan.results):
            return False
        known: dict[str, int] = {}
        operand_groups: dict[str, int] = {}
        type_groups: list[int] = []
        prop_src: list[tuple[int, str, str, Any, Any]] = []
        g = 1
        for kind, name in fo.slots:
            if kind == "operand":
                operand_groups[name] = g
                g += 1
            elif kind == "type":
                known[name[0]] = len(type_groups)
                type_groups.append(g)
                g += 1
            else:
                d = next(d for d, key, _ in plan.props if name in (d.name, key))
                key = d.attr_name or d.name
                conv = getattr(d.attr_class, "from_format", None)
                prop_src.append((g, key, kind, conv, d))
                g += 1 if kind == "prop_word" else 3
        for grp in plan.groups:
            src = next((known[n] for n in grp if n in known), None)
            if src is not None:
                for n in grp:
                    known.setdefault(n, src)
        try:
            operand_src = [(operand_groups[n], known[n]) for n, _ in plan.operands]
            result_src = [known[n] for n, _ in plan.results]
        except KeyError:
            return False
        return (cls, type_groups, operand_src, result_src, prop_src)

    def fast_operation(self, tok: Token, loc: LocationAttr | None, st: _State) -> Operation:
        """Build the op of a ``FAST_OP`` token: directly when its types resolve statically (same semantics as
        the slow path), else through ``build_custom_op`` exactly as the slow path does."""
        fo, m, head, line, op_col = self.lexer.fast_matches.pop(tok.start_pos)  # type: ignore[arg-type]
        plan = self._fast_plans.get(fo)
        if plan is None:
            plan = self._fast_plans[fo] = self._fast_plan(fo)
        if plan:
            return self._fast_build(plan, fo, m, head, tok, line, op_col, loc, st)
        cf: CompiledFormat = fo.rule
        line_start = tok.start_pos - (tok.column - 1)  # type: ignore[operator]
        new = Token._future_new  # type: ignore[attr-defined]
        bound: dict[str, Any] = {}
        g = 1
        tr = self._transformer
        for kind, name in fo.slots:
            if kind == "operand":
                s = m.start(g)
                bound[name] = new("VALUE_ID", m.group(g), s, line, s - line_start + 1, line, None, m.end(g))
                g += 1
            elif kind == "type":
                bound.setdefault("__types__", []).append((name, tr.simple_type([m.group(g)])))
                g += 1
            elif kind == "prop_word":
                s = m.start(g)
                bound[name] = new("BARE_ID", m.group(g), s, line, s - line_start + 1, line, None, m.end(g))
                g += 1
            else:  # prop_attr: number, its type, or a bool
                num, ty, b = m.group(g), m.group(g + 1), m.group(g + 2)
                if b is not None:
                    bound[name] = tr.true_attr([]) if b == "true" else tr.false_attr([])
                else:
                    s = m.start(g)
                    kind_ = "FLOAT" if "." in num else "INT"
                    ntok = new(kind_, num, s, line, s - line_start + 1, line, None, m.end(g))
                    t = tr.simple_type([ty])
                    bound[name] = tr.float_attr([ntok, t]) if kind_ == "FLOAT" else tr.int_attr([ntok, t])
                g += 3
        kw = new("OPNAME", head.group(2), tok.start_pos + head.start(2) - head.start(), line, op_col, line,
                 None, None)
        op = build_custom_op(cf.op_cls, cf, bound, st, kw)
        res = head.group(1)
        if res is not None:
            rtok = new("VALUE_ID", res, tok.start_pos, line, tok.column, line, None, None)
            st.define(res, op.results, st.loc(rtok))
        if loc is not None:
            op.location = loc
        st.current_block().append(op)
        return op

    def _fast_build(self, plan: Any, fo: FastOp, m: Any, head: Any, tok: Token, line: int, op_col: int,
                    loc: LocationAttr | None, st: _State) -> Operation:
        cls, type_groups, operand_src, result_src, prop_src = plan
        tcache = self.type_cache
        tr = self._transformer
        tys = []
        for g in type_groups:
            spelling = m.group(g)
            t = tcache.get(spelling)
            if t is None:
                t = tr.simple_type([spelling])
            tys.append(t)
        scopes = st.scopes
        line_start = tok.start_pos - (tok.column - 1)  # type: ignore[operator]
        new = Token._future_new  # type: ignore[attr-defined]
        operands = []
        for g, ti in operand_src:
            name = m.group(g)
            t = tys[ti]
            v = None
            if "#" not in name:
                for scope in reversed(scopes):
                    vals = scope.values.get(name)
                    if vals is not None:
                        v = vals[0]
                        break
            if v is None or v.type is not t and v.type != t:
                s0 = m.start(g)
                v = st.use(new("VALUE_ID", name, s0, line, s0 - line_start + 1, line, None, m.end(g)), t)
            operands.append(v)
        props: dict[str, Attribute] = {}
        for g, key, kind, conv, d in prop_src:
            s0 = m.start(g)
            if kind == "prop_word":
                raw: Any = new("BARE_ID", m.group(g), s0, line, s0 - line_start + 1, line, None, m.end(g))
            else:
                num, ty, b = m.group(g), m.group(g + 1), m.group(g + 2)
                if b is not None:
                    raw = tr.true_attr([]) if b == "true" else tr.false_attr([])
                else:
                    kind_ = "FLOAT" if "." in num else "INT"
                    ntok = new(kind_, num, s0, line, s0 - line_start + 1, line, None, m.end(g))
                    t = tr.simple_type([ty])
                    raw = tr.float_attr([ntok, t]) if kind_ == "FLOAT" else tr.int_attr([ntok, t])
            try:
                props[key] = conv(raw, d) if conv is not None else raw
            except (ValueError, KeyError) as e:
                raise st.error(f"invalid value for '{key}': {e}", raw if isinstance(raw, Token) else None) from None
        op = cls.create(operands, [tys[i] for i in result_src], props, None, (), (),
                        FileLineColLoc(st.filename, line + st.line_offset, op_col))
        res = head.group(1)
        if res is not None:
            st.define(res, op.results, FileLineColLoc(st.filename, line + st.line_offset, tok.column))  # type: ignore[arg-type]
        if loc is not None:
            op.location = loc
        st.current_block().append(op)
        return op

    # --- entry points -----------------------------------------------------------------------------------------
    def parse(self, text: str, filename: str = "-", line_offset: int = 0) -> Operation:
        """Parse a whole file into a ``builtin.module`` (implicit when the file is a list of operations).

        ``line_offset`` lines precede ``text`` in ``filename`` (a ``--split-input-file`` chunk, whose first line is
        the marker's line padded with blanks up to the end of the marker, see ``tools.common.split_chunks``).
        Raises :class:`ParseError` (a located diagnostic) on malformed input."""
        st = _State(self, filename)
        st.line_offset = line_offset
        if line_offset:  # MLIR places a chunk's implicit module right after the split marker
            st.chunk_start = (line_offset + 1, len(text) - len(text.lstrip(" ")) + 1)
        self._transformer.st = st
        enabled = gc.isenabled()
        gc.disable()
        try:
            self.lark.parse(text, start="start")
        except UnexpectedInput as e:
            raise self._syntax_error(e, st, text) from None
        except ParseError as e:
            if e.diagnostic.location is None:
                e.diagnostic.location = _callback_location(e, st, text)
            raise
        except RecursionError:
            raise ParseError("input is nested too deeply", FileLineColLoc(filename, 1 + line_offset, 1)) from None
        finally:
            if enabled:
                gc.enable()
        for ph in st.top.pending.values():
            raise ParseError("use of undeclared SSA value name", ph.loc)
        for loc in st.top.block_refs.values():
            raise ParseError("reference to an undefined block", loc)
        mod = self._module(st)
        if st.deferred_locs:
            _resolve_deferred_locs(mod, st)
        return mod

    def _module(self, st: _State) -> Operation:
        from dialects.builtin import ModuleOp

        blocks = st.top_region.blocks
        ops = list(blocks[0].ops) if blocks else []
        if len(ops) == 1 and isinstance(ops[0], ModuleOp) and not ops[0].results:
            mod = ops[0].detach()
        else:
            # MLIR's implicit module sits at file:0:0, or (a --split-input-file chunk) right after the marker
            mod = ModuleOp.create(regions=[Region()], location=FileLineColLoc(st.filename, *st.chunk_start))
            body = mod.regions[0].add_block()
            for op in ops:
                body.append(op.detach())
        if st.resources:
            mod.resources = st.resources  # type: ignore[attr-defined]
            self.ctx.resources.update(st.resources.get("builtin", {}))  # type: ignore[attr-defined]
        return mod

    def parse_type(self, text: str, st: _State | None = None) -> Type:
        return self._sub(text, "type_entry", st)

    def parse_attribute(self, text: str, st: _State | None = None) -> Attribute:
        return self._sub(text, "attribute_entry", st)

    def _sub(self, text: str, start: str, st: _State | None) -> Any:
        prev = getattr(self._transformer, "st", None)
        sub = _State(self, st.filename if st else "-")
        if st is not None:
            sub.attr_aliases, sub.type_aliases = st.attr_aliases, st.type_aliases
        self._transformer.st = sub
        try:
            return self.lark.parse(text, start=start)
        except UnexpectedInput as e:
            raise self._syntax_error(e, sub, text) from None
        finally:
            self._transformer.st = prev

    def dialect_element(self, body: str, tok: Token, st: _State, is_type: bool) -> Any:
        """``#dialect.mnemonic<...>`` / ``!dialect.mnemonic<...>`` (pretty) or ``#dialect<"...">`` (opaque)."""
        head, sep, rest = body.partition("<")
        dname, _, mnemonic = head.partition(".")
        d = self.ctx.get_dialect(dname)
        inner = rest[:-1] if sep else None
        if d is None:
            if not self.ctx.allow_unregistered_dialects:
                raise st.error(f"dialect '{dname}' is unknown; use -allow-unregistered-dialect to keep it verbatim"
                               f" ({'!' if is_type else '#'}{body})", tok)
            # kept verbatim: `#test.sym<...>` -> "sym<...>", `#test<...>` -> the text between the brackets
            data = body[len(dname) + 1:] if mnemonic else (inner or "")
            return OpaqueType(dname, data) if is_type else OpaqueAttr(dname, data)
        if not mnemonic and inner is not None and inner.startswith('"'):
            data = unescape(inner)
            head, sep, rest = data.partition("<")
            mnemonic, inner = head, (rest[:-1] if sep else None)
        elif not mnemonic and inner is not None and d is not None:
            # '#dialect<mnemonic ...>' short form used by some upstream enums
            mnemonic, _, inner = inner.partition(" ")
            inner = inner if inner else None
        table = None if d is None else (d.type_parsers if is_type else d.attribute_parsers)
        if table is not None and mnemonic in table:
            try:
                return table[mnemonic](inner, _HookParser(self, st, tok))
            except ParseError:
                raise
            except (ValueError, KeyError, IndexError) as e:
                raise st.error(f"invalid {'type' if is_type else 'attribute'} '{body}': {e}", tok) from None
        if d is not None and not self.ctx.allow_unregistered_dialects:
            raise st.error(f"dialect '{dname}' provides no {'type' if is_type else 'attribute'} named '{mnemonic}'",
                           tok)
        if d is None and not self.ctx.allow_unregistered_dialects:
            raise st.error(f"dialect '{dname}' is unknown; use -allow-unregistered-dialect to keep it verbatim"
                           f" ({'!' if is_type else '#'}{body})", tok)
        data = body[len(dname) + 1:]
        return OpaqueType(dname, data) if is_type else OpaqueAttr(dname, data)

    def _syntax_error(self, e: UnexpectedInput, st: _State, text: str) -> ParseError:
        """A failed LALR step or lexer scan, worded and placed as MLIR's parser does (mlir/lib/AsmParser).

        A wrong or missing token is reported right after the previous token (MLIR's ``emitWrongTokenError``:
        whitespace, blank lines and comment-only lines are skipped backwards, so a missing ``:`` at the end of
        a line is reported on that line); an unknown custom op name and a character that starts no token are
        reported where they stand. The message names what was expected (:func:`_expected`)."""

        def at(pos: int) -> FileLineColLoc:
            return _pos_loc(text, pos, st)

        if isinstance(e, (UnexpectedToken, UnexpectedEOF)):
            tok: Token | None = getattr(e, "token", None)
            at_end = tok is None or tok.type == "$END"
            pos = len(text) if at_end or tok is None or tok.start_pos is None else tok.start_pos
            expected = _acceptable(e, "expected")
            stack = _value_stack(e)
            if not at_end and _is_op_start(expected) and _OP_NAME_RE.fullmatch(str(tok)):
                return self._unknown_custom_op(str(tok), stack, at(pos))
            message, at_token = _expected(expected, self.lark, stack)
            return ParseError(message, at(pos if at_token and not at_end else _wrong_token_pos(text, pos)))
        if isinstance(e, UnexpectedCharacters):
            pos = e.pos_in_stream or 0
            ch = text[pos] if pos < len(text) else ""
            allowed = _acceptable(e, "allowed")
            if ch == '"':
                eol = text.find("\n", pos)
                return ParseError("expected '\"' in string literal", at(len(text) if eol < 0 else eol))
            if ch == "@":
                return ParseError("@ identifier expected to start with letter or '_'", at(pos + 1))
            if ch in "#!" and _is_op_start(allowed):
                return ParseError("expected operation name in quotes", at(pos))
            if ch == "#":
                return ParseError("invalid attribute name", at(pos))
            if ch == "!":
                return ParseError("invalid type identifier", at(pos))
            if ch == "%":
                return ParseError("invalid SSA name", at(pos))
            if ch == "^":
                return ParseError("invalid block name", at(pos))
            word = _OP_NAME_RE.match(text, pos)
            if word is not None and _is_op_start(allowed):
                return self._unknown_custom_op(word.group(0), _value_stack(e), at(pos))
            return ParseError("unexpected character", at(pos))
        return ParseError(str(e).split("\n")[0], at(getattr(e, "pos_in_stream", 0) or 0))

    def _unknown_custom_op(self, name: str, stack: list[Any], loc: FileLineColLoc) -> ParseError:
        dialect = name.split(".", 1)[0]
        if "." in name and dialect not in self.ctx.dialect_names():
            err = ParseError(f"Dialect `{dialect}' not found for custom op '{name}' ", loc)
            err.diagnostic.attach_note(f"Available dialects: {', '.join(sorted(self.ctx.dialects))} ; for more "
                                       "info on dialect registration see https://mlir.llvm.org/getting_started/"
                                       "Faq/#registered-loaded-dependent-whats-up-with-dialects-management", loc)
            return err
        return ParseError(f"custom op '{name}' is unknown{_tried_as_well(name, stack)}", loc)


_OP_NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_$.]*")
#: terminals that only start an attribute (not a type): seeing them expected means "an attribute goes here"
_ATTR_ONLY = frozenset({"DENSE", "DENSE_RESOURCE", "ARRAY", "AFFINE_MAP", "AFFINE_SET", "STRIDED", "UNIT"})
_OPENERS = {"LPAR": "RPAR", "LSQB": "RSQB", "LESSTHAN": "MORETHAN", "LBRACE": "RBRACE"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_TERMINAL_NAMES = {"VALUE_ID": "SSA operand", "CARET_ID": "block name", "SYMBOL": "symbol reference",
                   "SIMPLE_TYPE": "type", "BARE_ID": "keyword", "INT": "integer literal", "FLOAT": "float literal",
                   "STRING": "string literal", "HASH": "attribute", "BANG": "type", "DIMS": "dimension list",
                   "VDIMS": "dimension list", "VISIBILITY": "visibility", "$END": "end of file"}


def _pos_loc(text: str, pos: int, st: _State) -> FileLineColLoc:
    """The file location of offset ``pos`` of the parsed ``text`` (chunk lines shifted by ``st.line_offset``)."""
    pos = max(0, min(pos, len(text)))
    line_start = text.rfind("\n", 0, pos) + 1
    return FileLineColLoc(st.filename, text.count("\n", 0, pos) + 1 + st.line_offset, pos - line_start + 1)


def _wrong_token_pos(text: str, pos: int) -> int:
    """MLIR's ``Parser::emitWrongTokenError`` position: back from ``pos`` over blanks, blank lines and ``//``
    comments to the end of the previous token; ``pos`` itself when nothing precedes it."""
    end = pos
    while True:
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        if end == 0:
            return pos
        if text[end - 1] not in "\r\n":
            return end
        end -= 1
        line_start = text.rfind("\n", 0, end) + 1
        comment = text.find("//", line_start, end)
        if comment >= 0:
            end = comment


def _acceptable(e: UnexpectedInput, attr: str) -> set[str]:
    """The terminals the parser can really take next. An LALR table's expected set is too wide after default
    reductions (everything that may follow an attribute anywhere, ops included), so the lookahead is tried
    against copies of the parser state (lark's ``accepts``, without callbacks); the table's set is the
    fallback."""
    ip = getattr(e, "interactive_parser", None)
    if ip is not None:
        try:
            got = set(ip.accepts())
            if got:
                return got
        except Exception:  # noqa: BLE001 - only a better message is at stake
            pass
    return set(getattr(e, attr, None) or ())


def _value_stack(e: Exception) -> list[Any]:
    state = getattr(e, "state", None)
    stack = getattr(state, "value_stack", None)
    return list(stack) if isinstance(stack, list) else []


def _is_op_start(expected: set[str]) -> bool:
    return any(x.startswith("OPNAME_") for x in expected) or "FUNC_FUNC" in expected


def _tried_as_well(name: str, stack: list[Any]) -> str:
    """MLIR retries an unknown bare op name in the enclosing op's default dialect (``func`` inside
    ``func.func``, ``builtin`` at the top and inside ``module``)."""
    if "." in name:
        return ""
    dialect = "builtin"
    for v in reversed(stack):
        if isinstance(v, Token):
            if v.type == "FUNC_FUNC":
                dialect = "func"
                break
            if v.type == "MODULE_KW":
                break
            if v.type == "STRING" or v.type.startswith("OPNAME_"):
                return ""
    return f" (tried '{dialect}.{name}' as well)"


def _open_bracket(stack: list[Any]) -> tuple[str, Token | None] | None:
    """The innermost bracket left open on the parser's value stack, and the token before it."""
    depth = 0
    for i in range(len(stack) - 1, -1, -1):
        v = stack[i]
        if not isinstance(v, Token):
            continue
        if v.type in _CLOSERS:
            depth += 1
        elif v.type in _OPENERS:
            if depth == 0:
                before = stack[i - 1] if i > 0 and isinstance(stack[i - 1], Token) else None
                return v.type, before
            depth -= 1
    return None


def _expected(expected: Any, lark: Any, stack: Sequence[Any] = ()) -> tuple[str, bool]:
    """MLIR's wording for "the next token is not one the grammar allows here", from the set of acceptable
    terminals and the parser's value stack (what is open, what came last): ``expected ':'``, ``expected SSA
    operand``, ``expected ',' or ']'``, ``expected attribute value``, ``expected non-function type``, ...

    Also says whether MLIR reports it at the offending token (``emitError``) rather than after the previous
    one (``emitWrongTokenError``)."""
    exp = set(expected or ())
    stack = list(stack)
    prev = stack[-1] if stack and isinstance(stack[-1], Token) else None
    by_name = {t.name: t for t in lark.terminals}

    def spell(x: str) -> str:
        if x in _TERMINAL_NAMES:
            return _TERMINAL_NAMES[x]
        t = by_name.get(x)
        if t is not None and t.pattern.type == "str":
            return f"'{t.pattern.value}'"
        return x.lower()

    if not exp:
        return "unexpected token", True
    if _is_op_start(exp):
        return "expected operation name in quotes", False
    if exp & _ATTR_ONLY:
        return "expected attribute value", False
    if "SIMPLE_TYPE" in exp:
        return "expected non-function type", False
    if exp == {"LPAR"} and prev is not None and prev.type == "COLON":
        return "expected function type", True
    if "VALUE_ID" in exp:
        return ("expected ')' to end operand list" if "RPAR" in exp else "expected SSA operand"), False
    if "CALLSITE" in exp:
        return "expected location instance", False
    if "SYMBOL" in exp:
        custom = next((v for v in reversed(stack) if isinstance(v, Token) and
                       (v.type == "FUNC_FUNC" or v.type.startswith("OPNAME_"))), None)
        name = "" if custom is None else str(custom) if "." in str(custom) else f"func.{custom}"
        return (f"custom op '{name}' " if name else "") + "expected valid '@'-identifier for symbol name", True
    if "CARET_ID" in exp and len(exp) <= 2:
        return "expected block name", False
    if prev is not None and prev.type == "VALUE_ID" and "EQUAL" in exp:
        return "expected '=' after SSA name", False
    if exp == {"LPAR"} and prev is not None and prev.value == "->" and \
            any(isinstance(v, Token) and v.type == "AFFINE_MAP" for v in stack):
        return "expected '(' in affine map range", False
    if exp <= {"INT", "FLOAT", "TRUE", "FALSE"} and "INT" in exp:
        return "expected integer literal", True
    opened = _open_bracket(stack)
    if opened is not None and _OPENERS[opened[0]] in exp:
        kind, before = opened
        closer = spell(_OPENERS[kind])
        comma = "COMMA" in exp
        if kind == "LPAR" and before is not None and before.type in ("LOC", "CALLSITE"):
            return f"expected {closer} in location", False
        if kind == "LPAR":
            operands = before is not None and before.type == "STRING"
            return f"expected {closer}" + (" to end operand list" if operands else ""), False
        if kind == "LSQB":
            in_dense = any(isinstance(v, Token) and v.type == "DENSE" for v in stack)
            plain = in_dense or (before is not None and before.type == "LESSTHAN")  # dense<[...]>, strided<[...]>
            return (f"expected ',' or {closer}" if comma and not plain else f"expected {closer}"), False
        if kind == "LESSTHAN":
            if before is not None and before.type in ("TENSOR", "VECTOR", "COMPLEX", "TUPLE", "MEMREF"):
                lead = "',' or " if before.type == "MEMREF" and comma else ""
                return f"expected {lead}{closer} in {before.value} type", False
            if before is not None and before.type == "RPAR":
                return f"expected {closer} to close properties", False
        if kind == "LBRACE" and comma:
            return f"expected {closer} in attribute dictionary", False
        return (f"expected ',' or {closer}" if comma else f"expected {closer}"), False
    if "COLON" in exp:
        return "expected ':'", False
    optional = {"LBRACE", "LOC", "ATTRIBUTES", "LESSTHAN", "LSQB", "LPAR", "$END"}
    required = sorted(x for x in exp if x not in optional and not (by_name.get(x) is not None and
                                                                     by_name[x].pattern.type == "str" and
                                                                     by_name[x].pattern.value.isalpha()))
    names = list(dict.fromkeys(spell(x) for x in (required or sorted(exp))))
    if len(names) == 1:
        return f"expected {names[0]}", False
    if len(names) == 2:
        return f"expected {names[0]} or {names[1]}", False
    return "expected one of " + ", ".join(names[:8]) + (", ..." if len(names) > 8 else ""), False


def _callback_location(e: BaseException, st: _State, text: str) -> FileLineColLoc:
    """Where an error raised without a location inside a grammar callback belongs: the first token of the
    rule being reduced (the ``feed_token`` frame's children ``s``), else the lookahead token, else the chunk
    start. Only walked on the error path, so the parse itself pays nothing for it."""
    tb = e.__traceback__
    found: tuple[list[Any], Any] | None = None
    while tb is not None:
        f = tb.tb_frame
        if f.f_code.co_name == "feed_token" and "token" in f.f_locals:
            found = (f.f_locals.get("s") or [], f.f_locals.get("token"))
        tb = tb.tb_next
    if found is not None:
        children, look = found
        todo = list(children)
        while todo:
            v = todo.pop(0)
            if isinstance(v, Token) and v.start_pos is not None:
                return _pos_loc(text, v.start_pos, st)
            if isinstance(v, (list, tuple)):
                todo[:0] = list(v)
        if isinstance(look, Token) and look.start_pos is not None:
            return _pos_loc(text, len(text) if look.type == "$END" else look.start_pos, st)
    return FileLineColLoc(st.filename, 1 + st.line_offset, 1)


class _HookParser:
    """Given to dialect attribute/type parse hooks: nested types and attributes, and located errors."""

    def __init__(self, parser: MLIRParser, st: _State, tok: Token):
        self._p, self._st, self._tok = parser, st, tok

    def parse_type(self, text: str) -> Type:
        return self._p.parse_type(text, self._st)

    def parse_attribute(self, text: str) -> Attribute:
        return self._p.parse_attribute(text, self._st)

    def error(self, message: str) -> ParseError:
        return self._st.error(message, self._tok)


def _group_callback(self: Any, c: list[Any]) -> Any:
    return c


def _rule_callback(fn: Any) -> Any:
    def callback(self: Any, c: list[Any]) -> Any:
        return fn(c, self.st)

    return callback


def _hook_callback(cls: Any) -> Any:
    def callback(self: Any, c: list[Any]) -> Operation:
        st: _State = self.st
        return cls.parse_custom(c[1:], st, c[0])

    return callback


def _custom_callback(cf: CompiledFormat) -> Any:
    op_cls = cf.op_cls

    def callback(self: Any, c: list[Any]) -> Operation:
        st: _State = self.st
        kw = c[0]
        bound: dict[str, Any] = {}
        cf.bind(cf.elems, c[1:], bound)
        return build_custom_op(op_cls, cf, bound, st, kw)

    return callback


class _BuildPlan:
    """What :func:`build_custom_op` needs about an op class, computed once per class."""

    __slots__ = ("operands", "results", "var_results", "props", "groups", "infer", "seg_operands", "seg_results",
                 "prop_names", "single_regions", "region_defs", "successors", "name")

    def __init__(self, cls: type[Op]):
        from ..opdef import Op as _Op
        from ..opdef import SameOperandsAndResultType, SameTypeOperands

        self.name = cls.OPERATION_NAME
        self.operands = [(d.name, d.arity) for d in cls.operand_defs]
        self.results = [(d.name, d.arity) for d in cls.result_defs]
        self.var_results = {d.name for d in cls.result_defs if d.arity != "single"}
        self.props = [(d, d.attr_name or d.name, getattr(d.attr_class, "from_format", None)) for d in cls.prop_defs]
        groups: list[list[str]] = [list(g) for g in getattr(cls, "all_types_match", [])]
        if any(isinstance(t, SameOperandsAndResultType) for t in cls.traits):
            groups.append([n for n, _ in self.operands] + [n for n, _ in self.results])
        if any(isinstance(t, SameTypeOperands) for t in cls.traits):
            groups.append([n for n, _ in self.operands])
        self.groups = groups
        self.infer = getattr(cls, "infer_format_types", None)
        self.seg_operands = _Op._needs_segments(cls.operand_defs)
        self.seg_results = _Op._needs_segments(cls.result_defs)
        self.prop_names = cls.property_names()
        self.region_defs = [(d.name, d.arity) for d in cls.region_defs]
        self.single_regions = sum(1 for d in cls.region_defs if d.arity == "single")
        self.successors = [d.name for d in cls.successor_defs]


_PLANS: dict[type, _BuildPlan] = {}


def build_custom_op(cls: type[Op], cf: CompiledFormat, bound: dict[str, Any], st: _State, kw: Token) -> Operation:
    """Resolve the bound format pieces (value names, types, attributes) into an op of class ``cls``.

    Type resolution follows MLIR's generated parsers: types given by ``type(...)``/``functional-type`` first,
    then the ``SameOperandsAndResultType``/``SameTypeOperands``/``all_types_match`` groups, then the op's
    ``infer_format_types`` hook."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _BuildPlan(cls)
    loc = st.loc(kw)
    names: dict[str, list[Token]] = {}
    if "__operands__" in bound:
        toks = bound["__operands__"] or []
        if len(plan.operands) == 1:
            names[plan.operands[0][0]] = list(toks)
        else:
            for (n, _), t in zip(plan.operands, toks):
                names[n] = [t]
    for n, _ in plan.operands:
        if n in bound:
            v = bound[n]
            names[n] = [] if v is None else list(v) if isinstance(v, list) else [v]
        elif n not in names:
            names[n] = []
    types: dict[str, list[Type]] = {}

    def assign(var_names: Sequence[str], ts: Sequence[Type]) -> None:
        ts = list(ts)
        if len(var_names) == 1 and var_names[0] in ("operands", "results"):
            if var_names[0] == "operands":
                var_names = [n for n, _ in plan.operands]
            else:
                var_names = [n for n, _ in plan.results]
                if len(var_names) == 1:
                    types[var_names[0]] = ts
                    return
        pos = 0
        for i, n in enumerate(var_names):
            if n in names:
                k = len(names[n])
            elif n in plan.var_results:
                k = len(ts) - pos - (len(var_names) - i - 1)
            else:
                k = 1
            types[n] = ts[pos:pos + k]
            pos += k
        if pos != len(ts):
            raise st.error(f"expected {pos} types but got {len(ts)}", kw)

    for var_names, t in bound.get("__types__", ()):
        if len(var_names) == 1 and isinstance(t, Type) and var_names[0] not in ("operands", "results") and \
                len(names.get(var_names[0], (None,))) == 1:
            types[var_names[0]] = [t]
        else:
            assign(var_names, t if isinstance(t, list) else [] if t is None else [t])
    if "__ftype__" in bound:
        ins, outs, ft = bound["__ftype__"]
        assign(ins, ft.inputs)
        assign(outs, ft.results)
    props: dict[str, Attribute] = {}
    for d, key, conv in plan.props:
        for n in (d.name, key):
            if n in bound:
                raw = bound[n]
                try:
                    props[key] = conv(raw, d) if conv is not None else raw
                except (ValueError, KeyError) as e:
                    raise st.error(f"invalid value for '{key}': {e}", raw if isinstance(raw, Token) else kw) from None
                break
    for u in bound.get("__units__", ()):
        props[u] = UnitAttr()
    attributes: dict[str, Attribute] = {}
    pd = bound.get("__propdict__")
    if pd:
        allowed = {d.attr_name for d in cf.extra_props}
        for k, v in pd.items():
            if k not in allowed or k in props:
                raise st.error(f"custom op '{plan.name}' duplicate or unknown property in properties dictionary: {k}",
                               kw)
            props[k] = v
    ad = bound.get("__attrdict__")
    if ad:
        pn = plan.prop_names
        for k, v in ad.items():
            if k in pn:
                raise st.error(f"custom op '{plan.name}' inherent attribute '{k}' cannot be parsed from attr-dict "
                               "when strict properties in assembly format is enabled", kw)
            attributes[k] = v
    for g in plan.groups:
        known = None
        for n in g:
            tl = types.get(n)
            if tl:
                known = tl[0]
                break
        if known is not None:
            for n in g:
                if not types.get(n):
                    types[n] = [known] * (len(names[n]) if n in names else 1)
    if plan.infer is not None:
        plan.infer(types, names, props, st)
    operands: list[Value] = []
    sizes: list[int] = []
    use = st.use
    for n, _ in plan.operands:
        toks = names[n]
        ts = types.get(n)
        if toks and (ts is None or len(ts) != len(toks)):
            if ts is not None and len(ts) == 1 and len(toks) > 1:
                ts = ts * len(toks)
            else:
                raise st.error(f"'{plan.name}': could not infer the type of operand '{n}'", kw)
        for tok, t in zip(toks, ts or ()):
            operands.append(use(tok, t))
        sizes.append(len(toks))
    result_types: list[Type] = []
    rsizes: list[int] = []
    for n, arity in plan.results:
        ts = types.get(n)
        if ts is None:
            if arity != "single":
                ts = []
            else:
                raise st.error(f"'{plan.name}': could not infer the type of result '{n}'", kw)
        result_types.extend(ts)
        rsizes.append(len(ts))
    if plan.seg_operands:
        props.setdefault("operandSegmentSizes", DenseArrayAttr(IntegerType(32), sizes))
    if plan.seg_results:
        props.setdefault("resultSegmentSizes", DenseArrayAttr(IntegerType(32), rsizes))
    regions: list[Region] = []
    if plan.region_defs:
        regions = [bound[n] for n, ar in plan.region_defs if n in bound and ar == "single"]
        regions += bound.get("__regions__", [])
        for n, ar in plan.region_defs:
            if ar != "single" and n in bound:
                regions += list(bound[n] or [])
        while len(regions) < plan.single_regions:
            regions.append(Region())
    succs = [st.block_ref(bound[n]) for n in plan.successors if n in bound]
    return cls.create(operands, result_types, props, attributes, regions, succs, loc)


def parse_module(text: str, ctx: Context | None = None, filename: str = "-") -> Operation:
    """Parse ``text`` with the dialects of ``ctx`` (all available dialects by default)."""
    from ..dialect import Context

    ctx = ctx or Context()
    return ctx.parser.parse(text, filename)


__all__ = ["MLIRParser", "ParserSet", "parse_module", "unescape", "Diagnostic"]
