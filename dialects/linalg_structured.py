"""The structured-op machinery of the linalg dialect: the attributes, the uniform structured-op API, its verifier,
the shared ``ins(...) outs(...)`` syntax and the payload builders of the named ops.

Every linalg op that computes (``linalg.generic``, the named ops, ``map``, ``reduce``, ``transpose``,
``broadcast``) derives from :class:`LinalgOp` and is read the same way by passes, the interpreter and the
verifier (mlir/docs/Dialects/Linalg/_index.md, "Structured ops"):

* operands are destination-passing (``DestinationStyleOpInterface``): ``inputs`` then ``outputs`` (the inits);
  on tensors each output has a tied result of the same type, on memrefs there are no results;
* ``indexing_maps()`` gives one :class:`~mlir_py.affine.AffineMap` per operand, from the loop indices
  ``(d0, ..., dn-1)`` to the operand's indices; ``iterator_types()`` one ``"parallel"``/``"reduction"`` per loop;
* the payload region has one block whose arguments are the operands' element types (a scalar operand's own
  type) and ends with ``linalg.yield`` of one value per output.

The loop bounds follow from the operand shapes through the inverse of the concatenated maps
(:meth:`LinalgOp.shapes_to_loops_map`, MLIR's ``getShapesToLoopsMap``); :meth:`LinalgOp.static_loop_ranges`
evaluates them. :func:`verify_structured` is MLIR's ``verifyStructuredOpInterface`` together with
``IndexingMapOpInterface::verifyImpl`` (same checks, same order, same messages); it runs after the nested ops
(``verify_regions_``), as MLIR verifies the interface "with regions".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from mlir_py.affine import AffineDimExpr, AffineMap
from mlir_py.attributes import (
    DYNAMIC,
    AffineMapAttr,
    ArrayAttr,
    Attribute,
    DenseElementsAttr,
    FloatType,
    IndexType,
    IntegerType,
    LocationAttr,
    MemRefType,
    RankedTensorType,
    ShapedType,
    Type,
    UnknownLoc,
    i64,
)
from mlir_py.interfaces import READ, WRITE, EffectInstance
from mlir_py.ir import Block, Operation, Region, Value
from mlir_py.opdef import Constraint, Op, isa

from . import arith
from ._mixed import segments
from .scf import check_terminator

# ---------------------------------------------------------------------------------------------------------------
# attributes
# ---------------------------------------------------------------------------------------------------------------

PARALLEL, REDUCTION = "parallel", "reduction"


class _EnumAttr(Attribute):
    """A dialect enum attribute printed ``#linalg.<mnemonic><case>``."""

    __slots__ = ("value",)
    mnemonic: ClassVar[str] = ""
    CASES: ClassVar[tuple[str, ...]] = ()

    def __init__(self, value: str):
        if value not in self.CASES:
            raise ValueError(f"expected one of [{', '.join(self.CASES)}] for {self.mnemonic}, got '{value}'")
        self.value = value

    def _key(self) -> tuple[Any, ...]:
        return (self.value,)

    def print(self, p: Any) -> str:
        return f"#linalg.{self.mnemonic}<{self.value}>"

    @classmethod
    def parse_body(cls, body: str | None, parser: Any) -> Attribute:
        if body is None:
            raise parser.error(f"expected '<' after '#linalg.{cls.mnemonic}'")
        if body.strip() not in cls.CASES:
            raise parser.error(f"expected {cls.mnemonic} to be one of: {', '.join(cls.CASES)}")
        return cls(body.strip())


class IteratorTypeAttr(_EnumAttr):
    """``#linalg.iterator_type<parallel>``: how a loop of a structured op iterates (MLIR's ``utils::IteratorType``).

    ``parallel`` loops are independent; ``reduction`` loops accumulate into the outputs, in any order."""

    __slots__ = ()
    mnemonic = "iterator_type"
    CASES = (PARALLEL, REDUCTION)


class TypeFnAttr(_EnumAttr):
    """``#linalg.type_fn<cast_signed>``: the cast a named op applies to its operands before computing
    (``cast_signed``: ``extsi``/``sitofp``/``fptosi``; ``cast_unsigned``: ``extui``/``uitofp``/``fptoui``)."""

    __slots__ = ()
    mnemonic = "type_fn"
    CASES = ("cast_signed", "cast_unsigned")


