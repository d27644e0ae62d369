"""The tensor dialect (mlir/docs/Dialects/TensorOps.md): creating, slicing, padding, reshaping and reading
immutable tensor values.

Op names, operand/property names, custom syntax and generic syntax are MLIR's, so text moves between mlir-py and
``mlir-opt``. Offsets, sizes, strides and padding amounts are MLIR's mixed static/dynamic lists
(:mod:`dialects._mixed`): ``%t[0, %i] [4, 4] [1, 1]`` in custom syntax, ``static_offsets = array<i64: 0,
-9223372036854775808>`` plus ``index`` operands in generic syntax. Result shapes are inferred and verified as in
mlir/lib/Dialect/Tensor/IR/TensorOps.cpp (shape arithmetic in :mod:`dialects._shape`, shared with memref).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mlir_py.attributes import (
    DYNAMIC,
    Attribute,
    DenseElementsAttr,
    FloatType,
    IndexType,
    IntegerAttr,
    IntegerType,
    RankedTensorType,
    Type,
    UnitAttr,
    UnrankedTensorType,
    element_type,
    index,
)
from mlir_py.dialect import Dialect
from mlir_py.interfaces import RecursiveMemoryEffects
from mlir_py.ir import Block, Operation, Region, Value
from mlir_py.ir import OpT as _OpT
from mlir_py.opdef import (
    AnyType,
    Constraint,
    HasParent,
    IsTerminator,
    Op,
    Pure,
    ReturnLike,
    SingleBlock,
    isa,
    operand,
    prop,
    region_def,
    result_def,
    var_operand,
)
from mlir_py.rewrite import FunctionPattern, PatternRewriter, constant_value, rewrite_pattern

from . import _shape as sh
from ._mixed import (
    MIXED_LIST,
    MIXED_RULES,
    AnyRankedTensor,
    AnyStaticShapeTensor,
    AnyTensor,
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
    infer_element_types,
    keyword_flag,
    mixed_list,
    parse_mixed,
    print_mixed,
    print_slice_lists,
    segments,
    static_list,
)
from .arith import _scalar_attr

AnyNon0RankedOrUnrankedTensor = Constraint(
    lambda t: isinstance(t, UnrankedTensorType) or isinstance(t, RankedTensorType) and t.rank > 0,
    "non-0-ranked or unranked tensor")
Index1DTensor = Constraint(lambda t: isinstance(t, RankedTensorType) and t.rank == 1 and isinstance(
    t.element_type, (IndexType, IntegerType)), "1D tensor of signless integer or index values")


def _ranked(t: Type) -> RankedTensorType:
    assert isinstance(t, RankedTensorType)
    return t


class _HasParent(HasParent):
    """``HasParent`` with MLIR's wording for several parents (``'a, b'``)."""

    def verify(self, op: Operation) -> None:
        p = op.parent_op
        if p is None or p.name not in self.parents:
            raise op.emit_error(f"expects parent op to be one of '{', '.join(self.parents)}'")


# ---------------------------------------------------------------------------------------------------------------
# construction
# ---------------------------------------------------------------------------------------------------------------


class EmptyOp(Op, name="tensor.empty", traits=[Pure()]):
    """An uninitialized tensor: only its shape is meaningful (destination of destination-passing ops).

    Operands: one ``index`` per dynamic dimension of the result, in order.
    Errors: a dynamic-size count differing from the result's dynamic dimensions."""

    dynamicSizes = var_operand(Index)
    result = result_def(AnyRankedTensor)
    assembly_format = "`(`$dynamicSizes`)` attr-dict `:` type($result)"

    @classmethod
    def build_empty(cls, sizes: Sequence[Mixed], element: Type, location: Any = None) -> EmptyOp:
        """``tensor.empty`` of the given sizes (ints static, Values dynamic)."""
        values, static = dispatch_mixed(sizes)
        op: EmptyOp = cls.create(values, [RankedTensorType(static.values, element)], location=location)
        return op

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        index_types(types, names, "dynamicSizes")

    def verify_(self) -> None:
        n = sh.num_dynamic_dims(self.result.type)
        if self.num_operands != n:
            raise self.emit_error(f"incorrect number of dynamic sizes, has {self.num_operands}, expected {n}")

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [ReplaceEmptyTensorStaticShapeDims]


class FromElementsOp(Op, name="tensor.from_elements", traits=[Pure()]):
    """A static-shape tensor from its elements in row-major order.

    Syntax: ``tensor.from_elements %a, %b : tensor<2xf32>`` (one operand per element).
    Errors: element count or type differing from the result type."""

    elements = var_operand(AnyType)
    result = result_def(AnyStaticShapeTensor)
    assembly_format = "$elements attr-dict `:` type($result)"

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        r = types.get("result")
        if r:
            n, t = len(names.get("elements", ())), r[0]
            if isinstance(t, RankedTensorType) and t.has_static_shape and n != t.num_elements:
                raise st.error(f"custom op '{cls.OPERATION_NAME}' number of operands and types do not match: got {n} "
                               f"operands and {t.num_elements} types", None)
            types["elements"] = [element_type(t)] * n

    def asm_result_names(self) -> list[str]:
        return ["from_elements"]

    def verify_(self) -> None:
        t = _ranked(self.result.type)
        if self.num_operands != t.num_elements or any(x != t.element_type for x in self.operand_types):
            raise self.emit_error("failed to verify that operand types match result element type")


class SplatOp(Op, name="tensor.splat", traits=[Pure()]):
    """A tensor with every element equal to ``input``; dynamic dimensions take their sizes from ``dynamicSizes``.

    Syntax: ``tensor.splat %v : tensor<4xf32>``, ``tensor.splat %v[%n] : tensor<?x4xf32>``.
    Errors: ``input`` not of the element type; a dynamic-size count differing from the dynamic dimensions."""

    input = operand(AnyType)
    dynamicSizes = var_operand(Index)
    aggregate = result_def(AnyRankedTensor)
    assembly_format = "$input (`[` $dynamicSizes^ `]`)? attr-dict `:` type($aggregate)"

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        infer_element_types(types, names, "aggregate", ["input"], ["dynamicSizes"])

    def asm_result_names(self) -> list[str]:
        return ["splat"]

    def verify_(self) -> None:
        t = self.aggregate.type
        if self.input.type != element_type(t):
            raise self.emit_error("failed to verify that operand type matches element type of result")
        n = sh.num_dynamic_dims(t)
        if len(self.dynamicSizes) != n:
            raise self.emit_error(f"incorrect number of dynamic sizes, has {len(self.dynamicSizes)}, expected {n}")


