"""Builtin types and attributes (MLIR's ``BuiltinTypes.td`` / ``BuiltinAttributes.td``).

Every type and attribute is immutable and hashable; equality is structural, and the parser returns one shared
object per distinct spelling, so identical attributes are usually the same object. ``str(x)`` gives MLIR's
spelling; the printer goes through :class:`AttrPrinter` so that aliases (``#map``) replace long attributes.
Dynamic sizes and offsets are :data:`DYNAMIC` (MLIR's ``ShapedType::kDynamic``), printed ``?``.
"""

from __future__ import annotations

import operator
import re
import struct
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar, Generic, TypeVar

from .affine import AffineMap, IntegerSet
from .apfloat import format_float, round_to


class _LazyNumpy:
    """numpy is imported on first use (dense elements), keeping tool start-up fast."""

    def __getattr__(self, name: str) -> Any:
        import numpy

        globals()["np"] = numpy
        return getattr(numpy, name)


np: Any = _LazyNumpy()

DYNAMIC = -(2**63)
_BARE_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_$.]*\Z")


class AttrPrinter:
    """Prints types and attributes, substituting aliases. Caches each printed spelling."""

    __slots__ = ("aliases", "_cache", "resources")

    def __init__(self, aliases: dict[Any, str] | None = None):
        self.aliases = aliases or {}
        self._cache: dict[Any, str] = {}
        #: ``dense_resource`` handles in the order they were first printed (MLIR prints only those blobs)
        self.resources: dict[str, None] = {}

    def attr(self, a: Attribute | Type) -> str:
        try:
            return self._cache[a]
        except KeyError:
            pass
        alias = self.aliases.get(a)
        if alias is not None:
            s = alias
        elif isinstance(a, LocationAttr):
            s = f"loc({a.print(self)})"
        else:
            s = a.print(self)
        self._cache[a] = s
        return s

    type = attr

    def loc_body(self, loc: LocationAttr) -> str:
        """A location nested in another one: its alias, or its body without ``loc(...)``."""
        alias = self.aliases.get(loc)
        return alias if alias is not None else loc.print(self)


_DEFAULT = AttrPrinter()
_T = TypeVar("_T")