ATTRIBUTE_PARSERS: dict[str, Callable[..., Attribute]] = {
    "iterator_type": IteratorTypeAttr.parse_body,
    "type_fn": TypeFnAttr.parse_body,
}

# MLIR's ODS constraints, with their descriptions
AffineMapArray = Constraint(lambda a: isinstance(a, ArrayAttr) and all(isinstance(x, AffineMapAttr) for x in a),
                            "AffineMap array attribute")
IteratorTypeArray = Constraint(lambda a: isinstance(a, ArrayAttr) and all(isinstance(x, IteratorTypeAttr) for x in a),
                               "Iterator type should be an enum.")
TypeFn = isa(TypeFnAttr, description="type conversion function attribute (#linalg.type_fn)")
AnyShapedOperand = isa(ShapedType, description="variadic of shaped of any non-token type values")
AnyOperand = Constraint(lambda t: isinstance(t, Type), "variadic of any type")
RankedTensorResult = isa(RankedTensorType, description="variadic of ranked tensor of any non-token type values")
TensorOrMemref = isa(MemRefType, RankedTensorType,
                     description="memref of any non-token type values or ranked tensor of any non-token type values")
VarTensorOrMemref = isa(MemRefType, RankedTensorType, description="variadic of memref of any non-token type values "
                        "or ranked tensor of any non-token type values")
I64Elements2 = Constraint(lambda a: isinstance(a, DenseElementsAttr) and isinstance(a.type, RankedTensorType)
                          and a.type.shape == (2,) and a.type.element_type == i64,
                          "64-bit signless int elements attribute of shape [2]")


def affine_maps_attr(maps: Sequence[AffineMap]) -> ArrayAttr:
    return ArrayAttr(AffineMapAttr(m) for m in maps)


def iterator_types_attr(kinds: Sequence[str]) -> ArrayAttr:
    return ArrayAttr(IteratorTypeAttr(k) for k in kinds)


def i64_list(a: Attribute | None, default: Sequence[int] = ()) -> list[int]:
    """The integers of a dense array or dense elements attribute (``default`` when absent)."""
    if a is None:
        return list(default)
    if isinstance(a, DenseElementsAttr):
        return [int(x) for x in a.values().reshape(-1)]
    return [int(x) for x in a.values]  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------------------------------------------
# affine-map helpers (MLIR's concatAffineMaps, inversePermutation)
# ---------------------------------------------------------------------------------------------------------------


def concat_maps(maps: Sequence[AffineMap]) -> AffineMap:
    """All results of ``maps`` in one map over the largest dimension count (``concatAffineMaps``)."""
    nd = max((m.num_dims for m in maps), default=0)
    ns = max((m.num_symbols for m in maps), default=0)
    return AffineMap(nd, ns, [r for m in maps for r in m.results])


def inverse_permutation(m: AffineMap) -> AffineMap | None:
    """MLIR's ``inversePermutation``: for each dimension, the first result that is exactly that dimension; None
    when some dimension is never a result on its own (the map is not invertible)."""
    if m.num_dims == 0 and m.num_symbols == 0 and not m.results:
        return m
    found: list[int | None] = [None] * m.num_dims
    for i, r in enumerate(m.results):
        if isinstance(r, AffineDimExpr) and found[r.position] is None:
            found[r.position] = i
    if any(f is None for f in found):
        return None
    return AffineMap(len(m.results), 0, [AffineDimExpr(f) for f in found])  # type: ignore[arg-type]


def static_shape(t: Type) -> tuple[int, ...]:
    """The shape of a shaped operand; ``()`` for a scalar operand (``getStaticOperandShape``)."""
    return tuple(t.shape) if isinstance(t, ShapedType) else ()


def payload_type(t: Type) -> Type:
    """The payload block argument type of an operand: its element type, or the scalar type itself."""
    return t.element_type if isinstance(t, (MemRefType, RankedTensorType)) else t


def _q(t: Any) -> str:
    return f"'{t}'"


