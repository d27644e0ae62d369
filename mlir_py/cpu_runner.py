"""Run a function on the CPU: ``lower-to-llvm``, LLVM IR, llvmlite's MCJIT at O3 for the host, ctypes.

:func:`compile_function` lowers a copy of the module with the ``lower-to-llvm`` pipeline (the entry function is
marked ``llvm.emit_c_interface``, so the C wrapper ``_mlir_ciface_<entry>`` exists), translates it
(:mod:`mlir_py.llvm_translate`), verifies it, optimizes it with LLVM's ``default<O3>`` pipeline for the host CPU
(its name and features: AVX2/AVX-512 and FMA where present) and JIT-compiles it. The result,
:class:`CompiledFunction`, is called with numpy values in the interpreter's representation
(docs/interpreter.md): arrays for tensors and memrefs (a memref argument is updated in place when it is a
C-contiguous array of the right dtype), numpy scalars for scalars; it returns the results the same way.

The calling convention is MLIR's C interface (mlir/docs/TargetLLVMIR.md, "C-compatible wrapper emission"): each
memref (a tensor argument after ``one-shot-bufferize`` with function boundaries) is passed as a pointer to its
descriptor ``{allocated, aligned, offset, sizes[R], strides[R]}`` (strides in elements); memref results, or
several results, come back through a struct whose address is the first argument. Returned buffers are copied
into numpy arrays and their ``malloc``'d storage freed (unless it is an argument's).

Results as out-parameters (the default, ``out_params=True``, when every tensor/memref result has a static shape):
the module is bufferized and ``buffer-results-to-out-params{hoist-static-allocs modify-public-functions}`` (MLIR's
pass, passes/buffer_results_to_out_params.py) makes each buffer result a trailing argument whose allocation the
callee no longer does; the Python call takes ``out=`` arrays (from :meth:`CompiledFunction.new_outputs`, reusable
across calls: no per-call ``malloc`` and page faults) and returns them, in the signature's result order with any
scalar results.

Timing: :attr:`CompiledFunction.compile_seconds` (pipeline + translation + LLVM optimization + code generation)
and the wall time of each call in :attr:`CompiledFunction.run_seconds`.

Errors: :class:`~mlir_py.diagnostics.DiagnosticError` from the pipeline (an op no stage lowers), the translation
or LLVM's verifier; :class:`CpuRunError` for inputs that do not match the signature or types the C interface
does not carry (f16/bf16 scalars, unranked memrefs).
"""

from __future__ import annotations

import ctypes
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from .attributes import (
    ArrayAttr,
    DictionaryAttr,
    FloatType,
    FunctionType,
    IndexType,
    IntegerType,
    MemRefType,
    RankedTensorType,
    Type,
    UnitAttr,
)
from .diagnostics import Diagnostic, DiagnosticError
from .ir import Operation, symbol_name


class CpuRunError(DiagnosticError):
    """Inputs that do not fit the compiled signature (unlocated unless an op is named)."""

    def __init__(self, message: str, location: Any = None):
        super().__init__(Diagnostic("error", message, location))


_SCALARS: dict[tuple[str, int], Any] = {
    ("i", 1): ctypes.c_bool, ("i", 8): ctypes.c_int8, ("i", 16): ctypes.c_int16, ("i", 32): ctypes.c_int32,
    ("i", 64): ctypes.c_int64, ("f", 32): ctypes.c_float, ("f", 64): ctypes.c_double,
}
_DTYPES: dict[tuple[str, int], Any] = {
    ("i", 1): np.bool_, ("i", 8): np.int8, ("i", 16): np.int16, ("i", 32): np.int32, ("i", 64): np.int64,
    ("f", 16): np.float16, ("f", 32): np.float32, ("f", 64): np.float64,
}


def _kind(t: Type) -> tuple[str, int]:
    if isinstance(t, IndexType):
        return ("i", 64)
    if isinstance(t, IntegerType):
        return ("i", t.width)
    if isinstance(t, FloatType) and t.kind != "bf16":
        return ("f", t.width)
    raise CpuRunError(f"values of type '{t}' are not supported by the CPU runner")


