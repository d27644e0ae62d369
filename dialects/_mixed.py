"""Syntax helpers shared by the tensor and memref dialects: MLIR's mixed static/dynamic index lists and a few
custom-syntax pieces that a declarative assembly format cannot express.

A *mixed list* is MLIR's ``custom<DynamicIndexList>`` (mlir/lib/Interfaces/ViewLikeInterface.cpp): in custom
syntax ``[%a, 4, %b]``; in the op, an ``i64`` dense-array property holding the static entries with
``ShapedType::kDynamic`` (:data:`~mlir_py.attributes.DYNAMIC`, printed ``-9223372036854775808`` in generic form)
in place of each dynamic one, plus a variadic ``index`` operand group holding the dynamic entries in order::

    tensor.extract_slice %t[0, %i] [4, 4] [1, 2]
    "tensor.extract_slice"(%t, %i) <{static_offsets = array<i64: 0, -9223372036854775808>, ...}>

Use in an op: name :data:`MIXED_LIST` in ``custom_grammar`` and merge :data:`MIXED_RULES` into the op's
``custom_rules``; the rule's value is the list of ``VALUE_ID``/``INT`` tokens, which :func:`parse_mixed` resolves.
:func:`print_mixed` prints one list back; :func:`verify_mixed` is MLIR's ``verifyListOfOperandsOrIntegers``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from mlir_py.attributes import (
    DYNAMIC,
    Attribute,
    DenseArrayAttr,
    IndexType,
    IntegerAttr,
    MemRefType,
    RankedTensorType,
    Type,
    UnrankedMemRefType,
    UnrankedTensorType,
    element_type,
    i1,
    i64,
    index,
)
from mlir_py.diagnostics import VerifyError
from mlir_py.ir import Operation, Value
from mlir_py.opdef import Constraint, Op, isa

from ._shape import reassociation_attr, reassociation_groups

#: a mixed entry: a static integer or a dynamic SSA value (MLIR's ``OpFoldResult``)
Mixed = int | Value

MIXED_LIST = "mixed_index_list"
MIXED_RULES: dict[str, tuple[str, Callable[[list[Any], Any], Any]]] = {
    MIXED_LIST: ('"[" [(VALUE_ID | INT) ("," (VALUE_ID | INT))*] "]"', lambda c, st: [t for t in c if t is not None]),
}

Index = isa(IndexType, description="index")
#: MLIR's type constraints, with their descriptions (used in "operand #0 must be ..." diagnostics)
AnyTensor = isa(RankedTensorType, UnrankedTensorType, description="tensor of any non-token type values")
AnyRankedTensor = isa(RankedTensorType, description="ranked tensor of any non-token type values")
AnyStaticShapeTensor = Constraint(lambda t: isinstance(t, RankedTensorType) and t.has_static_shape,
                                  "statically shaped tensor of any non-token type values")
AnyMemRef = isa(MemRefType, description="memref of any non-token type values")
AnyRankedOrUnrankedMemRef = isa(MemRefType, UnrankedMemRefType,
                                description="ranked or unranked memref of any non-token type values")
I64Array = Constraint(lambda a: isinstance(a, DenseArrayAttr) and a.element_type == i64, "i64 dense array attribute")
I64Attr = Constraint(lambda a: isinstance(a, IntegerAttr) and a.type == i64, "64-bit signless integer attribute")
BoolAttr = Constraint(lambda a: isinstance(a, IntegerAttr) and a.type == i1, "bool attribute")


Reassociation = Constraint(lambda a: reassociation_groups(a) is not None, "Array of 64-bit integer array attributes")


def index_types(types: dict[str, list[Type]], names: dict[str, list[Any]], *groups: str) -> None:
    """For ``infer_format_types``: every operand of the named groups is an ``index``."""
    for g in groups:
        types[g] = [index] * len(names.get(g, ()))


def infer_element_types(types: dict[str, list[Type]], names: dict[str, list[Any]], container: str,
                        elements: Sequence[str], index_groups: Sequence[str] = ()) -> None:
    """For ``infer_format_types``: each field of ``elements`` has the element type of field ``container`` (when
    that type is known); every operand of ``index_groups`` is an ``index``."""
    t = types.get(container)
    if t:
        for e in elements:
            types[e] = [element_type(t[0])]
    index_types(types, names, *index_groups)


def keyword_flag(word: str) -> dict[str, tuple[str, Callable[[list[Any], Any], Any]]]:
    """A helper rule ``kw_<word>`` matching the keyword alone (value ``True``; absent ``[kw_<word>]`` is None)."""
    return {f"kw_{word}": (f'"{word}"', lambda c, st: True)}


class IntLiteral(Constraint):
    """An integer property spelled as a bare literal in custom syntax (``dim(0)``, ``alignment = 64``), stored as
    an ``IntegerAttr`` of ``type`` (``i64`` by default), as MLIR's ``I64Attr`` in an assembly format."""

    format_grammar = "INT"

    def __init__(self, type: Type = i64, positive_pow2: bool = False, non_negative: bool = False):
        self.type = type
        desc = "64-bit signless integer attribute"
        if positive_pow2:
            desc += " whose value is positive and whose value is a power of two > 0"
        elif non_negative:
            desc += " whose minimum value is 0"

        def pred(a: Any) -> bool:
            if not isinstance(a, IntegerAttr) or a.type != type:
                return False
            if positive_pow2:
                return a.value > 0 and a.value & (a.value - 1) == 0
            return a.value >= 0 or not non_negative

        super().__init__(pred, desc)

    def from_format(self, tok: Any, d: Any) -> IntegerAttr:
        s = str(tok)
        return IntegerAttr(int(s, 16) if s.lower().startswith(("0x", "-0x")) else int(s), self.type)

    def print_format(self, a: Attribute, p: Any) -> str:
        assert isinstance(a, IntegerAttr)
        return str(a.value)