# ---------------------------------------------------------------------------------------------------------------
# the structured op base
# ---------------------------------------------------------------------------------------------------------------


class LinalgOp(Op):
    """Common base of linalg's structured ops (MLIR's ``LinalgStructuredInterface`` +
    ``DestinationStyleOpInterface``). The API later passes use:

    ``inputs`` / ``outputs`` (values), ``indexing_maps()`` (one affine map per operand), ``iterator_types()``
    (``"parallel"``/``"reduction"`` per loop), ``num_loops``, ``payload_region`` and ``body`` (its block),
    ``region_input_args`` / ``region_output_args`` (the block's arguments), ``yield_values``,
    ``loops_to_shapes_map()``, ``shapes_to_loops_map()``, ``static_loop_ranges()`` (loop trip counts, ``DYNAMIC``
    when unknown), ``reduction_dims()``, ``has_tensor_semantics()`` / ``has_buffer_semantics()``,
    ``tied_result(i)``, ``get_effects()``.
    Subclasses give ``num_inits()`` (default: the ``operandSegmentSizes`` split) and the maps and iterators."""

    __slots__ = ()

    # --- operands ------------------------------------------------------------------------------------------------
    def num_inits(self) -> int:
        seg = self.properties.get("operandSegmentSizes")
        return int(seg.values[-1]) if seg is not None else 1  # type: ignore[attr-defined]

    @property
    def inputs(self) -> list[Value]:  # type: ignore[override]
        return self.operands[: self.num_operands - self.num_inits()]

    @property
    def outputs(self) -> list[Value]:
        return self.operands[self.num_operands - self.num_inits():]

    def tied_result(self, i: int) -> Value | None:
        """The result tied to output ``i`` (tensor outputs only, counted among tensor outputs)."""
        k = sum(1 for v in self.outputs[:i] if isinstance(v.type, RankedTensorType))
        return self.results[k] if isinstance(self.outputs[i].type, RankedTensorType) else None

    def has_tensor_semantics(self) -> bool:
        return not any(isinstance(t, MemRefType) for t in self.operand_types)

    def has_buffer_semantics(self) -> bool:
        return not any(isinstance(t, RankedTensorType) for t in self.operand_types)

    # --- iteration space -------------------------------------------------------------------------------------------
    def indexing_maps(self) -> list[AffineMap]:
        raise NotImplementedError

    def iterator_types(self) -> list[str]:
        raise NotImplementedError

    @property
    def num_loops(self) -> int:
        return len(self.iterator_types())

    def reduction_dims(self) -> list[int]:
        return [i for i, k in enumerate(self.iterator_types()) if k == REDUCTION]

    def loops_to_shapes_map(self) -> AffineMap:
        """The concatenated indexing maps: loop indices -> every operand index, operand after operand."""
        return concat_maps(self.indexing_maps())

    def shapes_to_loops_map(self) -> AffineMap | None:
        """The operand-dimension -> loop map (None when the maps are not invertible)."""
        return inverse_permutation(self.loops_to_shapes_map())

    def static_loop_ranges(self) -> list[int]:
        """The trip count of each loop from the static operand shapes (``DYNAMIC`` where a shape is dynamic)."""
        inv = self.shapes_to_loops_map()
        if inv is None:
            raise ValueError(f"'{self.name}': indexing maps are not invertible")
        sizes = [d for v in self.operands for d in static_shape(v.type)]
        return [sizes[r.position] for r in inv.results]  # type: ignore[attr-defined]

    # --- payload ---------------------------------------------------------------------------------------------------
    @property
    def payload_region(self) -> Region:
        return self.regions[0]

    @property
    def body(self) -> Block:
        return self.regions[0].blocks[0]

    @property
    def region_input_args(self) -> list[Value]:
        return list(self.body.args[: len(self.inputs)])

    @property
    def region_output_args(self) -> list[Value]:
        return list(self.body.args[len(self.inputs):])

    @property
    def yield_values(self) -> list[Value]:
        t = self.body.last_op
        return t.operands if t is not None else []

    def get_effects(self) -> list[EffectInstance]:
        """MLIR's ``getGenericEffectsImpl``: memref inputs are read, memref outputs read and written; ops on tensors
        have no effects."""
        effects = [EffectInstance(READ, value=v) for v in self.inputs if isinstance(v.type, MemRefType)]
        for v in self.outputs:
            if isinstance(v.type, MemRefType):
                effects += [EffectInstance(READ, value=v), EffectInstance(WRITE, value=v)]
        return effects

    # --- verification ----------------------------------------------------------------------------------------------
    def verify_(self) -> None:
        verify_destination_style(self)

    def verify_regions_(self) -> None:
        """After the nested ops (as MLIR): the ``SingleBlockImplicitTerminator<linalg.yield>`` region check, then
        the structured-op interface."""
        check_terminator(self)
        verify_structured(self)