def _derived_key(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    """``_key`` over the ``__slots__`` fields of ``cls`` and its bases (an ``attrgetter``: this runs in every
    structural comparison of types and attributes)."""
    if any("__slots__" not in k.__dict__ for k in cls.__mro__ if k is not object):
        raise TypeError(f"{cls.__name__} needs __slots__ (its fields, the structural key) or its own _key()")
    fields = [f for k in reversed(cls.__mro__) for f in k.__dict__.get("__slots__", ()) if f != "_h"]
    get = operator.attrgetter(*fields) if fields else None

    def _key(self: Any) -> tuple[Any, ...]:
        return () if get is None else get(self) if len(fields) > 1 else (get(self),)

    _DERIVED_KEYS.add(_key)
    return _key


_DERIVED_KEYS: set[Callable[[Any], tuple[Any, ...]]] = set()


class _Uniqued:
    """Structural equality and hashing over ``_key()``; subclasses are immutable after ``__init__``.

    ``_key()`` is the tuple of the class's ``__slots__`` fields (base classes' first) unless a class defines its
    own (to normalize a field, e.g. a float's bits)."""

    __slots__ = ("_h",)

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        if "_key" not in cls.__dict__ and (cls._key is _Uniqued._key or cls._key in _DERIVED_KEYS):
            cls._key = _derived_key(cls)  # type: ignore[method-assign, assignment]

    def _key(self) -> tuple[Any, ...]:
        raise NotImplementedError

    def __eq__(self, o: object) -> bool:
        return o is self or (type(o) is type(self) and hash(o) == hash(self) and o._key() == self._key())  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        try:
            return self._h
        except AttributeError:
            self._h: int = hash((type(self).__name__, self._key()))
            return self._h

    def print(self, p: AttrPrinter) -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return _DEFAULT.attr(self)  # type: ignore[arg-type]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self}>"


# ---------------------------------------------------------------------------------------------------------------
# Types
# ---------------------------------------------------------------------------------------------------------------


class Type(_Uniqued):
    """Base of all types."""

    __slots__ = ()


class IntegerType(Type):
    """``iN`` (signless), ``siN`` (signed), ``uiN`` (unsigned); width in bits."""

    __slots__ = ("width", "signedness")

    def __init__(self, width: int, signedness: str = "signless"):
        self.width, self.signedness = width, signedness

    def print(self, p: AttrPrinter) -> str:
        return {"signless": "i", "signed": "si", "unsigned": "ui"}[self.signedness] + str(self.width)

    @property
    def is_signless(self) -> bool:
        return self.signedness == "signless"

    def normalize(self, v: int) -> int:
        """Wrap ``v`` into this type's range: unsigned for ``uiN``, two's complement otherwise (i1 stays 0/1)."""
        w = self.width
        v &= (1 << w) - 1
        if self.signedness == "unsigned" or w == 1:
            return v
        return v - (1 << w) if v >> (w - 1) else v


class IndexType(Type):
    """``index``: a target-sized integer (64-bit in folds and the interpreter)."""

    __slots__ = ()

    def print(self, p: AttrPrinter) -> str:
        return "index"

    def normalize(self, v: int) -> int:
        v &= (1 << 64) - 1
        return v - (1 << 64) if v >> 63 else v


class NoneType(Type):
    """``none``: the unit type (MLIR's ``NoneType``)."""

    __slots__ = ()

    def print(self, p: AttrPrinter) -> str:
        return "none"


class FloatType(Type):
    """``f16``, ``bf16``, ``f32``, ``f64`` (and the storage-only ``tf32``, ``f80``, ``f128``)."""

    __slots__ = ("kind",)
    WIDTHS: ClassVar[dict[str, int]] = {"f16": 16, "bf16": 16, "tf32": 19, "f32": 32, "f64": 64, "f80": 80, "f128": 128}

    def __init__(self, kind: str):
        self.kind = kind

    def print(self, p: AttrPrinter) -> str:
        return self.kind

    @property
    def width(self) -> int:
        return self.WIDTHS[self.kind]


class _ElementOfType(Type):
    """A type parameterized by one element type only."""

    __slots__ = ("element_type",)

    def __init__(self, element_type: Type):
        self.element_type = element_type


class ComplexType(_ElementOfType):
    """``complex<f32>``: a complex number whose real and imaginary parts are of ``element_type``."""

    __slots__ = ()

    def print(self, p: AttrPrinter) -> str:
        return f"complex<{p.type(self.element_type)}>"


class TupleType(Type):
    __slots__ = ("types",)

    def __init__(self, types: Sequence[Type]):
        self.types = tuple(types)

    def _key(self) -> tuple[Any, ...]:
        return self.types

    def print(self, p: AttrPrinter) -> str:
        return f"tuple<{', '.join(p.type(t) for t in self.types)}>"


class FunctionType(Type):
    """``(inputs) -> results``; a single non-function result prints without parentheses."""

    __slots__ = ("inputs", "results")

    def __init__(self, inputs: Sequence[Type], results: Sequence[Type]):
        self.inputs, self.results = tuple(inputs), tuple(results)

    def print(self, p: AttrPrinter) -> str:
        ins = ", ".join(p.type(t) for t in self.inputs)
        if len(self.results) == 1 and not isinstance(self.results[0], FunctionType):
            return f"({ins}) -> {p.type(self.results[0])}"
        return f"({ins}) -> ({', '.join(p.type(t) for t in self.results)})"


def _dims(shape: Sequence[int], scalable: Sequence[bool] | None = None) -> str:
    out = []
    for i, d in enumerate(shape):
        s = "?" if d == DYNAMIC else str(d)
        if scalable and scalable[i]:
            s = f"[{s}]"
        out.append(s + "x")
    return "".join(out)


class ShapedType(Type):
    """Common base of tensor, memref and vector types."""

    __slots__ = ("shape", "element_type")
    shape: tuple[int, ...]
    element_type: Type

    @property
    def rank(self) -> int:
        return len(self.shape)

    @property
    def has_static_shape(self) -> bool:
        return DYNAMIC not in self.shape

    @property
    def num_elements(self) -> int:
        n = 1
        for d in self.shape:
            n *= d
        return n

    def is_dynamic_dim(self, i: int) -> bool:
        return self.shape[i] == DYNAMIC


class RankedTensorType(ShapedType):
    """``tensor<4x?xf32>`` with an optional ``encoding`` attribute."""

    __slots__ = ("encoding",)

    def __init__(self, shape: Sequence[int], element_type: Type, encoding: Attribute | None = None):
        self.shape, self.element_type, self.encoding = tuple(shape), element_type, encoding

    def print(self, p: AttrPrinter) -> str:
        enc = f", {p.attr(self.encoding)}" if self.encoding is not None else ""
        return f"tensor<{_dims(self.shape)}{p.type(self.element_type)}{enc}>"


class UnrankedTensorType(_ElementOfType):
    """``tensor<*xf32>``: a tensor of unknown rank."""

    __slots__ = ()

    def print(self, p: AttrPrinter) -> str:
        return f"tensor<*x{p.type(self.element_type)}>"


class VectorType(ShapedType):
    """``vector<4x[8]xf32>``; ``scalable`` marks scalable dimensions."""

    __slots__ = ("scalable",)

    def __init__(self, shape: Sequence[int], element_type: Type, scalable: Sequence[bool] | None = None):
        self.shape, self.element_type = tuple(shape), element_type
        self.scalable = tuple(scalable) if scalable and any(scalable) else None

    def print(self, p: AttrPrinter) -> str:
        return f"vector<{_dims(self.shape, self.scalable)}{p.type(self.element_type)}>"


class MemRefType(ShapedType):
    """``memref<4x4xf32, layout, memory_space>``; identity layout is ``None``."""

    __slots__ = ("layout", "memory_space")

    def __init__(self, shape: Sequence[int], element_type: Type, layout: Attribute | None = None,
                 memory_space: Attribute | None = None):
        if isinstance(layout, AffineMapAttr) and layout.value.is_identity():
            layout = None
        if isinstance(memory_space, IntegerAttr) and memory_space.value == 0:
            memory_space = None
        self.shape, self.element_type, self.layout, self.memory_space = tuple(shape), element_type, layout, memory_space

    def print(self, p: AttrPrinter) -> str:
        s = f"memref<{_dims(self.shape)}{p.type(self.element_type)}"
        if self.layout is not None:
            s += ", " + p.attr(self.layout)
        if self.memory_space is not None:
            s += ", " + _print_memspace(self.memory_space, p)
        return s + ">"


def _print_memspace(a: Attribute, p: AttrPrinter) -> str:
    if isinstance(a, IntegerAttr) and a.type == IntegerType(64):
        return str(a.value)
    return p.attr(a)


class UnrankedMemRefType(Type):
    __slots__ = ("element_type", "memory_space")

    def __init__(self, element_type: Type, memory_space: Attribute | None = None):
        if isinstance(memory_space, IntegerAttr) and memory_space.value == 0:
            memory_space = None
        self.element_type, self.memory_space = element_type, memory_space

    def print(self, p: AttrPrinter) -> str:
        ms = f", {_print_memspace(self.memory_space, p)}" if self.memory_space is not None else ""
        return f"memref<*x{p.type(self.element_type)}{ms}>"


class OpaqueType(Type):
    """A type of an unregistered dialect, kept verbatim: ``!foo.bar<...>`` (``data`` is ``bar<...>``) or
    ``!foo<"...">`` (``data`` is the text between the angle brackets, quotes included)."""

    __slots__ = ("dialect", "data")

    def __init__(self, dialect: str, data: str):
        self.dialect, self.data = dialect, data

    def print(self, p: AttrPrinter) -> str:
        return _print_dialect_symbol("!", self.dialect, self.data)


def _print_dialect_symbol(prefix: str, dialect: str, data: str) -> str:
    """``printDialectSymbol`` (AsmPrinter.cpp): ``#dialect.data`` when ``data`` is an identifier optionally
    followed by ``<...>``, else ``#dialect<data>``."""
    if re.match(r"[A-Za-z][A-Za-z0-9._]*(<.*>)?\Z", data, re.S):
        return f"{prefix}{dialect}.{data}"
    return f"{prefix}{dialect}<{data}>"


# common singletons
i1, i8, i16, i32, i64 = (IntegerType(w) for w in (1, 8, 16, 32, 64))
f16, bf16, f32, f64 = (FloatType(k) for k in ("f16", "bf16", "f32", "f64"))
index = IndexType()
none = NoneType()


# ---------------------------------------------------------------------------------------------------------------
# Attributes
# ---------------------------------------------------------------------------------------------------------------


class Attribute(_Uniqued):
    """Base of all attributes."""

    __slots__ = ()


def print_string(s: str) -> str:
    """MLIR's quoted string literal (``llvm::printEscapedString``): ``\\`` doubled, other printable ASCII except
    ``"`` as-is, every other byte of the UTF-8 encoding as ``\\XX`` (upper-case hex, so ``"`` is ``\\22``)."""
    if _PLAIN_STRING.match(s):
        return f'"{s}"'
    out = ['"']
    for b in s.encode("utf-8", errors="surrogateescape"):
        if b == 0x5C:
            out.append("\\\\")
        elif 0x20 <= b < 0x7F and b != 0x22:
            out.append(chr(b))
        else:
            out.append("\\" + format(b, "02X"))
    out.append('"')
    return "".join(out)


_PLAIN_STRING = re.compile(r'[ !#-\[\]-~]*\Z')


class IntegerAttr(Attribute):
    """An integer of an integer or index type; ``i1`` values print as ``true``/``false`` (BoolAttr)."""

    __slots__ = ("value", "type")

    def __init__(self, value: int, type: Type):
        if isinstance(type, (IntegerType, IndexType)):
            value = type.normalize(int(value))
        self.value, self.type = int(value), type

    def print(self, p: AttrPrinter) -> str:
        if self.type == i1:
            return "true" if self.value else "false"
        return f"{self.value} : {p.type(self.type)}"

    def print_untyped(self) -> str:
        if self.type == i1:
            return "true" if self.value else "false"
        return str(self.value)


def BoolAttr(value: bool) -> IntegerAttr:
    return IntegerAttr(1 if value else 0, i1)


class FloatAttr(Attribute):
    """A float of a float type; the value is rounded to the type on construction. ``nan_bits`` keeps the exact
    bit pattern of a NaN (payload, signalling bit) given in hexadecimal, which a Python float cannot carry."""

    __slots__ = ("value", "type", "nan_bits")

    def __init__(self, value: float, type: Type, nan_bits: int | None = None):
        if isinstance(type, FloatType) and type.kind in ("f16", "bf16", "f32", "f64"):
            value = round_to(float(value), type.kind)
        self.value, self.type = float(value), type
        self.nan_bits = nan_bits if value != value else None

    def _key(self) -> tuple[Any, ...]:
        # distinguish -0.0 from 0.0 and compare NaNs by bits
        return (struct.pack("<d", self.value), self.type, self.nan_bits)

    def print(self, p: AttrPrinter) -> str:
        return f"{self.print_untyped()} : {p.type(self.type)}"

    def print_untyped(self) -> str:
        assert isinstance(self.type, FloatType)
        if self.nan_bits is not None:
            return "0x" + format(self.nan_bits, f"0{self.type.width // 4}X")
        return format_float(self.value, self.type.kind)


class StringAttr(Attribute):
    __slots__ = ("value", "type")

    def __init__(self, value: str, type: Type | None = None):
        self.value, self.type = value, type

    def print(self, p: AttrPrinter) -> str:
        s = print_string(self.value)
        return s if self.type is None else f"{s} : {p.type(self.type)}"


class UnitAttr(Attribute):
    """``unit``: an attribute whose presence is the information (a flag in an attribute dictionary)."""

    __slots__ = ()

    def print(self, p: AttrPrinter) -> str:
        return "unit"


class ArrayAttr(Attribute):
    __slots__ = ("value",)

    def __init__(self, value: Iterable[Attribute]):
        self.value = tuple(value)

    def _key(self) -> tuple[Any, ...]:
        return self.value

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.value)

    def __len__(self) -> int:
        return len(self.value)

    def __getitem__(self, i: int) -> Attribute:
        return self.value[i]

    def print(self, p: AttrPrinter) -> str:
        return "[" + ", ".join(_print_elided(a, p) for a in self.value) + "]"


