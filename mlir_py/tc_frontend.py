"""The ``.tc`` front end: Tensor Comprehensions ``def``s to functions of ``tc.comprehension`` ops.

``mlir-py-translate --import-tc kernels.tc [--tc-sizes=M=4,K=8,N=5]`` reads TC's ``def`` language
(facebookresearch/TensorComprehensions, ``docs/source/semantics.rst``)::

    # matrix multiply, then a bias
    def mm_bias(float(M, K) A, float(K, N) B, float(N) bias) -> (D) {
        C(m, n) +=! A(m, k) * B(k, n)
        D(m, n) = C(m, n) + bias(n)     # C is a temporary
    }

Each ``def`` becomes a ``func.func @name`` whose arguments are the parameters in order: ``float(M, K) A`` is a
``tensor<MxKxf32>`` (``float``, ``double``, ``half``, ``int8/16/32/64``, ``int``, ``long`` are the element types
f32, f64, f16, i8/16/32/64, i32, i64), a parameter without a size list (``float alpha``) is a scalar. Size variables
are dynamic (``?``) unless ``--tc-sizes`` gives them a value; a size variable used in an expression or a ``where``
range (``k in 0:K``) becomes the size of the first dimension it names (``A.1``). Every statement becomes one
``tc.comprehension`` (located at its line and column in the file) over the tensors it reads: parameters or the
results of earlier statements. A statement writing a tensor that an earlier statement wrote redefines it; a
reduction without ``!`` (``C(m, n) += ...``) accumulates into that earlier value (its ``init``). A call of an earlier
def, ``C, D = f(A, B)`` (TC's function-call statement), is a ``func.call`` whose results bind ``C`` and ``D``
(argument types must match the callee's exactly). A statement cannot
read the tensor it writes (write ``D(m, n) = C(m, n) + ...`` instead of updating ``C`` in place). The function
returns the ``-> (outputs)`` in order.

Errors (MLIR-style diagnostics at the file position, exit code 1 from the tool): TC syntax errors; unknown
parameter types; parameters or outputs named twice; a malformed ``--tc-sizes``; statements writing a parameter; an accumulation without an earlier value; an output that
no statement writes; calls of undefined (or later) defs, with the wrong number or types of arguments or results; every
error of :func:`mlir_py.tc_lang.analyze` (ranges, types, bounds) for the statement.
"""

from __future__ import annotations

from typing import Any

from .attributes import DYNAMIC, FileLineColLoc, FunctionType, RankedTensorType, SymbolRefAttr, Type, TypeAttr
from .diagnostics import Diagnostic, DiagnosticError
from .dialect import Context
from .ir import Operation, Region, Value
from .tc_lang import (
    SCALAR_TYPES,
    Binary,
    Call,
    CallStmt,
    Def,
    Dim,
    ExistsClause,
    Expr,
    Name,
    RangeClause,
    Select,
    Stmt,
    TcError,
    Unary,
    analyze,
    format_stmt,
    parse_file,
    walk,
)


class TcImportError(DiagnosticError):
    """A ``.tc`` file the front end cannot translate (located in the file). ``sources`` maps the file name to
    its text, so that a tool can show the offending line."""

    sources: dict[str, str] = {}


def _err(message: str, filename: str, pos: tuple[int, int] | None) -> TcImportError:
    line, col = pos or (0, 0)
    return TcImportError(Diagnostic("error", message, FileLineColLoc(filename, line, col)))


def parse_sizes(spec: str | None) -> dict[str, int]:
    """``"M=4,K=8"`` → ``{"M": 4, "K": 8}``. Raises :class:`ValueError` when malformed."""
    out: dict[str, int] = {}
    for part in (spec or "").split(","):
        if not part.strip():
            continue
        name, eq, value = part.partition("=")
        if not eq or not name.strip().isidentifier() or not value.strip().lstrip("-").isdigit() or int(value) < 0:
            raise ValueError(f"malformed size '{part.strip()}' (expected NAME=N with N >= 0)")
        out[name.strip()] = int(value)
    return out


