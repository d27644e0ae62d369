"""The reference interpreter: runs functions on numpy values, the oracle that checks every pass (DESIGN.md).

Value representation — exact, one form per type (docs/interpreter.md has the full table and its sources):

=====================  ==================================================================================
``iN`` (N <= 64)       numpy scalar of the smallest signed int dtype holding N bits, sign-extended from
                       bit N-1 (the i3 bit pattern ``0b101`` is stored as -3); every result wraps mod 2**N
``i1``                 ``numpy.bool_``
``index``              ``numpy.int64`` (index is 64 bits wide)
``f16 f32 f64``        ``numpy.float16`` / ``float32`` / ``float64``
``bf16``               ``numpy.float32`` holding a bf16 value; every result is rounded to bf16
vector / tensor        ``numpy.ndarray`` of the element representation with the runtime shape
function               the ``func.func`` operation (``func.constant``)
=====================  ==================================================================================

Dialects plug in per-op implementations, keyed by op name in :attr:`Dialect.interpreter_impls`::

    @impl(AddIOp)
    def _addi(interp: Interpreter, op: Operation, args: list[Any]) -> list[Any]:
        return [...]            # one value per result

A terminator returns :class:`Branch` (continue at a successor block of the same region: ``cf.br``) or
:class:`Exit` (leave the region with values: ``func.return``, ``scf.yield``). An op with regions runs them
with :meth:`Interpreter.run_region`; a call runs a callee with :meth:`Interpreter.call_function`. The built-in
implementations live in ``mlir_py.interpreter_impls.<dialect>`` and are imported the first time an op of that
dialect runs; a plugin dialect registers its implementations when its module is imported.

Errors (no implementation, bad inputs, undefined behaviour such as an integer division by zero, call depth
exhausted) raise :class:`InterpreterError`, a located diagnostic with a ``called from`` note per call level.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .attributes import (
    DenseElementsAttr,
    DenseResourceElementsAttr,
    FloatAttr,
    FloatType,
    FunctionType,
    IndexType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    RankedTensorType,
    ShapedType,
    SymbolRefAttr,
    Type,
    TypeAttr,
    UnrankedTensorType,
    VectorType,
    element_type,
    numpy_dtype,
)
from .diagnostics import Diagnostic, DiagnosticError, VerifyError
from .ir import Block, Operation, Region, Value, lookup_symbol, symbol_name

#: the package holding the built-in implementations, one module per dialect name
IMPLS_PACKAGE = "mlir_py.interpreter_impls"


@dataclass(slots=True)
class Branch:
    """A terminator's outcome: continue at ``block`` (same region) with ``args`` bound to its arguments."""

    block: Block
    args: Sequence[Any]


@dataclass(slots=True)
class Exit:
    """A terminator's outcome: leave the enclosing region; ``values`` are what :meth:`Interpreter.run_region`
    returns (the function's results for ``func.return``)."""

    values: Sequence[Any]


Impl = Callable[["Interpreter", Operation, list[Any]], "Sequence[Any] | Branch | Exit"]


class InterpreterError(DiagnosticError):
    """A runtime diagnostic. Raised without an op by value helpers; the interpreter then locates it at the op
    being executed (``'arith.divsi' op division by zero``)."""

    def __init__(self, message: str, op: Operation | None = None):
        super().__init__(Diagnostic("error", message))
        self.message = message
        self.op: Operation | None = None
        if op is not None:
            self.locate(op)

    def locate(self, op: Operation) -> InterpreterError:
        """Attach the error to ``op`` (its location, the ``'name' op`` prefix) unless already located."""
        if self.op is None:
            self.op = op
            notes = self.diagnostic.notes
            self.diagnostic = VerifyError(self.message, op).diagnostic
            self.diagnostic.notes.extend(notes)
            self.args = (self.diagnostic.message,)
        return self


def impl(*ops: type[Operation]) -> Callable[[Impl], Impl]:
    """Register the decorated function as the interpreter implementation of the given op classes."""

    def register(fn: Impl) -> Impl:
        for op in ops:
            dialect = getattr(op, "dialect", None)
            if dialect is None:
                raise ValueError(f"{op.__name__} is not part of a dialect")
            dialect.interpreter_impls[op.OPERATION_NAME] = fn
        return fn

    return register


_IMPORTED: set[str] = set()


