"""Translation of the llvm dialect to LLVM IR text (MLIR's ``mlir-translate --mlir-to-llvmir``), checked and
compiled with llvmlite.

:func:`translate_module` walks a module that holds only llvm ops (``llvm.func``, ``llvm.mlir.global`` and the ops
inside) and writes LLVM IR as LangRef spells it: one ``define``/``declare`` per function (``llvm.*`` argument
attributes become parameter attributes: ``noalias``, ``readonly``, ``align N``...), block arguments become ``phi``
nodes fed by the branches of the predecessors, ``llvm.mlir.constant``/``undef``/``poison``/``zero`` fold into the
operands that use them, intrinsics become calls to ``@llvm.<name>.<type suffix>`` with their declarations.
Floats are written in LLVM's exact hexadecimal form (``0x3FF0000000000000``, a double even for ``float``).

:func:`parse_and_verify` hands the text to ``llvmlite.binding.parse_assembly`` and LLVM's verifier;
:func:`host_target_machine` is the host CPU's target machine (its name and features, ``opt`` level 0-3) and
:func:`optimize` runs LLVM's ``default<O3>`` pipeline. The translation ``--mlir-to-llvmir`` is registered with
:mod:`mlir_py.translate` and takes ``--emit=llvm|asm|obj`` (``asm``/``obj``: optimized for the host at
``--opt-level``, default 3).

Errors (:class:`~mlir_py.diagnostics.DiagnosticError`, located at the op): an op of another dialect
(``cannot be converted to LLVM IR: missing `LLVMTranslationDialectInterface` registration for dialect for op:
func.func``, MLIR's message), an unsupported llvm op or type, and LLVM's own parse/verifier messages.
"""

from __future__ import annotations

import re
import struct
from typing import Any

import numpy as np

from .attributes import (
    Attribute,
    DenseElementsAttr,
    DenseResourceElementsAttr,
    FloatAttr,
    FloatType,
    IntegerAttr,
    IntegerType,
    StringAttr,
    Type,
    TypeAttr,
    UnitAttr,
    VectorType,
)
from .diagnostics import Diagnostic, DiagnosticError
from .ir import Block, Operation, Value
from .translate import register_translation

_FLOAT_NAMES = {16: "half", 32: "float", 64: "double", 80: "x86_fp80", 128: "fp128"}
_PARAM_ATTRS = {"llvm.noalias": "noalias", "llvm.readonly": "readonly", "llvm.writeonly": "writeonly",
                "llvm.nonnull": "nonnull", "llvm.noundef": "noundef", "llvm.nocapture": "captures(none)",
                "llvm.nofree": "nofree", "llvm.signext": "signext", "llvm.zeroext": "zeroext"}
_FASTMATH_ORDER = ("reassoc", "nnan", "ninf", "nsz", "arcp", "contract", "afn")


def _error(op: Operation, msg: str) -> DiagnosticError:
    return DiagnosticError(Diagnostic("error", msg, op.location))


def llvm_type(t: Type) -> str:
    """The LLVM IR spelling of a (converted) type: ``i32``, ``float``, ``ptr``, ``{ ptr, i64 }``, ``[4 x i64]``,
    ``<4 x float>``, ``void``."""
    from dialects import llvm as d

    if isinstance(t, IntegerType):
        return f"i{t.width}"
    if isinstance(t, FloatType):
        if t.kind == "bf16":
            return "bfloat"
        return _FLOAT_NAMES[t.width]
    if isinstance(t, d.LLVMPointerType):
        return "ptr" if t.addr_space == 0 else f"ptr addrspace({t.addr_space})"
    if isinstance(t, d.LLVMStructType):
        body = ", ".join(llvm_type(x) for x in t.body_types)
        return ("<{ " + body + " }>") if t.packed else ("{ " + body + " }" if body else "{}")
    if isinstance(t, d.LLVMArrayType):
        return f"[{t.size} x {llvm_type(t.element)}]"
    if isinstance(t, VectorType) and len(t.shape) == 1:
        return f"<{t.shape[0]} x {llvm_type(t.element_type)}>"
    if isinstance(t, d.LLVMVoidType):
        return "void"
    raise ValueError(f"type '{t}' has no LLVM IR equivalent")