def _subst(e: Expr, sizes: dict[str, Dim]) -> Expr:
    """``e`` with every size-variable name replaced by the dimension it names (keeping positions)."""
    if isinstance(e, Name):
        return sizes.get(e.name, e)
    if isinstance(e, Call):
        return Call(e.name, tuple(_subst(a, sizes) for a in e.args), e.pos)
    if isinstance(e, Unary):
        return Unary(e.op, _subst(e.x, sizes), e.pos)
    if isinstance(e, Binary):
        return Binary(e.op, _subst(e.a, sizes), _subst(e.b, sizes), e.pos)
    if isinstance(e, Select):
        return Select(_subst(e.cond, sizes), _subst(e.a, sizes), _subst(e.b, sizes), e.pos)
    return e


def _subst_stmt(s: Stmt, sizes: dict[str, Dim]) -> Stmt:
    where = tuple(RangeClause(c.var, _subst(c.lo, sizes), _subst(c.hi, sizes), c.pos) if isinstance(c, RangeClause)
                  else ExistsClause(_subst(c.expr, sizes), c.pos) for c in s.where)
    return Stmt(s.name, s.indices, s.op, s.bang, _subst(s.rhs, sizes), where, s.pos, s.op_pos)


def _read_names(s: Stmt) -> list[str]:
    """The tensor / scalar names a statement reads, in order of first appearance."""
    exprs: list[Expr] = [s.rhs]
    for c in s.where:
        exprs += [c.lo, c.hi] if isinstance(c, RangeClause) else [c.expr]
    out: list[str] = []
    for e in exprs:
        for x in walk(e):
            n = x.name if isinstance(x, (Call, Name)) else x.tensor if isinstance(x, Dim) else None
            if n is not None and n not in out:
                out.append(n)
    return out


def import_def(d: Def, funcs: dict[str, Operation], filename: str, sizes: dict[str, int]) -> Operation:
    """The ``func.func`` for one ``def``; ``funcs`` are the functions of the earlier ``def``s (callees)."""
    from dialects.func import CallOp, FuncOp, ReturnOp
    from dialects.tc import ComprehensionOp

    def loc(pos: tuple[int, int]) -> FileLineColLoc:
        return FileLineColLoc(filename, pos[0], pos[1])

    arg_types: list[Type] = []
    size_dims: dict[str, Dim] = {}
    seen: set[str] = set()
    for p in d.params:
        if p.type_name not in SCALAR_TYPES:
            raise _err(f"unknown TC type '{p.type_name}' (expected one of {', '.join(SCALAR_TYPES)})", filename,
                       p.pos)
        if p.name in seen:
            raise _err(f"parameter '{p.name}' is declared twice", filename, p.pos)
        seen.add(p.name)
        shape = []
        for i, size_name in enumerate(p.dims):
            size_dims.setdefault(size_name, Dim(p.name, i, p.pos))
            shape.append(sizes.get(size_name, DYNAMIC))
        et = SCALAR_TYPES[p.type_name]
        arg_types.append(RankedTensorType(shape, et) if p.dims else et)
    fn = FuncOp.build_func(d.name, arg_types, [], location=loc(d.pos))
    block = fn.regions[0].blocks[0]
    env: dict[str, Value] = {p.name: a for p, a in zip(d.params, block.args)}
    for p, a in zip(d.params, block.args):
        a.location = loc(p.pos)
    for s0 in d.stmts:
        if isinstance(s0, CallStmt):
            block.append(_call(s0, funcs, env, seen, filename, CallOp))
            continue
        if s0.name in seen:
            raise _err(f"'{s0.name}' is an input parameter: a statement cannot write it", filename, s0.pos)
        s = _subst_stmt(s0, size_dims)
        init = env.get(s.name) if s.accumulates else None
        if s.accumulates and init is None:
            raise _err(f"'{s.name}' is accumulated into ('{s.op}=' without '!') but has no earlier value: use "
                       f"'{s.op}=!' to start from the identity", filename, s.op_pos)
        names = [n for n in _read_names(s) if n in env and n != s.name]
        pairs = [(n, env[n]) for n in names]
        types = {n: v.type for n, v in pairs}
        try:
            analyze(s, types, init_type=None if init is None else init.type)
        except TcError as e:
            raise _err(e.message, filename, e.pos or s.pos) from None
        op = ComprehensionOp.build_from_text(format_stmt(s), pairs, init=init, location=loc(s.pos))
        block.append(op)
        env[s.name] = op.result
    outs: list[Value] = []
    for name, pos in d.outputs:
        if name not in env or name in seen:
            why = "is an input parameter" if name in seen else "is not written by any statement"
            raise _err(f"output '{name}' {why}", filename, pos)
        if any(name == n for n, _ in d.outputs[:len(outs)]):
            raise _err(f"output '{name}' is listed twice", filename, pos)
        outs.append(env[name])
    block.append(ReturnOp.create(outs, location=loc(d.pos)))
    fn.properties["function_type"] = TypeAttr(FunctionType(arg_types, [v.type for v in outs]))
    return fn


