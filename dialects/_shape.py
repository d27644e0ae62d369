"""Shape arithmetic shared by the tensor and memref dialects, after MLIR's
mlir/lib/Dialect/Utils/ReshapeOpsUtils.cpp, mlir/lib/Dialect/Utils/StaticValueUtils.cpp,
mlir/lib/IR/BuiltinTypes.cpp (``getStridesAndOffset``) and mlir/lib/Interfaces/ViewLikeInterface.cpp.

Sizes, offsets and strides are ``int``; :data:`DYNAMIC` (MLIR's ``ShapedType::kDynamic``) stands for an unknown
value and absorbs arithmetic as MLIR's ``SaturatedInteger`` does (except that ``0 * ?`` is ``0``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from mlir_py import affine as aff
from mlir_py.attributes import (
    DYNAMIC,
    AffineMapAttr,
    ArrayAttr,
    Attribute,
    IntegerAttr,
    MemRefType,
    ShapedType,
    StridedLayoutAttr,
    Type,
    UnrankedMemRefType,
    UnrankedTensorType,
)

# ---------------------------------------------------------------------------------------------------------------
# saturated arithmetic
# ---------------------------------------------------------------------------------------------------------------


def sat_add(a: int, b: int) -> int:
    return DYNAMIC if a == DYNAMIC or b == DYNAMIC else a + b


def sat_mul(a: int, b: int) -> int:
    if a == 0 or b == 0:
        return 0
    return DYNAMIC if a == DYNAMIC or b == DYNAMIC else a * b


def num_dynamic_dims(t: Type) -> int:
    return sum(1 for d in t.shape if d == DYNAMIC) if isinstance(t, ShapedType) else 0


def fmt_dims(shape: Sequence[int]) -> str:
    return ", ".join("?" if d == DYNAMIC else str(d) for d in shape)


# ---------------------------------------------------------------------------------------------------------------
# shape compatibility and rank reduction
# ---------------------------------------------------------------------------------------------------------------


def compatible_shapes(a: Type, b: Type) -> bool:
    """MLIR's ``verifyCompatibleShape``: unranked is compatible with anything; otherwise equal ranks and each
    dimension equal or dynamic on one side."""
    if isinstance(a, (UnrankedTensorType, UnrankedMemRefType)) or isinstance(b, (UnrankedTensorType,
                                                                                 UnrankedMemRefType)):
        return True
    if not isinstance(a, ShapedType) or not isinstance(b, ShapedType) or a.rank != b.rank:
        return False
    return all(x == y or x == DYNAMIC or y == DYNAMIC for x, y in zip(a.shape, b.shape))


def rank_reduction_mask(original: Sequence[int], reduced: Sequence[int], match_dynamic: bool = False
                        ) -> set[int] | None:
    """The dimensions of ``original`` dropped to get ``reduced`` (greedy, only unit dims may be dropped), or None
    when ``reduced`` is not a rank reduction of ``original`` (MLIR's ``computeRankReductionMask``; with
    ``match_dynamic`` a dynamic size on either side matches any size other than a unit dimension of ``original``)."""
    unused: set[int] = set()
    j = 0
    for i, d in enumerate(original):
        if j < len(reduced) and (d == reduced[j] or (match_dynamic and d != 1 and DYNAMIC in (d, reduced[j]))):
            j += 1
            continue
        unused.add(i)
        if d != 1:
            return None
    return unused if j == len(reduced) else None


SUCCESS, RANK_TOO_LARGE, SIZE_MISMATCH, ELEM_MISMATCH, LAYOUT_MISMATCH, MEMSPACE_MISMATCH = range(6)


def is_rank_reduced_type(original: ShapedType, candidate: ShapedType) -> int:
    """MLIR's ``isRankReducedType``: SUCCESS, RANK_TOO_LARGE, SIZE_MISMATCH or ELEM_MISMATCH (shapes only)."""
    if original == candidate:
        return SUCCESS
    if candidate.rank > original.rank:
        return RANK_TOO_LARGE
    if rank_reduction_mask(original.shape, candidate.shape) is None:
        return SIZE_MISMATCH
    if original.element_type != candidate.element_type:
        return ELEM_MISMATCH
    return SUCCESS