# ---------------------------------------------------------------------------------------------------------------
# mixed lists
# ---------------------------------------------------------------------------------------------------------------


def parse_mixed(toks: Sequence[Any], st: Any) -> tuple[list[Value], DenseArrayAttr]:
    """``[%a, 4, %b]`` tokens -> (dynamic ``index`` values, static array with kDynamic placeholders)."""
    values: list[Value] = []
    static: list[int] = []
    for t in toks:
        if t.type == "VALUE_ID":
            values.append(st.use(t, index))
            static.append(DYNAMIC)
        else:
            s = str(t)
            static.append(int(s, 16) if s.lower().startswith(("0x", "-0x")) else int(s))
    return values, DenseArrayAttr(i64, static)


def print_mixed(p: Any, static: Sequence[int], values: Sequence[Value]) -> str:
    """MLIR's ``printDynamicIndexList``: static entries as integers, dynamic ones as the next value."""
    it = iter(values)
    parts = []
    for s in static:
        if s == DYNAMIC:
            v = next(it, None)
            parts.append(p.value(v) if v is not None else "<<NULL VALUE>>")
        else:
            parts.append(str(s))
    return "[" + ", ".join(parts) + "]"


def dispatch_mixed(entries: Sequence[Mixed]) -> tuple[list[Value], DenseArrayAttr]:
    """Mixed entries -> (dynamic values, static array with kDynamic placeholders) (MLIR's
    ``dispatchIndexOpFoldResults``)."""
    values = [e for e in entries if isinstance(e, Value)]
    return values, DenseArrayAttr(i64, [DYNAMIC if isinstance(e, Value) else int(e) for e in entries])


def static_list(op: Operation, name: str) -> tuple[int, ...]:
    a = op.properties.get(name)
    return tuple(a.values) if isinstance(a, DenseArrayAttr) else ()


def mixed_list(static: Sequence[int], values: Sequence[Value]) -> list[Mixed]:
    """The entries of a mixed list, each a static int or its dynamic value (MLIR's ``getMixedValues``)."""
    it = iter(values)
    return [next(it) if s == DYNAMIC else s for s in static]


def verify_mixed(op: Operation, name: str, num: int, static: Sequence[int], values: Sequence[Value]) -> None:
    """MLIR's ``verifyListOfOperandsOrIntegers``: ``num`` entries, one dynamic value per kDynamic entry."""
    if len(static) != num:
        raise error(op, f"expected {num} {name} values, got {len(static)}")
    verify_dynamic_count(op, name + "s", static, values)


