"""``finalize-memref-to-llvm``: memref ops to the llvm dialect on MLIR's memref descriptor (MLIR's MemRefToLLVM).

A ranked memref is the struct ``{allocated ptr, aligned ptr, offset, sizes[R], strides[R]}`` (in elements,
mlir/docs/TargetLLVMIR.md "Ranked MemRef Types"); an element ``[i0, ..., iR-1]`` lives at
``aligned + (offset + sum_k i_k * stride_k) * sizeof(element)``. Offsets and strides that the memref type knows
statically are emitted as constants (so LLVM sees the unit inner stride and vectorizes), the others are read from
the descriptor.

- ``memref.alloc``: ``malloc(bytes [+ alignment])``, the aligned pointer rounded up to ``alignment`` when one is
  given; ``memref.dealloc``: ``free(allocated)``; ``memref.alloca``: ``llvm.alloca``.
- ``memref.load``/``store``: ``llvm.getelementptr inbounds|nuw`` + ``llvm.load``/``llvm.store``.
- ``memref.dim``: a constant for a static size, else the descriptor's size; ``memref.cast`` (ranked to ranked):
  the same descriptor.
- ``memref.subview`` / ``reinterpret_cast`` / ``collapse_shape`` / ``expand_shape``: a new descriptor on the same
  buffer (subview: ``offset + sum off_k * stride_k``, strides ``stride_k * step_k``; rank-reducing subviews drop
  the unit dimensions the result type does not have).
- ``memref.copy``: ``memcpy`` of the whole buffer when both sides are contiguous (identity layout), else a loop
  nest of loads and stores.
- ``memref.global`` / ``get_global``: ``llvm.mlir.global`` of nested ``!llvm.array`` and ``llvm.mlir.addressof``.

Errors: unranked memrefs and layouts other than identity/strided are not converted (``failed to legalize``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dialects import llvm
from mlir_py.attributes import (
    DYNAMIC,
    Attribute,
    DenseArrayAttr,
    FloatType,
    IndexType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    StringAttr,
    SymbolRefAttr,
    Type,
    TypeAttr,
    UnitAttr,
    VectorType,
    i1,
    i32,
    i64,
)
from mlir_py.conversion import ConversionPattern, ConversionPatternRewriter, ConversionTarget
from mlir_py.ir import Block, Operation, Value
from mlir_py.pass_manager import Pass, register_pass

from ._llvm_common import (
    TYPE_CONVERTER,
    MemRefDescriptor,
    const,
    convert_element,
    run_conversion,
    strides_and_offset,
)


def byte_size(t: Type) -> int:
    """Bytes per element as LLVM stores it (``iN``: ``ceil(N/8)`` rounded to a power of two; index: 8)."""
    if isinstance(t, IndexType):
        return 8
    if isinstance(t, IntegerType):
        n = max(1, (t.width + 7) // 8)
        return 1 << (n - 1).bit_length()
    if isinstance(t, FloatType):
        return {16: 2, 32: 4, 64: 8, 80: 16, 128: 16}[t.width]
    if isinstance(t, VectorType):
        n = 1
        for d in t.shape:
            n *= d
        return n * byte_size(t.element_type)
    raise ValueError(f"no byte size for {t}")


def _ensure_decl(rw: Any, anchor: Operation, name: str, ft: llvm.LLVMFunctionType) -> None:
    """Declare the C function ``name`` in the enclosing module if it is not there yet."""
    module = anchor
    while module.parent_op is not None and module.name != "builtin.module":
        module = module.parent_op
    block = module.regions[0].blocks[0]
    for o in block.ops:
        if o.properties.get("sym_name") == StringAttr(name):
            return
    with rw.insertion_guard():
        rw.set_insertion_point_to_start(block)
        rw.insert(llvm.LLVMFuncOp.build_func(name, ft, declaration=True))


def _bin(rw: Any, name: str, a: Value, b: Value, loc: Any) -> Value:
    r: Value = rw.create(llvm.BINARY_OPS[name], [a, b], [a.type], location=loc).results[0]
    return r


def _mul(rw: Any, a: Value | int, b: Value | int, loc: Any) -> Value | int:
    """``a * b`` folding constants (ints stay Python ints until materialized)."""
    if isinstance(a, int) and isinstance(b, int):
        return a * b
    if a == 1:
        return b
    if b == 1:
        return a
    return _bin(rw, "mul", _val(rw, a, loc), _val(rw, b, loc), loc)


def _add(rw: Any, a: Value | int, b: Value | int, loc: Any) -> Value | int:
    if isinstance(a, int) and isinstance(b, int):
        return a + b
    if a == 0:
        return b
    if b == 0:
        return a
    return _bin(rw, "add", _val(rw, a, loc), _val(rw, b, loc), loc)


def _val(rw: Any, x: Value | int, loc: Any) -> Value:
    return const(rw, x, i64, loc) if isinstance(x, int) else x


def _layout(rw: Any, t: MemRefType, d: MemRefDescriptor) -> tuple[Value | int, list[Value | int]]:
    """Offset and strides: static ones as ints, dynamic ones read from the descriptor."""
    so = strides_and_offset(t)
    assert so is not None
    strides, offset = so
    off: Value | int = offset if offset != DYNAMIC else d.offset()
    return off, [s if s != DYNAMIC else d.stride(k) for k, s in enumerate(strides)]


def _sizes(t: MemRefType, d: MemRefDescriptor) -> list[Value | int]:
    return [s if s != DYNAMIC else d.size(k) for k, s in enumerate(t.shape)]


def element_pointer(rw: Any, t: MemRefType, desc: Value, indices: Sequence[Value], loc: Any) -> Value:
    """``aligned + offset + sum i_k * stride_k`` as an ``llvm.getelementptr`` on the element type."""
    d = MemRefDescriptor(rw, desc, loc)
    off, strides = _layout(rw, t, d)
    idx: Value | int = off
    for i, s in zip(indices, strides):
        idx = _add(rw, idx, _mul(rw, i, s, loc), loc)
    et = convert_element(t.element_type)
    assert et is not None
    gep: Value = rw.create(llvm.GEPOp, [d.aligned(), _val(rw, idx, loc)], [llvm.PTR], {
        "elem_type": TypeAttr(et), "noWrapFlags": IntegerAttr(7, i32),
        "rawConstantIndices": DenseArrayAttr(i32, [llvm.DYNAMIC_INDEX])}, location=loc).results[0]
    return gep


def _descriptor_type(t: Type) -> llvm.LLVMStructType | None:
    d = TYPE_CONVERTER.convert_type(t) if isinstance(t, MemRefType) else None
    return d if isinstance(d, llvm.LLVMStructType) else None


def _build(rw: Any, t: MemRefType, allocated: Value, aligned: Value, offset: Value | int,
           sizes: list[Value | int], strides: list[Value | int], loc: Any) -> Value:
    dt = _descriptor_type(t)
    assert dt is not None
    return MemRefDescriptor.build(rw, dt, allocated, aligned, _val(rw, offset, loc), [_val(rw, s, loc) for s in sizes],
                                  [_val(rw, s, loc) for s in strides], loc).value


class _Pattern(ConversionPattern):
    def __init__(self, root: str):
        super().__init__(root, type_converter=TYPE_CONVERTER)


class AllocPattern(_Pattern):
    """``memref.alloc``/``alloca``: row-major strides, ``malloc``/``llvm.alloca`` of the byte size."""

    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        t = op.result_types[0]
        if not isinstance(t, MemRefType) or _descriptor_type(t) is None or t.layout is not None:
            return False
        loc = op.location
        dyn = iter(operands)
        sizes: list[Value | int] = [s if s != DYNAMIC else next(dyn) for s in t.shape]
        strides: list[Value | int] = []
        acc: Value | int = 1
        for s in reversed(sizes):
            strides.append(acc)
            acc = _mul(rw, acc, s, loc)
        strides.reverse()
        et = convert_element(t.element_type)
        assert et is not None
        esize = byte_size(t.element_type)
        al = op.properties.get("alignment")
        align = al.value if isinstance(al, IntegerAttr) else 0
        if op.name == "memref.alloca":
            props: dict[str, Attribute] = {"elem_type": TypeAttr(et)}
            if align:
                props["alignment"] = IntegerAttr(align, i64)
            p = rw.create(llvm.AllocaOp, [_val(rw, acc, loc)], [llvm.PTR], props, location=loc).results[0]
            rw.replace_op(op, [_build(rw, t, p, p, 0, sizes, strides, loc)])
            return True
        _ensure_decl(rw, op, "malloc", llvm.LLVMFunctionType(llvm.PTR, [i64]))
        nbytes = _mul(rw, acc, esize, loc)
        if align:
            nbytes = _add(rw, nbytes, align, loc)
        call = rw.create(llvm.CallOp, [_val(rw, nbytes, loc)], [llvm.PTR], {
            "callee": SymbolRefAttr("malloc"), "operandSegmentSizes": DenseArrayAttr(i32, [1, 0])}, location=loc)
        allocated = call.results[0]
        aligned = allocated
        if align:
            # aligned = allocated + (-allocated mod align) bytes, MLIR's alignment bump done with a GEP rather than
            # inttoptr so that LLVM keeps the pointer's provenance (it stays a fresh, non-aliasing malloc result)
            a = rw.create(llvm.CAST_OPS["ptrtoint"], [allocated], [i64], location=loc).results[0]
            neg = _bin(rw, "sub", const(rw, 0, i64, loc), a, loc)
            pad = _bin(rw, "and", neg, const(rw, align - 1, i64, loc), loc)
            aligned = rw.create(llvm.GEPOp, [allocated, pad], [llvm.PTR], {
                "elem_type": TypeAttr(IntegerType(8)), "noWrapFlags": IntegerAttr(3, i32),
                "rawConstantIndices": DenseArrayAttr(i32, [llvm.DYNAMIC_INDEX])}, location=loc).results[0]
        rw.replace_op(op, [_build(rw, t, allocated, aligned, 0, sizes, strides, loc)])
        return True


class DeallocPattern(_Pattern):
    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        if _descriptor_type(op.operands[0].type) is None:
            return False
        _ensure_decl(rw, op, "free", llvm.LLVMFunctionType(llvm.VOID, [llvm.PTR]))
        p = MemRefDescriptor(rw, operands[0], op.location).allocated()
        rw.create(llvm.CallOp, [p], [], {"callee": SymbolRefAttr("free"),
                                         "operandSegmentSizes": DenseArrayAttr(i32, [1, 0])}, location=op.location)
        rw.erase_op(op)
        return True


def _mem_props(op: Operation) -> dict[str, Attribute]:
    props: dict[str, Attribute] = {}
    al = op.properties.get("alignment")
    if isinstance(al, IntegerAttr):
        props["alignment"] = IntegerAttr(al.value, i64)
    nt = op.properties.get("nontemporal")
    if nt is not None and getattr(nt, "value", False):
        props["nontemporal"] = UnitAttr()
    return props


class LoadPattern(_Pattern):
    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        t = op.operands[0].type
        rt = TYPE_CONVERTER.convert_type(op.result_types[0])
        if not isinstance(t, MemRefType) or _descriptor_type(t) is None or rt is None:
            return False
        p = element_pointer(rw, t, operands[0], operands[1:], op.location)
        rw.replace_op(op, rw.create(llvm.LoadOp, [p], [rt], _mem_props(op), location=op.location))
        return True


class StorePattern(_Pattern):
    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        t = op.operands[1].type
        if not isinstance(t, MemRefType) or _descriptor_type(t) is None:
            return False
        p = element_pointer(rw, t, operands[1], operands[2:], op.location)
        rw.create(llvm.StoreOp, [operands[0], p], [], _mem_props(op), location=op.location)
        rw.erase_op(op)
        return True


class DimPattern(_Pattern):
    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        t = op.operands[0].type
        if not isinstance(t, MemRefType) or _descriptor_type(t) is None:
            return False
        from mlir_py.rewrite import constant_value

        k = constant_value(op.operands[1])
        if not isinstance(k, IntegerAttr):
            return False  # a dynamic dimension index would need the sizes array in memory
        s = t.shape[k.value]
        v = const(rw, s, i64, op.location) if s != DYNAMIC else \
            MemRefDescriptor(rw, operands[0], op.location).size(k.value)
        rw.replace_op(op, [v])
        return True


class CastPattern(_Pattern):
    """``memref.cast`` between ranked memrefs: the descriptor does not change."""

    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        if _descriptor_type(op.operands[0].type) is None or _descriptor_type(op.result_types[0]) is None:
            return False
        rw.replace_op(op, [operands[0]])
        return True


def _mixed(static: Attribute | None, dynamic: list[Value]) -> list[Value | int]:
    it = iter(dynamic)
    assert isinstance(static, DenseArrayAttr)
    return [s if s != DYNAMIC else next(it) for s in static.values]


class ViewPattern(_Pattern):
    """``subview``/``reinterpret_cast``/``collapse_shape``/``expand_shape``: a new descriptor on the same buffer."""

    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        src_t, res_t = op.operands[0].type, op.result_types[0]
        if not isinstance(res_t, MemRefType) or _descriptor_type(res_t) is None or \
                not isinstance(src_t, MemRefType) or _descriptor_type(src_t) is None:
            return False
        loc = op.location
        d = MemRefDescriptor(rw, operands[0], loc)
        so = strides_and_offset(res_t)
        assert so is not None
        r_strides, r_off = so
        n_off = len(getattr(op, "offsets", []) or [])
        n_sz = len(getattr(op, "sizes", []) or [])
        if op.name == "memref.subview":
            offs = _mixed(op.properties["static_offsets"], operands[1:1 + n_off])
            sizes = _mixed(op.properties["static_sizes"], operands[1 + n_off:1 + n_off + n_sz])
            steps = _mixed(op.properties["static_strides"], operands[1 + n_off + n_sz:])
            s_off, s_strides = _layout(rw, src_t, d)
            off: Value | int = s_off
            for o, s in zip(offs, s_strides):
                off = _add(rw, off, _mul(rw, o, s, loc), loc)
            strides = [_mul(rw, s, st, loc) for s, st in zip(s_strides, steps)]
            keep = _kept_dims(sizes, res_t)
            if keep is None:
                return False
            sizes = [sizes[k] for k in keep]
            strides = [strides[k] for k in keep]
        elif op.name == "memref.reinterpret_cast":
            off = _mixed(op.properties["static_offsets"], operands[1:1 + n_off])[0]
            sizes = _mixed(op.properties["static_sizes"], operands[1 + n_off:1 + n_off + n_sz])
            strides = _mixed(op.properties["static_strides"], operands[1 + n_off + n_sz:])
        else:  # collapse/expand of a contiguous memref: static result layout only
            if DYNAMIC in res_t.shape or DYNAMIC in r_strides or r_off == DYNAMIC:
                return False
            off, sizes, strides = r_off, list(res_t.shape), list(r_strides)
        # static facts of the result type win (they are what later loads use)
        off = r_off if r_off != DYNAMIC else off
        sizes = [s if s != DYNAMIC else v for s, v in zip(res_t.shape, sizes)]
        strides = [s if s != DYNAMIC else v for s, v in zip(r_strides, strides)]
        rw.replace_op(op, [_build(rw, res_t, d.allocated(), d.aligned(), off, sizes, strides, loc)])
        return True


def _kept_dims(sizes: list[Value | int], res_t: MemRefType) -> list[int] | None:
    """Which source dimensions a (possibly rank-reducing) subview keeps: unit dimensions are dropped from the left
    until the ranks agree, skipping those the result's static shape needs."""
    drop = len(sizes) - len(res_t.shape)
    keep: list[int] = []
    j = 0
    for k, s in enumerate(sizes):
        if drop > 0 and s == 1 and not (j < len(res_t.shape) and res_t.shape[j] == 1 and
                                        len(sizes) - k - 1 < len(res_t.shape) - j):
            drop -= 1
            continue
        keep.append(k)
        j += 1
    return keep if len(keep) == len(res_t.shape) else None