def verify_destination_style(op: LinalgOp) -> None:
    """MLIR's ``verifyDestinationStyleOpInterface``: one tensor result per tensor output, of the same type."""
    base = op.num_operands - op.num_inits()
    tensors = []
    for i, v in enumerate(op.outputs):
        if isinstance(v.type, RankedTensorType):
            tensors.append(base + i)
        elif not isinstance(v.type, MemRefType):
            raise op.emit_error(f"expected that operand #{base + i} is a ranked tensor or a ranked memref")
    if len(op.results) != len(tensors):
        raise op.emit_error(f"expected the number of tensor results ({len(op.results)}) to be equal to the number "
                            f"of output tensors ({len(tensors)})")
    for r, i in zip(op.results, tensors):
        t = op.operand(i).type
        if r.type != t:
            raise op.emit_error(f"expected type of operand #{i} ({_q(t)}) to match type of corresponding result "
                                f"({_q(r.type)})")


def verify_structured(op: LinalgOp) -> None:
    """MLIR's ``verifyStructuredOpInterface`` (with ``IndexingMapOpInterface::verifyImpl``): semantics not mixed,
    one map per operand without symbols and with the operand's rank, invertible maps whose inferred loop ranges
    fit the static shapes, map dims = loop count, one block whose arguments have the operands' element types."""
    types = op.operand_types
    if any(isinstance(t, MemRefType) for t in types) and any(isinstance(t, RankedTensorType) for t in types):
        raise op.emit_error("expected to have pure tensor or buffer semantics")
    maps = op.indexing_maps()
    if len(maps) != len(types):
        raise op.emit_error(f"expected the number of indexing_map ({len(maps)}) to be equal to the number of "
                            f"input/output operands ({len(types)})")
    shapes = [static_shape(t) for t in types]
    for i, (m, shape) in enumerate(zip(maps, shapes)):
        if m.num_symbols:
            raise op.emit_error(f"unexpected symbols in indexing_map #{i}")
        if len(m.results) != len(shape):
            raise op.emit_error(f"expected operand #{i} rank ({len(shape)}) to match the result rank of indexing_map "
                                f"({len(m.results)})")
    l2s = concat_maps(maps)
    inv = inverse_permutation(l2s)
    if inv is None:
        raise op.emit_error(f"invalid indexing maps are non-invertible: ({l2s})")
    flat = [d for s in shapes for d in s]
    ends = [flat[r.position] for r in inv.results]  # type: ignore[attr-defined]
    if DYNAMIC not in ends:
        ends = [e - 1 for e in ends]
        starts = [0] * len(ends)
        for i, (m, shape) in enumerate(zip(maps, shapes)):
            for d, (expr, size) in enumerate(zip(m.results, shape)):
                if size == DYNAMIC or size == 0:
                    continue
                lo, hi = expr.evaluate(starts), expr.evaluate(ends)
                if min(lo, hi) < 0:
                    raise op.emit_error(f"unexpected result less than 0 at expression #{d} in {m}")
                inferred = max(lo, hi) + 1
                if isinstance(expr, AffineDimExpr):
                    if inferred != size:
                        raise op.emit_error(f"inferred input/output operand #{i} has shape's dimension #{d} to be "
                                            f"{inferred}, but found {size}")
                elif inferred > size:
                    raise op.emit_error(f"inferred input/output operand #{i} has shape's dimension #{d} to be greater "
                                        f"than or equal to {inferred}, but found {size}")
    n = op.num_loops
    for i, m in enumerate(maps):
        if m.num_dims != n:
            raise op.emit_error(f"expected indexing_map #{i} to have {n} dim(s) to match the number of loops")
    if len(op.regions) != 1 or len(op.regions[0].blocks) != 1:
        raise op.emit_error("expects to have 1 region with 1 block")
    args = op.regions[0].blocks[0].args
    if len(args) != len(types):
        raise op.emit_error("expected as many non-induction variable region arguments as the number of input/output "
                            "operands")
    for i, (t, a) in enumerate(zip(types, args)):
        et = payload_type(t)
        if a.type != et:
            raise op.emit_error(f"expected type of bb argument #{i} ({_q(a.type)}) to match element or self type of "
                                f"the corresponding operand ({_q(et)})")