def find_impl(op: Operation) -> Impl | None:
    """The implementation of ``op``; the first lookup in a dialect imports ``mlir_py.interpreter_impls.<name>``."""
    dialect = getattr(type(op), "dialect", None)
    if dialect is None:
        return None
    fn = dialect.interpreter_impls.get(op.name)
    if fn is None and dialect.name not in _IMPORTED:
        _IMPORTED.add(dialect.name)
        module = f"{IMPLS_PACKAGE}.{dialect.name}"
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as e:
            if e.name != module:
                raise
        fn = dialect.interpreter_impls.get(op.name)
    return fn


def function_type(op: Operation) -> FunctionType | None:
    """The signature of a function-like op (one with a ``function_type`` property), else None."""
    t = op.get_attr("function_type")
    return t.value if isinstance(t, TypeAttr) and isinstance(t.value, FunctionType) else None


class Interpreter:
    """Executes the functions of ``module``.

    ``max_call_depth`` bounds nested calls (runaway recursion becomes a diagnostic, not a Python crash).
    """

    def __init__(self, module: Operation, max_call_depth: int = 256):
        self.module = module
        self.max_call_depth = max_call_depth
        #: SSA values of the running function frame (regions of non-isolated ops share their function's frame)
        self.env: dict[Value, Any] = {}
        self.depth = 0
        self._impls: dict[str, Impl] = {}
        self._callees: dict[Operation, Operation] = {}
        #: run-time state that dialect implementations keep per interpreter (memref globals, linalg indices)
        self.dialect_state: dict[str, Any] = {}

    # --- entry points -------------------------------------------------------------------------------------------
    def lookup_function(self, name: str) -> Operation:
        for op in self.module.regions[0].ops() if self.module.regions else ():
            if symbol_name(op) == name and function_type(op) is not None:
                return op
        raise InterpreterError(f"entry function '@{name}' not found", None)

    def call(self, name: str, args: Sequence[Any]) -> list[Any]:
        """Run function ``@name`` on ``args`` (numpy values or Python numbers, checked against the signature
        with :func:`to_value`) and return its results (memref results as numpy copies of their contents)."""
        fn = self.lookup_function(name)
        ft = function_type(fn)
        assert ft is not None
        if not fn.regions or not fn.regions[0].blocks:
            raise InterpreterError(f"cannot run '@{name}': it is a declaration", fn)
        if len(args) != len(ft.inputs):
            raise InterpreterError(f"'@{name}' expects {len(ft.inputs)} arguments, got {len(args)}", fn)
        values = []
        for i, (a, t) in enumerate(zip(args, ft.inputs)):
            try:
                values.append(to_value(a, t))
            except InterpreterError as e:
                raise InterpreterError(f"argument #{i} of '@{name}': {e.message}", fn) from None
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 8 * self.max_call_depth + 2000))
        try:
            with np.errstate(all="ignore"):
                out = self.call_function(fn, values)
            return [np.array(v.array) if isinstance(v, MemRef) else v for v in out]
        except RecursionError:
            raise InterpreterError("Python recursion limit reached (regions nested too deeply)", fn) from None
        finally:
            sys.setrecursionlimit(limit)

    def call_function(self, fn: Operation, args: Sequence[Any], call_site: Operation | None = None) -> list[Any]:
        """Run a function-like op's body in a fresh frame (its body is isolated from above)."""
        if not fn.regions or not fn.regions[0].blocks:
            raise InterpreterError(f"cannot call '@{symbol_name(fn)}': it is a declaration", call_site)
        if self.depth >= self.max_call_depth:
            raise InterpreterError(f"call depth limit ({self.max_call_depth}) exceeded calling "
                                   f"'@{symbol_name(fn)}'", call_site)
        saved, self.env = self.env, {}
        self.depth += 1
        try:
            return list(self.run_region(fn.regions[0], args))
        except InterpreterError as e:
            notes = e.diagnostic.notes
            last = notes[-1] if notes else None
            if call_site is not None and len(notes) < 8 and not (
                    last is not None and last.message == "called from" and last.location == call_site.location):
                e.diagnostic.attach_note("called from", call_site.location)
            raise
        finally:
            self.env = saved
            self.depth -= 1

    # --- execution ----------------------------------------------------------------------------------------------
    def run_region(self, region: Region, args: Sequence[Any]) -> Sequence[Any]:
        """Execute ``region`` from its entry block with ``args``, following :class:`Branch` es, until a terminator
        returns :class:`Exit`; its values are returned. A block without a terminator ends the region with ()."""
        if not region.blocks:
            raise InterpreterError("cannot run an empty region", region.parent)
        env = self.env
        block = region.blocks[0]
        op: Operation | None = None
        try:
            while True:
                if len(args) != len(block.args):
                    raise InterpreterError(f"block expects {len(block.args)} arguments, got {len(args)}",
                                           op or region.parent)
                for a, v in zip(block.args, args):
                    env[a] = v
                for op in block.ops:
                    fn = self._impls.get(op.name) or self._resolve(op)
                    res = fn(self, op, [env[v] for v in op.operands])
                    if isinstance(res, Branch):
                        block, args = res.block, res.args
                        break
                    if isinstance(res, Exit):
                        return res.values
                    if len(res) != len(op.results):
                        raise InterpreterError(f"implementation returned {len(res)} values for "
                                               f"{len(op.results)} results")
                    for r, v in zip(op.results, res):
                        env[r] = v
                else:
                    return ()
        except InterpreterError as e:
            if op is not None:
                e.locate(op)
            raise
        except KeyError as e:
            if op is not None and isinstance(e.args[0], Value):
                raise InterpreterError("uses a value that has not been computed (does its definition dominate "
                                       "this use?)", op) from None
            raise
        except (RecursionError, DiagnosticError):
            raise
        except Exception as e:  # a bug in an implementation: name the op for the tool's internal-error diagnostic
            if op is not None and not hasattr(e, "mlir_py_context"):
                e.mlir_py_context = f" while interpreting '{op.name}' at {op.location}"  # type: ignore[attr-defined]
            raise

    def _resolve(self, op: Operation) -> Impl:
        fn = find_impl(op)
        if fn is None:
            why = "" if getattr(type(op), "dialect", None) is not None else " (unregistered operation)"
            raise InterpreterError(f"has no interpreter implementation{why}", op)
        self._impls[op.name] = fn
        return fn

    def callee(self, call: Operation, ref: SymbolRefAttr) -> Operation:
        """The function a call refers to (symbol lookups are cached per call op)."""
        fn = self._callees.get(call)
        if fn is None:
            fn = lookup_symbol(call, ref)
            if fn is None or function_type(fn) is None:
                raise InterpreterError(f"'{ref}' does not reference a function", call)
            self._callees[call] = fn
        return fn