class CopyPattern(_Pattern):
    """``memref.copy``: ``memcpy`` for contiguous buffers, else a loop nest of element loads and stores."""

    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        st, dt = op.operands[0].type, op.operands[1].type
        if not isinstance(st, MemRefType) or not isinstance(dt, MemRefType) or _descriptor_type(st) is None or \
                _descriptor_type(dt) is None:
            return False
        loc = op.location
        if st.layout is None and dt.layout is None:
            _ensure_decl(rw, op, "memcpy", llvm.LLVMFunctionType(llvm.PTR, [llvm.PTR, llvm.PTR, i64]))
            sd = MemRefDescriptor(rw, operands[0], loc)
            n: Value | int = byte_size(st.element_type)
            for s in _sizes(st, sd):
                n = _mul(rw, n, s, loc)
            dd = MemRefDescriptor(rw, operands[1], loc)
            rw.create(llvm.CallOp, [dd.aligned(), sd.aligned(), _val(rw, n, loc)], [llvm.PTR], {
                "callee": SymbolRefAttr("memcpy"), "operandSegmentSizes": DenseArrayAttr(i32, [3, 0])}, location=loc)
            rw.erase_op(op)
            return True
        copy_loops(rw, op, st, dt, operands[0], operands[1])
        return True


def copy_loops(rw: ConversionPatternRewriter, op: Operation, st: MemRefType, dt: MemRefType, src: Value,
               dst: Value) -> None:
    """Split the block at ``op`` and copy element by element in an R-deep loop nest of llvm blocks:
    ``header_k(iv)``: ``iv < size_k`` ? ``body_k`` : exit (``after`` for k = 0, else ``latch_{k-1}``);
    ``body_k`` enters ``header_{k+1}(0)`` or, innermost, loads, stores and goes to ``latch_k``, which increments."""
    loc = op.location
    block = op.parent
    assert block is not None and block.parent is not None
    et = convert_element(st.element_type)
    assert et is not None
    sizes_v = [_val(rw, s, loc) for s in _sizes(st, MemRefDescriptor(rw, src, loc))]
    zero, one = const(rw, 0, i64, loc), const(rw, 1, i64, loc)
    after = rw.split_block(block, op.next_op)
    region = block.parent
    r = len(sizes_v)
    headers = [rw.create_block(region, after, [i64]) for _ in range(r)]
    bodies = [rw.create_block(region, after) for _ in range(r)]
    latches = [rw.create_block(region, after) for _ in range(r)]
    ivs = [h.args[0] for h in headers]

    def br(at: Block, dest: Block, args: list[Value]) -> None:
        rw.set_insertion_point_to_end(at)
        rw.create(llvm.LLVMBrOp, args, [], successors=[dest], location=loc)

    rw.set_insertion_point(op)
    if r == 0:
        v = rw.create(llvm.LoadOp, [element_pointer(rw, st, src, [], loc)], [et], location=loc).results[0]
        rw.create(llvm.StoreOp, [v, element_pointer(rw, dt, dst, [], loc)], [], location=loc)
        rw.erase_op(op)
        br(block, after, [])
        return
    rw.erase_op(op)
    br(block, headers[0], [zero])
    for k in range(r):
        rw.set_insertion_point_to_end(headers[k])
        c = rw.create(llvm.ICmpOp, [ivs[k], sizes_v[k]], [i1], {"predicate": llvm.ICMP_PREDICATE.attr("slt")},
                      location=loc).results[0]
        rw.create(llvm.LLVMCondBrOp, [c], [], {"operandSegmentSizes": DenseArrayAttr(i32, [1, 0, 0])},
                  successors=[bodies[k], after if k == 0 else latches[k - 1]], location=loc)
        if k + 1 < r:
            br(bodies[k], headers[k + 1], [zero])
        rw.set_insertion_point_to_end(latches[k])
        nxt = _bin(rw, "add", ivs[k], one, loc)
        rw.create(llvm.LLVMBrOp, [nxt], [], successors=[headers[k]], location=loc)
    rw.set_insertion_point_to_end(bodies[-1])
    v = rw.create(llvm.LoadOp, [element_pointer(rw, st, src, ivs, loc)], [et], location=loc).results[0]
    rw.create(llvm.StoreOp, [v, element_pointer(rw, dt, dst, ivs, loc)], [], location=loc)
    br(bodies[-1], latches[-1], [])


