"""``lower-to-llvm``: the named pipeline from linalg on tensors (or memrefs, scf, cf, arith, math) to the llvm
dialect, ready for ``mlir-py-translate --mlir-to-llvmir`` and the CPU JIT (:mod:`mlir_py.cpu_runner`).

    mlir-py-opt --lower-to-llvm in.mlir
    mlir-py-opt '--pass-pipeline=builtin.module(lower-to-llvm{interchange=false})' in.mlir

Stages (each a pass; ``--mlir-print-ir-after-all`` shows them), after MLIR's usual CPU pipeline
(mlir/docs/TargetLLVMIR.md; the ``test-lower-to-llvm`` pipeline of mlir/test/lib):

1. front ends when they are registered: ``convert-tc-to-linalg``;
2. ``one-shot-bufferize{bufferize-function-boundaries}``: tensors to identity-layout memrefs;
3. ``linalg-interchange-inner-parallel`` (this module): each ``linalg.generic``/named op is generalized and its
   loops permuted so that the innermost loop is a *parallel* dimension indexing the output's last (unit-stride)
   dimension, reductions outside it — a matmul runs ``i, k, j``: the inner loop is ``C[i, j] += A[i, k] *
   B[k, j]`` over contiguous rows of ``B`` and ``C``, which LLVM's loop vectorizer turns into SIMD
   fused-multiply-adds without reassociating the reduction (option ``interchange``);
4. ``linalg-cpu-tile`` (this module): cache tiles for contractions (packed ``B`` tiles), register blocks for
   convolutions (option ``tile``, sizes ``tile-i/k/j`` and ``conv-tile-r/j``);
5. ``convert-linalg-to-loops``, ``convert-scf-to-cf``;
6. ``convert-math-to-llvm``, ``convert-arith-to-llvm``, ``finalize-memref-to-llvm``, ``convert-cf-to-llvm``,
   ``convert-func-to-llvm``, ``reconcile-unrealized-casts``;
7. ``llvm-contract-fmuladd`` (this module, option ``fp-contract``).

The CPU runner (:func:`mlir_py.cpu_runner.compile_function`) runs ``buffer-results-to-out-params`` before this
pipeline, so that tensor results are written into caller-provided buffers.

Errors are those of the stages (e.g. ``failed to legalize operation`` for an op no stage lowers).
"""

from __future__ import annotations

from typing import Any

from dialects.linalg import GenericOp
from dialects.linalg_structured import LinalgOp, affine_maps_attr, iterator_types_attr
from mlir_py.ir import Operation
from mlir_py.pass_manager import PASS_REGISTRY, Pass, PassOption, register_pass, register_pipeline
from mlir_py.rewrite import PatternRewriter


def inner_parallel_permutation(op: LinalgOp) -> list[int] | None:
    """The new loop order (a permutation of the iteration dims) putting last a parallel dim that indexes the last
    dimension of the first output, reductions before it; None when the current order is already right or no
    such dim exists."""
    maps = op.indexing_maps()
    its = op.iterator_types()
    n = len(its)
    out_map = maps[len(op.inputs)] if op.outputs else None
    if out_map is None or not out_map.results or n < 2:
        return None
    last = out_map.results[-1]
    dims = [d for d in range(n) if its[d] == "parallel" and _is_dim(last, d)]
    if not dims or dims[0] == n - 1:
        return None
    inner = dims[0]
    return [d for d in range(n) if d != inner] + [inner]


def _is_dim(expr: Any, d: int) -> bool:
    from mlir_py.affine import AffineDimExpr

    return isinstance(expr, AffineDimExpr) and expr.position == d


