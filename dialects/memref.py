"""The memref dialect (mlir/docs/Dialects/MemRef.md): allocating, accessing, viewing and reshaping buffers.

A ``memref<4x?xf32, strided<[?, 1], offset: ?>, 1>`` is a buffer of a shape and element type, with a layout
(identity, ``strided<...>`` or an affine map) and a memory space. Op names, operand/property names, custom and
generic syntax are MLIR's. Views (``subview``, ``collapse_shape``, ``expand_shape``, ``transpose``) infer their
strided result layout as mlir/lib/Dialect/MemRef/IR/MemRefOps.cpp does (shape arithmetic in
:mod:`dialects._shape`, shared with tensor); offsets/sizes/strides are mixed static/dynamic lists
(:mod:`dialects._mixed`).

Memory effects (read by :mod:`mlir_py.interfaces`): ``alloc``/``alloca`` allocate their result, ``dealloc`` frees
its operand, ``load`` reads and ``store`` writes its memref, ``copy`` reads the source and writes the target; views,
casts, ``dim``, ``rank`` and ``get_global`` are pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from mlir_py import affine as aff
from mlir_py.attributes import (
    DYNAMIC,
    AffineMapAttr,
    Attribute,
    DenseElementsAttr,
    DenseResourceElementsAttr,
    IntegerAttr,
    IntegerType,
    MemRefType,
    RankedTensorType,
    StridedLayoutAttr,
    StringAttr,
    SymbolRefAttr,
    Type,
    TypeAttr,
    UnitAttr,
    UnrankedMemRefType,
    element_type,
    i64,
    index,
    print_string,
    print_symbol_name,
)
from mlir_py.dialect import Dialect
from mlir_py.ir import Operation, Value, lookup_symbol
from mlir_py.opdef import (
    AnyAttr,
    AnyType,
    AutomaticAllocationScope,
    Constraint,
    MemoryEffects,
    Op,
    Pure,
    Symbol,
    isa,
    operand,
    prop,
    result_def,
    var_operand,
)

from . import _shape as sh
from ._mixed import (
    MIXED_LIST,
    MIXED_RULES,
    AnyMemRef,
    AnyRankedOrUnrankedMemRef,
    BoolAttr,
    DimOpBase,
    ExpandShapeBase,
    I64Array,
    Index,
    IntLiteral,
    Mixed,
    OffsetsSizesStridesOp,
    Reassociation,
    attr_dict_suffix,
    check_attr_dict,
    dispatch_mixed,
    dispatch_slice_lists,
    error,
    index_types,
    keyword_flag,
    print_mixed,
    segments,
)
from .arith import materialize_constant as _arith_constant

AnyNon0RankedOrUnrankedMemRef = Constraint(
    lambda t: isinstance(t, UnrankedMemRefType) or isinstance(t, MemRefType) and t.rank > 0,
    "unranked.memref of any non-token type values or non-0-ranked.memref of any non-token type values")
I8Buffer = Constraint(lambda t: isinstance(t, MemRefType) and t.rank == 1 and t.element_type == IntegerType(8),
                      "1D memref of 8-bit signless integer values")
Alignment = IntLiteral(positive_pow2=True)
FlatSymbolRef = isa(SymbolRefAttr, description="flat symbol reference attribute")
MemRefTypeAttr = Constraint(lambda a: isinstance(a, TypeAttr) and isinstance(a.value, MemRefType),
                            "memref type attribute")

#: MLIR's resources: ``DefaultResource`` and ``AutomaticAllocationScopeResource``
DEFAULT, AUTO_SCOPE = "default", "AutomaticAllocationScope"


def _memref(t: Type) -> MemRefType:
    assert isinstance(t, MemRefType)
    return t


def _effects(*items: tuple[str, Any, str]) -> list[Any]:
    from mlir_py.interfaces import EffectInstance

    return [EffectInstance(kind, resource, value) for kind, value, resource in items]


def _memory_space_error(op: Operation, what: str, base: Type, other: Type, other_name: str) -> Exception:
    return error(op, f"different memory spaces specified for {what} '{base}' and {other_name} '{other}'")


# ---------------------------------------------------------------------------------------------------------------
# allocation
# ---------------------------------------------------------------------------------------------------------------


class _AllocLike(Op):
    """``alloc``/``alloca``: a buffer of the result type. ``dynamicSizes`` give the dynamic dimensions in order;
    ``symbolOperands`` bind the symbols of the layout's affine map (one per ``?`` of a strided layout);
    ``alignment`` is in bytes (a power of two).

    Syntax: ``memref.alloc(%n)[%s] alignment = 64 : memref<?x4xf32, strided<[4, 1], offset: ?>>``.
    Errors: operand counts differing from the type's dynamic dims or layout symbols."""

    __slots__ = ()
    dynamicSizes = var_operand(Index)
    symbolOperands = var_operand(Index)
    alignment = prop(Alignment, optional=True)
    memref = result_def(AnyMemRef)
    assembly_format = ("`(`$dynamicSizes`)` (`` `[` $symbolOperands^ `]`)? (`alignment` `=` $alignment^)? attr-dict "
                       "`:` type($memref)")

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        index_types(types, names, "dynamicSizes", "symbolOperands")

    def asm_result_names(self) -> list[str]:
        return [self.name.split(".")[1]]

    @classmethod
    def build_alloc(cls, t: MemRefType, dynamic_sizes: Sequence[Value] = (), symbols: Sequence[Value] = (),
                    alignment: int | None = None, location: Any = None) -> Any:
        """An allocation of type ``t``: one ``index`` per dynamic dim, one per layout symbol."""
        props: dict[str, Attribute] = {"operandSegmentSizes": segments(len(dynamic_sizes), len(symbols))}
        if alignment is not None:
            props["alignment"] = IntegerAttr(alignment, i64)
        return cls.create([*dynamic_sizes, *symbols], [t], props, location=location)

    def verify_(self) -> None:
        t = _memref(self.memref.type)
        if len(self.dynamicSizes) != sh.num_dynamic_dims(t):
            raise self.emit_error(f"incorrect number of dynamic sizes, has {len(self.dynamicSizes)}, expected "
                                  f"{sh.num_dynamic_dims(t)}")
        n = sh.layout_num_symbols(t)
        if len(self.symbolOperands) != n:
            raise self.emit_error(f"symbol operand count does not equal memref symbol count: expected {n}, got "
                                  f"{len(self.symbolOperands)}")