# ---------------------------------------------------------------------------------------------------------------
# value representation
# ---------------------------------------------------------------------------------------------------------------

_FLOAT_KINDS = ("f16", "bf16", "f32", "f64")


def int_width(t: Type) -> int:
    """The bit width of an integer or index (element) type; wider than 64 bits is unsupported."""
    et = element_type(t)
    if isinstance(et, IndexType):
        return 64
    if isinstance(et, IntegerType):
        if et.width > 64:
            raise InterpreterError(f"integer types wider than 64 bits ('{et}') are not supported")
        return et.width
    raise InterpreterError(f"expected an integer or index type, got '{t}'")


def float_kind(t: Type) -> str:
    et = element_type(t)
    if isinstance(et, FloatType) and et.kind in _FLOAT_KINDS:
        return et.kind
    raise InterpreterError(f"float type '{et}' is not supported")


def float_kind_or_none(t: Type) -> str | None:
    et = element_type(t)
    return et.kind if isinstance(et, FloatType) else None


def storage_dtype(t: Type) -> np.dtype:
    """The numpy dtype holding values (elements) of ``t``; raises for types the interpreter cannot represent."""
    et = element_type(t)
    if isinstance(et, (IntegerType, IndexType)):
        int_width(et)
    elif isinstance(et, FloatType):
        float_kind(et)
    else:
        raise InterpreterError(f"values of type '{et}' are not supported")
    return np.dtype(numpy_dtype(et))


def is_shaped(t: Type) -> bool:
    return isinstance(t, (ShapedType, UnrankedTensorType))


def result(x: Any, t: Type) -> Any:
    """``x`` (an array) as the value of type ``t``: a numpy scalar for scalar types, an array otherwise."""
    x = np.asarray(x)
    return x if is_shaped(t) else x[()]