def interchange(op: LinalgOp, perm: list[int], rw: PatternRewriter) -> GenericOp:
    """``op`` as a ``linalg.generic`` whose loop ``i`` is the old loop ``perm[i]`` (MLIR's
    ``interchangeGenericOp``: every indexing map is composed with the inverse permutation)."""
    from mlir_py.affine import AffineDimExpr, AffineMap
    from passes.linalg_generalize_named_ops import generalize

    g = op if isinstance(op, GenericOp) else generalize(op, rw)
    n = len(perm)
    new_dim = {old: AffineDimExpr(new) for new, old in enumerate(perm)}
    maps = [AffineMap(n, m.num_symbols, [e.replace([new_dim[d] for d in range(n)], []) for e in m.results])
            for m in g.indexing_maps()]
    its = g.iterator_types()
    with rw.modify_op_in_place(g):
        g.attributes.pop("linalg.memoized_indexing_maps", None)  # the named op's maps, stale once permuted
        g.properties["indexing_maps"] = affine_maps_attr(maps)
        g.properties["iterator_types"] = iterator_types_attr([its[p] for p in perm])
    _remap_index_ops(g, perm, rw)
    return g


def _remap_index_ops(g: GenericOp, perm: list[int], rw: PatternRewriter) -> None:
    """``linalg.index d`` (old dim) becomes ``linalg.index inv[d]``."""
    from mlir_py.attributes import IntegerAttr

    inv = {old: new for new, old in enumerate(perm)}
    for o in list(g.regions[0].walk()):
        if o.name == "linalg.index":
            d = o.properties["dim"]
            assert isinstance(d, IntegerAttr)
            with rw.modify_op_in_place(o):
                o.properties["dim"] = IntegerAttr(inv[d.value], d.type)


@register_pass
class LinalgInterchangeInnerParallelPass(Pass):
    """Permute the loops of every linalg op on buffers so that the innermost loop is a parallel dimension indexing
    the output's last dimension (MLIR's ``linalg.interchange``, with the order chosen for the CPU): after
    ``convert-linalg-to-loops`` the inner loop then walks contiguous memory and carries no reduction, which LLVM
    vectorizes without fast-math. A matmul ``(m, n, k)`` becomes ``(m, k, n)``. Ops already in that order, or
    without such a dimension, are left as they are (named ops are generalized only when permuted)."""

    argument = "linalg-interchange-inner-parallel"
    summary = "Interchange linalg loops so that the innermost one is parallel and contiguous"

    def run_on_operation(self, op: Operation) -> None:
        rw = PatternRewriter()
        for o in list(op.walk()):
            if isinstance(o, LinalgOp) and o.parent is not None and o.has_buffer_semantics():
                perm = inner_parallel_permutation(o)
                if perm is not None:
                    rw.set_insertion_point(o)
                    interchange(o, perm, rw)


def tile_sizes_for(op: LinalgOp, ti: int, tk: int, tj: int) -> list[int]:
    """Per-loop tile sizes for a contraction in CPU loop order: ``tj`` for the innermost (parallel, contiguous)
    loop, ``tk`` for each reduction loop, ``ti`` for the last other parallel loop, 0 (untiled) elsewhere; a size
    that does not divide the static range, or covers it, leaves the loop untiled."""
    its = op.iterator_types()
    ranges = op.static_loop_ranges()
    n = len(its)
    sizes = [0] * n
    sizes[n - 1] = tj
    others = [d for d in range(n - 1) if its[d] == "parallel"]
    for d in range(n - 1):
        if its[d] == "reduction":
            sizes[d] = tk
    if others:
        sizes[others[-1]] = ti
    return [t if t and r > t and r % t == 0 else 0 for t, r in zip(sizes, ranges)]