def enclosing_linalg_op(op: Operation) -> LinalgOp | None:
    p = op.parent_op
    return p if isinstance(p, LinalgOp) else None


# ---------------------------------------------------------------------------------------------------------------
# syntax shared by the structured ops
# ---------------------------------------------------------------------------------------------------------------


def _operand_group(c: list[Any], st: Any) -> tuple[list[Any], list[Type]]:
    return list(c[0] or []), list(c[1] or [])


#: helper grammar rules (``custom_rules``): ``ins(%a, %b : t, t)``, ``outs(%c : t)``, ``[1, 0]``, the tail of a
#: named op (``<props>? {attrs}? ins(...)? outs(...)? (-> types)?``), the ``{ payload.op {attrs} }`` short form and
#: the ``(%a: t, ...)`` entry arguments of map/reduce long forms
STRUCTURED_RULES: dict[str, tuple[str, Callable[[list[Any], Any], Any]]] = {
    "linalg_ins": ('"ins" "(" value_list ":" type_list ")"', _operand_group),
    "linalg_outs": ('"outs" "(" value_list ":" type_list ")"', _operand_group),
    "linalg_i64_list": ('"[" [INT ("," INT)*] "]"', lambda c, st: [int(str(t), 0) if str(t).lstrip("-").startswith(
        "0x") else int(str(t)) for t in c if t is not None]),
    "linalg_named_tail": ('[prop_angle] [attr_dict] [linalg_ins] [linalg_outs] ["->" fn_results]', lambda c, st: c),
}

PAYLOAD_RULES: dict[str, tuple[str, Callable[[list[Any], Any], Any]]] = {
    "linalg_payload": ('"{" BARE_ID [attr_dict] "}"', lambda c, st: (c[0], c[1] or {})),
    "linalg_region_args": ('"(" [block_arg ("," block_arg)*] ")"', lambda c, st: _declare_args(c, st)),
    "linalg_long_body": ("linalg_region_args region", lambda c, st: c),
}


def _declare_args(c: list[Any], st: Any) -> list[Any]:
    args = [a for a in c if a is not None]
    st.pending_entry_args = [(str(tok), t, loc if loc is not None else st.loc(tok)) for tok, t, loc in args] or None
    return args


def lookahead_loc(st: Any, fallback: Any) -> Any:
    """Where MLIR's ``parser.getCurrentLocation()`` points once an op is parsed: the next token, i.e. the LALR
    parser's lookahead while the op's rule is reduced (found in lark's ``feed_token`` frame)."""
    import sys

    f: Any = sys._getframe(1)
    while f is not None:
        if f.f_code.co_name == "feed_token":
            tok = f.f_locals.get("token")
            if getattr(tok, "line", None) is not None and getattr(tok, "type", "$END") != "$END":
                return st.loc(tok)
            break
        f = f.f_back
    return fallback


def resolve_io(st: Any, ins: Any, outs: Any, kw: Any) -> tuple[list[Value], list[Value]]:
    """Resolve ``ins``/``outs`` (token and type lists from :data:`STRUCTURED_RULES`) to values."""
    groups = []
    for g in (ins, outs):
        toks, types = g if g is not None else ([], [])
        if len(toks) != len(types):
            raise st.error(f"{len(toks)} operands present, but expected {len(types)}", kw)
        groups.append([st.use(t, ty) for t, ty in zip(toks, types)])
    return groups[0], groups[1]