def _call(s: CallStmt, funcs: dict[str, Operation], env: dict[str, Value], params: set[str], filename: str,
          call_cls: Any) -> Operation:
    """``C, D = f(A, B)`` as a ``func.call`` of an earlier def; binds the results in ``env``."""
    callee = funcs.get(s.callee)
    if callee is None:
        raise _err(f"call of undefined function '{s.callee}' (a def must come before its calls)", filename,
                   s.callee_pos)
    ft = callee.properties["function_type"].value  # type: ignore[attr-defined]
    if len(s.args) != len(ft.inputs):
        raise _err(f"'{s.callee}' takes {len(ft.inputs)} arguments, got {len(s.args)}", filename, s.callee_pos)
    if len(s.outputs) != len(ft.results):
        raise _err(f"'{s.callee}' returns {len(ft.results)} values, but {len(s.outputs)} are assigned", filename,
                   s.pos)
    args: list[Value] = []
    for i, ((name, pos), want) in enumerate(zip(s.args, ft.inputs)):
        if name not in env:
            raise _err(f"use of undefined tensor '{name}'", filename, pos)
        if env[name].type != want:
            raise _err(f"argument #{i} of '{s.callee}' has type '{env[name].type}' but '{want}' is expected",
                       filename, pos)
        args.append(env[name])
    for name, pos in s.outputs:
        if name in params:
            raise _err(f"'{name}' is an input parameter: a statement cannot write it", filename, pos)
    op: Operation = call_cls.create(args, list(ft.results), {"callee": SymbolRefAttr(s.callee)},
                                    location=FileLineColLoc(filename, s.pos[0], s.pos[1]))
    for (name, _), r in zip(s.outputs, op.results):
        env[name] = r
    return op


def import_tc(text: str, ctx: Context, filename: str = "-", sizes: dict[str, int] | None = None) -> Operation:
    """A ``builtin.module`` with one ``func.func`` per ``def`` of the ``.tc`` text. Raises
    :class:`TcImportError` (see the module docstring)."""
    from dialects.builtin import ModuleOp

    try:
        defs = parse_file(text)
    except TcError as e:
        raise _err(e.message, filename, e.pos) from None
    module = ModuleOp.create(regions=[Region()], location=FileLineColLoc(filename, 1, 1))
    module.regions[0].add_block()
    body = module.regions[0].blocks[0]
    funcs: dict[str, Operation] = {}
    for d in defs:
        if d.name in funcs:
            raise _err(f"redefinition of '{d.name}'", filename, d.pos)
        funcs[d.name] = import_def(d, funcs, filename, sizes or {})
        body.append(funcs[d.name])
    return module


def import_tc_file(path: str, ctx: Context, options: dict[str, Any] | None = None) -> Operation:
    """The ``--import-tc`` translation (option ``tc-sizes``: ``NAME=N,...`` values of size variables)."""
    import sys

    try:
        sizes = parse_sizes((options or {}).get("tc-sizes"))
    except ValueError as e:
        raise _err(f"invalid --tc-sizes: {e}", path, None) from None
    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as f:
                text = f.read()
    except OSError as e:
        raise TcImportError(Diagnostic("error", f"cannot open input file '{path}': {e.strerror}")) from None
    name = "<stdin>" if path == "-" else path
    try:
        return import_tc(text, ctx, name, sizes)
    except TcImportError as e:
        e.sources = {name: text}
        raise


def _register() -> None:
    from .translate import register_translation

    register_translation("import-tc", "import Tensor Comprehensions defs (.tc) as functions of tc ops", "import",
                         import_tc_file,
                         options=(("tc-sizes", "values of the size variables, NAME=N,... (dynamic otherwise)",
                                   None),))


_register()