class GenerateOp(Op, name="tensor.generate", traits=[SingleBlock(), RecursiveMemoryEffects()]):
    """A tensor whose element at ``(i0, ..., iN)`` is the value yielded by ``body`` for the index arguments
    ``(i0, ..., iN)``; dynamic extents are the operands, in order.

    Errors: an extent count differing from the dynamic dimensions; body arguments not one ``index`` per
    dimension; a yielded value not of the element type."""

    dynamicExtents = var_operand(Index)
    result = result_def(AnyRankedTensor)
    body = region_def(single_block=True)
    assembly_format = "$dynamicExtents $body attr-dict `:` type($result)"

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        index_types(types, names, "dynamicExtents")

    def asm_result_names(self) -> list[str]:
        return ["generated"]

    def verify_(self) -> None:
        t = _ranked(self.result.type)
        if self.num_operands != sh.num_dynamic_dims(t):
            raise self.emit_error(f"incorrect number of dynamic sizes, has {self.num_operands}, expected "
                                  f"{sh.num_dynamic_dims(t)}")
        blocks = self.regions[0].blocks
        if not blocks:
            return
        args = blocks[0].args
        if not all(isinstance(a.type, IndexType) for a in args):
            raise error(self, "all body arguments must be index")
        if len(args) != t.rank:
            raise error(self, "must have one body argument per input dimension")
        y = blocks[0].last_op
        if isinstance(y, YieldOp) and y.value.type != t.element_type:
            raise self.emit_error("body must be terminated with a `yield` operation of the tensor element type")


class YieldOp(Op, name="tensor.yield", traits=[Pure(), _HasParent("tensor.generate", "tensor.pad"), ReturnLike(),
                                                IsTerminator()]):
    """Terminator of ``tensor.generate`` and ``tensor.pad`` bodies: the element value at the block's indices."""

    value = operand(AnyType)
    assembly_format = "$value attr-dict `:` type($value)"


# ---------------------------------------------------------------------------------------------------------------
# element access
# ---------------------------------------------------------------------------------------------------------------


class ExtractOp(Op, name="tensor.extract", traits=[Pure()]):
    """The element of ``tensor`` at ``indices`` (one ``index`` per dimension; out of bounds is undefined).

    Errors: an index count differing from the rank."""

    tensor = operand(AnyRankedTensor)
    indices = var_operand(Index)
    result = result_def(AnyType)
    assembly_format = "$tensor `[` $indices `]` attr-dict `:` type($tensor)"

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        infer_element_types(types, names, "tensor", ["result"], ["indices"])

    def asm_result_names(self) -> list[str]:
        return ["extracted"]

    def verify_(self) -> None:
        t = _ranked(self.tensor.type)
        if self.result.type != t.element_type:
            raise self.emit_error("failed to verify that result type matches element type of tensor")
        if len(self.indices) != t.rank:
            raise self.emit_error("incorrect number of indices for extract_element")

    def fold(self, operands: list[Attribute | None]) -> list[Any] | None:
        """A splat constant -> its element; at constant indices, ``tensor.from_elements`` -> the operand at the
        row-major position, a dense constant -> its element (MLIR's ``ExtractOp::fold``)."""
        c, et = operands[0], self.result.type
        if isinstance(c, DenseElementsAttr) and c.is_splat:
            a = _element_attr(et, c.array)
            return [a] if a is not None else None
        idx = [_int(a) for a in operands[1:]]
        if any(i is None for i in idx):
            return None
        shape = _ranked(self.tensor.type).shape
        if not all(0 <= i < d for i, d in zip(idx, shape)):  # type: ignore[operator]
            return None
        fe = _defining(self.tensor, FromElementsOp)
        if fe is not None:
            flat = 0
            for i, d in zip(idx, shape):
                flat = flat * d + i  # type: ignore[operator]
            return [fe.operand(flat)] if flat < fe.num_operands else None
        if isinstance(c, DenseElementsAttr):
            a = _element_attr(et, c.values()[tuple(idx)])
            return [a] if a is not None else None
        return None

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [ExtractFromTensorCast]


class InsertOp(Op, name="tensor.insert", traits=[Pure()]):
    """``dest`` with the element at ``indices`` replaced by ``scalar`` (a new tensor value).

    Errors: an index count differing from the rank; ``scalar`` not of the element type."""

    scalar = operand(AnyType)
    dest = operand(AnyRankedTensor)
    indices = var_operand(Index)
    result = result_def(AnyRankedTensor)
    assembly_format = "$scalar `into` $dest `[` $indices `]` attr-dict `:` type($dest)"

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        if types.get("dest"):
            types["result"] = types["dest"][:1]
        infer_element_types(types, names, "dest", ["scalar"], ["indices"])

    def asm_result_names(self) -> list[str]:
        return ["inserted"]

    def verify_(self) -> None:
        t = _ranked(self.dest.type)
        if self.result.type != t:
            raise self.emit_error("failed to verify that result type matches type of dest")
        if self.scalar.type != t.element_type:
            raise self.emit_error("failed to verify that scalar type matches element type of dest")
        if len(self.indices) != t.rank:
            raise self.emit_error("incorrect number of indices")


class DimOp(DimOpBase, name="tensor.dim", traits=[Pure()]):
    """The size of dimension ``index`` of ``source`` (out of range is undefined, not an error, as in MLIR)."""

    source = operand(AnyNon0RankedOrUnrankedTensor)
    index = operand(Index)
    result = result_def(Index)

    def fold(self, operands: list[Attribute | None]) -> list[Any] | None:
        """A static dimension -> its size; a dynamic one -> the size operand of ``tensor.empty``, the extent operand
        of ``tensor.generate`` or the size operand of a non-rank-reducing ``tensor.extract_slice``; else read
        through a foldable ``tensor.cast`` in place (MLIR's ``DimOp::fold``; the ``tensor.empty`` case is MLIR's
        ``FoldEmptyTensorWithDimOp`` pattern)."""
        i, t = _int(operands[1]), self.source.type
        if i is None or not isinstance(t, RankedTensorType) or not 0 <= i < t.rank:
            return None
        if t.shape[i] != DYNAMIC:
            return [IntegerAttr(t.shape[i], index)]
        d = self.source.defining_op
        if isinstance(d, (EmptyOp, GenerateOp)):
            return [d.operand(sum(1 for s in t.shape[:i] if s == DYNAMIC))]
        if isinstance(d, ExtractSliceOp) and _ranked(d.source.type).rank == t.rank and d.static_sizes[i] == DYNAMIC:
            return [d.sizes[sum(1 for s in d.static_sizes[:i] if s == DYNAMIC)]]
        return list(self.results) if fold_tensor_cast(self) else None

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [DimOfCastOp]


class RankOp(Op, name="tensor.rank", traits=[Pure()]):
    """The rank of ``tensor`` as an ``index``."""

    tensor = operand(AnyTensor)
    result = result_def(Index)
    assembly_format = "$tensor attr-dict `:` type($tensor)"

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        types["result"] = [index]

    def asm_result_names(self) -> list[str]:
        return ["rank"]


# ---------------------------------------------------------------------------------------------------------------
# casts and reshapes
# ---------------------------------------------------------------------------------------------------------------


