"""``convert-func-to-llvm``: func.func/return/call to llvm.func/return/call with MLIR's calling convention.

MLIR's default convention (mlir/docs/TargetLLVMIR.md, "Calling Conventions"): a ranked memref argument is
*expanded* into the fields of its descriptor — allocated pointer, aligned pointer, offset, R sizes, R strides —
and the descriptor is rebuilt at the function entry (``llvm.mlir.undef`` + ``llvm.insertvalue``); a memref
result is returned as its descriptor struct; several results are packed into one ``!llvm.struct``. ``index`` is
``i64``. Argument attributes ``llvm.*`` are kept (on both pointers of an expanded memref, so ``llvm.noalias``
reaches LLVM). A function carrying the unit attribute ``llvm.emit_c_interface`` also gets a wrapper
``_mlir_ciface_<name>`` taking each memref as a *pointer to its descriptor* and returning memref (or multiple)
results through a pointer passed first — the interface C (and ctypes, see :mod:`mlir_py.cpu_runner`) can call.

Errors: a signature type without an llvm equivalent (tensor, unranked memref) leaves the function unconverted, and
the pass reports ``failed to legalize operation 'func.func'``.
"""

from __future__ import annotations

from typing import Any

from dialects import llvm
from dialects.builtin import UnrealizedConversionCastOp
from mlir_py.attributes import (
    ArrayAttr,
    Attribute,
    DenseArrayAttr,
    DictionaryAttr,
    FunctionType,
    MemRefType,
    SymbolRefAttr,
    Type,
    UnitAttr,
    i32,
    i64,
)
from mlir_py.conversion import ConversionPattern, ConversionPatternRewriter, ConversionTarget
from mlir_py.ir import Block, Operation, Value
from mlir_py.pass_manager import Pass, register_pass

from ._llvm_common import TYPE_CONVERTER, MemRefDescriptor, extract, insert, run_conversion

CIFACE_ATTR = "llvm.emit_c_interface"
CIFACE_PREFIX = "_mlir_ciface_"


def expanded_types(t: Type) -> list[Type] | None:
    """The LLVM parameter types one argument of type ``t`` becomes (memref: its descriptor's fields)."""
    if isinstance(t, MemRefType):
        d = TYPE_CONVERTER.convert_type(t)
        if d is None:
            return None
        r = len(t.shape)
        return [llvm.PTR, llvm.PTR, i64] + [i64] * (2 * r)
    c = TYPE_CONVERTER.convert_type(t)
    return None if c is None else [c]


def packed_result_type(results: list[Type]) -> Type | None:
    """``void`` for none, the converted type for one, an ``!llvm.struct`` of the converted types for several."""
    conv = TYPE_CONVERTER.convert_types(results)
    if conv is None:
        return None
    if not conv:
        return llvm.VOID
    return conv[0] if len(conv) == 1 else llvm.LLVMStructType(conv)


def _arg_attr_dicts(op: Operation, n: int) -> list[dict[str, Attribute]]:
    aa = op.properties.get("arg_attrs")
    if not isinstance(aa, ArrayAttr):
        return [{} for _ in range(n)]
    return [dict(a.value) if isinstance(a, DictionaryAttr) else {} for a in aa]


def pack(rw: Any, values: list[Value], t: Type, loc: Any) -> Value:
    """Several values as one ``!llvm.struct`` (undef + insertvalue)."""
    v: Value = rw.create(llvm.UndefOp, [], [t], location=loc).results[0]
    for i, x in enumerate(values):
        v = insert(rw, v, x, [i], loc)
    return v