def slice_error(result: int, expected: ShapedType) -> str:
    """MLIR's ``produceSliceErrorMsg`` / ``produceSubViewErrorMsg`` text."""
    if result == RANK_TOO_LARGE:
        return "expected rank to be smaller or equal to the other rank. "
    if result == SIZE_MISMATCH:
        return f"expected type to be '{expected}' or a rank-reduced version. (size mismatch) "
    if result == ELEM_MISMATCH:
        return f"expected element type to be '{expected.element_type}'"
    if result == MEMSPACE_MISMATCH:
        return "expected result and source memory spaces to match."
    return f"expected result type to be '{expected}' or a rank-reduced version. (mismatch of result layout) "


def in_bounds_slice(shape: Sequence[int], offsets: Sequence[int], sizes: Sequence[int],
                    strides: Sequence[int]) -> str | None:
    """MLIR's ``verifyInBoundsSlice``: the message for a static slice running out of ``shape``, else None."""
    for i, d in enumerate(shape):
        if d == DYNAMIC or i >= len(offsets) or offsets[i] == DYNAMIC:
            continue
        if offsets[i] >= d:
            return f"offset {i} is out-of-bounds: {offsets[i]} >= {d}"
        if i >= len(sizes) or sizes[i] == DYNAMIC or strides[i] == DYNAMIC:
            continue
        last = offsets[i] + (sizes[i] - 1) * strides[i]
        if last >= d:
            return f"slice along dimension {i} runs out-of-bounds: {last} >= {d}"
    return None


# ---------------------------------------------------------------------------------------------------------------
# strided layouts
# ---------------------------------------------------------------------------------------------------------------


def canonical_strides(shape: Sequence[int]) -> list[int]:
    """Row-major strides of ``shape``; outside a dynamic or zero size they are dynamic (MLIR's
    ``makeCanonicalStridedLayoutExpr``)."""
    strides = [1] * len(shape)
    running = 1
    for i in range(len(shape) - 1, -1, -1):
        strides[i] = running
        running = running * shape[i] if running != DYNAMIC and shape[i] > 0 else DYNAMIC
    return strides


def _linear_coeffs(e: aff.AffineExpr, num_dims: int) -> tuple[list[int], int] | None:
    """``e`` as ``sum(c_i * d_i) + c``, coefficients DYNAMIC where they involve symbols; None if not linear."""
    if isinstance(e, aff.AffineConstantExpr):
        return [0] * num_dims, e.value
    if isinstance(e, aff.AffineSymbolExpr):
        return [0] * num_dims, DYNAMIC
    if isinstance(e, aff.AffineDimExpr):
        cs = [0] * num_dims
        cs[e.position] = 1
        return cs, 0
    if isinstance(e, aff.AffineBinaryExpr):
        if e.kind == aff.ADD:
            a, b = _linear_coeffs(e.lhs, num_dims), _linear_coeffs(e.rhs, num_dims)
            if a is None or b is None:
                return None
            return [sat_add(x, y) for x, y in zip(a[0], b[0])], sat_add(a[1], b[1])
        if e.kind == aff.MUL:
            lhs, rhs = e.lhs, e.rhs
            if not rhs.is_symbolic_or_constant():
                lhs, rhs = rhs, lhs
            if not rhs.is_symbolic_or_constant():
                return None
            k = rhs.value if isinstance(rhs, aff.AffineConstantExpr) else DYNAMIC
            a = _linear_coeffs(lhs, num_dims)
            if a is None:
                return None
            return [sat_mul(x, k) for x in a[0]], sat_mul(a[1], k)
    return None


def strides_and_offset(t: Type) -> tuple[list[int], int] | None:
    """The strides and offset of a ranked memref type's layout (MLIR's ``MemRefType::getStridesAndOffset``), or
    None when the layout is not strided (a non-linear affine map)."""
    if not isinstance(t, MemRefType):
        return None
    layout = t.layout
    if layout is None:
        return canonical_strides(t.shape), 0
    if isinstance(layout, StridedLayoutAttr):
        return list(layout.strides), layout.offset
    if isinstance(layout, AffineMapAttr):
        m = layout.value
        if len(m.results) != 1 or m.num_dims != t.rank:
            return None
        r = _linear_coeffs(m.results[0], m.num_dims)
        return (r[0], r[1]) if r is not None else None
    return None