class CastOp(Op, name="tensor.cast", traits=[Pure()]):
    """The same tensor with more or less static shape information (``tensor<4x?xf32>`` to ``tensor<?x8xf32>``).

    Errors: different element types, or shapes that cannot both hold (MLIR's ``verifyCompatibleShape``)."""

    source = operand(AnyTensor)
    dest = result_def(AnyTensor)
    assembly_format = "$source attr-dict `:` type($source) `to` type($dest)"

    def asm_result_names(self) -> list[str]:
        return ["cast"]

    def fold(self, operands: list[Attribute | None]) -> list[Any] | None:
        """A cast to the same type is its source. (A cast back through a chain, ``cast(cast(x : A -> B) : B -> A)``,
        is left to ``ChainedTensorCast``: it folds only when B is no more static than A, since dropping a cast to a
        more static type drops a run-time check, as in MLIR.)"""
        return [self.source] if self.source.type == self.dest.type else None

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [ChainedTensorCast]

    def verify_(self) -> None:
        a, b = self.source.type, self.dest.type
        if element_type(a) != element_type(b) or not sh.compatible_shapes(a, b):
            raise self.emit_error(f"operand type '{a}' and result type '{b}' are cast incompatible")


class BitcastOp(Op, name="tensor.bitcast", traits=[Pure()]):
    """The same bits as a tensor of another element type of equal bit width (shapes must be compatible)."""

    source = operand(AnyTensor)
    dest = result_def(AnyTensor)
    assembly_format = "$source attr-dict `:` type($source) `to` type($dest)"

    def verify_(self) -> None:
        a, b = self.source.type, self.dest.type
        ea, eb = element_type(a), element_type(b)
        wa = getattr(ea, "width", 64 if isinstance(ea, IndexType) else None)
        wb = getattr(eb, "width", 64 if isinstance(eb, IndexType) else None)
        if not sh.compatible_shapes(a, b) or wa is None or wa != wb or not isinstance(
                ea, (IntegerType, FloatType)) or not isinstance(eb, (IntegerType, FloatType)):
            raise self.emit_error(f"operand type '{a}' and result type '{b}' are cast incompatible")


class ReshapeOp(Op, name="tensor.reshape", traits=[Pure()]):
    """``source``'s elements (row-major) in the shape given by the 1-D ``shape`` tensor.

    Errors: element types differing; static element counts differing; a ``shape`` length differing from the
    ranked result's rank (or dynamic)."""

    source = operand(AnyTensor)
    shape = operand(Index1DTensor)
    result = result_def(AnyTensor)
    assembly_format = "$source `(` $shape `)` attr-dict `:` functional-type(operands, results)"

    def asm_result_names(self) -> list[str]:
        return ["reshape"]

    def verify_(self) -> None:
        src, res = self.source.type, self.result.type
        if element_type(src) != element_type(res):
            raise self.emit_error("element types of source and destination tensor types should be the same")
        n = _ranked(self.shape.type).shape[0]
        if isinstance(res, RankedTensorType):
            if isinstance(src, RankedTensorType) and src.has_static_shape and res.has_static_shape and \
                    src.num_elements != res.num_elements:
                raise self.emit_error("source and destination tensor should have the same number of elements")
            if n == DYNAMIC:
                raise self.emit_error("cannot use shape operand with dynamic length to reshape to statically-ranked "
                                      "tensor type")
            if n != res.rank:
                raise self.emit_error("length of shape operand differs from the result's tensor rank")


def _verify_reshape(op: Op, expanded: RankedTensorType, collapsed: RankedTensorType) -> None:
    """MLIR's ``verifyTensorReshapeOp`` (``verifyReshapeLikeTypes`` and the inferred collapsed type)."""
    groups = sh.reassociation_groups(op.properties.get("reassociation")) or []
    if expanded.rank < collapsed.rank:
        raise op.emit_error(f"expected the expanded type, '{expanded}' to have a higher (or same) rank than the "
                            f"collapsed type, '{collapsed}'.")
    if collapsed.rank != len(groups):
        raise op.emit_error(f"expected collapsed rank ({collapsed.rank}) to equal the number of reassociation maps "
                            f"({len(groups)}).")
    bad = sh.invalid_reassociation(groups, expanded.rank)
    if bad is not None:
        raise op.emit_error(f"expected reassociation map #{bad} to be valid and contiguous.")
    msg = sh.reshape_like_error(collapsed.shape, expanded.shape, groups)
    if msg is not None:
        raise op.emit_error(msg)
    expected = RankedTensorType(sh.collapsed_shape(expanded.shape, groups), expanded.element_type)
    if RankedTensorType(collapsed.shape, collapsed.element_type) != expected:
        raise op.emit_error(f"expected collapsed type to be '{expected}', but got '{collapsed}'")


class CollapseShapeOp(Op, name="tensor.collapse_shape", traits=[Pure()]):
    """``src`` with each group of consecutive dimensions of ``reassociation`` merged into one.

    Syntax: ``tensor.collapse_shape %t [[0, 1], [2]] : tensor<2x3x4xf32> into tensor<6x4xf32>``.
    Errors: groups not contiguous or not covering the source dims; a collapsed size not the product of its group
    (dynamic if any size in the group is)."""

    src = operand(AnyRankedTensor)
    reassociation = prop(Reassociation)
    result = result_def(AnyRankedTensor)
    assembly_format = "$src $reassociation attr-dict `:` type($src) `into` type($result)"

    def asm_result_names(self) -> list[str]:
        return ["collapsed"]

    @classmethod
    def build_collapse(cls, src: Value, groups: Sequence[Sequence[int]], location: Any = None) -> CollapseShapeOp:
        """Collapse ``src`` by ``groups``; the result type is inferred (MLIR's ``inferCollapsedType``)."""
        t = _ranked(src.type)
        res = RankedTensorType(sh.collapsed_shape(t.shape, groups), t.element_type)
        op: CollapseShapeOp = cls.create([src], [res], {"reassociation": sh.reassociation_attr(groups)},
                                         location=location)
        return op

    def verify_(self) -> None:
        _verify_reshape(self, _ranked(self.src.type), _ranked(self.result.type))

    def fold(self, operands: list[Attribute | None]) -> list[Any] | None:
        return _fold_reshape(self, operands, ExpandShapeOp)

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [FunctionPattern(_compose_reshapes, "tensor.collapse_shape", name="ComposeReassociativeReshapeOps")]