def _ctype(t: Type) -> Any:
    c = _SCALARS.get(_kind(t))
    if c is None:
        raise CpuRunError(f"scalar arguments of type '{t}' are not supported by the CPU runner")
    return c


_DESCRIPTORS: dict[int, type[ctypes.Structure]] = {}


def descriptor_struct(rank: int) -> type[ctypes.Structure]:
    """The ctypes layout of a rank-``rank`` memref descriptor (same as the LLVM struct's)."""
    cls = _DESCRIPTORS.get(rank)
    if cls is None:
        fields: list[tuple[str, Any]] = [("allocated", ctypes.c_void_p), ("aligned", ctypes.c_void_p),
                                         ("offset", ctypes.c_int64)]
        if rank:
            fields += [("sizes", ctypes.c_int64 * rank), ("strides", ctypes.c_int64 * rank)]
        cls = type(f"MemRefDescriptor{rank}", (ctypes.Structure,), {"_fields_": fields})
        _DESCRIPTORS[rank] = cls
    return cls


def _buffer_type(t: Type) -> MemRefType | None:
    """The memref a tensor or memref boundary type becomes (identity layout, as one-shot-bufferize makes it)."""
    if isinstance(t, RankedTensorType):
        return MemRefType(t.shape, t.element_type)
    if isinstance(t, MemRefType):
        return t
    return None


def _descriptor_for(arr: np.ndarray) -> ctypes.Structure:
    d = descriptor_struct(arr.ndim)()
    d.allocated = d.aligned = arr.ctypes.data
    d.offset = 0
    if arr.ndim:
        item = arr.itemsize
        for k in range(arr.ndim):
            d.sizes[k] = arr.shape[k]
            d.strides[k] = arr.strides[k] // item
    return d


#: globals with more elements than this are mapped to numpy memory instead of written as LLVM IR literals
EXTERNALIZE = 4096

_LIBC: Any = None


def _free(ptr: int) -> None:
    global _LIBC
    if _LIBC is None:
        _LIBC = ctypes.CDLL(None)
        _LIBC.free.argtypes = [ctypes.c_void_p]
    _LIBC.free(ptr)