def _print_elided(a: Attribute, p: AttrPrinter) -> str:
    """An attribute where MLIR allows type elision (``AttrTypeElision::May``: array elements): ``i64`` integers and
    ``f64`` floats drop their ``: type``."""
    if isinstance(a, IntegerAttr) and a.type == i64 or isinstance(a, FloatAttr) and a.type == f64:
        return a.print_untyped()
    return p.attr(a)


def print_attr_entry(k: str, v: Attribute, p: AttrPrinter) -> str:
    """``key = value``, or the bare key of a unit attribute; keys that are not bare identifiers are quoted."""
    key = k if _BARE_ID.match(k) else print_string(k)
    return key if isinstance(v, UnitAttr) else f"{key} = {p.attr(v)}"


def print_attr_dict_body(d: dict[str, Attribute], p: AttrPrinter) -> str:
    """``a = 1 : i64, b`` with keys sorted as MLIR's DictionaryAttr and unit attributes as bare keys."""
    return ", ".join(print_attr_entry(k, d[k], p) for k in sorted(d))


class DictionaryAttr(Attribute):
    __slots__ = ("value",)

    def __init__(self, value: dict[str, Attribute]):
        self.value = dict(sorted(value.items()))

    def _key(self) -> tuple[Any, ...]:
        return tuple(self.value.items())

    def print(self, p: AttrPrinter) -> str:
        return "{" + print_attr_dict_body(self.value, p) + "}"