def wrap(x: Any, t: Type) -> np.ndarray:
    """Any integer array to the canonical storage of integer type ``t``: keep the low N bits, sign-extend
    (zero-extend for ``uiN``); i1 becomes bool."""
    et = element_type(t)
    w = int_width(et)
    dt = storage_dtype(et)
    x = np.asarray(x)
    if w <= 1:  # i1 is bool; i0 holds only 0
        return (x.astype(np.uint8) & w).astype(np.bool_) if w else np.zeros(x.shape, dt)
    y = x.astype(dt)
    bits = dt.itemsize * 8
    if w < bits:
        if dt.kind == "u":
            y &= dt.type((1 << w) - 1)
        else:
            y = (y << (bits - w)) >> (bits - w)
    return y


def sext(x: Any, t: Type) -> np.ndarray:
    """The signed values (int64) of integers of type ``t`` (i1 true is -1)."""
    x = np.asarray(x)
    w = int_width(t)
    if x.dtype == np.bool_:
        return -x.astype(np.int64)
    y = x.astype(np.int64)
    if x.dtype.kind == "u" and w < 64:
        y = (y << (64 - w)) >> (64 - w)
    return y


def zext(x: Any, t: Type) -> np.ndarray:
    """The unsigned values (uint64) of integers of type ``t``."""
    w = int_width(t)
    y = np.asarray(x).astype(np.uint64)
    return y & np.uint64((1 << w) - 1) if w < 64 else y


# (significand bits, minimum frexp exponent of a normal number, largest finite value, storage)
_FORMATS: dict[str, tuple[int, int, float, type]] = {
    "f16": (11, -13, 65504.0, np.float16),
    "bf16": (8, -125, float.fromhex("0x1.fep127"), np.float32),
    "f32": (24, -125, float.fromhex("0x1.fffffep127"), np.float32),
    "f64": (53, -1021, sys.float_info.max, np.float64),
}
_ROUND: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "to_nearest_even": np.rint, "downward": np.floor, "upward": np.ceil, "toward_zero": np.trunc,
    "to_nearest_away": lambda s: np.copysign(np.floor(np.abs(s) + 0.5), s),
}


def round_float(x: Any, kind: str, mode: str = "to_nearest_even") -> np.ndarray:
    """Round float values (any float dtype, converted exactly to f64) once to format ``kind`` with an IEEE
    rounding mode (arith.truncf's ``roundingmode`` names); returns the storage array (bf16 in float32)."""
    with np.errstate(all="ignore"):
        return _round_float(np.asarray(x, dtype=np.float64), kind, mode)


def _round_float(x: np.ndarray, kind: str, mode: str) -> np.ndarray:
    prec, emin, largest, storage = _FORMATS[kind]
    if mode == "to_nearest_even" and kind != "bf16":
        return x.astype(storage)  # numpy's f64 -> f32/f16 casts round once, to nearest even
    _, e = np.frexp(x)
    e = np.maximum(e, emin)  # subnormals share the smallest normal exponent's quantum
    y = np.ldexp(_ROUND[mode](np.ldexp(x, prec - e)), e - prec)  # scaling by powers of two is exact
    over = (np.abs(y) > largest) & np.isfinite(x)
    if over.any():
        to_inf = {"to_nearest_even": True, "to_nearest_away": True, "toward_zero": False}.get(mode)
        inf_lane = (np.full(x.shape, to_inf, dtype=bool) if to_inf is not None
                    else (x > 0) == (mode == "upward"))
        y = np.where(over, np.copysign(np.where(inf_lane, np.inf, largest), x), y)
    out = y.astype(storage)
    return bf16_storage(out) if kind == "bf16" else out


def bf16_storage(x: Any) -> np.ndarray:
    """float32 values that already are bf16 values, with NaNs cut to their top 16 bits (quieted only when the
    payload was all in the low half); no conversion, so signalling NaNs stay signalling."""
    x = np.asarray(x, dtype=np.float32)
    bits = x.view(np.uint32)
    top = bits & np.uint32(0xFFFF0000)
    top = np.where((top & np.uint32(0x007F0000)) == 0, top | np.uint32(0x00400000), top)
    return np.where(np.isnan(x), top, bits).astype(np.uint32).view(np.float32)


def float_bits(x: Any, t: Type) -> np.ndarray:
    """The IEEE bit patterns (uint64) of floats of type ``t``."""
    x = np.asarray(x)
    if float_kind(t) == "bf16":
        return (x.astype(np.float32).view(np.uint32) >> np.uint32(16)).astype(np.uint64)
    return x.view(np.dtype(f"u{x.dtype.itemsize}")).astype(np.uint64)