def tile(op: LinalgOp, sizes: list[int], promote: bool = True) -> bool:
    """Tile a buffer-semantics linalg op whose indexing maps are projected permutations with
    :func:`passes.linalg_tile.tile_op` (MLIR's ``linalg::tileLinalgOp``; static, dividing tile sizes, so no partial
    tiles). With ``promote``, an input tile indexed only by tiled loops is copied into a contiguous 64-byte aligned
    buffer first (MLIR's ``linalg-promote-subviews``): a strided tile of a matmul's ``B`` maps its rows to a few
    L1 sets (a 2 KiB row stride) and evicts itself, the packed copy does not. The buffer is allocated before the
    loop nest and freed after it. False when not applicable."""
    from dialects import memref
    from mlir_py.affine import AffineDimExpr
    from mlir_py.attributes import MemRefType
    from passes.linalg_tile import tile_op

    maps = op.indexing_maps()
    if not any(sizes) or any(not all(isinstance(e, AffineDimExpr) for e in m.results) for m in maps):
        return False
    if any(o.name == "linalg.index" for o in op.regions[0].walk()) or op.shapes_to_loops_map() is None:
        return False
    n_in = len(op.inputs)
    loops = tile_op(op, sizes)  # erases op
    if not loops or not promote:
        return bool(loops)
    nest = loops[0]
    block = nest.parent
    assert block is not None
    tiled = next(o for o in loops[-1].body.ops if isinstance(o, LinalgOp))
    for k, m in enumerate(maps[:n_in]):
        sv = tiled.operand(k)
        dims = [e.position for e in m.results]  # type: ignore[attr-defined]
        if not isinstance(sv.type, MemRefType) or not dims or not all(sizes[d] for d in dims):
            continue
        # a tile indexed by tiled loops only (B of a matmul): copied to a contiguous buffer, reused by every
        # iteration of the untiled loops
        buf = memref.AllocOp.build_alloc(MemRefType(sv.type.shape, sv.type.element_type), alignment=64,
                                         location=op.location)
        block.insert_before(buf, nest)
        dealloc = memref.DeallocOp.create([buf.results[0]], [], location=op.location)
        after = nest.next_op
        if after is None:
            block.append(dealloc)
        else:
            block.insert_before(dealloc, after)
        assert tiled.parent is not None
        tiled.parent.insert_before(memref.CopyOp.create([sv, buf.results[0]], [], location=op.location), tiled)
        tiled.set_operand(k, buf.results[0])
    return True


def _divides(t: int, r: int) -> int:
    return t if t and r >= t and r % t == 0 else 0



def register_tile(op: LinalgOp, tr: int, tj: int) -> bool:
    """Register-block a convolution-like op (a reduction, a sliding-window map such as ``d2 + d4``; loops in the
    order of ``linalg-interchange-inner-parallel``, the innermost ``j`` walking the output's last dimension):
    tile ``j`` by ``tj`` and the output-channel loop ``r`` (a parallel loop of the output that the first input
    does not use, e.g. ``f`` of ``conv_2d_nchw_fchw``) by ``tr``, every other parallel loop by 1, and run the
    tile in the order (parallel, reductions, ``r``, ``j``). The ``tr x tj`` tile of the output is then invariant
    in the reduction loops: LLVM fully unrolls ``r`` and ``j`` (SLP-vectorizing ``j``), keeps the ``tr`` vector
    accumulators in registers across the reductions and reuses each input vector for ``tr`` fused
    multiply-adds with broadcast weights — the register blocking of BLIS/oneDNN direct convolutions
    (Low et al., "Analytical modeling is enough for high-performance BLIS", TOMS 2016; Georganas et al.,
    "Anatomy of high-performance deep learning convolutions on SIMD architectures", SC 2018).
    Tiles must divide the static ranges (else the loop is not blocked: blocks of 7 columns for ResNet's 28-wide
    maps measured 0.13 of onnxruntime against 0.47 unblocked). False when not applicable."""
    from passes.linalg_tile import tile_op

    its = op.iterator_types()
    maps = op.indexing_maps()
    ranges = op.static_loop_ranges()
    n = len(its)
    if -1 in ranges or not op.outputs or len(op.outputs) != 1 or n < 3 or its[n - 1] != "parallel":
        return False
    if any(o.name == "linalg.index" for o in op.regions[0].walk()) or op.shapes_to_loops_map() is None:
        return False
    out_map = maps[len(op.inputs)]
    if not out_map.results or not _is_dim(out_map.results[-1], n - 1):
        return False
    used0 = {d for d in range(n) if any(_uses_dim(e, d) for e in maps[0].results)}
    out_dims = {d for d in range(n) if any(_is_dim(e, d) for e in out_map.results)}
    cands = [d for d in range(n - 1) if its[d] == "parallel" and d not in used0 and d in out_dims]
    r = cands[-1] if cands else -1
    tj = _divides(tj, ranges[n - 1])
    tr = _divides(tr, ranges[r]) if r >= 0 else 0
    if not tj:
        return False
    sizes = [0] * n
    for d in range(n):
        if its[d] == "parallel":
            sizes[d] = 1 if ranges[d] > 1 else 0
    sizes[n - 1] = tj if ranges[n - 1] > tj else 0
    if r >= 0:
        sizes[r] = tr if tr and ranges[r] > tr else (0 if tr else 1)
    loops = tile_op(op, sizes)
    inner = loops[-1].body if loops else None
    tiled = op
    if inner is not None:
        tiled = next(o for o in inner.ops if isinstance(o, LinalgOp))
    block_dims = [d for d in (r, n - 1) if d >= 0 and (d == n - 1 or tr)]
    perm = [d for d in range(n) if its[d] == "parallel" and d not in block_dims] + \
        [d for d in range(n) if its[d] == "reduction"] + block_dims
    if perm != list(range(n)):
        rw = PatternRewriter()
        rw.set_insertion_point(tiled)
        interchange(tiled, perm, rw)
    return True