class _ValueAttr(Attribute, Generic[_T]):
    """An attribute wrapping one immutable ``value``."""

    __slots__ = ("value",)

    def __init__(self, value: _T):
        self.value = value


class TypeAttr(_ValueAttr[Type]):
    """A type used as an attribute (``function_type = (i32) -> i32``)."""

    __slots__ = ()

    def print(self, p: AttrPrinter) -> str:
        return p.type(self.value)


def print_symbol_name(name: str) -> str:
    return "@" + (name if _BARE_ID.match(name) else print_string(name))


class SymbolRefAttr(Attribute):
    """``@root`` or ``@root::@nested::@leaf``."""

    __slots__ = ("root", "nested")

    def __init__(self, root: str, nested: Sequence[str] = ()):
        self.root, self.nested = root, tuple(nested)

    def print(self, p: AttrPrinter) -> str:
        return "::".join(print_symbol_name(n) for n in (self.root, *self.nested))

    @property
    def leaf(self) -> str:
        return self.nested[-1] if self.nested else self.root


class AffineMapAttr(_ValueAttr[AffineMap]):
    """``affine_map<(d0, d1)[s0] -> (d0 + s0, d1)>``."""

    __slots__ = ()

    def print(self, p: AttrPrinter) -> str:
        return f"affine_map<{self.value}>"