def float_literal(v: float, t: Type) -> str:
    """LLVM's exact hexadecimal float literal (``double`` bits for float/double, ``0xH`` for half, ``0xR`` bf16)."""
    assert isinstance(t, FloatType)
    if t.width == 16:
        if t.kind == "bf16":
            bits = struct.unpack("<I", struct.pack("<f", v))[0] >> 16
            return f"0xR{bits:04X}"
        return f"0xH{int(np.float16(v).view(np.uint16)):04X}"
    if t.width == 32:
        v = float(np.float32(v))
    return f"0x{struct.unpack('<Q', struct.pack('<d', v))[0]:016X}"


def _scalar_literal(v: Any, t: Type) -> str:
    if isinstance(t, IntegerType):
        iv = int(v)
        if t.width == 1:
            return "true" if iv & 1 else "false"
        return str(iv)
    return float_literal(float(v), t)


def constant_literal(value: Attribute, t: Type) -> str:
    """The LLVM constant for an ``llvm.mlir.constant`` value of type ``t`` (scalars, vectors, nested arrays)."""
    from dialects import llvm as d

    if isinstance(value, (IntegerAttr, FloatAttr)):
        return _scalar_literal(value.value, t)
    if isinstance(value, DenseElementsAttr):
        arr = np.asarray(value.values())
        if isinstance(t, VectorType):
            et = t.element_type
            if value.is_splat:
                return f"splat ({llvm_type(et)} {_scalar_literal(arr.flat[0], et)})"
            return "<" + ", ".join(f"{llvm_type(et)} {_scalar_literal(x, et)}" for x in arr.flat) + ">"
        if isinstance(t, d.LLVMArrayType):
            return _array_literal(np.broadcast_to(arr, _array_shape(t)), t)
    if isinstance(value, StringAttr) and isinstance(t, d.LLVMArrayType):
        data = value.value.encode()
        return 'c"' + "".join(chr(b) if 32 <= b < 127 and b not in (34, 92) else f"\\{b:02X}" for b in data) + '"'
    raise ValueError(f"cannot translate the constant {value} of type {t}")


def _array_shape(t: Any) -> tuple[int, ...]:
    from dialects import llvm as d

    shape = []
    while isinstance(t, d.LLVMArrayType):
        shape.append(t.size)
        t = t.element
    return tuple(shape)


def _array_literal(arr: np.ndarray, t: Any) -> str:
    from dialects import llvm as d

    et = t.element
    if isinstance(et, d.LLVMArrayType):
        return "[" + ", ".join(f"{llvm_type(et)} {_array_literal(a, et)}" for a in arr) + "]"
    return "[" + ", ".join(f"{llvm_type(et)} {_scalar_literal(x, et)}" for x in arr) + "]"


def _symbol(name: str) -> str:
    return "@" + name if re.fullmatch(r"[A-Za-z$._][\w$.]*", name) else '@"' + name + '"'


def _fastmath(op: Operation) -> str:
    fm = op.properties.get("fastmathFlags")
    flags = getattr(fm, "flags", ())
    if not flags:
        return ""
    if set(flags) == set(_FASTMATH_ORDER):
        return "fast "
    return " ".join(f for f in _FASTMATH_ORDER if f in flags) + " "


def _intrinsic_suffix(t: Type) -> str:
    if isinstance(t, VectorType):
        return f"v{t.shape[0]}{_intrinsic_suffix(t.element_type)}"
    if isinstance(t, IntegerType):
        return f"i{t.width}"
    if isinstance(t, FloatType):
        return "bf16" if t.kind == "bf16" else f"f{t.width}"
    raise ValueError(f"no intrinsic suffix for {t}")