def is_identity_layout(t: MemRefType) -> bool:
    """No layout, or an identity affine map (MLIR's ``getLayout().isIdentity()``; a strided layout is not)."""
    return t.layout is None


def layout_num_symbols(t: MemRefType) -> int:
    """The number of symbols of the layout's affine map (strided layouts: one per dynamic stride/offset)."""
    layout = t.layout
    if isinstance(layout, AffineMapAttr):
        return layout.value.num_symbols
    if isinstance(layout, StridedLayoutAttr):
        return (layout.offset == DYNAMIC) + sum(1 for s in layout.strides if s == DYNAMIC)
    return 0


def memref_rank_reduction_mask(original: MemRefType, reduced: MemRefType, sizes: Sequence[int]) -> set[int] | None:
    """MLIR's ``computeMemRefRankReductionMask``: unit dims of ``sizes`` whose strides are also dropped."""
    unused = {i for i, s in enumerate(sizes) if s == 1}
    if original.rank == reduced.rank:
        return set()
    if len(unused) + reduced.rank == original.rank:
        return unused
    a, b = strides_and_offset(original), strides_and_offset(reduced)
    if a is None or b is None:
        return None
    unaccounted = Counter(a[0])
    candidate = Counter(b[0])
    for dim in sorted(unused):
        s = a[0][dim]
        if unaccounted[s] > candidate[s]:
            unaccounted[s] -= 1
        elif unaccounted[s] == candidate[s]:
            unused.discard(dim)
        else:
            return None
    return unused if len(unused) + reduced.rank == original.rank else None


# ---------------------------------------------------------------------------------------------------------------
# reassociation (collapse_shape / expand_shape)
# ---------------------------------------------------------------------------------------------------------------


def reassociation_groups(a: Attribute | None) -> list[list[int]] | None:
    """``[[0, 1], [2]]`` as lists of ints, or None when the attribute is not an array of i64 arrays."""
    if not isinstance(a, ArrayAttr):
        return None
    out = []
    for g in a:
        if not isinstance(g, ArrayAttr) or not all(isinstance(x, IntegerAttr) for x in g):
            return None
        out.append([x.value for x in g])  # type: ignore[attr-defined]
    return out


def reassociation_attr(groups: Sequence[Sequence[int]]) -> ArrayAttr:
    from mlir_py.attributes import i64

    return ArrayAttr(ArrayAttr(IntegerAttr(i, i64) for i in g) for g in groups)


def invalid_reassociation(groups: Sequence[Sequence[int]], expanded_rank: int) -> int | None:
    """The index of the first group that is not contiguous (MLIR's ``isReassociationValid``), else None."""
    if not groups:
        return None
    nxt = 0
    for i, g in enumerate(groups):
        for d in g:
            if d != nxt:
                return i
            nxt += 1
    return len(groups) - 1 if nxt != expanded_rank else None


def collapsed_shape(shape: Sequence[int], groups: Sequence[Sequence[int]]) -> list[int]:
    """The collapsed sizes: per group the product of its sizes, dynamic if any is."""
    out = []
    pos = 0
    for g in groups:
        band = shape[pos:pos + len(g)]
        n = 1
        for d in band:
            n = DYNAMIC if d == DYNAMIC or n == DYNAMIC else n * d
        out.append(n)
        pos += len(g)
    return out


def reshape_like_error(collapsed: Sequence[int], expanded: Sequence[int],
                       groups: Sequence[Sequence[int]]) -> str | None:
    """MLIR's ``reshapeLikeShapesAreCompatible`` message (tensor reshapes), else None."""
    start = 0
    for i, g in enumerate(groups):
        band = expanded[start:start + len(g)]
        if DYNAMIC in band:
            if collapsed[i] != DYNAMIC:
                return (f"expected dimension {i} of collapsed type to be dynamic since one or more of the "
                        "corresponding dimensions in the expanded type is dynamic")
        else:
            n = 1
            for d in band:
                n *= d
            if collapsed[i] != n:
                return f"expected dimension {i} of collapsed type to be static value of {n}"
        start += len(g)
    return None