class IntegerSetAttr(_ValueAttr[IntegerSet]):
    """``affine_set<(d0)[s0] : (d0 - s0 >= 0)>``."""

    __slots__ = ()

    def print(self, p: AttrPrinter) -> str:
        return f"affine_set<{self.value}>"


class StridedLayoutAttr(Attribute):
    """``strided<[s0, s1], offset: o>``; strides/offset may be :data:`DYNAMIC`."""

    __slots__ = ("strides", "offset")

    def __init__(self, strides: Sequence[int], offset: int = 0):
        self.strides, self.offset = tuple(strides), offset

    def print(self, p: AttrPrinter) -> str:
        st = ", ".join("?" if s == DYNAMIC else str(s) for s in self.strides)
        off = "" if self.offset == 0 else f", offset: {'?' if self.offset == DYNAMIC else self.offset}"
        return f"strided<[{st}]{off}>"


class OpaqueAttr(Attribute):
    """An attribute of an unregistered dialect, kept verbatim: ``#foo.bar<...>`` (``data`` is ``bar<...>``) or
    ``#foo<"...">`` (``data`` is the text between the angle brackets, quotes included)."""

    __slots__ = ("dialect", "data")

    def __init__(self, dialect: str, data: str):
        self.dialect, self.data = dialect, data

    def print(self, p: AttrPrinter) -> str:
        return _print_dialect_symbol("#", self.dialect, self.data)


def numpy_dtype(t: Type) -> Any:
    """The numpy dtype that stores elements of ``t`` (bf16 is stored as float32; iN as the next wider int)."""
    if isinstance(t, FloatType):
        return {"f16": np.float16, "f32": np.float32, "f64": np.float64}.get(t.kind, np.float32)
    if isinstance(t, IndexType):
        return np.int64
    if isinstance(t, IntegerType):
        if t.width == 1:
            return np.bool_
        for w in (8, 16, 32, 64):
            if t.width <= w:
                return np.dtype(f"{'u' if t.signedness == 'unsigned' else ''}int{w}").type
        return np.object_
    if isinstance(t, ComplexType):
        return np.complex64 if t.element_type == f32 else np.complex128
    return np.object_


class DenseElementsAttr(Attribute):
    """``dense<...> : tensor<...>``: numpy-backed elements of a static shaped type (int, float, bool, complex,
    or string elements). Values whose elements are all bitwise equal are stored as a 0-d array (MLIR detects
    splats the same way, on the raw data). Printing follows ``printDenseElementsAttr`` in MLIR's AsmPrinter.cpp:
    a splat prints one element, an empty value ``dense<>``, more than 100 elements the hex form of the raw
    little-endian storage (``dense<"0x...">``, one byte per ``i1``), else nested lists."""

    __slots__ = ("type", "array")

    def __init__(self, type: ShapedType, array: Any):
        self.type = type
        arr = np.asarray(array)
        if arr.dtype.kind not in "OU":
            arr = arr.astype(numpy_dtype(type.element_type), copy=False)
        if arr.ndim and arr.size and _all_equal(arr):
            arr = arr.reshape(-1)[:1].reshape(())
        self.array = arr

    @property
    def is_splat(self) -> bool:
        return self.array.ndim == 0

    def values(self) -> np.ndarray:
        """The elements as an array of the type's full shape."""
        if self.array.ndim == 0 or self.array.shape != self.type.shape:
            return np.broadcast_to(self.array, self.type.shape)
        return self.array

    @classmethod
    def from_raw(cls, type: ShapedType, raw: bytes) -> DenseElementsAttr:
        """Elements from MLIR's raw storage (the hex form): one element (a splat) or one per element of ``type``.
        Raises ValueError when the size fits neither."""
        et = type.element_type
        k = storage_bytes(et)
        n = type.num_elements
        if len(raw) == k and n != 0:
            return cls(type, _from_raw(raw, et, 1).reshape(()))
        if len(raw) != k * n:
            raise ValueError(f"elements hex data size is invalid for provided type: '{type}'")
        return cls(type, _from_raw(raw, et, n).reshape(type.shape))

    def raw_data(self) -> bytes:
        """MLIR's raw storage of the elements (a splat stores one element)."""
        return _to_raw(self.array, self.type.element_type)

    def _key(self) -> tuple[Any, ...]:
        a = self.array
        return (self.type, a.shape, a.dtype.str, a.tobytes() if a.dtype.kind not in "OU" else tuple(a.ravel().tolist()))

    def print(self, p: AttrPrinter) -> str:
        return f"dense<{self.print_body()}> : {p.type(self.type)}"

    def print_body(self) -> str:
        et = self.type.element_type
        a = self.array
        if a.ndim == 0:
            return _elem_strings(a.reshape(1), et)[0]
        n = self.type.num_elements
        if n == 0:
            return ""
        if n > 100 and a.dtype.kind not in "OU":
            return '"0x' + _to_raw(a, et).hex().upper() + '"'
        strs = iter(_elem_strings(a, et))

        def nest(shape: tuple[int, ...]) -> str:
            if len(shape) == 1:
                return "[" + ", ".join(next(strs) for _ in range(shape[0])) + "]"
            return "[" + ", ".join(nest(shape[1:]) for _ in range(shape[0])) + "]"

        return nest(a.shape)