class _FunctionWriter:
    """Numbered SSA names, block labels and phi nodes for one ``llvm.func``."""

    def __init__(self, tr: _Translator, fn: Any):
        self.tr, self.fn = tr, fn
        self.names: dict[Value, str] = {}
        self.labels: dict[Block, str] = {}
        self.counter = 0

    def new_name(self, v: Value) -> str:
        n = f"%v{self.counter}"
        self.counter += 1
        self.names[v] = n
        return n

    def ref(self, v: Value) -> str:
        """A value as an operand: its SSA name, or the literal of a folded constant."""
        n = self.names.get(v)
        if n is not None:
            return n
        op = getattr(v, "op", None)
        if op is not None:
            lit = self.tr.literal(op)
            if lit is not None:
                return lit
        raise _error(op if op is not None else self.fn, "use of a value that is not defined before its use")

    def typed(self, v: Value) -> str:
        return f"{llvm_type(v.type)} {self.ref(v)}"

    def write(self) -> list[str]:
        fn = self.fn
        ft = fn.type
        blocks = fn.regions[0].blocks
        attrs = fn.arg_attr_dicts()
        params = []
        for i, t in enumerate(ft.params):
            pa = []
            for k, a in attrs[i].items():
                if k in _PARAM_ATTRS:
                    pa.append(_PARAM_ATTRS[k])
                elif k == "llvm.align" and isinstance(a, IntegerAttr):
                    pa.append(f"align {a.value}")
            name = ""
            if blocks:
                name = " " + self.new_name(blocks[0].args[i])
            params.append(llvm_type(t) + "".join(" " + x for x in pa) + name)
        if ft.vararg:
            params.append("...")
        link = fn.properties.get("linkage")
        lk = getattr(link, "value", "external")
        head = ("declare " if not blocks else "define ") + ("" if lk == "external" else lk + " ")
        sig = f"{head}{llvm_type(ft.result)} {_symbol(fn.name_str)}({', '.join(params)})"
        if not blocks:
            return [sig]
        for i, b in enumerate(blocks):
            self.labels[b] = f"bb{i}" if i else "entry"
        # name every result first so that phis and forward uses resolve
        for b in blocks[1:]:
            for a in b.args:
                self.new_name(a)
        for b in blocks:
            for op in b.ops:
                if op.results and self.tr.literal(op) is None:
                    self.new_name(op.results[0])
        lines = [sig + " {"]
        preds = self._incoming(blocks)
        for b in blocks:
            lines.append(f"{self.labels[b]}:")
            for k, a in enumerate(b.args if b is not blocks[0] else []):
                inc = ", ".join(f"[ {self.ref(v)}, %{lab} ]" for v, lab in preds.get((b, k), []))
                lines.append(f"  {self.names[a]} = phi {llvm_type(a.type)} {inc}")
            for op in b.ops:
                s = self.tr.instruction(self, op)
                if s is not None:
                    lines.append("  " + s)
        lines.append("}")
        return lines

    def _incoming(self, blocks: list[Block]) -> dict[tuple[Block, int], list[tuple[Value, str]]]:
        out: dict[tuple[Block, int], list[tuple[Value, str]]] = {}
        for b in blocks:
            term = b.last_op
            if term is None:
                continue
            for si, succ in enumerate(term.successors):
                vals = term.successor_operand_values(si)  # type: ignore[attr-defined]
                for k, v in enumerate(vals):
                    out.setdefault((succ, k), []).append((v, self.labels[b]))
        return out