def split_attrs(cls: type[Op], props: dict[str, Attribute] | None, attrs: dict[str, Attribute] | None, st: Any,
                kw: Any) -> tuple[dict[str, Attribute], dict[str, Attribute]]:
    """(properties, discardable attributes) of a custom-syntax op: ``<{...}>`` entries and the inherent attributes
    of the attr-dict become properties (checked against the op's constraints, as MLIR's ``verifyInherentAttrs``
    does while parsing), the rest stays discardable."""
    out_props = dict(props or {})
    rest: dict[str, Attribute] = {}
    names = cls.property_names()
    for k, v in (attrs or {}).items():
        (out_props if k in names else rest)[k] = v
    for d in cls.prop_defs:
        a = out_props.get(d.attr_name or d.name)
        if a is not None and not d.constraint(a):
            raise st.error(f"custom op '{cls.OPERATION_NAME}' '{cls.OPERATION_NAME}' op attribute '{d.attr_name}' "
                           f"failed to satisfy constraint: {d.constraint.description}", kw)
    return out_props, rest


def print_io(p: Any, inputs: Sequence[Value], outputs: Sequence[Value]) -> str:
    """MLIR's ``printCommonStructuredOpParts``: `` ins(%a, %b : t, t) outs(%c : t)``, each part only when
    non-empty."""
    s = ""
    if inputs:
        s += f" ins({', '.join(p.value(v) for v in inputs)} : {', '.join(p.type(v.type) for v in inputs)})"
    if outputs:
        s += f" outs({', '.join(p.value(v) for v in outputs)} : {', '.join(p.type(v.type) for v in outputs)})"
    return s


def print_arrow_types(p: Any, types: Sequence[Type]) -> str:
    """MLIR's ``printOptionalArrowTypeList``: `` -> t`` or `` -> (t1, t2)`` or nothing."""
    if not types:
        return ""
    if len(types) == 1:
        return " -> " + p.type(types[0])
    return " -> (" + ", ".join(p.type(t) for t in types) + ")"


def print_attrs(p: Any, op: Operation, elided: Sequence[str] = ()) -> str:
    """MLIR's ``printOptionalAttrDict(op->getAttrs(), elided)``: properties and discardable attributes in one
    sorted dictionary, with a leading space; nothing when empty."""
    d = {k: v for k, v in op.properties.items() if k not in elided}
    d.update((k, v) for k, v in op.attributes.items() if k not in elided)
    return " " + p.attr_dict(d) if d else ""


def print_region_args(p: Any, block: Block) -> str:
    """``(%a: t, %b: t)`` as MLIR's ``printRegionArgument`` (with ``loc(...)`` under ``--mlir-print-debuginfo``)."""
    parts = []
    for a in block.args:
        s = f"{p.value(a)}: {p.type(a.type)}"
        if p.debuginfo:
            s += " " + p.arg_location(a.location)
        parts.append(s)
    return "(" + ", ".join(parts) + ")"


def print_long_region(p: Any, region: Region) -> str:
    """The long form of map/reduce: a new line, one indent deeper, ``(%args) { ... }``."""
    from mlir_py.printer import INDENT

    depth = p._depth + 1
    b = region.blocks[0]
    s = "\n" + INDENT * depth + print_region_args(p, b) + " " + p.region(region, depth, False, True)
    p._depth = depth - 1
    return s


def create_payload_op(st: Any, name_tok: Any, attrs: dict[str, Attribute], operands: Sequence[Value],
                      result_type: Type, loc: LocationAttr) -> Operation:
    """The payload op of a map/reduce short form (``{ arith.addf {attrs} }``), built by name as MLIR's
    ``OpBuilder::create(OperationName, ...)``: inherent attributes become properties, defaults are filled."""
    name = str(name_tok)
    cls = st.ctx.ops.get(name)
    if cls is None:
        if not st.ctx.allow_unregistered_dialects:
            raise st.error(f"unregistered operation '{name}' used as the payload of a short-form linalg op", name_tok)
        return Operation(list(operands), [result_type], {}, dict(attrs), 0, (), loc, name)
    props = {k: v for k, v in attrs.items() if k in cls.property_names()}
    rest = {k: v for k, v in attrs.items() if k not in props}
    op: Operation = cls.create(list(operands), [result_type], props, rest, location=loc)
    return op