def float_from_bits(bits: Any, t: Type) -> np.ndarray:
    """Floats of type ``t`` from IEEE bit patterns (any unsigned array, low bits used)."""
    kind = float_kind(t)
    b = np.asarray(bits).astype(np.uint64)
    if kind == "bf16":
        return ((b & np.uint64(0xFFFF)).astype(np.uint32) << np.uint32(16)).view(np.float32)
    dt = np.dtype(numpy_dtype(element_type(t)))
    return b.astype(np.dtype(f"u{dt.itemsize}")).view(dt)


def int_to_float(x: Any, t_in: Type, t_out: Type, signed: bool) -> np.ndarray:
    """Integers of ``t_in`` converted to floats of ``t_out``, rounded once to nearest even (sitofp/uitofp)."""
    kind = float_kind(t_out)
    v = sext(x, t_in) if signed else zext(x, t_in)
    if kind != "bf16":
        return v.astype(numpy_dtype(element_type(t_out)))  # numpy's int -> float casts round once
    # bf16: make the f64 conversion exact-or-odd (round to odd, then once to bf16: p=53 >= 8+2)
    u = v.view(np.uint64)
    neg = v < 0 if signed else np.zeros(v.shape, dtype=bool)
    mag = np.where(neg, np.uint64(0) - u, u)  # |v| (2**63 for INT64_MIN), all in uint64
    big = mag >= np.uint64(1 << 53)
    sticky = ((mag & np.uint64(0x7FF)) != 0).astype(np.uint64) << np.uint64(11)
    mag = np.where(big, (mag & ~np.uint64(0x7FF)) | sticky, mag)
    f = mag.astype(np.float64)
    return round_float(np.where(neg, -f, f), "bf16")


def float_to_int(x: Any, t_out: Type, signed: bool) -> np.ndarray:
    """Floats truncated toward zero to integers of ``t_out`` (fptosi/fptoui). Out of range is poison in LLVM;
    the interpreter saturates (NaN gives 0), as ``llvm.fptosi.sat``."""
    w = int_width(t_out)
    v = np.trunc(np.asarray(x).astype(np.float64))
    lo, hi = (-(2.0 ** (w - 1)), 2.0 ** (w - 1)) if signed else (0.0, 2.0**w)
    ok = (v >= lo) & (v < hi)
    safe = np.where(ok, v, 0.0)
    if signed:
        ints = safe.astype(np.int64)
        sat = np.where(v >= hi, np.int64((1 << (w - 1)) - 1), np.where(v < lo, np.int64(-(1 << (w - 1))), 0))
    else:
        ints = safe.astype(np.uint64)
        sat = np.where(v >= hi, np.uint64((1 << w) - 1), np.uint64(0))
    return wrap(np.where(ok, ints, sat), t_out)


class Buffer:
    """The storage of one allocation (``memref.alloc``/``alloca``/``global``, or a memref argument): a flat array
    of the element representation. ``freed`` is set by ``memref.dealloc``; any later access is a diagnostic."""

    __slots__ = ("data", "kind", "freed", "origin", "parent")

    def __init__(self, data: np.ndarray, kind: str, origin: Operation | None = None, parent: Buffer | None = None):
        self.data, self.kind, self.freed, self.origin = data, kind, False, origin
        #: the buffer whose bytes ``data`` reinterprets (``memref.view``): freeing it frees this one
        self.parent = parent

    @property
    def live(self) -> bool:
        return not self.freed and (self.parent is None or self.parent.live)