def _all_equal(a: np.ndarray) -> bool:
    """Whether every element of ``a`` equals the first one bitwise (by value for strings and big integers)."""
    flat = a.reshape(-1)
    if a.dtype.kind in "OU":
        first = flat[0]
        return all(x == first for x in flat.tolist())
    v = np.ascontiguousarray(flat).view(f"V{a.dtype.itemsize}")
    return bool(np.all(v == v[0]))


def storage_bytes(et: Type) -> int:
    """Bytes per element in MLIR's raw storage of dense elements (integers rounded up to whole bytes)."""
    if isinstance(et, ComplexType):
        return 2 * storage_bytes(et.element_type)
    if isinstance(et, IndexType):
        return 8
    if isinstance(et, (IntegerType, FloatType)):
        return (et.width + 7) // 8
    raise ValueError(f"no raw storage for elements of type '{et}'")


def _to_raw(a: np.ndarray, et: Type) -> bytes:
    if isinstance(et, ComplexType):
        k = storage_bytes(et.element_type)
        re_ = np.frombuffer(_to_raw(np.real(a), et.element_type), dtype=f"V{k}")
        im_ = np.frombuffer(_to_raw(np.imag(a), et.element_type), dtype=f"V{k}")
        return np.stack([re_, im_], axis=-1).tobytes()
    if isinstance(et, FloatType):
        if et.kind == "bf16":
            u = np.ascontiguousarray(a, dtype=np.float32).view(np.uint32).astype(np.uint64)
            nan = np.isnan(np.asarray(a, dtype=np.float32))
            rounded = (u + 0x7FFF + ((u >> 16) & 1)) >> 16
            quieted = np.where(u & 0xFFFF, (u >> 16) | 0x40, u >> 16)  # a NaN read from bf16 bits stays exact
            return np.where(nan, quieted, rounded).astype("<u2").tobytes()
        return np.ascontiguousarray(a).astype(f"<f{et.width // 8}").tobytes()
    k = storage_bytes(et)
    if k in (1, 2, 4, 8) and a.dtype.kind in "iub" and (isinstance(et, IndexType) or et.width == 8 * k or  # type: ignore[attr-defined]
                                                        et.width == 1):  # type: ignore[attr-defined]
        return np.ascontiguousarray(a).astype(f"<{'u' if a.dtype.kind != 'i' else 'i'}{k}").tobytes()
    mask = (1 << (64 if isinstance(et, IndexType) else et.width)) - 1  # type: ignore[attr-defined]
    return b"".join((int(x) & mask).to_bytes(k, "little") for x in np.asarray(a).reshape(-1).tolist())


def _from_raw(raw: bytes, et: Type, n: int) -> np.ndarray:
    if isinstance(et, ComplexType):
        parts = _from_raw(raw, et.element_type, 2 * n)
        out = np.empty(n, dtype=numpy_dtype(et))
        out.real, out.imag = parts[0::2], parts[1::2]
        return out
    if isinstance(et, FloatType):
        if et.kind == "bf16":
            return (np.frombuffer(raw, dtype="<u2").astype(np.uint32) << 16).view(np.float32)
        return np.frombuffer(raw, dtype=f"<f{et.width // 8}").astype(numpy_dtype(et))
    if isinstance(et, IntegerType) and et.width == 1:
        return np.frombuffer(raw, dtype=np.uint8) != 0
    k = storage_bytes(et)
    norm = et.normalize  # type: ignore[attr-defined]
    if k in (1, 2, 4, 8) and (isinstance(et, IndexType) or et.width == 8 * k):  # type: ignore[attr-defined]
        signed = not (isinstance(et, IntegerType) and et.signedness == "unsigned")
        return np.frombuffer(raw, dtype=f"<{'i' if signed else 'u'}{k}").astype(numpy_dtype(et))
    vals = [norm(int.from_bytes(raw[i:i + k], "little")) for i in range(0, k * n, k)]
    return np.array(vals, dtype=numpy_dtype(et))