class _Translator:
    def __init__(self, externalize: int | None = None, blobs: dict[str, Any] | None = None) -> None:
        #: the module's ``builtin`` resource blobs (``dense_resource`` initializers)
        self.blobs = blobs or {}
        self.declares: dict[str, str] = {}
        self._literals: dict[Operation, str | None] = {}
        #: globals with more elements than this are left ``external`` and their data returned (see
        #: :func:`translate_module_with_data`); None keeps every initializer in the text
        self.externalize = externalize
        self.external_data: dict[str, np.ndarray] = {}

    def literal(self, op: Operation) -> str | None:
        """The constant an op folds into (constants, undef, poison, zero, addressof), else None."""
        if op in self._literals:
            return self._literals[op]
        n = op.name
        lit: str | None = None
        t = op.results[0].type if op.results else None
        if n == "llvm.mlir.constant" and t is not None:
            try:
                lit = constant_literal(op.properties["value"], t)
            except ValueError as e:
                raise _error(op, str(e)) from None
        elif n == "llvm.mlir.undef":
            lit = "undef"
        elif n == "llvm.mlir.poison":
            lit = "poison"
        elif n == "llvm.mlir.zero" and t is not None:
            lit = "null" if llvm_type(t).startswith("ptr") else "zeroinitializer"
        elif n == "llvm.mlir.addressof":
            lit = _symbol(op.properties["global_name"].root)  # type: ignore[attr-defined]
        self._literals[op] = lit
        return lit

    def instruction(self, w: _FunctionWriter, op: Operation) -> str | None:
        from dialects import llvm as d

        n = op.name
        if self.literal(op) is not None:
            return None
        if not n.startswith("llvm."):
            raise _error(op, "cannot be converted to LLVM IR: missing `LLVMTranslationDialectInterface` "
                             f"registration for dialect for op: {n}")
        short = n[5:]
        res = (w.names[op.results[0]] + " = ") if op.results else ""
        ops = op.operands
        try:
            if short in d.BINARY_OPS:
                flags = ""
                ovf = op.properties.get("overflowFlags")
                if isinstance(ovf, IntegerAttr):
                    flags = "".join(f" {f}" for f, bit in (("nuw", 2), ("nsw", 1)) if ovf.value & bit)
                if "isExact" in op.properties:
                    flags += " exact"
                if "isDisjoint" in op.properties:
                    flags += " disjoint"
                fm = _fastmath(op)
                return f"{res}{short}{flags} {fm}{w.typed(ops[0])}, {w.ref(ops[1])}"
            if short == "fneg":
                return f"{res}fneg {_fastmath(op)}{w.typed(ops[0])}"
            if short in ("icmp", "fcmp"):
                spec = d.ICMP_PREDICATE if short == "icmp" else d.FCMP_PREDICATE
                pred = spec.case_of(op.properties["predicate"]).lstrip("_")
                fm = _fastmath(op) if short == "fcmp" else ""
                return f"{res}{short} {fm}{pred} {w.typed(ops[0])}, {w.ref(ops[1])}"
            if short in d.CAST_OPS:
                return f"{res}{short} {_fastmath(op)}{w.typed(ops[0])} to {llvm_type(op.results[0].type)}"
            if short == "select":
                return f"{res}select {_fastmath(op)}{w.typed(ops[0])}, {w.typed(ops[1])}, {w.typed(ops[2])}"
            if short == "load":
                al = op.properties.get("alignment")
                extra = f", align {al.value}" if isinstance(al, IntegerAttr) else ""
                vol = "volatile " if "volatile_" in op.properties else ""
                nt = ", !nontemporal !{i32 1}" if "nontemporal" in op.properties else ""
                return f"{res}load {vol}{llvm_type(op.results[0].type)}, {w.typed(ops[0])}{extra}{nt}"
            if short == "store":
                al = op.properties.get("alignment")
                extra = f", align {al.value}" if isinstance(al, IntegerAttr) else ""
                vol = "volatile " if "volatile_" in op.properties else ""
                nt = ", !nontemporal !{i32 1}" if "nontemporal" in op.properties else ""
                return f"store {vol}{w.typed(ops[0])}, {w.typed(ops[1])}{extra}{nt}"
            if short == "getelementptr":
                assert isinstance(op, d.GEPOp)
                et = op.properties["elem_type"]
                assert isinstance(et, TypeAttr)
                fl = op.properties.get("noWrapFlags")
                v = fl.value if isinstance(fl, IntegerAttr) else 0
                flags = ("inbounds " if v & 1 else ("nusw " if v & 2 else "")) + ("nuw " if v & 4 else "")
                idx = ", ".join(f"i32 {i}" if isinstance(i, int) else w.typed(i) for i in op.indices())
                return f"{res}getelementptr {flags}{llvm_type(et.value)}, {w.typed(ops[0])}, {idx}"
            if short in ("extractvalue", "insertvalue"):
                pos = ", ".join(str(p) for p in op.properties["position"].values)  # type: ignore[attr-defined]
                if short == "extractvalue":
                    return f"{res}extractvalue {w.typed(ops[0])}, {pos}"
                return f"{res}insertvalue {w.typed(ops[0])}, {w.typed(ops[1])}, {pos}"
            if short == "alloca":
                et = op.properties["elem_type"]
                assert isinstance(et, TypeAttr)
                al = op.properties.get("alignment")
                extra = f", align {al.value}" if isinstance(al, IntegerAttr) else ""
                return f"{res}alloca {llvm_type(et.value)}, {w.typed(ops[0])}{extra}"
            if short == "call":
                callee = op.properties["callee"].root  # type: ignore[attr-defined]
                rt = llvm_type(op.results[0].type) if op.results else "void"
                args = ", ".join(w.typed(a) for a in ops)
                return f"{res}call {_fastmath(op)}{rt} {_symbol(callee)}({args})"
            if short.startswith("intr."):
                return self._intrinsic(w, op, short[5:], res)
            if short == "br":
                return f"br label %{w.labels[op.successors[0]]}"
            if short == "cond_br":
                return f"br {w.typed(ops[0])}, label %{w.labels[op.successors[0]]}, " \
                       f"label %{w.labels[op.successors[1]]}"
            if short == "switch":
                assert isinstance(op, d.LLVMSwitchOp)
                t = llvm_type(ops[0].type)
                cases = " ".join(f"{t} {v}, label %{w.labels[b]}"
                                 for v, b in zip(op.case_value_list(), op.successors[1:]))
                return f"switch {w.typed(ops[0])}, label %{w.labels[op.successors[0]]} [ {cases} ]"
            if short == "return":
                return f"ret {w.typed(ops[0])}" if ops else "ret void"
            if short == "unreachable":
                return "unreachable"
        except ValueError as e:
            raise _error(op, str(e)) from None
        raise _error(op, f"'{n}' cannot be translated to LLVM IR yet")

    def _intrinsic(self, w: _FunctionWriter, op: Operation, name: str, res: str) -> str:
        t = op.results[0].type
        suffix = _intrinsic_suffix(t)
        fname = f"llvm.{name}.{suffix}"
        ty = llvm_type(t)
        params = ", ".join(llvm_type(a.type) for a in op.operands)
        self.declares[fname] = f"declare {ty} @{fname}({params})"
        args = ", ".join(w.typed(a) for a in op.operands)
        return f"{res}call {_fastmath(op)}{ty} @{fname}({args})"

    def global_(self, op: Operation) -> str:
        from dialects import llvm as d

        assert isinstance(op, d.GlobalOp)
        lk = getattr(op.properties.get("linkage"), "value", "external")
        kind = "constant" if "constant" in op.properties else "global"
        t = op.type
        v = op.properties.get("value")
        name = _symbol(op.properties["sym_name"].value)  # type: ignore[attr-defined]
        if isinstance(v, DenseResourceElementsAttr):  # the blob's elements, as a dense initializer
            from .resources import array_of_blob

            blob = self.blobs.get(v.handle)
            arr = array_of_blob(blob, v.type) if isinstance(blob, bytes) else None
            if arr is None or arr.shape != tuple(v.type.shape):
                raise _error(op, f"no data for dense_resource '{v.handle}' of type {v.type}")
            v = DenseElementsAttr(v.type, arr)
        al = op.properties.get("alignment")
        align = f", align {al.value}" if isinstance(al, IntegerAttr) else ""
        if v is None or isinstance(v, UnitAttr):
            if lk == "external":
                return f"{name} = external {kind} {llvm_type(t)}{align}"
            init = "zeroinitializer"
        elif self.externalize is not None and isinstance(v, DenseElementsAttr) and \
                int(np.prod(_array_shape(t))) > self.externalize:
            sym = op.properties["sym_name"].value  # type: ignore[attr-defined]
            arr = np.broadcast_to(np.asarray(v.values()), _array_shape(t))
            # a writable global gets its own copy: the attribute's data must not change
            self.external_data[sym] = np.ascontiguousarray(arr) if kind == "constant" else np.array(arr)
            return f"{name} = external {kind} {llvm_type(t)}{align}"
        else:
            try:
                init = constant_literal(v, t)
            except ValueError as e:
                raise _error(op, str(e)) from None
        link = "" if lk == "external" else lk + " "
        return f"{name} = {link}{kind} {llvm_type(t)} {init}{align}"