class MemRef:
    """A memref value: a strided window (``offset``, ``shape``, ``strides``, in elements) on a :class:`Buffer`.
    Views (subview, cast, reinterpret_cast, collapse/expand_shape, transpose) share the buffer, so writes
    through one are seen through all. :attr:`array` is the numpy view of the window, checked against the buffer
    (out of bounds, freed): :class:`InterpreterError`."""

    __slots__ = ("buffer", "offset", "shape", "strides", "_view")

    def __init__(self, buffer: Buffer, offset: int, shape: Sequence[int], strides: Sequence[int]):
        self.buffer, self.offset = buffer, int(offset)
        self.shape, self.strides = tuple(int(d) for d in shape), tuple(int(s) for s in strides)
        self._view: np.ndarray | None = None

    @staticmethod
    def allocate(shape: Sequence[int], dtype: np.dtype, kind: str, origin: Operation | None = None) -> MemRef:
        """A fresh zero-filled contiguous (row-major) allocation."""
        n = int(np.prod(shape, dtype=np.int64)) if len(shape) else 1
        return MemRef(Buffer(np.zeros(n, dtype), kind, origin), 0, shape, contiguous_strides(shape))

    @staticmethod
    def wrap_array(a: np.ndarray, kind: str = "argument") -> MemRef:
        """A memref on ``a``'s memory when ``a`` is C-contiguous and writeable (writes are seen by the owner of
        ``a``), else on a contiguous copy."""
        if not (a.flags.c_contiguous and a.flags.writeable):
            a = np.ascontiguousarray(a).copy()
        return MemRef(Buffer(a.reshape(-1), kind), 0, a.shape, contiguous_strides(a.shape))

    def view(self, offset: int, shape: Sequence[int], strides: Sequence[int]) -> MemRef:
        """Another window on the same buffer."""
        return MemRef(self.buffer, offset, shape, strides)

    def check_live(self) -> None:
        if not self.buffer.live:
            where = f" (allocated at {self.buffer.origin.location})" if self.buffer.origin is not None else ""
            raise InterpreterError(f"use of a deallocated memref{where} (undefined behavior)")

    @property
    def array(self) -> np.ndarray:
        self.check_live()
        if self._view is None:
            data = self.buffer.data
            if all(d > 0 for d in self.shape):
                lo = self.offset + sum(min(0, s * (d - 1)) for s, d in zip(self.strides, self.shape))
                hi = self.offset + sum(max(0, s * (d - 1)) for s, d in zip(self.strides, self.shape))
                if lo < 0 or hi >= data.size:
                    raise InterpreterError(
                        f"memref window (offset {self.offset}, sizes {list(self.shape)}, strides "
                        f"{list(self.strides)}) reaches element {lo if lo < 0 else hi} of a buffer of {data.size} "
                        "elements (out of bounds, undefined behavior)")
                base = data[self.offset:] if self.offset < data.size else data[:0]
                self._view = np.lib.stride_tricks.as_strided(
                    base, self.shape, [s * data.itemsize for s in self.strides])
            else:
                self._view = np.zeros(self.shape, data.dtype)
        return self._view

    def check_indices(self, indices: Sequence[Any]) -> tuple[int, ...]:
        """``indices`` as ints, diagnosed unless inside the shape (memref.load/store: undefined behavior)."""
        idx = tuple(int(i) for i in indices)
        if len(idx) != len(self.shape) or any(not 0 <= i < d for i, d in zip(idx, self.shape)):
            raise InterpreterError(f"out-of-bounds access: indices {list(idx)} on a memref of shape "
                                   f"{list(self.shape)} (undefined behavior)")
        return idx

    def __repr__(self) -> str:
        return f"MemRef(offset={self.offset}, shape={self.shape}, strides={self.strides})"


def contiguous_strides(shape: Sequence[int]) -> list[int]:
    """Row-major strides (elements) of ``shape``."""
    strides, running = [], 1
    for d in reversed(shape):
        strides.append(running)
        running *= max(int(d), 1)
    return strides[::-1]


def memref_layout(t: MemRefType) -> tuple[list[int], int] | None:
    """The static strides and offset of ``t``'s layout (None when dynamic or not strided)."""
    from dialects._shape import strides_and_offset

    so = strides_and_offset(t)
    if so is None or any(s < 0 for s in so[0]) or so[1] < 0 or t.layout is None:
        return None
    return so