def _elem_strings(a: np.ndarray, et: Type) -> list[str]:
    """The spelling of each element of ``a`` (flattened): floats as MLIR's ``printFloatValue`` (a NaN as its
    exact bit pattern, taken from the storage rather than a Python float), complex values as ``(re,im)``."""
    flat = np.ascontiguousarray(a).reshape(-1)
    if isinstance(et, ComplexType):
        inner = et.element_type
        re_, im_ = _elem_strings(np.real(flat), inner), _elem_strings(np.imag(flat), inner)
        return [f"({r},{i})" for r, i in zip(re_, im_)]
    if isinstance(et, FloatType):
        vals = flat.tolist()
        nan = np.isnan(flat.astype(np.float64)) if flat.dtype.kind == "f" else None
        if nan is None or not nan.any():
            return [format_float(float(x), et.kind) for x in vals]
        k = et.width // 8
        bits = np.frombuffer(_to_raw(flat, et), dtype=f"<u{k}").tolist()
        return ["0x" + format(b, f"0{2 * k}X") if isnan else format_float(float(x), et.kind)
                for x, b, isnan in zip(vals, bits, nan.tolist())]
    if isinstance(et, IntegerType) and et.width == 1:
        return ["true" if x else "false" for x in flat.tolist()]
    out = []
    for x in flat.tolist():
        if isinstance(x, str):
            out.append(print_string(x))
        elif isinstance(x, bytes):
            out.append(print_string(x.decode("latin-1")))
        else:
            out.append(str(int(x)))
    return out


class DenseResourceElementsAttr(Attribute):
    """``dense_resource<handle> : tensor<...>``: elements stored in the module's ``{-# dialect_resources #-}``
    section (``builtin`` resources), or in a sidecar file."""

    __slots__ = ("handle", "type")

    def __init__(self, handle: str, type: ShapedType):
        self.handle, self.type = handle, type

    def print(self, p: AttrPrinter) -> str:
        p.resources[self.handle] = None
        return f"dense_resource<{print_keyword_or_string(self.handle)}> : {p.type(self.type)}"


def print_keyword_or_string(s: str) -> str:
    """``s`` bare when it is an identifier (``[A-Za-z_][A-Za-z0-9_$.]*``), else as a quoted string."""
    return s if _BARE_ID.match(s) else print_string(s)


class DenseArrayAttr(Attribute):
    """``array<i64: 1, 2>``: a 1-D array of integers or floats without a shaped type."""

    __slots__ = ("element_type", "values")

    def __init__(self, element_type: Type, values: Sequence[int | float | bool]):
        self.element_type = element_type
        if isinstance(element_type, IntegerType):
            self.values: tuple[Any, ...] = tuple(element_type.normalize(int(v)) for v in values)
        else:
            assert isinstance(element_type, FloatType)
            self.values = tuple(round_to(float(v), element_type.kind) for v in values)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.values)

    def __len__(self) -> int:
        return len(self.values)

    def print(self, p: AttrPrinter) -> str:
        et = p.type(self.element_type)
        if not self.values:
            return f"array<{et}>"
        t = self.element_type
        if isinstance(t, IntegerType) and t.width == 1:
            body = ", ".join("true" if v else "false" for v in self.values)
        elif isinstance(t, FloatType):
            body = ", ".join(format_float(v, t.kind) for v in self.values)
        else:
            body = ", ".join(str(v) for v in self.values)
        return f"array<{et}: {body}>"


# --- locations -------------------------------------------------------------------------------------------------


class LocationAttr(Attribute):
    """Base of locations; ``print`` gives the body inside ``loc(...)``."""

    __slots__ = ()


class UnknownLoc(LocationAttr):
    __slots__ = ()

    def print(self, p: AttrPrinter) -> str:
        return "unknown"


class FileLineColLoc(LocationAttr):
    """``"file":line:col``, or MLIR's ``FileLineColRange`` ``"file":line:col to [end_line]:end_col``. As in MLIR,
    the number of parts given is part of the identity: ``"f":1`` (printed ``"f":1:0``), ``"f":1:0`` and
    ``"f":1:0 to 1:0`` are three different locations that print alike."""

    __slots__ = ("filename", "line", "col", "end", "parts")

    def __init__(self, filename: str, line: int, col: int = 0, end_line: int | None = None,
                 end_col: int | None = None, parts: int | None = None):
        self.filename, self.line, self.col = filename, line, col
        self.end = None if end_col is None else (line if end_line is None else end_line, end_col)
        self.parts = parts if parts is not None else 2 if self.end is None else 4

    def print(self, p: AttrPrinter) -> str:
        s = f"{print_string(self.filename)}:{self.line}:{self.col}"
        if self.end is not None and self.end != (self.line, self.col):
            s += f" to :{self.end[1]}" if self.end[0] == self.line else f" to {self.end[0]}:{self.end[1]}"
        return s