def _uses_dim(expr: Any, d: int) -> bool:
    from mlir_py.affine import AffineBinaryExpr, AffineDimExpr

    if isinstance(expr, AffineDimExpr):
        return expr.position == d
    if isinstance(expr, AffineBinaryExpr):
        return _uses_dim(expr.lhs, d) or _uses_dim(expr.rhs, d)
    return False


@register_pass
class LinalgCpuTilePass(Pass):
    """Cache-tile the linalg contractions on buffers (ops with a reduction loop and projected-permutation
    indexing maps, e.g. matmul after ``linalg-interchange-inner-parallel``): loops of tile size ``tile-j`` for
    the innermost parallel loop, ``tile-k`` for reductions and ``tile-i`` for the last outer parallel loop, each
    only when it divides the static range (no partial tiles). Inside a tile the ``B`` block (``tile-k`` x
    ``tile-j``) stays in L1 and the ``tile-j`` accumulators of a row of ``C`` stay in registers across the
    ``k`` loop (LLVM promotes them once it knows the buffers do not alias). Convolutions (a sliding-window input
    map such as ``d2 + d4``) are register-blocked instead (:func:`register_tile`): the output-channel loop by
    ``conv-tile-r`` and the innermost output loop by ``conv-tile-j``, the other parallel loops by 1, reductions
    run outside the block (``conv-tile-j=0``: untouched). Elementwise ops are left alone."""

    argument = "linalg-cpu-tile"
    summary = "Tile linalg contractions on buffers for the CPU caches"
    options = [PassOption("tile-i", int, 0, "Tile size of the outer parallel loop (0: untiled)"),
               PassOption("tile-k", int, 64, "Tile size of the reduction loops"),
               PassOption("tile-j", int, 64, "Tile size of the innermost (contiguous) parallel loop"),
               PassOption("conv-tile-r", int, 8, "Convolutions: register block of the output-channel loop"),
               PassOption("conv-tile-j", int, 8, "Convolutions: register block of the innermost loop (0: untiled)")]

    def run_on_operation(self, op: Operation) -> None:
        from mlir_py.affine import AffineDimExpr

        for name in ("tile-i", "tile-k", "tile-j", "conv-tile-r", "conv-tile-j"):
            if self.option(name) < 0:
                raise self.failure(f"option '{name}' must be a non-negative tile size, got {self.option(name)}", op)
        for o in list(op.walk()):
            if isinstance(o, LinalgOp) and o.parent is not None and o.has_buffer_semantics() and \
                    "reduction" in o.iterator_types() and -1 not in o.static_loop_ranges():
                if all(isinstance(e, AffineDimExpr) for m in o.indexing_maps() for e in m.results):
                    tile(o, tile_sizes_for(o, self.option("tile-i"), self.option("tile-k"), self.option("tile-j")))
                elif self.option("conv-tile-j"):
                    register_tile(o, self.option("conv-tile-r"), self.option("conv-tile-j"))