def verify_dynamic_count(op: Operation, plural: str, static: Sequence[int], values: Sequence[Value]) -> None:
    """One dynamic value per kDynamic entry of ``static_<plural>`` (MLIR's ``DynamicIndexList`` invariant)."""
    n_dyn = sum(1 for s in static if s == DYNAMIC)
    if len(values) != n_dyn:
        raise error(op, f"expected the number of '{plural}' to match the number of dynamic entries in "
                    f"'static_{plural}' ({len(values)} vs {n_dyn})")


def error(op: Operation, message: str) -> VerifyError:
    """An error at ``op`` without the ``'name' op`` prefix (MLIR's ``Operation::emitError``)."""
    e = VerifyError(message, None, op.location)
    e.op = op
    e.diagnostic.op = op
    return e


# ---------------------------------------------------------------------------------------------------------------
# offsets, sizes and strides
# ---------------------------------------------------------------------------------------------------------------


class OffsetsSizesStridesOp(Op):
    """Base of ops with offsets, sizes and strides (MLIR's ``OffsetSizeAndStrideOpInterface``): subclasses
    declare ``offsets``/``sizes``/``strides`` operand groups and ``static_*`` properties and implement
    ``_max_ranks``; ``mixed_offsets`` etc. give each entry as an int or a Value."""

    __slots__ = ()

    def _max_ranks(self) -> tuple[int, int, int]:
        raise NotImplementedError

    @property
    def static_offsets(self) -> tuple[int, ...]:
        return static_list(self, "static_offsets")

    @property
    def static_sizes(self) -> tuple[int, ...]:
        return static_list(self, "static_sizes")

    @property
    def static_strides(self) -> tuple[int, ...]:
        return static_list(self, "static_strides")

    @property
    def mixed_offsets(self) -> list[Any]:
        return mixed_list(self.static_offsets, self.offsets)  # type: ignore[attr-defined]

    @property
    def mixed_sizes(self) -> list[Any]:
        return mixed_list(self.static_sizes, self.sizes)  # type: ignore[attr-defined]

    @property
    def mixed_strides(self) -> list[Any]:
        return mixed_list(self.static_strides, self.strides)  # type: ignore[attr-defined]

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> Any:
        """``%src <lists> {attrs} : S to R`` (7 children) or ``%src into %dest <lists> {attrs} : S into D``."""
        if len(c) == 7:
            src, offs, sizes, strides, attrs, srct, rt = c
            head = [st.use(src, srct)]
        else:
            src, dst, offs, sizes, strides, attrs, srct, rt = c
            head = [st.use(src, srct), st.use(dst, rt)]
        vals, counts, props = parse_slice_lists(st, offs, sizes, strides)
        props["operandSegmentSizes"] = segments(*[1] * len(head), *counts)
        return cls.create([*head, *vals], [rt][:len(cls.result_defs)], props, check_attr_dict(cls, attrs, st, kw),
                          location=st.loc(kw))

    def print_custom(self, p: Any) -> str:
        """``%src[offsets] [sizes] [strides] : S to R``, or with ``into %dest`` when the op has a ``dest``."""
        src = self.operand(0)
        lists = print_slice_lists(p, self)
        if "dest" in {d.name for d in self.operand_defs}:
            dst = self.operand(1)
            return (f"{p.op_name(self)} {p.value(src)} into {p.value(dst)}{lists}{attr_dict_suffix(p, self)} : "
                    f"{p.type(src.type)} into {p.type(dst.type)}")
        return (f"{p.op_name(self)} {p.value(src)}{lists}{attr_dict_suffix(p, self)} : {p.type(src.type)} to "
                f"{p.type(self.results[0].type)}")

    def verify_offsets_sizes_strides(self) -> None:
        """MLIR's ``verifyOffsetSizeAndStrideOp``."""
        r_off, r_size, r_stride = self._max_ranks()
        offs, sizes, strides = self.static_offsets, self.static_sizes, self.static_strides
        verify_dynamic_count(self, "offsets", offs, self.offsets)  # type: ignore[attr-defined]
        verify_dynamic_count(self, "sizes", sizes, self.sizes)  # type: ignore[attr-defined]
        verify_dynamic_count(self, "strides", strides, self.strides)  # type: ignore[attr-defined]
        if not (len(offs) == 1 and r_off == 1) and len(offs) != len(sizes):
            raise error(self, f"expected mixed offsets rank to match mixed sizes rank ({len(offs)} vs {len(sizes)}) "
                        "so the rank of the result type is well-formed.")
        if len(sizes) != len(strides):
            raise error(self, f"expected mixed sizes rank to match mixed strides rank ({len(sizes)} vs "
                        f"{len(strides)}) so the rank of the result type is well-formed.")
        verify_mixed(self, "offset", r_off, offs, self.offsets)  # type: ignore[attr-defined]
        verify_mixed(self, "size", r_size, sizes, self.sizes)  # type: ignore[attr-defined]
        verify_mixed(self, "stride", r_stride, strides, self.strides)  # type: ignore[attr-defined]
        for o in offs:
            if o < 0 and o != DYNAMIC:
                raise error(self, f"expected offsets to be non-negative, but got {o}")
        for s in sizes:
            if s < 0 and s != DYNAMIC:
                raise error(self, f"expected sizes to be non-negative, but got {s}")