class FuncOpPattern(ConversionPattern):
    """``func.func`` -> ``llvm.func`` (signature expanded, entry descriptors rebuilt, C wrapper on request)."""

    root = "func.func"

    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        ft = op.properties["function_type"].value  # type: ignore[attr-defined]
        assert isinstance(ft, FunctionType)
        params: list[Type] = []
        per_arg: list[list[Type]] = []
        for t in ft.inputs:
            e = expanded_types(t)
            if e is None:
                return False
            per_arg.append(e)
            params += e
        ret = packed_result_type(list(ft.results))
        if ret is None:
            return False
        name = op.properties["sym_name"].value  # type: ignore[attr-defined]
        new = llvm.LLVMFuncOp.build_func(name, llvm.LLVMFunctionType(ret, params), declaration=True,
                                         location=op.location)
        attrs = _arg_attr_dicts(op, len(ft.inputs))
        new_attrs: list[Attribute] = []
        for t, d, e in zip(ft.inputs, attrs, per_arg):
            kept = {k: a for k, a in d.items() if k.startswith("llvm.")}
            if isinstance(t, MemRefType):
                new_attrs += [DictionaryAttr(kept), DictionaryAttr(kept)] + [DictionaryAttr({})] * (len(e) - 2)
            else:
                new_attrs.append(DictionaryAttr(kept))
        if any(isinstance(a, DictionaryAttr) and a.value for a in new_attrs):
            new.properties["arg_attrs"] = ArrayAttr(new_attrs)
        for k, a in op.attributes.items():
            if k != CIFACE_ATTR:
                new.attributes[k] = a
        rw.insert(new)
        has_body = bool(op.regions[0].blocks)
        if has_body:
            rw.inline_region_before(op.regions[0], new.regions[0])
            # the other blocks' arguments are converted with their branches (convert-cf-to-llvm)
            self._convert_entry(new.regions[0].blocks[0], ft, per_arg, rw, op.location)
        if CIFACE_ATTR in op.attributes and has_body:
            emit_c_wrapper(rw, new, ft, op.location)
        rw.erase_op(op)
        return True

    @staticmethod
    def _convert_entry(entry: Block, ft: FunctionType, per_arg: list[list[Type]], rw: ConversionPatternRewriter,
                       loc: Any) -> None:
        old = list(entry.args)
        new_args = [[entry.add_argument(t, a.location) for t in ts] for a, ts in zip(old, per_arg)]
        with rw.insertion_guard():
            rw.set_insertion_point_to_start(entry)
            for a, t, vals in zip(old, ft.inputs, new_args):
                if isinstance(t, MemRefType):
                    r = len(t.shape)
                    dt = TYPE_CONVERTER.convert_type(t)
                    assert isinstance(dt, llvm.LLVMStructType)
                    d = MemRefDescriptor.build(rw, dt, vals[0], vals[1], vals[2], vals[3:3 + r], vals[3 + r:], loc)
                    v = d.value
                else:
                    v = vals[0]
                if not a.uses:
                    continue
                if v.type != a.type:
                    cast = rw.create(UnrealizedConversionCastOp, [v], [a.type], location=loc)
                    rw.casts.append((cast, "source", TYPE_CONVERTER))
                    rw.mapping[cast.results[0]] = v
                    v = cast.results[0]
                a.replace_all_uses_with(v)
        for _ in old:
            entry.erase_argument(0)


def convert_block_types(rw: ConversionPatternRewriter, b: Block) -> None:
    """Convert the argument types of a non-entry block in place; the old-typed uses get a cast."""
    for a in b.args:
        t = TYPE_CONVERTER.convert_type(a.type)
        if t is None or t == a.type:
            continue
        old, uses = a.type, a.uses
        a.type = t
        if uses:
            with rw.insertion_guard():
                rw.set_insertion_point_to_start(b)
                cast = rw.create(UnrealizedConversionCastOp, [a], [old], location=a.location)
            rw.casts.append((cast, "source", TYPE_CONVERTER))
            rw.mapping[cast.results[0]] = a
            for u in uses:
                u.set(cast.results[0])