def translate_module(module: Operation) -> str:
    """LLVM IR text for a module of llvm-dialect ops (see the module docstring for the mapping and errors)."""
    return translate_module_with_data(module)[0]


def translate_module_with_data(module: Operation, externalize: int | None = None,
                               blobs: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    """:func:`translate_module`, except that globals initialized with more than ``externalize`` elements are
    declared ``external`` and returned as numpy arrays by name — a JIT maps them to the arrays' memory
    (``add_global_mapping``) instead of parsing megabytes of float literals (model weights). ``dense_resource``
    initializers take their elements from ``blobs`` (default: the module's ``builtin`` resources)."""
    if blobs is None:
        blobs = getattr(module, "resources", {}).get("builtin", {})
    tr = _Translator(externalize, blobs)
    body: list[str] = []
    for op in module.regions[0].ops():
        if op.name == "llvm.func":
            body.extend(_FunctionWriter(tr, op).write())
            body.append("")
        elif op.name == "llvm.mlir.global":
            body.append(tr.global_(op))
        else:
            raise _error(op, "cannot be converted to LLVM IR: missing `LLVMTranslationDialectInterface` "
                             f"registration for dialect for op: {op.name}")
    head = ["; ModuleID = 'LLVMDialectModule'", 'source_filename = "LLVMDialectModule"', ""]
    tail = [*sorted(tr.declares.values())] + ([""] if tr.declares else [])
    return "\n".join(head + body + tail), tr.external_data


_LLVM_READY = False


def _init_llvm() -> Any:
    global _LLVM_READY
    import llvmlite.binding as llvm

    if not _LLVM_READY:
        llvm.initialize_native_target()
        llvm.initialize_native_asmprinter()
        _LLVM_READY = True
    return llvm


def parse_and_verify(ir: str, where: Operation | None = None) -> Any:
    """``llvmlite.binding.parse_assembly`` + ``verify``; LLVM's message becomes a diagnostic at ``where``."""
    llvm = _init_llvm()
    try:
        mod = llvm.parse_assembly(ir)
        mod.verify()
    except RuntimeError as e:
        loc = where.location if where is not None else None
        raise DiagnosticError(Diagnostic("error", f"LLVM IR does not verify: {str(e).strip()}", loc)) from None
    return mod


def host_target_machine(opt_level: int = 3) -> Any:
    """The host CPU's target machine (``get_host_cpu_name``/``get_host_cpu_features``) at ``opt_level``."""
    llvm = _init_llvm()
    target = llvm.Target.from_default_triple()
    return target.create_target_machine(cpu=llvm.get_host_cpu_name(), features=llvm.get_host_cpu_features().flatten(),
                                        opt=opt_level, reloc="default", codemodel="jitdefault")


def optimize(mod: Any, tm: Any, opt_level: int = 3) -> None:
    """Run LLVM's ``default<O{opt_level}>`` module pipeline (loop and SLP vectorization on) in place."""
    llvm = _init_llvm()
    mod.triple = tm.triple
    mod.data_layout = str(tm.target_data)
    pto = llvm.create_pipeline_tuning_options(speed_level=opt_level)
    pto.loop_vectorization = opt_level >= 2
    pto.slp_vectorization = opt_level >= 2
    pto.loop_unrolling = opt_level >= 2
    pto.loop_interleaving = opt_level >= 2
    pb = llvm.create_pass_builder(tm, pto)
    pm = pb.getModulePassManager()
    pm.run(mod, pb)


def _export(module: Operation, options: dict[str, Any]) -> str | bytes:
    emit = str(options.get("emit") or "llvm")
    if emit not in ("llvm", "asm", "obj"):
        raise DiagnosticError(Diagnostic("error", f"--emit must be llvm, asm or obj, got '{emit}'", None))
    ir = translate_module(module)
    mod = parse_and_verify(ir, module)
    if emit == "llvm":
        return ir
    level = int(options.get("opt-level") or 3)
    tm = host_target_machine(level)
    optimize(mod, tm, level)
    return str(tm.emit_assembly(mod)) if emit == "asm" else bytes(tm.emit_object(mod))


register_translation(
    "mlir-to-llvmir", "translate the llvm dialect to LLVM IR (verified by llvmlite)", "export", _export,
    options=(("emit", "llvm (LLVM IR text), asm or obj (host CPU, optimized)", "llvm"),
             ("opt-level", "LLVM optimization level for --emit=asm|obj", 3)))

__all__ = ["constant_literal", "float_literal", "host_target_machine", "llvm_type", "optimize", "parse_and_verify",
           "translate_module", "translate_module_with_data"]
