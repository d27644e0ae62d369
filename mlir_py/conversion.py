"""Dialect conversion: legalize IR against a conversion target (mlir/docs/DialectConversion.md).

- :class:`ConversionTarget` says which ops are legal: per op name or per dialect, ``legal``, ``illegal`` or
  ``dynamic`` (a callback ``f(op) -> bool | None``; ``None`` falls through to the dialect, then to the unknown-op
  callback). Op-specific actions win over dialect ones. Ops marked *recursively legal* have their nested ops
  accepted as they are.
- :class:`TypeConverter` maps types (conversions tried most recent first; ``None`` means "not handled here",
  ``[]`` drops the type) and builds *materializations*: **source** ones turn a converted value back into its
  original type for users that are not converted, **target** ones turn an unconverted value into the converted
  type a pattern asks for.
- :class:`ConversionPattern` s see their op's operands already remapped to the replacement values (MLIR's
  adaptor), and mutate the IR through a :class:`ConversionPatternRewriter`. Plain
  :class:`~mlir_py.rewrite.RewritePattern` s are accepted too.
- :func:`apply_partial_conversion` legalizes what it can and fails only on ops explicitly illegal;
  :func:`apply_full_conversion` requires every op to end up legal. A failure raises :class:`ConversionError` with
  MLIR's located diagnostic ``failed to legalize operation 'x.y'`` (``... that was explicitly marked illegal`` in
  partial mode).

The driver follows MLIR's ``OperationConverter``: ops are visited in pre-order; an op that is not legal is given
to the patterns rooted at its name (then any-op patterns), highest benefit first; the ops a successful pattern
creates are legalized in turn (a pattern is not re-applied to ops it produced itself, MLIR's recursion guard).
Replacing a value by one of another type inserts a ``builtin.unrealized_conversion_cast`` (the unresolved
materialization); at the end, dead casts are erased, cast pairs that round-trip fold away, and the remaining
ones are handed to the type converter's materialization callbacks (or stay as casts, to be reconciled later).

Deliberate difference from MLIR: no rollback. A pattern must not modify the IR before it decides to match (ops it
created are erased when it returns ``False``), and after a failed conversion the IR is left partially converted
(the tools print nothing for a failed pass, so this is only visible to API users).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .attributes import FunctionType, LocationAttr, Type, TypeAttr
from .diagnostics import Diagnostic, DiagnosticError
from .ir import BlockArgument, Operation, OpResult, Region, Value
from .rewrite import Listener, PatternRewriter, RewritePattern

LEGAL, ILLEGAL, DYNAMIC = "legal", "illegal", "dynamic"
LegalityFn = Callable[[Operation], "bool | None"]


def _op_name(x: str | type) -> str:
    return x if isinstance(x, str) else x.OPERATION_NAME  # type: ignore[attr-defined]


class ConversionError(DiagnosticError):
    """A conversion that left an op illegal: ``failed to legalize operation 'x.y'`` at the op."""


class ConversionTarget:
    """Which ops are legal after a conversion (MLIR's ``ConversionTarget``)."""

    def __init__(self) -> None:
        self._ops: dict[str, tuple[str, LegalityFn | None]] = {}
        self._dialects: dict[str, tuple[str, LegalityFn | None]] = {}
        self._unknown: LegalityFn | None = None
        self._recursive: dict[str, LegalityFn | None] = {}

    def add_legal_op(self, *ops: str | type) -> None:
        for o in ops:
            self._ops[_op_name(o)] = (LEGAL, None)

    def add_illegal_op(self, *ops: str | type) -> None:
        for o in ops:
            self._ops[_op_name(o)] = (ILLEGAL, None)

    def add_dynamically_legal_op(self, op: str | type, fn: LegalityFn) -> None:
        self._ops[_op_name(op)] = (DYNAMIC, fn)

    def add_legal_dialect(self, *names: str) -> None:
        for n in names:
            self._dialects[n] = (LEGAL, None)

    def add_illegal_dialect(self, *names: str) -> None:
        for n in names:
            self._dialects[n] = (ILLEGAL, None)

    def add_dynamically_legal_dialect(self, name: str, fn: LegalityFn) -> None:
        self._dialects[name] = (DYNAMIC, fn)

    def mark_unknown_op_dynamically_legal(self, fn: LegalityFn) -> None:
        """Legality of ops with no op or dialect action (otherwise they are unknown: tried, but not required)."""
        self._unknown = fn

    def mark_op_recursively_legal(self, *ops: str | type, fn: LegalityFn | None = None) -> None:
        """When such an op is legal, the ops nested in it are left alone (``fn`` may restrict this per op)."""
        for o in ops:
            self._recursive[_op_name(o)] = fn

    def legality(self, op: Operation) -> bool | None:
        """True (legal), False (illegal) or None (unknown)."""
        for action in (self._ops.get(op.name), self._dialects.get(op.name.split(".", 1)[0])):
            if action is None:
                continue
            kind, fn = action
            if kind != DYNAMIC:
                return kind == LEGAL
            assert fn is not None
            r = fn(op)
            if r is not None:
                return r
        return self._unknown(op) if self._unknown is not None else None

    def is_illegal(self, op: Operation) -> bool:
        """Explicitly illegal: an ``illegal`` action or a dynamic one answering ``False`` (unknown is not)."""
        for action in (self._ops.get(op.name), self._dialects.get(op.name.split(".", 1)[0])):
            if action is None:
                continue
            kind, fn = action
            if kind == DYNAMIC:
                assert fn is not None
                r = fn(op)
                if r is not None:
                    return not r
                continue
            return kind == ILLEGAL
        return False

    def is_recursively_legal(self, op: Operation) -> bool:
        if op.name not in self._recursive:
            return False
        fn = self._recursive[op.name]
        return fn is None or bool(fn(op))


Materialization = Callable[[PatternRewriter, Type, Sequence[Value], LocationAttr], "Value | None"]


class TypeConverter:
    """Type conversions and materializations (MLIR's ``TypeConverter``, DialectConversion.md "Type Conversion").

    ``add_conversion(f)``: ``f(type) -> Type | list[Type] | None``. ``add_source_materialization(f)`` /
    ``add_target_materialization(f)``: ``f(rewriter, type, inputs, loc) -> Value | None`` build ops at the
    rewriter's insertion point turning ``inputs`` into one value of ``type``. All three can be used as decorators."""

    def __init__(self) -> None:
        self._conversions: list[Callable[[Type], Any]] = []
        self._source: list[Materialization] = []
        self._target: list[Materialization] = []
        self._cache: dict[Type, list[Type] | None] = {}

    def add_conversion(self, fn: Callable[[Type], Any]) -> Callable[[Type], Any]:
        self._conversions.append(fn)
        self._cache.clear()
        return fn

    def add_source_materialization(self, fn: Materialization) -> Materialization:
        self._source.append(fn)
        return fn

    def add_target_materialization(self, fn: Materialization) -> Materialization:
        self._target.append(fn)
        return fn

    def convert_types_of(self, t: Type) -> list[Type] | None:
        """The 1:N conversion of ``t`` (None: not convertible)."""
        if t in self._cache:
            return self._cache[t]
        out: list[Type] | None = None
        for fn in reversed(self._conversions):
            r = fn(t)
            if r is not None:
                out = [r] if isinstance(r, Type) else list(r)
                break
        self._cache[t] = out
        return out

    def convert_type(self, t: Type) -> Type | None:
        """The 1:1 conversion of ``t`` (None when it does not convert to exactly one type)."""
        r = self.convert_types_of(t)
        return r[0] if r is not None and len(r) == 1 else None

    def convert_types(self, ts: Iterable[Type]) -> list[Type] | None:
        out: list[Type] = []
        for t in ts:
            r = self.convert_types_of(t)
            if r is None:
                return None
            out.extend(r)
        return out

    def is_legal(self, x: Type | Operation) -> bool:
        """A type converts to itself; an op's operand and result types all do."""
        if isinstance(x, Operation):
            return all(self.is_legal(t) for t in (*x.operand_types, *x.result_types))
        return self.convert_types_of(x) == [x]

    def is_signature_legal(self, ft: FunctionType) -> bool:
        return all(self.is_legal(t) for t in (*ft.inputs, *ft.results))

    def is_region_legal(self, region: Region) -> bool:
        return all(self.is_legal(a.type) for b in region.blocks for a in b.args)

    def _materialize(self, fns: list[Materialization], rewriter: PatternRewriter, t: Type, inputs: Sequence[Value],
                     loc: LocationAttr) -> Value | None:
        for fn in reversed(fns):
            v = fn(rewriter, t, inputs, loc)
            if v is not None:
                return v
        return None

    def materialize_source(self, rewriter: PatternRewriter, t: Type, inputs: Sequence[Value],
                           loc: LocationAttr) -> Value | None:
        return self._materialize(self._source, rewriter, t, inputs, loc)

    def materialize_target(self, rewriter: PatternRewriter, t: Type, inputs: Sequence[Value],
                           loc: LocationAttr) -> Value | None:
        return self._materialize(self._target, rewriter, t, inputs, loc)


class ConversionPattern:
    """A pattern for dialect conversion: ``match_and_rewrite(op, operands, rewriter) -> bool`` where ``operands``
    are ``op``'s operands remapped to their replacements — converted to ``type_converter``'s types when the
    pattern has one (MLIR's ``ConversionPattern`` / ``OpConversionPattern`` and its adaptor)."""

    root: Any = None
    benefit: int = 1

    def __init__(self, root: Any = ..., benefit: int | None = None, type_converter: TypeConverter | None = None,
                 name: str | None = None):
        r = type(self).root if root is ... else root
        self.root_name: str | None = None if r is None else _op_name(r)
        if benefit is not None:
            self.benefit = benefit
        self.type_converter = type_converter
        self.name = name or type(self).__name__

    def match_and_rewrite(self, op: Operation, operands: list[Value], rewriter: ConversionPatternRewriter) -> bool:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{self.name} on {self.root_name or '*'} benefit {self.benefit}>"


class _FnConversionPattern(ConversionPattern):
    def __init__(self, fn: Callable[..., bool], root: Any, benefit: int, type_converter: TypeConverter | None):
        super().__init__(root, benefit, type_converter, fn.__name__)
        self.fn = fn

    def match_and_rewrite(self, op: Operation, operands: list[Value], rewriter: ConversionPatternRewriter) -> bool:
        return self.fn(op, operands, rewriter)


def conversion_pattern(root: Any, benefit: int = 1, type_converter: TypeConverter | None = None
                       ) -> Callable[[Callable[..., bool]], ConversionPattern]:
    """Decorator: ``@conversion_pattern("arith.addi", type_converter=tc) def f(op, operands, rewriter): ...``."""
    return lambda fn: _FnConversionPattern(fn, root, benefit, type_converter)


class _Tracker(Listener):
    def __init__(self) -> None:
        self.inserted: list[Operation] = []
        self.erased: set[Operation] = set()

    def notify_operation_inserted(self, op: Operation, previous: Any) -> None:
        if previous is None:
            self.inserted.append(op)

    def notify_operation_erased(self, op: Operation) -> None:
        self.erased.add(op)


class ConversionPatternRewriter(PatternRewriter):
    """The rewriter conversion patterns use (MLIR's ``ConversionPatternRewriter``). ``replace_op`` accepts values
    of converted types: users that are converted later see the new values, the others get a cast back."""

    def __init__(self, type_converter: TypeConverter | None = None):
        self.tracker = _Tracker()
        super().__init__(self.tracker)
        self.type_converter = type_converter
        #: cast result -> the value it stands for (unresolved materializations)
        self.mapping: dict[Value, Value] = {}
        #: every cast created, with its kind ("source"/"target") and the converter to materialize it with
        self.casts: list[tuple[Operation, str, TypeConverter | None]] = []
        self._cast_cache: dict[tuple[Value, Type], Value] = {}

    # --- value mapping ----------------------------------------------------------------------------------------
    def lookup(self, v: Value) -> Value:
        """The latest replacement of ``v`` (through unresolved materializations)."""
        while v in self.mapping:
            v = self.mapping[v]
        return v

    def _cast(self, value: Value, t: Type, kind: str, tc: TypeConverter | None, loc: LocationAttr) -> Value:
        from dialects.builtin import UnrealizedConversionCastOp

        key = (value, t)
        hit = self._cast_cache.get(key)
        if hit is not None and isinstance(hit, OpResult) and hit.op.parent is not None:
            return hit
        cast = UnrealizedConversionCastOp.create([value], [t], location=loc)
        if isinstance(value, BlockArgument):
            value.block.prepend(cast)
        else:
            assert isinstance(value, OpResult) and value.op.parent is not None
            value.op.parent.insert_after(cast, value.op)
        self.casts.append((cast, kind, tc))
        self.mapping[cast.results[0]] = value
        self._cast_cache[key] = cast.results[0]
        return cast.results[0]

    def remapped_operands(self, op: Operation, tc: TypeConverter | None) -> list[Value] | None:
        """``op``'s operands as a pattern sees them (None when an operand type does not convert)."""
        out = []
        for v in op.operands:
            cur = self.lookup(v)
            if tc is not None:
                want = tc.convert_type(v.type)
                if want is None:
                    return None
                if cur.type != want:
                    cur = self._cast(cur, want, "target", tc, op.location)
            out.append(cur)
        return out

    # --- mutations ------------------------------------------------------------------------------------------------
    def replace_op(self, op: Operation, new: Operation | Sequence[Value]) -> None:
        values = new.results if isinstance(new, Operation) else list(new)
        if len(values) != len(op.results):
            raise ValueError(f"replacing {len(op.results)} results of '{op.name}' with {len(values)} values")
        fixed: list[Value] = []
        for r, v in zip(op.results, values):
            if v.type != r.type and r.has_uses():
                fixed.append(self._cast(v, r.type, "source", self.type_converter, op.location))
            else:
                fixed.append(v)
        self.replace_all_op_uses_with(op, fixed)
        self.erase_op(op)

    def convert_region_types(self, region: Region, tc: TypeConverter) -> bool:
        """Convert the argument types of every block of ``region`` in place (1:1); uses that are not converted
        see a source materialization. Returns False if a type does not convert (MLIR's convertRegionTypes)."""
        for b in region.blocks:
            for a in b.args:
                t = tc.convert_type(a.type)
                if t is None:
                    return False
                if t == a.type:
                    continue
                old = a.type
                uses = a.uses
                a.type = t
                if uses:
                    cast = self._cast(a, old, "source", tc, a.location)
                    for u in uses:
                        u.set(cast)
        return True

    def is_erased(self, op: Operation) -> bool:
        return op in self.tracker.erased

    # --- finalization ---------------------------------------------------------------------------------------------
    def finalize(self) -> None:
        """Erase dead casts, fold round trips, and materialize the casts still used with the converters."""
        changed = True
        while changed:
            changed = False
            for cast, _, _ in reversed(self.casts):
                if cast.parent is None:
                    continue
                res = cast.results[0]
                src = cast.operand(0)
                inner = src.op if isinstance(src, OpResult) else None
                if inner is not None and inner.name == cast.name and inner.num_operands == 1 \
                        and inner.operand(0).type == res.type:
                    res.replace_all_uses_with(inner.operand(0))
                if not res.has_uses():
                    cast.erase()
                    changed = True
        for cast, kind, tc in self.casts:
            if cast.parent is None or tc is None:
                continue
            self.set_insertion_point(cast)
            fn = tc.materialize_source if kind == "source" else tc.materialize_target
            v = fn(self, cast.results[0].type, [cast.operand(0)], cast.location)
            if v is not None:
                cast.results[0].replace_all_uses_with(v)
                cast.erase()


def _collect(root: Operation, target: ConversionTarget) -> list[Operation]:
    out: list[Operation] = []
    stack = [root]
    while stack:
        op = stack.pop()
        out.append(op)
        if target.is_recursively_legal(op) and target.legality(op):
            continue
        for r in reversed(op.regions):
            for b in reversed(r.blocks):
                stack.extend(reversed(list(b.ops)))
    return out


class _Converter:
    def __init__(self, target: ConversionTarget, patterns: Iterable[ConversionPattern | RewritePattern],
                 type_converter: TypeConverter | None, full: bool):
        self.target, self.full = target, full
        ordered = sorted(patterns, key=lambda p: -p.benefit)
        self.by_name: dict[str, list[Any]] = {}
        self.any_op: list[Any] = []
        for p in ordered:
            (self.by_name.setdefault(p.root_name, []) if p.root_name else self.any_op).append(p)
        self.rewriter = ConversionPatternRewriter(type_converter)
        self.default_converter = type_converter
        self.active: list[Any] = []

    def legalize(self, op: Operation) -> bool:
        legal = self.target.legality(op)
        if legal:
            return True
        rw = self.rewriter
        for p in (*self.by_name.get(op.name, ()), *self.any_op):
            if p in self.active:
                continue  # MLIR's recursion guard: no pattern applies to what it just produced
            mark = len(rw.tracker.inserted)
            rw.set_insertion_point(op)
            if isinstance(p, ConversionPattern):
                rw.type_converter = p.type_converter or self.default_converter
                operands = rw.remapped_operands(op, p.type_converter)
                ok = operands is not None and p.match_and_rewrite(op, operands, rw)
            else:
                ok = p.match_and_rewrite(op, rw)
            created = rw.tracker.inserted[mark:]
            if not ok:
                for o in reversed(created):
                    if o.parent is not None and not rw.is_erased(o):
                        o.erase(safe=False)
                del rw.tracker.inserted[mark:]
                continue
            self.active.append(p)
            try:
                for o in created:
                    if not rw.is_erased(o) and o.parent is not None and not self.legalize(o):
                        self.fail(o)
            finally:
                self.active.pop()
            if rw.is_erased(op) or op.parent is None:
                return True
            return bool(self.target.legality(op)) or not self.full and not self.target.is_illegal(op)
        return False

    def fail(self, op: Operation) -> None:
        if self.full:
            raise ConversionError(Diagnostic("error", f"failed to legalize operation '{op.name}'", op.location))
        if self.target.is_illegal(op):
            raise ConversionError(Diagnostic(
                "error", f"failed to legalize operation '{op.name}' that was explicitly marked illegal", op.location))

    def run(self, root: Operation) -> None:
        for op in _collect(root, self.target):
            if self.rewriter.is_erased(op) or (op is not root and op.parent is None):
                continue
            if not self.legalize(op):
                self.fail(op)
        self.rewriter.finalize()


def apply_partial_conversion(root: Operation, target: ConversionTarget,
                             patterns: Iterable[ConversionPattern | RewritePattern],
                             type_converter: TypeConverter | None = None) -> None:
    """Legalize ``root`` and the ops nested in it as far as possible; raises :class:`ConversionError` for an op
    explicitly marked illegal that no pattern could legalize (DialectConversion.md, "Partial Conversion")."""
    _Converter(target, patterns, type_converter, full=False).run(root)


def apply_full_conversion(root: Operation, target: ConversionTarget,
                          patterns: Iterable[ConversionPattern | RewritePattern],
                          type_converter: TypeConverter | None = None) -> None:
    """Legalize every op under ``root`` (``root`` included); raises :class:`ConversionError` for the first op that
    stays illegal or unknown (DialectConversion.md, "Full Conversion")."""
    _Converter(target, patterns, type_converter, full=True).run(root)


# ---------------------------------------------------------------------------------------------------------------
# Generic patterns
# ---------------------------------------------------------------------------------------------------------------


class FunctionSignatureConversion(ConversionPattern):
    """Convert the ``function_type`` and the block argument types of a function-like op (``func.func`` by
    default) in place (MLIR's ``populateFunctionOpInterfaceTypeConversionPattern``). Mark the function
    dynamically legal with ``lambda f: tc.is_signature_legal(f.type) and tc.is_region_legal(f.regions[0])``."""

    def __init__(self, type_converter: TypeConverter, root: Any = "func.func", benefit: int = 1):
        super().__init__(root, benefit, type_converter)

    def match_and_rewrite(self, op: Operation, operands: list[Value], rewriter: ConversionPatternRewriter) -> bool:
        tc = self.type_converter
        assert tc is not None
        ft = op.get_attr("function_type")
        if not isinstance(ft, TypeAttr) or not isinstance(ft.value, FunctionType):
            return False
        ins, outs = tc.convert_types(ft.value.inputs), tc.convert_types(ft.value.results)
        if ins is None or outs is None:
            return False
        with rewriter.modify_op_in_place(op):
            op.set_attr("function_type", TypeAttr(FunctionType(ins, outs)))
            return all(rewriter.convert_region_types(r, tc) for r in op.regions)


class TypeConversionPattern(ConversionPattern):
    """Rebuild an op with converted operand and result types, moving its regions (whose block types are
    converted too): enough for type-agnostic ops (``arith.addi``, ``func.return``, ``func.call``, ...)."""

    def __init__(self, type_converter: TypeConverter, root: Any = None, benefit: int = 1):
        super().__init__(root, benefit, type_converter)

    def match_and_rewrite(self, op: Operation, operands: list[Value], rewriter: ConversionPatternRewriter) -> bool:
        tc = self.type_converter
        assert tc is not None
        results = tc.convert_types(op.result_types)
        if results is None or len(results) != len(op.results) or any(
                tc.convert_type(a.type) is None for r in op.regions for b in r.blocks for a in b.args):
            return False
        cls = type(op)
        create = getattr(cls, "create", None)
        new = create(operands, results, dict(op.properties), dict(op.attributes), len(op.regions),
                     op.successors, op.location) if create is not None and op.registered else \
            Operation(operands, results, dict(op.properties), dict(op.attributes), len(op.regions),
                      op.successors, op.location, op.name)
        rewriter.insert(new)
        for old_r, new_r in zip(op.regions, new.regions):
            rewriter.inline_region_before(old_r, new_r)
            rewriter.convert_region_types(new_r, tc)
        rewriter.replace_op(op, new.results)
        return True


__all__ = ["ConversionError", "ConversionPattern", "ConversionPatternRewriter", "ConversionTarget",
           "FunctionSignatureConversion", "TypeConversionPattern", "TypeConverter", "apply_full_conversion",
           "apply_partial_conversion", "conversion_pattern"]
