"""The ``dsa`` dialect: programs for the domain-specific accelerator of DESIGN.md ("The DSA").

The machine, from A. Redfern's "Implementation" lecture (memory, control, communication and computation operating
in parallel): external DRAM and on-chip SRAM (finite, banked, accessed at 64-byte aligned addresses); a DMA engine
doing strided xD gathers DRAM→SRAM and scatters SRAM→DRAM; an N×N matrix-multiply primitive with pre- and
post-processing; a vector unit for elementwise work; a sort unit (max pooling, top-k); a control processor that
runs the program (``func.func`` + ``scf.for`` + ``arith`` index math) and issues the engine operations.

How a program is written (docs/dsa.md has the whole story and the cost of every op):

* **Target** — the module attribute ``dsa.target = #dsa.target<n = 16, sram_kib = 512, ...>``
  (:class:`TargetAttr`); without it the documented defaults apply. Nothing in the dialect or the simulator is
  hard-coded to one N.
* **Memories** — memref memory spaces ``#dsa.dram`` and ``#dsa.sram`` (:class:`MemorySpaceAttr`), MLIR's idiom for
  address spaces (as ``#gpu.address_space<workgroup>``): ``memref<2x16x16xf32, #dsa.sram>``. Element types are
  ``i8``, ``i16``, ``i32`` and ``f32``; layouts are the identity (row-major, contiguous).
* **Buffers** — ``dsa.buffer at OFFSET`` places a buffer at a fixed byte offset of SRAM (or of the DRAM scratch
  pool), which is what memory planning produces; two buffers may share bytes (their lifetimes must not overlap).
* **Tiles** — an SRAM operand is written ``%buf[%i, %j]``: the leading dimensions of the buffer are indexed, the
  remaining trailing dimensions are the tile (``%abuf[%s]`` of ``memref<2x16x16xf32, #dsa.sram>`` is a 16×16 tile).
  Tiles are contiguous; each starts at a 64-byte aligned SRAM address.
* **Tokens** — every engine operation is asynchronous: it returns a ``!dsa.token`` (:class:`TokenType`) and starts
  only after the tokens in its ``after(...)`` list have completed; ``dsa.wait`` makes the control processor wait.
  Tokens cross loop iterations as ``scf.for`` ``iter_args``. The token of a ``dsa.dma_store`` must be used
  (waited on, depended on or yielded): otherwise nothing makes the kernel wait for its result to reach DRAM. A
  read of a tile before the operation writing it has completed is a race the simulator reports.
* **Entry** — a ``func.func`` with the unit attribute ``dsa.kernel`` taking DRAM memrefs; arguments with the
  argument attribute ``dsa.output`` are the results (zero-initialized by the runner, returned in order).
* **Grouping** — an op (or an enclosing ``scf.for``) with the string attribute ``dsa.layer = "name"`` is
  reported under that layer in the simulator's statistics.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from mlir_py.attributes import (
    Attribute,
    AttrPrinter,
    DenseArrayAttr,
    FloatAttr,
    IndexType,
    IntegerAttr,
    IntegerType,
    MemRefType,
    Type,
    UnitAttr,
    f32,
    f64,
    i1,
    i8,
    i16,
    i32,
    i64,
    index,
)
from mlir_py.dialect import Dialect
from mlir_py.ir import Operation, Value
from mlir_py.opdef import (
    Constraint,
    EnumSpec,
    Op,
    isa,
    operand,
    opt_operand,
    prop,
    result_def,
    var_operand,
)

from ._mixed import I64Array, IntLiteral, attr_dict_suffix, check_attr_dict, keyword_flag, segments

# ---------------------------------------------------------------------------------------------------------------
# attributes and types
# ---------------------------------------------------------------------------------------------------------------


class TargetAttr(Attribute):
    """``#dsa.target<n = 16, sram_kib = 512, sram_banks = 16, dram_bytes_per_cycle = 64,
    sram_bytes_per_cycle = 512, clock_mhz = 1000, dram_mib = 1024>``: the machine a module is compiled for.

    Fields (any subset may be written; the others take these defaults, all printed):

    ==========================  =======  ==========================================================================
    ``n``                       16       side of the matrix primitive: N×N tiles, N² MACs/cycle; a power of two
                                         in [4, 256]
    ``sram_kib``                512      on-chip SRAM capacity, KiB
    ``sram_banks``              16       SRAM banks (a power of two), interleaved every 64 bytes; the simulator
                                         models their aggregate bandwidth, not bank conflicts
    ``dram_bytes_per_cycle``    64       DRAM bandwidth, bytes/cycle (the DMA engine's limit)
    ``sram_bytes_per_cycle``    512      SRAM bandwidth per engine port, bytes/cycle
    ``clock_mhz``               1000     clock, MHz (converts cycles to time in traces)
    ``dram_mib``                1024     DRAM capacity, MiB (bounds ``dsa.buffer`` in the DRAM scratch pool)
    ==========================  =======  ==========================================================================

    Source: DESIGN.md ("The target is a module attribute (N, SRAM size and banks, DRAM and SRAM bytes/cycle,
    clock)"). Errors: unknown fields, non-integers, N not a power of two in [4, 256], non-positive sizes.
    """

    FIELDS: ClassVar[tuple[str, ...]] = ("n", "sram_kib", "sram_banks", "dram_bytes_per_cycle",
                                         "sram_bytes_per_cycle", "clock_mhz", "dram_mib")
    __slots__ = FIELDS
    DEFAULTS: ClassVar[dict[str, int]] = {"n": 16, "sram_kib": 512, "sram_banks": 16, "dram_bytes_per_cycle": 64,
                                          "sram_bytes_per_cycle": 512, "clock_mhz": 1000, "dram_mib": 1024}

    def __init__(self, n: int = 16, sram_kib: int = 512, sram_banks: int = 16, dram_bytes_per_cycle: int = 64,
                 sram_bytes_per_cycle: int = 512, clock_mhz: int = 1000, dram_mib: int = 1024):
        values = {"n": n, "sram_kib": sram_kib, "sram_banks": sram_banks,
                  "dram_bytes_per_cycle": dram_bytes_per_cycle, "sram_bytes_per_cycle": sram_bytes_per_cycle,
                  "clock_mhz": clock_mhz, "dram_mib": dram_mib}
        for k, v in values.items():
            if not isinstance(v, int) or isinstance(v, bool) or v <= 0:
                raise ValueError(f"'{k}' must be a positive integer, got {v!r}")
        if n < 4 or n > 256 or n & (n - 1):
            raise ValueError(f"'n' must be a power of two in [4, 256], got {n}")
        if sram_banks & (sram_banks - 1):
            raise ValueError(f"'sram_banks' must be a power of two, got {sram_banks}")
        self.n, self.sram_kib, self.sram_banks = n, sram_kib, sram_banks
        self.dram_bytes_per_cycle, self.sram_bytes_per_cycle = dram_bytes_per_cycle, sram_bytes_per_cycle
        self.clock_mhz, self.dram_mib = clock_mhz, dram_mib

    def print(self, p: AttrPrinter) -> str:
        return "#dsa.target<" + ", ".join(f"{f} = {getattr(self, f)}" for f in self.FIELDS) + ">"

    @property
    def sram_bytes(self) -> int:
        """SRAM capacity in bytes."""
        return self.sram_kib * 1024

    @property
    def dram_bytes(self) -> int:
        """DRAM capacity in bytes."""
        return self.dram_mib * 1024 * 1024

    def replace(self, **changes: int) -> TargetAttr:
        """This target with some fields changed (``target.replace(n=32)``)."""
        values = {f: getattr(self, f) for f in self.FIELDS}
        values.update(changes)
        return TargetAttr(**values)

    @classmethod
    def parse(cls, body: str | None, parser: Any) -> TargetAttr:
        """Parse hook: ``body`` is ``n = 16, sram_kib = 512`` (fields in any order, each at most once)."""
        values: dict[str, int] = {}
        for part in (body or "").split(","):
            if not part.strip():
                if body and body.strip():
                    raise ValueError("expected 'field = integer'")
                continue
            key, eq, val = (s.strip() for s in part.partition("="))
            if not eq:
                raise ValueError(f"expected 'field = integer', got '{part.strip()}'")
            if key not in cls.FIELDS:
                raise ValueError(f"unknown field '{key}' (expected one of {', '.join(cls.FIELDS)})")
            if key in values:
                raise ValueError(f"field '{key}' given twice")
            try:
                values[key] = int(val, 0)
            except ValueError:
                raise ValueError(f"field '{key}' expects an integer, got '{val}'") from None
        return cls(**values)


DEFAULT_TARGET = TargetAttr()


class MemorySpaceAttr(Attribute):
    """``#dsa.dram`` / ``#dsa.sram``: the memory space of a memref (its ``memory_space`` parameter).

    DRAM: large, external, 250 pJ/byte, ``dram_bytes_per_cycle``; SRAM: ``sram_kib`` on chip, 1.5 pJ/byte,
    ``sram_bytes_per_cycle``, 64-byte aligned accesses (DESIGN.md, the lecture's 28 nm table)."""

    __slots__ = ("kind",)

    def __init__(self, kind: str):
        if kind not in ("dram", "sram"):
            raise ValueError(f"unknown DSA memory space '{kind}' (expected dram or sram)")
        self.kind = kind

    def print(self, p: AttrPrinter) -> str:
        return f"#dsa.{self.kind}"

    @classmethod
    def parser(cls, kind: str) -> Any:
        def parse(body: str | None, parser: Any) -> MemorySpaceAttr:
            if body is not None:
                raise ValueError(f"'#dsa.{kind}' takes no parameters")
            return cls(kind)

        return parse


DRAM = MemorySpaceAttr("dram")
SRAM = MemorySpaceAttr("sram")


class TokenType(Type):
    """``!dsa.token``: the completion of an asynchronous engine operation (DMA, matrix, vector or sort)."""

    __slots__ = ()

    def print(self, p: AttrPrinter) -> str:
        return "!dsa.token"

    @classmethod
    def parse(cls, body: str | None, parser: Any) -> TokenType:
        if body is not None:
            raise ValueError("'!dsa.token' takes no parameters")
        return TOKEN


TOKEN = TokenType()

#: element types the engines support, with their sizes in bytes
ELEMENT_BYTES: dict[Type, int] = {i8: 1, i16: 2, i32: 4, f32: 4}
#: SRAM accesses start at multiples of this many bytes (DESIGN.md: "64-byte aligned accesses")
SRAM_ALIGN = 64

Token = isa(TokenType, description="!dsa.token")
Index = isa(IndexType, description="index")
I1 = Constraint(lambda t: t == i1, "i1")
DsaMemRef = Constraint(lambda t: isinstance(t, MemRefType) and isinstance(t.memory_space, MemorySpaceAttr),
                       "memref in #dsa.dram or #dsa.sram")
Number = Constraint(lambda a: isinstance(a, (IntegerAttr, FloatAttr)), "integer or float attribute")


def target_of(op: Operation) -> TargetAttr:
    """The ``dsa.target`` of the closest enclosing op that has one (normally the module), else the defaults."""
    cur: Operation | None = op
    while cur is not None:
        a = cur.attributes.get("dsa.target")
        if isinstance(a, TargetAttr):
            return a
        cur = cur.parent_op
    return DEFAULT_TARGET


def space_of(t: Type) -> str | None:
    """``"dram"``, ``"sram"`` or None for a memref type."""
    ms = getattr(t, "memory_space", None)
    return ms.kind if isinstance(ms, MemorySpaceAttr) else None


def nbytes(t: MemRefType) -> int:
    """Size of a static memref of a supported element type, bytes."""
    n = ELEMENT_BYTES[t.element_type]
    for d in t.shape:
        n *= d
    return n


def _shape_str(shape: Sequence[int]) -> str:
    return "x".join(map(str, shape)) if shape else "scalar"


# ---------------------------------------------------------------------------------------------------------------
# syntax helpers
# ---------------------------------------------------------------------------------------------------------------

#: grammar pieces shared by the dsa ops (``custom_rules``); each callback gets the matched children
RULES: dict[str, Any] = {
    "dsa_tile": ('VALUE_ID "[" [value_list] "]"', lambda c, st: (c[0], list(c[1] or []))),
    "dsa_after": ('"after" "(" value_list ")"', lambda c, st: list(c[0])),
    "dsa_ints": ('"[" INT ("," INT)* "]"', lambda c, st: [int(str(t), 0) for t in c]),
    "dsa_num": ("INT | FLOAT", lambda c, st: c[0]),
    "dsa_clip": ('"clip" "(" dsa_num "," dsa_num ")"', lambda c, st: ("clip", c[0], c[1])),
    "dsa_scale": ('"scale" "(" dsa_num ["," INT] ")"', lambda c, st: ("scale", c[0], c[1])),
    "dsa_accumulate": ('"accumulate" "(" VALUE_ID ")"', lambda c, st: c[0]),
    "dsa_bias": ('"bias" dsa_tile', lambda c, st: c[0]),
    "dsa_out": ('"->" dsa_tile', lambda c, st: c[0]),
    **keyword_flag("relu"), **keyword_flag("masked"), **keyword_flag("pad"), **keyword_flag("transpose_lhs"),
    **keyword_flag("transpose_rhs"),
}
POST_GRAMMAR = "[kw_relu] [dsa_clip] [dsa_scale]"
TAIL_GRAMMAR = '[dsa_after] [attr_dict] ":" type_list'


def _num_attr(tok: Any) -> Attribute:
    s = str(tok)
    if tok.type == "FLOAT":
        return FloatAttr(float(s), f64)
    return IntegerAttr(int(s, 0), i64)


def _print_num(a: Attribute) -> str:
    if isinstance(a, FloatAttr):
        return a.print_untyped()
    assert isinstance(a, IntegerAttr)
    return str(a.value)


class _Builder:
    """Collects operands (with segment sizes), properties and types while a custom parser resolves a dsa op."""

    def __init__(self, cls: type[Op], st: Any, kw: Any, types: Sequence[Type]):
        self.cls, self.st, self.kw = cls, st, kw
        self.types = list(types)
        self.operands: list[Value] = []
        self.sizes: list[int] = []
        self.props: dict[str, Attribute] = {}

    def next_type(self) -> Type:
        if not self.types:
            raise self.st.error(f"custom op '{self.cls.OPERATION_NAME}' expects one type per tile operand after ':'",
                                self.kw)
        return self.types.pop(0)

    def tile(self, tile: tuple[Any, list[Any]] | None) -> None:
        """A ``%buf[%i, ...]`` operand: the buffer (typed by the next type of the list) then its indices."""
        if tile is None:
            self.sizes += [0, 0]
            return
        buf, idx = tile
        self.operands.append(self.st.use(buf, self.next_type()))
        self.operands += [self.st.use(t, index) for t in idx]
        self.sizes += [1, len(idx)]

    def values(self, toks: Sequence[Any] | None, t: Type) -> None:
        toks = toks or []
        self.operands += [self.st.use(tok, t) for tok in toks]
        self.sizes.append(len(toks))

    def post(self, relu: Any, clip: Any, scale: Any) -> None:
        if relu:
            self.props["relu"] = UnitAttr()
        if clip is not None:
            self.props["clip_min"], self.props["clip_max"] = _num_attr(clip[1]), _num_attr(clip[2])
        if scale is not None:
            self.props["scale"] = _num_attr(scale[1])
            if scale[2] is not None:
                self.props["shift"] = IntegerAttr(int(str(scale[2]), 0), i64)

    def finish(self, attrs: dict[str, Attribute] | None, results: Sequence[Type] = (TOKEN,)) -> Any:
        if self.types:
            raise self.st.error(f"custom op '{self.cls.OPERATION_NAME}' has {len(self.types)} more type(s) than tile "
                                "operands", self.kw)
        self.props["operandSegmentSizes"] = segments(*self.sizes)
        return self.cls.create(self.operands, list(results), self.props, check_attr_dict(self.cls, attrs, self.st,
                                                                                         self.kw),
                               location=self.st.loc(self.kw))


def _ptile(p: Any, buf: Value, idx: Sequence[Value]) -> str:
    return f"{p.value(buf)}[{', '.join(p.value(i) for i in idx)}]"


def _pints(values: Sequence[int]) -> str:
    return "[" + ", ".join(map(str, values)) + "]"


def _pafter(p: Any, deps: Sequence[Value]) -> str:
    return f" after({', '.join(p.value(d) for d in deps)})" if deps else ""


def _ptypes(p: Any, bufs: Sequence[Value | None]) -> str:
    return " : " + ", ".join(p.type(b.type) for b in bufs if b is not None)


def _ppost(op: Operation) -> str:
    s = " relu" if "relu" in op.properties else ""
    lo, hi = op.properties.get("clip_min"), op.properties.get("clip_max")
    if lo is not None and hi is not None:
        s += f" clip({_print_num(lo)}, {_print_num(hi)})"
    sc = op.properties.get("scale")
    if sc is not None:
        sh = op.properties.get("shift")
        s += f" scale({_print_num(sc)}" + (f", {sh.value})" if isinstance(sh, IntegerAttr) else ")")
    return s


# ---------------------------------------------------------------------------------------------------------------
# verification helpers
# ---------------------------------------------------------------------------------------------------------------


class DsaOp(Op):
    """Base of the dsa ops: tile and token checks against the module's :class:`TargetAttr`."""

    __slots__ = ()
    custom_rules: ClassVar[dict[str, Any]] = RULES

    @property
    def target(self) -> TargetAttr:
        return target_of(self)

    def asm_result_names(self) -> list[str]:
        return ["tok"] * len(self.results)

    def verify_(self) -> None:
        self.check()


    def check(self) -> None:
        """The op's own invariants (``verify_`` adds the token-use check)."""

    def tile_shape(self, role: str, buf: Value, idx: Sequence[Value], space: str = "sram") -> tuple[int, ...]:
        """The tile ``buf[idx...]`` names (the trailing dimensions left after indexing), checked: a memref of
        ``space`` with a supported element type; at most ``rank`` indices; indexed dimensions keep the tiles
        64-byte aligned (SRAM)."""
        t = buf.type
        if not isinstance(t, MemRefType) or space_of(t) != space:
            raise self.emit_error(f"expects '{role}' in #dsa.{space}, got '{t}'")
        if t.element_type not in ELEMENT_BYTES:
            raise self.emit_error(f"'{role}' has unsupported element type '{t.element_type}' (the DSA supports i8, "
                                  "i16, i32 and f32)")
        if len(idx) > t.rank:
            raise self.emit_error(f"'{role}' has {len(idx)} indices but its buffer has rank {t.rank}")
        if space == "sram":
            stride = ELEMENT_BYTES[t.element_type]
            for d in reversed(range(t.rank)):
                if d < len(idx) and t.shape[d] > 1 and stride % SRAM_ALIGN:
                    raise self.emit_error(f"'{role}' tiles are {stride} bytes apart along dimension {d}: SRAM "
                                          f"accesses must be {SRAM_ALIGN}-byte aligned")
                stride *= t.shape[d]
            self._check_static_alignment(role, buf, idx)
        return tuple(t.shape[len(idx):])

    def _check_static_alignment(self, role: str, buf: Value, idx: Sequence[Value]) -> None:
        """A constant index pointing at a misaligned or out-of-range tile is diagnosed here; dynamic ones by the
        simulator."""
        from mlir_py.rewrite import constant_value

        t = buf.type
        assert isinstance(t, MemRefType)
        for d, v in enumerate(idx):
            c = constant_value(v)
            if isinstance(c, IntegerAttr) and not 0 <= c.value < t.shape[d]:
                raise self.emit_error(f"'{role}' index {c.value} is out of range for dimension {d} of size "
                                      f"{t.shape[d]}")

    def element(self, buf: Value) -> Type:
        t = buf.type
        assert isinstance(t, MemRefType)
        return t.element_type

    def verify_post(self, out_type: Type, acc_type: Type) -> None:
        """relu / clip(lo, hi) / scale(m[, shift]) post-processing: integer operands for an integer ``acc_type``
        (``shift`` in [0, 62]); a float factor and float bounds for f32 (no shift); ``lo <= hi``."""
        props = self.properties
        lo, hi, sc, sh = (props.get(k) for k in ("clip_min", "clip_max", "scale", "shift"))
        is_int = isinstance(acc_type, IntegerType)
        if (lo is None) != (hi is None):
            raise self.emit_error("expects both 'clip_min' and 'clip_max' or neither")
        if lo is not None and hi is not None:
            if is_int and not (isinstance(lo, IntegerAttr) and isinstance(hi, IntegerAttr)):
                raise self.emit_error("expects integer clip bounds for integer data")
            if lo.value > hi.value:  # type: ignore[attr-defined]
                raise self.emit_error(f"clip bounds are empty: {_print_num(lo)} > {_print_num(hi)}")
        if sc is not None:
            if is_int and not isinstance(sc, IntegerAttr):
                raise self.emit_error("expects an integer scale multiplier for integer data")
            if is_int and isinstance(sc, IntegerAttr) and not -(2**31) <= sc.value < 2**31:
                raise self.emit_error(f"scale multiplier {sc.value} does not fit in 32 bits")
        if sh is not None:
            if not is_int:
                raise self.emit_error("a scale shift needs integer data")
            if sc is None:
                raise self.emit_error("a 'shift' needs a 'scale'")
            if not 0 <= sh.value <= 62:  # type: ignore[attr-defined]
                raise self.emit_error(f"scale shift {sh.value} is out of range [0, 62]")  # type: ignore[attr-defined]
        if is_int != isinstance(out_type, IntegerType):
            raise self.emit_error(f"cannot write '{acc_type}' results to a '{out_type}' tile")
        if is_int and isinstance(out_type, IntegerType) and isinstance(acc_type, IntegerType) and \
                out_type.width > acc_type.width:
            raise self.emit_error(f"output type '{out_type}' is wider than the result type '{acc_type}'")


# ---------------------------------------------------------------------------------------------------------------
# buffers
# ---------------------------------------------------------------------------------------------------------------


class BufferOp(DsaOp, name="dsa.buffer"):
    """A buffer at a fixed byte ``offset`` of SRAM (``#dsa.sram``) or of the DRAM scratch pool (``#dsa.dram``):
    what memory planning produces. Buffers may overlap; their contents are whatever was last written there.

    Syntax: ``%abuf = dsa.buffer at 4096 : memref<2x16x16xf32, #dsa.sram>``.
    Errors: a dynamic shape or non-identity layout; an unsupported element type; an offset that is negative or
    not 64-byte aligned; SRAM overflow (``offset + size > sram_kib·1024``) or DRAM overflow (``dram_mib``)."""

    offset = prop(IntLiteral())
    result = result_def(DsaMemRef)
    assembly_format = "`at` $offset attr-dict `:` type($result)"

    def asm_result_names(self) -> list[str]:
        return [space_of(self.result.type) or "buf"]

    def check(self) -> None:
        t = self.result.type
        assert isinstance(t, MemRefType)
        if not t.has_static_shape or t.layout is not None:
            raise self.emit_error(f"expects a static shape and identity layout, got '{t}'")
        if t.element_type not in ELEMENT_BYTES:
            raise self.emit_error(f"unsupported element type '{t.element_type}' (the DSA supports i8, i16, i32 and "
                                  "f32)")
        off = self.offset.value
        if off < 0 or off % SRAM_ALIGN:
            raise self.emit_error(f"offset {off} is not a non-negative multiple of {SRAM_ALIGN} bytes")
        tgt, size = self.target, nbytes(t)
        cap, what = (tgt.sram_bytes, f"SRAM ({tgt.sram_kib} KiB)") if space_of(t) == "sram" else \
            (tgt.dram_bytes, f"DRAM ({tgt.dram_mib} MiB)")
        if off + size > cap:
            raise self.emit_error(f"buffer [{off}, {off + size}) overflows the {what} of the target")


# ---------------------------------------------------------------------------------------------------------------
# DMA
# ---------------------------------------------------------------------------------------------------------------


class _DmaOp(DsaOp):
    """Common fields of ``dma_load``/``dma_store``: a box of the DRAM memref and a tile of an SRAM buffer."""

    __slots__ = ()
    dram = operand(DsaMemRef)
    dram_indices = var_operand(Index)
    sram = operand(DsaMemRef)
    sram_indices = var_operand(Index)
    deps = var_operand(Token)
    sizes = prop(I64Array)
    strides = prop(I64Array, optional=True)
    permutation = prop(I64Array, optional=True)
    masked = prop(UnitAttr, optional=True)
    token = result_def(Token)
    DIRECTION: ClassVar[str] = ""

    def box(self) -> tuple[list[int], list[int], list[int]]:
        """(sizes, strides, permutation) of the DRAM box, defaults filled in."""
        sizes = list(self.sizes.values)
        st = self.properties.get("strides")
        perm = self.properties.get("permutation")
        return (sizes, list(st.values) if isinstance(st, DenseArrayAttr) else [1] * len(sizes),
                list(perm.values) if isinstance(perm, DenseArrayAttr) else list(range(len(sizes))))

    def _print_box(self, p: Any) -> str:
        sizes, strides, perm = self.box()
        s = f"{_ptile(p, self.dram, self.dram_indices)} {_pints(sizes)}"
        if "strides" in self.properties:
            s += f" strides {_pints(strides)}"
        if "permutation" in self.properties:
            s += f" permutation {_pints(perm)}"
        return s + (" masked" if "masked" in self.properties else "")

    @staticmethod
    def _box_props(b: _Builder, sizes: list[int], strides: Any, perm: Any, masked: Any) -> None:
        b.props["sizes"] = DenseArrayAttr(i64, sizes)
        if strides is not None:
            b.props["strides"] = DenseArrayAttr(i64, strides)
        if perm is not None:
            b.props["permutation"] = DenseArrayAttr(i64, perm)
        if masked:
            b.props["masked"] = UnitAttr()

    def check(self) -> None:
        d = self.dram.type
        if not isinstance(d, MemRefType) or space_of(d) != "dram":
            raise self.emit_error(f"expects the DRAM operand in #dsa.dram, got '{d}'")
        if not d.has_static_shape or d.layout is not None:
            raise self.emit_error(f"expects a static, identity-layout DRAM memref, got '{d}'")
        if d.element_type not in ELEMENT_BYTES:
            raise self.emit_error(f"unsupported element type '{d.element_type}'")
        if len(self.dram_indices) != d.rank:
            raise self.emit_error(f"expects {d.rank} DRAM indices (one per dimension), got {len(self.dram_indices)}")
        sizes, strides, perm = self.box()
        if len(sizes) != d.rank or len(strides) != d.rank:
            raise self.emit_error(f"expects {d.rank} box sizes and strides (the DRAM rank), got {len(sizes)} and "
                                  f"{len(strides)}")
        if any(s <= 0 for s in sizes) or any(s <= 0 for s in strides):
            raise self.emit_error("expects positive box sizes and strides")
        if sorted(perm) != list(range(len(sizes))):
            raise self.emit_error(f"permutation {_pints(perm)} is not a permutation of {len(sizes)} dimensions")
        tile = self.tile_shape("sram", self.sram, self.sram_indices)
        if self.element(self.sram) != d.element_type:
            raise self.emit_error(f"element types differ: DRAM '{d.element_type}', SRAM '{self.element(self.sram)}'")
        n_box, n_tile = 1, 1
        for s in sizes:
            n_box *= s
        for s in tile:
            n_tile *= s
        if n_box != n_tile:
            raise self.emit_error(f"box {_pints(sizes)} has {n_box} elements but the SRAM tile "
                                  f"{_shape_str(tile)} has {n_tile}")
        if not self.masked:
            for i, (s, st, dim) in enumerate(zip(sizes, strides, d.shape)):
                if (s - 1) * st + 1 > dim:
                    raise self.emit_error(f"box dimension {i} spans {(s - 1) * st + 1} elements but the DRAM memref "
                                          f"has {dim} (use 'masked' to read zeros / skip writes outside it)")


_BOX = '["strides" dsa_ints] ["permutation" dsa_ints] [kw_masked]'


class DmaLoadOp(_DmaOp, name="dsa.dma_load"):
    """DMA gather DRAM→SRAM: the box of ``sizes`` at ``dram[indices]`` (element steps ``strides``, dimensions
    reordered by ``permutation``) is copied, in row-major order, into the SRAM tile ``sram[indices]``; the tile
    may have another shape with the same element count (an im2col row, a packed block). With ``masked``, box
    elements outside the DRAM memref read as zero (zero padding of partial tiles); without, they are an error.

    Syntax: ``%t = dsa.dma_load %A[%i, %k] [16, 16] permutation [1, 0] masked into %abuf[%s] after(%t0) :
    memref<512x512xf32, #dsa.dram>, memref<2x16x16xf32, #dsa.sram>``.
    Cost: ``max(⌈DRAM bytes / dram_bytes_per_cycle⌉, ⌈SRAM bytes / sram_bytes_per_cycle⌉)`` cycles on the DMA
    engine; DRAM bytes are the in-bounds elements read, SRAM bytes the whole tile written.
    Errors: operands in the wrong memory space; differing element types; box and tile element counts that
    differ; a box wider than the memref without ``masked``; misaligned tiles."""

    DIRECTION = "load"
    custom_grammar = f'dsa_tile dsa_ints {_BOX} "into" dsa_tile {TAIL_GRAMMAR}'

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> DmaLoadOp:
        dram, sizes, strides, perm, masked, sram, after, attrs, types = c
        b = _Builder(cls, st, kw, types)
        b.tile(dram)
        b.tile(sram)
        b.values(after, TOKEN)
        cls._box_props(b, sizes, strides, perm, masked)
        op: DmaLoadOp = b.finish(attrs)
        return op

    def print_custom(self, p: Any) -> str:
        return (f"{p.op_name(self)} {self._print_box(p)} into {_ptile(p, self.sram, self.sram_indices)}"
                f"{_pafter(p, self.deps)}{attr_dict_suffix(p, self)}{_ptypes(p, [self.dram, self.sram])}")


class DmaStoreOp(_DmaOp, name="dsa.dma_store"):
    """DMA scatter SRAM→DRAM: the SRAM tile ``sram[indices]`` is written, in row-major order, to the box of
    ``sizes`` at ``dram[indices]`` (``strides``, ``permutation`` as for ``dsa.dma_load``). With ``masked``, box
    elements outside the DRAM memref are not written (the partial tile at an edge).

    Syntax: ``%t = dsa.dma_store %cbuf[%ii, %jj] into %C[%i, %j] [16, 16] after(%tm) :
    memref<4x4x16x16xf32, #dsa.sram>, memref<512x512xf32, #dsa.dram>``.
    Cost and errors: as ``dsa.dma_load`` (DRAM bytes are the elements written); a token nobody uses (the
    kernel would not wait for the result to reach DRAM)."""

    DIRECTION = "store"
    custom_grammar = f'dsa_tile "into" dsa_tile dsa_ints {_BOX} {TAIL_GRAMMAR}'

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> DmaStoreOp:
        sram, dram, sizes, strides, perm, masked, after, attrs, types = c
        # operand order is the field order (dram first); the types are written in source, target order
        b = _Builder(cls, st, kw, list(types)[::-1] if len(types) == 2 else types)
        b.tile(dram)
        b.tile(sram)
        b.values(after, TOKEN)
        cls._box_props(b, sizes, strides, perm, masked)
        op: DmaStoreOp = b.finish(attrs)
        return op

    def check(self) -> None:
        super().check()
        if not self.token.has_uses():
            raise self.emit_error("token is never used: wait for it, depend on it (after(...)) or yield it, or the "
                                  "kernel may end before the data reaches DRAM")

    def print_custom(self, p: Any) -> str:
        return (f"{p.op_name(self)} {_ptile(p, self.sram, self.sram_indices)} into {self._print_box(p)}"
                f"{_pafter(p, self.deps)}{attr_dict_suffix(p, self)}{_ptypes(p, [self.sram, self.dram])}")


# ---------------------------------------------------------------------------------------------------------------
# matrix primitive
# ---------------------------------------------------------------------------------------------------------------

#: accumulator type of each input element type (int8×int8 → int32, as the lecture's fixed-point primitive)
ACC_TYPE: dict[Type, Type] = {i8: i32, i16: i32, i32: i32, f32: f32}


class MatmulOp(DsaOp, name="dsa.matmul"):
    """One N×N matrix-multiply primitive (Redfern, "Implementation": reads two N×N tiles in N cycles, computes
    N² MACs/cycle for N cycles, writes an N×N tile in N cycles):

        s   = (acc if accumulate else 0) + lhs' · rhs'        (i32 wrap-around for integers, f32 for f32)
        out = clip(scale(relu(s + bias)))                     if '-> out' is given, and acc = s
        acc = clip(scale(relu(s + bias)))                     otherwise

    Pre-processing: ``transpose_lhs`` / ``transpose_rhs`` read a tile transposed (lhs stored K×M, rhs N×K);
    ``pad`` allows tiles smaller than N×N, zero-padded to N×N (the primitive still takes N cycles).
    Post-processing: ``bias`` (a 1-D tile of n values of the accumulator type, added to every row), ``relu``,
    ``scale(m, shift)`` = round(x·m / 2^shift) half away from zero (integers; ``scale(f)`` multiplies f32),
    ``clip(lo, hi)``, then conversion to the ``out`` type, saturating. ``accumulate(%c)``: an ``i1`` chosen at
    run time (false on the first K tile); without it the primitive overwrites.

    Types: lhs and rhs i8×i8, i16×i16, i32×i32 → i32 accumulator; f32×f32 → f32. ``out`` may be a narrower
    integer (i8 for scale-round-clip requantization).
    Syntax: ``%t = dsa.matmul %abuf[%s, %ii], %bbuf[%s, %jj], %cbuf[%ii, %jj] accumulate(%notfirst)
    after(%ta, %tb) : memref<2x4x16x16xi8, #dsa.sram>, memref<2x4x16x16xi8, #dsa.sram>,
    memref<4x4x16x16xi32, #dsa.sram>`` (types in operand order: lhs, rhs, acc[, out][, bias]).
    Errors: tiles not N×N for the module's #dsa.target (or larger than N with ``pad``); inner dimensions that
    differ; unsupported or mismatched element types; a bias of another length or type; post-processing
    operands of the wrong kind."""

    lhs = operand(DsaMemRef)
    lhs_indices = var_operand(Index)
    rhs = operand(DsaMemRef)
    rhs_indices = var_operand(Index)
    acc = operand(DsaMemRef)
    acc_indices = var_operand(Index)
    out = opt_operand(DsaMemRef)
    out_indices = var_operand(Index)
    bias = opt_operand(DsaMemRef)
    bias_indices = var_operand(Index)
    accumulate = opt_operand(I1)
    deps = var_operand(Token)
    transpose_lhs = prop(UnitAttr, optional=True)
    transpose_rhs = prop(UnitAttr, optional=True)
    pad = prop(UnitAttr, optional=True)
    relu = prop(UnitAttr, optional=True)
    clip_min = prop(Number, optional=True)
    clip_max = prop(Number, optional=True)
    scale = prop(Number, optional=True)
    shift = prop(isa(IntegerAttr), optional=True)
    token = result_def(Token)
    custom_grammar = (f'dsa_tile "," dsa_tile "," dsa_tile [dsa_accumulate] [kw_transpose_lhs] [kw_transpose_rhs] '
                      f'[kw_pad] [dsa_out] [dsa_bias] {POST_GRAMMAR} {TAIL_GRAMMAR}')

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> MatmulOp:
        lhs, rhs, acc, accum, tl, tr, pad, out, bias, relu, clip, scale, after, attrs, types = c
        b = _Builder(cls, st, kw, types)
        b.tile(lhs)
        b.tile(rhs)
        b.tile(acc)
        b.tile(out)
        b.tile(bias)
        b.values([accum] if accum is not None else [], i1)
        b.values(after, TOKEN)
        for flag, name in ((tl, "transpose_lhs"), (tr, "transpose_rhs"), (pad, "pad")):
            if flag:
                b.props[name] = UnitAttr()
        b.post(relu, clip, scale)
        op: MatmulOp = b.finish(attrs)
        return op

    def print_custom(self, p: Any) -> str:
        s = (f"{p.op_name(self)} {_ptile(p, self.lhs, self.lhs_indices)}, {_ptile(p, self.rhs, self.rhs_indices)}, "
             f"{_ptile(p, self.acc, self.acc_indices)}")
        if self.accumulate is not None:
            s += f" accumulate({p.value(self.accumulate)})"
        for name in ("transpose_lhs", "transpose_rhs", "pad"):
            if name in self.properties:
                s += " " + name
        if self.out is not None:
            s += f" -> {_ptile(p, self.out, self.out_indices)}"
        if self.bias is not None:
            s += f" bias {_ptile(p, self.bias, self.bias_indices)}"
        s += _ppost(self) + _pafter(p, self.deps) + attr_dict_suffix(p, self)
        return s + _ptypes(p, [self.lhs, self.rhs, self.acc, self.out, self.bias])

    def dims(self) -> tuple[int, int, int]:
        """(m, n, k) of the product: lhs' is m×k, rhs' is k×n, the result m×n."""
        a = self.tile_shape("lhs", self.lhs, self.lhs_indices)
        b = self.tile_shape("rhs", self.rhs, self.rhs_indices)
        m, k = (a[1], a[0]) if self.transpose_lhs else (a[0], a[1])
        k2, n = (b[1], b[0]) if self.transpose_rhs else (b[0], b[1])
        return m, n, k if k == k2 else -1

    def check(self) -> None:
        n = self.target.n
        tiles = {"lhs": self.tile_shape("lhs", self.lhs, self.lhs_indices),
                 "rhs": self.tile_shape("rhs", self.rhs, self.rhs_indices),
                 "acc": self.tile_shape("acc", self.acc, self.acc_indices)}
        if self.out is not None:
            tiles["out"] = self.tile_shape("out", self.out, self.out_indices)
        for role, shape in tiles.items():
            if len(shape) != 2:
                raise self.emit_error(f"expects 2-D tiles, got '{role}' of shape {_shape_str(shape)}")
            bad = any(d > n for d in shape) if self.pad else shape != (n, n)
            if bad:
                raise self.emit_error(f"expects {n}x{n} tiles (n = {n} in #dsa.target), got '{role}' of shape "
                                      f"{_shape_str(shape)}" + ("" if self.pad else
                                                                 "; use 'pad' to zero-pad partial tiles"))
        et = self.element(self.lhs)
        if et != self.element(self.rhs):
            raise self.emit_error(f"expects lhs and rhs of one element type, got '{et}' and "
                                  f"'{self.element(self.rhs)}'")
        acc_t = ACC_TYPE[et]
        if self.element(self.acc) != acc_t:
            raise self.emit_error(f"expects an accumulator of type '{acc_t}' for '{et}' inputs, got "
                                  f"'{self.element(self.acc)}'")
        m, nn, k = self.dims()
        if k < 0:
            raise self.emit_error(f"inner dimensions differ: lhs {_shape_str(tiles['lhs'])}, rhs "
                                  f"{_shape_str(tiles['rhs'])}")
        for role in ("acc", "out"):
            if role in tiles and tiles[role] != (m, nn):
                raise self.emit_error(f"expects '{role}' of shape {m}x{nn}, got {_shape_str(tiles[role])}")
        if self.bias is not None:
            bshape = self.tile_shape("bias", self.bias, self.bias_indices)
            if bshape != (nn,) or self.element(self.bias) != acc_t:
                raise self.emit_error(f"expects a bias tile of {nn} x '{acc_t}', got {_shape_str(bshape)} x "
                                      f"'{self.element(self.bias)}'")
        out_t = self.element(self.out) if self.out is not None else acc_t
        self.verify_post(out_t, acc_t)


# ---------------------------------------------------------------------------------------------------------------
# vector unit
# ---------------------------------------------------------------------------------------------------------------

VectorKind = EnumSpec("dsa vector kind", ["add", "sub", "mul", "max", "min", "copy"])
BINARY_KINDS = ("add", "sub", "mul", "max", "min")


class VectorOp(DsaOp, name="dsa.vector"):
    """An elementwise operation of the vector unit on SRAM tiles of one shape: ``add``, ``sub``, ``mul``,
    ``max``, ``min`` (two inputs) or ``copy`` (one), then the post-processing of ``dsa.matmul`` (``relu``,
    ``scale``, ``clip``) and conversion to the output's element type (integers saturate; f32 → int rounds half
    to even; int → f32 rounds to nearest). Integer arithmetic is exact (64-bit) before that conversion.

    Syntax: ``%t = dsa.vector add %x[%i], %y[%i] into %z[%i] relu after(%t0) : memref<...>, memref<...>,
    memref<...>``.
    Cost: ``max(⌈elements / N⌉, ⌈SRAM bytes / sram_bytes_per_cycle⌉)`` cycles (N lanes).
    Errors: tiles of different shapes or input types; a missing or extra second input."""

    kind = prop(VectorKind)
    lhs = operand(DsaMemRef)
    lhs_indices = var_operand(Index)
    rhs = opt_operand(DsaMemRef)
    rhs_indices = var_operand(Index)
    out = operand(DsaMemRef)
    out_indices = var_operand(Index)
    deps = var_operand(Token)
    relu = prop(UnitAttr, optional=True)
    clip_min = prop(Number, optional=True)
    clip_max = prop(Number, optional=True)
    scale = prop(Number, optional=True)
    shift = prop(isa(IntegerAttr), optional=True)
    token = result_def(Token)
    custom_grammar = f'BARE_ID dsa_tile ["," dsa_tile] "into" dsa_tile {POST_GRAMMAR} {TAIL_GRAMMAR}'

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> VectorOp:
        kind, lhs, rhs, out, relu, clip, scale, after, attrs, types = c
        if str(kind) not in VectorKind.cases:
            raise st.error(f"expected one of [{', '.join(VectorKind.cases)}] for dsa.vector, got '{kind}'", kind)
        b = _Builder(cls, st, kw, types)
        b.props["kind"] = VectorKind.attr(str(kind))
        b.tile(lhs)
        b.tile(rhs)
        b.tile(out)
        b.values(after, TOKEN)
        b.post(relu, clip, scale)
        op: VectorOp = b.finish(attrs)
        return op

    def print_custom(self, p: Any) -> str:
        s = f"{p.op_name(self)} {self.kind_name} {_ptile(p, self.lhs, self.lhs_indices)}"
        if self.rhs is not None:
            s += f", {_ptile(p, self.rhs, self.rhs_indices)}"
        s += f" into {_ptile(p, self.out, self.out_indices)}{_ppost(self)}{_pafter(p, self.deps)}"
        return s + attr_dict_suffix(p, self) + _ptypes(p, [self.lhs, self.rhs, self.out])

    @property
    def kind_name(self) -> str:
        return VectorKind.case_of(self.kind)

    def check(self) -> None:
        a = self.tile_shape("lhs", self.lhs, self.lhs_indices)
        o = self.tile_shape("out", self.out, self.out_indices)
        binary = self.kind_name in BINARY_KINDS
        if binary != (self.rhs is not None):
            raise self.emit_error(f"'{self.kind_name}' takes {'two inputs' if binary else 'one input'}")
        if self.rhs is not None:
            b = self.tile_shape("rhs", self.rhs, self.rhs_indices)
            if b != a or self.element(self.rhs) != self.element(self.lhs):
                raise self.emit_error(f"expects inputs of one shape and type, got {_shape_str(a)} x "
                                      f"'{self.element(self.lhs)}' and {_shape_str(b)} x '{self.element(self.rhs)}'")
        if o != a:
            raise self.emit_error(f"expects the output shape {_shape_str(a)}, got {_shape_str(o)}")
        et, ot = self.element(self.lhs), self.element(self.out)
        if isinstance(et, IntegerType) == isinstance(ot, IntegerType):
            self.verify_post(ot, i32 if isinstance(et, IntegerType) else f32)
        elif self.kind_name != "copy" or any(k in self.properties for k in ("scale", "clip_min", "relu")):
            raise self.emit_error(f"converts '{et}' to '{ot}': only a plain 'copy' converts between integers and "
                                  "floats")


class FillOp(DsaOp, name="dsa.fill"):
    """Set every element of an SRAM tile to ``value`` on the vector unit (zeroing an accumulator, a padding
    border).

    Syntax: ``%t = dsa.fill %cbuf[%i, %j] with 0 after(%t0) : memref<4x4x16x16xi32, #dsa.sram>``.
    Cost: as ``dsa.vector copy``. Errors: a value of the wrong kind (float for an integer tile, out of range)."""

    out = operand(DsaMemRef)
    out_indices = var_operand(Index)
    deps = var_operand(Token)
    value = prop(Number)
    token = result_def(Token)
    custom_grammar = f'dsa_tile "with" dsa_num {TAIL_GRAMMAR}'

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> FillOp:
        out, num, after, attrs, types = c
        b = _Builder(cls, st, kw, types)
        b.tile(out)
        b.values(after, TOKEN)
        b.props["value"] = _num_attr(num)
        op: FillOp = b.finish(attrs)
        return op

    def print_custom(self, p: Any) -> str:
        return (f"{p.op_name(self)} {_ptile(p, self.out, self.out_indices)} with {_print_num(self.value)}"
                f"{_pafter(p, self.deps)}{attr_dict_suffix(p, self)}{_ptypes(p, [self.out])}")

    def check(self) -> None:
        self.tile_shape("out", self.out, self.out_indices)
        et, v = self.element(self.out), self.value
        if isinstance(et, IntegerType):
            lo, hi = -(1 << (et.width - 1)), (1 << (et.width - 1)) - 1
            if not isinstance(v, IntegerAttr) or not lo <= v.value <= hi:
                raise self.emit_error(f"expects an integer value in [{lo}, {hi}] for '{et}', got {_print_num(v)}")


# ---------------------------------------------------------------------------------------------------------------
# sort unit
# ---------------------------------------------------------------------------------------------------------------


class MaxPoolOp(DsaOp, name="dsa.maxpool"):
    """Max pooling on the sort unit: each output element is the maximum of a ``window`` (kh×kw) of the input
    tile, windows ``strides`` apart (no padding). Input tiles are H×W or H×W×C (channels last, pooled
    independently); the output is ((H−kh)/sh+1)×((W−kw)/sw+1)[×C].

    Syntax: ``%t = dsa.maxpool %x[%i] window [2, 2] strides [2, 2] into %y[%i] after(%t0) : memref<...>,
    memref<...>``.
    Cost: ``max(⌈comparisons / N⌉, ⌈SRAM bytes / sram_bytes_per_cycle⌉)`` cycles, comparisons =
    outputs·(kh·kw − 1) (an N-wide comparator array).
    Errors: ranks other than 2 or 3; a window larger than the input; an output of the wrong shape or type."""

    input = operand(DsaMemRef)
    input_indices = var_operand(Index)
    out = operand(DsaMemRef)
    out_indices = var_operand(Index)
    deps = var_operand(Token)
    window = prop(I64Array)
    strides = prop(I64Array)
    token = result_def(Token)
    custom_grammar = f'dsa_tile "window" dsa_ints "strides" dsa_ints "into" dsa_tile {TAIL_GRAMMAR}'

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> MaxPoolOp:
        x, window, strides, out, after, attrs, types = c
        b = _Builder(cls, st, kw, types)
        b.tile(x)
        b.tile(out)
        b.values(after, TOKEN)
        b.props["window"], b.props["strides"] = DenseArrayAttr(i64, window), DenseArrayAttr(i64, strides)
        op: MaxPoolOp = b.finish(attrs)
        return op

    def print_custom(self, p: Any) -> str:
        return (f"{p.op_name(self)} {_ptile(p, self.input, self.input_indices)} window {_pints(self.window.values)}"
                f" strides {_pints(self.strides.values)} into {_ptile(p, self.out, self.out_indices)}"
                f"{_pafter(p, self.deps)}{attr_dict_suffix(p, self)}{_ptypes(p, [self.input, self.out])}")

    def out_shape(self) -> tuple[int, ...]:
        x = self.tile_shape("input", self.input, self.input_indices)
        (kh, kw), (sh, sw) = self.window.values, self.strides.values
        return ((x[0] - kh) // sh + 1, (x[1] - kw) // sw + 1, *x[2:])

    def check(self) -> None:
        x = self.tile_shape("input", self.input, self.input_indices)
        y = self.tile_shape("out", self.out, self.out_indices)
        if len(x) not in (2, 3):
            raise self.emit_error(f"expects an H×W or H×W×C input tile, got {_shape_str(x)}")
        if len(self.window.values) != 2 or len(self.strides.values) != 2:
            raise self.emit_error("expects a 2-D window and 2 strides")
        if any(v <= 0 for v in (*self.window.values, *self.strides.values)):
            raise self.emit_error("expects a positive window and strides")
        if any(k > d for k, d in zip(self.window.values, x)):
            raise self.emit_error(f"window {_pints(self.window.values)} is larger than the input {_shape_str(x)}")
        if y != self.out_shape() or self.element(self.out) != self.element(self.input):
            raise self.emit_error(f"expects an output of {_shape_str(self.out_shape())} x "
                                  f"'{self.element(self.input)}', got {_shape_str(y)} x '{self.element(self.out)}'")


class TopKOp(DsaOp, name="dsa.topk"):
    """Top-k on the sort unit: for each row of an R×L input tile, the ``k`` largest values in descending order
    and their column indices (i32; ties keep the lower index first).

    Syntax: ``%t = dsa.topk %x[] k 4 into %vals[], %idx[] : memref<8x64xf32, #dsa.sram>,
    memref<8x4xf32, #dsa.sram>, memref<8x4xi32, #dsa.sram>``.
    Cost: ``max(⌈R·L·⌈log2(k+1)⌉ / N⌉, ⌈SRAM bytes / sram_bytes_per_cycle⌉)`` cycles (binary insertion into a
    k-entry sorted list, N comparisons per cycle).
    Errors: a non-2-D input; k outside [1, L]; outputs of the wrong shape or type."""

    input = operand(DsaMemRef)
    input_indices = var_operand(Index)
    values = operand(DsaMemRef)
    values_indices = var_operand(Index)
    indices = operand(DsaMemRef)
    indices_indices = var_operand(Index)
    deps = var_operand(Token)
    k = prop(IntLiteral())
    token = result_def(Token)
    custom_grammar = f'dsa_tile "k" INT "into" dsa_tile "," dsa_tile {TAIL_GRAMMAR}'

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> TopKOp:
        x, k, vals, idx, after, attrs, types = c
        b = _Builder(cls, st, kw, types)
        b.tile(x)
        b.tile(vals)
        b.tile(idx)
        b.values(after, TOKEN)
        b.props["k"] = IntegerAttr(int(str(k), 0), i64)
        op: TopKOp = b.finish(attrs)
        return op

    def print_custom(self, p: Any) -> str:
        return (f"{p.op_name(self)} {_ptile(p, self.input, self.input_indices)} k {self.k.value} into "
                f"{_ptile(p, self.values, self.values_indices)}, {_ptile(p, self.indices, self.indices_indices)}"
                f"{_pafter(p, self.deps)}{attr_dict_suffix(p, self)}"
                f"{_ptypes(p, [self.input, self.values, self.indices])}")

    def check(self) -> None:
        x = self.tile_shape("input", self.input, self.input_indices)
        v = self.tile_shape("values", self.values, self.values_indices)
        ix = self.tile_shape("indices", self.indices, self.indices_indices)
        if len(x) != 2:
            raise self.emit_error(f"expects an R×L input tile, got {_shape_str(x)}")
        k = self.k.value
        if not 1 <= k <= x[1]:
            raise self.emit_error(f"k = {k} is outside [1, {x[1]}]")
        if v != (x[0], k) or self.element(self.values) != self.element(self.input):
            raise self.emit_error(f"expects values of {x[0]}x{k} x '{self.element(self.input)}', got {_shape_str(v)} "
                                  f"x '{self.element(self.values)}'")
        if ix != (x[0], k) or self.element(self.indices) != i32:
            raise self.emit_error(f"expects indices of {x[0]}x{k} x 'i32', got {_shape_str(ix)} x "
                                  f"'{self.element(self.indices)}'")


# ---------------------------------------------------------------------------------------------------------------
# control
# ---------------------------------------------------------------------------------------------------------------


class WaitOp(DsaOp, name="dsa.wait"):
    """The control processor waits until every operation whose token is listed has completed; operations issued
    afterwards start no earlier.

    Syntax: ``dsa.wait %t0, %t1``. Errors: no tokens."""

    tokens = var_operand(Token)
    assembly_format = "$tokens attr-dict"

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        types["tokens"] = [TOKEN] * len(names.get("tokens", ()))

    def check(self) -> None:
        if not self.tokens:
            raise self.emit_error("expects at least one token")


class JoinOp(DsaOp, name="dsa.join"):
    """A token that completes when all of ``tokens`` have (no engine, no cost); with no operands, a token that
    is already complete (the initial value of a loop-carried token).

    Syntax: ``%t = dsa.join(%t0, %t1)`` or ``%ready = dsa.join()``."""

    tokens = var_operand(Token)
    token = result_def(Token)
    assembly_format = "`(` $tokens `)` attr-dict"

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
        types["tokens"] = [TOKEN] * len(names.get("tokens", ()))
        types["token"] = [TOKEN]


def operand_fields(op: Operation) -> dict[str, list[int]]:
    """Operand positions of every operand field of a dsa op, by field name (``operandSegmentSizes`` resolved)."""
    out: dict[str, list[int]] = {}
    pos = 0
    defs = op.operand_defs  # type: ignore[attr-defined]
    for d, n in zip(defs, op.segment_sizes("operand", defs, op.num_operands)):  # type: ignore[attr-defined]
        out[d.name] = list(range(pos, pos + n))
        pos += n
    return out


#: the ops of the dialect, by engine (the simulator's and the docs' grouping)
ENGINE_OF: dict[str, str] = {"dsa.dma_load": "dma", "dsa.dma_store": "dma", "dsa.matmul": "matrix",
                             "dsa.vector": "vector", "dsa.fill": "vector", "dsa.maxpool": "sort", "dsa.topk": "sort"}

_OPS: list[type[Op]] = [BufferOp, DmaLoadOp, DmaStoreOp, MatmulOp, VectorOp, FillOp, MaxPoolOp, TopKOp, WaitOp, JoinOp]

DIALECT = Dialect("dsa", _OPS, description=__doc__ or "",
                  attribute_parsers={"target": TargetAttr.parse, "dram": MemorySpaceAttr.parser("dram"),
                                     "sram": MemorySpaceAttr.parser("sram")},
                  type_parsers={"token": TokenType.parse})

__all__ = [c.__name__ for c in _OPS] + [
    "ACC_TYPE", "DEFAULT_TARGET", "DIALECT", "DRAM", "ELEMENT_BYTES", "ENGINE_OF", "MemorySpaceAttr", "SRAM",
    "operand_fields",
    "SRAM_ALIGN", "TOKEN", "TargetAttr", "TokenType", "VectorKind", "nbytes", "space_of", "target_of"]