class CompiledFunction:
    """A JIT-compiled entry function; call it with numpy values (see the module docstring)."""

    def __init__(self, name: str, ft: FunctionType, engine: Any, address: int, compile_seconds: float, ir: str,
                 out_params: bool = False):
        #: the entry's signature as written; with ``out_params`` its buffer results are passed as trailing
        #: arguments instead (``buffer-results-to-out-params``), ``ft`` is then the compiled signature
        self.signature = ft
        self.out_params = out_params
        self.out_results = [k for k, t in enumerate(ft.results) if _buffer_type(t) is not None] if out_params else []
        if out_params:
            outs: list[Type] = [b for k in self.out_results if (b := _buffer_type(ft.results[k])) is not None]
            ft = FunctionType([*ft.inputs, *outs],
                              [t for k, t in enumerate(ft.results) if k not in self.out_results])
        self.name, self.ft, self.engine, self.ir = name, ft, engine, ir
        self.compile_seconds = compile_seconds
        self.run_seconds: list[float] = []
        #: the arrays backing the externalized constants (kept alive as long as the code)
        self.constants: dict[str, np.ndarray] = {}
        self.arg_buffers = [_buffer_type(t) for t in ft.inputs]
        self.res_buffers = [_buffer_type(t) for t in ft.results]
        for t, b in zip([*ft.inputs, *ft.results], [*self.arg_buffers, *self.res_buffers]):
            if b is None:
                _ctype(t)  # raises for types the C interface does not carry
        self.by_pointer = len(ft.results) > 1 or any(b is not None for b in self.res_buffers)
        params: list[Any] = []
        if self.by_pointer:
            fields = [(f"r{i}", descriptor_struct(len(b.shape)) if b is not None else _ctype(t))
                      for i, (t, b) in enumerate(zip(ft.results, self.res_buffers))]
            self.result_struct: Any = type("Results", (ctypes.Structure,), {"_fields_": fields})
            params.append(ctypes.c_void_p)
        for t, b in zip(ft.inputs, self.arg_buffers):
            params.append(ctypes.c_void_p if b is not None else _ctype(t))
        restype = None if self.by_pointer or not ft.results else _ctype(ft.results[0])
        self.cfunc = ctypes.CFUNCTYPE(restype, *params)(address)

    def _arg(self, i: int, x: Any, t: Type, b: MemRefType | None, keep: list[Any]) -> Any:
        if b is None:
            return np.asarray(x).item() if isinstance(x, (np.generic, np.ndarray)) else x
        dt = np.dtype(_DTYPES[_kind(b.element_type)])
        arr = x.array if hasattr(x, "buffer") and hasattr(x, "array") else x
        if not isinstance(arr, np.ndarray):
            raise CpuRunError(f"argument #{i} of '@{self.name}': expected an array for '{t}'")
        if arr.ndim != len(b.shape) or any(d >= 0 and d != s for d, s in zip(b.shape, arr.shape)):
            raise CpuRunError(f"argument #{i} of '@{self.name}': expected shape {list(b.shape)} for '{t}', got "
                              f"{list(arr.shape)}")
        if isinstance(t, RankedTensorType) or arr.dtype != dt or not arr.flags.c_contiguous:
            arr = np.ascontiguousarray(arr, dtype=dt).copy()  # tensors are values: the callee may write its copy
        keep.append(arr)
        d = _descriptor_for(arr)
        keep.append(d)
        return ctypes.addressof(d)

    def new_outputs(self) -> list[np.ndarray]:
        """Fresh (uninitialized) arrays for the buffer results, to pass as ``out=`` and reuse across calls."""
        out = []
        for k in self.out_results:
            b = _buffer_type(self.signature.results[k])
            assert b is not None
            out.append(np.empty(b.shape, _DTYPES[_kind(b.element_type)]))
        return out

    def _out_arg(self, j: int, arr: Any, keep: list[Any]) -> Any:
        b = _buffer_type(self.signature.results[self.out_results[j]])
        assert b is not None
        dt = np.dtype(_DTYPES[_kind(b.element_type)])
        if not isinstance(arr, np.ndarray) or arr.dtype != dt or arr.shape != tuple(b.shape) or \
                not arr.flags.c_contiguous or not arr.flags.writeable:
            raise CpuRunError(f"out #{j} of '@{self.name}': expected a writable C-contiguous {dt} array of shape "
                              f"{list(b.shape)}")
        if any(isinstance(a, np.ndarray) and np.shares_memory(a, arr) for a in keep):
            raise CpuRunError(f"out #{j} of '@{self.name}' overlaps another argument")
        keep.append(arr)
        d = _descriptor_for(arr)
        keep.append(d)
        return ctypes.addressof(d)

    def __call__(self, *inputs: Any, out: Sequence[np.ndarray] | None = None) -> list[Any]:
        """Run once on ``inputs``; the results in the signature's order. With out-params (the default of
        :func:`compile_function`) the buffer results are written into ``out`` (C-contiguous arrays of the result
        shapes and dtypes, e.g. from :meth:`new_outputs`; reusing them across calls avoids a fresh allocation's
        page faults) and those very arrays are returned; without ``out`` fresh arrays are allocated.
        Raises CpuRunError for inputs or outputs that do not fit the signature."""
        ft = self.ft
        n_in = len(self.signature.inputs)
        if len(inputs) != n_in:
            raise CpuRunError(f"'@{self.name}' takes {n_in} argument(s), got {len(inputs)}")
        if out is not None and len(out) != len(self.out_results):
            raise CpuRunError(f"'@{self.name}' has {len(self.out_results)} buffer result(s), got {len(out)} out "
                              "array(s)")
        outs = list(out) if out is not None else self.new_outputs()
        keep: list[Any] = []
        args = [self._arg(i, x, t, b, keep) for i, (x, t, b) in enumerate(zip(inputs, ft.inputs, self.arg_buffers))]
        args += [self._out_arg(j, a, keep) for j, a in enumerate(outs)]
        if self.out_params:
            return self._merge(outs, self._invoke(args, keep))
        return self._invoke(args, keep)

    def _merge(self, outs: list[np.ndarray], scalars: list[Any]) -> list[Any]:
        it_o, it_s = iter(outs), iter(scalars)
        return [next(it_o) if k in self.out_results else next(it_s) for k in range(len(self.signature.results))]

    def _invoke(self, args: list[Any], keep: list[Any]) -> list[Any]:
        ft = self.ft
        out = self.result_struct() if self.by_pointer else None
        t0 = time.perf_counter()
        if out is not None:
            self.cfunc(ctypes.addressof(out), *args)
            ret = None
        else:
            ret = self.cfunc(*args)
        self.run_seconds.append(time.perf_counter() - t0)
        if out is None:
            if not ft.results:
                return []
            return [np.asarray(ret, dtype=_DTYPES[_kind(ft.results[0])])[()]]
        owned = {a.ctypes.data for a in keep if isinstance(a, np.ndarray)}
        results, freed = [], set()
        for i, (t, b) in enumerate(zip(ft.results, self.res_buffers)):
            v = getattr(out, f"r{i}")
            if b is None:
                results.append(np.asarray(v, dtype=_DTYPES[_kind(t)])[()])
                continue
            results.append(_to_array(v, b))
            if v.allocated and v.allocated not in owned and v.allocated not in freed:
                freed.add(v.allocated)
        for p in freed:
            _free(p)
        return results