class ExpandShapeOp(ExpandShapeBase, name="tensor.expand_shape", traits=[Pure()]):
    """``src`` with each dimension split into the group of ``reassociation``; ``output_shape`` gives every result
    size (static or dynamic).

    Syntax: ``tensor.expand_shape %t [[0, 1], [2]] output_shape [%n, 4, 8] : tensor<?x8xf32> into
    tensor<?x4x8xf32>``.
    Errors: as ``collapse_shape``; an ``output_shape`` that disagrees with the static result sizes."""

    src = operand(AnyRankedTensor)
    output_shape = var_operand(Index)
    reassociation = prop(Reassociation)
    static_output_shape = prop(I64Array)
    result = result_def(AnyRankedTensor)
    custom_grammar = f'VALUE_ID attribute "output_shape" {MIXED_LIST} [attr_dict] ":" type "into" type'
    custom_rules = MIXED_RULES

    @classmethod
    def build_expand(cls, src: Value, groups: Sequence[Sequence[int]], output_shape: Sequence[Mixed],
                     location: Any = None) -> ExpandShapeOp:
        """Expand ``src`` by ``groups`` to ``output_shape`` (ints static, Values dynamic)."""
        values, static = dispatch_mixed(output_shape)
        res = RankedTensorType(static.values, _ranked(src.type).element_type)
        op: ExpandShapeOp = cls.create_expand(src, groups, values, static, res, location)
        return op

    def asm_result_names(self) -> list[str]:
        return ["expanded"]

    def verify_(self) -> None:
        res = _ranked(self.result.type)
        self.verify_output_shape_counts(res.rank, "dims")
        _verify_reshape(self, res, _ranked(self.src.type))
        self.verify_output_shape_values(res.shape)

    def fold(self, operands: list[Attribute | None]) -> list[Any] | None:
        return _fold_reshape(self, operands, CollapseShapeOp)

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [FunctionPattern(_compose_reshapes, "tensor.expand_shape", name="ComposeReassociativeReshapeOps")]


# ---------------------------------------------------------------------------------------------------------------
# slices
# ---------------------------------------------------------------------------------------------------------------


def slice_result_type(source: RankedTensorType, sizes: tuple[int, ...]) -> RankedTensorType:
    """MLIR's ``ExtractSliceOp::inferResultType``: the static sizes, source element type (no rank reduction)."""
    return RankedTensorType(sizes, source.element_type, source.encoding)


class ExtractSliceOp(OffsetsSizesStridesOp, name="tensor.extract_slice", traits=[Pure()]):
    """The strided slice of ``source`` at ``offsets`` with ``sizes`` and ``strides`` (one entry per source dim).

    The result shape is ``sizes``, optionally rank-reduced by dropping unit dimensions.
    Syntax: ``tensor.extract_slice %t[0, %i] [4, 1] [1, 1] : tensor<8x16xf32> to tensor<4xf32>``.
    Errors: a result that is not the sizes' type or a rank reduction of it; a static slice out of bounds."""

    source = operand(AnyRankedTensor)
    offsets = var_operand(Index)
    sizes = var_operand(Index)
    strides = var_operand(Index)
    static_offsets_ = prop(I64Array, attr_name="static_offsets")
    static_sizes_ = prop(I64Array, attr_name="static_sizes")
    static_strides_ = prop(I64Array, attr_name="static_strides")
    result = result_def(AnyRankedTensor)
    custom_grammar = f'VALUE_ID {MIXED_LIST} {MIXED_LIST} {MIXED_LIST} [attr_dict] ":" type "to" type'
    custom_rules = MIXED_RULES

    @classmethod
    def build_slice(cls, source: Value, offsets: Sequence[Mixed], sizes: Sequence[Mixed], strides: Sequence[Mixed],
                    result_type: RankedTensorType | None = None, location: Any = None) -> ExtractSliceOp:
        """A slice of ``source`` (entries: ints static, Values dynamic); the result type is inferred from the sizes
        unless a (rank-reduced) ``result_type`` is given."""
        vals, counts, props = dispatch_slice_lists(offsets, sizes, strides)
        props["operandSegmentSizes"] = segments(1, *counts)
        rt = result_type or slice_result_type(_ranked(source.type), props["static_sizes"].values)  # type: ignore
        op: ExtractSliceOp = cls.create([source, *vals], [rt], props, location=location)
        return op

    def asm_result_names(self) -> list[str]:
        return ["extracted_slice"]

    def _max_ranks(self) -> tuple[int, int, int]:
        r = _ranked(self.source.type).rank
        return r, r, r

    def verify_(self) -> None:
        self.verify_offsets_sizes_strides()
        src = _ranked(self.source.type)
        expected = slice_result_type(src, self.static_sizes)
        res = sh.is_rank_reduced_type(expected, _ranked(self.result.type))
        if res != sh.SUCCESS:
            raise error(self, sh.slice_error(res, expected))
        msg = sh.in_bounds_slice(src.shape, self.static_offsets, self.static_sizes, self.static_strides)
        if msg is not None:
            raise error(self, msg)

    def fold(self, operands: list[Attribute | None]) -> list[Any] | None:
        return _fold_extract_slice(self, operands)

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [ExtractSliceConstantArgumentFolder, ExtractSliceOpCastFolder]


class _InsertSliceLike(OffsetsSizesStridesOp):
    """Fields, builder and verification shared by ``insert_slice`` and ``parallel_insert_slice``."""

    __slots__ = ()
    source = operand(AnyRankedTensor)
    dest = operand(AnyRankedTensor)
    offsets = var_operand(Index)
    sizes = var_operand(Index)
    strides = var_operand(Index)
    static_offsets_ = prop(I64Array, attr_name="static_offsets")
    static_sizes_ = prop(I64Array, attr_name="static_sizes")
    static_strides_ = prop(I64Array, attr_name="static_strides")
    custom_grammar = (f'VALUE_ID "into" VALUE_ID {MIXED_LIST} {MIXED_LIST} {MIXED_LIST} [attr_dict] ":" type '
                      '"into" type')
    custom_rules = MIXED_RULES

    @classmethod
    def build_insert_slice(cls, source: Value, dest: Value, offsets: Sequence[Mixed], sizes: Sequence[Mixed],
                           strides: Sequence[Mixed], location: Any = None) -> Any:
        """Insert ``source`` into ``dest`` at the slice (entries: ints static, Values dynamic)."""
        vals, counts, props = dispatch_slice_lists(offsets, sizes, strides)
        props["operandSegmentSizes"] = segments(1, 1, *counts)
        return cls.create([source, dest, *vals], [dest.type][:len(cls.result_defs)], props, location=location)

    def _max_ranks(self) -> tuple[int, int, int]:
        r = _ranked(self.dest.type).rank
        return r, r, r

    def verify_insert(self) -> None:
        """MLIR's ``verifyInsertSliceOp`` (the inverse of extract_slice's inference) and the bounds check."""
        self.verify_offsets_sizes_strides()
        dst = _ranked(self.dest.type)
        expected = slice_result_type(dst, self.static_sizes)
        res = sh.is_rank_reduced_type(expected, _ranked(self.source.type))
        if res != sh.SUCCESS:
            raise error(self, sh.slice_error(res, expected))
        msg = sh.in_bounds_slice(dst.shape, self.static_offsets, self.static_sizes, self.static_strides)
        if msg is not None:
            raise error(self, msg)