def emit_c_wrapper(rw: ConversionPatternRewriter, fn: llvm.LLVMFuncOp, ft: FunctionType, loc: Any) -> None:
    """``llvm.func @_mlir_ciface_<name>``: memref arguments as pointers to descriptors, memref or multiple
    results stored through a first pointer argument (MLIR's ``wrapForExternalCallers``)."""
    results = list(ft.results)
    ret = fn.type.result
    by_pointer = len(results) > 1 or any(isinstance(t, MemRefType) for t in results)
    params: list[Type] = [llvm.PTR] if by_pointer else []
    for t in ft.inputs:
        c = llvm.PTR if isinstance(t, MemRefType) else TYPE_CONVERTER.convert_type(t)
        assert c is not None
        params.append(c)
    w = llvm.LLVMFuncOp.build_func(CIFACE_PREFIX + fn.name_str,
                                   llvm.LLVMFunctionType(llvm.VOID if by_pointer else ret, params), location=loc)
    w.attributes[CIFACE_ATTR] = UnitAttr()
    rw.set_insertion_point_after(fn)
    rw.insert(w)
    entry = w.regions[0].blocks[0]
    args = list(entry.args)
    out_ptr = args.pop(0) if by_pointer else None
    with rw.insertion_guard():
        rw.set_insertion_point_to_end(entry)
        call_args: list[Value] = []
        for t, a in zip(ft.inputs, args):
            if isinstance(t, MemRefType):
                dt = TYPE_CONVERTER.convert_type(t)
                assert dt is not None
                d = rw.create(llvm.LoadOp, [a], [dt], location=loc).results[0]
                call_args += MemRefDescriptor(rw, d, loc).fields(len(t.shape))
            else:
                call_args.append(a)
        call = rw.create(llvm.CallOp, call_args, [] if isinstance(ret, llvm.LLVMVoidType) else [ret], {
            "callee": SymbolRefAttr(fn.name_str),
            "operandSegmentSizes": DenseArrayAttr(i32, [len(call_args), 0])}, location=loc)
        if out_ptr is not None:
            rw.create(llvm.StoreOp, [call.results[0], out_ptr], [], location=loc)
            rw.create(llvm.ReturnOp, [], [], location=loc)
        else:
            rw.create(llvm.ReturnOp, list(call.results), [], location=loc)


class ReturnPattern(ConversionPattern):
    root = "func.return"

    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        if len(operands) > 1:
            t = packed_result_type([v.type for v in op.operands])
            assert t is not None
            operands = [pack(rw, operands, t, op.location)]
        rw.replace_op(op, rw.create(llvm.ReturnOp, operands, [], location=op.location))
        return True


class CallPattern(ConversionPattern):
    """``func.call`` -> ``llvm.call`` with memref operands expanded and multiple results unpacked."""

    root = "func.call"

    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        ret = packed_result_type(op.result_types)
        if ret is None:
            return False
        args: list[Value] = []
        for orig, v in zip(op.operands, operands):
            if isinstance(orig.type, MemRefType):
                args += MemRefDescriptor(rw, v, op.location).fields(len(orig.type.shape))
            else:
                args.append(v)
        callee = op.properties["callee"]
        call = rw.create(llvm.CallOp, args, [] if isinstance(ret, llvm.LLVMVoidType) else [ret], {
            "callee": callee, "operandSegmentSizes": DenseArrayAttr(i32, [len(args), 0])},
            location=op.location)
        if len(op.results) > 1:
            assert isinstance(ret, llvm.LLVMStructType)
            rw.replace_op(op, [extract(rw, call.results[0], [i], t, op.location)
                               for i, t in enumerate(ret.body_types)])
        else:
            rw.replace_op(op, call)
        return True


def func_to_llvm_patterns() -> list[ConversionPattern]:
    return [FuncOpPattern(type_converter=TYPE_CONVERTER), ReturnPattern(type_converter=TYPE_CONVERTER),
            CallPattern(type_converter=TYPE_CONVERTER)]


@register_pass
class ConvertFuncToLLVMPass(Pass):
    """Convert func.func/return/call to llvm.func/return/call with MLIR's calling convention (TargetLLVMIR.md):
    memref arguments expanded into their descriptor fields (allocated and aligned pointers, offset, sizes,
    strides) and rebuilt at the entry, memref results returned as descriptor structs, several results packed in an
    ``!llvm.struct``; ``index`` is ``i64``; ``llvm.*`` argument attributes kept. Functions marked
    ``llvm.emit_c_interface`` get a ``_mlir_ciface_<name>`` wrapper taking pointers to descriptors (results
    through a first pointer argument). Errors: ``failed to legalize operation 'func.func'`` for a signature with
    tensors or unranked memrefs."""

    argument = "convert-func-to-llvm"
    summary = "Convert func ops to the llvm dialect"

    def initialize(self) -> None:
        self.patterns = func_to_llvm_patterns()

    def run_on_operation(self, op: Operation) -> None:
        target = ConversionTarget()
        target.add_legal_dialect("llvm")
        target.add_illegal_dialect("func")
        run_conversion(self, op, target, self.patterns)


__all__ = ["CIFACE_ATTR", "CIFACE_PREFIX", "ConvertFuncToLLVMPass", "convert_block_types", "expanded_types",
           "func_to_llvm_patterns", "packed_result_type"]