def from_attribute(attr: Any, t: Type, module: Operation | None = None) -> Any:
    """The value of a constant attribute (``arith.constant``'s ``value``) of type ``t``; a fresh array for
    dense and ``dense_resource`` elements (the module's ``{-# dialect_resources #-}`` blobs)."""
    et = element_type(t)
    if isinstance(attr, IntegerAttr):
        return result(wrap(attr.value, t), t)
    if isinstance(attr, FloatAttr):
        nan_bits = getattr(attr, "nan_bits", None)  # a NaN spelled in hex keeps its payload
        if nan_bits is not None:
            return result(float_from_bits(nan_bits, t), t)
        return result(np.asarray(attr.value).astype(storage_dtype(t)), t)
    if isinstance(attr, DenseElementsAttr):
        arr = np.array(attr.values(), dtype=storage_dtype(et))
    elif isinstance(attr, DenseResourceElementsAttr) and isinstance(t, ShapedType):
        blobs = getattr(module, "resources", {}).get("builtin", {}) if module is not None else {}
        blob = blobs.get(attr.handle)
        if not isinstance(blob, bytes):
            raise InterpreterError(f"no data for dense_resource '{attr.handle}'")
        dt = storage_dtype(et)
        if isinstance(et, FloatType) and et.kind == "bf16":
            arr = float_from_bits(np.frombuffer(blob[4:], dtype="<u2"), et)
        else:
            arr = np.frombuffer(blob[4:], dtype=dt.newbyteorder("<")).astype(dt)
        if arr.size != t.num_elements:
            raise InterpreterError(f"dense_resource '{attr.handle}' holds {arr.size} elements, expected "
                                   f"{t.num_elements}")
        arr = arr.reshape(t.shape)
    else:
        raise InterpreterError(f"unsupported constant attribute {attr}")
    if isinstance(et, (IntegerType, IndexType)):
        arr = wrap(arr, et)
    elif float_kind(et) == "bf16":
        arr = bf16_storage(arr)
    return arr


def _canonical(x: np.ndarray, t: Type) -> bool:
    et = element_type(t)
    if isinstance(et, (IntegerType, IndexType)):
        return bool(np.array_equal(wrap(x, et), x))
    if float_kind_or_none(et) == "bf16":
        return same_value(round_float(x, "bf16"), x)
    return True


def to_value(x: Any, t: Type) -> Any:
    """Check an external input against type ``t`` and return its value (a copy; for a memref a :class:`MemRef`
    on the array itself when it is C-contiguous and ``t`` has the identity layout, so the function's writes are
    seen by the caller). Arrays must have the exact storage dtype and the (static) shape; Python numbers are accepted for scalars (ints in the signed or
    unsigned range of the type, floats rounded to it). Raises :class:`InterpreterError` (unlocated)."""
    if isinstance(x, MemRef) and isinstance(t, MemRefType):
        return x
    if isinstance(t, MemRefType):
        arr = to_value(x, RankedTensorType(t.shape, t.element_type))
        layout = memref_layout(t)
        if layout is None:
            return MemRef.wrap_array(x if x.dtype == arr.dtype and x.shape == arr.shape else arr)
        strides, offset = layout
        m = MemRef.allocate((offset + sum(s * (d - 1) for s, d in zip(strides, arr.shape)) + 1,), arr.dtype,
                            "argument")
        m = m.view(offset, arr.shape, strides)
        m.array[...] = arr
        return m
    if isinstance(t, (RankedTensorType, VectorType, UnrankedTensorType)):
        dt = storage_dtype(t)
        if not isinstance(x, np.ndarray):
            raise InterpreterError(f"expected an array for '{t}', got {type(x).__name__}")
        if isinstance(t, ShapedType):
            ok = x.ndim == t.rank and all(d < 0 or d == s for d, s in zip(t.shape, x.shape))
            if not ok:
                raise InterpreterError(f"expected shape {_shape_str(t)} for '{t}', got {_shape_str(x.shape)}")
        if x.dtype != dt:
            raise InterpreterError(f"expected dtype {dt} for '{t}', got {x.dtype}")
        if not _canonical(x, t):
            raise InterpreterError(f"holds values that are not {_value_kind(t)}")
        return bf16_storage(x) if float_kind_or_none(t) == "bf16" else np.array(x)
    if isinstance(t, (IntegerType, IndexType, FloatType)):
        dt = storage_dtype(t)
        if isinstance(x, np.ndarray) and x.ndim == 0:
            x = x[()]
        if isinstance(x, np.generic):
            if x.dtype != dt:
                raise InterpreterError(f"expected dtype {dt} for '{t}', got {x.dtype}")
            if not _canonical(np.asarray(x), t):
                raise InterpreterError(f"holds a value that is not {_value_kind(t)}")
            return bf16_storage(x)[()] if float_kind_or_none(t) == "bf16" else x
        if isinstance(t, FloatType) and isinstance(x, (int, float)) and not isinstance(x, bool):
            return result(round_float(float(x), float_kind(t)), t)
        if isinstance(x, (int, bool)) and not isinstance(t, FloatType):
            w = int_width(t)
            if not -(1 << max(w - 1, 0)) <= int(x) < (1 << w):
                raise InterpreterError(f"{x} is out of range for '{t}'")
            return result(wrap(np.uint64(int(x) & ((1 << 64) - 1)), t), t)
        raise InterpreterError(f"expected a scalar of '{t}', got {type(x).__name__}")
    raise InterpreterError(f"inputs of type '{t}' are not supported")