def _array_type(t: MemRefType) -> Type:
    et = convert_element(t.element_type)
    assert et is not None
    for d in reversed(t.shape):
        et = llvm.LLVMArrayType(d, et)
    return et


class GlobalPattern(_Pattern):
    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        t = op.properties["type"].value  # type: ignore[attr-defined]
        if not isinstance(t, MemRefType) or DYNAMIC in t.shape:
            return False
        props: dict[str, Attribute] = {"sym_name": op.properties["sym_name"], "global_type": TypeAttr(_array_type(t))}
        vis = op.properties.get("sym_visibility")
        props["linkage"] = llvm.linkage("private" if isinstance(vis, StringAttr) and vis.value == "private"
                                        else "external")
        if "constant" in op.properties:
            props["constant"] = UnitAttr()
        iv = op.properties.get("initial_value")
        if iv is not None and not isinstance(iv, UnitAttr):
            props["value"] = iv
        al = op.properties.get("alignment")
        if isinstance(al, IntegerAttr):
            props["alignment"] = IntegerAttr(al.value, i64)
        rw.replace_op(op, rw.create(llvm.GlobalOp, [], [], props, regions=1, location=op.location))
        return True


class GetGlobalPattern(_Pattern):
    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        t = op.result_types[0]
        if not isinstance(t, MemRefType) or _descriptor_type(t) is None or DYNAMIC in t.shape:
            return False
        loc = op.location
        name = op.properties["name"]
        assert isinstance(name, SymbolRefAttr)
        p = rw.create(llvm.AddressOfOp, [], [llvm.PTR], {"global_name": name}, location=loc).results[0]
        so = strides_and_offset(t)
        assert so is not None
        rw.replace_op(op, [_build(rw, t, p, p, 0, list(t.shape), list(so[0]), loc)])
        return True