@register_pass
class LLVMContractFMulAddPass(Pass):
    """Contract ``llvm.fadd(llvm.fmul(a, b), c)`` (either order, the product used once) into
    ``llvm.intr.fmuladd(a, b, c)``: C's ``#pragma STDC FP_CONTRACT ON`` / clang's ``-ffp-contract=on`` for one
    expression (LLVM LangRef, ``llvm.fmuladd``: fused when the target has a fast FMA, else multiply then add).
    The fast-math flags common to both ops are kept."""

    argument = "llvm-contract-fmuladd"
    summary = "Fuse single-use llvm.fmul into llvm.fadd as llvm.intr.fmuladd"

    def run_on_operation(self, op: Operation) -> None:
        from dialects import llvm
        from mlir_py.ir import OpResult

        fma = llvm.INTRINSIC_OPS["fmuladd"]
        for add in list(op.walk()):
            if add.name != "llvm.fadd" or add.parent is None:
                continue
            for k in (0, 1):
                m = add.operand(k)
                if isinstance(m, OpResult) and m.op.name == "llvm.fmul" and m.has_one_use() and \
                        m.op.parent is add.parent:
                    fa = getattr(add.properties.get("fastmathFlags"), "flags", ())
                    fm = getattr(m.op.properties.get("fastmathFlags"), "flags", ())
                    flags = llvm.LLVMFastMathFlagsAttr(tuple(f for f in fa if f in fm))
                    new = fma.create([m.op.operand(0), m.op.operand(1), add.operand(1 - k)], [add.results[0].type],
                                     {"fastmathFlags": flags}, location=add.location)
                    add.parent.insert_before(new, add)
                    add.results[0].replace_all_uses_with(new.results[0])
                    mul = m.op
                    add.erase()
                    mul.erase()
                    break


def build(pm: Any, options: dict[str, Any]) -> None:
    for front in ("convert-nn-to-tc", "convert-tc-to-linalg"):
        if front in PASS_REGISTRY:
            pm.add(front)
    pm.add("one-shot-bufferize{bufferize-function-boundaries=true}")
    if options["interchange"]:
        pm.add("linalg-interchange-inner-parallel")
    if options["tile"]:
        pm.add(f"linalg-cpu-tile{{tile-i={options['tile-i']} tile-k={options['tile-k']} tile-j={options['tile-j']} "
               f"conv-tile-r={options['conv-tile-r']} conv-tile-j={options['conv-tile-j']}}}")
    pm.add("convert-linalg-to-loops,convert-scf-to-cf,convert-math-to-llvm,convert-arith-to-llvm,"
           "finalize-memref-to-llvm,convert-cf-to-llvm,convert-func-to-llvm,reconcile-unrealized-casts")
    if options["fp-contract"]:
        pm.add("llvm-contract-fmuladd")


register_pipeline(
    "lower-to-llvm", "Lower linalg on tensors (or memref/scf/cf/arith/math) to the llvm dialect", build,
    [PassOption("interchange", bool, True, "Reorder linalg loops so the innermost is parallel and contiguous"),
     PassOption("tile", bool, True, "Cache-tile contractions (linalg-cpu-tile)"),
     PassOption("tile-i", int, 0, "linalg-cpu-tile: outer parallel tile (0: untiled)"),
     PassOption("tile-k", int, 64, "linalg-cpu-tile: reduction tile"),
     PassOption("tile-j", int, 64, "linalg-cpu-tile: inner parallel tile"),
     PassOption("conv-tile-r", int, 8, "linalg-cpu-tile: convolution output-channel register block"),
     PassOption("conv-tile-j", int, 8, "linalg-cpu-tile: convolution inner register block (0: untiled)"),
     PassOption("fp-contract", bool, True, "Fuse multiply-add pairs into llvm.intr.fmuladd")],
    description=__doc__ or "")

__all__ = ["LinalgInterchangeInnerParallelPass", "inner_parallel_permutation", "interchange", "register_tile"]