class AllocOp(_AllocLike, name="memref.alloc", traits=[MemoryEffects(("allocate", DEFAULT))]):
    __doc__ = "Heap allocation, freed by ``memref.dealloc``.\n\n" + (_AllocLike.__doc__ or "")

    def get_effects(self) -> list[Any]:
        return _effects(("allocate", self.results[0], DEFAULT))


class AllocaOp(_AllocLike, name="memref.alloca", traits=[MemoryEffects(("allocate", AUTO_SCOPE))]):
    __doc__ = ("Stack allocation, released when control leaves the closest ``AutomaticAllocationScope`` ancestor "
               "(e.g. ``func.func``).\n\n" + (_AllocLike.__doc__ or ""))

    def get_effects(self) -> list[Any]:
        return _effects(("allocate", self.results[0], AUTO_SCOPE))

    def verify_(self) -> None:
        p = self.parent_op
        while p is not None and not p.has_trait(AutomaticAllocationScope):
            p = p.parent_op
        if p is None:
            raise self.emit_error("requires an ancestor op with AutomaticAllocationScope trait")
        super().verify_()


class DeallocOp(Op, name="memref.dealloc", traits=[MemoryEffects(("free", DEFAULT))]):
    """Free a buffer made by ``memref.alloc``."""

    memref = operand(AnyRankedOrUnrankedMemRef)
    assembly_format = "$memref attr-dict `:` type($memref)"

    def get_effects(self) -> list[Any]:
        return _effects(("free", self.memref, DEFAULT))

    def fold(self, operands: list[Attribute | None]) -> list[Any] | None:
        """``dealloc(cast(x))`` -> ``dealloc(x)``, in place."""
        return [] if fold_memref_cast(self) else None


# ---------------------------------------------------------------------------------------------------------------
# globals
# ---------------------------------------------------------------------------------------------------------------


def _global_init_rules() -> dict[str, Any]:
    return {
        "memref_global_init": ("memref_global_uninit | memref_global_dense | memref_global_resource",
                               lambda c, st: c[0]),
        "memref_global_uninit": ('"uninitialized"', lambda c, st: ("uninitialized", None)),
        "memref_global_dense": ('"dense" "<" [dense_lit] ">"', lambda c, st: ("dense", c[0])),
        "memref_global_resource": ('"dense_resource" "<" (BARE_ID | STRING) ">"', lambda c, st: ("resource", c[0])),
    }