class DimOpBase(Op):
    """Base of ``tensor.dim`` and ``memref.dim`` (fields ``source``, ``index``, ``result``): the syntax
    ``%d = <op> %src, %i : T`` with the ``index`` types implied."""

    __slots__ = ()
    assembly_format = "attr-dict $source `,` $index `:` type($source)"

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        types["index"] = [index]
        types["result"] = [index]

    def asm_result_names(self) -> list[str]:
        return ["dim"]


class ExpandShapeBase(Op):
    """Base of ``tensor.expand_shape`` and ``memref.expand_shape``: fields ``src``, ``output_shape`` (dynamic
    sizes), ``reassociation``, ``static_output_shape``, ``result``; the custom syntax
    ``%src [[0, 1]] output_shape [%n, 4] {attrs} : S into R`` and the ``output_shape`` checks of MLIR's
    ``ExpandShapeOp::verify`` (TensorOps.cpp, MemRefOps.cpp)."""

    __slots__ = ()

    @classmethod
    def create_expand(cls, src: Value, groups: Sequence[Sequence[int]], values: Sequence[Value],
                      static: DenseArrayAttr, res: Type, location: Any) -> Any:
        return cls.create([src, *values], [res], {"reassociation": reassociation_attr(groups),
                                                  "static_output_shape": static}, location=location)

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> Any:
        src, reassoc, shape, attrs, st_, rt = c
        vals, static = parse_mixed(shape, st)
        return cls.create([st.use(src, st_), *vals], [rt], {"reassociation": reassoc, "static_output_shape": static},
                          check_attr_dict(cls, attrs, st, kw), location=st.loc(kw))

    def print_custom(self, p: Any) -> str:
        src, dyn = self.operand(0), self.operands[1:]
        return (f"{p.op_name(self)} {p.value(src)} {p.attr(self.properties['reassociation'])} output_shape "
                f"{print_mixed(p, static_list(self, 'static_output_shape'), dyn)}"
                f"{attr_dict_suffix(p, self)} : {p.type(src.type)} into {p.type(self.results[0].type)}")

    @property
    def mixed_output_shape(self) -> list[Any]:
        return mixed_list(static_list(self, "static_output_shape"), self.operands[1:])

    def verify_output_shape_counts(self, rank: int, noun: str) -> None:
        """One ``static_output_shape`` entry per result dimension, one ``output_shape`` value per dynamic one
        (``noun``: MLIR's memref says "bounds", tensor "dims")."""
        static = static_list(self, "static_output_shape")
        if len(static) != rank:
            raise self.emit_error(f"expected number of static shape {noun} to be equal to the output rank ({rank}) "
                                  f"but found {len(static)} inputs instead")
        n_dyn = sum(1 for s in static if s == DYNAMIC)
        if self.num_operands - 1 != n_dyn:
            raise self.emit_error(f"mismatch in dynamic dims in output_shape and static_output_shape: "
                                  f"static_output_shape has {n_dyn} dynamic dims while output_shape has "
                                  f"{self.num_operands - 1} values")

    def verify_output_shape_values(self, shape: Sequence[int]) -> None:
        """Each static ``static_output_shape`` entry equals the result size."""
        for i, (d, s) in enumerate(zip(shape, static_list(self, "static_output_shape"))):
            if d != DYNAMIC and d != s:
                raise self.emit_error(f"invalid output shape provided at pos {i}")


