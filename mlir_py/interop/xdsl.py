"""Conversion between mlir-py's IR and xDSL's (https://xdsl.dev), and xDSL passes inside mlir-py pipelines.

    from mlir_py.interop.xdsl import to_xdsl, from_xdsl, run_xdsl_pass
    xmod = to_xdsl(module)                  # an xdsl.dialects.builtin.ModuleOp
    module2 = from_xdsl(xmod)               # a builtin.module of mlir-py
    module = run_xdsl_pass(module, "cse")   # xDSL's cse on an mlir-py module, in place of the module

**Structural conversion.** Operations, regions, blocks (with argument types), SSA values, successors,
properties, discardable attributes and ``file:line:col`` locations are rebuilt one by one in the other IR, in
process; an op name the other side does not register becomes its unregistered op (xDSL's ``UnregisteredOp``,
mlir-py's generic :class:`~mlir_py.ir.Operation`), so dialects only one side knows (``dsa``, ``nn``) pass
through. Attributes and types are converted through the other side's own attribute parser applied to their MLIR
spelling (both print MLIR's syntax), once per distinct attribute (attributes are uniqued on both sides). A
region whose blocks use a value before the block defining it appears (possible in unstructured control flow)
cannot be rebuilt in one pass; the whole module then goes through the generic text form instead, printed and
parsed in process by xDSL's own :class:`xdsl.printer.Printer` and :class:`xdsl.parser.Parser`.

**Passes.** :func:`run_xdsl_pass` converts the module to xDSL, runs any pass of ``xdsl.transforms``
(``get_all_passes()``: ``canonicalize``, ``cse``, ``dce``, ``licm``, ``convert-scf-to-cf``, ...; options in xDSL's
spec syntax, ``"canonicalize"`` or ``"scf-for-loop-unroll{unroll-factor=2}"``) and converts back. xDSL verifies
the module before the pass; its diagnostics (and its exceptions) are reported as mlir-py diagnostics located at
the module. The pass ``xdsl-pass{name=NAME}`` (``passes/xdsl_pass.py``) makes this a pass of our pipelines:
``mlir-py-opt --xdsl-pass=cse`` or ``--pass-pipeline='builtin.module(canonicalize,xdsl-pass{name=cse})'``.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from mlir_py.attributes import Attribute, FileLineColLoc, LocationAttr, Type
from mlir_py.diagnostics import DiagnosticError, VerifyError
from mlir_py.dialect import Context
from mlir_py.ir import Block, Operation, Region, Value

_XCTX: Any = None


def xdsl_context() -> Any:
    """An xDSL context with every dialect xDSL ships (loaded lazily) and unregistered ops allowed."""
    global _XCTX
    if _XCTX is None:
        from xdsl.context import Context as XContext
        from xdsl.dialects import get_all_dialects

        ctx = XContext(allow_unregistered=True)
        for name, factory in get_all_dialects().items():
            ctx.register_dialect(name, factory)
        _XCTX = ctx
    return _XCTX


class _Forward(Exception):
    """A value used before the op or block defining it was converted."""


# ---------------------------------------------------------------------------------------------------------------
# mlir-py -> xDSL
# ---------------------------------------------------------------------------------------------------------------


class _ToXdsl:
    def __init__(self, xctx: Any):
        self.xctx = xctx
        self.values: dict[Value, Any] = {}
        self.attrs: dict[Any, Any] = {}
        #: the mlir-py location of every converted op, by id of the xDSL op (for the way back)
        self.locations: dict[int, LocationAttr] = {}
        self.keep: list[Any] = []

    def attr(self, a: Attribute | Type) -> Any:
        x = self.attrs.get(a)
        if x is None:
            from xdsl.parser import Parser

            p = Parser(self.xctx, str(a))
            x = self.attrs[a] = p.parse_type() if isinstance(a, Type) else p.parse_attribute()
        return x

    def location(self, loc: LocationAttr) -> Any:
        from xdsl.dialects.builtin import FileLineColLoc as XLoc
        from xdsl.dialects.builtin import IntAttr, StringAttr

        if isinstance(loc, FileLineColLoc):
            return XLoc(StringAttr(loc.filename), IntAttr(loc.line), IntAttr(loc.col))
        return None

    def op(self, op: Operation) -> Any:
        from xdsl.dialects.builtin import UnregisteredOp

        cls = self.xctx.get_optional_op(op.name)
        if cls is None:
            cls = UnregisteredOp.with_name(op.name)
        regions = [self.region(r) for r in op.regions]
        blocks = self.blocks
        try:
            operands = [self.values[v] for v in op.operands]
            successors = [blocks[b] for b in op.successors]
        except KeyError:
            raise _Forward from None
        kw: dict[str, Any] = {}
        loc = self.location(op.location)
        if loc is not None:
            kw["location"] = loc
        x = cls.create(operands=operands, result_types=[self.attr(t) for t in op.result_types],
                       properties={k: self.attr(op.properties[k]) for k in sorted(op.properties)},
                       attributes={k: self.attr(v) for k, v in op.attributes.items()},
                       successors=successors, regions=regions, **kw)
        for r, xr in zip(op.results, x.results):
            self.values[r] = xr
        self.locations[id(x)] = op.location
        self.keep.append(x)
        return x

    blocks: dict[Block, Any]

    def region(self, r: Region) -> Any:
        from xdsl.ir import Block as XBlock
        from xdsl.ir import Region as XRegion

        made = [XBlock(arg_types=[self.attr(a.type) for a in b.args]) for b in r.blocks]
        self.blocks.update(zip(r.blocks, made))
        for b, xb in zip(r.blocks, made):
            self.values.update(zip(b.args, xb.args))
            for a, xa in zip(b.args, xb.args):
                if a.location is not None:
                    self.locations[id(xa)] = a.location
        for b, xb in zip(r.blocks, made):
            for o in b.ops:
                xb.add_op(self.op(o))
        return XRegion(made)


def to_xdsl(module: Operation, *, locations: dict[int, LocationAttr] | None = None) -> Any:
    """The xDSL ``builtin.module`` equal to ``module`` (see the module docstring). ``locations``, if given, is
    filled with the location of every op and block argument, keyed by ``id()`` of its xDSL counterpart (what
    :func:`from_xdsl` takes to keep block-argument and non-``file:line:col`` locations; xDSL has neither). Raises :class:`DiagnosticError` when xDSL rejects an attribute or type."""
    xctx = xdsl_context()
    conv = _ToXdsl(xctx)
    conv.blocks = {}
    try:
        x = conv.op(module)
        if locations is not None:
            locations.update(conv.locations)
        return x
    except _Forward:
        pass
    except Exception as e:  # noqa: BLE001 - xDSL's parse errors carry no common base
        raise _error(f"xDSL cannot represent this module: {_first_line(e)}", module) from None
    return _text_to_xdsl(module)


def _text_to_xdsl(module: Operation) -> Any:
    from xdsl.parser import Parser

    from mlir_py.printer import print_op

    try:
        return Parser(xdsl_context(), print_op(module, generic=True)).parse_module()
    except Exception as e:  # noqa: BLE001
        raise _error(f"xDSL cannot parse this module: {_first_line(e)}", module) from None


# ---------------------------------------------------------------------------------------------------------------
# xDSL -> mlir-py
# ---------------------------------------------------------------------------------------------------------------


class _FromXdsl:
    def __init__(self, ctx: Context, locations: dict[int, LocationAttr] | None):
        self.ctx = ctx
        self.values: dict[Any, Value] = {}
        self.blocks: dict[Any, Block] = {}
        self.attrs: dict[tuple[int, bool], Any] = {}
        self.locations = locations or {}

    def attr(self, x: Any, is_type: bool) -> Any:
        key = (id(x), is_type)  # xDSL attributes are not all hashable; pinned so that ids stay unique
        a = self.attrs.get(key)
        if a is None:
            from xdsl.printer import Printer

            s = io.StringIO()
            Printer(stream=s).print_attribute(x)
            text = s.getvalue()
            a = self.ctx.parser.parse_type(text) if is_type else self.ctx.parser.parse_attribute(text)
            self.attrs[key] = a
            self._pin.append(x)
        return a

    _pin: list[Any]

    def location(self, x: Any) -> LocationAttr | None:
        from xdsl.dialects.builtin import FileLineColLoc as XLoc

        known = self.locations.get(id(x))
        if known is not None:
            return known
        loc = getattr(x, "location", None)
        if isinstance(loc, XLoc):
            return FileLineColLoc(loc.filename.data, loc.line.data, loc.column.data)
        return None

    def op(self, x: Any) -> Operation:
        name = x.name
        regions = [self.region(r) for r in x.regions]
        try:
            operands = [self.values[v] for v in x.operands]
            successors = [self.blocks[b] for b in x.successors]
        except KeyError:
            raise _Forward from None
        props = {k: self.attr(v, False) for k, v in x.properties.items()}
        attrs = {k: self.attr(v, False) for k, v in x.attributes.items()}
        if name == "builtin.unregistered":  # xDSL keeps the real name of an op it does not know in op_name__
            name = x.op_name.data
            attrs.pop("op_name__", None)
        types = [self.attr(r.type, True) for r in x.results]
        cls = self.ctx.get_op_class(name)
        loc = self.location(x)
        op = cls.create(operands, types, props, attrs, regions, successors, loc) if cls is not None else \
            Operation(operands, types, props, attrs, regions, successors, loc, name=name)
        for xr, r in zip(x.results, op.results):
            self.values[xr] = r
        return op

    def region(self, xr: Any) -> Region:
        made = []
        for xb in xr.blocks:
            locs = [self.locations.get(id(a)) for a in xb.args]
            b = Block([self.attr(a.type, True) for a in xb.args],
                      locs if all(loc is not None for loc in locs) else None)  # type: ignore[arg-type]
            self.blocks[xb] = b
            self.values.update(zip(xb.args, b.args))
            made.append((xb, b))
        for xb, b in made:
            for xo in xb.ops:
                b.append(self.op(xo))
        return Region([b for _, b in made])


def from_xdsl(xmodule: Any, ctx: Context | None = None, *,
              locations: dict[int, LocationAttr] | None = None) -> Operation:
    """The mlir-py module equal to the xDSL op ``xmodule`` (normally a ``builtin.module``), built in ``ctx`` (a
    fresh :class:`~mlir_py.dialect.Context` with every available dialect by default); ``locations`` as filled by
    :func:`to_xdsl`. Raises :class:`DiagnosticError` when an attribute or type is not valid for mlir-py."""
    ctx = ctx or Context()
    conv = _FromXdsl(ctx, locations)
    conv._pin = []
    try:
        return conv.op(xmodule)
    except _Forward:
        pass
    except DiagnosticError:
        raise
    except Exception as e:  # noqa: BLE001
        raise _error(f"cannot convert xDSL's IR: {_first_line(e)}", None) from None
    from xdsl.printer import Printer

    s = io.StringIO()
    Printer(stream=s, print_generic_format=True).print_op(xmodule)
    return ctx.parser.parse(s.getvalue(), "<xdsl>")


# ---------------------------------------------------------------------------------------------------------------
# xDSL passes
# ---------------------------------------------------------------------------------------------------------------


def xdsl_pass_names() -> list[str]:
    """The pass arguments xDSL registers (``xdsl.transforms.get_all_passes``)."""
    from xdsl.transforms import get_all_passes

    return sorted(get_all_passes())


def run_xdsl_pass(module: Operation, spec: str, ctx: Context | None = None) -> Operation:
    """Run the xDSL pass ``spec`` (``NAME`` or ``NAME{opt=value ...}``) on ``module``; returns the resulting
    mlir-py module (a new op: the caller replaces ``module`` with it). Errors (unknown pass, bad options, xDSL's
    verifier or the pass failing) are located diagnostics at ``module``."""
    from xdsl.transforms import get_all_passes
    from xdsl.utils.arg_spec import parse_pipeline

    passes = get_all_passes()
    try:
        specs = list(parse_pipeline(spec))
    except Exception as e:  # noqa: BLE001
        raise _error(f"invalid xDSL pass specification '{spec}': {_first_line(e)}", module) from None
    if len(specs) != 1:
        raise _error(f"expects one xDSL pass, got '{spec}'", module)
    ps = specs[0]
    if ps.name not in passes:
        near = [n for n in sorted(passes) if ps.name in n or n in ps.name][:5]
        hint = f" (did you mean {', '.join(near)}?)" if near else ""
        raise _error(f"unknown xDSL pass '{ps.name}'{hint}", module)
    try:
        xpass = passes[ps.name]().from_spec(ps)
    except Exception as e:  # noqa: BLE001
        raise _error(f"invalid options for xDSL pass '{ps.name}': {_first_line(e)}", module) from None
    locations: dict[int, LocationAttr] = {}
    xmod = to_xdsl(module, locations=locations)
    xctx = xdsl_context()
    try:
        xmod.verify()
    except Exception:  # noqa: BLE001 - e.g. an xDSL op keeping as an attribute what MLIR makes a property:
        xmod = _text_to_xdsl(module)  # xDSL's own parser knows where each one goes
        locations.clear()
    try:
        xmod.verify()
        xpass.apply(xctx, xmod)
        xmod.verify()
    except Exception as e:  # noqa: BLE001 - xDSL reports verifier and pass failures as various exceptions
        raise _error(f"xDSL pass '{ps.name}' failed: {_first_line(e)}", module) from None
    return from_xdsl(xmod, ctx, locations=locations)


def replace_contents(op: Operation, new: Operation) -> None:
    """Make ``op`` hold ``new``'s regions, properties and attributes (``op`` is kept: its parent and the pass
    manager hold it)."""
    for old_r, new_r in zip(op.regions, new.regions):
        for b in list(old_r.blocks):
            b.erase()
        old_r.take_body(new_r)
    op.properties = dict(new.properties)
    op.attributes = dict(new.attributes)


def _first_line(e: BaseException) -> str:
    text = str(e).strip() or type(e).__name__
    return text.splitlines()[0] if len(text.splitlines()) < 3 else " ".join(text.split())[:300]


def _error(message: str, op: Operation | None) -> DiagnosticError:
    if op is None:
        from mlir_py.diagnostics import Diagnostic

        return DiagnosticError(Diagnostic("error", message))
    return DiagnosticError(VerifyError(message, None, op.location).diagnostic)


__all__: Sequence[str] = ["from_xdsl", "replace_contents", "run_xdsl_pass", "to_xdsl", "xdsl_context",
                          "xdsl_pass_names"]