def _to_array(d: Any, t: MemRefType) -> np.ndarray:
    dt = np.dtype(_DTYPES[_kind(t.element_type)])
    rank = len(t.shape)
    shape = [d.sizes[k] for k in range(rank)]
    strides = [d.strides[k] * dt.itemsize for k in range(rank)]
    if any(s == 0 for s in shape):
        return np.zeros(shape, dt)
    span = 1 + sum((n - 1) * abs(s) for n, s in zip(shape, [d.strides[k] for k in range(rank)]))
    base = (ctypes.c_char * (span * dt.itemsize)).from_address(d.aligned + d.offset * dt.itemsize)
    flat = np.frombuffer(base, dtype=dt, count=span)
    return np.lib.stride_tricks.as_strided(flat, shape=shape, strides=strides).copy()


def lower_to_llvm(module: Operation, pipeline: str = "lower-to-llvm", context: Any = None,
                  verify_each: bool = True) -> Operation:
    """Run ``pipeline`` (a pass or pipeline text, ``lower-to-llvm`` by default) on ``module`` in place, verifying
    the IR after every pass when ``verify_each`` (``mlir-opt``'s default)."""
    from passes import load_builtin_passes

    from .pass_manager import PassManager

    load_builtin_passes()
    pm = PassManager.parse(f"builtin.module({pipeline})", context, verify_each=verify_each)
    pm.run(module)
    return module


def _mark_noalias(fn: Operation, ft: FunctionType, n_out: int = 0) -> None:
    """``llvm.noalias`` on the tensor arguments and the ``n_out`` trailing out-parameters: the runner passes each
    tensor a fresh copy and checks that out arrays overlap no other argument (results are fresh allocations
    otherwise), so no two buffers overlap — what lets LLVM keep accumulators in registers and vectorize without
    runtime alias checks."""
    n = len(fn.properties["function_type"].value.inputs)  # type: ignore[attr-defined]
    old = fn.properties.get("arg_attrs")
    dicts = [dict(a.value) if isinstance(a, DictionaryAttr) else {} for a in old] if isinstance(old, ArrayAttr) \
        else [{} for _ in range(n)]
    for k, d in enumerate(dicts):
        if (k < len(ft.inputs) and isinstance(ft.inputs[k], RankedTensorType)) or k >= n - n_out:
            d["llvm.noalias"] = UnitAttr()
    fn.properties["arg_attrs"] = ArrayAttr([DictionaryAttr(d) for d in dicts])


#: what :func:`compile_function` runs before the pipeline when the results become out-parameters
OUT_PARAMS_PIPELINE = ("one-shot-bufferize{bufferize-function-boundaries=true},"
                       "buffer-results-to-out-params{hoist-static-allocs=true modify-public-functions=true}")