class NameLoc(LocationAttr):
    __slots__ = ("name", "child")

    def __init__(self, name: str, child: LocationAttr | None = None):
        self.name, self.child = name, child if not isinstance(child, UnknownLoc) else None

    def print(self, p: AttrPrinter) -> str:
        return print_string(self.name) + (f"({p.loc_body(self.child)})" if self.child is not None else "")


class CallSiteLoc(LocationAttr):
    __slots__ = ("callee", "caller")

    def __init__(self, callee: LocationAttr, caller: LocationAttr):
        self.callee, self.caller = callee, caller

    def print(self, p: AttrPrinter) -> str:
        return f"callsite({p.loc_body(self.callee)} at {p.loc_body(self.caller)})"


class FusedLoc(LocationAttr):
    __slots__ = ("locations", "metadata")

    def __init__(self, locations: Sequence[LocationAttr], metadata: Attribute | None = None):
        self.locations, self.metadata = tuple(locations), metadata

    def print(self, p: AttrPrinter) -> str:
        meta = f"<{p.attr(self.metadata)}>" if self.metadata is not None else ""
        return f"fused{meta}[{', '.join(p.loc_body(loc) for loc in self.locations)}]"


def fused_loc(locations: Sequence[LocationAttr], metadata: Attribute | None = None) -> LocationAttr:
    """``FusedLoc::get``: nested fused locations with the same metadata are flattened, unknown locations and
    duplicates dropped; no location left gives ``unknown`` (without metadata), one gives itself."""
    locs: dict[LocationAttr, None] = {}
    for loc in locations:
        if isinstance(loc, FusedLoc) and loc.metadata == metadata:
            locs.update(dict.fromkeys(loc.locations))
        elif not isinstance(loc, UnknownLoc):
            locs[loc] = None
    if not locs:
        return UnknownLoc() if metadata is None else FusedLoc([UnknownLoc()], metadata)
    if len(locs) == 1 and metadata is None:
        return next(iter(locs))
    return FusedLoc(list(locs), metadata)


def sub_elements(x: Attribute | Type) -> Sequence[Attribute | Type]:
    """The attributes and types directly inside ``x``, in MLIR's ``walkImmediateSubElements`` order (what the
    printer's alias pass visits). Dialect attributes and types may define ``sub_elements()``."""
    if isinstance(x, ArrayAttr):
        return x.value
    if isinstance(x, DictionaryAttr):
        return tuple(x.value.values())
    if isinstance(x, TypeAttr):
        return (x.value,)
    if isinstance(x, (IntegerAttr, FloatAttr, DenseElementsAttr, DenseResourceElementsAttr)):
        return (x.type,)
    if isinstance(x, StringAttr):
        return (x.type,) if x.type is not None else ()
    if isinstance(x, DenseArrayAttr):
        return (x.element_type,)
    if isinstance(x, MemRefType):
        return tuple(e for e in (x.element_type, x.layout, x.memory_space) if e is not None)
    if isinstance(x, RankedTensorType):
        return (x.element_type,) if x.encoding is None else (x.element_type, x.encoding)
    if isinstance(x, UnrankedMemRefType):
        return (x.element_type,) if x.memory_space is None else (x.element_type, x.memory_space)
    if isinstance(x, (VectorType, UnrankedTensorType, ComplexType)):
        return (x.element_type,)
    if isinstance(x, FunctionType):
        return x.inputs + x.results
    if isinstance(x, TupleType):
        return x.types
    if isinstance(x, NameLoc):
        return (x.child,) if x.child is not None else ()
    if isinstance(x, CallSiteLoc):
        return (x.callee, x.caller)
    if isinstance(x, FusedLoc):
        return x.locations + ((x.metadata,) if x.metadata is not None else ())
    fn = getattr(x, "sub_elements", None)
    return fn() if fn is not None else ()


def file_line_col(loc: LocationAttr | None) -> FileLineColLoc | None:
    """The first file:line:col position inside ``loc`` (what diagnostics point at)."""
    if isinstance(loc, FileLineColLoc):
        return loc
    if isinstance(loc, NameLoc):
        return file_line_col(loc.child)
    if isinstance(loc, CallSiteLoc):
        return file_line_col(loc.callee)
    if isinstance(loc, FusedLoc):
        for sub in loc.locations:
            r = file_line_col(sub)
            if r is not None:
                return r
    return None


def element_type(t: Type) -> Type:
    """The element type of a shaped type, else ``t`` itself (``getElementTypeOrSelf``)."""
    return t.element_type if isinstance(t, (ShapedType, UnrankedTensorType, UnrankedMemRefType)) else t