class GlobalOp(Op, name="memref.global", traits=[Symbol()]):
    """A named static-shape buffer, optionally ``constant``, with an initial value (dense elements of the tensor
    type of the memref's shape), ``uninitialized``, or none (an external declaration).

    Syntax: ``memref.global "private" constant @c : memref<2xf32> = dense<[1.0, 2.0]> alignment = 64``.
    Errors: a non-static type; an initial value of another element type or shape; a non power-of-two alignment."""

    sym_name = prop(StringAttr)
    sym_visibility = prop(StringAttr, optional=True)
    type = prop(MemRefTypeAttr)
    initial_value = prop(AnyAttr, optional=True)
    constant = prop(isa(UnitAttr, description="unit attribute"), optional=True)
    alignment = prop(Alignment, optional=True)
    custom_grammar = ('[STRING] [kw_constant] SYMBOL ":" type ["=" memref_global_init] ["alignment" "=" INT] '
                      '[attr_dict]')
    custom_rules = {**keyword_flag("constant"), **_global_init_rules()}

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> GlobalOp:
        from mlir_py.parser.parser import _dense, unescape

        vis, const, sym, t, init, align, attrs = c
        if not isinstance(t, MemRefType) or not t.has_static_shape:
            raise st.error(f"custom op '{cls.OPERATION_NAME}' type should be static shaped memref, but got '{t}'", kw)
        name = str(sym)[1:]
        props: dict[str, Attribute] = {"sym_name": StringAttr(unescape(name) if name.startswith('"') else name),
                                       "type": TypeAttr(t)}
        if vis is not None:
            props["sym_visibility"] = StringAttr(unescape(vis))
        if const:
            props["constant"] = UnitAttr()
        if init is not None:
            kind, tok = init
            tt = RankedTensorType(t.shape, t.element_type)
            if kind == "uninitialized":
                props["initial_value"] = UnitAttr()
            elif kind == "dense":
                props["initial_value"] = _dense(tok, tt, st)
            else:
                props["initial_value"] = DenseResourceElementsAttr(unescape(tok) if tok.type == "STRING" else str(tok),
                                                                   tt)
        if align is not None:
            props["alignment"] = IntLiteral().from_format(align, None)
        op: GlobalOp = cls.create([], [], props, check_attr_dict(cls, attrs, st, kw), location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        s = p.op_name(self)
        vis = self.properties.get("sym_visibility")
        if isinstance(vis, StringAttr):
            s += " " + print_string(vis.value)
        if "constant" in self.properties:
            s += " constant"
        name = self.properties["sym_name"]
        assert isinstance(name, StringAttr)
        t = self.memref_type
        s += f" {print_symbol_name(name.value)} : {p.type(t)}"
        init = self.properties.get("initial_value")
        if isinstance(init, UnitAttr):
            s += " = uninitialized"
        elif init is not None:
            text = p.attr(init)
            suffix = " : " + p.type(getattr(init, "type", None)) if getattr(init, "type", None) is not None else ""
            s += " = " + (text[:-len(suffix)] if suffix and text.endswith(suffix) else text)
        align = self.properties.get("alignment")
        if align is not None:
            s += f" alignment = {align.value}"  # type: ignore[attr-defined]
        return s + attr_dict_suffix(p, self)

    @property
    def memref_type(self) -> MemRefType:
        t = self.properties["type"]
        assert isinstance(t, TypeAttr)
        return _memref(t.value)

    @property
    def is_external(self) -> bool:
        return "initial_value" not in self.properties

    def verify_(self) -> None:
        t = self.memref_type
        if not t.has_static_shape:
            raise self.emit_error(f"type should be static shaped memref, but got '{t}'")
        init = self.properties.get("initial_value")
        if init is not None:
            if not isinstance(init, (UnitAttr, DenseElementsAttr, DenseResourceElementsAttr)):
                raise self.emit_error(f"initial value should be a unit or elements attribute, but got {p_attr(init)}")
            if isinstance(init, (DenseElementsAttr, DenseResourceElementsAttr)):
                it = init.type
                if it.element_type != t.element_type:
                    raise self.emit_error(f"initial value element expected to be of type '{t.element_type}', but was "
                                          f"of type '{it.element_type}'")
                if it.shape != t.shape:
                    raise self.emit_error(f"initial value shape expected to be {sh.fmt_dims(t.shape)} but was "
                                          f"{sh.fmt_dims(it.shape)}")
        align = self.properties.get("alignment")
        if align is not None:
            v = align.value  # type: ignore[attr-defined]
            if v <= 0 or v & (v - 1):
                raise error(self, f"alignment attribute value {v} is not a power of 2")


def p_attr(a: Attribute) -> str:
    from mlir_py.attributes import AttrPrinter

    return AttrPrinter().attr(a)


class GetGlobalOp(Op, name="memref.get_global", traits=[Pure()]):
    """The buffer of the ``memref.global`` named ``name``.

    Errors: no such global; a result type differing from the global's type."""

    name_ = prop(FlatSymbolRef, attr_name="name")
    result = result_def(AnyMemRef)
    assembly_format = "$name `:` type($result) attr-dict"

    def verify_(self) -> None:
        ref = self.properties["name"]
        assert isinstance(ref, SymbolRefAttr)
        g = lookup_symbol(self, ref)
        if not isinstance(g, GlobalOp):
            raise self.emit_error(f"'{ref.leaf}' does not reference a valid global memref")
        if g.memref_type != self.result.type:
            raise self.emit_error(f"result type '{self.result.type}' does not match type '{g.memref_type}' of the "
                                  f"global memref @{ref.leaf}")


# ---------------------------------------------------------------------------------------------------------------
# access
# ---------------------------------------------------------------------------------------------------------------


class _AccessOp(Op):
    """Base of ``memref.load`` and ``memref.store``: a ``memref`` operand read or written at ``indices`` (after the
    ``n_head`` operands, the stored value), with MLIR's
    ``oilist(`alignment` `(` $alignment `)` | `nontemporal` `(` $nontemporal `)`)`` clauses in any order.
    The loaded or stored value has the memref's element type (else ``element_error``)."""

    __slots__ = ()
    nontemporal = prop(BoolAttr, optional=True)
    alignment = prop(Alignment, optional=True)
    custom_rules = {
        "memref_alignment_clause": ('"alignment" "(" INT ")"', lambda c, st: ("alignment", c[0])),
        "memref_nontemporal_clause": ('"nontemporal" "(" attribute ")"', lambda c, st: ("nontemporal", c[0])),
    }
    #: the memory effect on ``memref`` ("read" or "write"), the operands before it, the element-type diagnostic
    effect: ClassVar[str]
    n_head: ClassVar[int]
    element_error: ClassVar[str]
    memref: Any  # the subclasses' fields
    indices: Any

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> Any:
        head, (m, idx, *clauses, attrs, t) = c[:cls.n_head], c[cls.n_head:]
        props: dict[str, Attribute] = {}
        for name, v in (x for x in clauses if x is not None):
            if name in props:
                raise st.error(f"custom op '{cls.OPERATION_NAME}' `{name}` clause can appear at most once in the "
                               "expansion of the oilist directive", kw)
            props[name] = IntLiteral().from_format(v, None) if name == "alignment" else v
        vals = [*(st.use(v, element_type(t)) for v in head), st.use(m, t), *(st.use(i, index) for i in idx or [])]
        return cls.create(vals, [element_type(t)] if cls.result_defs else [], props,
                          check_attr_dict(cls, attrs, st, kw), location=st.loc(kw))

    def print_custom(self, p: Any) -> str:
        """``<op> [%v, ]%m[%i, %j] [alignment(n)] [nontemporal(true)] {attrs} : type``."""
        m = self.memref
        head = "".join(p.value(v) + ", " for v in self.operands[:self.n_head])
        s = f"{p.op_name(self)} {head}{p.value(m)}[{', '.join(p.value(v) for v in self.indices)}]"
        a = self.properties.get("alignment")
        if a is not None:
            s += f" alignment({a.value})"  # type: ignore[attr-defined]
        nt = self.properties.get("nontemporal")
        if nt is not None and nt.value:  # type: ignore[attr-defined]
            s += " nontemporal(true)"
        return s + f"{attr_dict_suffix(p, self)} : {p.type(m.type)}"

    def get_effects(self) -> list[Any]:
        return _effects((self.effect, self.memref, DEFAULT))

    def verify_(self) -> None:
        t = _memref(self.memref.type)
        element = self.results[0].type if self.results else self.operand(0).type
        if element != t.element_type:
            raise self.emit_error(self.element_error)
        if len(self.indices) != t.rank:
            raise self.emit_error(f"invalid number of indices for accessed memref, expected {t.rank} but got "
                                  f"{len(self.indices)}")


_ACCESS_CLAUSES = "(memref_alignment_clause | memref_nontemporal_clause)*"


class LoadOp(_AccessOp, name="memref.load", traits=[MemoryEffects(("read", DEFAULT))]):
    """The element of ``memref`` at ``indices`` (one ``index`` per dimension). ``nontemporal`` hints that the
    access is not reused; ``alignment`` (bytes, a power of two) is known of the address.

    Syntax: ``memref.load %m[%i, %j] nontemporal(true) : memref<4x4xf32>``.
    Errors: an index count differing from the rank; a result not of the element type."""

    memref = operand(AnyMemRef)
    indices = var_operand(Index)
    result = result_def(AnyType)
    custom_grammar = f'VALUE_ID "[" [value_list] "]" {_ACCESS_CLAUSES} [attr_dict] ":" type'
    effect, n_head = "read", 0
    element_error = "failed to verify that result type matches element type of 'memref'"

    def fold(self, operands: list[Attribute | None]) -> list[Any] | None:
        """``load(cast(x))`` -> ``load(x)``, in place (MLIR's ``LoadOp::fold``)."""
        return list(self.results) if fold_memref_cast(self) else None


class StoreOp(_AccessOp, name="memref.store", traits=[MemoryEffects(("write", DEFAULT))]):
    """Write ``value`` to ``memref`` at ``indices``; ``nontemporal``/``alignment`` as for ``memref.load``.

    Syntax: ``memref.store %v, %m[%i, %j] : memref<4x4xf32>``.
    Errors: an index count differing from the rank; a value not of the element type."""

    value = operand(AnyType)
    memref = operand(AnyMemRef)
    indices = var_operand(Index)
    custom_grammar = f'VALUE_ID "," VALUE_ID "[" [value_list] "]" {_ACCESS_CLAUSES} [attr_dict] ":" type'
    effect, n_head = "write", 1
    element_error = "failed to verify that type of 'value' matches element type of 'memref'"

    def fold(self, operands: list[Attribute | None]) -> list[Any] | None:
        """``store(v, cast(x))`` -> ``store(v, x)``, in place (MLIR's ``StoreOp::fold``)."""
        return [] if fold_memref_cast(self, self.value) else None


class CopyOp(Op, name="memref.copy", traits=[MemoryEffects(("read", DEFAULT), ("write", DEFAULT))]):
    """Copy every element of ``source`` to ``target`` (same element type and shape; layouts may differ)."""

    source = operand(AnyRankedOrUnrankedMemRef)
    target = operand(AnyRankedOrUnrankedMemRef)
    assembly_format = "$source `,` $target attr-dict `:` type($source) `to` type($target)"

    def get_effects(self) -> list[Any]:
        return _effects(("read", self.source, DEFAULT), ("write", self.target, DEFAULT))

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        from mlir_py.rewrite import PatternRewriter, RewritePattern

        class FoldSelfCopy(RewritePattern):
            """``memref.copy %m, %m`` does nothing: erased (MLIR's ``FoldSelfCopy``)."""

            root = "memref.copy"

            def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
                if op.operands[0] is not op.operands[1]:
                    return False
                rewriter.erase_op(op)
                return True

        return [FoldSelfCopy()]

    def verify_(self) -> None:
        a, b = self.source.type, self.target.type
        if element_type(a) != element_type(b):
            raise self.emit_error("requires the same element type for all operands")
        if not sh.compatible_shapes(a, b):
            raise self.emit_error("requires the same shape for all operands")

    def fold(self, operands: list[Attribute | None]) -> list[Any] | None:
        """Operands defined by a ``memref.cast`` that only drops static information read the cast's source, in
        place (MLIR's ``CopyOp::fold``)."""
        changed = False
        for o in self.op_operands:
            cast = getattr(o.value, "op", None)
            if isinstance(cast, CastOp) and can_fold_cast_into_consumer(cast):
                o.set(cast.source)
                changed = True
        return [] if changed else None


class DimOp(DimOpBase, name="memref.dim", traits=[Pure()]):
    """The size of dimension ``index`` of ``source`` (out of range is undefined, not an error, as in MLIR)."""

    source = operand(AnyNon0RankedOrUnrankedMemRef)
    index = operand(Index)
    result = result_def(Index)

    def fold(self, operands: list[Attribute | None]) -> list[Any] | None:
        """A static dimension -> its size; a dynamic one of ``memref.alloc``/``memref.alloca`` -> its size
        operand; else read through a ``memref.cast`` of a ranked memref, in place (MLIR's ``DimOp::fold``)."""
        i, t = operands[1], self.source.type
        if not isinstance(i, IntegerAttr) or not isinstance(t, MemRefType) or not 0 <= i.value < t.rank:
            return None
        if t.shape[i.value] != DYNAMIC:
            return [IntegerAttr(t.shape[i.value], index)]
        d = self.source.defining_op
        if isinstance(d, _AllocLike):
            return [d.operand(sum(1 for s in t.shape[:i.value] if s == DYNAMIC))]
        return list(self.results) if fold_memref_cast(self) else None


class RankOp(Op, name="memref.rank", traits=[Pure()]):
    """The rank of ``memref`` as an ``index``."""

    memref = operand(AnyRankedOrUnrankedMemRef)
    result = result_def(Index)
    assembly_format = "$memref attr-dict `:` type($memref)"

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        types["result"] = [index]


# ---------------------------------------------------------------------------------------------------------------
# casts and views
# ---------------------------------------------------------------------------------------------------------------


def cast_compatible(a: Type, b: Type) -> bool:
    """MLIR's ``memref::CastOp::areCastCompatible``: same element type and memory space; ranked to ranked with
    compatible sizes and compatible (equal or dynamic on one side) strides/offset; ranked to/from unranked."""
    if isinstance(a, MemRefType) and isinstance(b, MemRefType):
        if a.element_type != b.element_type:
            return False
        if a.layout != b.layout:
            sa, sb = sh.strides_and_offset(a), sh.strides_and_offset(b)
            if sa is None or sb is None or len(sa[0]) != len(sb[0]):
                return False

            def ok(x: int, y: int) -> bool:
                return x == DYNAMIC or y == DYNAMIC or x == y

            if not ok(sa[1], sb[1]) or not all(ok(x, y) for x, y in zip(sa[0], sb[0])):
                return False
        if a.memory_space != b.memory_space or a.rank != b.rank:
            return False
        return all(x == DYNAMIC or y == DYNAMIC or x == y for x, y in zip(a.shape, b.shape))
    if not isinstance(a, (MemRefType, UnrankedMemRefType)) or not isinstance(b, (MemRefType, UnrankedMemRefType)):
        return False
    return a.element_type == b.element_type and a.memory_space == b.memory_space


class CastOp(Op, name="memref.cast", traits=[Pure()]):
    """The same buffer with more or less static type information (sizes, strides, offset, rank).

    Errors: types that are not cast compatible (:func:`cast_compatible`)."""

    source = operand(AnyRankedOrUnrankedMemRef)
    dest = result_def(AnyRankedOrUnrankedMemRef)
    assembly_format = "$source attr-dict `:` type($source) `to` type($dest)"

    def asm_result_names(self) -> list[str]:
        return ["cast"]

    def fold(self, operands: list[Attribute | None]) -> list[Any] | None:
        """A cast to the source's own type -> the source; ``cast(cast(x))`` -> ``cast(x)`` for a ranked ``x``, in
        place (MLIR's ``CastOp::fold``)."""
        if self.source.type == self.dest.type:
            return [self.source]
        return list(self.results) if fold_memref_cast(self) else None

    def verify_(self) -> None:
        a, b = self.source.type, self.dest.type
        if not cast_compatible(a, b):
            raise self.emit_error(f"operand type '{a}' and result type '{b}' are cast incompatible")


class MemorySpaceCastOp(Op, name="memref.memory_space_cast", traits=[Pure()]):
    """The same buffer in another memory space (shape, element type and layout unchanged)."""

    source = operand(AnyRankedOrUnrankedMemRef)
    dest = result_def(AnyRankedOrUnrankedMemRef)
    assembly_format = "$source attr-dict `:` type($source) `to` type($dest)"

    def asm_result_names(self) -> list[str]:
        return ["memspacecast"]

    def verify_(self) -> None:
        a, b = self.source.type, self.dest.type
        ok = type(a) is type(b) and element_type(a) == element_type(b)
        if ok and isinstance(a, MemRefType) and isinstance(b, MemRefType):
            ok = a.shape == b.shape and a.layout == b.layout
        if not ok:
            raise self.emit_error(f"operand type '{a}' and result type '{b}' are cast incompatible")


def subview_result_type(source: MemRefType, offsets: tuple[int, ...], sizes: tuple[int, ...],
                        strides: tuple[int, ...]) -> MemRefType:
    """MLIR's ``SubViewOp::inferResultType``: offset ``src_off + sum(off_i * src_stride_i)``, strides
    ``src_stride_i * stride_i`` (saturating to dynamic), the static sizes; no rank reduction."""
    so = sh.strides_and_offset(source)
    assert so is not None
    src_strides, offset = so
    for o, s in zip(offsets, src_strides):
        offset = sh.sat_add(offset, sh.sat_mul(o, s))
    target = [sh.sat_mul(s, t) for s, t in zip(src_strides, strides)]
    return MemRefType(sizes, source.element_type, StridedLayoutAttr(target, offset), source.memory_space)


class SubViewOp(OffsetsSizesStridesOp, name="memref.subview", traits=[Pure()]):
    """A strided view of ``source`` at ``offsets`` with ``sizes`` and ``strides`` (one entry per source dim);
    the result layout is inferred from the source's (:func:`subview_result_type`) and unit dims may be dropped.

    Syntax: ``memref.subview %m[0, %i] [4, 4] [1, 2] : memref<8x16xf32> to memref<4x4xf32, strided<[16, 2],
    offset: ?>>``.
    Errors: a non-strided source; memory spaces, sizes, offset or strides of the result disagreeing with the
    inferred type (up to rank reduction); a static slice out of bounds."""

    source = operand(AnyMemRef)
    offsets = var_operand(Index)
    sizes = var_operand(Index)
    strides = var_operand(Index)
    static_offsets_ = prop(I64Array, attr_name="static_offsets")
    static_sizes_ = prop(I64Array, attr_name="static_sizes")
    static_strides_ = prop(I64Array, attr_name="static_strides")
    result = result_def(AnyMemRef)
    custom_grammar = f'VALUE_ID {MIXED_LIST} {MIXED_LIST} {MIXED_LIST} [attr_dict] ":" type "to" type'
    custom_rules = MIXED_RULES

    @classmethod
    def build_subview(cls, source: Value, offsets: Sequence[Mixed], sizes: Sequence[Mixed], strides: Sequence[Mixed],
                      result_type: MemRefType | None = None, location: Any = None) -> SubViewOp:
        """A subview of ``source`` (entries: ints static, Values dynamic); the strided result type is inferred
        (:func:`subview_result_type`) unless a (rank-reduced) ``result_type`` is given."""
        vals, counts, props = dispatch_slice_lists(offsets, sizes, strides)
        props["operandSegmentSizes"] = segments(1, *counts)
        rt = result_type or subview_result_type(_memref(source.type), *(
            props[k].values for k in ("static_offsets", "static_sizes", "static_strides")))  # type: ignore
        op: SubViewOp = cls.create([source, *vals], [rt], props, location=location)
        return op

    def asm_result_names(self) -> list[str]:
        return ["subview"]

    def _max_ranks(self) -> tuple[int, int, int]:
        r = _memref(self.source.type).rank
        return r, r, r

    def verify_(self) -> None:
        self.verify_offsets_sizes_strides()
        base, res = _memref(self.source.type), _memref(self.result.type)
        if base.memory_space != res.memory_space:
            raise _memory_space_error(self, "base memref type", base, res, "subview memref type")
        if sh.strides_and_offset(base) is None:
            raise error(self, f"base type '{base}' is not strided")
        expected = subview_result_type(base, self.static_offsets, self.static_sizes, self.static_strides)
        r = sh.is_rank_reduced_type(expected, res)
        if r != sh.SUCCESS:
            raise error(self, subview_error(r, expected, res))
        eo, ro = sh.strides_and_offset(expected), sh.strides_and_offset(res)
        unused = sh.memref_rank_reduction_mask(expected, res, self.static_sizes)
        if eo is None or ro is None or eo[1] != ro[1] or unused is None or \
                [s for i, s in enumerate(eo[0]) if i not in unused] != ro[0]:
            raise error(self, subview_error(sh.LAYOUT_MISMATCH, expected, res))
        msg = sh.in_bounds_slice(base.shape, self.static_offsets, self.static_sizes, self.static_strides)
        if msg is not None:
            raise error(self, msg)


class ReinterpretCastOp(OffsetsSizesStridesOp, name="memref.reinterpret_cast", traits=[Pure()]):
    """The buffer of ``source`` seen with the given offset, sizes and strides (in elements), unchecked.

    Syntax: ``memref.reinterpret_cast %m to offset: [0], sizes: [%n, 4], strides: [4, 1] : memref<?xf32> to
    memref<?x4xf32, strided<[4, 1]>>``.
    Errors: memory spaces or element types differing; static sizes, offset or strides disagreeing with the
    result type's."""

    source = operand(AnyRankedOrUnrankedMemRef)
    offsets = var_operand(Index)
    sizes = var_operand(Index)
    strides = var_operand(Index)
    static_offsets_ = prop(I64Array, attr_name="static_offsets")
    static_sizes_ = prop(I64Array, attr_name="static_sizes")
    static_strides_ = prop(I64Array, attr_name="static_strides")
    result = result_def(AnyMemRef)
    custom_grammar = (f'VALUE_ID "to" "offset" ":" {MIXED_LIST} "," "sizes" ":" {MIXED_LIST} "," "strides" ":" '
                      f'{MIXED_LIST} [attr_dict] ":" type "to" type')
    custom_rules = MIXED_RULES

    def print_custom(self, p: Any) -> str:
        return (f"{p.op_name(self)} {p.value(self.source)} to offset: "
                f"{print_mixed(p, self.static_offsets, self.offsets)}, sizes: "
                f"{print_mixed(p, self.static_sizes, self.sizes)}, strides: "
                f"{print_mixed(p, self.static_strides, self.strides)}{attr_dict_suffix(p, self)} : "
                f"{p.type(self.source.type)} to {p.type(self.result.type)}")

    def asm_result_names(self) -> list[str]:
        return ["reinterpret_cast"]

    def _max_ranks(self) -> tuple[int, int, int]:
        r = _memref(self.result.type).rank
        return 1, r, r

    def verify_(self) -> None:
        self.verify_offsets_sizes_strides()
        src, res = self.source.type, _memref(self.result.type)
        if getattr(src, "memory_space", None) != res.memory_space:
            raise _memory_space_error(self, "source type", src, res, "result memref type")
        if element_type(src) != res.element_type:
            raise self.emit_error(f"source element type ('{element_type(src)}') does not match result element type "
                                  f"('{res.element_type}')")

        def show(x: int) -> str:
            return "dynamic" if x == DYNAMIC else str(x)

        for i, (r, e) in enumerate(zip(res.shape, self.static_sizes)):
            if r != DYNAMIC and r != e:
                raise error(self, f"expected result type with size = {show(e)} instead of {r} in dim = {i}")
        so = sh.strides_and_offset(res)
        if so is None:
            raise error(self, f"expected result type to have strided layout but found '{res}'")
        strides, offset = so
        e = self.static_offsets[0]
        if offset != DYNAMIC and offset != e:
            raise error(self, f"expected result type with offset = {show(e)} instead of {offset}")
        for i, (r, e) in enumerate(zip(strides, self.static_strides)):
            if r != DYNAMIC and r != e:
                raise error(self, f"expected result type with stride = {show(e)} instead of {r} in dim = {i}")


class ViewOp(Op, name="memref.view", traits=[Pure()]):
    """A typed view of a 1-D ``i8`` buffer starting ``byte_shift`` bytes in; ``sizes`` give the result's dynamic
    dimensions. Both types have identity layouts.

    Syntax: ``memref.view %buf[%off][%n] : memref<2048xi8> to memref<?x4xf32>``."""

    source = operand(I8Buffer)
    byte_shift = operand(Index)
    sizes = var_operand(Index)
    result = result_def(AnyMemRef)
    assembly_format = "$source `[` $byte_shift `]` `` `[` $sizes `]` attr-dict `:` type($source) `to` type(results)"

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        index_types(types, names, "byte_shift", "sizes")

    def asm_result_names(self) -> list[str]:
        return ["view"]

    def verify_(self) -> None:
        base, view = _memref(self.source.type), _memref(self.result.type)
        if not sh.is_identity_layout(base):
            raise error(self, f"unsupported map for base memref type '{base}'")
        if not sh.is_identity_layout(view):
            raise error(self, f"unsupported map for result memref type '{view}'")
        if base.memory_space != view.memory_space:
            raise _memory_space_error(self, "base memref type", base, view, "view memref type")
        if len(self.sizes) != sh.num_dynamic_dims(view):
            n = sh.num_dynamic_dims(view)
            raise self.emit_error(f"incorrect number of dynamic sizes, has {len(self.sizes)}, expected {n}")


class TransposeOp(Op, name="memref.transpose", traits=[Pure()]):
    """The view of ``in`` with dimensions permuted by ``permutation``: result dim ``i`` is source dim
    ``permutation[i]``, with its size and stride.

    Syntax: ``memref.transpose %m (d0, d1) -> (d1, d0) : memref<8x16xf32> to memref<16x8xf32, strided<[1, 16]>>``.
    Errors: a map that is not a permutation of the source rank; a result type not equivalent to the inferred one."""

    in_ = operand(AnyMemRef)
    permutation = prop(isa(AffineMapAttr, description="AffineMap attribute"))
    result = result_def(AnyMemRef)
    custom_grammar = 'VALUE_ID affine_map_body [attr_dict] ":" type "to" type'

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> TransposeOp:
        src, m, attrs, srct, rt = c
        op: TransposeOp = cls.create([st.use(src, srct)], [rt], {"permutation": AffineMapAttr(m)},
                                     check_attr_dict(cls, attrs, st, kw), location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        perm = self.properties["permutation"]
        assert isinstance(perm, AffineMapAttr)
        return (f"{p.op_name(self)} {p.value(self.in_)} {perm.value}{attr_dict_suffix(p, self)} : "
                f"{p.type(self.in_.type)} to {p.type(self.result.type)}")

    def asm_result_names(self) -> list[str]:
        return ["transpose"]

    def verify_(self) -> None:
        perm = self.properties["permutation"]
        assert isinstance(perm, AffineMapAttr)
        m = perm.value
        if not m.is_permutation():
            raise self.emit_error("expected a permutation map")
        src, res = _memref(self.in_.type), _memref(self.result.type)
        if m.num_dims != src.rank:
            raise self.emit_error("expected a permutation map of same rank as the input")
        so = sh.strides_and_offset(src)
        assert so is not None
        pos = [r.position for r in m.results]  # type: ignore[attr-defined]
        expected = MemRefType([src.shape[i] for i in pos], src.element_type,
                              StridedLayoutAttr([so[0][i] for i in pos], so[1]), src.memory_space)
        if _canonical_layout(res) != _canonical_layout(expected) or res.memory_space != expected.memory_space:
            raise self.emit_error(f"result type '{res}' is not equivalent to the canonical transposed input type "
                                  f"'{_canonical_layout(expected)}'")


def _canonical_layout(t: MemRefType) -> MemRefType:
    """MLIR's ``canonicalizeStridedLayout``: no layout when the strided form is the identity, else the layout as
    a simplified affine map (``strided<[1, 16]>`` becomes ``affine_map<(d0, d1) -> (d0 + d1 * 16)>``)."""
    so = sh.strides_and_offset(t)
    if t.layout is None or so is None or not t.shape:
        return t
    strides, offset = so
    if offset == 0 and strides == sh.canonical_strides(t.shape):
        return MemRefType(t.shape, t.element_type, None, t.memory_space)
    nsym = 0
    if offset == DYNAMIC:
        e: aff.AffineExpr = aff.AffineSymbolExpr(0)
        nsym = 1
    else:
        e = aff.AffineConstantExpr(offset)
    for i, s in enumerate(strides):
        if s == DYNAMIC:
            k: aff.AffineExpr = aff.AffineSymbolExpr(nsym)
            nsym += 1
        else:
            k = aff.AffineConstantExpr(s)
        e = e + aff.AffineDimExpr(i) * k
    return MemRefType(t.shape, t.element_type, AffineMapAttr(aff.AffineMap(t.rank, nsym, [e])), t.memory_space)


def subview_error(result: int, expected: MemRefType, actual: MemRefType) -> str:
    """MLIR's ``produceSubViewErrorMsg``."""
    if result == sh.RANK_TOO_LARGE:
        return f"expected result rank to be smaller or equal to the source rank, but got '{actual}'"
    if result == sh.SIZE_MISMATCH:
        return (f"expected result type to be '{expected}' or a rank-reduced version. (mismatch of result sizes), but "
                f"got '{actual}'")
    if result == sh.ELEM_MISMATCH:
        return f"expected result element type to be '{expected.element_type}', but got '{actual}'"
    if result == sh.MEMSPACE_MISMATCH:
        return f"expected result and source memory spaces to match, but got '{actual}'"
    return (f"expected result type to be '{expected}' or a rank-reduced version. (mismatch of result layout), but "
            f"got '{actual}'")


# ---------------------------------------------------------------------------------------------------------------
# reshapes
# ---------------------------------------------------------------------------------------------------------------


class CollapseShapeOp(Op, name="memref.collapse_shape", traits=[Pure()]):
    """A view of ``src`` with each group of consecutive dimensions of ``reassociation`` merged (the grouped
    dimensions must be contiguous); a non-identity source layout gives a strided result layout.

    Syntax: ``memref.collapse_shape %m [[0, 1]] : memref<8x16xf32> into memref<128xf32>``.
    Errors: invalid groups; sizes not the products of their groups; a result type other than the inferred one."""

    src = operand(AnyMemRef)
    reassociation = prop(Reassociation)
    result = result_def(AnyMemRef)
    assembly_format = "$src $reassociation attr-dict `:` type($src) `into` type($result)"

    def asm_result_names(self) -> list[str]:
        return ["collapse_shape"]

    @classmethod
    def build_collapse(cls, src: Value, groups: Sequence[Sequence[int]], location: Any = None) -> CollapseShapeOp:
        """Collapse ``src`` by ``groups``; the result type (layout included) is inferred as MLIR does."""
        t = _memref(src.type)
        layout = None if sh.is_identity_layout(t) else sh.collapsed_layout(t, groups)
        if layout is None and not sh.is_identity_layout(t):
            raise ValueError(f"cannot collapse {t} by {groups}: non-strided layout or non-contiguous dims")
        res = MemRefType(sh.collapsed_shape(t.shape, groups), t.element_type, layout, t.memory_space)
        op: CollapseShapeOp = cls.create([src], [res], {"reassociation": sh.reassociation_attr(groups)},
                                         location=location)
        return op

    def verify_(self) -> None:
        src, res = _memref(self.src.type), _memref(self.result.type)
        if src.rank < res.rank:
            raise self.emit_error(f"has source rank {src.rank} and result rank {res.rank}. This is not a collapse "
                                  f"({src.rank} < {res.rank}).")
        groups = sh.reassociation_groups(self.properties["reassociation"]) or []
        msg = sh.collapsed_shape_error(res.shape, src.shape, groups)
        if msg is not None:
            raise self.emit_error(msg)
        if sh.is_identity_layout(src):
            expected = MemRefType(res.shape, src.element_type, None, src.memory_space)
        else:
            layout = sh.collapsed_layout(src, groups)
            if layout is None:
                raise self.emit_error("invalid source layout map or collapsing non-contiguous dims")
            expected = MemRefType(res.shape, src.element_type, layout, src.memory_space)
        if expected != res:
            raise self.emit_error(f"expected collapsed type to be '{expected}' but found '{res}'")


class ExpandShapeOp(ExpandShapeBase, name="memref.expand_shape", traits=[Pure()]):
    """A view of ``src`` with each dimension split into the group of ``reassociation``; ``output_shape`` gives
    every result size; a non-identity source layout gives a strided result layout.

    Syntax: ``memref.expand_shape %m [[0, 1]] output_shape [%n, 4] : memref<?xf32> into memref<?x4xf32>``.
    Errors: invalid groups; sizes not matching; a result type other than the inferred one; ``output_shape``
    disagreeing with the result type."""

    src = operand(AnyMemRef)
    output_shape = var_operand(Index)
    reassociation = prop(Reassociation)
    static_output_shape = prop(I64Array)
    result = result_def(AnyMemRef)
    custom_grammar = f'VALUE_ID attribute "output_shape" {MIXED_LIST} [attr_dict] ":" type "into" type'
    custom_rules = MIXED_RULES

    @classmethod
    def build_expand(cls, src: Value, groups: Sequence[Sequence[int]], output_shape: Sequence[Mixed],
                     location: Any = None) -> ExpandShapeOp:
        """Expand ``src`` by ``groups`` to ``output_shape`` (ints static, Values dynamic); the result layout is
        inferred as MLIR's ``computeExpandedType``."""
        values, static = dispatch_mixed(output_shape)
        t = _memref(src.type)
        layout = None if sh.is_identity_layout(t) else sh.expanded_layout(t, static.values, groups)
        if layout is None and not sh.is_identity_layout(t):
            raise ValueError(f"cannot expand {t}: its layout is not strided")
        res = MemRefType(static.values, t.element_type, layout, t.memory_space)
        op: ExpandShapeOp = cls.create_expand(src, groups, values, static, res, location)
        return op

    def asm_result_names(self) -> list[str]:
        return ["expand_shape"]

    def verify_(self) -> None:
        src, res = _memref(self.src.type), _memref(self.result.type)
        if src.rank > res.rank:
            raise self.emit_error(f"has source rank {src.rank} and result rank {res.rank}. This is not an expansion "
                                  f"({src.rank} > {res.rank}).")
        groups = sh.reassociation_groups(self.properties["reassociation"]) or []
        msg = sh.collapsed_shape_error(src.shape, res.shape, groups)
        if msg is not None:
            raise self.emit_error(msg)
        if sh.is_identity_layout(src):
            expected = MemRefType(res.shape, src.element_type, None, src.memory_space)
        else:
            layout = sh.expanded_layout(src, res.shape, groups)
            if layout is None:
                raise self.emit_error("invalid source layout map")
            expected = MemRefType(res.shape, src.element_type, layout, src.memory_space)
        if expected != res:
            raise self.emit_error(f"expected expanded type to be '{expected}' but found '{res}'")
        self.verify_output_shape_counts(res.rank, "bounds")
        self.verify_output_shape_values(res.shape)


# ---------------------------------------------------------------------------------------------------------------
# canonicalization helpers (mlir/lib/Dialect/MemRef/IR/MemRefOps.cpp); the fold() hooks sit on the ops above
# ---------------------------------------------------------------------------------------------------------------


def fold_memref_cast(op: Operation, inner: Value | None = None) -> bool:
    """Make each operand of ``op`` (other than ``inner``) defined by a ``memref.cast`` of a ranked memref read the
    cast's source, in place (MLIR's ``memref::foldMemRefCast``). Returns whether an operand changed."""
    changed = False
    for o in op.op_operands:
        cast = getattr(o.value, "op", None)
        if isinstance(cast, CastOp) and o.value is not inner and isinstance(cast.source.type, MemRefType):
            o.set(cast.source)
            changed = True
    return changed


def can_fold_cast_into_consumer(cast: CastOp) -> bool:
    """MLIR's ``memref::CastOp::canFoldIntoConsumerOp``: a cast between ranked strided memrefs of one element type
    and rank that makes no size, offset or stride more static."""
    a, b = cast.source.type, cast.dest.type
    if not isinstance(a, MemRefType) or not isinstance(b, MemRefType):
        return False
    if a.element_type != b.element_type or a.rank != b.rank:
        return False
    sa, sb = sh.strides_and_offset(a), sh.strides_and_offset(b)
    if sa is None or sb is None:
        return False
    pairs = [*zip(a.shape, b.shape), (sa[1], sb[1]), *zip(sa[0], sb[0])]
    return not any(x != y and x == DYNAMIC and y != DYNAMIC for x, y in pairs)


_OPS: list[type[Op]] = [
    AllocOp, AllocaOp, CastOp, CollapseShapeOp, CopyOp, DeallocOp, DimOp, ExpandShapeOp, GetGlobalOp, GlobalOp,
    LoadOp, MemorySpaceCastOp, RankOp, ReinterpretCastOp, StoreOp, SubViewOp, TransposeOp, ViewOp,
]

DIALECT = Dialect("memref", _OPS, description=__doc__ or "", materialize_constant=_arith_constant)

__all__ = [c.__name__ for c in _OPS] + ["DIALECT", "cast_compatible", "subview_result_type"]