def _static_buffers(ft: FunctionType) -> bool:
    """The entry has buffer results, all of static shape (the caller can allocate them)."""
    bufs = [_buffer_type(t) for t in ft.results]
    return any(b is not None for b in bufs) and all(b is None or all(d >= 0 for d in b.shape) for b in bufs)


def compile_function(module: Operation, entry: str, opt_level: int = 3, pipeline: str = "lower-to-llvm",
                     context: Any = None, out_params: bool = True) -> CompiledFunction:
    """JIT-compile ``entry`` of ``module`` (left unchanged: a clone is lowered). With ``out_params`` (when every
    tensor/memref result has a static shape) the module is first bufferized and ``buffer-results-to-out-params``
    (hoisting static allocations) turns the results into caller-provided buffers: the callable then writes into
    ``out=`` arrays (see :meth:`CompiledFunction.__call__`) and the kernel allocates nothing. Raises
    DiagnosticError."""
    from .llvm_translate import host_target_machine, optimize, parse_and_verify, translate_module_with_data
    from .verifier import verify

    t0 = time.perf_counter()
    m = module.clone()
    fn = next((o for o in m.regions[0].ops() if o.name == "func.func" and symbol_name(o) == entry), None)
    if fn is None:
        raise CpuRunError(f"entry function '@{entry}' not found")
    ft = fn.properties["function_type"].value  # type: ignore[attr-defined]
    for t in [*ft.inputs, *ft.results]:
        if _buffer_type(t) is None:
            try:
                _ctype(t)
            except CpuRunError as e:
                raise CpuRunError(f"'@{entry}': {e.diagnostic.message}", fn.location) from None
    fn.attributes["llvm.emit_c_interface"] = UnitAttr()
    out_params = out_params and _static_buffers(ft)
    n_out = 0
    if out_params:
        front = [p for p in ("convert-nn-to-tc", "convert-tc-to-linalg") if _registered(p)]
        lower_to_llvm(m, ",".join([*front, OUT_PARAMS_PIPELINE]), context, verify_each=False)
        n_out = sum(1 for t in ft.results if _buffer_type(t) is not None)
    _mark_noalias(fn, ft, n_out)
    lower_to_llvm(m, pipeline, context, verify_each=False)
    verify(m)  # once, not after each of the ~20 passes (a third of a large model's lowering time)
    ir, data = translate_module_with_data(m, EXTERNALIZE, getattr(module, "resources", {}).get("builtin", {}))
    mod = parse_and_verify(ir, m)
    tm = host_target_machine(opt_level)
    optimize(mod, tm, opt_level)
    import llvmlite.binding as llvm

    engine = llvm.create_mcjit_compiler(mod, tm)
    for name, arr in data.items():  # large constants (weights) live in numpy memory, not in the IR text
        engine.add_global_mapping(mod.get_global_variable(name), arr.ctypes.data)
    engine.finalize_object()
    addr = engine.get_function_address("_mlir_ciface_" + entry)
    f = CompiledFunction(entry, ft, engine, addr, time.perf_counter() - t0, ir, out_params)
    f.constants = data
    return f


def _registered(name: str) -> bool:
    from passes import load_builtin_passes

    from .pass_manager import PASS_REGISTRY

    load_builtin_passes()
    return name in PASS_REGISTRY


def run(module: Operation, entry: str, inputs: Sequence[Any], repeat: int = 1) -> tuple[list[Any], CompiledFunction]:
    """Compile ``entry`` and call it ``repeat`` times on ``inputs``, every call writing into the same output
    arrays; the last results and the compiled function (its ``compile_seconds`` and ``run_seconds``)."""
    f = compile_function(module, entry)
    outs = f.new_outputs()
    results: list[Any] = []
    for _ in range(max(1, repeat)):
        results = f(*inputs, out=outs)
    return results, f


__all__ = ["CompiledFunction", "CpuRunError", "compile_function", "descriptor_struct", "lower_to_llvm", "run"]