def parse_slice_lists(st: Any, offs: Any, sizes: Any, strides: Any
                      ) -> tuple[list[Value], list[int], dict[str, Attribute]]:
    """Resolve three parsed mixed lists: (dynamic values in operand order, their counts, the static properties)."""
    (ov, oa), (sv, sa), (tv, ta) = parse_mixed(offs, st), parse_mixed(sizes, st), parse_mixed(strides, st)
    return [*ov, *sv, *tv], [len(ov), len(sv), len(tv)], {"static_offsets": oa, "static_sizes": sa,
                                                         "static_strides": ta}


def print_slice_lists(p: Any, op: Any) -> str:
    """``[offsets] [sizes] [strides]`` of an offsets/sizes/strides op."""
    return (f"{print_mixed(p, op.static_offsets, op.offsets)} {print_mixed(p, op.static_sizes, op.sizes)} "
            f"{print_mixed(p, op.static_strides, op.strides)}")


def dispatch_slice_lists(offsets: Sequence[Mixed], sizes: Sequence[Mixed], strides: Sequence[Mixed]
                         ) -> tuple[list[Value], list[int], dict[str, Attribute]]:
    """Three mixed lists given as ints/Values: (dynamic values in operand order, their counts, the static
    properties)."""
    (ov, oa), (sv, sa), (tv, ta) = dispatch_mixed(offsets), dispatch_mixed(sizes), dispatch_mixed(strides)
    return [*ov, *sv, *tv], [len(ov), len(sv), len(tv)], {"static_offsets": oa, "static_sizes": sa,
                                                         "static_strides": ta}


# ---------------------------------------------------------------------------------------------------------------
# pieces of custom parsers/printers
# ---------------------------------------------------------------------------------------------------------------


def check_attr_dict(cls: type[Op], attrs: dict[str, Attribute] | None, st: Any, kw: Any) -> dict[str, Attribute]:
    """The discardable attributes of a custom-syntax op; inherent ones are rejected as MLIR's strict properties."""
    d = dict(attrs or {})
    for k in d:
        if k in cls.property_names():
            raise st.error(f"custom op '{cls.OPERATION_NAME}' inherent attribute '{k}' cannot be parsed from attr-dict "
                           "when strict properties in assembly format is enabled", kw)
    return d


def attr_dict_suffix(p: Any, op: Operation, elided: Sequence[str] = ()) -> str:
    """`` {attrs}`` (with a leading space) or nothing."""
    d = {k: v for k, v in op.attributes.items() if k not in elided}
    return " " + p.attr_dict(d) if d else ""


def segments(*sizes: int) -> DenseArrayAttr:
    from mlir_py.attributes import i32

    return DenseArrayAttr(i32, list(sizes))


__all__ = ["AnyMemRef", "AnyRankedOrUnrankedMemRef", "AnyRankedTensor", "AnyStaticShapeTensor", "AnyTensor",
    "BoolAttr", "DimOpBase", "ExpandShapeBase", "I64Array", "I64Attr", "Index", "IntLiteral", "MIXED_LIST",
    "MIXED_RULES", "Mixed", "OffsetsSizesStridesOp", "Reassociation", "attr_dict_suffix", "check_attr_dict",
    "dispatch_mixed", "dispatch_slice_lists", "error", "index_types", "infer_element_types", "keyword_flag",
    "mixed_list", "parse_mixed", "parse_slice_lists", "print_mixed", "print_slice_lists", "segments", "static_list",
    "verify_dynamic_count", "verify_mixed"]
