"""``linalg-specialize-generic-ops``: raise ``linalg.generic`` ops that are named ops to those named ops.

The inverse of ``linalg-generalize-named-ops``. Frontends (``convert-tc-to-linalg``) emit ``linalg.generic`` only,
while backends (``lower-to-dsa``) match named ops; this pass recognizes a generic op from its indexing maps,
iterator types and payload, as MLIR's ``linalg-specialize-generic-ops`` does
(mlir/lib/Dialect/Linalg/Transforms/Specialize.cpp; mlir/docs/Passes.md; tested against ``iree-opt`` built from
LLVM 24). Every operand must be a ranked tensor or memref (or a scalar for ``fill``); loops may come in any order
(the loop dimensions are re-inferred from the maps, so a matmul written over ``(k, m, n)`` is still a matmul).

Recognized (``+`` is ``arith.addf``/``addi``, ``*`` ``mulf``/``muli``; operands of ``+``, ``*`` and ``max`` in
either order):

- ``linalg.copy``: one input, identity maps, all-parallel loops, payload ``yield %in``;
- ``linalg.fill``: a scalar input with map ``(...) -> ()``, identity output map, payload ``yield %in``;
- ``linalg.transpose``: a permutation input map, identity output map, payload ``yield %in``
  (``permutation`` = the inverse of the input map);
- ``linalg.broadcast``: an input map that keeps some dimensions in order (``(d0, d1, d2) -> (d1)``), identity output
  map, payload ``yield %in`` (``dimensions`` = the dropped ones);
- contractions ``O += cast(A) * cast(B)`` (payload ``mulf`` then ``addf`` with the output element; the optional
  casts to the output element type are those of MLIR's ``convertScalarToDtype``: ``extf``/``extsi``/``sitofp``/...
  give the default ``cast_signed``, ``extui``/``uitofp``/``fptoui`` give ``cast = #linalg.type_fn<cast_unsigned>``;
  shapes A (M, K), B (K, N), C (M, N)): ``linalg.matmul`` (loops (m, n, k) in any order; when A, B or C is read
  transposed, ``linalg.matmul indexing_maps = [...]`` with the generic op's maps, loops renamed so that k is last,
  as MLIR prints it),
  ``linalg.batch_matmul`` (b, m, n, k), ``linalg.matvec`` (m, k). MLIR raises the matvec form to
  ``linalg.contract``, which this dialect does not define;
- windowed ops (operand element types all equal), strides ``s`` and dilations ``l`` read off the input map
  ``d_oh * s + d_kh * l``: ``linalg.conv_2d_nchw_fchw``, ``conv_2d_nhwc_hwcf``, ``depthwise_conv_2d_nchw_chw``,
  ``depthwise_conv_2d_nhwc_hwc`` (contraction payload) and ``linalg.pooling_nchw_max/sum``,
  ``pooling_nhwc_max/sum`` (payload ``max``/``+`` of the output and the input; the second input, whose element is
  unused, is the window tensor). ``strides`` and ``dilations`` are always printed, as MLIR does.

Left generic: elementwise arithmetic (MLIR raises it to ``linalg.elementwise``, not defined here), reductions
(MLIR keeps them generic too), any map that is not a projected permutation except the conv/pool input, payloads
with extra ops or casts of mixed signedness, ``linalg.index``, several outputs, and maps or shapes that match no
named op exactly. Extensions over MLIR: windowed ops are matched up to a loop permutation, and a pooling payload
may be written ``in + out`` as well as ``out + in`` (MLIR requires the latter).

The output equals ``mlir-opt --linalg-specialize-generic-ops`` on every case of
tests/lit/Transforms/linalg-specialize-generic-ops*.mlir except those two extensions, ``linalg.matvec`` and the
elementwise ops;
tests/unit/test_linalg_specialize.py checks results in the interpreter before and after.
Errors: none (a generic op that matches nothing is kept).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from dialects.linalg import (
    BatchMatmulOp,
    BroadcastOp,
    Conv2DNchwFchwOp,
    Conv2DNhwcHwcfOp,
    CopyOp,
    DepthwiseConv2DNchwChwOp,
    DepthwiseConv2DNhwcHwcOp,
    FillOp,
    GenericOp,
    MatmulOp,
    MatvecOp,
    PoolingNchwMaxOp,
    PoolingNchwSumOp,
    PoolingNhwcMaxOp,
    PoolingNhwcSumOp,
    TransposeOp,
    YieldOp,
)
from dialects.linalg_structured import (
    PARALLEL,
    REDUCTION,
    TypeFnAttr,
    affine_maps_attr,
    inverse_permutation,
    payload_type,
)
from mlir_py.affine import AffineDimExpr, AffineExpr, AffineMap
from mlir_py.attributes import DenseElementsAttr, MemRefType, RankedTensorType, i64
from mlir_py.ir import BlockArgument, Operation, Value
from mlir_py.pass_manager import Pass, PassOption, register_pass
from mlir_py.rewrite import FrozenRewritePatternSet, PatternRewriter, RewritePattern, apply_patterns_greedily

_ADD = ("arith.addf", "arith.addi")
_MUL = ("arith.mulf", "arith.muli")
_MAX = ("arith.maximumf", "arith.maxsi")


def _d(*pos: int) -> list[AffineExpr]:
    return [AffineDimExpr(p) for p in pos]


def _win(o: int, k: int, s: int, dl: int) -> AffineExpr:
    return AffineDimExpr(o) * s + AffineDimExpr(k) * dl


def _conv_maps(name: str, sh: int, sw: int, dh: int, dw: int) -> list[AffineMap]:
    """The maps of the windowed named op ``name`` (LinalgNamedStructuredOps.yaml), in its own loop order."""
    if name == "nchw_fchw":   # (n, f, oh, ow, c, kh, kw)
        return [AffineMap(7, 0, [*_d(0, 4), _win(2, 5, sh, dh), _win(3, 6, sw, dw)]),
                AffineMap(7, 0, _d(1, 4, 5, 6)), AffineMap(7, 0, _d(0, 1, 2, 3))]
    if name == "nhwc_hwcf":   # (n, oh, ow, f, kh, kw, c)
        return [AffineMap(7, 0, [*_d(0), _win(1, 4, sh, dh), _win(2, 5, sw, dw), *_d(6)]),
                AffineMap(7, 0, _d(4, 5, 6, 3)), AffineMap(7, 0, _d(0, 1, 2, 3))]
    if name == "dw_nhwc":     # (n, oh, ow, c, kh, kw)
        return [AffineMap(6, 0, [*_d(0), _win(1, 4, sh, dh), _win(2, 5, sw, dw), *_d(3)]),
                AffineMap(6, 0, _d(4, 5, 3)), AffineMap(6, 0, _d(0, 1, 2, 3))]
    if name == "dw_nchw":     # (n, oh, ow, c, kh, kw)
        return [AffineMap(6, 0, [*_d(0, 3), _win(1, 4, sh, dh), _win(2, 5, sw, dw)]),
                AffineMap(6, 0, _d(3, 4, 5)), AffineMap(6, 0, _d(0, 3, 1, 2))]
    if name == "pool_nchw":   # (n, c, oh, ow, kh, kw)
        return [AffineMap(6, 0, [*_d(0, 1), _win(2, 4, sh, dh), _win(3, 5, sw, dw)]),
                AffineMap(6, 0, _d(4, 5)), AffineMap(6, 0, _d(0, 1, 2, 3))]
    # pool_nhwc: (n, oh, ow, c, kh, kw)
    return [AffineMap(6, 0, [*_d(0), _win(1, 4, sh, dh), _win(2, 5, sw, dw), *_d(3)]),
            AffineMap(6, 0, _d(4, 5)), AffineMap(6, 0, _d(0, 1, 2, 3))]


_CONVS: list[tuple[str, type[Any]]] = [("nchw_fchw", Conv2DNchwFchwOp), ("nhwc_hwcf", Conv2DNhwcHwcfOp),
                                       ("dw_nchw", DepthwiseConv2DNchwChwOp), ("dw_nhwc", DepthwiseConv2DNhwcHwcOp)]
_POOLS: list[tuple[str, type[Any], type[Any]]] = [("pool_nchw", PoolingNchwMaxOp, PoolingNchwSumOp),
                                                  ("pool_nhwc", PoolingNhwcMaxOp, PoolingNhwcSumOp)]
_ITERS = {6: [PARALLEL] * 4 + [REDUCTION] * 2, 7: [PARALLEL] * 4 + [REDUCTION] * 3}


def _loop_permutation(maps: Sequence[AffineMap], iters: Sequence[str], named: Sequence[AffineMap],
                      named_iters: Sequence[str]) -> list[int] | None:
    """``p`` with ``maps[k]`` (generic loop ``i`` renamed ``p[i]``) == ``named[k]`` for every operand and matching
    iterator types, or None. ``p`` is read off the results that are plain dimensions, then checked."""
    n = len(iters)
    if n != len(named_iters) or len(maps) != len(named):
        return None
    p: list[int | None] = [None] * n
    for g, m in zip(maps, named):
        if g.num_dims != n or m.num_dims != n or len(g.results) != len(m.results):
            return None
        for a, b in zip(g.results, m.results):
            if isinstance(a, AffineDimExpr) and isinstance(b, AffineDimExpr):
                if p[a.position] not in (None, b.position):
                    return None
                p[a.position] = b.position
    if None in p or len(set(p)) != n:
        return None
    perm = [x for x in p if x is not None]
    if any(iters[i] != named_iters[perm[i]] for i in range(n)):
        return None
    dims = _d(*perm)
    if any(AffineMap(n, 0, [e.replace(dims, []) for e in g.results]) != m for g, m in zip(maps, named)):
        return None
    return perm


def _transposed_matmul(maps: Sequence[AffineMap], iters: Sequence[str]) -> list[AffineMap] | None:
    """The maps of a matmul whose operands (or result) are read transposed, as ``linalg.matmul indexing_maps``
    keeps them: the loops renamed so that the reduction ``k`` is last (the parallel ones keep their order), then
    A over {p, k}, B over {q, k}, C over {p, q} in any order ({p, q} = {d0, d1}). None if not of that form."""
    red = [i for i, t in enumerate(iters) if t == REDUCTION]
    if len(iters) != 3 or len(red) != 1 or len(maps) != 3:
        return None
    order = [i for i in range(3) if i != red[0]] + red
    dims: list[AffineExpr] = [AffineDimExpr(0)] * 3
    for new, old in enumerate(order):
        dims[old] = AffineDimExpr(new)
    renamed = [AffineMap(3, 0, [e.replace(dims, []) for e in m.results]) for m in maps]
    used = []
    for m in renamed:
        pos = {e.position for e in m.results if isinstance(e, AffineDimExpr)}
        if len(m.results) != 2 or len(pos) != 2:
            return None
        used.append(pos)
    a, b, c = used
    if c != {0, 1} or 2 not in a or 2 not in b or (a | b) != {0, 1, 2} or a == b:
        return None
    return renamed


def _linear(e: AffineExpr, n: int) -> list[int]:
    """The coefficients of the loop dimensions in the affine expression ``e`` (assumed linear)."""
    zero = e.evaluate([0] * n)
    return [e.evaluate([int(i == j) for j in range(n)]) - zero for i in range(n)]


def _windows(m: AffineMap, iters: Sequence[str]) -> tuple[list[int], list[int]] | None:
    """(strides, dilations) from the results ``d_par * s + d_red * l`` of the input map ``m`` (two of them)."""
    strides, dils = [], []
    for e in m.results:
        if isinstance(e, AffineDimExpr):
            continue
        if not e.is_pure_affine() or e.evaluate([0] * m.num_dims) != 0:
            return None
        c = _linear(e, m.num_dims)
        used = [i for i, x in enumerate(c) if x]
        if len(used) != 2 or {iters[i] for i in used} != {PARALLEL, REDUCTION} or min(c[i] for i in used) < 1:
            return None
        par, red = (used if iters[used[0]] == PARALLEL else used[::-1])
        strides.append(c[par])
        dils.append(c[red])
    return (strides, dils) if len(strides) == 2 else None


def _body(op: GenericOp) -> tuple[list[BlockArgument], list[Operation], Value] | None:
    """(block args, payload ops before the yield, the single yielded value), or None."""
    if not op.regions or len(op.regions[0].blocks) != 1:
        return None
    block = op.regions[0].blocks[0]
    ops = list(block.ops)
    if not ops or not isinstance(ops[-1], YieldOp) or len(ops[-1].operands) != 1:
        return None
    return list(block.args), ops[:-1], ops[-1].operands[0]


def _binary(v: Value, names: Sequence[str], ops: Sequence[Operation]) -> tuple[Value, Value] | None:
    owner = getattr(v, "owner", None)
    if isinstance(owner, Operation) and owner in ops and owner.name in names and len(owner.operands) == 2:
        return owner.operands[0], owner.operands[1]
    return None


def _same(pair: tuple[Value, Value] | None, a: Value, b: Value) -> bool:
    return pair is not None and (pair == (a, b) or pair == (b, a))


_SIGNED_CASTS = ("arith.extf", "arith.truncf", "arith.sitofp", "arith.fptosi", "arith.extsi", "arith.trunci")
_UNSIGNED_CASTS = ("arith.uitofp", "arith.fptoui", "arith.extui")


def _cast_of(v: Value, ops: Sequence[Operation]) -> tuple[Value, str]:
    """(source, kind): ``v`` itself with kind '' or, for ``v`` the result of a payload cast, its operand and
    'signed'/'unsigned' (the casts of MLIR's ``convertScalarToDtype``, which named ops apply to their inputs)."""
    owner = getattr(v, "owner", None)
    if isinstance(owner, Operation) and owner in ops and len(owner.operands) == 1:
        if owner.name in _SIGNED_CASTS:
            return owner.operands[0], "signed"
        if owner.name in _UNSIGNED_CASTS:
            return owner.operands[0], "unsigned"
    return v, ""


def _contraction(args: Sequence[Value], ops: Sequence[Operation], y: Value) -> str | None:
    """For a payload ``out + cast(in0) * cast(in1)`` (MLIR's ``isContractionBody`` with add/mul), the casts'
    signedness ('signed' also when there are none), else None. Mixed signed/unsigned casts are no named op."""
    if len(args) != 3:
        return None
    add = _binary(y, _ADD, ops)
    if add is None:
        return None
    mul_v = add[1] if add[0] is args[2] else add[0] if add[1] is args[2] else None
    mul = _binary(mul_v, _MUL, ops) if mul_v is not None else None
    if mul is None:
        return None
    (a, ka), (b, kb) = _cast_of(mul[0], ops), _cast_of(mul[1], ops)
    kinds = {ka, kb} - {""}
    if not _same((a, b), args[0], args[1]) or len(kinds) > 1 or len(ops) != 2 + (ka != "") + (kb != ""):
        return None
    return kinds.pop() if kinds else "signed"


def _pool_kind(args: Sequence[Value], ops: Sequence[Operation], y: Value) -> str | None:
    """'max' or 'sum' for a payload ``max(out, in)`` / ``out + in`` (the window element unused), else None."""
    if len(ops) != 1 or len(args) != 3 or args[1].has_uses():
        return None
    for kind, names in (("max", _MAX), ("sum", _ADD)):
        if _same(_binary(y, names, ops), args[0], args[2]):
            return kind
    return None


def _typed(op: GenericOp) -> bool:
    """One output, every operand a ranked tensor or memref (the inputs may also be scalars)."""
    return len(op.outputs) == 1 and len(op.results) <= 1 and \
        all(isinstance(v.type, (RankedTensorType, MemRefType)) for v in op.outputs)


def _same_element_types(op: GenericOp) -> bool:
    et = payload_type(op.outputs[0].type)
    return all(payload_type(v.type) == et for v in op.inputs)


def specialize(op: GenericOp, rewriter: PatternRewriter, only: Collection[str] = ()) -> Operation | None:
    """Replace ``op`` by the named op it is (see the module docstring; when ``only`` is given, only by one of those,
    named without ``linalg.``) and return it; None (nothing changed) when it is none.
    Errors: none (a generic op that matches nothing is kept)."""
    found = _match(op)
    if found is None or (only and found[0].OPERATION_NAME.removeprefix("linalg.") not in only):
        return None
    cls, operands, props = found
    rewriter.set_insertion_point(op)
    ins, outs = operands[:-1], operands[-1:]
    if cls in (TransposeOp, BroadcastOp):
        named = cls.build_op(ins[0], outs[0], props, location=op.location)
    else:
        named = cls.build_named(ins, outs, list(op.result_types), props, location=op.location)
    named.attributes.update({k: v for k, v in op.attributes.items()})
    rewriter.insert(named)
    rewriter.replace_op(op, named.results)
    return named


def _i64x2(values: Sequence[int]) -> DenseElementsAttr:
    import numpy as np
    return DenseElementsAttr(RankedTensorType((2,), i64), np.array(values, dtype=np.int64))


def _match(op: GenericOp) -> tuple[type[Any], list[Value], Any] | None:
    if not _typed(op):
        return None
    body = _body(op)
    if body is None:
        return None
    args, ops, y = body
    maps, iters = op.indexing_maps(), op.iterator_types()
    n = len(iters)
    operands = [*op.inputs, *op.outputs]
    out_map = maps[-1]
    # --- data movement: yield %in ---------------------------------------------------------------------------------
    if not ops and len(op.inputs) == 1 and y is args[0] and out_map.is_identity() and REDUCTION not in iters \
            and _same_element_types(op):
        m, t = maps[0], op.inputs[0].type
        if not isinstance(t, (RankedTensorType, MemRefType)):
            return (FillOp, operands, {}) if not m.results else None
        if m.is_identity():
            return CopyOp, operands, {}
        if m.is_permutation():
            inv = inverse_permutation(m)
            return (TransposeOp, operands, [e.position for e in inv.results]) if inv is not None else None  # type: ignore[attr-defined]
        pos = [e.position if isinstance(e, AffineDimExpr) else -1 for e in m.results]
        if -1 not in pos and pos == sorted(set(pos)) and len(pos) < n:
            return BroadcastOp, operands, [i for i in range(n) if i not in pos]
        return None
    if len(op.inputs) != 2:
        return None
    # --- contractions -----------------------------------------------------------------------------------------------
    contraction = _contraction(args, ops, y)
    cast = {"cast": TypeFnAttr("cast_unsigned")} if contraction == "unsigned" else {}
    if contraction:
        mm = [AffineMap(3, 0, _d(0, 2)), AffineMap(3, 0, _d(2, 1)), AffineMap(3, 0, _d(0, 1))]
        if _loop_permutation(maps, iters, mm, [PARALLEL, PARALLEL, REDUCTION]) is not None:
            return MatmulOp, operands, cast
        transposed = _transposed_matmul(maps, iters)
        if transposed is not None:
            return MatmulOp, operands, {"indexing_maps": affine_maps_attr(transposed), **cast}
        bmm = [AffineMap(4, 0, _d(0, 1, 3)), AffineMap(4, 0, _d(0, 3, 2)), AffineMap(4, 0, _d(0, 1, 2))]
        if _loop_permutation(maps, iters, bmm, [PARALLEL] * 3 + [REDUCTION]) is not None:
            return BatchMatmulOp, operands, cast
        mv = [AffineMap(2, 0, _d(0, 1)), AffineMap(2, 0, _d(1)), AffineMap(2, 0, _d(0))]
        if _loop_permutation(maps, iters, mv, [PARALLEL, REDUCTION]) is not None:
            return MatvecOp, operands, cast
    pool = _pool_kind(args, ops, y)
    if (pool is None and not contraction) or n not in (6, 7) or not _same_element_types(op):
        return None
    win = _windows(maps[0], iters)
    if win is None:
        return None
    (sh, sw), (dh, dw) = win
    props = {"strides": _i64x2(win[0]), "dilations": _i64x2(win[1])}
    if pool is None:
        for key, cls in _CONVS:
            named = _conv_maps(key, sh, sw, dh, dw)
            if named[0].num_dims == n and _loop_permutation(maps, iters, named, _ITERS[n]) is not None:
                return cls, operands, props
        return None
    for key, max_cls, sum_cls in _POOLS:
        if n == 6 and _loop_permutation(maps, iters, _conv_maps(key, sh, sw, dh, dw), _ITERS[6]) is not None:
            return (max_cls if pool == "max" else sum_cls), operands, props
    return None


#: the named ops this pass produces (without ``linalg.``), for the ``ops`` option
NAMED_OPS = ("copy", "fill", "transpose", "broadcast", "matmul", "batch_matmul", "matvec", "conv_2d_nchw_fchw",
             "conv_2d_nhwc_hwcf", "depthwise_conv_2d_nchw_chw", "depthwise_conv_2d_nhwc_hwc", "pooling_nchw_max",
             "pooling_nchw_sum", "pooling_nhwc_max", "pooling_nhwc_sum")


def _named_op(text: str) -> str:
    name = text.strip().removeprefix("linalg.")
    if name not in NAMED_OPS:
        raise ValueError(f"unknown named op '{text}' (one of: {', '.join(NAMED_OPS)})")
    return name


class SpecializeGenericOp(RewritePattern):
    """A ``linalg.generic`` that is a named op becomes that op (MLIR's ``LinalgSpecializationPattern``); ``only``
    restricts the named ops produced (empty: all)."""

    def __init__(self, only: Collection[str] = ()) -> None:
        super().__init__("linalg.generic")
        self.only = frozenset(only)

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        return isinstance(op, GenericOp) and specialize(op, rewriter, self.only) is not None


@register_pass
class LinalgSpecializeGenericOpsPass(Pass):
    """Convert generic ops back to named ops: copy, fill, transpose, broadcast, matmul (also with transposed
    operands), batch_matmul, matvec, 2-D convolutions (NCHW/FCHW, NHWC/HWCF, depthwise) and poolings (max, sum)
    with their strides and dilations (see the module docstring). ``ops`` (not in MLIR) limits the rewrite to some
    named ops, e.g. ``ops=matmul,conv_2d_nchw_fchw`` for a backend that handles the rest as generics."""

    argument = "linalg-specialize-generic-ops"
    summary = "Convert generic ops back to named ops"
    name = "LinalgSpecializeGenericOpsPass"
    options = [PassOption("ops", _named_op, [], "Named ops to produce, without 'linalg.' (default: all)",
                          is_list=True)]
    statistic_defs = {"num-specialized": "Number of generic ops specialized"}

    def run_on_operation(self, op: Operation) -> None:
        result = apply_patterns_greedily(op, specialize_patterns(self.option("ops")))
        self.statistics["num-specialized"] += result.num_rewrites


def specialize_patterns(only: Collection[str] = ()) -> FrozenRewritePatternSet:
    """The pattern set, for pipelines that mix specialization with other patterns (``only``: see the pass)."""
    return FrozenRewritePatternSet([SpecializeGenericOp(only)])


__all__ = ["NAMED_OPS", "LinalgSpecializeGenericOpsPass", "SpecializeGenericOp", "specialize", "specialize_patterns"]
