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
    i1,
    i64,
    index,
)
from mlir_py.diagnostics import VerifyError
from mlir_py.ir import Operation, Value
from mlir_py.opdef import Constraint, Op, isa

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


__all__ = ["AnyMemRef", "AnyRankedOrUnrankedMemRef", "AnyRankedTensor", "AnyStaticShapeTensor", "AnyTensor", "BoolAttr", "I64Array", "I64Attr", "Index", "IntLiteral", "MIXED_LIST", "MIXED_RULES", "Mixed",
           "attr_dict_suffix", "check_attr_dict", "dispatch_mixed", "error", "keyword_flag", "mixed_list", "parse_mixed", "print_mixed",
           "segments", "static_list", "verify_dynamic_count", "verify_mixed"]