def memref_to_llvm_patterns() -> list[ConversionPattern]:
    return [AllocPattern("memref.alloc"), AllocPattern("memref.alloca"), DeallocPattern("memref.dealloc"),
            LoadPattern("memref.load"), StorePattern("memref.store"), DimPattern("memref.dim"),
            CastPattern("memref.cast"), ViewPattern("memref.subview"), ViewPattern("memref.reinterpret_cast"),
            ViewPattern("memref.collapse_shape"), ViewPattern("memref.expand_shape"), CopyPattern("memref.copy"),
            GlobalPattern("memref.global"), GetGlobalPattern("memref.get_global")]


@register_pass
class FinalizeMemRefToLLVMPass(Pass):
    """Convert memref ops to the llvm dialect on MLIR's memref descriptor (``finalize-memref-to-llvm``,
    mlir/docs/TargetLLVMIR.md): ``alloc``/``dealloc`` through ``malloc``/``free`` (aligned when asked),
    ``alloca``, ``load``/``store`` through ``getelementptr`` with the static strides as constants, ``dim``,
    ``cast``, the views (``subview``, ``reinterpret_cast``, ``collapse_shape``, ``expand_shape``) as new
    descriptors, ``copy`` as ``memcpy`` or an element loop, ``global``/``get_global``. Errors: ``failed to
    legalize operation`` for unranked memrefs or non-strided layouts."""

    argument = "finalize-memref-to-llvm"
    summary = "Finalize MemRef dialect to LLVM dialect conversion"

    def initialize(self) -> None:
        self.patterns = memref_to_llvm_patterns()

    def run_on_operation(self, op: Operation) -> None:
        target = ConversionTarget()
        target.add_legal_dialect("llvm")
        handled = {p.root_name for p in self.patterns}
        target.add_dynamically_legal_dialect("memref", lambda o: o.name not in handled)
        run_conversion(self, op, target, self.patterns)


__all__ = ["FinalizeMemRefToLLVMPass", "byte_size", "element_pointer", "memref_to_llvm_patterns"]