class InsertSliceOp(_InsertSliceLike, name="tensor.insert_slice", traits=[Pure()]):
    """``dest`` with the strided slice at ``offsets``/``sizes``/``strides`` replaced by ``source`` (the inverse
    of ``extract_slice``; ``source`` may be a rank reduction of the sizes).

    Syntax: ``tensor.insert_slice %s into %d[0, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x8xf32>``.
    Errors: ``source`` not the sizes' type or a rank reduction of it; a static slice out of bounds."""

    result = result_def(AnyRankedTensor)

    def asm_result_names(self) -> list[str]:
        return ["inserted_slice"]

    def verify_(self) -> None:
        if self.result.type != self.dest.type:
            raise self.emit_error("failed to verify that all of {dest, result} have same type")
        self.verify_insert()

    def fold(self, operands: list[Attribute | None]) -> list[Any] | None:
        return _fold_insert_slice(self)

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [InsertSliceConstantArgumentFolder, InsertSliceOpCastFolder]


class ParallelInsertSliceOp(_InsertSliceLike, name="tensor.parallel_insert_slice"):
    """Inside ``scf.forall.in_parallel``: insert ``source`` into the shared output ``dest`` at the slice; the
    ``scf.forall`` result is ``dest`` after all threads' insertions (no result of its own).

    Syntax: ``tensor.parallel_insert_slice %s into %o[%i, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<8x16xf32>``.
    Errors: a parent other than an ``scf.forall.in_parallel``; slice errors as ``tensor.insert_slice``."""

    def get_updated_destinations(self) -> list[Any]:
        """MLIR's ``ParallelCombiningOpInterface``: the ``dest`` operand (a ``shared_outs`` block argument)."""
        return [self.op_operands[1]]

    def verify_(self) -> None:
        parent = self.parent_op
        if parent is None or parent.name != "scf.forall.in_parallel":
            from mlir_py.printer import print_op

            got = print_op(parent, generic=True).rstrip("\n") if parent is not None else "<no parent>"
            raise error(self, f"expected InParallelOpInterface parent, got:\n{got}")
        self.verify_insert()


def pad_result_type(source: RankedTensorType, low: tuple[int, ...], high: tuple[int, ...]) -> RankedTensorType | None:
    """MLIR's ``PadOp::inferResultType``: ``size + low + high`` per dim, dynamic if any of them is."""
    if len(low) != source.rank or len(high) != source.rank:
        return None
    shape = [DYNAMIC if DYNAMIC in (d, lo, hi) else d + lo + hi for d, lo, hi in zip(source.shape, low, high)]
    return RankedTensorType(shape, source.element_type)