def collapsed_shape_error(collapsed: Sequence[int], expanded: Sequence[int],
                          groups: Sequence[Sequence[int]]) -> str | None:
    """MLIR's ``verifyCollapsedShape`` (memref reshapes, several dynamic dims per group allowed)."""
    if len(collapsed) != len(groups):
        return f"invalid number of reassociation groups: found {len(groups)}, expected {len(collapsed)}"
    nxt = 0
    for ci, g in enumerate(groups):
        dyn = False
        for d in g:
            if d != nxt:
                return "reassociation indices must be contiguous"
            nxt += 1
            if d >= len(expanded):
                return f"reassociation index {d} is out of bounds"
            if expanded[d] == DYNAMIC:
                dyn = True
        if (collapsed[ci] == DYNAMIC) != dyn:
            return f"collapsed dim ({ci}) must be dynamic if and only if reassociation group is dynamic"
        if not dyn:
            n = 1
            for d in g:
                n *= expanded[d]
            if n != collapsed[ci]:
                return f"collapsed dim size ({collapsed[ci]}) must equal reassociation group size ({n})"
    if not collapsed:
        if any(d != 1 for d in expanded):
            return "rank 0 memrefs can only be extended/collapsed with/from ones"
    elif nxt != len(expanded):
        return f"expanded rank ({len(expanded)}) inconsistent with number of reassociation indices ({nxt})"
    return None


def collapsed_layout(src: MemRefType, groups: Sequence[Sequence[int]]) -> StridedLayoutAttr | None:
    """MLIR's ``computeCollapsedLayoutMap`` (non-strict): the stride of a group is that of its last non-unit dim;
    None when the source is not strided or a group is statically non-contiguous."""
    so = strides_and_offset(src)
    if so is None:
        return None
    strides, offset = so
    shape = src.shape
    result: list[int] = []
    for g in groups:
        ref = list(g)
        while len(ref) > 1 and shape[ref[-1]] == 1:
            ref.pop()
        result.append(strides[ref[-1]] if shape[ref[-1]] != DYNAMIC or len(ref) == 1 else DYNAMIC)
    for gi in range(len(groups) - 1, -1, -1):
        stride = result[gi]
        for idx in reversed(groups[gi][1:]):
            stride = DYNAMIC if stride == DYNAMIC or shape[idx] == DYNAMIC else stride * shape[idx]
            src_stride = strides[idx - 1]
            if shape[idx - 1] == 1:
                continue
            if stride != DYNAMIC and src_stride != DYNAMIC and stride != src_stride:
                return None
    return StridedLayoutAttr(result, offset)


def expanded_layout(src: MemRefType, result_shape: Sequence[int],
                    groups: Sequence[Sequence[int]]) -> StridedLayoutAttr | None:
    """MLIR's ``computeExpandedLayoutMap``: each source stride is split over its group, innermost first."""
    so = strides_and_offset(src)
    if so is None:
        return None
    strides, offset = so
    rev: list[int] = []
    k = len(result_shape) - 1
    for g, s in reversed(list(zip(groups, strides))):
        cur = s
        for _ in g:
            rev.append(cur)
            cur = sat_mul(cur, result_shape[k])
            k -= 1
    out = list(reversed(rev))
    out += [1] * (len(result_shape) - len(out))
    return StridedLayoutAttr(out[:len(result_shape)], offset)


__all__ = [
    "ELEM_MISMATCH", "LAYOUT_MISMATCH", "MEMSPACE_MISMATCH", "RANK_TOO_LARGE", "SIZE_MISMATCH", "SUCCESS",
    "canonical_strides", "collapsed_layout", "collapsed_shape", "collapsed_shape_error", "compatible_shapes",
    "expanded_layout", "fmt_dims", "num_dynamic_dims", "in_bounds_slice", "invalid_reassociation", "is_identity_layout",
    "is_rank_reduced_type", "layout_num_symbols", "memref_rank_reduction_mask", "rank_reduction_mask",
    "reassociation_attr", "reassociation_groups", "reshape_like_error", "sat_add", "sat_mul", "slice_error",
    "strides_and_offset",
]