# ---------------------------------------------------------------------------------------------------------------
# payload builders (MLIR's RegionBuilderHelper and convertScalarToDtype)
# ---------------------------------------------------------------------------------------------------------------


class PayloadBuilder:
    """Appends the scalar ops of a named op's payload to ``block`` (MLIR's ``RegionBuilderHelper``): casts, the
    binary functions of OpDSL and the final ``linalg.yield``; every op gets ``loc`` (unknown by default)."""

    def __init__(self, block: Block, loc: LocationAttr | None = None):
        self.block = block
        self.loc = loc or UnknownLoc()

    def _emit(self, name: str, operands: Sequence[Value], result: Type) -> Value:
        op = arith.DIALECT.ops["arith." + name].create(list(operands), [result], location=self.loc)
        self.block.append(op)
        return op.results[0]  # type: ignore[no-any-return]

    def cast(self, to: Type, v: Value, unsigned: bool = False) -> Value:
        """MLIR's ``convertScalarToDtype``: integer widths extend (``extsi``/``extui``) or truncate, floats extend or
        truncate, int <-> float convert, index casts with ``index_cast``; equal types pass through."""
        src = v.type
        if src == to:
            return v
        if isinstance(to, IntegerType):
            if isinstance(src, FloatType):
                return self._emit("fptoui" if unsigned else "fptosi", [v], to)
            if isinstance(src, IndexType):
                return self._emit("index_cast", [v], to)
            if isinstance(src, IntegerType):
                if to.width > src.width:
                    return self._emit("extui" if unsigned else "extsi", [v], to)
                if to.width < src.width:
                    return self._emit("trunci", [v], to)
                return v
        elif isinstance(to, FloatType):
            if isinstance(src, IntegerType):
                return self._emit("uitofp" if unsigned else "sitofp", [v], to)
            if isinstance(src, FloatType):
                if to.width > src.width:
                    return self._emit("extf", [v], to)
                if to.width < src.width:
                    return self._emit("truncf", [v], to)
                return v
        return v

    def binary(self, fn: str, a: Value, b: Value) -> Value:
        """OpDSL's ``BinaryFn``: ``add``/``mul`` (``ori``/``andi`` on ``i1``), ``max_signed``."""
        t = a.type
        is_float = isinstance(t, FloatType)
        is_bool = isinstance(t, IntegerType) and t.width == 1
        table = {
            "add": "addf" if is_float else "ori" if is_bool else "addi",
            "mul": "mulf" if is_float else "andi" if is_bool else "muli",
            "max_signed": "maximumf" if is_float else "maxsi",
        }
        return self._emit(table[fn], [a, b], t)

    def yield_(self, values: Sequence[Value]) -> None:
        from .linalg import YieldOp

        self.block.append(YieldOp.create(list(values), [], location=self.loc))


def new_payload_block(inputs: Sequence[Type], outputs: Sequence[Type]) -> Block:
    """The payload block of operands of these types (MLIR's ``fillStructuredOpRegion``), arguments at unknown
    locations."""
    return Block([payload_type(t) for t in (*inputs, *outputs)], [UnknownLoc()] * (len(inputs) + len(outputs)))


def structured_segments(n_in: int, n_out: int) -> Attribute:
    return segments(n_in, n_out)


__all__ = [
    "AffineMapArray", "ATTRIBUTE_PARSERS", "IteratorTypeAttr", "IteratorTypeArray", "LinalgOp",
    "PARALLEL", "PAYLOAD_RULES", "PayloadBuilder", "REDUCTION", "STRUCTURED_RULES", "TypeFnAttr",
    "affine_maps_attr", "concat_maps", "create_payload_op", "enclosing_linalg_op", "i64_list",
    "inverse_permutation", "iterator_types_attr", "lookahead_loc", "new_payload_block", "payload_type", "print_arrow_types",
    "print_attrs", "print_io", "print_long_region", "print_region_args", "resolve_io", "split_attrs",
    "static_shape", "verify_destination_style", "verify_structured",
]