class PadOp(Op, name="tensor.pad", traits=[Pure(), SingleBlock()]):
    """``source`` padded with ``low[i]`` elements before and ``high[i]`` after each dimension ``i``; each padding
    element is the value the region yields for its indices (``tensor.yield``). ``nofold`` keeps an otherwise
    foldable pad (a copy).

    Syntax: ``tensor.pad %t nofold low[1, %i] high[2, 3] { ^bb0(%a: index, %b: index): tensor.yield %v : f32 }
    : tensor<8x16xf32> to tensor<11x?xf32>``.
    Errors: a result shape disagreeing with the inferred static sizes; block arguments not one ``index`` per
    dimension; a yielded value not of the element type."""

    source = operand(AnyRankedTensor)
    low = var_operand(Index)
    high = var_operand(Index)
    static_low = prop(I64Array)
    static_high = prop(I64Array)
    nofold = prop(isa(UnitAttr, description="unit attribute"), optional=True)
    result = result_def(AnyRankedTensor)
    region = region_def(single_block=True)
    custom_grammar = (f'VALUE_ID [kw_nofold] "low" {MIXED_LIST} "high" {MIXED_LIST} region [attr_dict] ":" type '
                      '"to" type')
    custom_rules = {**MIXED_RULES, **keyword_flag("nofold")}

    @classmethod
    def build_pad(cls, source: Value, low: Sequence[Mixed], high: Sequence[Mixed], padding: Value,
                  nofold: bool = False, location: Any = None) -> PadOp:
        """Pad ``source`` with the constant ``padding`` value; the result type is inferred (MLIR's
        ``PadOp::inferResultType``) and the region yields ``padding``."""
        (lv, la), (hv, ha) = dispatch_mixed(low), dispatch_mixed(high)
        src = _ranked(source.type)
        res = pad_result_type(src, la.values, ha.values)
        assert res is not None, "low/high must have one entry per source dimension"
        props: dict[str, Attribute] = {"static_low": la, "static_high": ha,
                                       "operandSegmentSizes": segments(1, len(lv), len(hv))}
        if nofold:
            props["nofold"] = UnitAttr()
        region = Region()
        region.add_block(Block([index] * src.rank)).append(YieldOp.create([padding]))
        op: PadOp = cls.create([source, *lv, *hv], [res], props, regions=[region], location=location)
        return op

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> PadOp:
        src, nofold, low, high, region, attrs, srct, rt = c
        lv, la = parse_mixed(low, st)
        hv, ha = parse_mixed(high, st)
        props: dict[str, Attribute] = {"static_low": la, "static_high": ha, "operandSegmentSizes": segments(
            1, len(lv), len(hv))}
        if nofold:
            props["nofold"] = UnitAttr()
        op: PadOp = cls.create([st.use(src, srct), *lv, *hv], [rt], props, check_attr_dict(cls, attrs, st, kw),
                               [region], location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        nofold = " nofold" if "nofold" in self.properties else ""
        return (f"{p.op_name(self)} {p.value(self.source)}{nofold} low"
                f"{print_mixed(p, static_list(self, 'static_low'), self.low)} high"
                f"{print_mixed(p, static_list(self, 'static_high'), self.high)} {p.region(self.regions[0])}"
                f"{attr_dict_suffix(p, self)} : {p.type(self.source.type)} to {p.type(self.result.type)}")

    def asm_result_names(self) -> list[str]:
        return ["padded"]

    @property
    def mixed_low(self) -> list[Any]:
        return mixed_list(static_list(self, "static_low"), self.low)

    @property
    def mixed_high(self) -> list[Any]:
        return mixed_list(static_list(self, "static_high"), self.high)

    def verify_(self) -> None:
        src, res = _ranked(self.source.type), _ranked(self.result.type)
        low, high = static_list(self, "static_low"), static_list(self, "static_high")
        expected = pad_result_type(src, low, high)
        if expected is None:
            raise error(self, f"failed to infer expectedType from sourceType '{src}', specified resultType is '{res}'")
        if res.rank != expected.rank or any(r != e and e != DYNAMIC for r, e in zip(res.shape, expected.shape)):
            raise error(self, f"specified type '{res}' does not match the inferred type '{expected}'")
        blocks = self.regions[0].blocks
        if not blocks:
            return
        args = blocks[0].args
        if len(args) != res.rank:
            raise error(self, f"expected the block to have {res.rank} arguments")
        for i, a in enumerate(args):
            if not isinstance(a.type, IndexType):
                raise self.emit_error(f"expected block argument {i + 1} to be an index")
        y = blocks[0].last_op
        if isinstance(y, YieldOp) and y.value.type != res.element_type:
            raise self.emit_error("expected yield type to match shape element type")


class ConcatOp(Op, name="tensor.concat", traits=[Pure()]):
    """The concatenation of ``inputs`` along dimension ``dim``; other dimensions must agree.

    Syntax: ``tensor.concat dim(0) %a, %b : (tensor<2x4xf32>, tensor<3x4xf32>) -> tensor<5x4xf32>``.
    Errors: no inputs; ranks or element types differing; ``dim`` out of range; static sizes that disagree."""

    dim = prop(IntLiteral())
    inputs = var_operand(AnyRankedTensor)
    result = result_def(AnyRankedTensor)
    assembly_format = "`dim` `(` $dim `)` $inputs attr-dict `:` functional-type(operands, results)"

    def asm_result_names(self) -> list[str]:
        return ["concat"]

    def verify_(self) -> None:
        ins = [_ranked(t) for t in self.operand_types]
        res = _ranked(self.result.type)
        if not ins:
            raise self.emit_error("requires at least one input")
        if any(t.rank != res.rank for t in ins):
            raise self.emit_error("rank of concatenated inputs must match result rank")
        if any(t.element_type != res.element_type for t in ins):
            raise self.emit_error("inputs and result element type must match")
        dim = self.properties["dim"].value  # type: ignore[attr-defined]
        if dim >= res.rank:
            raise self.emit_error("concatenation dim must be less than the tensor rank")
        sizes = [0] * res.rank
        for i in range(res.rank):
            if i == dim:
                continue
            size = DYNAMIC
            for t in ins:
                d = t.shape[i]
                if size != DYNAMIC and d != DYNAMIC and d != size:
                    raise self.emit_error(f"static concatenation size mismatch along non-concatenated dimension {i}")
                if d != DYNAMIC:
                    size = d
            sizes[i] = size
        total = 0
        for t in ins:
            total = sh.sat_add(total, t.shape[dim])
        sizes[dim] = total
        inferred = RankedTensorType(sizes, ins[0].element_type)
        for a, b in zip(sizes, res.shape):
            if a != DYNAMIC and b != DYNAMIC and a != b:
                raise self.emit_error(f"result type '{res}'does not match inferred shape '{inferred}' static sizes")


# ---------------------------------------------------------------------------------------------------------------
# canonicalization (mlir/lib/Dialect/Tensor/IR/TensorOps.cpp); the fold() hooks sit on the ops above
# ---------------------------------------------------------------------------------------------------------------


def _defining(v: Value, cls: type[_OpT]) -> _OpT | None:
    op = getattr(v, "op", None)
    return op if isinstance(op, cls) else None


def _int(a: Attribute | None) -> int | None:
    return a.value if isinstance(a, IntegerAttr) else None


def _element_attr(t: Type, v: Any) -> Attribute | None:
    """One element of a dense constant as an ``IntegerAttr``/``FloatAttr`` of ``t`` (``None`` for other element
    types, e.g. complex, which are not folded)."""
    if not isinstance(t, (IntegerType, IndexType, FloatType)):
        return None
    v = v.item() if hasattr(v, "item") else v
    return _scalar_attr(t, int(v) if isinstance(v, bool) else v)


def preserves_static_information(source: Type, target: Type) -> bool:
    """MLIR's ``tensor::preservesStaticInformation``: both ranked with equal element type, rank and encoding, and
    ``target`` static wherever ``source`` is."""
    if not isinstance(source, RankedTensorType) or not isinstance(target, RankedTensorType):
        return False
    if (source.element_type, source.rank, source.encoding) != (target.element_type, target.rank, target.encoding):
        return False
    return all(s == DYNAMIC or t != DYNAMIC for s, t in zip(source.shape, target.shape))


def foldable_cast_source(v: Value) -> Value | None:
    """The source of the ``tensor.cast`` defining ``v`` when that cast only drops static information, so that a
    consumer may read the source instead (MLIR's ``tensor::canFoldIntoConsumerOp``); else ``None``."""
    cast = _defining(v, CastOp)
    if cast is not None and preserves_static_information(cast.dest.type, cast.source.type):
        return cast.source
    return None


def fold_tensor_cast(op: Operation) -> bool:
    """Make each operand of ``op`` defined by a foldable ``tensor.cast`` read the cast's source, in place (MLIR's
    ``tensor::foldTensorCast``, for consumers whose result type does not depend on the operand's). Returns whether
    an operand changed."""
    changed = False
    for o in op.op_operands:
        src = foldable_cast_source(o.value)
        if src is not None:
            o.set(src)
            changed = True
    return changed


def _join_shapes(a: Type, b: Type) -> Type | None:
    """MLIR's ``joinShapes``: the most static tensor type that both ``a`` and ``b`` may hold, ``None`` if they
    conflict (a cast between them would fail at run time)."""
    if isinstance(a, UnrankedTensorType):
        return b
    if isinstance(b, UnrankedTensorType):
        return a
    assert isinstance(a, RankedTensorType) and isinstance(b, RankedTensorType)
    if a.rank != b.rank:
        return None
    dims = []
    for x, y in zip(a.shape, b.shape):
        if x != DYNAMIC and y != DYNAMIC and x != y:
            return None
        dims.append(y if x == DYNAMIC else x)
    return RankedTensorType(dims, a.element_type)


@rewrite_pattern("tensor.cast")
def ChainedTensorCast(op: CastOp, rewriter: PatternRewriter) -> bool:
    """``cast(cast(x : A -> B) : B -> C)`` -> ``cast(x : A -> C)`` when dropping B loses no run-time check
    (joining A, B and C gives what joining A and C gives)."""
    inner = _defining(op.source, CastOp)
    if inner is None:
        return False
    a, b, c = inner.source.type, inner.dest.type, op.dest.type
    ab = _join_shapes(a, b)
    first = _join_shapes(ab, c) if ab is not None else None
    if first is None or first != _join_shapes(a, c):
        return False
    rewriter.replace_op_with_new_op(op, CastOp, [inner.source])
    return True


@rewrite_pattern("tensor.dim")
def DimOfCastOp(op: DimOp, rewriter: PatternRewriter) -> bool:
    """``dim(cast(x), i)`` -> ``dim(x, i)``."""
    cast = _defining(op.source, CastOp)
    if cast is None:
        return False
    rewriter.replace_op_with_new_op(op, DimOp, [cast.source, op.index])
    return True


@rewrite_pattern("tensor.empty")
def ReplaceEmptyTensorStaticShapeDims(op: EmptyOp, rewriter: PatternRewriter) -> bool:
    """``tensor.empty(%c4) : tensor<?xf32>`` with ``%c4`` a non-negative constant -> ``tensor.cast
    (tensor.empty() : tensor<4xf32>)`` (MLIR's ``foldDynamicToStaticDimSizes``)."""
    t = _ranked(op.result.type)
    shape, dyn = list(t.shape), iter(op.operands)
    kept: list[Value] = []
    for i, d in enumerate(t.shape):
        if d != DYNAMIC:
            continue
        v = next(dyn)
        c = _int(constant_value(v))
        if c is not None and c >= 0:
            shape[i] = c
        else:
            kept.append(v)
    if len(kept) == op.num_operands:
        return False
    new = rewriter.create(EmptyOp, kept, [RankedTensorType(shape, t.element_type, t.encoding)],
                          location=op.location)
    rewriter.replace_op_with_new_op(op, CastOp, [new.result])
    return True


@rewrite_pattern("tensor.extract")
def ExtractFromTensorCast(op: ExtractOp, rewriter: PatternRewriter) -> bool:
    """``extract(cast(x), idx)`` -> ``extract(x, idx)`` for a ranked ``x``."""
    cast = _defining(op.tensor, CastOp)
    if cast is None or not isinstance(cast.source.type, RankedTensorType):
        return False
    rewriter.replace_op_with_new_op(op, ExtractOp, [cast.source, *op.indices])
    return True


def _same_slice(a: OffsetsSizesStridesOp, b: OffsetsSizesStridesOp) -> bool:
    """Equal mixed offsets, sizes and strides (MLIR's ``isSameAs``: equal constants or the same value)."""
    def same(xs: list[Any], ys: list[Any]) -> bool:
        return len(xs) == len(ys) and all(x == y if isinstance(x, int) and isinstance(y, int) else x is y
                                          for x, y in zip(xs, ys))
    return (same(a.mixed_offsets, b.mixed_offsets) and same(a.mixed_sizes, b.mixed_sizes)
            and same(a.mixed_strides, b.mixed_strides))


def _is_identity_slice(op: OffsetsSizesStridesOp, shape: Sequence[int]) -> bool:
    """Zero offsets, unit strides and static sizes equal to ``shape`` (MLIR's
    ``foldIdentityOffsetSizeAndStrideOpInterface``)."""
    return (all(o == 0 for o in op.static_offsets) and all(s == 1 for s in op.static_strides)
            and tuple(op.static_sizes) == tuple(shape))


def _compose_reassociation(producer: list[list[int]], consumer: list[list[int]]) -> list[list[int]] | None:
    """MLIR's ``composeReassociationIndices``: the groups of two collapses (or two expansions) done at once."""
    if len(producer) == len(consumer):
        return None
    if len(producer) < len(consumer):
        producer, consumer = consumer, producer
    if consumer and sum(len(g) for g in consumer) != len(producer):
        return None
    return [[i for c in g for i in producer[c]] for g in consumer]


def _fold_reshape(op: CollapseShapeOp | ExpandShapeOp, operands: list[Attribute | None],
                  inverse: type[Op]) -> list[Any] | None:
    """MLIR's ``foldReshapeOp``: same type -> the source; a dense constant -> the reshaped constant; the inverse
    reshape of a value of the result type -> that value (with two or more dynamic dims only when both use the
    same reassociation and, for an expansion, nothing else is known)."""
    src, res = op.operand(0), op.results[0]
    if src.type == res.type:
        return [src]
    c = operands[0]
    if isinstance(c, DenseElementsAttr) and isinstance(res.type, RankedTensorType):
        return [DenseElementsAttr(res.type, c.values().reshape(res.type.shape))]
    prod = getattr(src, "op", None)
    if not isinstance(prod, inverse) or prod.operand(0).type != res.type:
        return None
    if sum(1 for d in _ranked(res.type).shape if d == DYNAMIC) < 2:
        return [prod.operand(0)]
    if isinstance(op, CollapseShapeOp) and prod.properties["reassociation"] == op.properties["reassociation"]:
        return [prod.operand(0)]
    return None


def _compose_reshapes(op: CollapseShapeOp | ExpandShapeOp, rewriter: PatternRewriter) -> bool:
    """``collapse(collapse(x))`` -> one ``collapse(x)``; ``expand(expand(x))`` -> one ``expand(x)`` with the
    outer output shape (MLIR's ``ComposeReassociativeReshapeOps``)."""
    prod = getattr(op.src, "op", None)
    if type(prod) is not type(op):
        return False
    assert isinstance(prod, (CollapseShapeOp, ExpandShapeOp))
    groups = _compose_reassociation(sh.reassociation_groups(prod.properties["reassociation"]) or [],
                                    sh.reassociation_groups(op.properties["reassociation"]) or [])
    if groups is None:
        return False
    props: dict[str, Attribute] = dict(op.properties)
    props["reassociation"] = sh.reassociation_attr(groups)
    rewriter.replace_op_with_new_op(op, type(op), [prod.src, *op.operands[1:]], properties=props)
    return True


def _fold_extract_slice(op: ExtractSliceOp, operands: list[Attribute | None]) -> list[Any] | None:
    """A splat constant source -> the splat of the result type; the identity slice -> the source; the slice that
    an ``insert_slice`` just wrote (same offsets, sizes, strides and type) -> the inserted value."""
    c, src, rt = operands[0], op.source, _ranked(op.result.type)
    if isinstance(c, DenseElementsAttr) and c.is_splat and rt.has_static_shape:
        return [DenseElementsAttr(rt, c.array)]
    if src.type == rt and _is_identity_slice(op, rt.shape):
        return [src]
    ins = _defining(src, InsertSliceOp)
    if ins is not None and ins.source.type == rt and _same_slice(ins, op):
        return [ins.source]
    return None


def _fold_constant_entries(entries: list[Any], keep: Any = lambda c: c >= 0) -> bool:
    """Replace, in ``entries`` (a mixed list), each value with a constant ``c`` that ``keep(c)`` accepts by ``c``
    (MLIR's ``foldDynamicIndexList``). Returns whether one changed."""
    changed = False
    for i, e in enumerate(entries):
        c = None if isinstance(e, int) else _int(constant_value(e))
        if c is not None and keep(c):
            entries[i] = c
            changed = True
    return changed


def _static(entries: list[Any]) -> list[int]:
    return [e if isinstance(e, int) else DYNAMIC for e in entries]


def _canonical_slice_type(rank: int, source: RankedTensorType, sizes: list[Any]) -> RankedTensorType:
    """MLIR's ``ExtractSliceOp::inferCanonicalRankReducedResultType``: the sizes' type, with the first unit
    dimensions dropped down to ``rank``."""
    shape = _static(sizes)
    if len(shape) == rank:
        return slice_result_type(source, tuple(shape))
    drop = len(shape) - rank
    kept = []
    for d in shape:
        if d == 1 and drop:
            drop -= 1
            continue
        kept.append(d)
    return RankedTensorType(kept, source.element_type)


@rewrite_pattern("tensor.extract_slice")
def ExtractSliceConstantArgumentFolder(op: ExtractSliceOp, rewriter: PatternRewriter) -> bool:
    """Constant offsets, sizes (non-negative) and strides become static; the result takes the more static type and
    is cast back (MLIR's ``OpWithOffsetSizesAndStridesConstantArgumentFolder`` with ``SliceCanonicalizer``)."""
    offs, sizes, strides = op.mixed_offsets, op.mixed_sizes, op.mixed_strides
    changed = _fold_constant_entries(offs)
    changed = _fold_constant_entries(sizes) or changed
    if not (_fold_constant_entries(strides, lambda c: True) or changed):
        return False
    src = _ranked(op.source.type)
    if sh.in_bounds_slice(src.shape, _static(offs), _static(sizes), _static(strides)) is not None:
        return False
    rt = _canonical_slice_type(_ranked(op.result.type).rank, src, sizes)
    new = rewriter.insert(ExtractSliceOp.build_slice(op.source, offs, sizes, strides, rt, op.location))
    new.attributes.update(op.attributes)
    res = new.results[0]
    if rt != op.result.type:
        res = rewriter.create(CastOp, [res], [op.result.type], location=op.location).results[0]
    rewriter.replace_op(op, [res])
    return True


@rewrite_pattern("tensor.extract_slice")
def ExtractSliceOpCastFolder(op: ExtractSliceOp, rewriter: PatternRewriter) -> bool:
    """``extract_slice(cast(x))`` -> ``extract_slice(x)`` (same result type) for a cast that only drops static
    information, when no slice operand is a constant and the slice stays in bounds of ``x``."""
    if any(constant_value(v) is not None for v in op.operands[1:]):
        return False
    src = foldable_cast_source(op.source)
    if src is None or sh.in_bounds_slice(_ranked(src.type).shape, op.static_offsets, op.static_sizes,
                                         op.static_strides) is not None:
        return False
    new = rewriter.insert(ExtractSliceOp.build_slice(src, op.mixed_offsets, op.mixed_sizes, op.mixed_strides,
                                                     _ranked(op.result.type), op.location))
    new.attributes.update(op.attributes)
    rewriter.replace_op(op, new.results)
    return True


@rewrite_pattern("tensor.insert_slice")
def InsertSliceConstantArgumentFolder(op: InsertSliceOp, rewriter: PatternRewriter) -> bool:
    """Constant offsets and sizes (non-negative) and strides (non-zero) become static; the source is cast to the
    more static slice type (MLIR's ``InsertSliceOpConstantArgumentFolder``)."""
    offs, sizes, strides = op.mixed_offsets, op.mixed_sizes, op.mixed_strides
    changed = _fold_constant_entries(offs)
    changed = _fold_constant_entries(sizes) or changed
    if not (_fold_constant_entries(strides, lambda c: c != 0) or changed):
        return False
    dst = _ranked(op.dest.type)
    if sh.in_bounds_slice(dst.shape, _static(offs), _static(sizes), _static(strides)) is not None:
        return False
    st = _canonical_slice_type(_ranked(op.source.type).rank, dst, sizes)
    src = op.source
    if st != src.type:
        src = rewriter.create(CastOp, [src], [st], location=op.location).results[0]
    new = rewriter.insert(InsertSliceOp.build_insert_slice(src, op.dest, offs, sizes, strides, op.location))
    new.attributes.update(op.attributes)
    rewriter.replace_op(op, new.results)
    return True


@rewrite_pattern("tensor.insert_slice")
def InsertSliceOpCastFolder(op: InsertSliceOp, rewriter: PatternRewriter) -> bool:
    """Foldable casts of the source and/or destination are dropped; dynamic sizes take the static sizes of the
    uncast source, and the result is cast back to the old destination type (MLIR's ``InsertSliceOpCastFolder``)."""
    if any(constant_value(v) is not None for v in op.operands[2:]):
        return False
    s, d = foldable_cast_source(op.source), foldable_cast_source(op.dest)
    if s is None and d is None:
        return False
    src, dst = s or op.source, d or op.dest
    st, dt = _ranked(src.type), _ranked(dst.type)
    mask = sh.rank_reduction_mask(op.static_sizes, st.shape, match_dynamic=True)
    if mask is None:
        return False
    sizes, k = op.mixed_sizes, 0
    for i in range(len(sizes)):
        if i in mask:
            continue
        if st.shape[k] != DYNAMIC:
            sizes[i] = st.shape[k]
        k += 1
    static = _static(sizes)
    if (sh.is_rank_reduced_type(slice_result_type(dt, tuple(static)), st) != sh.SUCCESS
            or sh.in_bounds_slice(dt.shape, op.static_offsets, static, op.static_strides) is not None):
        return False
    new = rewriter.insert(InsertSliceOp.build_insert_slice(src, dst, op.mixed_offsets, sizes, op.mixed_strides,
                                                           op.location))
    res = new.results[0]
    if dst.type != op.dest.type:
        res = rewriter.create(CastOp, [res], [op.dest.type], location=op.location).results[0]
    rewriter.replace_op(op, [res])
    return True


def _fold_insert_slice(op: InsertSliceOp) -> list[Any] | None:
    """The identity insertion of a static source -> the source; an insertion over an equal earlier one -> into
    that one's destination (in place); re-inserting the slice extracted from the destination -> the destination
    (MLIR's ``InsertSliceOp::fold``)."""
    st, rt = _ranked(op.source.type), _ranked(op.result.type)
    if st.has_static_shape and st == rt and _is_identity_slice(op, rt.shape):
        return [op.source]
    prev = _defining(op.dest, InsertSliceOp)
    if prev is not None and prev.source.type == st and _same_slice(prev, op):
        op.set_operand(1, prev.dest)
        return list(op.results)
    ext = _defining(op.source, ExtractSliceOp)
    if ext is not None and ext.source is op.dest and _same_slice(ext, op):
        return [op.dest]
    return None


_OPS: list[type[Op]] = [
    BitcastOp, CastOp, CollapseShapeOp, ConcatOp, DimOp, EmptyOp, ExpandShapeOp, ExtractOp, ExtractSliceOp,
    FromElementsOp, GenerateOp, InsertOp, InsertSliceOp, PadOp, ParallelInsertSliceOp, RankOp, ReshapeOp, SplatOp,
    YieldOp,
]

def materialize_constant(value: Attribute, type: Type, location: Any = None) -> Op | None:
    """Folded values become ``arith.constant`` (MLIR's ``TensorDialect::materializeConstant``)."""
    from .arith import materialize_constant as arith_constant

    return arith_constant(value, type, location)


DIALECT = Dialect("tensor", _OPS, description=__doc__ or "", materialize_constant=materialize_constant)

__all__ = [c.__name__ for c in _OPS] + ["DIALECT", "pad_result_type", "slice_result_type", "print_slice_lists"]
