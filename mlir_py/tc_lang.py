"""The Tensor Comprehensions language: syntax tree, parser, name binding, type checking and range inference.

Source: Tensor Comprehensions (Vasilache et al., 2018), ``docs/source/semantics.rst`` (grammar, scoping, implied
reductions) and ``docs/source/inference.rst`` (range inference) of facebookresearch/TensorComprehensions. The
grammar is ``mlir_py/parser/tc.lark``; this module is shared by the ``tc`` dialect (:mod:`dialects.tc`), the
``.tc`` front end (:mod:`mlir_py.tc_frontend`), the interpreter and ``convert-tc-to-linalg``.

A statement ``C(m, n) +=! A(m, k) * B(k, n) where k in 0:8``:

- the left-hand side names the result and its *index variables* (distinct identifiers); an identifier of the
  right-hand side that is neither an operand nor a builtin is an index variable; one that appears on the right but
  not on the left is a *reduction index*, which requires a reduction operator (``+= *= max= min=``, with ``!`` the
  result starts from the operator's identity 0, 1, -inf, +inf; without it, from the given init tensor);
- expressions: numbers (C syntax, an ``f`` suffix allowed), tensor reads ``A(i, h * 2 + r)``, reads of scalar
  operands ``c``, dimension sizes ``A.1``, ``+ - * / %``, unary ``-`` and ``!``, comparisons, ``&&``, ``||``,
  ``c ? a : b``, the builtins :data:`UNARY_FUNCS`, :data:`BINARY_FUNCS` and the casts :data:`CASTS`;
- ``where`` clauses: ``k in lo:hi`` (``lo`` inclusive, ``hi`` exclusive; size expressions) and ``exists A(i)``
  (an access that takes part in range inference only).

Types: a tensor read has the operand's element type; integer literals, index variables and sizes are *weak*
integers and float literals weak floats: they take the type of the other operand (a float context turns an index
into a float) and otherwise ``i32``/``f32`` (TC's ``int`` and ``float``), or the result's element type. Mixing two
different concrete types is an error: cast with ``float(x)`` etc. Integer ``/`` and ``%`` truncate toward zero (C).

Range inference (``inference.rst``): ranges are ``[lo, hi)``. Variables bounded by a ``where`` range are resolved
first; then, in rounds, every tensor-read subscript that is affine and holds exactly one unresolved variable ``v``
(``a*v + rest``, ``rest`` over resolved variables) bounds ``v`` so that ``0 <= a*v + rest < size`` holds for every
value of ``rest``; bounds found in one round intersect. A round that resolves nothing while variables remain is an
error (the range is ambiguous or unbounded: add a ``where`` clause). With static sizes every affine read is then
checked to stay in bounds (TC's warning is an error here: reading out of bounds is undefined behaviour), and the
result's shape is the upper bound of each left-hand index (its lower bound must be >= 0).

Errors are :class:`TcError` with a 1-based ``(line, column)`` inside the parsed text.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from .attributes import (
    DYNAMIC,
    FloatType,
    IndexType,
    IntegerType,
    RankedTensorType,
    Type,
    f16,
    f32,
    f64,
    i1,
    i8,
    i16,
    i32,
    i64,
    index,
)

Pos = tuple[int, int]

#: unary float builtins (``abs`` also takes integers)
UNARY_FUNCS = ("exp", "log", "sqrt", "rsqrt", "tanh", "erf", "abs", "fabs", "floor", "ceil", "sin", "cos")
#: binary builtins: min/max on any numeric type (NaN-propagating on floats), pow on floats
BINARY_FUNCS = ("min", "max", "fmin", "fmax", "pow", "powf")
#: casts, ``float(x)``: TC's scalar type names to MLIR types
CASTS: dict[str, Type] = {"float": f32, "double": f64, "half": f16, "int8": i8, "int16": i16, "int32": i32,
                          "int": i32, "int64": i64, "long": i64, "bool": i1}
#: TC parameter types of the ``def`` language (``float(M, K) A``)
SCALAR_TYPES: dict[str, Type] = {k: v for k, v in CASTS.items() if k != "bool"}
#: reduction operators: the identity each ``!`` initialises with
REDUCTIONS = ("+", "*", "max", "min")
BUILTINS = frozenset(UNARY_FUNCS) | frozenset(BINARY_FUNCS) | frozenset(CASTS)


class TcError(Exception):
    """A located error in TC text: ``pos`` is a 1-based (line, column) in the statement or file."""

    def __init__(self, message: str, pos: Pos | None = None):
        super().__init__(message)
        self.message, self.pos = message, pos


# ---------------------------------------------------------------------------------------------------------------
# syntax tree
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Num:
    value: int | float
    is_float: bool
    pos: Pos


@dataclass(frozen=True, eq=False)
class Name:
    """An identifier: an index variable, a scalar operand, or (in a ``def``) a size variable."""

    name: str
    pos: Pos


@dataclass(frozen=True, eq=False)
class Dim:
    """``A.1``: the size of dimension 1 of operand ``A``."""

    tensor: str
    dim: int
    pos: Pos


@dataclass(frozen=True, eq=False)
class Call:
    """``A(i, j)``: a tensor read, or a builtin / cast call when ``name`` is in :data:`BUILTINS`."""

    name: str
    args: tuple[Expr, ...]
    pos: Pos


@dataclass(frozen=True, eq=False)
class Unary:
    op: str  # "-" | "!"
    x: Expr
    pos: Pos


@dataclass(frozen=True, eq=False)
class Binary:
    op: str  # + - * / % == != < <= > >= && ||
    a: Expr
    b: Expr
    pos: Pos


@dataclass(frozen=True, eq=False)
class Select:
    cond: Expr
    a: Expr
    b: Expr
    pos: Pos


Expr = Num | Name | Dim | Call | Unary | Binary | Select


@dataclass(frozen=True, eq=False)
class RangeClause:
    var: str
    lo: Expr
    hi: Expr
    pos: Pos


@dataclass(frozen=True, eq=False)
class ExistsClause:
    expr: Expr
    pos: Pos


@dataclass(frozen=True, eq=False)
class Stmt:
    """``name(indices) op[!] rhs where ...``; ``op`` is ``=`` or one of :data:`REDUCTIONS`."""

    name: str
    indices: tuple[tuple[str, Pos], ...]
    op: str
    bang: bool
    rhs: Expr
    where: tuple[RangeClause | ExistsClause, ...]
    pos: Pos
    op_pos: Pos

    @property
    def is_reduction(self) -> bool:
        return self.op != "="

    @property
    def accumulates(self) -> bool:
        """A reduction without ``!``: the result starts from the init operand."""
        return self.op != "=" and not self.bang


@dataclass(frozen=True, eq=False)
class Param:
    """A ``def`` parameter ``float(M, K) A``: scalar type name, size variables, tensor name."""

    type_name: str
    dims: tuple[str, ...]
    name: str
    pos: Pos


@dataclass(frozen=True, eq=False)
class CallStmt:
    """``C, D = f(A, B)``: a call of an earlier ``def`` (TC's "function call" statement)."""

    outputs: tuple[tuple[str, Pos], ...]
    callee: str
    args: tuple[tuple[str, Pos], ...]
    pos: Pos
    callee_pos: Pos


@dataclass(frozen=True, eq=False)
class Def:
    name: str
    params: tuple[Param, ...]
    outputs: tuple[tuple[str, Pos], ...]
    stmts: tuple[Stmt | CallStmt, ...]
    pos: Pos


_BINOPS = {"lor": "||", "land": "&&", "eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">=",
           "add": "+", "sub": "-", "mul": "*", "div": "/", "rem": "%"}


def _tpos(t: Token) -> Pos:
    return (t.line or 0, t.column or 0)


def _mpos(meta: Any) -> Pos:
    return (getattr(meta, "line", 0), getattr(meta, "column", 0))


def _ids(c: Sequence[Any]) -> list[Token]:
    return [t for t in c if isinstance(t, Token) and t.type == "ID"]


class _ToAst(Transformer):  # type: ignore[type-arg]
    def number(self, c: list[Token]) -> Num:
        s = str(c[0])
        body = s[:-1] if s.endswith("f") else s
        is_float = s.endswith("f") or any(ch in body for ch in ".eE")
        return Num(float(body) if is_float else int(body), is_float, _tpos(c[0]))

    def name(self, c: list[Token]) -> Name:
        return Name(str(c[0]), _tpos(c[0]))

    def dim(self, c: list[Token]) -> Dim:
        t, _, d = str(c[0]).rpartition(".")
        return Dim(t, int(d), _tpos(c[0]))

    def call(self, c: list[Any]) -> Call:
        return Call(str(c[0]), tuple(x for x in c[1:] if x is not None), _tpos(c[0]))

    @v_args(meta=True)
    def neg(self, meta: Any, c: list[Any]) -> Unary:
        return Unary("-", c[0], _mpos(meta))

    @v_args(meta=True)
    def lnot(self, meta: Any, c: list[Any]) -> Unary:
        return Unary("!", c[0], _mpos(meta))

    @v_args(meta=True)
    def select(self, meta: Any, c: list[Any]) -> Select:
        return Select(c[0], c[1], c[2], _mpos(meta))

    @v_args(meta=True)
    def range_clause(self, meta: Any, c: list[Any]) -> RangeClause:
        return RangeClause(str(c[0]), c[1], c[2], _tpos(c[0]))

    @v_args(meta=True)
    def exists_clause(self, meta: Any, c: list[Any]) -> ExistsClause:
        return ExistsClause(c[0], _mpos(meta))

    def stmt(self, c: list[Any]) -> Stmt:
        name = c[0]
        k = next(i for i, t in enumerate(c) if isinstance(t, Token) and t.type == "ASSIGN")
        idx = tuple((str(t), _tpos(t)) for t in _ids(c[1:k]))
        a = str(c[k])
        if a == "=!":
            raise TcError("'=!' is not an operator: '!' follows a reduction operator (+=!, *=!, max=!, min=!)",
                          _tpos(c[k]))
        op = "=" if a == "=" else a.rstrip("!")[:-1]
        where = tuple(x for x in c[k + 2:] if x is not None)
        return Stmt(str(name), idx, op, a.endswith("!"), c[k + 1], where, _tpos(name), _tpos(c[k]))

    def stmt_entry(self, c: list[Any]) -> Stmt:
        return c[0]  # type: ignore[no-any-return]

    def param(self, c: list[Any]) -> Param:
        ids = _ids(c)
        return Param(str(ids[0]), tuple(str(t) for t in ids[1:-1]), str(ids[-1]), _tpos(ids[0]))

    def call_stmt(self, c: list[Any]) -> CallStmt:
        k = next(i for i, t in enumerate(c) if isinstance(t, Token) and t.type == "ASSIGN")
        if str(c[k]) != "=":
            raise TcError(f"a function call is assigned with '=', not '{c[k]}'", _tpos(c[k]))
        outs = tuple((str(t), _tpos(t)) for t in _ids(c[:k]))
        callee = c[k + 1]
        args = tuple((str(t), _tpos(t)) for t in _ids(c[k + 2:]))
        return CallStmt(outs, str(callee), args, outs[0][1], _tpos(callee))

    def func(self, c: list[Any]) -> Def:
        name = c[0]
        params = tuple(x for x in c[1:] if isinstance(x, Param))
        outs = tuple((str(t), _tpos(t)) for t in _ids(c[1:]))
        stmts = tuple(x for x in c if isinstance(x, (Stmt, CallStmt)))
        return Def(str(name), params, outs, stmts, _tpos(name))

    def file(self, c: list[Any]) -> list[Def]:
        return [d for d in c if d is not None]


for _rule, _sym in _BINOPS.items():
    def _mk(sym: str) -> Any:
        @v_args(meta=True)
        def f(self: Any, meta: Any, c: list[Any]) -> Binary:
            return Binary(sym, c[0], c[1], _mpos(meta))
        return f
    setattr(_ToAst, _rule, _mk(_sym))


@functools.lru_cache(maxsize=1)
def _parser() -> Lark:
    path = os.path.join(os.path.dirname(__file__), "parser", "tc.lark")
    with open(path) as f:
        return Lark(f.read(), parser="lalr", start=["stmt_entry", "file"], propagate_positions=True, cache=True,
                    maybe_placeholders=True)


_EXPECT = {"ASSIGN": "'=' or a reduction (+=, +=!, *=, max=, min=, ...)", "ID": "an identifier",
           "NUMBER": "a number", "RPAR": "')'", "LPAR": "'('", "COMMA": "','", "$END": "end of input"}


def _parse(text: str, start: str) -> Any:
    try:
        tree = _parser().parse(text, start=start)
    except UnexpectedCharacters as e:
        raise TcError(f"unexpected character '{text[e.pos_in_stream or 0]}'", (e.line, e.column)) from None
    except UnexpectedEOF as e:
        raise TcError("unexpected end of input", (0, 0)) from e
    except UnexpectedToken as e:
        tok = e.token
        got = "end of input" if tok.type == "$END" else f"'{tok}'"
        exp = sorted(_EXPECT[t] for t in e.expected if t in _EXPECT)
        msg = f"unexpected {got}" + (f", expected {' or '.join(exp)}" if exp else "")
        line, col = (tok.line, tok.column) if tok.type != "$END" else _end_pos(text)
        raise TcError(msg, (line, col)) from None
    except UnexpectedInput as e:
        raise TcError(f"syntax error: {e}", (e.line, e.column)) from None
    try:
        return _ToAst().transform(tree)
    except Exception as e:  # lark wraps callback exceptions in VisitError
        inner = getattr(e, "orig_exc", e)
        if isinstance(inner, TcError):
            raise inner from None
        raise


def _end_pos(text: str) -> Pos:
    lines = text.split("\n")
    return (len(lines), len(lines[-1]) + 1)


@functools.lru_cache(maxsize=4096)
def parse_statement(text: str) -> Stmt:
    """One statement (the body of a ``tc.comprehension``). Raises :class:`TcError` on a syntax error."""
    return _parse(text, "stmt_entry")  # type: ignore[no-any-return]


def parse_file(text: str) -> list[Def]:
    """A ``.tc`` file: ``def``s with ``#`` comments. Raises :class:`TcError` on a syntax error."""
    return _parse(text, "file")  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------------------------------------------
# printing
# ---------------------------------------------------------------------------------------------------------------

_PREC = {"||": 2, "&&": 3, "==": 4, "!=": 4, "<": 5, "<=": 5, ">": 5, ">=": 5, "+": 6, "-": 6, "*": 7, "/": 7,
         "%": 7}


def format_expr(e: Expr, rename: Mapping[str, str] | None = None, prec: int = 0) -> str:
    """``e`` as TC text with minimal parentheses; ``rename`` replaces names (size variables by ``A.0``)."""
    rn = rename or {}
    if isinstance(e, Num):
        s = repr(e.value) if e.is_float else str(e.value)
        out = s
    elif isinstance(e, Name):
        out = rn.get(e.name, e.name)
    elif isinstance(e, Dim):
        out = f"{e.tensor}.{e.dim}"
    elif isinstance(e, Call):
        out = f"{e.name}({', '.join(format_expr(a, rn) for a in e.args)})"
    elif isinstance(e, Unary):
        out = e.op + format_expr(e.x, rn, 8)
        return f"({out})" if prec > 8 else out
    elif isinstance(e, Binary):
        p = _PREC[e.op]
        out = f"{format_expr(e.a, rn, p)} {e.op} {format_expr(e.b, rn, p + 1)}"
        return f"({out})" if prec > p else out
    else:
        out = f"{format_expr(e.cond, rn, 2)} ? {format_expr(e.a, rn)} : {format_expr(e.b, rn, 1)}"
        return f"({out})" if prec > 1 else out
    return out


def format_stmt(s: Stmt, rename: Mapping[str, str] | None = None) -> str:
    """``s`` as TC text (``C(m, n) +=! A(m, k) * B(k, n) where k in 0:8``)."""
    op = "=" if s.op == "=" else s.op + "=" + ("!" if s.bang else "")
    out = f"{s.name}({', '.join(i for i, _ in s.indices)}) {op} {format_expr(s.rhs, rename)}"
    clauses = [f"{c.var} in {format_expr(c.lo, rename, 6)}:{format_expr(c.hi, rename, 6)}"
               if isinstance(c, RangeClause) else f"exists {format_expr(c.expr, rename)}" for c in s.where]
    return out + (" where " + ", ".join(clauses) if clauses else "")


def walk(e: Expr) -> list[Expr]:
    """``e`` and its subexpressions, in pre-order."""
    out: list[Expr] = []
    stack: list[Expr] = [e]
    while stack:
        x = stack.pop()
        out.append(x)
        kids: Sequence[Expr] = (x.args if isinstance(x, Call) else (x.x,) if isinstance(x, Unary)
                                else (x.a, x.b) if isinstance(x, Binary)
                                else (x.cond, x.a, x.b) if isinstance(x, Select) else ())
        stack.extend(reversed(kids))
    return out


# ---------------------------------------------------------------------------------------------------------------
# analysis: binding, types, ranges
# ---------------------------------------------------------------------------------------------------------------

WEAK_INT, WEAK_FLOAT = "weak-int", "weak-float"
_TypeLike = Type | str
Lin = dict[Any, int]  # {index variable: coefficient, None: constant}


def is_float(t: Type) -> bool:
    return isinstance(t, FloatType)


def is_int(t: Type) -> bool:
    return isinstance(t, (IntegerType, IndexType)) and t != i1


def operand_shape(t: Type) -> tuple[int | None, ...]:
    """The shape of an operand type (``()`` for a scalar), with ``None`` for dynamic sizes."""
    if isinstance(t, RankedTensorType):
        return tuple(None if d == DYNAMIC else d for d in t.shape)
    return ()


def scalar_type(t: Type) -> Type:
    return t.element_type if isinstance(t, RankedTensorType) else t


@dataclass
class Comprehension:
    """A statement bound to its operands: loop order, ranges, types.

    ``indices`` is the loop order: the left-hand indices (``parallel``), then the reduction indices in order of first
    appearance. ``ranges[v] = (lo, hi)``, ``None`` where a size is dynamic. ``shape`` is the result's shape.
    ``types`` maps ``id(node)`` of every value expression to its MLIR scalar type. ``reads`` lists the tensor and
    scalar-operand reads of the right-hand side (``Call`` / ``Name`` nodes), in pre-order."""

    stmt: Stmt
    operands: dict[str, Type]
    indices: list[str]
    n_parallel: int
    ranges: dict[str, tuple[int | None, int | None]]
    shape: tuple[int | None, ...]
    element_type: Type
    types: dict[int, Type] = field(default_factory=dict)
    reads: list[Call | Name] = field(default_factory=list)

    @property
    def reduction_indices(self) -> list[str]:
        return self.indices[self.n_parallel:]

    def type_of(self, e: Expr) -> Type:
        return self.types[id(e)]


def analyze(stmt: Stmt, operands: Mapping[str, Type], result_type: Type | None = None,
            shapes: Mapping[str, Sequence[int]] | None = None, init_type: Type | None = None) -> Comprehension:
    """Bind ``stmt`` to ``operands`` (name → tensor or scalar type), infer its ranges and types.

    ``result_type``: the declared result (its element type types weak expressions; its shape must match the inferred
    one). ``shapes``: runtime shapes overriding the types' (the interpreter). ``init_type``: the init operand of a
    reduction without ``!``. Raises :class:`TcError` located in the statement."""
    ops = dict(operands)
    sizes: dict[str, tuple[int | None, ...]] = {n: operand_shape(t) for n, t in ops.items()}
    for n, s in (shapes or {}).items():
        sizes[n] = tuple(s)
    if stmt.name in ops:
        raise TcError(f"the result '{stmt.name}' is also an operand name", stmt.pos)
    for n in ops:
        if n in BUILTINS:
            raise TcError(f"operand name '{n}' is a builtin", stmt.pos)

    # --- index variables -----------------------------------------------------------------------------------------
    lhs: list[str] = []
    for v, p in stmt.indices:
        if v in lhs:
            raise TcError(f"index '{v}' appears twice on the left-hand side", p)
        if v in ops or v in BUILTINS:
            raise TcError(f"'{v}' is an operand or builtin name, not an index", p)
        lhs.append(v)
    reads: list[Call | Name] = []
    rhs_vars: list[str] = []
    first_pos: dict[str, Pos] = {}

    def scan(e: Expr) -> None:
        for x in walk(e):
            if isinstance(x, Name):
                if x.name == stmt.name:
                    raise TcError(f"the right-hand side reads the result '{x.name}'", x.pos)
                if x.name in ops:
                    if sizes[x.name]:
                        r = len(sizes[x.name])
                        raise TcError(f"'{x.name}' is a rank-{r} tensor: read it with {r} "
                                      f"subscript{'' if r == 1 else 's'}", x.pos)
                    reads.append(x)
                elif x.name not in rhs_vars:
                    rhs_vars.append(x.name)
                    first_pos[x.name] = x.pos
            elif isinstance(x, Call):
                if x.name in ops:
                    rank = len(sizes[x.name])
                    if len(x.args) != rank:
                        raise TcError(f"'{x.name}' has rank {rank} but is read with {len(x.args)} "
                                      f"subscript{'' if len(x.args) == 1 else 's'}", x.pos)
                    reads.append(x)
                elif x.name == stmt.name:
                    raise TcError(f"the right-hand side reads the result '{x.name}'", x.pos)
                elif x.name in CASTS or x.name in UNARY_FUNCS:
                    if len(x.args) != 1:
                        raise TcError(f"'{x.name}' takes 1 argument, got {len(x.args)}", x.pos)
                elif x.name in BINARY_FUNCS:
                    if len(x.args) != 2:
                        raise TcError(f"'{x.name}' takes 2 arguments, got {len(x.args)}", x.pos)
                else:
                    raise TcError(f"use of undefined tensor or function '{x.name}'", x.pos)
            elif isinstance(x, Dim):
                if x.tensor not in ops:
                    raise TcError(f"use of undefined tensor '{x.tensor}'", x.pos)
                if x.dim >= len(sizes[x.tensor]):
                    raise TcError(f"'{x.tensor}' has rank {len(sizes[x.tensor])}, no dimension {x.dim}", x.pos)

    scan(stmt.rhs)
    n_reads = len(reads)
    exists: list[Expr] = []
    ranges_given: dict[str, RangeClause] = {}
    for c in stmt.where:
        if isinstance(c, ExistsClause):
            scan(c.expr)
            exists.append(c.expr)
        else:
            if c.var in ranges_given:
                raise TcError(f"index '{c.var}' has two where ranges", c.pos)
            if c.var in ops:
                raise TcError(f"'{c.var}' is an operand, not an index", c.pos)
            ranges_given[c.var] = c
    del reads[n_reads:]  # exists reads take part in inference only
    red = [v for v in rhs_vars if v not in lhs]
    for v, c in ranges_given.items():
        if v not in lhs and v not in rhs_vars:
            raise TcError(f"index '{v}' of the where clause is not used in the statement", c.pos)
    if red and not stmt.is_reduction:
        raise TcError(f"index '{red[0]}' does not appear on the left-hand side: a reduction operator (+=!, max=!, "
                      f"...) is required", first_pos[red[0]])
    indices = lhs + red
    loop_vars = set(indices)

    # --- ranges -------------------------------------------------------------------------------------------------
    def const(e: Expr) -> int | None:
        """A size expression's value; ``None`` when it depends on a dynamic size."""
        if isinstance(e, Num):
            if e.is_float:
                raise TcError("a range bound must be an integer", e.pos)
            return int(e.value)
        if isinstance(e, Dim):
            return sizes[e.tensor][e.dim]
        if isinstance(e, Unary) and e.op == "-":
            x = const(e.x)
            return None if x is None else -x
        if isinstance(e, Binary) and e.op in "+-*/%":
            a, b = const(e.a), const(e.b)
            if a is None or b is None:
                return None
            if e.op in "/%" and b == 0:
                raise TcError("division by zero in a range bound", e.pos)
            return {"+": a + b, "-": a - b, "*": a * b, "/": a // b if b else 0, "%": a % b if b else 0}[e.op]
        raise TcError("a range bound must be a size expression (numbers, sizes like A.0, + - * /)", e.pos)

    ranges: dict[str, tuple[int | None, int | None]] = {}
    for v, c in ranges_given.items():
        ranges[v] = (const(c.lo), const(c.hi))

    def lin(e: Expr) -> Lin | None:
        return affine_form(e, loop_vars, lambda t, d: sizes[t][d])

    # every (subscript linear form, dimension size, access) of the reads and exists clauses
    accesses: list[tuple[Lin, int | None, Expr, Call]] = []
    for x in [*reads, *[y for e in exists for y in walk(e) if isinstance(y, Call) and y.name in ops]]:
        if isinstance(x, Call):
            for d, sub in enumerate(x.args):
                f = lin(sub)
                if f is not None:
                    accesses.append(({k: c for k, c in f.items() if c != 0 or k is None}, sizes[x.name][d], sub, x))
    def box(f: Lin) -> tuple[int | None, int | None]:
        """min and max of ``f`` over the resolved ranges."""
        lo = hi = f.get(None, 0)
        for v, c in f.items():
            if v is None:
                continue
            a, b = ranges[v]
            if a is None or b is None or lo is None or hi is None:
                return None, None
            lo, hi = (lo + c * a, hi + c * (b - 1)) if c > 0 else (lo + c * (b - 1), hi + c * a)
        return lo, hi

    unresolved = [v for v in indices if v not in ranges]
    while unresolved:
        found: dict[str, tuple[int | None, int | None]] = {}
        for f, size, _sub, _x in accesses:
            vs = [v for v in f if v is not None and v not in ranges]
            if len(vs) != 1:
                continue
            v = vs[0]
            a = f[v]
            rest = {k: c for k, c in f.items() if k != v}
            rmin, rmax = box(rest)
            lo_v: int | None = None
            hi_v: int | None = None
            if rmin is not None and rmax is not None:  # a*v + rmin >= 0 and a*v + rmax <= size - 1
                if a > 0:
                    lo_v = -(rmin // a)
                    hi_v = None if size is None else (size - 1 - rmax) // a + 1
                else:
                    lo_v = None if size is None else -((size - 1 - rmax) // -a)
                    hi_v = rmin // -a + 1
            if v in found:
                plo, phi = found[v]
                lo_v = None if lo_v is None or plo is None else max(lo_v, plo)
                hi_v = None if hi_v is None or phi is None else min(hi_v, phi)
            found[v] = (lo_v, hi_v)
        if not found:
            names = ", ".join(f"'{v}'" for v in unresolved)
            v0 = unresolved[0]
            pos = first_pos.get(v0) or dict(stmt.indices).get(v0) or stmt.pos
            shared = any(len([v for v in f if v is not None and v not in ranges]) > 1 for f, *_ in accesses)
            many = len(unresolved) > 1
            what = f"the ranges of indices {names} are" if many else f"the range of index {names} is"
            why = ("ambiguous: every read using " + ("them" if many else "it") + " involves another unresolved "
                   "index" if shared else "not bounded by any read")
            raise TcError(f"{what} {why}; add a where clause ({v0} in lo:hi)", pos)
        ranges.update(found)
        unresolved = [v for v in unresolved if v not in found]

    for v in indices:
        lo, hi = ranges[v]
        if lo is not None and hi is not None and lo >= hi:
            pos = first_pos.get(v) or dict(stmt.indices).get(v) or stmt.pos
            raise TcError(f"index '{v}' has an empty range [{lo}, {hi})", pos)
    for f, size, sub, x in accesses:
        lo, hi = box(f)
        if size is not None and lo is not None and hi is not None and (lo < 0 or hi >= size):
            raise TcError(f"read '{format_expr(x)}' is out of bounds: subscript '{format_expr(sub)}' ranges over "
                          f"[{lo}, {hi}] but the size is {size}", sub.pos)
    shape: list[int | None] = []
    for v, p in stmt.indices:
        lo, hi = ranges[v]
        if lo is not None and lo < 0:
            raise TcError(f"index '{v}' ranges over [{lo}, {hi}): the result would be written at negative "
                          f"positions", p)
        shape.append(hi)

    # --- types ---------------------------------------------------------------------------------------------------
    types: dict[int, Type] = {}
    kinds: dict[int, _TypeLike] = {}

    def unify(a: _TypeLike, b: _TypeLike, e: Expr, what: str) -> _TypeLike:
        if a == b:
            return a
        if isinstance(a, str) and isinstance(b, str):
            return WEAK_FLOAT
        if isinstance(a, str):
            a, b = b, a
        assert isinstance(a, Type)
        if b == WEAK_FLOAT and not is_float(a):
            raise TcError(f"a float literal is used with '{a}' in {what}: cast with float(...)", e.pos)
        if isinstance(b, str):
            if a == i1:
                raise TcError(f"a number is used with a boolean in {what}", e.pos)
            return a
        raise TcError(f"mismatched types '{a}' and '{b}' in {what}: use a cast such as float(...)", e.pos)

    def infer(e: Expr) -> _TypeLike:
        t = _infer(e)
        kinds[id(e)] = t
        return t

    def _infer(e: Expr) -> _TypeLike:
        if isinstance(e, Num):
            return WEAK_FLOAT if e.is_float else WEAK_INT
        if isinstance(e, Name):
            return scalar_type(ops[e.name]) if e.name in ops else WEAK_INT
        if isinstance(e, Dim):
            return WEAK_INT
        if isinstance(e, Call):
            if e.name in ops:
                for sub in e.args:
                    t = infer(sub)
                    if t == WEAK_FLOAT or (isinstance(t, Type) and not is_int(t)):
                        raise TcError(f"subscript of '{e.name}' must be an integer, got "
                                      f"'{'float' if isinstance(t, str) else t}'", sub.pos)
                return scalar_type(ops[e.name])
            args = [infer(a) for a in e.args]
            if e.name in CASTS:
                return CASTS[e.name]
            if e.name in UNARY_FUNCS:
                t = args[0]
                if e.name in ("abs", "fabs") and isinstance(t, Type) and is_int(t):
                    return t
                if isinstance(t, Type) and not is_float(t):
                    raise TcError(f"'{e.name}' expects a float, got '{t}': cast with float(...)", e.pos)
                return WEAK_FLOAT if isinstance(t, str) else t
            t = unify(args[0], args[1], e, f"'{e.name}'")
            if e.name.startswith("pow"):
                if isinstance(t, Type) and not is_float(t):
                    raise TcError(f"'{e.name}' expects floats, got '{t}'", e.pos)
                return WEAK_FLOAT if isinstance(t, str) else t
            if t == i1:
                raise TcError(f"'{e.name}' expects numbers, got 'i1'", e.pos)
            return t
        if isinstance(e, Unary):
            t = infer(e.x)
            if e.op == "!":
                if t != i1:
                    raise TcError(f"'!' expects a boolean (a comparison), got '{t}'", e.pos)
                return i1
            if t == i1:
                raise TcError("unary '-' of a boolean", e.pos)
            return t
        if isinstance(e, Binary):
            a, b = infer(e.a), infer(e.b)
            if e.op in ("&&", "||"):
                if a != i1 or b != i1:
                    raise TcError(f"'{e.op}' expects booleans (comparisons)", e.pos)
                return i1
            t = unify(a, b, e, f"'{e.op}'")
            if t == i1:
                raise TcError(f"'{e.op}' of booleans", e.pos)
            if e.op in ("==", "!=", "<", "<=", ">", ">="):
                return i1
            return t
        c = infer(e.cond)
        if c != i1:
            raise TcError(f"the condition of '?:' must be a boolean (a comparison), got '{c}'", e.cond.pos)
        return unify(infer(e.a), infer(e.b), e, "'?:'")

    def settle(e: Expr, ctx: Type) -> None:
        """Give every node a concrete type; ``ctx`` is the type a weak node takes."""
        k = kinds[id(e)]
        t = k if isinstance(k, Type) else ctx if (k == WEAK_INT or is_float(ctx)) else f32
        types[id(e)] = t
        if isinstance(e, Call):
            if e.name in ops:
                for sub in e.args:
                    settle(sub, index)
            else:
                arg_ctx = t if e.name not in CASTS else _weak_ctx(kinds[id(e.args[0])], ctx)
                for a in e.args:
                    settle(a, arg_ctx)
        elif isinstance(e, Unary):
            settle(e.x, t)
        elif isinstance(e, Binary):
            if e.op in ("&&", "||"):
                settle(e.a, i1)
                settle(e.b, i1)
            elif e.op in ("==", "!=", "<", "<=", ">", ">="):
                ka, kb = kinds[id(e.a)], kinds[id(e.b)]
                inner = ka if isinstance(ka, Type) else kb if isinstance(kb, Type) else (
                    f32 if WEAK_FLOAT in (ka, kb) else index)
                settle(e.a, inner)
                settle(e.b, inner)
            else:
                settle(e.a, t)
                settle(e.b, t)
        elif isinstance(e, Select):
            settle(e.cond, i1)
            settle(e.a, t)
            settle(e.b, t)

    root = infer(stmt.rhs)
    want = scalar_type(result_type) if result_type is not None else None
    if isinstance(root, Type):
        elem = root
    elif want is not None and (is_float(want) or (root == WEAK_INT and is_int(want))):
        elem = want
    else:
        elem = f32 if root == WEAK_FLOAT else i32
    if elem == i1 and stmt.is_reduction:
        raise TcError("a reduction of booleans: cast with float(...) or int32(...)", stmt.op_pos)
    settle(stmt.rhs, elem)
    for e in exists:
        infer(e)
        settle(e, index)

    # --- the result ---------------------------------------------------------------------------------------------
    if result_type is not None:
        if not isinstance(result_type, RankedTensorType):
            raise TcError(f"the result must be a ranked tensor, got '{result_type}'", stmt.pos)
        if result_type.rank != len(lhs):
            raise TcError(f"the result has rank {result_type.rank} but '{stmt.name}' has {len(lhs)} indices",
                          stmt.pos)
        if result_type.element_type != elem:
            raise TcError(f"the result element type '{result_type.element_type}' differs from the statement's "
                          f"type '{elem}'", stmt.op_pos)
        for d, ((v, p), hi_v) in enumerate(zip(stmt.indices, shape)):
            got = result_type.shape[d]
            if hi_v is not None and got != DYNAMIC and got != hi_v:
                raise TcError(f"result dimension {d} is {got} but the inferred range of '{v}' is "
                              f"[{ranges[v][0]}, {hi_v})", p)
    if init_type is not None and result_type is not None and init_type != result_type:
        raise TcError(f"the init type '{init_type}' differs from the result type '{result_type}'", stmt.op_pos)
    return Comprehension(stmt, ops, indices, len(lhs), ranges, tuple(shape), elem, types, reads)


def affine_form(e: Expr, indices: Collection[str], size: Callable[[str, int], int | None]) -> Lin | None:
    """``e`` as ``{index: coefficient, None: constant}`` when it is an affine function of ``indices`` (integer
    literals, sizes ``A.1`` given by ``size(tensor, dim)``, ``+ - *`` with a constant factor); else ``None``."""
    if isinstance(e, Num):
        return None if e.is_float else {None: int(e.value)}
    if isinstance(e, Name):
        return {e.name: 1} if e.name in indices else None
    if isinstance(e, Dim):
        d = size(e.tensor, e.dim)
        return None if d is None else {None: d}
    if isinstance(e, Unary) and e.op == "-":
        x = affine_form(e.x, indices, size)
        return None if x is None else {k: -c for k, c in x.items()}
    if isinstance(e, Binary) and e.op in ("+", "-", "*"):
        a, b = affine_form(e.a, indices, size), affine_form(e.b, indices, size)
        if a is None or b is None:
            return None
        if e.op == "*":
            if set(a) <= {None}:
                a, b = b, a
            if not set(b) <= {None}:
                return None
            f = b.get(None, 0)
            return {v: c * f for v, c in a.items()}
        sign = 1 if e.op == "+" else -1
        out = dict(a)
        for v, c in b.items():
            out[v] = out.get(v, 0) + sign * c
        return out
    return None


def _weak_ctx(k: _TypeLike, ctx: Type) -> Type:
    """The type a weak cast argument takes: its own kind's default (float(i) reads i as an integer)."""
    if isinstance(k, Type):
        return k
    return f32 if k == WEAK_FLOAT else i64


def result_type_of(c: Comprehension) -> RankedTensorType:
    """The result type ``c`` infers (dynamic sizes as ``?``)."""
    return RankedTensorType([DYNAMIC if s is None else s for s in c.shape], c.element_type)


def identity(op: str, t: Type) -> int | float:
    """The identity of reduction ``op`` on type ``t``: 0, 1, -inf / the minimum, +inf / the maximum."""
    if op == "+":
        return 0.0 if is_float(t) else 0
    if op == "*":
        return 1.0 if is_float(t) else 1
    if is_float(t):
        return float("-inf") if op == "max" else float("inf")
    w = t.width if isinstance(t, IntegerType) else 64
    return -(1 << (w - 1)) if op == "max" else (1 << (w - 1)) - 1