def _shape_str(shape: Any) -> str:
    dims = shape.shape if isinstance(shape, ShapedType) else shape
    return "(" + ", ".join("?" if d < 0 else str(d) for d in dims) + ("," if len(dims) == 1 else "") + ")"


def _value_kind(t: Type) -> str:
    et = element_type(t)
    return f"in the range of {et}" if not isinstance(et, FloatType) else "representable in bf16"


def random_value(t: Type, rng: np.random.Generator) -> Any:
    """A seeded random value of type ``t``: i1 uniform; iN uniform over the type for N <= 8, else in
    [-100, 100]; index in [0, 100); floats standard normal, rounded to the type. Shapes must be static."""
    if isinstance(t, ShapedType) and isinstance(t, (RankedTensorType, VectorType, MemRefType)):
        if not t.has_static_shape:
            raise InterpreterError(f"cannot make a random value of dynamically shaped '{t}'")
        shape: tuple[int, ...] = t.shape
    elif isinstance(t, (IntegerType, IndexType, FloatType)):
        shape = ()
    else:
        raise InterpreterError(f"cannot make a random value of type '{t}'")
    et = element_type(t)
    if isinstance(et, FloatType):
        return result(round_float(rng.standard_normal(shape), float_kind(et)), t)
    w = int_width(et)
    if isinstance(et, IndexType):
        lo, hi = 0, 99
    elif w <= 8:
        lo, hi = -(1 << max(w - 1, 0)) + (w == 0), (1 << max(w - 1, 0)) - 1
    else:
        lo, hi = -100, 100
    return result(wrap(rng.integers(lo, hi, size=shape, endpoint=True), et), t)


def same_value(a: Any, b: Any) -> bool:
    """Bit-exact equality of two values (same dtype and shape), except that any two NaNs are equal."""
    if isinstance(a, Operation) or isinstance(b, Operation):
        return a is b
    a, b = (x.array if isinstance(x, MemRef) else x for x in (a, b))
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape or a.dtype != b.dtype:
        return False
    if a.dtype.kind == "f":
        na, nb = np.isnan(a), np.isnan(b)
        u = np.dtype(f"u{a.dtype.itemsize}")
        return bool(np.all(np.where(na | nb, na & nb, a.view(u) == b.view(u))))
    return bool(np.array_equal(a, b))


def _format_float(x: float, kind: str) -> str:
    if kind != "bf16" or not np.isfinite(x):
        return str(np.dtype(numpy_dtype(_FT[kind])).type(x))
    for digits in range(1, 10):  # the shortest decimal that rounds back to the same bf16 value
        s = f"{x:.{digits}g}"
        if float(round_float(float(s), "bf16")) == x:
            return repr(float(s))
    return repr(x)


_FT = {k: FloatType(k) for k in _FLOAT_KINDS}


def format_value(v: Any, t: Type) -> str:
    """A readable spelling of a value: ``42``, ``true``, ``0.1``, ``[[1.0, 2.0], [3.0, 4.0]]`` (numpy layout,
    large arrays summarized), floats as the shortest decimal that reads back to the same value of the type."""
    if isinstance(v, Operation):
        return f"@{symbol_name(v)}"
    if isinstance(v, MemRef):
        v = v.array
    et = element_type(t)
    if isinstance(et, FloatType):
        kind = float_kind(et)
        fmt: Callable[[Any], str] = lambda x: _format_float(float(x), kind)  # noqa: E731
    elif isinstance(et, IntegerType) and et.width == 1:
        fmt = lambda x: "true" if x else "false"  # noqa: E731
    else:
        fmt = lambda x: str(int(x))  # noqa: E731
    a = np.asarray(v)
    if a.ndim == 0 and not is_shaped(t):
        return fmt(a[()])
    return np.array2string(a, separator=", ", formatter={"all": fmt}, max_line_width=120, threshold=1000)
